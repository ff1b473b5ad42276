package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

var wantLine = regexp.MustCompile(`(?m)^# want: (\d+:\d+) (.*)$`)

// TestLint runs the accessibility lint on the statements in testdata
// and compares its warnings with the "# want:" lines written in them.
func TestLint(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no lint cases: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, list := statement.Parse(file, src, statement.Options{})
			if list.HasErrors() {
				t.Fatalf("statement does not parse:\n%v", list)
			}
			var want []string
			for _, m := range wantLine.FindAllStringSubmatch(string(src), -1) {
				want = append(want, m[1]+" "+m[2])
			}
			var got []string
			for _, d := range Accessibility(s, nil) {
				if d.Hint == "" {
					t.Errorf("%s: no hint", d)
				}
				got = append(got, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Message))
			}
			for _, w := range want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("missing warning %q", w)
				}
			}
			for _, g := range got {
				if !slices.ContainsFunc(want, func(w string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("unwanted warning %q", g)
				}
			}
		})
	}
}

// TestLintLogo: a logo with no alternative text warns, unless the
// organisation's name is set beside it; one with alt text does not.
func TestLintLogo(t *testing.T) {
	s, list := statement.Parse("s.toml", []byte("headline = \"A headline\"\ndate = 2025-03-04\nsummary = \"Text.\"\n"), statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	for _, tt := range []struct {
		logo *layout.Logo
		want int
	}{
		{&layout.Logo{}, 1},
		{&layout.Logo{Wordmark: true}, 0},
		{&layout.Logo{Alt: "Harrowby Vale Borough Council logo"}, 0},
		{nil, 0},
	} {
		l := &layout.Layout{Name: "brand.toml", Logo: tt.logo, Organisation: layout.Organisation{Name: "Harrowby Vale Borough Council"}}
		got := Accessibility(s, l)
		if len(got) != tt.want {
			t.Errorf("logo %+v: %d warnings, want %d: %v", tt.logo, len(got), tt.want, got)
		}
		if len(got) == 1 && (got[0].Pos.File != "brand.toml" || !strings.Contains(got[0].Hint, `alt = "Harrowby Vale Borough Council logo"`)) {
			t.Errorf("logo warning %v", got[0])
		}
	}
}
