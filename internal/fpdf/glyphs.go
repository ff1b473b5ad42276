// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Glyph is one positioned glyph, as a text shaper (HarfBuzz, go-text)
// returns it. Advances and offsets are in 1/1000 em.
type Glyph struct {
	// ID is the glyph's index in the font.
	ID int
	// XAdvance moves the pen after the glyph; XOffset and YOffset move
	// the glyph from the pen without moving the pen (y up).
	XAdvance, XOffset, YOffset float64
	// Text is the characters this glyph stands for, for the font's
	// ToUnicode CMap; "" for a glyph that continues a cluster (the second
	// glyph of a split vowel, a mark drawn apart).
	Text string
}

// GlyphSpan marks glyphs [Start, End) of a TextGlyphs call as standing
// for Text: they are drawn inside /Span <</ActualText (Text)>> BDC … EMC,
// so that readers extract Text rather than what the glyphs' ToUnicode
// entries say (a glyph shared by several clusters has one entry, and the
// drawing order of reordered scripts is not the reading order).
type GlyphSpan struct {
	Start, End int
	Text       string
}

// glyphUse is what a document records about a glyph-mode font: the
// glyphs drawn with it and the text each first stood for.
type glyphUse struct {
	ids  map[int]bool
	text map[int]string
}

// AddUTF8FontParsedGlyphs makes a font parsed by ParseUTF8Font available
// under a family and style as a glyph-mode font: its text is drawn by
// glyph ID with TextGlyphs, as a text shaper positions it, rather than by
// character. Character codes are glyph IDs (Identity-H), the widths are
// the font's own advances (hmtx), the embedded subset holds the glyphs
// drawn (and the parts of composite glyphs), and the ToUnicode CMap maps
// each glyph to the Text it was first drawn with.
//
// Text, Cell, Write and the other character-based methods must not be
// used with a glyph-mode font: they would write characters as glyph IDs.
// GetStringWidth measures by character and means nothing for it; the
// width of a shaped run is the sum of its XAdvance.
func (f *Fpdf) AddUTF8FontParsedGlyphs(family, style string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	fontkey := getFontKey(fontFamilyEscape(family), style)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	f.AddUTF8FontParsed(family, style, font)
	if f.err != nil {
		return
	}
	def := f.fonts[fontkey]
	def.usedRunes = map[int]int{}
	def.glyphs = &glyphUse{ids: map[int]bool{}, text: map[int]string{}}
	f.fonts[fontkey] = def
}

// glyphCount returns the number of glyphs of a font (maxp), read from the
// parsed bytes without moving the shared reader.
func (utf *utf8FontFile) glyphCount() int {
	maxp, ok := utf.tableDescriptions["maxp"]
	if !ok {
		return 0
	}
	return be16(utf.fileReader.array, maxp.position+4)
}

// glyphWidth returns glyph gid's advance in 1/1000 em, rounded as it is
// written in the font's /W array. It reads the parsed bytes directly, so
// documents sharing a parsed font may call it at once.
func (utf *utf8FontFile) glyphWidth(gid int) int {
	b := utf.fileReader.array
	hhea, ok1 := utf.tableDescriptions["hhea"]
	hmtx, ok2 := utf.tableDescriptions["hmtx"]
	if !ok1 || !ok2 || utf.fontElementSize == 0 {
		return 0
	}
	long := be16(b, hhea.position+34)
	if long == 0 {
		return 0
	}
	adv := be16(b, hmtx.position+4*min(gid, long-1))
	return int(math.Round(float64(adv) * 1000 / float64(utf.fontElementSize)))
}

// be16 reads a big-endian uint16 at off, or 0 past the end of b.
func be16(b []byte, off int) int {
	if off < 0 || off+2 > len(b) {
		return 0
	}
	return int(b[off])<<8 | int(b[off+1])
}

// TextGlyphs draws glyphs from (x, y) — the origin of the first glyph on
// the baseline, as for Text — in the current font, which must be a
// glyph-mode font (AddUTF8FontParsedGlyphs), at the current size and
// colour, as one text object. TJ adjustments turn the font's own advances
// into each glyph's XAdvance; XOffset moves a glyph along the line within
// the TJ array and YOffset raises it with a text rise (Ts), which is reset
// to 0 before the text object ends. The glyphs are drawn in the order
// given (a shaper's visual order: right-to-left text comes reversed).
//
// spans must be sorted, must not overlap and must lie within glyphs; each
// is drawn inside /Span <</ActualText …>> BDC … EMC, which may sit inside
// the caller's tagged marked content.
//
// Word spacing (SetWordSpacing, Tw) applies only to the one-byte code 32,
// never to the two-byte codes of UTF-8 and glyph-mode fonts: justify by
// widening the XAdvance of spaces instead.
func (f *Fpdf) TextGlyphs(x, y float64, glyphs []Glyph, spans []GlyphSpan) {
	if f.err != nil {
		return
	}
	use := f.currentFont.glyphs
	if use == nil {
		f.err = fmt.Errorf("fpdf: TextGlyphs: the current font %q is not a glyph-mode font (add it with AddUTF8FontParsedGlyphs)", f.currentFont.Name)
		return
	}
	if err := checkGlyphs(glyphs, spans, f.currentFont.utf8File.glyphCount()); err != nil {
		f.err = err
		return
	}
	if len(glyphs) == 0 {
		return
	}
	utf := f.currentFont.utf8File
	var s fmtBuffer
	if f.colorFlag {
		s.printf("q %s ", f.color.text.str)
	}
	s.printf("BT %.2f %.2f Td", x*f.k, (f.h-y)*f.k)
	// pen is where glyph i starts and at where the text position is,
	// both in 1/1000 em from x.
	pen, at := 0.0, 0.0
	rise := 0.0
	inArray := false
	open := func() {
		if !inArray {
			s.WriteString(" [")
			inArray = true
		}
	}
	closeArray := func() {
		if inArray {
			s.WriteString("] TJ")
			inArray = false
		}
	}
	span := 0
	for i, g := range glyphs {
		if span < len(spans) && spans[span].Start == i {
			closeArray()
			s.WriteString(" /Span <</ActualText ")
			s.WriteString(pdfHexText(spans[span].Text))
			s.WriteString(">> BDC")
		}
		if g.YOffset != rise {
			closeArray()
			rise = g.YOffset
			s.WriteString(" " + tjNum(rise*f.fontSizePt/1000) + " Ts")
		}
		open()
		if d := at - (pen + g.XOffset); math.Abs(d) >= 0.0005 {
			s.WriteString(tjNum(d))
		}
		s.printf("<%04X>", g.ID)
		at = pen + g.XOffset + float64(utf.glyphWidth(g.ID))
		pen += g.XAdvance
		use.ids[g.ID] = true
		if _, ok := use.text[g.ID]; !ok && g.Text != "" {
			use.text[g.ID] = g.Text
		}
		if span < len(spans) && spans[span].End == i+1 {
			closeArray()
			s.WriteString(" EMC")
			span++
		}
	}
	closeArray()
	if rise != 0 {
		s.WriteString(" 0 Ts")
	}
	s.WriteString(" ET")
	if f.underline || f.strikeout {
		w := pen * f.fontSize / 1000
		if f.underline {
			s.WriteString(" " + f.lineUnder(x, y, w, float64(f.currentFont.Up), float64(f.currentFont.Ut)*f.userUnderlineThickness))
		}
		if f.strikeout {
			s.WriteString(" " + f.lineUnder(x, y, w, 4*float64(f.currentFont.Up), float64(f.currentFont.Ut)))
		}
	}
	if f.colorFlag {
		s.WriteString(" Q")
	}
	f.out(s.String())
}

