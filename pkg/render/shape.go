package render

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/font"

	"github.com/pressroom/pressroom/pkg/shaping"
)

// Complex scripts. A run is cut into segments of one script and one
// direction (pkg/shaping: the Unicode Bidirectional Algorithm and script
// runs). A segment whose script needs shaping (Arabic, the Indic scripts),
// or that runs right to left, is shaped with one font and becomes one
// glyph of the breaker per cluster: the letters that shaping joined into
// glyphs that cannot be cut apart (a conjunct, a letter with its vowel
// signs, a ligature). Its width is the sum of the shaped advances, so the
// breaker breaks lines on what will be drawn, between clusters, at spaces.
// Other text is set a character at a time through the font's character
// map, as before, with the font's kerning between neighbours.

// segment appends the glyphs of one segment of run i (text is its part of
// the run's text) to gs.
func (b *breaker) segment(gs []glyph, i int, rn run, text string, seg shaping.Segment) []glyph {
	if !shaping.NeedsShaping(seg.Script) && seg.Level%2 == 0 {
		return b.plainIn(gs, i, rn, text, seg.Level, seg.Script)
	}
	// Soft hyphens, control characters and invisible characters beyond
	// U+FFFF (tags, which the PDF library cannot write) are not shaped:
	// each piece between them is shaped alone.
	start := 0
	for off, r := range text {
		if r != softHyphen && (r >= ' ' || isSpace(r)) && (r <= 0xFFFF || !defaultIgnorable(r)) {
			continue
		}
		gs = b.shapeText(gs, i, rn, text[start:off], seg)
		gs = b.plainIn(gs, i, rn, string(r), seg.Level&^1, seg.Script)
		start = off + utf8.RuneLen(r)
	}
	return b.shapeText(gs, i, rn, text[start:], seg)
}

// plain appends text set a character at a time: glyphs of the characters
// themselves, drawn through the font's character map.
func (b *breaker) plain(gs []glyph, i int, rn run, text string, level uint8) []glyph {
	return b.plainIn(gs, i, rn, text, level, "")
}

// plainIn is plain for text of script (ISO 15924), whose built-in font
// ends the fallback chain.
func (b *breaker) plainIn(gs []glyph, i int, rn run, text string, level uint8, script string) []glyph {
	for _, r := range text {
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
		if defaultIgnorable(r) {
			gs = b.ignorable(gs, i, rn, r, level, script)
			continue
		}
		sp := isSpace(r)
		if sp {
			r = ' '
		}
		face, ok := b.fs.faceIn(rn.style, r, script, b.shapeLang(rn))
		if !ok {
			b.missing = append(b.missing, missingRune{r, rn.text})
			continue
		}
		gs = append(gs, glyph{r: r, face: face, w: b.fs.runeWidth(face, r, rn.style.size), run: i, space: sp, level: level})
	}
	return gs
}

// ignorable appends an invisible character (ignorable.go) that takes no
// room. A font that gives it no advance draws nothing for it, so it is
// drawn, and stays in the text a reader copies out (a zero width space, a
// joiner). One the font gives an advance (Noto Sans's word joiner) or that
// no font has is left out of the drawing: taking its advance back with an
// adjustment would keep it in the text, but its glyph's box would then
// overlap the next letter's, and Poppler reads the word as two.
//
// A zero width space is a break opportunity after it (breaksAfter); when
// it is left out, the glyph before it carries the opportunity.
func (b *breaker) ignorable(gs []glyph, i int, rn run, r rune, level uint8, script string) []glyph {
	face, ok := b.fs.faceIn(rn.style, r, script, b.shapeLang(rn))
	if !ok || b.fs.runeWidth(face, r, rn.style.size) != 0 {
		if n := len(gs); n > 0 && breaksAfter(r) && !gs[n-1].space {
			gs[n-1].breakAfter = true
		}
		return gs
	}
	return append(gs, glyph{r: r, face: face, run: i, level: level, breakAfter: breaksAfter(r)})
}

// shapeText appends the clusters of text, shaped in one font, in logical
// order; a cluster the font has no glyph for is shaped again in the font
// the fallback chain gives its first character, or reported missing.
func (b *breaker) shapeText(gs []glyph, i int, rn run, text string, seg shaping.Segment) []glyph {
	if text == "" {
		return gs
	}
	text = spaced(text)
	face, ok := b.fs.scriptFace(rn.style, seg.Script, b.shapeLang(rn), text)
	if !ok {
		return b.missingText(gs, i, rn, text, seg.Level, seg.Script)
	}
	rtl := seg.Level%2 == 1
	for _, c := range b.clusters(face, text, b.shapeLang(rn), rtl) {
		ctext := text[c.start:c.end]
		if c.notdef {
			gs = b.fallbackCluster(gs, i, rn, face, ctext, seg)
			continue
		}
		gs = append(gs, b.clusterGlyph(face, i, rn, ctext, c.glyphs, seg.Level))
	}
	return gs
}

