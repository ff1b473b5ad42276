package render

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"

	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// planProblems lists what a typesetter would reject in a plan: a box
// outside the printable area (the header band may bleed to the page edge,
// and the mark inside it may stand above the top margin), text boxes that
// overlap, a section heading last on a page.
func planProblems(p *Plan) []string {
	var out []string
	const eps = 0.01
	left, top, right, bottom := p.Printable[0], p.Printable[1], p.Printable[2], p.Printable[3]
	for n, pg := range p.Pages {
		var texts []Item
		band := -1.0 // the bottom of a header band on the page
		for _, it := range pg.Items {
			if it.Role == RoleHeaderBand {
				band = it.Y + it.H
			}
		}
		for _, it := range pg.Items {
			x1, y1, x2, y2 := it.X, it.Y, it.X+it.W, it.Y+it.H
			if x2 < x1 {
				x1, x2 = x2, x1
			}
			if y2 < y1 {
				y1, y2 = y2, y1
			}
			if it.Role == RoleHeaderBand || it.Role == RolePageBackground {
				if x1 < -eps || y1 < -eps || x2 > p.Width+eps || y2 > p.Height+eps {
					out = append(out, fmt.Sprintf("page %d: header band off the page", n+1))
				}
				continue
			}
			inBand := (it.Role == RoleWordmark || it.Role == RoleLogo) && y2 <= band+eps && y1 >= 0
			if x1 < left-eps || (y1 < top-eps && !inBand) || x2 > right+eps || y2 > bottom+eps {
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

func checkPlan(t *testing.T, name string, s *statement.Statement, l *layout.Layout) *Plan {
	t.Helper()
	p, err := LayoutStatement(s, l)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, problem := range append(planProblems(p), splitProblems(p)...) {
		t.Errorf("%s: %s", name, problem)
	}
	return p
}

func TestSeedPlanIsClean(t *testing.T) {
	checkPlan(t, "seed", seedStatement(), testLayout(t))
}

// The stress statements in testdata/render each lay out with nothing off
// the page, no overlaps, no widows, orphans or split kept blocks, and read
// back with every word and link.
func TestStressFiles(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, tc := range []struct {
		file     string
		minPages int
	}{
		{"ten-pages.toml", 10},
		{"developments-200.toml", 5},
		{"word-3000.toml", 2},
		{"url-2000.toml", 1},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".toml"), func(t *testing.T) {
			s, l := parseFile(t, lib, filepath.Join("../../testdata/render", tc.file))
			p := checkPlan(t, tc.file, s, l)
			if len(p.Pages) < tc.minPages {
				t.Errorf("%d pages; want at least %d", len(p.Pages), tc.minPages)
			}
			var buf bytes.Buffer
			res, err := RenderStatement(&buf, s, l, Options{})
			if err != nil {
				t.Fatal(err)
			}
			pdf := buf.Bytes()
			keep(t, "stress-"+strings.TrimSuffix(tc.file, ".toml")+".pdf", pdf)
			if res.Pages != len(p.Pages) {
				t.Errorf("rendered %d pages, planned %d", res.Pages, len(p.Pages))
			}
			if (len(p.Pages) > 2) != (len(res.Warnings) > 0) {
				t.Errorf("%d pages and warnings %v: want a warning exactly when over two pages", len(p.Pages), res.Warnings)
			}
			pdftest.Check(t, pdf)
			text := pdftest.Text(t, pdf)
			if m := missingWords(text.Raw, statementWords(s), furnitureLines(p)); len(m) > 0 {
				t.Errorf("%d words missing from the PDF's text, first %q", len(m), m[0])
			}
			got := map[string]int{}
			for _, lk := range pdftest.Links(t, pdf) {
				got[lk.URI]++
			}
			for _, want := range statementLinks(s) {
				if got[want] == 0 {
					t.Errorf("no link to %s", shorten(want, 80))
				}
			}
		})
	}
}

// A long word set in a list item and a long link both break between
// characters, and every piece of a broken link still links.
func TestLongWordsBreak(t *testing.T) {
	s := seedStatement()
	url := "https://example.org/" + strings.Repeat("abcdefghij", 60)
	s.Notes.Body.Blocks = append(s.Notes.Body.Blocks, para(markup.Inline{Text: "See "}, markup.Inline{Text: url, Link: url}))
	p := checkPlan(t, "long link", s, testLayout(t))
	var pieces, chars int
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			for _, sp := range it.Spans {
				if sp.Link == url {
					pieces++
					chars += len(sp.Text)
				}
			}
		}
	}
	if pieces < 3 || chars != len(url) {
		t.Errorf("link set in %d pieces holding %d characters; want it broken over 3 or more lines, all %d characters linked", pieces, chars, len(url))
	}
}

// A numbered list starting at a large number indents its text past the
// widest number instead of setting the text over it.
func TestNumberedListIndent(t *testing.T) {
	s := seedStatement()
	s.Summary.Blocks = append(s.Summary.Blocks, markup.Block{Kind: markup.OrderedList, Start: 99999998, Items: []markup.Item{
		{Blocks: []markup.Block{para(markup.Inline{Text: "one"})}},
		{Blocks: []markup.Block{para(markup.Inline{Text: "two"})}},
		{Blocks: []markup.Block{para(markup.Inline{Text: "three"})}},
	}})
	checkPlan(t, "numbers", s, testLayout(t))
}

// Lists nested far deeper than anyone writes still fit the page.
func TestDeeplyNestedList(t *testing.T) {
	s := seedStatement()
	inner := markup.Block{Kind: markup.BulletList, Items: []markup.Item{{Blocks: []markup.Block{para(markup.Inline{Text: "the deepest item, long enough to need a line of its own and wrap at least once"})}}}}
	for i := 0; i < 40; i++ {
		inner = markup.Block{Kind: markup.BulletList, Items: []markup.Item{{Blocks: []markup.Block{para(markup.Inline{Text: fmt.Sprintf("level %d", 40-i)}), inner}}}}
	}
	s.Summary.Blocks = append(s.Summary.Blocks, inner)
	checkPlan(t, "nested", s, testLayout(t))
}
