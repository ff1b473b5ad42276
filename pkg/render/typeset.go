package render

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/shaping"
)

// run is a piece of text to set, in one style, maybe linked.
type run struct {
	text      string
	style     textStyle
	link      string
	lang      string // a passage in another language: its tag
	role      Role   // overrides the line's role (a dateline), or empty
	lineBreak bool   // a hard line break after the text
}

// glyph is one character placed by the line breaker.
type glyph struct {
	r         rune
	face      int
	w         float64 // advance in mm
	run       int     // index of the run it came from
	space     bool    // a break opportunity after it
	lineBreak bool    // a hard break after it
	// soft is a soft hyphen (U+00AD) or a hyphenation point after it: a
	// break opportunity that shows as a hyphen only when the line breaks
	// there.
	soft bool
	// cl is 1 + the index of the shaped cluster (shape.go) this glyph
	// of the breaker stands for, in breaker.shaped: r is then its first
	// character. 0 for a character set by itself.
	cl    int32
	level uint8   // bidi embedding level: odd runs right to left
	kern  float32 // kerning with the next glyph, 1/1000 em, counted in w
	// dash is a compound's own hyphen: a break opportunity after it.
	dash bool
	// breakAfter is a break opportunity after it with nothing drawn:
	// between CJK characters (cjk.go), after a zero width space
	// (ignorable.go).
	breakAfter bool
}

// softHyphen is U+00AD, pasted from Word: a place a word may break.
const softHyphen = '\u00ad'

// setLine is one line of text: its spans with x relative to the line's
// start, and the width of its ink (trailing spaces not counted).
type setLine struct {
	spans []Span
	width float64
}

// breaker turns runs into lines no wider than a measure. It breaks at
// spaces, keeps each space in the text before the break (so that
// extracted text keeps its word boundaries), and breaks a word that is
// wider than a whole line between characters, preferring a place after
// a slash, dot, hyphen or similar in a long URL.
type breaker struct {
	fs      *faces
	missing []missingRune
	rtl     bool   // the release is written right to left (ur, ar)
	lang    string // the release's language, for shaping
	// shaped holds the clusters of the text being set, for glyphs' cl;
	// emptied by each glyphs call.
	shaped []shapedCluster
	// memo is the last text's glyphs: a headline is set a dozen times
	// over to balance its lines, and shaping Nastaliq costs more than
	// the rest of the render. Its slices, and gbuf (the glyphs glyphs
	// returns, valid until its next call), are reused text after text.
	memo struct {
		runs   []run
		glyphs []glyph
		shaped []shapedCluster
		ok     bool
	}
	gbuf []glyph
	// scratch is the line breaker's memory, reused paragraph after
	// paragraph (linebreak.go).
	scratch breakScratch
}

// missingRune is a character no font of the layout can show, found while
// setting text (Check normally finds these first, with a position).
type missingRune struct {
	r    rune
	text string
}

// glyphs returns runs' glyphs, in memory that the next call reuses.
func (b *breaker) glyphs(runs []run) []glyph {
	if b.memo.ok && slices.Equal(runs, b.memo.runs) {
		b.shaped = append(b.shaped[:0], b.memo.shaped...)
		b.gbuf = append(b.gbuf[:0], b.memo.glyphs...)
		return b.gbuf
	}
	gs := b.setGlyphs(runs)
	b.gbuf = gs
	b.memo.runs = append(b.memo.runs[:0], runs...)
	b.memo.glyphs = append(b.memo.glyphs[:0], gs...)
	b.memo.shaped = append(b.memo.shaped[:0], b.shaped...)
	b.memo.ok = true
	return gs
}

// setGlyphs is glyphs without the memo.
func (b *breaker) setGlyphs(runs []run) []glyph {
	n := 0
	for _, rn := range runs {
		n += len(rn.text)
	}
	gs := slices.Grow(b.gbuf[:0], n+1)
	b.shaped = b.shaped[:0]
	for i, rn := range runs {
		if b.simple(rn.text) {
			gs = b.plain(gs, i, rn, rn.text, 0)
		} else {
			// A phone number, address or e-mail in right-to-left text is
			// a left-to-right isolate (as U+2066 … U+2069 would make it):
			// by the bidi rules alone "01632 960 123" shows its groups
			// right to left, and a reader would dial 123 960 01632.
			isolate := b.rtl && isolatedLink(rn.link)
			for _, seg := range shaping.Segments(rn.text, b.rtl && !isolate) {
				if isolate {
					seg.Level += 2
				}
				gs = b.segment(gs, i, rn, rn.text[seg.Start:seg.End], seg)
			}
		}
		if rn.lineBreak && len(gs) > 0 {
			// A hard break keeps a space at the line's end, as a wrap
			// does, so that text read aloud through the tags or
			// extracted does not run the two lines together.
			last := &gs[len(gs)-1]
			if face, ok := b.fs.face(rn.style, ' '); ok && !last.space {
				gs = append(gs, glyph{r: ' ', face: face, w: b.fs.runeWidth(face, ' ', rn.style.size), run: i, space: true, lineBreak: true, level: last.level})
			} else {
				last.lineBreak = true
			}
		}
	}
	b.kerning(gs, runs)
	b.markCJKBreaks(gs)
	return gs
}