// checkGlyphs rejects what TextGlyphs cannot draw faithfully.
func checkGlyphs(glyphs []Glyph, spans []GlyphSpan, count int) error {
	for i, g := range glyphs {
		if g.ID < 0 || g.ID >= count {
			return fmt.Errorf("fpdf: TextGlyphs: glyph %d has ID %d, but the font has glyphs 0 to %d", i, g.ID, count-1)
		}
		for _, v := range []float64{g.XAdvance, g.XOffset, g.YOffset} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("fpdf: TextGlyphs: glyph %d has a position that is not a number", i)
			}
		}
	}
	end := 0
	for i, sp := range spans {
		if sp.Start < end || sp.End <= sp.Start || sp.End > len(glyphs) {
			return fmt.Errorf("fpdf: TextGlyphs: span %d covers glyphs [%d,%d): spans must be sorted, not overlap, not be empty and lie within the %d glyphs", i, sp.Start, sp.End, len(glyphs))
		}
		end = sp.End
	}
	return nil
}

// pdfHexText writes s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal (no escaping, and safe from alias replacement).
func pdfHexText(s string) string {
	const digits = "0123456789ABCDEF"
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, digits[u>>12&15], digits[u>>8&15], digits[u>>4&15], digits[u&15])
	}
	return string(append(b, '>'))
}

// seed returns the glyph IDs drawn, sorted, to seed the subsetter with.
func (u *glyphUse) seed() []int {
	ids := make([]int, 0, len(u.ids))
	for id := range u.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// zeroWidthSpace is what a glyph drawn with no text of its own maps to:
// readers then extract nothing visible for it rather than a private-use
// or control character.
const zeroWidthSpace = "\u200B"

// toUnicodeCMap maps every glyph drawn to the UTF-16 of its text, in
// bfchar entries (glyph codes are not in runs that share a text offset).
func (u *glyphUse) toUnicodeCMap() []byte {
	ids := u.seed()
	buf := []byte(toUnicodeHead)
	const digits = "0123456789ABCDEF"
	for start := 0; start < len(ids); start += maxCMapBlockEntries {
		block := ids[start:min(start+maxCMapBlockEntries, len(ids))]
		buf = strconv.AppendInt(buf, int64(len(block)), 10)
		buf = append(buf, " beginbfchar\n"...)
		for _, id := range block {
			buf = append(buf, '<', digits[id>>12&15], digits[id>>8&15], digits[id>>4&15], digits[id&15], '>', ' ', '<')
			text, ok := u.text[id]
			if !ok {
				text = zeroWidthSpace
			}
			for _, c := range utf16.Encode([]rune(text)) {
				buf = append(buf, digits[c>>12&15], digits[c>>8&15], digits[c>>4&15], digits[c&15])
			}
			buf = append(buf, ">\n"...)
		}
		buf = append(buf, "endbfchar\n"...)
	}
	return append(buf, toUnicodeTail...)
}

// widthArray returns the /W entry of a glyph-mode font: the advance of
// every glyph drawn, by glyph ID, consecutive IDs in one array.
func (u *glyphUse) widthArray(utf *utf8FontFile) string {
	ids := u.seed()
	if len(ids) == 0 {
		return ""
	}
	var s fmtBuffer
	s.WriteString("/W [")
	for i, id := range ids {
		switch {
		case i == 0:
			s.printf("%d [", id)
		case id != ids[i-1]+1:
			s.printf("] %d [", id)
		default:
			s.WriteString(" ")
		}
		s.printf("%d", utf.glyphWidth(id))
	}
	s.WriteString("]]")
	return s.String()
}

// errGlyphFont is the document's error when character-based drawing meets
// a glyph-mode font, whose codes are glyph IDs.
var errGlyphFont = errors.New("fpdf: a glyph-mode font cannot draw characters: use TextGlyphs")
