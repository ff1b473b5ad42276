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
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/pressroom/pressroom/internal/gotext/font"
	ot "github.com/pressroom/pressroom/internal/gotext/font/opentype"
	"github.com/pressroom/pressroom/internal/gotext/font/opentype/tables"
	"github.com/pressroom/pressroom/internal/gotext/harfbuzz"
	"github.com/pressroom/pressroom/internal/gotext/language"
)

// Face is one font ready for shaping: parsed once, read-only, safe for
// concurrent use. pkg/font's Font.Shaper keeps one per font for the whole
// process.
//
// NewFace reads only what every user of a face needs: the character map,
// the units per em and the layout tables' script and feature lists (to
// refuse damage the shaper would crash on). Kern reads the kerning
// lookups the first time it is asked; the whole font (every glyph
// outline, every lookup) is parsed for HarfBuzz only when text is first
// shaped. Latin text is never shaped, only kerned, and a cold render of
// an English release paid four whole-font parses (about 50 million
// instructions and 9 MB) for its kerning.
type Face struct {
	data []byte
	upem float64
	cmap font.Cmap
	// gpos is the GPOS table's header, lists and unparsed lookups (zero
	// when the font has none or it is damaged), kept for Kern; hasKern is
	// whether the font has an old 'kern' table.
	gpos    tables.Layout
	hasKern bool

	// full is the font as HarfBuzz needs it, parsed on the first Shape.
	fullOnce sync.Once
	full     *font.Font
	fullErr  error

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

// NewFace reads a TrueType or OpenType font for shaping. The face keeps
// data without copying it: the caller must not change it afterwards.
func NewFace(data []byte) (f *Face, err error) {
	// The parser reads offsets from the file; a damaged font must be an
	// error, never a crash of the whole render.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the font cannot be read for shaping: %v", r)
		}
	}()
	f, err = newFace(data)
	if err != nil {
		return nil, fmt.Errorf("the font cannot be read for shaping: %w", err)
	}
	return f, nil
}

// newFace reads the tables go-text's full parse requires (cmap, head,
// maxp: a font it refuses is refused here too) and the layout lists.
func newFace(data []byte) (*Face, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	// A WOFF file (whose loader Type is its flavor too) stores tables
	// compressed: only a plain font file is read in place.
	sig := ot.Tag(binary.BigEndian.Uint32(data))
	plain := sig == ot.TrueType || sig == ot.OpenType || sig == ot.AppleTrueType
	if plain {
		if err := checkDirectory(data); err != nil {
			return nil, err
		}
	}
	raw := func(tag string) ([]byte, error) {
		if plain {
			return tableOf(data, tag)
		}
		return ld.RawTable(ot.MustNewTag(tag)) // WOFF: stored compressed
	}
	// The character map is chosen as go-text chooses it (its choice
	// depends on the OS/2 table's code page for symbol fonts).
	os2Raw, _ := raw("OS/2")
	os2, _, _ := tables.ParseOs2(os2Raw)
	cmapRaw, err := raw("cmap")
	if err != nil {
		return nil, err
	}
	cmapTable, _, err := tables.ParseCmap(cmapRaw)
	if err != nil {
		return nil, err
	}
	cmap, _, err := font.ProcessCmap(cmapTable, os2.FontPage())
	if err != nil {
		return nil, err
	}
	head, _, err := font.LoadHeadTable(ld, nil)
	if err != nil {
		return nil, err
	}
	maxp, err := raw("maxp")
	if err != nil {
		return nil, err
	}
	if _, _, err := tables.ParseMaxp(maxp); err != nil {
		return nil, err
	}
	upem := head.Upem()
	if upem == 0 {
		return nil, errors.New("units per em is 0")
	}
	f := &Face{data: data, upem: float64(upem), cmap: cmap, hasKern: ld.HasTable(ot.MustNewTag("kern"))}
	var gsub tables.Layout
	if t, err := raw("GSUB"); err == nil {
		if l, _, err := tables.ParseLayout(t); err == nil {
			gsub = l
		}
	}
	if t, err := raw("GPOS"); err == nil {
		if l, _, err := tables.ParseLayout(t); err == nil {
			f.gpos = l
		}
	}
	if err := checkLayout(&gsub, &f.gpos); err != nil {
		return nil, err
	}
	f.shapers.New = func() any {
		return &shaper{font: harfbuzz.NewFont(font.NewFace(f.full)), buf: harfbuzz.NewBuffer()}
	}
	return f, nil
}

// checkDirectory refuses a font whose tables run past the end of the
// file (a file cut short): go-text reads a table only when asked for it,
// and its full parse, which reads them all, is left until text is shaped.
func checkDirectory(data []byte) error {
	if len(data) < 12 {
		return errors.New("the file is too short for a font")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return errors.New("the font's table directory is cut short")
	}
	for i := range n {
		rec := data[12+16*i:]
		off, length := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return fmt.Errorf("the font's %q table runs past the end of the file (the file is cut short or damaged)", rec[:4])
		}
	}
	return nil
}

// tableOf is the table tag of a font file (not a collection, not WOFF)
// whose directory checkDirectory accepted, in place: go-text's loader
// copies each table it is asked for, and a face read for kerning would
// copy its layout tables (hundreds of kilobytes for Nastaliq) only to
// read their lists. Like the loader, the last entry of a tag wins.
func tableOf(data []byte, tag string) ([]byte, error) {
	var out []byte
	found := false
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[12+16*i:]
		if string(rec[:4]) == tag {
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			out, found = data[off:off+length:off+length], true
		}
	}
	if !found {
		return nil, fmt.Errorf("missing table %s", tag)
	}
	return out, nil
}

// parsed parses the whole font for HarfBuzz, once; the error says why it
// cannot be read.
func (f *Face) parsed() (*font.Font, error) {
	f.fullOnce.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				f.full, f.fullErr = nil, fmt.Errorf("the font cannot be read for shaping: %v", r)
			}
		}()
		ld, err := ot.NewLoader(bytes.NewReader(f.data))
		if err == nil {
			f.full, err = font.NewFont(ld)
		}
		if err != nil {
			f.full, f.fullErr = nil, fmt.Errorf("the font cannot be read for shaping: %w", err)
		}
	})
	return f.full, f.fullErr
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
	if _, err := f.parsed(); err != nil {
		return nil, err
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
	g, ok := f.cmap.Lookup(r)
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
