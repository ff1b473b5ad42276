package render

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/hyphenate"
)

// setOptions say how a paragraph is set: whether its words may be
// hyphenated and whether its lines are justified.
type setOptions struct {
	hyphenate bool
	justify   bool
	lang      string // the release's language; a run's own lang wins
}

// setOptions is the one home of which text is hyphenated and justified:
// the body's paragraphs and list items, when the layout asks. Headlines,
// headings, names (signatures, contacts) and the fixed words of the page
// never are; within the body, hyphenation leaves links and datelines
// whole, and pkg/hyphenate decides which words may break.
func (c *composer) setOptions(role Role) setOptions {
	switch role {
	case RoleParagraph, RoleListBody, RoleDevIntro, RoleDevelopment:
		return setOptions{hyphenate: c.l.Hyphenate, justify: c.l.Align == "justify", lang: c.r.Lang}
	}
	return setOptions{}
}

// The line breaker's weights, in TeX's units and plain TeX's values but
// for the hyphen, which costs 100 rather than 50 (a release reads better
// with few): the demerits of a line are (linePenalty + badness)² plus the
// square of its break's penalty, plus the extras for hyphenated lines in
// a row.
const (
	linePenalty         = 10
	hyphenPenalty       = 100   // a break at a hyphenation point or soft hyphen
	exHyphenPenalty     = 50    // a break after a compound's own hyphen
	doubleHyphenDemerit = 10000 // two hyphenated lines in a row
	finalHyphenDemerit  = 5000  // the last full line hyphenated
	// shortLastDemerit is charged for a paragraph's last line that is
	// shorter than shortLastShare of the measure after a full line above
	// (one word left alone: the seed's "baby’."), so that the breaker
	// evens the lines or hyphenates rather than leave it. It outweighs a
	// line above falling about 9 ems (35 mm at 11 pt) short of the
	// measure: a designer pulls a word down rather than leave one alone.
	shortLastDemerit = 10000000
	shortLastShare   = 0.15
	adjDemerits      = 10000 // a loose line next to a tight one (justified)
	// maxHyphensInARow: a third hyphenated line in a row is never set.
	maxHyphensInARow = 2
	// ragEms is the ragged margin's stretch, in ems of the text: a line
	// this much short of the measure has badness 100.
	ragEms = 3
	// pretolerance: the first pass, without hyphenation, is kept when no
	// line's badness is above it (as TeX's \pretolerance).
	pretolerance = 100
	// maxActive bounds the active list so that a paragraph of any length
	// is set in time linear in its length.
	maxActive = 256
	// maxJustify is the most a justified line's spaces stretch, as a
	// ratio of their stretchability; a line that would need more (a long
	// word after a short line) is set ragged rather than with holes.
	maxJustify = 2.5
)

// breakKind is what a break opportunity is.
type breakKind uint8

const (
	brSpace  breakKind = iota // after a space
	brHyphen                  // at a soft hyphen or hyphenation point: a hyphen is drawn
	brDash                    // after a compound's own hyphen
	brEnd                     // a hard line break or the end of the paragraph
	brSplit                   // inside a word too wide for any line
)

// breakpoint is a place a line may end: after glyph at.
type breakpoint struct {
	at   int
	kind breakKind
	hyph float64 // the hyphen's width, for brHyphen
	// forced: every line goes through it (a hard break, the end, the
	// edges of a word too wide for a line).
	forced bool
}

func (k breakKind) flagged() bool { return k == brHyphen || k == brDash }

// lineBreak is a chosen break: after glyph at, with a hyphen or not.
type lineBreak struct {
	at     int
	hyphen bool
	forced bool // a hard break or the paragraph's end: never justified
}

// brNode is a feasible break in the search: the best way found to end a
// line there, in a given state.
type brNode struct {
	bp      int     // index into the breakpoints; -1 for the start
	total   float64 // demerits of the paragraph up to here
	prev    int     // the node the line before it came from; -1 for none
	hyphens int     // hyphenated lines in a row ending here
	fitness int     // 0 very loose … 3 tight (justified text)
}

