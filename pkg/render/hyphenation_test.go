package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// longWords is a statement whose every part is set in long words, on a
// 90 mm measure, so that hyphens are wanted everywhere.
func longWords(t *testing.T, hyphenate bool, lang string) (*statement.Statement, *layout.Layout) {
	t.Helper()
	l := testLayout(t)
	l.Page.Left, l.Page.Right = 60, 60
	l.Hyphenate = hyphenate
	body := "Representatives of intergovernmental organisations acknowledged extraordinary responsibilities, notwithstanding considerable administrative complications, uncompromisingly. "
	s := seedStatement()
	s.Lang = lang
	s.Headline = "Intergovernmental representatives acknowledge extraordinary responsibilities notwithstanding"
	s.Summary = doc(
		para(markup.Inline{Text: strings.Repeat(body, 3)}),
		para(markup.Inline{Text: "Correspondence: "}, markup.Inline{Text: "communications.department@intergovernmental.example.org", Link: "mailto:communications.department@intergovernmental.example.org"},
			markup.Inline{Text: " and "}, markup.Inline{Text: "https://www.intergovernmental.example.org/responsibilities/extraordinary", Link: "https://www.intergovernmental.example.org/responsibilities/extraordinary"},
			markup.Inline{Text: " Programme2024identifiers administrators2025 " + body}),
	)
	s.Developments = nil
	s.Signatories = []statement.Signatory{{Name: "Maximilianus Featherstonehaugh-Cholmondeley", Role: "Representative",
		Organisation: "Intergovernmental Administrative Responsibilities Commissioners"}}
	s.Contacts[0].Name = "Bartholomew Wolstenholme-Featherstonehaugh"
	s.Contacts[0].Role = "Communications Administrator, Intergovernmental Responsibilities Commissioners"
	return s, l
}

// addedHyphen is the word a text line ends with, when it ends in a
// hyphen the breaker added (a soft hyphen, drawn as a hyphen).
func addedHyphen(it Item) (word string, added bool) {
	txt := strings.TrimRight(it.Text(), " ")
	if !strings.HasSuffix(txt, string(softHyphen)) {
		return "", false
	}
	fields := strings.Fields(txt)
	return strings.TrimSuffix(fields[len(fields)-1], string(softHyphen)), true
}

// Hyphens go only where the rules allow them: in the body's paragraphs,
// never in the headline, the names of signatories and contacts, e-mail
// and web addresses or words with digits, never more than two lines in
// a row; and none at all when the layout turns hyphenation off.
func TestHyphenationRules(t *testing.T) {
	for _, on := range []bool{true, false} {
		s, l := longWords(t, on, "en-GB")
		p, err := LayoutStatement(s, l)
		if err != nil {
			t.Fatal(err)
		}
		body, inARow, most := 0, 0, 0
		lastBlock := -1
		for _, pg := range p.Pages {
			for _, it := range pg.Items {
				if it.Kind != KindText || it.Role == RoleListLabel {
					continue
				}
				word, added := addedHyphen(it)
				if it.Block != lastBlock {
					inARow, lastBlock = 0, it.Block
				}
				if !added {
					inARow = 0
					continue
				}
				inARow++
				most = max(most, inARow)
				if !on {
					t.Errorf("hyphenation off: %s line %q ends in an added hyphen", it.Role, it.Text())
					continue
				}
				if it.Role != RoleParagraph {
					t.Errorf("%s line %q is hyphenated; only the body's text may be", it.Role, it.Text())
				}
				if sp := it.Spans[len(it.Spans)-1]; sp.Link != "" {
					t.Errorf("a link is hyphenated: %q", it.Text())
				}
				if strings.ContainsAny(word, "@/.0123456789") {
					t.Errorf("%q hyphenated", word)
				}
				letters := 0
				for _, r := range word {
					if unicode.IsLetter(r) {
						letters++
					}
				}
				if letters < 2 {
					t.Errorf("%q: fewer than two letters before the hyphen", word)
				}
				body++
			}
		}
		if on && body < 3 {
			t.Errorf("%d hyphenated lines in a body of long words on a 90 mm measure; hyphenation is not working", body)
		}
		if most > 2 {
			t.Errorf("%d hyphenated lines in a row; at most 2", most)
		}
	}
}

// Three letters at least stay after a hyphen: the next line of a
// hyphenated one opens with at least three letters of the word.
func TestHyphenationRightMin(t *testing.T) {
	s, l := longWords(t, true, "en-GB")
	p, err := LayoutStatement(s, l)
	if err != nil {
		t.Fatal(err)
	}
	var prevHyph bool
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Kind != KindText || it.Role != RoleParagraph {
				continue
			}
			txt := it.Text()
			if prevHyph {
				first := strings.Fields(txt)[0]
				n := 0
				for _, r := range first {
					if !unicode.IsLetter(r) {
						break
					}
					n++
				}
				if n < 3 {
					t.Errorf("line %q opens with %d letters after a hyphen", txt, n)
				}
			}
			_, prevHyph = addedHyphen(it)
		}
	}
}

