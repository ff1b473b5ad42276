package render

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/shaping"
	"github.com/pressroom/pressroom/pkg/statement"
)

// coverage answers whether a layout can show a character in every style
// the renderer may set it in.
type coverage struct {
	styles    []*font.Font
	fallbacks []*font.Font
	// script gives the built-in family for a script, the end of the
	// fallback chain (layout.Fonts.Script); nil for none.
	script func(script, lang string) (layout.Family, bool)
}

func newCoverage(l *layout.Layout) coverage {
	cv := coverage{script: l.Fonts.Script}
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
	// A soft hyphen is never drawn as itself; an invisible character
	// (ignorable.go) is drawn with no ink or left out.
	if isSpace(r) || defaultIgnorable(r) {
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

// showsIn is shows for r in text of script (ISO 15924) in language lang:
// the built-in family for the script counts too, in every style.
func (cv coverage) showsIn(r rune, script, lang string) bool {
	if cv.shows(r) {
		return true
	}
	if cv.script == nil || r > 0xFFFF || r < ' ' {
		return false
	}
	fam, ok := cv.script(script, lang)
	if !ok {
		return false
	}
	for _, f := range []*font.Font{fam.Regular, fam.Bold, fam.Italic, fam.BoldItalic} {
		if f != nil && !f.Has(r) {
			return false
		}
	}
	return fam.Regular != nil
}

// scriptsOf returns the script (ISO 15924, as the renderer's segments
// resolve it: common characters take their neighbours') of each byte
// offset of text that starts a character; nil for text of plain Latin.
func scriptsOf(text string, rtl bool) map[int]string {
	plain := !rtl
	for _, r := range text {
		if r >= 0x0590 {
			plain = false
			break
		}
	}
	if plain {
		return nil
	}
	out := map[int]string{}
	for _, seg := range shaping.Segments(text, rtl) {
		for off := range text[seg.Start:seg.End] {
			out[seg.Start+off] = seg.Script
		}
	}
	return out
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
	// A letter of a complex script that no font has is one error per
	// script, at its first use: a missing font, not forty missing letters.
	rtl := release.WordsFor(s.Lang).RightToLeft()
	scripts := map[string]*scriptUse{}
	var scriptOrder []string
	for _, f := range s.Texts() {
		if !drawn(f.Key) {
			continue
		}
		reported := map[rune]int{}
		var order []rune
		first := map[rune]int{}
		last := ""
		iso := scriptsOf(f.Value, rtl)
		for off, r := range f.Value {
			name := scriptOfLetter(r)
			// Signs shared between scripts (the danda in Bengali text,
			// the Arabic comma in Urdu) count with the script they follow.
			if name == "" && sharedSign(r) {
				name = last
			}
			if name != "" {
				last = name
			}
			if cv.showsIn(r, iso[off], s.Lang) {
				continue
			}
			if name != "" {
				u := scripts[name]
				if u == nil {
					u = &scriptUse{pos: s.Locate(f.Key, off), key: statement.DisplayKey(f.Key), iso: iso[off]}
					scripts[name] = u
					scriptOrder = append(scriptOrder, name)
				}
				u.n++
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
	for _, name := range scriptOrder {
		u := scripts[name]
		list.Errorf(u.pos, scriptHint(name, u.iso, s.Lang),
			"%s text needs a font with the %s script: no font of the layout has it (%d characters, the first in %s)",
			name, name, u.n, u.key)
	}
	list.Sort()
	return list
}

// CheckPDF reports what only the PDF cannot do with the statement, which
// the text, HTML and e-mail renditions can: words of the language's table
// that no font of the layout has.
func CheckPDF(s *statement.Statement, l *layout.Layout) diag.List {
	if s == nil || l == nil {
		return nil
	}
	list := checkLanguage(s, newCoverage(l))
	list.Sort()
	return list
}

// scriptUse is where a statement first uses a script no font of the
// layout has, and how many characters of it there are.
type scriptUse struct {
	pos diag.Pos
	key string
	iso string // its ISO 15924 code, as the renderer's segments name it
	n   int
}

// scriptOfLetter names the script of r when a missing r is best reported
// with the rest of its script: a letter, mark or digit of any script but the
// Latin, Greek and Cyrillic that a text font has (a layout missing one
// of those misses a letter, not a script). Empty otherwise.
func scriptOfLetter(r rune) string {
	if r < 0x0370 || !unicode.In(r, unicode.L, unicode.M, unicode.Nd) {
		return ""
	}
	for name, table := range unicode.Scripts {
		switch name {
		case "Latin", "Greek", "Cyrillic", "Common", "Inherited":
			continue
		}
		if unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// sharedSign reports a sign that Unicode gives no script of its own but
// that stands in the blocks of the scripts from Hebrew to Ethiopic (the
// danda ।, the Arabic comma ، and question mark ؟): it belongs to the
// text around it.
func sharedSign(r rune) bool {
	return r >= 0x0590 && r <= 0x1FFF && !unicode.In(r, unicode.L, unicode.M, unicode.Nd)
}

// scriptHint says how to give a layout a font for a script: the bundled
// one when pressroom has it.
func scriptHint(name, iso, lang string) string {
	if fam, ok := font.BundledFor(iso, lang); ok {
		return fmt.Sprintf("add %q to the layout's fonts.fallbacks (it is built in), or a font file of your own that has %s", fam.Name, name)
	}
	return fmt.Sprintf("add a font file that has %s to the layout's fonts.fallbacks, e.g. a Noto font for it (notofonts.github.io)", name)
}

// checkLanguage reports the labels of the statement's language (its
// table of words) that no font of the layout has.
func checkLanguage(s *statement.Statement, cv coverage) diag.List {
	var list diag.List
	w := release.WordsFor(s.Lang)
	pos := s.Locate("lang", 0)
	var missing []rune
	seen := map[rune]bool{}
	for _, k := range layout.WordKeys {
		v, _ := w.Label(k)
		iso := scriptsOf(v, w.RightToLeft())
		for off, r := range v {
			if !seen[r] && !cv.showsIn(r, iso[off], s.Lang) {
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
	}
	return "write it another way, or use a layout whose fonts include it (fonts.fallbacks)"
}

// drawn reports whether the text of a key is set on the page in the
// layout's fonts. The layout's name and path, the language tag and the
// keywords only go into the file's metadata, where any character is fine.
func drawn(key string) bool {
	return key != "layout" && key != "lang" && !strings.HasPrefix(key, "keywords")
}