// paragraph is one paragraph's glyphs with the sums the breaker needs.
type paragraph struct {
	gs      []glyph
	width   float64 // the measure
	rag     float64 // the ragged margin's stretch, in mm
	justify bool
	// sum[i] is the width of gs[:i]; spaceSum[i] the width of its spaces.
	sum, spaceSum []float64
	// ink[i] is the width of gs[:i+1] without the spaces at its end.
	ink []float64
	// inner[i] is the width of the spaces in gs[:i+1] that are not at
	// its end (those a justified line stretches).
	inner []float64
}

// breakScratch is the line breaker's working memory, reused from one
// paragraph to the next within one document (a breaker belongs to one
// render): a release has a few dozen paragraphs, each set once or twice
// and a headline a dozen times, and each setting needed a dozen slices.
type breakScratch struct {
	para            paragraph
	floats          []float64
	bps             []breakpoint
	key             []byte // hyphenation's
	nodes           []brNode
	active, dropped []int
}

// newParagraph measures gs for the breaker, in s's memory: the result
// is valid until the next call with the same s.
func newParagraph(s *breakScratch, gs []glyph, width float64, em float64, justify bool) *paragraph {
	n := len(gs)
	s.floats = slices.Grow(s.floats[:0], 4*n+2)[:4*n+2]
	f := s.floats
	s.para = paragraph{gs: gs, width: width, rag: ragEms * em, justify: justify,
		sum: f[: n+1 : n+1], spaceSum: f[n+1 : 2*n+2 : 2*n+2], ink: f[2*n+2 : 3*n+2 : 3*n+2], inner: f[3*n+2:]}
	p := &s.para
	p.sum[0], p.spaceSum[0] = 0, 0
	lastInk, lastInner := -1, 0.0
	for i, g := range gs {
		p.sum[i+1] = p.sum[i] + g.w
		p.spaceSum[i+1] = p.spaceSum[i]
		if g.space {
			p.spaceSum[i+1] += g.w
		} else {
			lastInk, lastInner = i, p.spaceSum[i]
		}
		p.ink[i], p.inner[i] = p.sum[lastInk+1], lastInner
	}
	return p
}

// line measures the line from glyph start to the break bp: its natural
// width and the width of the spaces inside it.
func (p *paragraph) line(start int, bp breakpoint) (natural, spaces float64) {
	natural = p.ink[bp.at] - p.sum[start] + bp.hyph
	spaces = max(0, p.inner[bp.at]-p.spaceSum[start])
	return natural, spaces
}

// fit is how a line from start to bp sets: whether it fits, its badness
// and its fitness class (0 very loose, 1 loose, 2 decent, 3 tight).
func (p *paragraph) fit(start int, bp breakpoint, last bool) (ok bool, badness float64, fitness int) {
	natural, spaces := p.line(start, bp)
	short := p.width - natural
	if !p.justify {
		if short < -1e-9 {
			return false, 0, 0
		}
		if last {
			return true, 0, 2
		}
		r := short / p.rag
		return true, 100 * r * r * r, 2
	}
	if short < 0 {
		shrink := spaces / 3
		if -short > shrink+1e-9 {
			return false, 0, 0
		}
		r := -short / shrink
		b := 100 * r * r * r
		if b > 12 {
			return true, b, 3
		}
		return true, b, 2
	}
	if last {
		return true, 0, 2
	}
	stretch := spaces / 2
	if stretch <= 0 {
		// A line without spaces cannot stretch: as loose as can be.
		return true, 10000, 0
	}
	r := short / stretch
	b := min(10000, 100*r*r*r)
	switch {
	case b > 99:
		return true, b, 0
	case b > 12:
		return true, b, 1
	}
	return true, b, 2
}