// fallbackCluster shapes a cluster that face lacks in the font the
// fallback chain gives its first character.
func (b *breaker) fallbackCluster(gs []glyph, i int, rn run, face int, text string, seg shaping.Segment) []glyph {
	r, _ := utf8.DecodeRuneInString(text)
	fb, ok := b.fs.faceIn(rn.style, r, seg.Script, b.shapeLang(rn))
	if !ok || fb == face {
		return b.missingText(gs, i, rn, text, seg.Level, seg.Script)
	}
	for _, c := range b.clusters(fb, text, b.shapeLang(rn), seg.Level%2 == 1) {
		ctext := text[c.start:c.end]
		if c.notdef {
			gs = b.missingText(gs, i, rn, ctext, seg.Level, seg.Script)
			continue
		}
		gs = append(gs, b.clusterGlyph(fb, i, rn, ctext, c.glyphs, seg.Level))
	}
	return gs
}

// missingText sets text no font could shape a character at a time, so
// that each character no font has is reported once (a font that has a
// character always shapes it).
func (b *breaker) missingText(gs []glyph, i int, rn run, text string, level uint8, script string) []glyph {
	return b.plainIn(gs, i, rn, text, level&^1, script)
}

// shapedCluster is what a glyph of the breaker that stands for a shaped
// cluster draws: its characters and its glyphs, left to right.
type shapedCluster struct {
	text   string
	glyphs []shaping.Glyph
}

func (b *breaker) clusterGlyph(face, i int, rn run, text string, shaped []shaping.Glyph, level uint8) glyph {
	adv := 0.0
	for _, g := range shaped {
		adv += g.XAdvance
	}
	r, _ := utf8.DecodeRuneInString(text)
	sp := text == " "
	b.shaped = append(b.shaped, shapedCluster{text: text, glyphs: shaped})
	return glyph{r: r, face: face, w: adv * rn.style.size / 1000 * pt, run: i, space: sp,
		cl: int32(len(b.shaped)), level: level}
}

func (b *breaker) shapeLang(rn run) string {
	if rn.lang != "" {
		return rn.lang
	}
	return b.lang
}

// cluster is a piece of shaped text: bytes start to end of the text, and
// its glyphs in the order they are drawn, left to right.
type cluster struct {
	start, end int
	glyphs     []shaping.Glyph
	notdef     bool // the font has no glyph for one of its characters
}

// clusters shapes text in face and returns its clusters in logical order.
func (b *breaker) clusters(face int, text, lang string, rtl bool) []cluster {
	sf := b.fs.shaper(face)
	if sf == nil {
		return []cluster{{start: 0, end: len(text), notdef: true}}
	}
	out, err := sf.ShapeChecked(text, lang, rtl)
	if err != nil || len(out) == 0 {
		// A font whose layout tables break while shaping: the render
		// fails with the font's name rather than drop the text.
		if err == nil {
			err = fmt.Errorf("the shaper gave no glyphs for %q", shorten(text, 40))
		}
		if b.fs.err == nil {
			b.fs.err = fmt.Errorf("font %s: %w", b.fs.list[face].Name, err)
		}
		return []cluster{{start: 0, end: len(text), notdef: true}}
	}
	var cs []cluster
	for k := 0; k < len(out); {
		j := k
		for j < len(out) && out[j].Cluster == out[k].Cluster {
			j++
		}
		c := cluster{start: out[k].Cluster, glyphs: out[k:j:j]}
		for _, g := range c.glyphs {
			if g.ID == 0 {
				c.notdef = true
			}
		}
		cs = append(cs, c)
		k = j
	}
	if rtl {
		// Shaped right to left, the glyphs come in visual order: the
		// last cluster first.
		for l, r := 0, len(cs)-1; l < r; l, r = l+1, r-1 {
			cs[l], cs[r] = cs[r], cs[l]
		}
	}
	// Merge clusters that the shaper left out of order (it never should,
	// but a cluster must own contiguous bytes).
	merged := cs[:0]
	for _, c := range cs {
		if n := len(merged); n > 0 && c.start <= merged[n-1].start {
			last := &merged[n-1]
			if rtl {
				last.glyphs = append(append([]shaping.Glyph(nil), c.glyphs...), last.glyphs...)
			} else {
				last.glyphs = append(last.glyphs, c.glyphs...)
			}
			last.notdef = last.notdef || c.notdef
			last.start = min(last.start, c.start)
			continue
		}
		merged = append(merged, c)
	}
	for k := range merged {
		merged[k].end = len(text)
		if k+1 < len(merged) {
			merged[k].end = merged[k+1].start
		}
	}
	if len(merged) > 0 && merged[0].start > 0 {
		merged[0].start = 0
	}
	return merged
}

