package render

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// coverage answers whether a layout can show a character in every style
// the renderer may set it in.
type coverage struct {
	styles    []*font.Font
	fallbacks []*font.Font
}

func newCoverage(l *layout.Layout) coverage {
	var cv coverage
	seen := map[*font.Font]bool{}
	for _, fam := range []layout.Family{l.Fonts.Body, l.Fonts.Heading} {
		for _, f := range []*font.Font{fam.Regular, fam.Bold, fam.Italic, fam.BoldItalic} {
			if f != nil && !seen[f] {
				seen[f] = true
				cv.styles = append(cv.styles, f)
			}
		}
	}
	for _, f := range l.Fonts.Fallbacks {
		if f != nil {
			cv.fallbacks = append(cv.fallbacks, f)
		}
	}
	return cv
}

// shows reports whether r can be set in any style: every style's font
// has it, or a fallback does. Characters above U+FFFF cannot be written
// by the PDF library, whatever the fonts.
func (cv coverage) shows(r rune) bool {
	if isSpace(r) || r == softHyphen { // a soft hyphen is never drawn as itself
		return true
	}
	if r > 0xFFFF || r < ' ' || len(cv.styles) == 0 {
		return false
	}
	all := true
	for _, f := range cv.styles {
		if !f.Has(r) {
			all = false
			break
		}
	}
	if all {
		return true
	}
	for _, f := range cv.fallbacks {
		if f.Has(r) {
			return true
		}
	}
	return false
}

// Check reports what the statement needs of the layout: every character no
// font of the layout can show, as an error at its place in the file; and
// first, each limit on a document's work (MaxLinks, MaxChars, MaxBlocks)
// the statement goes over.
func Check(s *statement.Statement, l *layout.Layout) diag.List {
	var list diag.List
	if l == nil || s == nil {
		return list
	}
	if list = bounds(s); list.HasErrors() {
		return list
	}
	cv := newCoverage(l)
	if len(cv.styles) == 0 {
		list.Errorf(diag.Pos{File: l.Name}, "", "the layout has no body font")
		return list
	}
	for _, f := range s.Texts() {
		if !drawn(f.Key) {
			continue
		}
		reported := map[rune]int{}
		var order []rune
		first := map[rune]int{}
		for off, r := range f.Value {
			// A script pressroom cannot shape is CheckPDF's to report,
			// once: the text renditions show it well.
			if shapedScript(r) != "" || cv.shows(r) {
				continue
			}
			if _, ok := reported[r]; !ok {
				order = append(order, r)
				first[r] = off
			}
			reported[r]++
		}
		for _, r := range order {
			msg := fmt.Sprintf("%s in %s cannot be shown: no font of the layout has it", describeRune(r), statement.DisplayKey(f.Key))
			if n := reported[r]; n > 1 {
				msg += fmt.Sprintf(" (%d times in this text)", n)
			}
			list.Errorf(s.Locate(f.Key, first[r]), runeHint(r), "%s", msg)
		}
	}
	list.Sort()
	return list
}

// CheckPDF reports what only the PDF cannot do with the statement, which
// the text, HTML and e-mail renditions can: a language whose script
// pressroom cannot shape yet, once at lang; text in such a script, once
// per script rather than once per character; words of the language's
// table that no font of the layout has.
func CheckPDF(s *statement.Statement, l *layout.Layout) diag.List {
	if s == nil || l == nil {
		return nil
	}
	cv := newCoverage(l)
	list := checkLanguage(s, cv)
	if list.HasErrors() && release.WordsFor(s.Lang).Shaped() {
		return list // the language's own message says it all
	}
	scripts := map[string]*scriptUse{}
	var order []string
	for _, f := range s.Texts() {
		if !drawn(f.Key) {
			continue
		}
		last := ""
		for off, r := range f.Value {
			name := shapedScript(r)
			if name == "" {
				continue
			}
			// Signs shared between scripts (the danda in Bengali text,
			// U+0964 and U+0965) count with the script they follow.
			if (r == 0x0964 || r == 0x0965) && last != "" {
				name = last
			}
			last = name
			u := scripts[name]
			if u == nil {
				u = &scriptUse{pos: s.Locate(f.Key, off), key: statement.DisplayKey(f.Key)}
				scripts[name] = u
				order = append(order, name)
			}
			u.n++
		}
	}
	for _, name := range order {
		u := scripts[name]
		list.Errorf(u.pos, "the next release will; until then leave this passage out of the PDF or write it in Latin letters (pressroom text and html show it)",
			"%s text (%d characters, the first in %s) cannot be set in a PDF yet: pressroom does not yet shape %s",
			name, u.n, u.key, shapeReason(name))
	}
	list.Sort()
	return list
}

// scriptUse is where a statement first uses a script pressroom cannot
// shape, and how many characters of it there are.
type scriptUse struct {
	pos diag.Pos
	key string
	n   int
}