// isolatedLink reports a link whose text keeps left-to-right order
// whatever the paragraph's direction: telephone numbers, e-mail
// addresses and web addresses.
func isolatedLink(link string) bool {
	for _, scheme := range []string{"tel:", "mailto:", "http:", "https:"} {
		if strings.HasPrefix(link, scheme) {
			return true
		}
	}
	return false
}

// simple reports text that needs no bidi or shaping: left-to-right text
// of scripts set a character at a time, the common case, which skips the
// segmenter.
func (b *breaker) simple(text string) bool {
	if b.rtl {
		return false
	}
	for _, r := range text {
		if r >= 0x0590 && (r < 0x2000 || r >= 0x2066 && r <= 0x2069 || r >= 0x200E && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2E80) {
			return false
		}
	}
	return true
}

// kerning narrows (or widens) each character set by itself by the font's
// kerning with the next one in the same face and size, so that lines
// are measured as they are drawn (TextKerned).
func (b *breaker) kerning(gs []glyph, runs []run) {
	for k := 0; k+1 < len(gs); k++ {
		g, next := &gs[k], &gs[k+1]
		if g.cl != 0 || next.cl != 0 || g.face != next.face || g.space || next.space {
			continue
		}
		if invisible(*g) {
			continue
		}
		// Kerned with the letter after an invisible character, as if
		// it were not there.
		for j := k + 2; invisible(*next) && j < len(gs); j++ {
			next = &gs[j]
		}
		if next.cl != 0 || g.face != next.face || next.space || invisible(*next) {
			continue
		}
		size := runs[g.run].style.size
		if runs[next.run].style.size != size {
			continue
		}
		if kv := b.fs.kern(g.face, g.r, next.r); kv != 0 {
			g.kern = float32(kv)
			g.w += kv * size / 1000 * pt
		}
	}
}

// invisible reports a glyph of the breaker that stands for an invisible
// character (ignorable.go), which takes no room.
func invisible(g glyph) bool { return g.cl == 0 && defaultIgnorable(g.r) }

// set breaks runs into lines of at most width mm, ragged right, with
// no hyphenation but the soft hyphens of the text.
func (b *breaker) set(runs []run, width float64) []setLine {
	return b.setWith(runs, width, setOptions{})
}

// setWith breaks runs into lines of at most width mm, choosing the breaks
// over the whole paragraph (linebreak.go) rather than filling each line
// in turn. Each space stays in the text before a break, so that
// extracted text keeps its word boundaries.
func (b *breaker) setWith(runs []run, width float64, opt setOptions) []setLine {
	gs := b.glyphs(runs)
	if len(gs) == 0 {
		return []setLine{b.spans(nil, runs)}
	}
	breaks := b.breakLines(gs, runs, width, opt)
	out := make([]setLine, 0, len(breaks))
	start := 0
	for _, br := range breaks {
		ln := gs[start : br.at+1]
		if br.hyphen {
			ln = append(ln[:len(ln):len(ln)], b.hyphen(gs[br.at], runs))
		}
		sl := b.spans(ln, runs)
		// A justified paragraph's last line may have been chosen with
		// its spaces shrunk: it is set so, and never past the measure.
		if opt.justify && (!br.forced || sl.width > width+1e-9) {
			sl = b.justifyLine(ln, runs, width)
		}
		out = append(out, sl)
		start = br.at + 1
	}
	return out
}

// hyphen is the hyphen a soft hyphen or hyphenation point after g shows
// at a line's end, in g's face and size. It is the soft hyphen U+00AD
// itself, drawn with the font's hyphen glyph, as ISO 32000-1 14.8.2.2.3
// asks: text extracted or read aloud through the tags then reads the
// word whole ("learning", not "learn- ing"). A font without a glyph for
// U+00AD gets a plain hyphen.
func (b *breaker) hyphen(g glyph, runs []run) glyph {
	st := runs[g.run].style
	r := '-'
	if f := b.fs.styleFont(st); f != nil && f.Has(softHyphen) {
		r = softHyphen
	}
	face, ok := b.fs.face(st, r)
	if !ok {
		face = g.face
	}
	return glyph{r: r, face: face, w: b.fs.runeWidth(face, r, st.size), run: g.run}
}

// splitPoint returns how many glyphs of a too-long word go on a line of
// width mm: as many as fit (at least one), or fewer to break after a URL
// separator when one lies in the second half of that stretch.
func splitPoint(word []glyph, width float64) int {
	n, w := 0, 0.0
	for n < len(word) && w+word[n].w <= width+1e-9 {
		w += word[n].w
		n++
	}
	if n == 0 {
		return 1
	}
	if n == len(word) {
		return n
	}
	for k := n; k > n/2; k-- {
		if strings.ContainsRune("/.-?&=_#:,;", word[k-1].r) {
			return k
		}
	}
	return n
}