// A statement in Welsh is hyphenated by the Welsh patterns (a Welsh word
// breaks where TeX breaks it), and read back from the PDF every word is
// there, whole across the line ends.
func TestHyphenationWelshPDF(t *testing.T) {
	s, l := longWords(t, true, "cy")
	para := "Mae’r bartneriaeth yn cyhoeddi adolygiad ymarfer diogelu plant sy’n nodi gwersi i bartneriaid diogelu ynghylch babi a gafodd anafiadau. Cafodd y ddau riant eu cael yn euog o achosi neu ganiatáu niwed corfforol difrifol i blentyn. "
	s.Summary = doc(markup.Block{Kind: markup.Paragraph, Inlines: text(strings.Repeat(para, 3))})
	s.Headline = "Cyhoeddi gwersi"
	p, err := LayoutStatement(s, l)
	if err != nil {
		t.Fatal(err)
	}
	hyphenated := 0
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if _, added := addedHyphen(it); it.Kind == KindText && it.Role == RoleParagraph && added {
				hyphenated++
			}
		}
	}
	if hyphenated == 0 {
		t.Error("no Welsh word was hyphenated on a 90 mm measure")
	}
	var buf bytes.Buffer
	if _, err := RenderStatement(&buf, s, l, Options{}); err != nil {
		t.Fatal(err)
	}
	raw := pdftest.Text(t, buf.Bytes()).Raw
	if m := missingWords(raw, strings.Fields(strings.Repeat(para, 3)), nil); len(m) > 0 {
		t.Errorf("words missing from the PDF's text: %q\n%s", m, raw)
	}
}

// Justified text fills the measure on every line but a paragraph's last,
// keeps every space in its text, and never opens a gap of more than
// about twice a space.
func TestJustify(t *testing.T) {
	s, l := longWords(t, true, "en-GB")
	l.Page.Left, l.Page.Right = 20, 20
	l.Align = "justify"
	s.Summary = seedStatement().Summary
	s.Developments = seedStatement().Developments
	p, err := LayoutStatement(s, l)
	if err != nil {
		t.Fatal(err)
	}
	measure := 170.0
	var lines []Item
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Kind == KindText && it.Role == RoleParagraph {
				lines = append(lines, it)
			}
		}
	}
	if len(lines) < 8 {
		t.Fatalf("%d lines", len(lines))
	}
	full := 0
	for i, it := range lines {
		last := i+1 == len(lines) || lines[i+1].Block != it.Block
		sp := it.Spans
		right := sp[len(sp)-1].X + sp[len(sp)-1].Ink
		if !last && right < it.X+measure-0.01 {
			// Allowed only for a line too loose to justify.
			t.Logf("line %q left ragged, %.1f mm short", it.Text(), it.X+measure-right)
		}
		if !last && right >= it.X+measure-0.01 {
			full++
		}
		if right > it.X+measure+0.01 {
			t.Errorf("line %q runs %.2f mm past the measure", it.Text(), right-it.X-measure)
		}
		if last && right > it.X+measure-0.01 && len(it.Text()) < 40 {
			t.Errorf("last line %q stretched", it.Text())
		}
		for k := 1; k < len(sp); k++ {
			gap := sp[k].X - (sp[k-1].X + sp[k-1].Ink)
			if gap > 3*0.25*11*pt+1e-6 {
				t.Errorf("line %q: a gap of %.2f mm before %q", it.Text(), gap, sp[k].Text)
			}
		}
	}
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Kind != KindText || len(it.Spans) == 0 {
				continue
			}
			if sp := it.Spans[len(it.Spans)-1]; sp.X+sp.Ink > p.Printable[2]+0.01 {
				t.Errorf("%s line %q runs %.2f mm past the margin", it.Role, it.Text(), sp.X+sp.Ink-p.Printable[2])
			}
		}
	}
	if full < len(lines)/2 {
		t.Errorf("%d of %d lines justified", full, len(lines))
	}
	var buf bytes.Buffer
	if _, err := RenderStatement(&buf, s, l, Options{}); err != nil {
		t.Fatal(err)
	}
	raw := pdftest.Text(t, buf.Bytes()).Raw
	if m := missingWords(raw, statementWords(s), nil); len(m) > 0 {
		t.Errorf("words missing from the justified PDF's text: %q", m)
	}
}

// However narrow the measure, no more than two hyphenated lines follow
// one another, and every line fits.
func TestHyphensInARow(t *testing.T) {
	s, l := longWords(t, true, "en-GB")
	c := newComposer(mustRelease(t, s, l), l, newFaces(fpdf.New("P", "mm", "A4", ""), l))
	runs := c.inlineRuns(s.Summary.Blocks[0].Inlines, c.style(c.ts.body, c.l.Colours.Text))
	total := 0
	for width := 30.0; width <= 120; width += 0.5 {
		lines := c.br.setWith(runs, width, c.setOptions(RoleParagraph))
		run := 0
		for _, ln := range lines {
			if ln.width > width+1e-9 {
				t.Errorf("width %.1f: a line of %.2f mm", width, ln.width)
			}
			if hyphens([]setLine{ln}) > 0 {
				run++
				total++
			} else {
				run = 0
			}
			if run > 2 {
				t.Errorf("width %.1f: %d hyphenated lines in a row", width, run)
				break
			}
		}
	}
	if total < 50 {
		t.Errorf("%d hyphenated lines over all widths; hyphenation is not working", total)
	}
}

func mustRelease(t *testing.T, s *statement.Statement, l *layout.Layout) *release.Release {
	t.Helper()
	r, err := release.New(s, l)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
