package render

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
)

// greedy is the line breaker pressroom had before total fit: each line
// filled with as many words as fit, a soft hyphen taken when its part
// fits. It is kept here as the baseline the rag is measured against.
func greedy(b *breaker, runs []run, width float64) []setLine {
	gs := b.glyphs(runs)
	var lines [][]glyph
	var cur []glyph
	curW := 0.0
	flush := func() { lines = append(lines, cur); cur, curW = nil, 0 }
	hasInk := func(gs []glyph) bool {
		for _, g := range gs {
			if !g.space {
				return true
			}
		}
		return false
	}
	softBreak := func(word []glyph, width float64) int {
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
		j, ww := i, 0.0
		for j < len(gs) && !gs[j].space && ww <= width {
			ww += gs[j].w
			j++
			if gs[j-1].lineBreak {
				break
			}
		}
		switch k := softBreak(gs[i:j], width-curW); {
		case curW+ww <= width+1e-9:
			cur = append(cur, gs[i:j]...)
			curW += ww
			i = j
			if gs[j-1].lineBreak {
				flush()
			}
		case k > 0:
			cur = append(cur, gs[i:i+k]...)
			cur = append(cur, b.hyphen(gs[i+k-1], runs))
			i += k
			flush()
		case hasInk(cur):
			flush()
		default:
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

// raggedness is the sum of the squares of the lines' shortfalls from the
// measure, in mm², the last line left out (it is meant to be short).
func raggedness(lines []setLine, width float64) float64 {
	sum := 0.0
	for _, ln := range lines[:len(lines)-1] {
		sum += (width - ln.width) * (width - ln.width)
	}
	return sum
}

// hyphens counts the lines that end in a hyphen the breaker added.
func hyphens(lines []setLine) int {
	n := 0
	for _, ln := range lines {
		if k := len(ln.spans); k > 0 && strings.HasSuffix(ln.spans[k-1].Text, string(softHyphen)) {
			n++
		}
	}
	return n
}

// bodyParagraphs are the runs of every paragraph of a release's body,
// notes and about text, as the composer sets them.
func bodyParagraphs(c *composer) [][]run {
	var out [][]run
	body := c.style(c.ts.body, c.l.Colours.Text)
	docs := []markup.Doc{c.r.Summary}
	for _, sec := range []*release.Section{c.r.Notes, c.r.About} {
		if sec != nil {
			docs = append(docs, sec.Body)
		}
	}
	for _, d := range docs {
		for _, b := range d.Blocks {
			if b.Kind == markup.Paragraph {
				out = append(out, c.inlineRuns(b.Inlines, body))
			}
		}
	}
	return out
}

// The body's rag is no worse than greedy filling gave, on every example
// and the stress statements: the sum of squared shortfalls of its lines
// over each document, with the count of hyphens it took to get there.
func TestRaggednessNotWorse(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	files := exampleFiles(t)
	stress, _ := filepath.Glob("../../testdata/render/*.toml")
	files = append(files, stress...)
	var report strings.Builder
	for _, file := range files {
		s, l := parseFile(t, lib, file)
		r, err := release.New(s, l)
		if err != nil {
			t.Fatal(err)
		}
		c := newComposer(r, l, newFaces(fpdf.New("P", "mm", "A4", ""), l))
		var before, after float64
		var lines, hy int
		for _, runs := range bodyParagraphs(c) {
			old := greedy(c.br, runs, c.width)
			now := c.br.setWith(runs, c.width, c.setOptions(RoleParagraph))
			before += raggedness(old, c.width)
			after += raggedness(now, c.width)
			lines += len(now)
			hy += hyphens(now) - hyphens(old)
		}
		fmt.Fprintf(&report, "%-40s %4d lines  rag %8.0f → %8.0f mm²  (%+.0f%%)  %d hyphens\n",
			exampleName(file), lines, before, after, 100*(after-before)/max(before, 1), hy)
		if after > before+1e-6 {
			t.Errorf("%s: the body's rag got worse: %.0f mm² → %.0f mm²", exampleName(file), before, after)
		}
	}
	t.Logf("sum of squared shortfalls of the body's lines, greedy → total fit:\n%s", report.String())
}

// BenchmarkHugeParagraph sets one paragraph of 190,000 characters (the
// limit on a statement's text is 200,000) with hyphenation: the active
// list is bounded, so the time grows with the length, not its square.
func BenchmarkHugeParagraph(b *testing.B) {
	for _, n := range []int{1_900, 19_000, 190_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			l := testLayout(b)
			l.Hyphenate = true
			fs := newFaces(fpdf.New("P", "mm", "A4", ""), l)
			br := &breaker{fs: fs}
			opt := setOptions{hyphenate: true, lang: "en-GB"}
			words := strings.Fields("representatives of intergovernmental organisations acknowledged extraordinary responsibilities notwithstanding considerable administrative complications a to in of")
			var sb strings.Builder
			for i := 0; sb.Len() < n; i++ {
				sb.WriteString(words[(i*7)%len(words)] + " ")
			}
			runs := []run{{text: sb.String(), style: textStyle{size: 11}}}
			b.ReportAllocs()
			for b.Loop() {
				br.setWith(runs, 170, opt)
			}
		})
	}
}

// TestNoRunts: no paragraph of an example (body, notes, about) ends with
// a last line under shortLastShare of the measure below a line broken by
// choice — the seed's lone "baby’." and the Welsh twin's "dyfodol." were
// such runts.
func TestNoRunts(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, file := range exampleFiles(t) {
		s, l := parseFile(t, lib, file)
		r, err := release.New(s, l)
		if err != nil {
			t.Fatal(err)
		}
		c := newComposer(r, l, newFaces(fpdf.New("P", "mm", "A4", ""), l))
		for _, runs := range bodyParagraphs(c) {
			lines := c.br.setWith(runs, c.width, c.setOptions(RoleParagraph))
			if n := len(lines); n >= 2 && lines[n-1].width < shortLastShare*c.width && !strings.ContainsRune(runs[len(runs)-1].text, '\n') {
				var last strings.Builder
				for _, sp := range lines[n-1].spans {
					last.WriteString(sp.Text)
				}
				t.Errorf("%s: a paragraph ends with %q alone (%.1f mm of %.1f)", exampleName(file), last.String(), lines[n-1].width, c.width)
			}
		}
	}
}