// breakpoints lists where the paragraph's lines may end. A stretch of
// text between two of them that is wider than the measure on a line of
// its own (a long URL) is given a line of its own, split as splitPoint
// says, so that every paragraph can be set.
func (b *breaker) breakpoints(p *paragraph, runs []run) []breakpoint {
	gs := p.gs
	out := b.scratch.bps[:0]
	defer func() { b.scratch.bps = out[:0] }()
	add := func(bp breakpoint) {
		start := 0
		if n := len(out); n > 0 {
			start = out[n-1].at + 1
		}
		if natural, _ := p.line(start, bp); natural > p.width+1e-9 {
			if n := len(out); n > 0 {
				out[n-1].forced = true
			}
			for {
				seg := gs[start : bp.at+1]
				if natural, _ := p.line(start, bp); natural <= p.width+1e-9 {
					break
				}
				k := splitPoint(seg, p.width)
				if k >= len(seg) {
					// Only the hyphen does not fit: break without it.
					bp.kind, bp.hyph = brSplit, 0
					break
				}
				out = append(out, breakpoint{at: start + k - 1, kind: brSplit, forced: true})
				start += k
			}
		}
		out = append(out, bp)
	}
	for i, g := range gs {
		last := i == len(gs)-1
		switch {
		case last || g.lineBreak:
			add(breakpoint{at: i, kind: brEnd, forced: true})
		case g.space || g.breakAfter:
			if !gs[i+1].space {
				add(breakpoint{at: i, kind: brSpace})
			}
		case g.soft && !gs[i+1].space:
			add(breakpoint{at: i, kind: brHyphen, hyph: b.hyphen(g, runs).w})
		case g.dash && !gs[i+1].space:
			add(breakpoint{at: i, kind: brDash})
		}
	}
	return out
}

