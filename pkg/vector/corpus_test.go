package vector_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/vector"
)

func corpus(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "svg", "*.svg"))
	if len(files) == 0 {
		t.Fatal("no SVGs in testdata/svg")
	}
	return files
}

func parseFile(t testing.TB, file string) *vector.Drawing {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := vector.Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return d
}

// FuzzParse feeds arbitrary bytes to Parse: it never panics, and what it
// accepts is within the limits and written back as SVG that parses.
func FuzzParse(f *testing.F) {
	for _, file := range corpus(f) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0a1 1 0 1 1 1 1z"/></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := vector.Parse(data)
		if err != nil {
			return
		}
		if !(d.Width > 0 && d.Height > 0) || len(d.Shapes) == 0 {
			t.Fatalf("accepted a drawing of %g × %g with %d shapes", d.Width, d.Height, len(d.Shapes))
		}
		if _, err := vector.Parse(d.SVG()); err != nil {
			t.Fatalf("the written SVG does not parse: %v\n%s", err, d.SVG())
		}
	})
}

// FuzzAttributes puts arbitrary text in a path's d, transform and style
// and a gradient's attributes, where the hand-written parsers are: they
// never panic, and what is accepted is written back as SVG that parses.
func FuzzAttributes(f *testing.F) {
	f.Add("M0 0a1 1 0 1 1 1 1z", "rotate(30 1 1) skewX(10)", "fill:url(#g);stroke:red;stroke-width:2", "0.5")
	f.Add("m1.5.5-1-2e1c1 1 1 1 1 1s2 2 2 2q1 1 1 1t3 3h1v1z", "matrix(1 0 0 1 0 0)", "opacity:.5", "50%")
	f.Fuzz(func(t *testing.T, d, transform, style, offset string) {
		esc := func(s string) string {
			var b strings.Builder
			xml.EscapeText(&b, []byte(s))
			return b.String()
		}
		src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><radialGradient id="g" fx="` + esc(offset) +
			`"><stop offset="` + esc(offset) + `" stop-color="blue"/><stop offset="1"/></radialGradient></defs>` +
			`<path d="` + esc(d) + `" transform="` + esc(transform) + `" style="` + esc(style) + `"/></svg>`
		dr, err := vector.Parse([]byte(src))
		if err != nil {
			return
		}
		if _, err := vector.Parse(dr.SVG()); err != nil {
			t.Fatalf("the written SVG does not parse: %v\n%s", err, dr.SVG())
		}
	})
}
