package render

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// TestRightToLeftPages: an Arabic release long enough for two pages is
// set as a reader of Arabic expects: every line of text ends at the right
// margin, list labels hang to the right of their items, the contact
// card's bar is on the right, and the page furniture has changed sides
// (the page number on the left, the reference and running header on the
// right).
func TestRightToLeftPages(t *testing.T) {
	src, err := os.ReadFile("../../testdata/scripts/ar.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The summary nine times over, and a reference for the footer.
	text := string(src)
	a := strings.Index(text, `summary = """`) + len(`summary = """`)
	b := strings.Index(text[a:], `"""`) + a
	text = text[:a] + strings.Repeat(text[a:b]+"\n", 9) + text[b:]
	text = strings.Replace(text, "lang = \"ar\"\n", "lang = \"ar\"\nreference = \"DCC/2025/014\"\n", 1)
	p := planInDefault(t, "ar.toml", []byte(text))
	if len(p.Pages) < 2 {
		t.Fatalf("%d page(s), want two or more", len(p.Pages))
	}
	left, right := p.Printable[0], p.Printable[2]
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.05 }
	for pi, pg := range p.Pages {
		var labels, bodies []Item
		for _, it := range pg.Items {
			switch it.Role {
			case RoleParagraph, RoleHeadline, RoleDate, RoleSignature, RoleEndMark, RoleSectionHeading, RoleKindLabel:
				if !near(it.X+it.W, right) {
					t.Errorf("page %d: %s %q ends at %.1f mm, not at the right margin %.1f", pi+1, it.Role, shorten(it.Text(), 30), it.X+it.W, right)
				}
			case RoleListLabel:
				labels = append(labels, it)
			case RoleDevelopment:
				bodies = append(bodies, it)
			case RolePageNumber:
				if !near(it.X, left) {
					t.Errorf("page %d: the page number starts at %.1f mm, not at the left margin %.1f", pi+1, it.X, left)
				}
			case RoleFooter, RoleRunningHeader:
				if !near(it.X+it.W, right) {
					t.Errorf("page %d: %s %q ends at %.1f mm, not at the right margin", pi+1, it.Role, it.Text(), it.X+it.W)
				}
			case RoleRule:
				if it.W == 0 && it.X < (left+right)/2 {
					t.Errorf("page %d: the contact card's bar is at %.1f mm, on the left", pi+1, it.X)
				}
			}
		}
		for i := range min(len(labels), len(bodies)) {
			if labels[i].X < bodies[i].X+bodies[i].W {
				t.Errorf("page %d: list label at %.1f mm is not to the right of its item (ends %.1f)", pi+1, labels[i].X, bodies[i].X+bodies[i].W)
			}
		}
	}
}

// A telephone number in a right-to-left contact card keeps its groups in
// the order they are dialled: by the bidi rules alone the spaces between
// them would take the paragraph's direction and show "123 960 01632".
func TestRightToLeftPhoneNumberKeepsItsOrder(t *testing.T) {
	for _, lang := range []string{"ar", "ur"} {
		src, err := os.ReadFile("../../testdata/scripts/" + lang + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		p := planInDefault(t, lang+".toml", src)
		found := false
		for _, pg := range p.Pages {
			for _, it := range pg.Items {
				var groups []Span
				for _, sp := range it.Spans {
					if strings.HasPrefix(sp.Link, "tel:") && strings.TrimSpace(sp.Text) != "" {
						groups = append(groups, sp)
					}
				}
				if len(groups) == 0 {
					continue
				}
				found = true
				// Spans are in reading order; the number reads left to
				// right, so each later part must stand to the right.
				var text strings.Builder
				for k, sp := range groups {
					text.WriteString(sp.Text)
					if k > 0 && sp.X < groups[k-1].X {
						t.Errorf("%s: %q is drawn left of %q: the number reads backwards", lang, sp.Text, groups[k-1].Text)
					}
				}
				if got := strings.TrimSpace(text.String()); got != "01632 960 123" {
					t.Errorf("%s: the phone link's text is %q, want 01632 960 123", lang, got)
				}
			}
		}
		if !found {
			t.Errorf("%s: no telephone link in the plan", lang)
		}
	}
}

// planInDefault lays out a statement in the default layout.
func planInDefault(t *testing.T, name string, src []byte) *Plan {
	t.Helper()
	s, list := statement.Parse(name, src, statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	l, ll := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts()).Load("default", ".")
	if ll.HasErrors() {
		t.Fatal(ll)
	}
	p, err := LayoutStatement(s, l)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
