// Package shaping turns text into positioned glyphs the way HarfBuzz does
// (joining Arabic letters, stacking Nastaliq, reordering Indic vowel signs),
// splits paragraphs into runs of one script and one bidi level, and gives
// simple scripts their pair kerning. It is pressroom's one home for
// shaping: the renderer measures and draws what this package returns.
//
// The shaper is go-text's port of HarfBuzz, carried in internal/gotext with
// a fix upstream has not released (internal/gotext/PATCHES.md); the tests
// compare its output glyph by glyph with hb-shape.
package shaping

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/pressroom/pressroom/internal/gotext/font"
	"github.com/pressroom/pressroom/internal/gotext/harfbuzz"
	"github.com/pressroom/pressroom/internal/gotext/language"
)

// Face is one font ready for shaping: parsed once, read-only, safe for
// concurrent use. pkg/font's Font.Shaper keeps one per font for the whole
// process.
type Face struct {
	font *font.Font
	upem float64

	// shapers holds HarfBuzz fonts and buffers between calls: both keep
	// caches that are written while shaping, so each call takes one of its
	// own. The parsed font under them is shared and only read.
	shapers sync.Pool

	kernOnce sync.Once
	kern     kerning
}

// shaper is what one Shape call writes to.
type shaper struct {
	font *harfbuzz.Font
	buf  *harfbuzz.Buffer
}

// NewFace parses a TrueType or OpenType font for shaping. The face keeps
// data without copying it: the caller must not change it afterwards.
func NewFace(data []byte) (f *Face, err error) {
	// The parser reads offsets from the file; a damaged font must be an
	// error, never a crash of the whole render.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the font cannot be read for shaping: %v", r)
		}
	}()
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the font cannot be read for shaping: %w", err)
	}
	upem := face.Font.Upem()
	if upem == 0 {
		return nil, fmt.Errorf("the font cannot be read for shaping: units per em is 0")
	}
	if err := checkLayout(face.Font); err != nil {
		return nil, fmt.Errorf("the font cannot be read for shaping: %w", err)
	}
	f = &Face{font: face.Font, upem: float64(upem)}
	f.shapers.New = func() any {
		return &shaper{font: harfbuzz.NewFont(font.NewFace(f.font)), buf: harfbuzz.NewBuffer()}
	}
	return f, nil
}

// UnitsPerEm is the font's design grid: HarfBuzz's and hb-shape's raw
// positions are in these units; Glyph's are in 1/1000 em.
func (f *Face) UnitsPerEm() int { return int(f.upem) }

// Glyph is one shaped glyph. Units: 1/1000 em (fpdf's width unit).
// YOffset is positive upwards, as in HarfBuzz and in PDF's text rise.
type Glyph struct {
	ID                         uint16 // glyph ID in the font
	XAdvance, XOffset, YOffset float64
	Cluster                    int // byte offset in the shaped text where this glyph's cluster starts
}

// Shape shapes text (one script, one direction) with the face; lang is a
// BCP 47 tag. Glyphs come in visual order for rtl (as HarfBuzz gives
// them). The script is the first one in text that is not common or
// inherited (Latin when there is none); HarfBuzz's default features
// apply, as with hb-shape. A character the font lacks comes out as
// glyph 0: callers choose fonts by coverage before shaping. Shape returns
// nil for non-empty text only when the font's layout tables are damaged
// in a way NewFace cannot see; ShapeChecked says so.
func (f *Face) Shape(text, lang string, rtl bool) []Glyph {
	glyphs, _ := f.ShapeChecked(text, lang, rtl)
	return glyphs
}

