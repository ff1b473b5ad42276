// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import "encoding/binary"

// A font embedded in a PDF is drawn by the reader's rasteriser, which
// does not run TrueType hinting programs at screen and print resolutions
// (Poppler, pdf.js and MuPDF draw outlines unhinted), and is never
// installed or listed by name, so the subsets fpdf writes leave out what
// only serves hinting and font menus: the fpgm, prep, cvt and gasp
// tables, every glyph's instructions, and name records other than the
// names, version, copyright and licence address. That was about half of
// each subset.

// keptNameIDs are the name records a subset keeps: copyright (0), family
// (1), subfamily (2), unique ID (3), full name (4), version (5),
// PostScript name (6) and the licence's address (14).
var keptNameIDs = []bool{0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 14: true}

// cidFontNameIDs are the name records a subset for a PDF CIDFont keeps:
// the copyright (0) and the licence's address (14), so that the font's
// terms travel with it, and the PostScript name (6), which names the
// font when a program renames it (pdfua does).
var cidFontNameIDs = []bool{0: true, 6: true, 14: true}

// leanForCIDFont leaves out of a subset for a PDF CIDFontType2 font
// (utf.cidFont) the tables such a font does not use: cmap, OS/2 and post.
// The PDF's CIDToGIDMap, not the font's cmap, maps codes to glyphs; /W
// and the font descriptor, not OS/2 or post, give widths and metrics,
// and BaseFont names the font. The PDF Reference (1.7, 5.8; ISO 32000-1,
// 9.9) requires head, hhea, loca, maxp, glyf and hmtx (and the hinting
// tables when glyphs have instructions, which patch 15 removed) and adds
// "If used with a CIDFont dictionary, the cmap table is not needed".
// The name table keeps only the copyright, the PostScript name and the
// licence's address. About 1.2 KB of the seed statement's three
// compressed subsets.
func (utf *utf8FontFile) leanForCIDFont() {
	if !utf.cidFont {
		return
	}
	delete(utf.outTablesData, "cmap")
	delete(utf.outTablesData, "OS/2")
	delete(utf.outTablesData, "post")
	if name, ok := utf.outTablesData["name"]; ok {
		utf.outTablesData["name"] = leanNameTable(name, cidFontNameIDs)
	}
}

// leanNameTable returns a format 0 name table with the records of table
// (format 0 or 1) whose name ID keep marks, or table itself when it
// cannot be read.
func leanNameTable(table []byte, keep []bool) []byte {
	if len(table) < 6 {
		return table
	}
	count := int(binary.BigEndian.Uint16(table[2:]))
	strOff := int(binary.BigEndian.Uint16(table[4:]))
	if 6+12*count > len(table) || strOff > len(table) {
		return table
	}
	type record struct{ head, str []byte }
	var kept []record
	for i := range count {
		rec := table[6+12*i : 6+12*i+12]
		id := int(binary.BigEndian.Uint16(rec[6:]))
		lang := binary.BigEndian.Uint16(rec[4:])
		length := int(binary.BigEndian.Uint16(rec[8:]))
		off := strOff + int(binary.BigEndian.Uint16(rec[10:]))
		if off+length > len(table) {
			return table
		}
		// Language IDs from 0x8000 name language-tag records of
		// format 1, which the format 0 table written here lacks.
		if id < len(keep) && keep[id] && lang < 0x8000 {
			kept = append(kept, record{rec, table[off : off+length]})
		}
	}
	out := make([]byte, 6+12*len(kept), 6+12*len(kept)+len(table)-strOff)
	binary.BigEndian.PutUint16(out[2:], uint16(len(kept)))
	binary.BigEndian.PutUint16(out[4:], uint16(len(out)))
	strs := 0
	for i, r := range kept {
		h := out[6+12*i:]
		copy(h[:8], r.head[:8]) // platform, encoding, language, name IDs
		binary.BigEndian.PutUint16(h[8:], uint16(len(r.str)))
		binary.BigEndian.PutUint16(h[10:], uint16(strs))
		out = append(out, r.str...)
		strs += len(r.str)
	}
	return out
}

// Flags of a composite glyph's component.
const (
	componentArgsAreWords     = 0x0001
	componentHaveScale        = 0x0008
	componentMoreComponents   = 0x0020
	componentHaveXYScale      = 0x0040
	componentHave2x2          = 0x0080
	componentHaveInstructions = 0x0100
)

// stripInstructions returns glyph (a glyf table entry) without its
// TrueType instructions: a copy when there were some, glyph itself when
// there were none or it cannot be read.
func stripInstructions(glyph []byte) []byte {
	if len(glyph) < 10 {
		return glyph
	}
	contours := int16(binary.BigEndian.Uint16(glyph))
	if contours >= 0 {
		p := 10 + 2*int(contours) // instructionLength
		if p+2 > len(glyph) {
			return glyph
		}
		n := int(binary.BigEndian.Uint16(glyph[p:]))
		if n == 0 || p+2+n > len(glyph) {
			return glyph
		}
		end := simpleGlyphEnd(glyph, p+2+n, int(contours))
		if end < 0 {
			return glyph
		}
		// The padding after the outline goes too: the subset pads each
		// glyph itself.
		out := make([]byte, 0, end-n)
		out = append(out, glyph[:p]...)
		out = append(out, 0, 0)
		return append(out, glyph[p+2+n:end]...)
	}
	// A composite glyph: its components, then the instructions when a
	// component says so.
	p := 10
	var flagsAt []int
	flags := componentMoreComponents
	for flags&componentMoreComponents != 0 {
		if p+4 > len(glyph) {
			return glyph
		}
		flags = int(binary.BigEndian.Uint16(glyph[p:]))
		flagsAt = append(flagsAt, p)
		p += 4
		if flags&componentArgsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&componentHaveScale != 0:
			p += 2
		case flags&componentHaveXYScale != 0:
			p += 4
		case flags&componentHave2x2 != 0:
			p += 8
		}
	}
	if p > len(glyph) {
		return glyph
	}
	instructions := false
	for _, at := range flagsAt {
		if binary.BigEndian.Uint16(glyph[at:])&componentHaveInstructions != 0 {
			instructions = true
		}
	}
	if !instructions {
		return glyph
	}
	out := append([]byte(nil), glyph[:p]...)
	for _, at := range flagsAt {
		f := binary.BigEndian.Uint16(out[at:]) &^ componentHaveInstructions
		binary.BigEndian.PutUint16(out[at:], f)
	}
	return out
}

// simpleGlyphEnd returns where the outline of a simple glyph with the
// given number of contours ends, its flags starting at p, or -1 when the
// glyph is shorter than its flags say.
func simpleGlyphEnd(glyph []byte, p, contours int) int {
	if contours == 0 {
		return p
	}
	points := int(binary.BigEndian.Uint16(glyph[10+2*(contours-1):])) + 1
	xBytes, yBytes := 0, 0
	for n := 0; n < points; {
		if p >= len(glyph) {
			return -1
		}
		flag := glyph[p]
		p++
		repeat := 1
		if flag&0x08 != 0 {
			if p >= len(glyph) {
				return -1
			}
			repeat += int(glyph[p])
			p++
		}
		switch {
		case flag&0x02 != 0:
			xBytes += repeat
		case flag&0x10 == 0:
			xBytes += 2 * repeat
		}
		switch {
		case flag&0x04 != 0:
			yBytes += repeat
		case flag&0x20 == 0:
			yBytes += 2 * repeat
		}
		n += repeat
	}
	if end := p + xBytes + yBytes; end <= len(glyph) {
		return end
	}
	return -1
}
