package render

import (
	"strings"

	"github.com/pressroom/pressroom/pkg/markup"
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
	// soft is a soft hyphen (U+00AD) after it: a break opportunity that
	// shows as a hyphen only when the line breaks there.
	soft bool
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
}

// missingRune is a character no font of the layout can show, found while
// setting text (Check normally finds these first, with a position).
type missingRune struct {
	r    rune
	text string
}

func (b *breaker) glyphs(runs []run) []glyph {
	var gs []glyph
	for i, rn := range runs {
		for _, r := range rn.text {
			if r == softHyphen {
				// Never drawn: it marks the glyph before it as a place
				// to break, with a hyphen.
				if n := len(gs); n > 0 && !gs[n-1].space {
					gs[n-1].soft = true
				}
				continue
			}
			if r < ' ' && !isSpace(r) {
				b.missing = append(b.missing, missingRune{r, rn.text})
				continue
			}
			sp := isSpace(r)
			if sp {
				r = ' '
			}
			face, ok := b.fs.face(rn.style, r)
			if !ok {
				b.missing = append(b.missing, missingRune{r, rn.text})
				continue
			}
			gs = append(gs, glyph{r: r, face: face, w: b.fs.runeWidth(face, r, rn.style.size), run: i, space: sp})
		}
		if rn.lineBreak && len(gs) > 0 {
			// A hard break keeps a space at the line's end, as a wrap
			// does, so that text read aloud through the tags or
			// extracted does not run the two lines together.
			last := &gs[len(gs)-1]
			if face, ok := b.fs.face(rn.style, ' '); ok && !last.space {
				gs = append(gs, glyph{r: ' ', face: face, w: b.fs.runeWidth(face, ' ', rn.style.size), run: i, space: true, lineBreak: true})
			} else {
				last.lineBreak = true
			}
		}
	}
	return gs
}

// set breaks runs into lines of at most width mm.
func (b *breaker) set(runs []run, width float64) []setLine {
	gs := b.glyphs(runs)
	var lines [][]glyph
	var cur []glyph
	curW := 0.0
	flush := func() {
		lines = append(lines, cur)
		cur, curW = nil, 0
	}
	for i := 0; i < len(gs); {
		g := gs[i]
		if g.space {
			cur = append(cur, g)
			curW += g.w
			i++
			if g.lineBreak {
				flush()
			}
			continue
		}
		// The word's end, or as much of it as shows that it does not fit:
		// scanning all of a very long word for every line it is broken
		// over would take quadratic time.
		j, ww := i, 0.0
		for j < len(gs) && !gs[j].space && ww <= width {
			ww += gs[j].w
			j++
			if gs[j-1].lineBreak {
				break
			}
		}
		switch {
		case curW+ww <= width+1e-9:
			cur = append(cur, gs[i:j]...)
			curW += ww
			i = j
			if gs[j-1].lineBreak {
				flush()
			}
		case b.softBreak(gs[i:j], width-curW, runs) > 0:
			// Break at the last soft hyphen whose part fits, hyphen and all.
			k := b.softBreak(gs[i:j], width-curW, runs)
			cur = append(cur, gs[i:i+k]...)
			cur = append(cur, b.hyphen(gs[i+k-1], runs))
			i += k
			flush()
		case hasInk(cur):
			flush()
		default:
			// The word alone is wider than the line: split it.
			k := splitPoint(gs[i:j], width-curW)
			cur = append(cur, gs[i:i+k]...)
			i += k
			flush()
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	out := make([]setLine, 0, len(lines))
	for _, ln := range lines {
		out = append(out, b.spans(ln, runs))
	}
	return out
}

// softBreak is how many glyphs of word go before the hyphen at its last
// soft hyphen that fits in width mm with the hyphen; 0 when none does.
func (b *breaker) softBreak(word []glyph, width float64, runs []run) int {
	best, w := 0, 0.0
	for k, g := range word {
		w += g.w
		if w > width+1e-9 {
			break
		}
		if g.soft && k+1 < len(word) && w+b.hyphen(g, runs).w <= width+1e-9 {
			best = k + 1
		}
	}
	return best
}

// hyphen is the hyphen a soft hyphen after g shows at a line's end, in
// g's face and size.
func (b *breaker) hyphen(g glyph, runs []run) glyph {
	st := runs[g.run].style
	face, ok := b.fs.face(st, '-')
	if !ok {
		face = g.face
	}
	return glyph{r: '-', face: face, w: b.fs.runeWidth(face, '-', st.size), run: g.run}
}

func hasInk(gs []glyph) bool {
	for _, g := range gs {
		if !g.space {
			return true
		}
	}
	return false
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

// spans merges a line's glyphs into spans of one face, run and link.
func (b *breaker) spans(gs []glyph, runs []run) setLine {
	var ln setLine
	x := 0.0
	var sb strings.Builder
	for i := 0; i < len(gs); {
		j := i
		w := 0.0
		sb.Reset()
		for j < len(gs) && gs[j].face == gs[i].face && sameSpan(runs[gs[j].run], runs[gs[i].run]) {
			sb.WriteRune(gs[j].r)
			w += gs[j].w
			j++
		}
		rn := runs[gs[i].run]
		ink := w
		for k := j - 1; k >= i && gs[k].space; k-- {
			ink -= gs[k].w
		}
		ln.spans = append(ln.spans, Span{X: x, W: w, Ink: ink, Text: sb.String(), Face: gs[i].face,
			Size: rn.style.size, Colour: rn.style.colour, Link: rn.link, Lang: rn.lang, Role: rn.role})
		x += w
		i = j
	}
	ink := x
	for k := len(gs) - 1; k >= 0 && gs[k].space; k-- {
		ink -= gs[k].w
	}
	ln.width = ink
	return ln
}

func sameSpan(a, b run) bool {
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
