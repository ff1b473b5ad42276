package render

import (
	"fmt"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
)

// pt is one typographic point in millimetres, the plan's unit.
const pt = 25.4 / 72

// textStyle is how a run of text is set before the per-character font
// choice: which family, bold or italic, size and colour.
type textStyle struct {
	heading      bool // the layout's heading family instead of the body's
	bold, italic bool
	size         float64 // points
	colour       layout.Colour
}

// faces picks the font for each character and measures text. It owns one
// document's fpdf instance while planning: widths are read from fpdf's own
// tables so that what the plan measures is what fpdf draws. A font is
// added to the document the first time a character needs it, so a
// fallback font that no character uses is not embedded.
type faces struct {
	pdf    *fpdf.Fpdf
	l      *layout.Layout
	list   []*font.Font       // index = face number, fpdf family "f<index>"
	index  map[*font.Font]int // the face number of a font
	loaded []bool
	widths []map[rune]int // glyph units (1/1000 em) per character, per face
	cur    int            // the face fpdf has selected, -1 for none
	err    error          // the first failure to load a font
}

func newFaces(pdf *fpdf.Fpdf, l *layout.Layout) *faces {
	return &faces{pdf: pdf, l: l, index: map[*font.Font]int{}, cur: -1}
}

// styleFont returns the font of a style, falling back to the regular style
// when the family lacks it (the layout promises Regular is set).
func (fs *faces) styleFont(st textStyle) *font.Font {
	fam := fs.l.Fonts.Body
	if st.heading && fs.l.Fonts.Heading.Regular != nil {
		fam = fs.l.Fonts.Heading
	}
	var f *font.Font
	switch {
	case st.bold && st.italic:
		f = fam.BoldItalic
	case st.bold:
		f = fam.Bold
	case st.italic:
		f = fam.Italic
	}
	if f == nil {
		f = fam.Regular
	}
	return f
}

// face returns the face number that shows r in style st: the style's own
// font when it has the character, else the first fallback that has it.
// ok is false when no font of the layout can show r.
func (fs *faces) face(st textStyle, r rune) (n int, ok bool) {
	main := fs.styleFont(st)
	if main == nil {
		return 0, false
	}
	if isSpace(r) || main.Has(r) {
		return fs.number(main), true
	}
	if r > 0xFFFF {
		// fpdf keeps widths for the Basic Multilingual Plane only and can
		// panic above it; Check reports these characters.
		return 0, false
	}
	for _, fb := range fs.l.Fonts.Fallbacks {
		if fb != nil && fb.Has(r) {
			return fs.number(fb), true
		}
	}
	return 0, false
}

func (fs *faces) number(f *font.Font) int {
	if n, ok := fs.index[f]; ok {
		return n
	}
	n := len(fs.list)
	fs.index[f] = n
	fs.list = append(fs.list, f)
	fs.loaded = append(fs.loaded, false)
	fs.widths = append(fs.widths, map[rune]int{})
	return n
}

func familyName(n int) string { return fmt.Sprintf("f%d", n) }

// use loads face n into the document when needed and selects it at size
// (points). fpdf reports a bad font by printing, not by an error, so the
// font is selected right after loading and fpdf's error checked.
func (fs *faces) use(n int, size float64) error {
	if fs.err != nil {
		return fs.err
	}
	if !fs.loaded[n] {
		fs.pdf.AddUTF8FontParsed(familyName(n), "", fs.list[n].PDF())
		fs.loaded[n] = true
		fs.pdf.SetFont(familyName(n), "", size)
		if err := fs.pdf.Error(); err != nil {
			fs.err = fmt.Errorf("font %s: %w", fs.list[n].Name, err)
			return fs.err
		}
		if fs.pdf.GetFontDesc(familyName(n), "").Ascent == 0 {
			fs.err = fmt.Errorf("font %s could not be loaded", fs.list[n].Name)
			return fs.err
		}
		fs.cur = n
		return nil
	}
	fs.pdf.SetFont(familyName(n), "", size)
	fs.cur = n
	return fs.pdf.Error()
}

// runeWidth returns the advance of r in face n at size points, in mm.
func (fs *faces) runeWidth(n int, r rune, size float64) float64 {
	if isSpace(r) {
		r = ' '
	}
	units, ok := fs.widths[n][r]
	if !ok {
		if fs.cur != n || !fs.loaded[n] {
			if err := fs.use(n, size); err != nil {
				return 0
			}
		}
		units = fs.pdf.GetStringSymbolWidth(string(r))
		fs.widths[n][r] = units
	}
	return float64(units) * size / 1000 * pt
}

// isSpace reports the characters a line may break after; they are set as
// a plain space. A no-break space is not among them.
func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }
