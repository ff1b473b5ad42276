package render

import (
	"fmt"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/shaping"
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
	// Shaped text is drawn by glyph ID, through a second fpdf family of
	// the same font ("g<index>"); curGlyphs says which family cur is.
	glyphLoaded []bool
	curGlyphs   bool
	shapers     []*shaping.Face
	shaperTried []bool
	kerns       []map[uint64]float64 // kerning between two characters (a<<32 | b), 1/1000 em, per face
	m           *memo                // what earlier documents learnt (memo.go), nil until needed
	breakers    []*breaker           // the document's, whose memory recycle keeps
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
	fs.glyphLoaded = append(fs.glyphLoaded, false)
	fs.shapers = append(fs.shapers, nil)
	fs.shaperTried = append(fs.shaperTried, false)
	fs.kerns = append(fs.kerns, nil)
	return n
}

func familyName(n int) string { return fmt.Sprintf("f%d", n) }

// glyphFamilyName is the fpdf family of face n drawn by glyph ID.
func glyphFamilyName(n int) string { return fmt.Sprintf("g%d", n) }

// scriptFace returns the face that shapes text, a segment of one script
// (ISO 15924) in language lang, in style st: the style's own font when it
// has every letter of it, else the first of the layout's fallbacks that
// does, else the built-in family for the script (Noto Nastaliq Urdu for
// Urdu, Noto Sans Bengali …) in the same style; failing all of those, the
// first font that has its first letter.
func (fs *faces) scriptFace(st textStyle, script, lang, text string) (int, bool) {
	main := fs.styleFont(st)
	if main == nil {
		return 0, false
	}
	cands := append([]*font.Font{main}, fs.l.Fonts.Fallbacks...)
	if f := fs.bundled(st, script, lang); f != nil {
		cands = append(cands, f)
	}
	first := rune(-1)
	for _, r := range text {
		if letter(r) {
			first = r
			break
		}
	}
	if first < 0 {
		// Spaces and punctuation only (set right to left): the first
		// font that has them all.
		for _, f := range cands {
			if f != nil && coversAll(f, text) {
				return fs.number(f), true
			}
		}
		return 0, false
	}
	for _, f := range cands {
		if f != nil && coversLetters(f, text) {
			return fs.number(f), true
		}
	}
	for _, f := range cands {
		if f != nil && f.Has(first) {
			return fs.number(f), true
		}
	}
	return 0, false
}

// bundled is the built-in font for script in lang, in style st; nil when
// pressroom has none (or the layout was built by hand).
func (fs *faces) bundled(st textStyle, script, lang string) *font.Font {
	if fs.l.Fonts.Script == nil || script == "" {
		return nil
	}
	fam, ok := fs.l.Fonts.Script(script, lang)
	if !ok {
		return nil
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

// faceIn is face for a character of script in lang: the layout's fonts
// first, then the built-in font for the script.
func (fs *faces) faceIn(st textStyle, r rune, script, lang string) (int, bool) {
	if n, ok := fs.face(st, r); ok {
		return n, true
	}
	if r > 0xFFFF {
		return 0, false
	}
	if f := fs.bundled(st, script, lang); f != nil && f.Has(r) {
		return fs.number(f), true
	}
	return 0, false
}

func coversAll(f *font.Font, text string) bool {
	for _, r := range text {
		if !isSpace(r) && !f.Has(r) {
			return false
		}
	}
	return true
}

func coversLetters(f *font.Font, text string) bool {
	for _, r := range text {
		if letter(r) && !f.Has(r) {
			return false
		}
	}
	return true
}

// shaper returns face n's shaping tables, read the first time they are
// needed; nil when they cannot be read (the text is then reported as
// missing rather than drawn wrong).
func (fs *faces) shaper(n int) *shaping.Face {
	if !fs.shaperTried[n] {
		fs.shaperTried[n] = true
		sf, err := shaperOf(fs.list[n])
		if err == nil {
			fs.shapers[n] = sf
		}
	}
	return fs.shapers[n]
}

// kern is the kerning between characters a and b, both set in face n,
// in 1/1000 em (negative: closer).
func (fs *faces) kern(n int, a, b rune) float64 {
	if isSpace(a) || isSpace(b) {
		return 0
	}
	m := fs.kerns[n]
	if m == nil {
		// The face's pairs in the memo: its font's, whatever number the
		// face has in this document.
		mm := fs.memo()
		m = mm.kerns[fs.list[n]]
		if m == nil {
			m = map[uint64]float64{}
			mm.kerns[fs.list[n]] = m
		}
		fs.kerns[n] = m
	}
	// The pair as one integer: a map keyed by it is looked up on the
	// runtime's fast path, as a [2]rune key is not.
	pair := uint64(uint32(a))<<32 | uint64(uint32(b))
	k, ok := m[pair]
	if ok {
		return k
	}
	if sf := fs.shaper(n); sf != nil {
		ga, okA := sf.GlyphIndex(a)
		gb, okB := sf.GlyphIndex(b)
		if okA && okB {
			k = sf.Kern(ga, gb)
		}
	}
	m[pair] = k
	return k
}

// useGlyphs is use for the family of face n that draws by glyph ID.
func (fs *faces) useGlyphs(n int, size float64) error {
	if fs.err != nil {
		return fs.err
	}
	if !fs.glyphLoaded[n] {
		fs.pdf.AddUTF8FontParsedGlyphs(glyphFamilyName(n), "", fs.list[n].PDF())
		fs.glyphLoaded[n] = true
	}
	fs.pdf.SetFont(glyphFamilyName(n), "", size)
	if err := fs.pdf.Error(); err != nil {
		fs.err = fmt.Errorf("font %s: %w", fs.list[n].Name, err)
		return fs.err
	}
	fs.cur, fs.curGlyphs = n, true
	return nil
}

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
		fs.cur, fs.curGlyphs = n, false
		return nil
	}
	fs.pdf.SetFont(familyName(n), "", size)
	fs.cur, fs.curGlyphs = n, false
	return fs.pdf.Error()
}

// runeWidth returns the advance of r in face n at size points, in mm.
func (fs *faces) runeWidth(n int, r rune, size float64) float64 {
	if isSpace(r) {
		r = ' '
	}
	units, ok := fs.widths[n][r]
	if !ok {
		if fs.cur != n || fs.curGlyphs || !fs.loaded[n] {
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

// leading is the line-height factor for a release whose own script is set
// in a font much taller than the body font: Nastaliq's letters climb 1.9
// em above the baseline and its words step down to the left, so lines set
// at the Latin factor run into each other. text (the headline) tells the
// script; the factor grows with the script font's height over the body
// font's. Other scripts keep the layout's factor.
func (fs *faces) leading(factor float64, text, lang string, rtl bool) float64 {
	body := fs.styleFont(textStyle{})
	if body == nil {
		return factor
	}
	for _, seg := range shaping.Segments(text, rtl) {
		if !shaping.NeedsShaping(seg.Script) {
			continue
		}
		n, ok := fs.scriptFace(textStyle{}, seg.Script, lang, text[seg.Start:seg.End])
		if !ok {
			return factor
		}
		ratio := fontHeight(fs.list[n]) / fontHeight(body)
		if ratio > 1.5 {
			return max(factor, factor*ratio*0.85)
		}
		return factor
	}
	return factor
}

// fontHeight is a font's ascender to descender in em.
func fontHeight(f *font.Font) float64 {
	sf, err := sfnt.Parse(f.Data)
	if err != nil {
		return 1
	}
	upem := sf.UnitsPerEm()
	var buf sfnt.Buffer
	m, err := sf.Metrics(&buf, fixed.I(int(upem)), xfont.HintingNone)
	if err != nil || upem == 0 {
		return 1
	}
	return float64(m.Ascent+m.Descent) / 64 / float64(upem)
}
