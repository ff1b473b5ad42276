package render

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
)

// BenchmarkRenderSeed renders the seed example in-process, the statement
// parsed and the layout loaded once, as a batch does.
func BenchmarkRenderSeed(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	s, l := parseFile(b, lib, "../../examples/seed-statement.toml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderStatement(io.Discard, s, l, Options{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderSeedCached is the same with a Cache shared across
// documents, as a batch run would use: the logo decoded once (fonts are
// parsed once with the layout either way).
func BenchmarkRenderSeedCached(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	s, l := parseFile(b, lib, "../../examples/seed-statement.toml")
	opts := Options{Version: "bench", Cache: NewCache()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderStatement(io.Discard, s, l, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutSeed is the typesetting step alone (it still loads the
// fonts into fpdf, which measuring needs).
func BenchmarkLayoutSeed(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	s, l := parseFile(b, lib, "../../examples/seed-statement.toml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LayoutStatement(s, l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderCommand runs a whole `pressroom render` process on the
// seed example: start-up, parsing, loading the layout and fonts, rendering
// and writing the file. The binary is built once.
func BenchmarkRenderCommand(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "pressroom")
	build := exec.Command("go", "build", "-o", bin, "github.com/pressroom/pressroom/cmd/pressroom")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	src, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		b.Fatal(err)
	}
	stmt := filepath.Join(dir, "seed-statement.toml")
	if err := os.WriteFile(stmt, src, 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "seed.pdf")
	b.ReportAllocs()
	for b.Loop() {
		cmd := exec.Command(bin, "render", stmt, "-o", out)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1734393600")
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("pressroom render: %v\n%s", err, msg)
		}
	}
}

// BenchmarkRenderScripts renders each statement of testdata/scripts (a
// release of about 150 words in Urdu's Nastaliq, Arabic, Bengali …), as
// BenchmarkRenderSeed does the seed: the cost of shaping and of glyph-mode
// fonts.
func BenchmarkRenderScripts(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, name := range []string{"ur", "ar", "bn", "hi", "zh"} {
		b.Run(name, func(b *testing.B) {
			s, l := parseFile(b, lib, "../../testdata/scripts/"+name+".toml")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := RenderStatement(io.Discard, s, l, Options{Version: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