// spans merges a line's glyphs into spans of one face, run, link and
// direction. Spans stay in the order of reading (the order they are
// drawn and tagged in); their x places them in the order they are seen:
// the Unicode Bidirectional Algorithm's reordering of the line. A
// right-to-left release is laid out mirrored (x runs from the right
// margin leftwards) and turned round at the end (mirror.go).
func (b *breaker) spans(gs []glyph, runs []run) setLine {
	var ln setLine
	xs := b.positions(gs)
	var sb strings.Builder
	end := 0.0
	for i := 0; i < len(gs); {
		j := i
		w := 0.0
		shaped := gs[i].cl != 0
		size := 0
		// (A glyph of the same run is of the same span: the runs are
		// compared, field by field, only where the run changes.)
		for j < len(gs) && gs[j].face == gs[i].face && (gs[j].run == gs[i].run || sameSpan(&runs[gs[j].run], &runs[gs[i].run])) &&
			(gs[j].cl != 0) == shaped && gs[j].level == gs[i].level {
			if gs[j].cl != 0 {
				size += len(b.shaped[gs[j].cl-1].text)
			} else {
				size += max(utf8.RuneLen(gs[j].r), len(string(utf8.RuneError)))
			}
			w += gs[j].w
			j++
		}
		// The span's text, in one allocation.
		sb.Reset()
		sb.Grow(size)
		for _, g := range gs[i:j] {
			if g.cl != 0 {
				sb.WriteString(b.shaped[g.cl-1].text)
			} else {
				sb.WriteRune(g.r)
			}
		}
		rn := runs[gs[i].run]
		ink := w
		for k := j - 1; k >= i && gs[k].space; k-- {
			ink -= gs[k].w
		}
		x := end // one direction: spans follow one another
		if xs != nil {
			x = xs[i]
			for k := i + 1; k < j; k++ {
				x = min(x, xs[k])
			}
		}
		sp := Span{X: x, W: w, Ink: ink, Text: sb.String(), Face: gs[i].face,
			Size: rn.style.size, Colour: rn.style.colour, Link: rn.link, Lang: rn.lang, Role: rn.role}
		// Drawn left to right as seen: reversed when the span runs right
		// to left, in the mirrored coordinates of a right-to-left release
		// when it runs left to right.
		rtl := gs[i].level%2 == 1
		sp.rtl = rtl
		if shaped {
			sp.glyphs, sp.actual = b.pdfGlyphs(gs[i:j], rtl)
		} else {
			sp.kern = kerns(gs[i:j])
		}
		ln.spans = append(ln.spans, sp)
		end = max(end, x+w)
		i = j
	}
	ink := end
	for k := len(gs) - 1; k >= 0 && gs[k].space; k-- {
		ink -= gs[k].w
	}
	ln.width = ink
	return ln
}

// positions returns each glyph's x from the line's start in the order
// the bidi algorithm shows them (rule L1: spaces at the line's end take
// the paragraph's direction); nil for a left-to-right line of one
// direction, whose glyphs stand in logical order.
func (b *breaker) positions(gs []glyph) []float64 {
	mixed := b.rtl
	for _, g := range gs {
		if g.level != 0 {
			mixed = true
			break
		}
	}
	if !mixed {
		return nil
	}
	xs := make([]float64, len(gs))
	base := uint8(0)
	if b.rtl {
		base = 1
	}
	levels := make([]uint8, len(gs))
	for k, g := range gs {
		levels[k] = g.level
	}
	for k := len(gs) - 1; k >= 0 && gs[k].space; k-- {
		levels[k] = base
	}
	order := shaping.VisualOrder(levels)
	if b.rtl {
		// Mirrored: from the right edge leftwards.
		for l, r := 0, len(order)-1; l < r; l, r = l+1, r-1 {
			order[l], order[r] = order[r], order[l]
		}
	}
	x := 0.0
	for _, k := range order {
		xs[k] = x
		x += gs[k].w
	}
	return xs
}

// kerns returns the adjustment after each character of a span set by
// itself, or nil when it has none.
func kerns(gs []glyph) []float64 {
	var out []float64
	for k, g := range gs {
		if g.kern != 0 && out == nil {
			out = make([]float64, len(gs))
		}
		if out != nil {
			out[k] = float64(g.kern)
		}
	}
	return out
}

func sameSpan(a, b *run) bool {
	return a.style == b.style && a.link == b.link && a.lang == b.lang && a.role == b.role
}

// inlineRuns turns markup inlines into runs in base style: emphasis is
// italic, strong is bold, links take the accent colour.
func (c *composer) inlineRuns(ins []markup.Inline, base textStyle) []run {
	runs := make([]run, 0, len(ins))
	for _, in := range ins {
		st := base
		if in.Style&markup.Strong != 0 {
			st.bold = true
		}
		if in.Style&markup.Emphasis != 0 {
			st.italic = true
		}
		link := ""
		if in.Link != "" && !in.Placeholder {
			link = in.Link
			st.colour = c.l.Colours.Accent
		}
		runs = append(runs, run{text: in.Text, style: st, link: link, lang: in.Lang, lineBreak: in.LineBreak})
	}
	return runs
}
