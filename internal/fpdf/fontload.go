// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"encoding/binary"
	"math"
)

// Reading a font's cmap, hmtx and loca tables straight from its bytes
// (patch 25). fpdf built a map from each glyph to the list of its
// characters (one small slice per glyph), a map from each character to
// its glyph, and unpacked loca and hmtx into []int copies (through a
// bytes.Reader, two bytes at a time) before using them: for the three
// fonts of a short document, about a sixth of the instructions of a
// whole cold render and most of the bytes it allocated. The same
// results now come from one pass over the format 4 subtable (patch 28;
// two for a damaged cmap that maps a character twice).

// runeTable maps the codes 0-0xFFFF to int32 values, 0 for a code never
// set, in pages of 256 codes allocated only for the high bytes in use: a
// font maps a few thousand characters in a few dozen such pages.
type runeTable struct {
	pages [256]*[256]int32
}

// get returns the value of code r, 0 if it was never set (or is not
// 0-0xFFFF).
func (t *runeTable) get(r int) int32 {
	if r < 0 || r > 0xFFFF {
		return 0
	}
	if p := t.pages[r>>8]; p != nil {
		return p[r&0xFF]
	}
	return 0
}

// set sets the value of code r, which must be 0-0xFFFF.
func (t *runeTable) set(r int, v int32) {
	p := t.pages[r>>8]
	if p == nil {
		p = new([256]int32)
		t.pages[r>>8] = p
	}
	p[r&0xFF] = v
}

// charGlyphs maps each code of a font's cmap to its glyph.
type charGlyphs struct {
	t runeTable // glyph + 1; 0 is a code the cmap does not map
}

// glyph returns the glyph of code r and whether the cmap maps r (also to
// glyph 0).
func (c *charGlyphs) glyph(r int) (int, bool) {
	g := c.t.get(r)
	return int(g) - 1, g != 0
}

// forEachCmap4 calls fn for each code of the format 4 cmap subtable at
// pos (an offset in the font) and its glyph, segment by segment, as
// fpdf has always read it (a glyph index outside the subtable is glyph
// 0). It reads outside the font only by panicking, which the parser's
// callers turn into an error.
func forEachCmap4(font []byte, pos int, fn func(char, glyph int)) {
	be := binary.BigEndian
	rim := pos + int(be.Uint16(font[pos+2:]))
	segCount := int(be.Uint16(font[pos+6:])) / 2
	ends := font[pos+14 : pos+14+2*segCount]
	starts := font[pos+16+2*segCount : pos+16+4*segCount]
	deltas := font[pos+16+4*segCount : pos+16+6*segCount]
	offsetsAt := pos + 16 + 6*segCount
	offsets := font[offsetsAt : offsetsAt+2*segCount]
	for n := range segCount {
		start, end := int(be.Uint16(starts[2*n:])), int(be.Uint16(ends[2*n:]))
		delta := int(int16(be.Uint16(deltas[2*n:])))
		rangeOffset := int(be.Uint16(offsets[2*n:]))
		for char := start; char <= end; char++ {
			var glyph int
			if rangeOffset == 0 {
				glyph = (char + delta) & 0xFFFF
			} else if at := offsetsAt + 2*n + rangeOffset + (char-start)*2; at < rim {
				if glyph = int(be.Uint16(font[at : at+2])); glyph != 0 {
					glyph = (glyph + delta) & 0xFFFF
				}
			}
			fn(char, glyph)
		}
	}
}