// ShapeChecked is Shape that reports a font whose layout tables turn out
// damaged while shaping (go-text reads some of them only then, and
// indexes out of range where HarfBuzz in C would skip the entry) as an
// error instead of crashing the program.
func (f *Face) ShapeChecked(text, lang string, rtl bool) (glyphs []Glyph, err error) {
	if text == "" {
		return nil, nil
	}
	runes := make([]rune, 0, len(text))
	offsets := make([]int, 0, len(text)+1)
	script := language.Unknown
	for i, r := range text {
		runes = append(runes, r)
		offsets = append(offsets, i)
		if script == language.Unknown {
			if s := language.LookupScript(r); s.Strong() && s != language.Unknown {
				script = s
			}
		}
	}
	offsets = append(offsets, len(text))
	if script == language.Unknown {
		script = language.Latin
	}

	s := f.shapers.Get().(*shaper)
	defer func() {
		if r := recover(); r != nil {
			// The shaper's buffer is left half-done: it is not reused.
			glyphs, err = nil, fmt.Errorf("the font's layout tables are damaged: %v", r)
			return
		}
		f.shapers.Put(s)
	}()
	buf := s.buf
	buf.Clear()
	buf.AddRunes(runes, 0, len(runes))
	buf.Props.Direction = harfbuzz.LeftToRight
	if rtl {
		buf.Props.Direction = harfbuzz.RightToLeft
	}
	buf.Props.Script = script
	buf.Props.Language = language.NewLanguage(lang)
	buf.Shape(s.font, nil)

	scale := 1000 / f.upem
	out := make([]Glyph, len(buf.Info))
	for i, info := range buf.Info {
		pos := buf.Pos[i]
		c := info.Cluster
		if c < 0 || c >= len(offsets) {
			c = len(offsets) - 1
		}
		out[i] = Glyph{
			ID:       uint16(info.Glyph),
			XAdvance: float64(pos.XAdvance) * scale,
			XOffset:  float64(pos.XOffset) * scale,
			YOffset:  float64(pos.YOffset) * scale,
			Cluster:  offsets[c],
		}
	}
	return out, nil
}

// GlyphIndex returns the glyph the font's character map gives r, and
// whether it has one.
func (f *Face) GlyphIndex(r rune) (uint16, bool) {
	g, ok := f.font.NominalGlyph(r)
	if !ok || g == 0 || g > 0xFFFF {
		return 0, false
	}
	return uint16(g), true
}

// NeedsShaping reports whether a script needs the shaper (Arabic, Indic
// scripts, …) rather than one glyph per character. script is an ISO 15924
// code as Segments gives it ("Arab", "Beng").
func NeedsShaping(script string) bool {
	return complexScripts[script]
}

// complexScripts are the scripts HarfBuzz gives a shaper of its own
// (Arabic, Indic, Universal Shaping Engine, Hebrew, Thai, Khmer, Myanmar)
// or whose letters join or stack by the font's GSUB and GPOS: drawing them
// one glyph per character from the cmap is wrong.
var complexScripts = map[string]bool{
	// joining, right to left
	"Arab": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Mand": true,
	"Mani": true, "Phlp": true, "Adlm": true, "Rohg": true, "Hebr": true,
	"Mong": true, "Yezi": true, "Sogd": true,
	// Indic
	"Deva": true, "Beng": true, "Guru": true, "Gujr": true, "Orya": true,
	"Taml": true, "Telu": true, "Knda": true, "Mlym": true, "Sinh": true,
	// South-East Asian and others with a shaper of their own
	"Thai": true, "Laoo": true, "Tibt": true, "Mymr": true, "Khmr": true,
	"Java": true, "Bali": true, "Tale": true, "Talu": true, "Lana": true,
	"Cham": true, "Tglg": true, "Bugi": true, "Limb": true, "Mtei": true,
	"Saur": true, "Sund": true, "Lepc": true, "Chak": true, "Newa": true,
	"Tirh": true, "Gran": true, "Shrd": true, "Sidd": true, "Takr": true,
	"Khoj": true, "Sind": true, "Modi": true, "Mahj": true, "Kthi": true,
	"Brah": true, "Hang": true,
}
