package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// endProblems lists what breaks the end-of-text rules in a plan: ENDS
// opening a page, "- more -" on or after the page that holds ENDS.
func endProblems(p *Plan) []string {
	var out []string
	endPage := -1
	for n, pg := range p.Pages {
		firstText := Role("")
		for _, it := range pg.Items {
			if it.Kind != KindText || it.Role.Artifact() || it.Role == RoleWordmark || it.Role == RoleLetterhead {
				continue
			}
			if firstText == "" {
				firstText = it.Role
			}
			if it.Role == RoleEndMark {
				endPage = n
				if firstText == RoleEndMark {
					out = append(out, fmt.Sprintf("page %d opens with the end mark", n+1))
				}
			}
		}
	}
	for n, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Role == RoleMore && endPage >= 0 && n >= endPage {
				out = append(out, fmt.Sprintf("page %d: \"- more -\" on or after the page with the end mark (page %d)", n+1, endPage+1))
			}
		}
	}
	return out
}

// growing gives statements from one page to four: the seed with more
// paragraphs and contacts each time.
func growing() []*statement.Statement {
	var out []*statement.Statement
	base := seedStatement()
	for extra := 0; extra < 24; extra++ {
		for contacts := 1; contacts <= 3; contacts++ {
			s := seedStatement()
			for range extra {
				s.Summary.Blocks = append(s.Summary.Blocks, base.Summary.Blocks[1])
			}
			for range contacts - 1 {
				s.Contacts = append(s.Contacts, base.Contacts[0])
			}
			out = append(out, s)
		}
	}
	return out
}

func TestEndMarkAndMore(t *testing.T) {
	l := testLayout(t)
	for i, s := range growing() {
		p, err := LayoutStatement(s, l)
		if err != nil {
			t.Fatal(err)
		}
		for _, prob := range append(endProblems(p), planProblems(p)...) {
			t.Errorf("statement %d (%d pages): %s", i, len(p.Pages), prob)
		}
	}
}

// A last page holding a lone contact card or a short paragraph is taken
// back by halving the space between blocks, when that saves the page.
func TestTightenScrap(t *testing.T) {
	l := testLayout(t)
	saved := 0
	for i, s := range growing() {
		r, err := release.New(s, l)
		if err != nil {
			t.Fatal(err)
		}
		c := newComposer(r, l, newFaces(fpdf.New("P", "mm", "A4", ""), l))
		_, firstTop := c.header()
		fur := c.measureFurniture()
		blocks := c.content()
		loose, looseEnd, scrap := c.paginateAt(blocks, firstTop, fur, 1)
		tight, tightEnd, _ := c.paginateAt(blocks, firstTop, fur, 0.5)
		pages := c.paginate(blocks, firstTop, fur)
		switch {
		case scrap && len(tight) < len(loose):
			saved++
			if len(pages) != len(tight) {
				t.Errorf("statement %d: a scrap on page %d was not taken back", i, len(loose))
			}
		case tightEnd < looseEnd:
			if c.bodyEnd >= looseEnd {
				t.Errorf("statement %d: the text's end stayed on page %d though page %d could take it", i, looseEnd+1, tightEnd+1)
			}
		case len(pages) != len(loose) || c.bodyEnd != looseEnd:
			t.Errorf("statement %d: tightened for nothing (%d → %d pages)", i, len(loose), len(pages))
		}
	}
	if saved == 0 {
		t.Error("no statement had a scrap to take back: the test proves nothing")
	}
	t.Logf("%d of %d statements saved a page", saved, len(growing()))
}

// The seed ends on page 1: its signatures, ENDS, and no "- more -".
func TestSeedEndsOnPageOne(t *testing.T) {
	p, err := LayoutStatement(seedStatement(), testLayout(t))
	if err != nil {
		t.Fatal(err)
	}
	var roles []string
	for _, it := range p.Pages[0].Items {
		roles = append(roles, string(it.Role))
	}
	all := strings.Join(roles, " ")
	if !strings.Contains(all, "end-mark") || strings.Contains(all, "more") {
		t.Errorf("page 1 holds %s", all)
	}
}
