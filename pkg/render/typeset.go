package render

import (
	"strings"

	"github.com/pressroom/pressroom/pkg/hyphenate"
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
	// soft is a soft hyphen (U+00AD) or a hyphenation point after it: a
	// break opportunity that shows as a hyphen only when the line breaks
	// there.
	soft bool
	// dash is a compound's own hyphen: a break opportunity after it.
	dash bool
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
	// words are the hyphenation points of the words set so far, by
	// language and word: a release repeats its words.
	words map[string][]hyphenate.Break
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
