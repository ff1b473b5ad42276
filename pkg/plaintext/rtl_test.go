package plaintext

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pipeline"
)

// mark is U+200F RIGHT-TO-LEFT MARK.
const mark = "\u200f"

// In the text of a right-to-left release, a line whose first letter is
// Latin (an English name, an address) opens with a right-to-left mark, so
// that a mail program that finds each paragraph's direction from its first
// letter (dir=auto) still sets it right to left; other lines are left as
// they are. The Urdu statement is given a paragraph that opens with "NHS";
// the Arabic one, as it is, has no line to mark.
func TestRightToLeftLinesStartRightToLeft(t *testing.T) {
	for _, tc := range []struct{ file, from, to string }{
		{"ur.toml", "مزید معلومات کے لیے NHS", "مزید معلومات کے لیے\n\nNHS"},
		{"ar.toml", "", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile("../../testdata/scripts/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if tc.from != "" {
				if !strings.Contains(string(src), tc.from) {
					t.Fatalf("%s no longer has %q", tc.file, tc.from)
				}
				src = []byte(strings.Replace(string(src), tc.from, tc.to, 1))
			}
			text := releaseText(t, tc.file, src)
			marked := 0
			for i, line := range strings.Split(text, "\n") {
				first := firstLetter(strings.TrimPrefix(line, mark))
				want := first != 0 && unicode.In(first, unicode.Latin)
				if got := strings.HasPrefix(line, mark); got != want {
					t.Errorf("line %d %q: starts with U+200F %v, want %v", i+1, line, got, want)
				}
				if want {
					marked++
				}
				if strings.Count(line, mark) > 1 || strings.Contains(strings.TrimPrefix(line, mark), mark) {
					t.Errorf("line %d %q: a mark inside the line", i+1, line)
				}
			}
			if tc.from != "" && (marked == 0 || !strings.Contains(text, "\n"+mark+"NHS ")) {
				t.Errorf("the paragraph that opens with NHS has no mark:\n%s", text)
			}
		})
	}
	// A left-to-right release gets no mark.
	src, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		t.Fatal(err)
	}
	if text := releaseText(t, "seed-statement.toml", src); strings.Contains(text, mark) {
		t.Errorf("an English text has a right-to-left mark")
	}
}

// firstLetter is the first letter of s, 0 for none.
func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r
		}
	}
	return 0
}

func releaseText(t *testing.T, name string, src []byte) string {
	t.Helper()
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	job, list := pipeline.Load(name, src, pipeline.Options{Layouts: lib})
	if job == nil {
		t.Fatalf("%s:\n%v", name, list)
	}
	r, err := job.Release()
	if err != nil {
		t.Fatal(err)
	}
	return String(r)
}
