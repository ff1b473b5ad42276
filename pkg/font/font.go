// Package font holds TrueType fonts parsed once and shared read-only by every
// render in the process, and answers which characters a font can show.
package font

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/pkg/shaping"
)

// Font is a parsed TrueType font. Its name and bytes never change after
// Parse; it only remembers answers to Has (and, for a bundled font, the PDF
// writer's parse once a document needs it). It is safe for concurrent use.
type Font struct {
	// Name is the font's PostScript name, e.g. "NotoSans-Bold".
	Name string
	// Data is the font file's bytes, as given to Parse.
	Data []byte

	parsed *sfnt.Font
	// pdf is the font as the PDF writer parsed it. Parsing it here, when
	// a layout is loaded, means check and render judge a font by the same
	// code: a font the writer cannot embed is a layout error at the
	// layout's font key, not a failure halfway through a render.
	pdf *fpdf.UTF8Font
	// lazy defers the PDF writer's parse to the first PDF call, once
	// (ParseBundled).
	lazy    bool
	pdfOnce sync.Once
	// shaper is the font read for shaping (Shaper), once per process
	// like pdf: a render must not pay for it again.
	shaperOnce sync.Once
	shaper     *shaping.Face
	shaperErr  error
	// pages hold two bits per character (known, covered), filled in as
	// characters are asked about: a render asks of the hundred or so
	// characters its text has, not of all 1.1 million. A page of 4,096
	// characters is allocated when one of them is first asked about (all
	// 1.1 million bits cost each font 278 KB, 1.7 MB for the six bundled
	// ones, allocated by every cold start); the bits are set with atomic
	// ORs, so concurrent renders may share the font: a character looked
	// up twice at once gets the same answer twice.
	pages [(unicode.MaxRune + 1) / hasPageSize]atomic.Pointer[hasPage]
}

// hasPageSize is how many characters one hasPage answers for.
const hasPageSize = 4096

// hasPage holds Has's answers for hasPageSize consecutive characters.
type hasPage struct {
	known, covered [hasPageSize / 64]atomic.Uint64
}

// glyphBuffers are sfnt's scratch buffers for Has: one would otherwise be
// allocated for every character asked about.
var glyphBuffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}

// Parse reads a TrueType font. It refuses collections, CFF-only OpenType,
// fonts with no Unicode character map and whatever else the PDF writer
// cannot embed (damaged tables, a licence that forbids embedding), since
// the PDF writer parses the font here too.
func Parse(data []byte) (*Font, error) {
	ft, err := parse(data)
	if err != nil {
		return nil, err
	}
	if ft.pdf, err = fpdf.ParseUTF8Font(data); err != nil {
		return nil, fmt.Errorf("not a usable TrueType font: %s", strings.TrimPrefix(strings.TrimPrefix(err.Error(), "fpdf: "), "unusable TrueType font: "))
	}
	return ft, nil
}

// ParseBundled is Parse for a font built into the program, which the PDF
// writer is known to take (TestBundledFontsForPDF): its parse for the PDF
// writer, most of the work, waits until a document uses the font. A short
// release uses three of the six bundled fonts, and a cold render paid
// for all six.
func ParseBundled(data []byte) (*Font, error) {
	ft, err := parse(data)
	if err != nil {
		return nil, err
	}
	ft.lazy = true
	return ft, nil
}

// parse reads the font's tables and name, and checks it has a Unicode
// character map.
func parse(data []byte) (*Font, error) {
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

// PDF returns the font as the PDF writer parsed it, to add to any number
// of documents (fpdf's AddUTF8FontParsed). For a bundled font it is
// parsed on the first call; nil if that fails, which
// TestBundledFontsForPDF rules out.
func (f *Font) PDF() *fpdf.UTF8Font {
	if f.lazy {
		f.pdfOnce.Do(func() { f.pdf, _ = fpdf.ParseUTF8Font(f.Data) })
	}
	return f.pdf
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	if r < 0 || r > unicode.MaxRune {
		return false
	}
	slot := &f.pages[r/hasPageSize]
	p := slot.Load()
	if p == nil {
		if slot.CompareAndSwap(nil, new(hasPage)) {
			p = slot.Load()
		} else {
			p = slot.Load() // another render made the page first
		}
	}
	word, bit := (r%hasPageSize)/64, uint64(1)<<(r%64)
	if p.known[word].Load()&bit != 0 {
		return p.covered[word].Load()&bit != 0
	}
	buf := glyphBuffers.Get().(*sfnt.Buffer)
	gi, err := f.parsed.GlyphIndex(buf, r)
	glyphBuffers.Put(buf)
	has := err == nil && gi != 0
	if has {
		p.covered[word].Or(bit)
	}
	// Set known after covered, so a reader that sees known sees covered.
	p.known[word].Or(bit)
	return has
}

// Shaper returns the font read for shaping and kerning (pkg/shaping),
// read on the first call and then shared by every render in the process.
// Reading it is cheap (its character map and layout lists: about 30 µs
// for Noto Sans, BenchmarkNewFace); the face parses its kerning lookups
// on the first Kern and the whole font (14 million instructions for Noto
// Sans, 28 million for Noto Nastaliq Urdu) only when text is first
// shaped, which Latin text never is. The error says why the font's
// tables cannot be read.
func (f *Font) Shaper() (*shaping.Face, error) {
	f.shaperOnce.Do(func() { f.shaper, f.shaperErr = shaping.NewFace(f.Data) })
	return f.shaper, f.shaperErr
}
