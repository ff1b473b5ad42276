package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// planProblems lists what a typesetter would reject in a plan: a box
// outside the printable area (the header band alone may bleed to the
// page edge), text boxes that overlap, a section heading last on a page.
func planProblems(p *Plan) []string {
	var out []string
	const eps = 0.01
	left, top, right, bottom := p.Printable[0], p.Printable[1], p.Printable[2], p.Printable[3]
	for n, pg := range p.Pages {
		var texts []Item
		for _, it := range pg.Items {
			x1, y1, x2, y2 := it.X, it.Y, it.X+it.W, it.Y+it.H
			if x2 < x1 {
				x1, x2 = x2, x1
			}
			if y2 < y1 {
				y1, y2 = y2, y1
			}
			if it.Role == RoleHeaderBand {
				if x1 < -eps || y1 < -eps || x2 > p.Width+eps || y2 > p.Height+eps {
					out = append(out, fmt.Sprintf("page %d: header band off the page", n+1))
				}
				continue
			}
			if x1 < left-eps || y1 < top-eps || x2 > right+eps || y2 > bottom+eps {
				out = append(out, fmt.Sprintf("page %d: %s %s at %.1f,%.1f-%.1f,%.1f outside the printable area %q",
					n+1, it.Kind, it.Role, x1, y1, x2, y2, shorten(it.Text(), 40)))
			}
			if it.Kind == KindText {
				for _, sp := range it.Spans {
					if sp.X < it.X-eps || sp.X > right+eps {
						out = append(out, fmt.Sprintf("page %d: span %q starts outside its line", n+1, shorten(sp.Text, 30)))
					}
				}
				texts = append(texts, it)
			}
		}
		for i := range texts {
			for j := i + 1; j < len(texts); j++ {
				a, b := texts[i], texts[j]
				if a.X < b.X+b.W-eps && b.X < a.X+a.W-eps && a.Y < b.Y+b.H-eps && b.Y < a.Y+a.H-eps {
					out = append(out, fmt.Sprintf("page %d: %s %q overlaps %s %q", n+1, a.Role, shorten(a.Text(), 30), b.Role, shorten(b.Text(), 30)))
				}
			}
		}
		// The last content line of a page that is not the last page.
		if n < len(p.Pages)-1 {
			var last *Item
			for i := range pg.Items {
				it := &pg.Items[i]
				if it.Kind == KindText && !it.Role.Artifact() && (last == nil || it.Y >= last.Y) {
					last = it
				}
			}
			if last != nil && (last.Role == RoleSectionHeading || last.Role == RoleHeadline || last.Role == RoleDevIntro) {
				out = append(out, fmt.Sprintf("page %d ends with a %s %q", n+1, last.Role, last.Text()))
			}
		}
	}
	return out
}

// blockLines counts, per block, the lines on each page, to find widows
// and orphans and split blocks that must stay whole.
func splitProblems(p *Plan) []string {
	type where struct {
		role  Role
		pages []int // lines per page, in order
		last  int
	}
	blocks := map[int]*where{}
	var order []int
	for n, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Kind != KindText || it.Block == 0 || it.Role == RoleListLabel {
				continue
			}
			w := blocks[it.Block]
			if w == nil {
				w = &where{role: it.Role, last: -1}
				blocks[it.Block] = w
				order = append(order, it.Block)
			}
			if w.last != n {
				w.pages = append(w.pages, 0)
				w.last = n
			}
			w.pages[len(w.pages)-1]++
		}
	}
	var out []string
	for _, id := range order {
		w := blocks[id]
		if len(w.pages) < 2 {
			continue
		}
		switch w.role {
		case RoleParagraph, RoleDevIntro:
			if w.pages[0] < 2 || w.pages[len(w.pages)-1] < 2 {
				out = append(out, fmt.Sprintf("%s #%d split %v: a widow or orphan", w.role, id, w.pages))
			}
		default:
			out = append(out, fmt.Sprintf("%s #%d split across pages %v", w.role, id, w.pages))
		}
	}
	return out
}