// shapedScripts are the Unicode blocks of the scripts whose letters
// change shape with their neighbours or are written right to left: fpdf
// sets one glyph per character, left to right, so it cannot set them
// (STYLE.md). Blocks, not scripts, so that the punctuation they share
// (the danda ।, the Arabic comma ،) counts with them.
var shapedScripts = []struct {
	lo, hi rune
	name   string
	rtl    bool
}{
	{0x0590, 0x05FF, "Hebrew", true},
	{0x0600, 0x06FF, "Arabic-script", true},
	{0x0700, 0x074F, "Syriac", true},
	{0x0750, 0x077F, "Arabic-script", true},
	{0x0780, 0x07BF, "Thaana", true},
	{0x08A0, 0x08FF, "Arabic-script", true},
	{0x0900, 0x097F, "Devanagari", false},
	{0x0980, 0x09FF, "Bengali", false},
	{0x0A00, 0x0A7F, "Gurmukhi", false},
	{0x0A80, 0x0AFF, "Gujarati", false},
	{0x0B00, 0x0B7F, "Oriya", false},
	{0x0B80, 0x0BFF, "Tamil", false},
	{0x0C00, 0x0C7F, "Telugu", false},
	{0x0C80, 0x0CFF, "Kannada", false},
	{0x0D00, 0x0D7F, "Malayalam", false},
	{0x0D80, 0x0DFF, "Sinhala", false},
	{0x0E00, 0x0E7F, "Thai", false},
	{0x0E80, 0x0EFF, "Lao", false},
	{0x0F00, 0x0FFF, "Tibetan", false},
	{0x1000, 0x109F, "Myanmar", false},
	{0x1780, 0x17FF, "Khmer", false},
	{0xFB1D, 0xFB4F, "Hebrew", true},
	{0xFB50, 0xFDFF, "Arabic-script", true},
	{0xFE70, 0xFEFF, "Arabic-script", true},
}

// shapedScript names r's script when pressroom cannot shape it; empty
// otherwise. A shared sign of these blocks (the danda, U+0964) is named
// by its block; callers count it with the script around it.
func shapedScript(r rune) string {
	if r < 0x0590 {
		return ""
	}
	for _, sc := range shapedScripts {
		if r >= sc.lo && r <= sc.hi {
			if r == 0xFEFF {
				return "" // a byte order mark is the coverage check's
			}
			return sc.name
		}
	}
	return ""
}

func shapeReason(name string) string {
	for _, sc := range shapedScripts {
		if sc.name == name && sc.rtl {
			return "right-to-left scripts or join their letters"
		}
	}
	return "scripts whose letters combine"
}

// checkLanguage reports what the statement's language means for the
// PDF: a language in a script pressroom cannot shape yet is refused once,
// clearly, at lang; labels of its table a layout's fonts lack are named.
func checkLanguage(s *statement.Statement, cv coverage) diag.List {
	var list diag.List
	w := release.WordsFor(s.Lang)
	pos := s.Locate("lang", 0)
	if w.Shaped() {
		reason := "scripts whose letters combine"
		if w.RightToLeft() {
			reason = "right-to-left scripts or join their letters"
		}
		list.Errorf(pos, "the next release will; until then pressroom text and pressroom html write it, and a PDF needs a language written in Latin letters",
			"lang = %q: pressroom cannot set %s (%s) in a PDF yet: it does not shape %s",
			s.Lang, w.Name, w.Script(), reason)
		return list
	}
	var missing []rune
	seen := map[rune]bool{}
	for _, k := range layout.WordKeys {
		v, _ := w.Label(k)
		for _, r := range v {
			if !seen[r] && !cv.shows(r) {
				seen[r] = true
				missing = append(missing, r)
			}
		}
	}
	if len(missing) > 0 {
		eg := missing
		if len(eg) > 3 {
			eg = eg[:3]
		}
		var names []string
		for _, r := range eg {
			names = append(names, describeRune(r))
		}
		list.Errorf(pos, "add a font that has them to the layout's fonts.fallbacks, e.g. Noto Sans SC for Chinese",
			"lang = %q: the %s words pressroom adds cannot be shown: no font of the layout has %d of their characters (%s)",
			s.Lang, w.Name, len(missing), strings.Join(names, ", "))
	}
	return list
}

// describeRune names a character as U+XXXX and, when printable, itself.
func describeRune(r rune) string {
	if r < ' ' || r == 0x7F || r >= 0x80 && r < 0xA0 {
		return fmt.Sprintf("U+%04X (a control character)", r)
	}
	return fmt.Sprintf("U+%04X %q", r, string(r))
}

func runeHint(r rune) string {
	switch {
	case r < ' ' || r == 0x7F:
		return "delete the invisible control character (it may have come from a copy and paste)"
	case r > 0xFFFF:
		return "write it in words or delete it: emoji and other characters beyond U+FFFF cannot be set in the PDF"
	case strings.ContainsRune("\u200b\u200c\u200d\u2060\ufeff", r):
		return "delete the invisible character (it may have come from a copy and paste)"
	}
	return "write it another way, or use a layout whose fonts include it (fonts.fallbacks)"
}

// drawn reports whether the text of a key is set on the page in the
// layout's fonts. The layout's name and path, the language tag and the
// keywords only go into the file's metadata, where any character is fine.
func drawn(key string) bool {
	return key != "layout" && key != "lang" && !strings.HasPrefix(key, "keywords")
}
