package render

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// A damaged font is a layout error at the font's key, found by loading
// the layout (the same code for check and render), and nothing reaches
// standard output on the way: fpdf used to print "Illegal format…" or
// "ERROR - copyright restrictions." there, into PDFs written to
// standard output and before e-mail headers.
func TestDamagedFontsAreLayoutErrorsAndPrintNothing(t *testing.T) {
	fonts, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "layouts", "damaged-*.ttf"))
	if len(fonts) < 4 {
		t.Fatalf("found only %v", fonts)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "seed-statement.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, list := statement.Parse("seed-statement.toml", src, statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	for _, f := range fonts {
		abs, _ := filepath.Abs(f)
		dir := t.TempDir()
		file := filepath.Join(dir, "brand.toml")
		layoutSrc := "extends = \"default\"\n[fonts.body]\nregular = " + strconvQuote(abs) + "\n"
		if err := os.WriteFile(file, []byte(layoutSrc), 0o644); err != nil {
			t.Fatal(err)
		}
		out := captureStdout(t, func() {
			lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
			l, diags := lib.Load(file, "")
			if l != nil || len(diags) != 1 || diags[0].Pos.Line != 3 || diags[0].Pos.Col != 11 ||
				!strings.Contains(diags[0].Message, "fonts.body.regular") || diags[0].Hint == "" {
				t.Errorf("%s: got layout %v and %v; want one error at 3:11 naming fonts.body.regular, with a hint", f, l != nil, diags)
			}
			if l != nil {
				RenderStatement(io.Discard, s, l, Options{})
			}
		})
		if out != "" {
			t.Errorf("%s: %q written on standard output", f, out)
		}
	}
}

func strconvQuote(s string) string { return "'" + s + "'" }

// captureStdout runs f and returns what it wrote on standard output.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = old }()
	f()
	w.Close()
	os.Stdout = old
	return <-done
}
