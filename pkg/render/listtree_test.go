package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// nestedListStatement is the seed with lists nested four deep, a numbered
// list inside a bulleted one, and two lists one after the other.
func nestedListStatement() *statement.Statement {
	s := seedStatement()
	item := func(text string, nested ...markup.Block) markup.Item {
		return markup.Item{Blocks: append([]markup.Block{para(markup.Inline{Text: text})}, nested...)}
	}
	bullets := func(items ...markup.Item) markup.Block { return markup.Block{Kind: markup.BulletList, Items: items} }
	numbers := func(items ...markup.Item) markup.Block {
		return markup.Block{Kind: markup.OrderedList, Start: 1, Items: items}
	}
	s.Summary.Blocks = append(s.Summary.Blocks,
		bullets(
			item("one",
				bullets(
					item("one.one",
						bullets(item("one.one.one", bullets(item("one.one.one.one"), item("one.one.one.two"))))),
					item("one.two", numbers(item("first"), item("second"))))),
			item("two")),
		numbers(item("a list straight after another"), item("is a list of its own")),
	)
	return s
}

// treeOf writes the structure tree planned for p, one node a line,
// indented by its depth, with the text of its own content.
func treeOf(p *Plan) string {
	st := planStructure(p, []*release.Words{release.WordsFor("")})
	text := make([]strings.Builder, len(st.nodes))
	for pi := range p.Pages {
		for ii := range p.Pages[pi].Items {
			it := &p.Pages[pi].Items[ii]
			for k := range it.Spans {
				if m, ok := st.spans[&it.Spans[k]]; ok && m.node >= 0 {
					text[m.node].WriteString(it.Spans[k].Text)
				}
			}
		}
	}
	var b strings.Builder
	for i, n := range st.nodes {
		depth := 0
		for q := n.parent; q >= 0; q = st.nodes[q].parent {
			depth++
		}
		fmt.Fprintf(&b, "%s%s %s %q\n", strings.Repeat("  ", depth), n.role, n.numbering, strings.TrimSpace(text[i].String()))
	}
	return b.String()
}

// TestListTreeFromPlan: the structure tree's lists follow the plan's List
// and Depth, not where the lists stand on the page. A layout with other
// list indents (here: other margins and type size, which move the
// numbered lists and where nesting stops moving right; and every level
// moved back to the left margin) gets the same tree.
func TestListTreeFromPlan(t *testing.T) {
	s := nestedListStatement()
	p, err := LayoutStatement(s, testLayout(t))
	if err != nil {
		t.Fatal(err)
	}
	want := treeOf(p)

	// The tree nests as the statement does: each item's body is in as
	// many lists as the markup says, and a list straight after another is
	// a list of its own.
	depth, list := listDepths(p)
	for text, d := range map[string]int{
		"one": 1, "one.one": 2, "one.one.one": 3, "one.one.one.one": 4, "one.one.one.two": 4,
		"one.two": 2, "first": 3, "second": 3, "two": 1, "a list straight after another": 1,
	} {
		if depth[text] != d {
			t.Errorf("item %q is in %d lists, want %d; tree:\n%s", text, depth[text], d, want)
		}
	}
	if list["two"] != list["one"] || list["a list straight after another"] == list["two"] ||
		list["first"] != list["second"] || list["one.one.one.one"] != list["one.one.one.two"] {
		t.Errorf("items in the wrong lists: %v; tree:\n%s", list, want)
	}

	// Another layout: narrow measure, larger type.
	narrow := *testLayout(t)
	narrow.Page.Left, narrow.Page.Right = 40, 35
	narrow.Type.Body = 12.5
	pn, err := LayoutStatement(s, &narrow)
	if err != nil {
		t.Fatal(err)
	}
	if got := treeOf(pn); got != want {
		t.Errorf("with other margins and type size the tree changes:\n%s\nwant:\n%s", got, want)
	}

	// Every list level set at the left margin: no indent at all.
	moved := 0
	for pi := range p.Pages {
		for ii := range p.Pages[pi].Items {
			it := &p.Pages[pi].Items[ii]
			if it.List == 0 {
				continue
			}
			dx := p.Printable[0] - it.X
			if it.Role != RoleListLabel {
				dx += 3 // the body still right of its label
			}
			it.X += dx
			for k := range it.Spans {
				it.Spans[k].X += dx
			}
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no list items in the plan")
	}
	if got := treeOf(p); got != want {
		t.Errorf("with no list indent the tree changes:\n%s\nwant:\n%s", got, want)
	}
}

// listDepths returns, for the text of each LBody, how many lists it is in
// and the node of the list that holds it.
func listDepths(p *Plan) (map[string]int, map[string]int) {
	st := planStructure(p, []*release.Words{release.WordsFor("")})
	text := map[int]*strings.Builder{}
	for pi := range p.Pages {
		for ii := range p.Pages[pi].Items {
			it := &p.Pages[pi].Items[ii]
			for k := range it.Spans {
				if m, ok := st.spans[&it.Spans[k]]; ok && m.node >= 0 {
					if text[m.node] == nil {
						text[m.node] = &strings.Builder{}
					}
					text[m.node].WriteString(it.Spans[k].Text)
				}
			}
		}
	}
	depth, list := map[string]int{}, map[string]int{}
	for i, n := range st.nodes {
		if n.role != "LBody" || text[i] == nil {
			continue
		}
		t := strings.TrimSpace(text[i].String())
		list[t] = st.nodes[n.parent].parent
		for q := n.parent; q >= 0; q = st.nodes[q].parent {
			if st.nodes[q].role == "L" {
				depth[t]++
			}
		}
	}
	return depth, list
}