// parseCmapAndWidths reads the format 4 cmap subtable at cmapPos into
// utf.charSymbolDictionary and, from hmtx, each character's width in
// thousandths of an em into utf.CharWidths (65535 for a zero width, the
// number of characters with a width at index 0) and glyph 0's width
// into utf.DefaultWidth.
//
// The rules are fpdf's: characters 0 and 0xFFFF, and characters of glyph
// 0 or of no glyph of the font, get no width; glyphs past the last long
// metric take its advance. Where a damaged cmap maps a character twice,
// the character map keeps the last glyph and the width is the highest
// glyph's, each counted, as fpdf's glyph-by-glyph loop made them.
func (utf *utf8FontFile) parseCmapAndWidths(cmapPos, numberOfHMetrics, numSymbols int, scale float64) {
	font := utf.fileReader.array
	hmtx := utf.tableDescriptions["hmtx"].position
	metrics := font[hmtx : hmtx+numberOfHMetrics*4]
	advance := func(glyph int) int { return int(binary.BigEndian.Uint16(metrics[4*glyph:])) }

	cg := &charGlyphs{}
	lastMetric := numberOfHMetrics - 1
	lastMapped, twice := false, false
	forEachCmap4(font, cmapPos, func(char, glyph int) {
		if cg.t.get(char) != 0 {
			twice = true
		}
		cg.t.set(char, int32(glyph+1))
		if glyph == lastMetric {
			lastMapped = true
		}
	})
	utf.charSymbolDictionary = cg

	// Advances of 0x8000 or more (impossible in a sane font) count as 0;
	// fpdf applied that to the advance the glyphs past the last metric
	// take only if the last metric's glyph has a character (or is 0).
	last := 0
	if numberOfHMetrics > 0 {
		last = advance(lastMetric)
		if last >= 1<<15 && (lastMapped || lastMetric == 0) {
			last = 0
		}
	}
	utf.DefaultWidth = 0
	if numberOfHMetrics > 0 {
		if a := advance(0); a < 1<<15 {
			utf.DefaultWidth = scale * float64(a)
		}
	}
	width := func(glyph int) int {
		a := last
		if glyph < numberOfHMetrics {
			if a = advance(glyph); a >= 1<<15 {
				a = 0
			}
		}
		if w := int(math.Round(scale * float64(a))); w != 0 {
			return w
		}
		return 65535
	}

	utf.CharWidths = &runeTable{}
	count := 0
	maxGlyph := max(numberOfHMetrics, numSymbols)
	if !twice {
		// One glyph per character: the widths follow from the map.
		for hi, p := range cg.t.pages {
			if p == nil {
				continue
			}
			for lo, v := range p {
				char, glyph := hi<<8|lo, int(v)-1
				if v == 0 || char == 0 || char == 0xFFFF || glyph == 0 || glyph >= maxGlyph {
					continue
				}
				count++
				utf.CharWidths.set(char, int32(width(glyph)))
			}
		}
		utf.CharWidths.set(0, int32(count))
		return
	}
	widthOf := make(map[int]int) // the glyph that gave a character its width
	forEachCmap4(font, cmapPos, func(char, glyph int) {
		if char == 0 || char == 0xFFFF || glyph == 0 || glyph >= maxGlyph {
			return
		}
		count++
		if g, ok := widthOf[char]; ok && g > glyph {
			return
		}
		widthOf[char] = glyph
		utf.CharWidths.set(char, int32(width(glyph)))
	})
	utf.CharWidths.set(0, int32(count))
}

// parseLOCATable reads the offset of each glyph in glyf, and the end of
// the last, into utf.symbolPosition.
func (utf *utf8FontFile) parseLOCATable(format, numSymbols int) {
	start := utf.tableDescriptions["loca"].position
	font := utf.fileReader.array
	switch format {
	case 0:
		loca := font[start : start+2*numSymbols+2]
		utf.symbolPosition = make([]int, numSymbols+1)
		for n := range utf.symbolPosition {
			utf.symbolPosition[n] = 2 * int(binary.BigEndian.Uint16(loca[2*n:]))
		}
	case 1:
		loca := font[start : start+4*numSymbols+4]
		utf.symbolPosition = make([]int, numSymbols+1)
		for n := range utf.symbolPosition {
			utf.symbolPosition[n] = int(binary.BigEndian.Uint32(loca[4*n:]))
		}
	default:
		utf.symbolPosition = make([]int, 0)
		utf.problem("Unknown loca table format %d\n", format)
	}
}

// widthTable reads a font's character widths in thousandths of an em:
// fontDefType.Cw, or a UTF-8 font's pages (patch 26). fpdf kept a UTF-8
// font's widths as a []int of 65,536 entries, 512 KB per font, mostly
// zeros, which every document then hashed through for the font's ID;
// a font's characters fill a few dozen pages of 256.
type widthTable struct {
	cw    []int
	pages *runeTable
}

// widths returns the font's width table.
func (d *fontDefType) widths() widthTable {
	return widthTable{cw: d.Cw, pages: d.utf8Cw}
}

// at returns the width of code c, as Cw[c] did, and panics where that did
// (c outside the table).
func (t widthTable) at(c int) int {
	if t.pages == nil {
		return t.cw[c]
	}
	if p := t.pages.pages[c>>8]; p != nil {
		return int(p[c&0xFF])
	}
	return 0
}

// len returns the number of codes in the table, as len(Cw) did.
func (t widthTable) len() int {
	if t.pages == nil {
		return len(t.cw)
	}
	return 0x10000
}
