package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	goldenfile "github.com/pressroom/pressroom/internal/golden"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
)

// The page plans of the examples, as text, against the goldens in
// testdata/render/golden. A change in typesetting shows there as a
// readable diff; run `go test ./pkg/render -run Golden -update` to accept
// it after looking at the PDFs.
func TestPlanGolden(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	files := exampleFiles(t)
	files = append(files, "../../testdata/render/url-2000.toml")
	for _, file := range files {
		name := exampleName(file)
		t.Run(name, func(t *testing.T) {
			s, l := parseFile(t, lib, file)
			p, err := LayoutStatement(s, l)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if _, err := p.WriteTo(&got); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("../../testdata/render/golden", name+".plan")
			if goldenfile.Update() {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("plan differs from %s at line %d:\n got: %s\nwant: %s\n(run with -update to accept)", golden, i+1, g, w)
					}
				}
			}
		})
	}
}
