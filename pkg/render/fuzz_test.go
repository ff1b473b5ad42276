package render

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// FuzzParseRender parses arbitrary input and renders whatever parses: it
// must never panic, refuse only with diagnostics, and lay out with nothing
// off the page. Crashers are kept in testdata/fuzz/FuzzParseRender.
func FuzzParseRender(f *testing.F) {
	seeds, _ := filepath.Glob("../../examples/*.toml")
	stress, _ := filepath.Glob("../../testdata/render/*.toml")
	for _, file := range append(seeds, stress...) {
		if src, err := os.ReadFile(file); err == nil && len(src) < 20000 {
			f.Add(src)
		}
	}
	f.Add([]byte("headline = \"x\"\ndate = 2024-01-01\nsummary = \"**a** *b* [c](https://d) <mailto:e@f.g>\\\\\\n- h\"\n"))
	f.Add([]byte("headline = \"\\u00ad\\u200b\\u2212\\u2192\"\ndate = 2024-02-29\nembargo = 2024-02-28T23:59:00+05:30\nsummary = \"1. a\\n2. b\\n   - c\"\n"))
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, list := lib.Load("default", ".")
	if l == nil || list.HasErrors() {
		f.Fatalf("default layout: %v", list)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, list := statement.Parse("fuzz.toml", src, statement.Options{})
		if s == nil || list.HasErrors() {
			return
		}
		_, err := RenderStatement(io.Discard, s, l, Options{Version: "fuzz"})
		if err != nil {
			var le *diag.ListError
			if !errors.As(err, &le) {
				t.Fatalf("render failed without diagnostics: %v", err)
			}
			return
		}
		p, err := LayoutStatement(s, l)
		if err != nil {
			t.Fatalf("rendered, but Layout fails: %v", err)
		}
		for _, pr := range planProblems(p) {
			t.Errorf("%s", pr)
		}
	})
}
