package release

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

func TestCheckLang(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		words map[string]map[string]string
		want  []string
	}{
		{"en-GB", nil, nil},
		{"cy-GB", map[string]map[string]string{"cy": {}}, []string{`warning: lang = "cy-GB": 8 of the Welsh labels pressroom adds have no confirmed source yet and wait for a native speaker's check: immediate, more-mark,`}},
		{"cy", map[string]map[string]string{"cy": {"immediate": "x", "more-mark": "x", "about-heading": "x", "contact-heading": "x", "contacts-heading": "x", "reference": "x", "footer-reference": "x", "page-number": "x", "mobile": "x", "office": "x"}}, nil},
		{"xx", nil, []string{`warning: lang = "xx": pressroom has no words for this language: the labels and dates it adds fall back to British English (en-GB)`}},
		{"zh-Hant", nil, []string{`warning: lang = "zh-Hant": pressroom has no table for this tag: the labels and dates it adds are in the closest it has, Chinese (Simplified) (zh)`, `warning: lang = "zh-Hant": 15 of the Chinese`}},
	} {
		src := "headline = \"T\"\ndate = 2024-12-17\nlang = \"" + tc.lang + "\"\nsummary = \"S\"\n"
		s, list := statement.Parse("s.toml", []byte(src), statement.Options{})
		if s == nil || list.HasErrors() {
			t.Fatal(list)
		}
		got := CheckLang(s, &layout.Layout{Words: tc.words})
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d diagnostics, want %d: %v", tc.lang, len(got), len(tc.want), got)
			continue
		}
		for i, d := range got {
			if !strings.Contains(d.String(), tc.want[i]) {
				t.Errorf("%s: %q lacks %q", tc.lang, d.String(), tc.want[i])
			}
		}
	}
}

// TestLayoutWords: a layout's [words.TAG] wins over the table for that
// language and no other; [words.xx] never changes English.
func TestLayoutWords(t *testing.T) {
	l := &layout.Layout{Text: layout.Wording{Immediate: "For immediate release", Embargoed: "Embargoed until {time}", EndMark: "ENDS", MoreMark: "- more -", Kind: "Press release"},
		Words: map[string]map[string]string{"cy": {"immediate": "I'w ryddhau ar unwaith"}, "xx": {"notes-heading": "Xx"}}}
	for _, tc := range []struct{ lang, immediate, notes string }{
		{"cy", "I'w ryddhau ar unwaith", "Nodiadau i olygyddion"},
		{"cy-GB", "I'w ryddhau ar unwaith", "Nodiadau i olygyddion"},
		{"en-GB", "For immediate release", "Note to editors"},
		{"xx", "For immediate release", "Xx"},
	} {
		w := WordsFor(tc.lang)
		w.resolve(l, tc.lang)
		if w.ReleaseLine(nil, l) != tc.immediate || w.NotesHeading != tc.notes {
			t.Errorf("%s: %q, %q; want %q, %q", tc.lang, w.ReleaseLine(nil, l), w.NotesHeading, tc.immediate, tc.notes)
		}
	}
}