// spaced writes every breaking space of text as a plain space, as the
// breaker sets them (each is one byte, so offsets stay the same).
func spaced(text string) string {
	for _, r := range text {
		if r != ' ' && isSpace(r) {
			bs := []byte(text)
			for k, c := range bs {
				if isSpace(rune(c)) {
					bs[k] = ' '
				}
			}
			return string(bs)
		}
	}
	return text
}

// letters reports whether r must be shown by the font a segment is set
// in: anything but spaces, punctuation and symbols, which the fallback
// chain may find elsewhere.
func letter(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// pdfGlyphs turns a span's clusters into the glyphs fpdf draws, left to
// right, with the text each stands for (for the font's ToUnicode map),
// and the marked-content spans whose ActualText gives the words in
// logical order.
func (b *breaker) pdfGlyphs(gs []glyph, rtl bool) ([]fpdf.Glyph, []fpdf.GlyphSpan) {
	var out []fpdf.Glyph
	var spans []fpdf.GlyphSpan
	order := make([]int, len(gs))
	for k := range order {
		order[k] = k
		if rtl {
			order[k] = len(gs) - 1 - k
		}
	}
	var sf *shaping.Face
	if len(gs) > 0 {
		sf = b.fs.shaper(gs[0].face)
	}
	wordStart, wordText := -1, ""
	endWord := func() {
		if wordStart >= 0 && wordStart < len(out) {
			spans = append(spans, fpdf.GlyphSpan{Start: wordStart, End: len(out), Text: wordText})
		}
		wordStart, wordText = -1, ""
	}
	for _, k := range order {
		g := gs[k]
		c := b.shaped[g.cl-1]
		if g.space {
			endWord()
		} else if wordStart < 0 {
			wordStart = len(out)
		}
		texts := glyphTexts(sf, c, rtl)
		for n, sg := range c.glyphs {
			out = append(out, fpdf.Glyph{ID: int(sg.ID), XAdvance: sg.XAdvance, XOffset: sg.XOffset, YOffset: sg.YOffset, Text: texts[n]})
		}
		if !g.space {
			if rtl {
				wordText = c.text + wordText
			} else {
				wordText += c.text
			}
		}
	}
	endWord()
	if rtl {
		// Right-to-left words extract in logical order from the glyphs'
		// own text; ActualText would be turned round by readers.
		spans = nil
	}
	return out, spans
}

// glyphTexts gives each glyph of a cluster the text the font's ToUnicode
// map writes for it (the PDF keeps one text per glyph, for every place
// the glyph is drawn): a glyph that is a character's own (the font's
// character map gives it) stands for that character, and the characters
// left (a conjunct, a joined letter's form) go to the first glyph without
// one. Readers take glyphs drawn right to left in the order they stand
// and turn each word round, so there a text of several characters is
// written turned.
func glyphTexts(sf *shaping.Face, c shapedCluster, rtl bool) []string {
	texts := make([]string, len(c.glyphs))
	if len(c.glyphs) == 1 || sf == nil {
		texts[0] = c.text
		if rtl {
			texts[0] = reverseRunes(c.text)
		}
		return texts
	}
	runes := []rune(c.text)
	used := make([]bool, len(runes))
	for i, g := range c.glyphs {
		for j, r := range runes {
			if id, ok := sf.GlyphIndex(r); !used[j] && ok && id == g.ID {
				texts[i], used[j] = string(r), true
				break
			}
		}
	}
	var rest []rune
	for j, r := range runes {
		if !used[j] {
			rest = append(rest, r)
		}
	}
	if len(rest) == 0 {
		return texts
	}
	left := string(rest)
	if rtl {
		left = reverseRunes(left)
	}
	for i := range texts {
		if texts[i] == "" {
			texts[i] = left
			return texts
		}
	}
	texts[0] += left
	return texts
}

func reverseRunes(s string) string {
	if utf8.RuneCountInString(s) < 2 {
		return s
	}
	rs := []rune(s)
	for l, r := 0, len(rs)-1; l < r; l, r = l+1, r-1 {
		rs[l], rs[r] = rs[r], rs[l]
	}
	return string(rs)
}

// shaperOf returns f's shaping tables, read once per process (pkg/font).
func shaperOf(f *font.Font) (*shaping.Face, error) { return f.Shaper() }
