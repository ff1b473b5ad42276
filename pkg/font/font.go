// Package font holds TrueType fonts parsed once and shared read-only by every
// render in the process, and answers which characters a font can show.
package font

import (
	"errors"
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Font is a parsed TrueType font. It is immutable after Parse and safe for
// concurrent use.
type Font struct {
	// Name is the font's PostScript name, e.g. "NotoSans-Bold".
	Name string
	// Data is the font file's bytes, as given to Parse.
	Data []byte

	parsed *sfnt.Font
	// The coverage table costs about 1.5 ms to build, so it is built on
	// the first question, not at Parse: a cold render asks only of the
	// fonts it uses.
	once sync.Once
	// covered holds one bit per character of the Basic Multilingual Plane;
	// characters above it are looked up in astral.
	covered [65536 / 64]uint64
	astral  map[rune]bool
}

// Parse reads a TrueType font. It refuses collections, CFF-only OpenType
// and fonts with no Unicode character map, since the PDF writer cannot
// embed them.
func Parse(data []byte) (*Font, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("not a usable TrueType font: %w", err)
	}
	if len(data) < 4 || (string(data[:4]) != "\x00\x01\x00\x00" && string(data[:4]) != "true") {
		return nil, errors.New("not a TrueType font (glyf outlines): OpenType CFF (.otf) and collections (.ttc) cannot be embedded; use a .ttf file")
	}
	name, err := f.Name(nil, sfnt.NameIDPostScript)
	if err != nil || name == "" {
		name, _ = f.Name(nil, sfnt.NameIDFull)
	}
	ft := &Font{Name: name, Data: data, parsed: f}
	var buf sfnt.Buffer
	if _, err := f.GlyphIndex(&buf, 'a'); err != nil {
		return nil, fmt.Errorf("the font has no usable Unicode character map: %w", err)
	}
	return ft, nil
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	f.once.Do(f.buildCoverage)
	if r < 0 {
		return false
	}
	if r < 65536 {
		return f.covered[r/64]&(1<<(r%64)) != 0
	}
	return f.astral[r]
}

func (f *Font) buildCoverage() {
	var buf sfnt.Buffer
	f.astral = map[rune]bool{}
	for r := rune(0); r < 65536; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if gi, err := f.parsed.GlyphIndex(&buf, r); err == nil && gi != 0 {
			f.covered[r/64] |= 1 << (r % 64)
		}
	}
	// Above the BMP only the blocks statements plausibly use are looked
	// up (mathematical letters, enclosed characters, symbols and emoji);
	// anything else counts as missing, which is safe: check reports it.
	for _, rg := range [][2]rune{{0x1D400, 0x1D7FF}, {0x1F100, 0x1FAFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if gi, err := f.parsed.GlyphIndex(&buf, r); err == nil && gi != 0 {
				f.astral[r] = true
			}
		}
	}
}
