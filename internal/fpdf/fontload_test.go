// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// loadTestFonts returns the TrueType fonts of fpdf's font folder and of
// pressroom's fonts folder (when there).
func loadTestFonts(t testing.TB) map[string][]byte {
	var paths []string
	for _, glob := range []string{"font/*.ttf", "../../fonts/*.ttf"} {
		m, _ := filepath.Glob(glob)
		paths = append(paths, m...)
	}
	fonts := make(map[string][]byte)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fonts[filepath.Base(p)] = data
	}
	if len(fonts) < 4 {
		t.Fatalf("found %d test fonts; want fpdf's DejaVu fonts at least", len(fonts))
	}
	return fonts
}

// cmapInputs reads what parseCmapAndWidths is given for a font.
func cmapInputs(data []byte) (utf *utf8FontFile, cmapPos, numberOfHMetrics, numSymbols int, scale float64) {
	utf = newUTF8Font(&fileReader{array: data[:len(data):len(data)]})
	utf.skip(4)
	utf.generateTableDescriptions()
	utf.parseHEADTable()
	numberOfHMetrics = utf.parseHHEATable()
	cmapPos = utf.parseCMAPTable(0)
	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols = utf.readUint16()
	return utf, cmapPos, numberOfHMetrics, numSymbols, 1000.0 / float64(utf.fontElementSize)
}

// compareCmapAndWidths parses a font's cmap and widths the old way and
// the new way, from the first size bytes of the font, and says how they
// differ ("" for not at all), a panic counting as a result.
func compareCmapAndWidths(data []byte, size int) string {
	utf, pos, nhm, nsym, scale := cmapInputs(data)
	utf.fileReader.array = data[:size:size]
	var oldMap map[int]int
	var oldWidths []int
	var oldDefault float64
	oldPanic := catchPanic(func() { oldMap, oldWidths, oldDefault = utf.oldCmapAndWidths(pos, nhm, nsym, scale) })

	utf, pos, nhm, nsym, scale = cmapInputs(data)
	utf.fileReader.array = data[:size:size]
	newPanic := catchPanic(func() { utf.parseCmapAndWidths(pos, nhm, nsym, scale) })
	switch {
	case oldPanic != newPanic:
		return fmt.Sprintf("old code panicked: %t, new code: %t", oldPanic, newPanic)
	case oldPanic:
		return ""
	case utf.DefaultWidth != oldDefault:
		return fmt.Sprintf("default width %v, old code %v", utf.DefaultWidth, oldDefault)
	case !slices.Equal(utf.CharWidths.ints(), oldWidths):
		widths := utf.CharWidths.ints()
		for i := range oldWidths {
			if widths[i] != oldWidths[i] {
				return fmt.Sprintf("width of %#x is %d, old code %d", i, widths[i], oldWidths[i])
			}
		}
		return fmt.Sprintf("%d widths, old code %d", len(widths), len(oldWidths))
	}
	for char := range 0x10000 {
		glyph, ok := utf.charSymbolDictionary.glyph(char)
		oldGlyph, oldOK := oldMap[char]
		if ok != oldOK || glyph != oldGlyph && ok {
			return fmt.Sprintf("%#x maps to glyph %d (%t), old code %d (%t)", char, glyph, ok, oldGlyph, oldOK)
		}
	}
	return ""
}

func catchPanic(f func()) (panicked bool) {
	defer func() { panicked = recover() != nil }()
	f()
	return false
}

// TestCmapAndWidthsMatchOld checks patch 25: reading the cmap and widths
// straight from the font's bytes gives the character map, widths and
// default width fpdf's maps gave, for every test font and for 300 fonts
// with their cmap segments and advances damaged at random (overlapping
// segments, glyphs past the font's, huge advances, a file cut short).
func TestCmapAndWidthsMatchOld(t *testing.T) {
	fonts := loadTestFonts(t)
	for name, data := range fonts {
		if diff := compareCmapAndWidths(data, len(data)); diff != "" {
			t.Errorf("%s: %s", name, diff)
		}
	}
	be := binary.BigEndian
	base := fonts["DejaVuSansCondensed.ttf"]
	_, pos, nhm, _, _ := cmapInputs(base)
	segCount := int(be.Uint16(base[pos+6:])) / 2
	hmtx := func(utf *utf8FontFile) int { return utf.tableDescriptions["hmtx"].position }(func() *utf8FontFile { u, _, _, _, _ := cmapInputs(base); return u }())
	rng := rand.New(rand.NewPCG(24, 24))
	for i := range 300 {
		data := slices.Clone(base)
		for range 1 + rng.IntN(6) {
			n := rng.IntN(segCount)
			switch rng.IntN(6) {
			case 0: // a segment starting earlier, over the one before it
				at := pos + 16 + 2*segCount + 2*n
				be.PutUint16(data[at:], be.Uint16(data[at:])-uint16(rng.IntN(300)))
			case 1: // a segment ending later
				at := pos + 14 + 2*n
				be.PutUint16(data[at:], be.Uint16(data[at:])+uint16(rng.IntN(300)))
			case 2: // another delta: glyphs past the font's, glyph 0
				be.PutUint16(data[pos+16+4*segCount+2*n:], uint16(rng.IntN(0x10000)))
			case 3: // another range offset, maybe outside the subtable or file
				be.PutUint16(data[pos+16+6*segCount+2*n:], uint16(rng.IntN(0x10000)))
			case 4: // a huge advance, maybe the last long metric's
				g := rng.IntN(nhm)
				if rng.IntN(2) == 0 {
					g = nhm - 1
				}
				be.PutUint16(data[hmtx+4*g:], 0x8000+uint16(rng.IntN(0x8000)))
			case 5: // a zero advance
				be.PutUint16(data[hmtx+4*rng.IntN(nhm):], 0)
			}
		}
		size := len(data)
		if rng.IntN(10) == 0 { // the file cut short after the subtable
			size = pos + int(be.Uint16(data[pos+2:])) + rng.IntN(64)
		}
		if diff := compareCmapAndWidths(data, size); diff != "" {
			t.Errorf("damaged font %d: %s", i, diff)
		}
	}
}

// BenchmarkParseUTF8FontNoto parses the four Noto Sans styles pressroom
// uses for Latin text, as a cold render does (it parses those it uses).
func BenchmarkParseUTF8FontNoto(b *testing.B) {
	var fonts [][]byte
	for _, style := range []string{"Regular", "Bold", "Italic", "BoldItalic"} {
		data, err := os.ReadFile("../../fonts/NotoSans-" + style + ".ttf")
		if err != nil {
			b.Skip("pressroom's fonts folder is not there:", err)
		}
		fonts = append(fonts, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range fonts {
			if _, err := ParseUTF8Font(data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// ints returns the table as fpdf's 65,536-entry width table was.
func (t *runeTable) ints() []int {
	ints := make([]int, 0x10000)
	for i := range ints {
		ints[i] = int(t.get(i))
	}
	return ints
}

// clone returns a copy of the table.
func (t *runeTable) clone() *runeTable {
	c := &runeTable{}
	for i, p := range t.pages {
		if p != nil {
			q := *p
			c.pages[i] = &q
		}
	}
	return c
}
