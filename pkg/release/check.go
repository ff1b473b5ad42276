package release

import (
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// CheckLang reports what the statement's language means for the words
// pressroom adds: a tag with no table of its own falls back (named, with
// the table it falls back to), and labels no real source confirms yet
// are listed for a native speaker to check, unless the layout sets them
// under [words.TAG].
func CheckLang(s *statement.Statement, l *layout.Layout) diag.List {
	var list diag.List
	if s == nil || l == nil {
		return list
	}
	pos := s.Locate("lang", 0)
	m := MatchLang(s.Lang)
	switch {
	case m.Exact:
	case m.Tag == "en-GB":
		list.Warnf(pos, "pressroom has tables for "+strings.Join(supported, ", ")+`; or set every label for this language in the layout under [words.`+s.Lang+`] (docs/languages.md)`,
			"lang = %q: pressroom has no words for this language: the labels and dates it adds fall back to British English (en-GB)", s.Lang)
	default:
		list.Warnf(pos, `write lang = "`+m.Tag+`" to say so, or set the labels in the layout under [words.`+s.Lang+`]`,
			"lang = %q: pressroom has no table for this tag: the labels and dates it adds are in the closest it has, %s (%s)", s.Lang, m.Name, m.Tag)
	}
	w := WordsFor(s.Lang)
	set := map[string]bool{}
	for tag, labels := range l.Words {
		if w.setBy(tag, s.Lang) {
			for k := range labels {
				set[k] = true
			}
		}
	}
	var unchecked []string
	for _, k := range w.unchecked {
		if !set[k] {
			unchecked = append(unchecked, k)
		}
	}
	if len(unchecked) > 0 {
		list.Warnf(pos, "docs/languages.md gives the source of each label; set checked wording in the layout under [words."+w.Lang+"]",
			"lang = %q: %d of the %s labels pressroom adds have no confirmed source yet and wait for a native speaker's check: %s",
			s.Lang, len(unchecked), w.Name, strings.Join(unchecked, ", "))
	}
	return list
}