// totalFit chooses the breaks that minimise the paragraph's demerits
// (Knuth and Plass's algorithm): for ragged-right text the lines' short
// falls, for justified text their looseness, with hyphens costed. It
// returns the breaks and the worst badness of a line.
func totalFit(s *breakScratch, p *paragraph, bps []breakpoint) ([]lineBreak, float64) {
	nodes := append(s.nodes[:0], brNode{bp: -1, prev: -1, fitness: 2})
	active := append(s.active[:0], 0)
	dropped := s.dropped[:0]
	defer func() { s.nodes, s.active, s.dropped = nodes[:0], active[:0], dropped[:0] }()
	startOf := func(n brNode) int {
		if n.bp < 0 {
			return 0
		}
		return bps[n.bp].at + 1
	}
	// best[h][f] is the best new node at this breakpoint after a line
	// ending in state h hyphens in a row, fitness f.
	var best [maxHyphensInARow + 1][4]brNode
	var found [maxHyphensInARow + 1][4]bool
	for j, bp := range bps {
		final := j == len(bps)-1
		last := bp.forced
		clear(found[:])
		dropped = dropped[:0]
		kept := active[:0]
		for _, ai := range active {
			a := nodes[ai]
			ok, bad, fit := p.fit(startOf(a), bp, last)
			if !ok {
				// A line from a that does not fit now never will (the
				// hyphen aside: keep a for a later, narrower break).
				if bp.kind == brHyphen {
					if natural, _ := p.line(startOf(a), bp); natural-bp.hyph > p.width {
						dropped = append(dropped, ai)
						continue
					}
				} else {
					dropped = append(dropped, ai)
					continue
				}
				kept = append(kept, ai)
				continue
			}
			kept = append(kept, ai)
			if bp.kind.flagged() && a.hyphens >= maxHyphensInARow {
				continue
			}
			d := demerits(a, bp, bad, fit, p.justify)
			if final && a.bp >= 0 && bps[a.bp].kind.flagged() {
				d += finalHyphenDemerit
			}
			if final && p.shortLast(a, bp, bps) {
				d += shortLastDemerit
			}
			h := 0
			if bp.kind.flagged() {
				h = a.hyphens + 1
			}
			if t := a.total + d; !found[h][fit] || t < best[h][fit].total {
				best[h][fit] = brNode{bp: j, total: t, prev: ai, hyphens: h, fitness: fit}
				found[h][fit] = true
			}
		}
		active = kept
		any := false
		for h := range found {
			for f := range found[h] {
				if found[h][f] {
					nodes = append(nodes, best[h][f])
					active = append(active, len(nodes)-1)
					any = true
				}
			}
		}
		if !any && len(active) == 0 && len(dropped) > 0 {
			// Nothing fits (breakpoints gives every stretch a line of
			// its own, so only rounding gets here): an overfull line
			// from the best node rather than no paragraph.
			bi := dropped[0]
			for _, ai := range dropped {
				if nodes[ai].total < nodes[bi].total {
					bi = ai
				}
			}
			nodes = append(nodes, brNode{bp: j, total: nodes[bi].total + 1e7, prev: bi, fitness: 2})
			active = append(active, len(nodes)-1)
			any = true
		}
		if last && any {
			// A forced break: every line goes through it.
			kept := active[:0]
			for _, ai := range active {
				if nodes[ai].bp == j {
					kept = append(kept, ai)
				}
			}
			active = kept
		}
		if len(active) > maxActive {
			active = prune(nodes, active, j)
		}
	}
	// The best way to end the paragraph.
	end := -1
	for _, ai := range active {
		if nodes[ai].bp == len(bps)-1 && (end < 0 || nodes[ai].total < nodes[end].total) {
			end = ai
		}
	}
	if end < 0 {
		// Cannot happen (the last breakpoint is forced and always
		// reached); every breakpoint a break rather than a panic.
		out := make([]lineBreak, len(bps))
		for i, bp := range bps {
			out[i] = lineBreak{at: bp.at, hyphen: bp.kind == brHyphen, forced: true}
		}
		return out, 0
	}
	var out []lineBreak
	worst := 0.0
	if p.shortLast(nodes[nodes[end].prev], bps[nodes[end].bp], bps) {
		// Worth a second pass with hyphenation, which may take it back.
		worst = pretolerance + 1
	}
	for n := end; n > 0; n = nodes[n].prev {
		bp := bps[nodes[n].bp]
		out = append(out, lineBreak{at: bp.at, hyphen: bp.kind == brHyphen, forced: bp.forced})
		if prev := nodes[nodes[n].prev]; !bp.forced {
			_, bad, _ := p.fit(startOf(prev), bp, false)
			worst = max(worst, bad)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, worst
}

// shortLast reports a last line, from node a to the paragraph's end bp,
// that holds less than shortLastShare of the measure below a line that
// was broken by choice (not the paragraph's only line, not after a hard
// break).
func (p *paragraph) shortLast(a brNode, bp breakpoint, bps []breakpoint) bool {
	if a.bp < 0 || bps[a.bp].forced {
		return false
	}
	natural, _ := p.line(bps[a.bp].at+1, bp)
	return natural < shortLastShare*p.width
}

// prune drops the active nodes with the most demerits, keeping those at
// the newest breakpoint (the only ones a long word may go on from).
func prune(nodes []brNode, active []int, newest int) []int {
	for len(active) > maxActive {
		worst := -1
		for k, ai := range active {
			if nodes[ai].bp != newest && (worst < 0 || nodes[ai].total > nodes[active[worst]].total) {
				worst = k
			}
		}
		if worst < 0 {
			break
		}
		active = append(active[:worst], active[worst+1:]...)
	}
	return active
}

// demerits of a line from a ending at bp, with badness bad and fitness fit.
func demerits(a brNode, bp breakpoint, bad float64, fit int, justify bool) float64 {
	d := (linePenalty + bad) * (linePenalty + bad)
	switch bp.kind {
	case brHyphen:
		d += hyphenPenalty * hyphenPenalty
	case brDash:
		d += exHyphenPenalty * exHyphenPenalty
	}
	if bp.kind.flagged() && a.hyphens > 0 {
		d += doubleHyphenDemerit
	}
	if justify && math.Abs(float64(fit-a.fitness)) > 1 {
		d += adjDemerits
	}
	return d
}

// hyphenation marks where the words of the paragraph may take a hyphen
// (glyph.soft) or break after their own (glyph.dash), by each run's
// language. Links, and runs set apart by a role of their own (a
// dateline), are left whole.
func (b *breaker) hyphenation(gs []glyph, runs []run, lang string) {
	words := b.fs.memo().words
	// key is the word's language tag, a NUL and the word: looked up in
	// words without a string (a release repeats its words).
	key := b.scratch.key
	defer func() { b.scratch.key = key[:0] }()
	var h *hyphenate.Hyphenator
	hTag := "\x00" // not a tag: the first word to look up calls For
	for i := 0; i < len(gs); {
		if gs[i].space {
			i++
			continue
		}
		j := i
		tag := runs[gs[i].run].lang
		if tag == "" {
			tag = lang
		}
		key = append(append(key[:0], tag...), 0)
		whole := false
		for j < len(gs) && !gs[j].space {
			rn := runs[gs[j].run]
			if rn.link != "" || rn.role != "" || gs[j].run != gs[i].run && runs[gs[j].run].lang != runs[gs[i].run].lang {
				whole = true
			}
			if gs[j].cl != 0 {
				// A shaped cluster is several characters: the patterns'
				// places, counted in characters, do not fall on glyphs.
				whole = true
			}
			key = utf8.AppendRune(key, gs[j].r)
			j++
			if gs[j-1].lineBreak {
				break
			}
		}
		if !whole {
			brs, ok := words[string(key)]
			if !ok {
				if tag != hTag {
					h, hTag = hyphenate.For(tag), tag
				}
				brs = h.Token(string(key[len(tag)+1:]))
				words[string(key)] = brs
			}
			for _, br := range brs {
				// br.At runes before the break: glyphs are one a rune.
				if k := i + br.At - 1; k >= i && k+1 < j {
					if br.Hyphen {
						gs[k].soft = true
					} else {
						gs[k].dash = true
					}
				}
			}
		}
		i = j
	}
}

// em is the size of the paragraph's text in mm: its first run's.
func em(runs []run) float64 {
	for _, r := range runs {
		if r.style.size > 0 {
			return r.style.size * pt
		}
	}
	return 11 * pt
}

// breakLines chooses the paragraph's breaks: first without hyphenation,
// then, when that leaves a line too short (or too loose) and the text
// may be hyphenated, again with every hyphenation point.
func (b *breaker) breakLines(gs []glyph, runs []run, width float64, opt setOptions) []lineBreak {
	p := newParagraph(&b.scratch, gs, width, em(runs), opt.justify)
	if p.ink[len(gs)-1] <= width && !hasHardBreak(gs[:len(gs)-1]) {
		// One line: nothing to choose (most headings, names, contacts).
		return []lineBreak{{at: len(gs) - 1, forced: true}}
	}
	breaks, worst := totalFit(&b.scratch, p, b.breakpoints(p, runs))
	if !opt.hyphenate || worst <= pretolerance || !hasLetters(gs) {
		return breaks
	}
	b.hyphenation(gs, runs, opt.lang)
	breaks, _ = totalFit(&b.scratch, p, b.breakpoints(p, runs))
	return breaks
}

func hasHardBreak(gs []glyph) bool {
	for _, g := range gs {
		if g.lineBreak {
			return true
		}
	}
	return false
}

func hasLetters(gs []glyph) bool {
	for _, g := range gs {
		if unicode.IsLetter(g.r) {
			return true
		}
	}
	return false
}

// justifyLine sets a line's glyphs with its spaces stretched or shrunk
// so that its ink fills width: each word its own spans, placed by hand.
func (b *breaker) justifyLine(gs []glyph, runs []run, width float64) setLine {
	natural, spaces := 0.0, 0.0
	lastInk := -1
	for i, g := range gs {
		if !g.space {
			lastInk = i
		}
	}
	for i, g := range gs[:lastInk+1] {
		natural += g.w
		if g.space && i < lastInk {
			spaces += g.w
		}
	}
	extra := width - natural
	if spaces <= 0 || extra > maxJustify*spaces/2 || -extra > spaces/3+1e-9 {
		return b.spans(gs, runs)
	}
	var ln setLine
	x := 0.0
	for i := 0; i < len(gs); {
		// A word and the spaces after it.
		j := i
		for j < len(gs) && !gs[j].space {
			j++
		}
		sp := 0.0
		for j < len(gs) && gs[j].space {
			sp += gs[j].w
			j++
		}
		part := b.spans(gs[i:j], runs)
		for _, s := range part.spans {
			s.X += x
			ln.spans = append(ln.spans, s)
		}
		x += b.widthOf(gs[i:j])
		if j <= lastInk {
			x += extra * sp / spaces
		}
		i = j
	}
	ln.width = width
	return ln
}

func (b *breaker) widthOf(gs []glyph) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.w
	}
	return w
}
