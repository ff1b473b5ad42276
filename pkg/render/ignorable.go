package render

import (
	"unicode"
)

// Invisible characters. Unicode's default-ignorable code points — the
// zero width space, word joiner, joiners and non-joiners, direction marks,
// the byte order mark, variation selectors, tags — are never shown: a
// text that contains them reads as if they were not there (The Unicode
// Standard, section 5.21). Fonts disagree: Noto Sans maps the word joiner
// U+2060 to a blank glyph 600 units wide, which drew "word⁠joiner" as
// "word  joiner". So text set a character at a time gives each of them no
// width whatever the font says (breaker.ignorable says which are drawn),
// and Check does not ask a font for them. Shaped text (Arabic, the Indic
// scripts) is shaped with them in place: HarfBuzz gives them no width and
// uses the joiners (ZWJ, ZWNJ) to join or part letters.

// defaultIgnorable reports whether r has Unicode's Default_Ignorable_Code_Point
// property. Go's unicode package has the properties it is derived from but
// not the property itself, so it is derived here as DerivedCoreProperties.txt
// (Unicode 15.0.0, the version of Go's tables) says:
// Other_Default_Ignorable_Code_Point + Cf + Variation_Selector − White_Space −
// FFF9..FFFB − 13430..13440 − Prepended_Concatenation_Mark.
// ignorable_test.go checks it against that file's own list.
//
// The soft hyphen U+00AD is one of them, but the renderer gives it a rule
// of its own (a place a word may break, shown as a hyphen when it does);
// callers test for it first.
func defaultIgnorable(r rune) bool {
	// Every one is at U+00AD or above; most text never gets past this.
	if r < 0xAD {
		return false
	}
	if unicode.Is(unicode.White_Space, r) ||
		r >= 0xFFF9 && r <= 0xFFFB ||
		r >= 0x13430 && r <= 0x13440 ||
		unicode.Is(unicode.Prepended_Concatenation_Mark, r) {
		return false
	}
	return unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector)
}

// zeroWidthSpace is U+200B: invisible, and a place a line may break
// (UAX #14, class ZW), with no hyphen — long URLs and compound words
// copied from the web carry them.
const zeroWidthSpace = '\u200b'

// breaksAfter reports whether a line may break after the invisible
// character r, with nothing drawn at the break.
func breaksAfter(r rune) bool { return r == zeroWidthSpace }