func checkPlan(t *testing.T, name string, s *statement.Statement) *Plan {
	t.Helper()
	p, err := Layout(s, testLayout(t))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, problem := range append(planProblems(p), splitProblems(p)...) {
		t.Errorf("%s: %s", name, problem)
	}
	return p
}

func TestSeedPlanIsClean(t *testing.T) {
	checkPlan(t, "seed", seedStatement())
}

// Stress statements: each must lay out with nothing off the page and no
// overlaps. They are built here as well as kept as TOML in testdata/render
// for the command and for looking at.
func longStatement() *statement.Statement {
	s := seedStatement()
	var blocks []markup.Block
	for i := 0; i < 70; i++ {
		n := 1 + i%5
		var b strings.Builder
		for k := 0; k < n; k++ {
			fmt.Fprintf(&b, "Paragraph %d sentence %d explains what partners did and what they will do next, in plain words for readers. ", i+1, k+1)
		}
		blocks = append(blocks, markup.Block{Kind: markup.Paragraph, Inlines: []markup.Inline{{Text: strings.TrimSpace(b.String())}}})
		if i%7 == 3 {
			blocks = append(blocks, markup.Block{Kind: markup.BulletList, Items: []markup.Item{
				{Blocks: []markup.Block{para(markup.Inline{Text: "A first point that runs long enough to wrap onto a second line of the list, to test how list items wrap."})}},
				{Blocks: []markup.Block{para(markup.Inline{Text: "A second point."})}},
			}})
		}
	}
	s.Summary = markup.Doc{Blocks: blocks}
	s.About = &statement.Section{Body: doc(para(markup.Inline{Text: "The partnership brings together the council, the police and the NHS to keep children safe."}))}
	return s
}

func manyDevelopments() *statement.Statement {
	s := seedStatement()
	s.Developments.Items = nil
	for i := 0; i < 200; i++ {
		txt := fmt.Sprintf("Development number %d", i+1)
		if i%3 == 0 {
			txt += ", a longer entry that wraps across two lines because it describes the change in some detail for readers"
		}
		s.Developments.Items = append(s.Developments.Items, text(txt))
	}
	return s
}

func longWord() *statement.Statement {
	s := seedStatement()
	word := strings.Repeat("Safeguarding", 250) // 3,000 characters
	s.Summary.Blocks = append([]markup.Block{para(markup.Inline{Text: "Before the word " + word + " and after it."})}, s.Summary.Blocks...)
	return s
}

func longURL() *statement.Statement {
	s := seedStatement()
	url := "https://example.org/" + strings.Repeat("path/segment-", 160)[:1980]
	s.Notes.Body.Blocks = append(s.Notes.Body.Blocks, para(markup.Inline{Text: "The full record is at "},
		markup.Inline{Text: url, Link: url}, markup.Inline{Text: " for anyone who wants it."}))
	return s
}

func TestStressPlans(t *testing.T) {
	for _, tc := range []struct {
		name     string
		s        *statement.Statement
		minPages int
	}{
		{"ten-pages", longStatement(), 10},
		{"developments-200", manyDevelopments(), 5},
		{"word-3000", longWord(), 2},
		{"url-2000", longURL(), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := checkPlan(t, tc.name, tc.s)
			if len(p.Pages) < tc.minPages {
				t.Errorf("%d pages; want at least %d", len(p.Pages), tc.minPages)
			}
			pdf, res := renderBytes(t, tc.s, Options{})
			keep(t, tc.name+".pdf", pdf)
			if res.Pages != len(p.Pages) {
				t.Errorf("rendered %d pages, planned %d", res.Pages, len(p.Pages))
			}
			if len(p.Pages) > 2 && len(res.Warnings) == 0 {
				t.Errorf("no warning for a %d-page release", len(p.Pages))
			}
		})
	}
}
