package render

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/markup"
)

// A soft hyphen (U+00AD, pasted from Word) is a place to break that shows
// as a hyphen only at a line's end, and is never drawn mid-line. At the
// line's end it stays U+00AD in the text (drawn with the hyphen's glyph),
// as ISO 32000-1 14.8.2.2.3 asks, so that the word reads back whole.
func TestSoftHyphen(t *testing.T) {
	l := testLayout(t)
	fs := newFaces(fpdf.New("P", "mm", "A4", ""), l)
	br := &breaker{fs: fs}
	st := textStyle{size: 11}
	runs := []run{{text: "Multi\u00adagency safe\u00adguarding arrange\u00adments", style: st}}
	full := br.set(runs, 1000)
	if len(full) != 1 || strings.ContainsRune(full[0].spans[0].Text, softHyphen) || full[0].spans[0].Text != "Multiagency safeguarding arrangements" {
		t.Fatalf("on one line: %+v", full)
	}
	// Room for "Multiagency safe-" but not for "safeguarding", and for
	// the rest on one line: two full lines, where breaking only at the
	// spaces would leave "Multiagency" alone on a short first line.
	word := func(s string) float64 { return br.set([]run{{text: s, style: st}}, 1000)[0].width }
	width := max(word("Multiagency safe-"), word("guarding arrangements")) + 0.5
	if width >= word("Multiagency safeguarding") {
		t.Fatal("test width too wide")
	}
	lines := br.set(runs, width)
	var got []string
	for _, ln := range lines {
		var b strings.Builder
		w := 0.0
		for _, sp := range ln.spans {
			b.WriteString(sp.Text)
			w += sp.W
		}
		if ln.width > width+1e-9 || ln.width > w+1e-9 {
			t.Errorf("line %q is %.2f mm wide: measure %.2f, spans %.2f", b.String(), ln.width, width, w)
		}
		// What is drawn is what was measured: the line's text, measured
		// again character by character, is its width.
		again := 0.0
		for _, sp := range ln.spans {
			for k, r := range []rune(sp.Text) {
				again += fs.runeWidth(sp.Face, r, sp.Size)
				if sp.kern != nil { // drawn with TextKerned
					again += sp.kern[k] * sp.Size / 1000 * pt
				}
			}
		}
		if d := again - w; d > 1e-6 || d < -1e-6 {
			t.Errorf("line %q: spans measure %.3f mm, their text %.3f mm", b.String(), w, again)
		}
		got = append(got, strings.TrimSpace(b.String()))
	}
	if len(got) < 2 || got[0] != "Multiagency safe\u00ad" || !strings.HasPrefix(got[1], "guarding") {
		t.Errorf("lines %q, want %q then a line starting %q", got, "Multiagency safe\u00ad", "guarding")
	}
	joined := ""
	for _, g := range got {
		if strings.HasSuffix(g, "\u00ad") {
			joined += strings.TrimSuffix(g, "\u00ad")
		} else {
			joined += g + " "
		}
	}
	if strings.TrimSpace(joined) != "Multiagency safeguarding arrangements" {
		t.Errorf("lines %q do not read back as the text", got)
	}
}

// Read back from the PDF, a paragraph full of soft hyphens shows none of
// them mid-line (only at a line's end, where one is drawn), and no
// hyphen stands mid-line.
func TestSoftHyphenPDF(t *testing.T) {
	s := seedStatement()
	para := strings.Repeat("The multi\u00adagency safe\u00adguarding arrange\u00adments were strength\u00adened. ", 12)
	s.Summary = doc(markup.Block{Kind: markup.Paragraph, Inlines: text(para)})
	pdf, _ := renderBytes(t, s, Options{})
	raw := pdftest.Text(t, pdf).Raw
	for _, line := range strings.Split(raw, "\n") {
		if i := strings.IndexRune(line, softHyphen); i >= 0 && strings.TrimSpace(line[i+len(string(softHyphen)):]) != "" {
			t.Errorf("a soft hyphen reads back mid-line: %q", line)
		}
	}
	for _, w := range []string{"multi-agency", "safe-guarding", "arrange-ments", "strength-ened"} {
		if strings.Contains(raw, w) {
			t.Errorf("%q printed mid-line", w)
		}
	}
	if !strings.Contains(raw, "safeguarding") {
		t.Errorf("the words lost their letters:\n%s", raw)
	}
}
