package render

import (
	"unicode"

	"github.com/pressroom/pressroom/internal/gotext/segmenter"
)

// Chinese (and Japanese) text has no spaces: a line may end between
// most characters, but not before a closing mark (，。、；：？！）」』)
// nor after an opening one (（「『) — the basic rules of kinsoku shori.
// The Unicode Line Breaking Algorithm (UAX #14) says exactly that
// through its classes ID, CL, CP, NS, EX and OP; go-text's segmenter
// (vendored in internal/gotext) implements it. Its opportunities are
// taken only where a CJK character stands on either side, so that Latin
// text keeps the breaker's own rules (spaces, hyphenation, compounds'
// hyphens) and sets exactly as before.

// markCJKBreaks sets breakAfter on each glyph of gs after which UAX #14
// allows a line to end next to a CJK character. Text without CJK
// characters is left alone, without running the segmenter.
func (b *breaker) markCJKBreaks(gs []glyph) {
	cjk := false
	for _, g := range gs {
		if isCJK(g.r) {
			cjk = true
			break
		}
	}
	if !cjk {
		return
	}
	// The text as the glyphs stand (soft hyphens and control characters
	// are not among them), and the index of each glyph's last character.
	var text []rune
	last := make([]int, len(gs))
	for i, g := range gs {
		if g.cl != 0 {
			text = append(text, []rune(b.shaped[g.cl-1].text)...)
		} else {
			text = append(text, g.r)
		}
		last[i] = len(text) - 1
	}
	breakAfter := make([]bool, len(text))
	var seg segmenter.Segmenter
	seg.Init(text)
	for it := seg.LineIterator(); it.Next(); {
		ln := it.Line()
		if end := ln.Offset + len(ln.Text) - 1; end >= 0 && end+1 < len(text) {
			breakAfter[end] = isCJK(text[end]) || isCJK(text[end+1])
		}
	}
	for i := range gs {
		if breakAfter[last[i]] && !gs[i].space {
			gs[i].breakAfter = true
		}
	}
}

// isCJK reports a character of the scripts UAX #14 breaks between
// characters: Han ideographs, kana, and the CJK and full-width
// punctuation that goes with them.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}
