package render

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
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
			if cv.shows(r) {
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
