package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/pkg/pdfua"
	"github.com/pressroom/pressroom/pkg/release"
)

// The tagged PDF: a structure tree built from the plan's roles, and
// marked content written around everything drawn. pkg/pdfua does the PDF
// side; this file only decides what each piece of the plan is.

// node is an element of the structure tree the plan calls for. Nodes are
// planned before drawing, with look-ahead (what a list holds, where a
// link ends); they become elements of the Tagger only when their first
// content is drawn, so that the tree's order is the order of reading.
type node struct {
	role      pdfua.Role
	parent    int // index in structure.nodes; -1 for the Document
	alt       string
	contents  string // Link: the annotation's description
	lang      string // a passage in another language (Span, or a Link)
	numbering string // L: how its labels count
	elem      pdfua.Elem
	made      bool
}

// mark is what a drawn piece is: content of node n, or an artifact.
type mark struct {
	node     int // -1: artifact
	artifact pdfua.Artifact
}

// structure is the plan's structure tree and what each drawn piece of the
// plan belongs to.
type structure struct {
	nodes []node
	spans map[*Span]mark
	items map[*Item]mark // images and every non-text item
}

func (st *structure) add(n node) int {
	st.nodes = append(st.nodes, n)
	return len(st.nodes) - 1
}

// artifactOf says what kind of artifact a decoration is.
func artifactOf(r Role) pdfua.Artifact {
	switch r {
	case RoleHeaderBand, RoleRunningHeader, RoleLetterhead:
		return pdfua.Header
	case RoleFooter, RoleFooterNotice, RolePageNumber:
		return pdfua.Footer
	case RoleMore:
		return pdfua.Pagination
	}
	return pdfua.Layout
}

// listFrame is a list being planned: its L node, the LBody of its last
// item (where a nested list goes), and the plan's list number and depth.
type listFrame struct {
	l, lastBody int
	list, depth int
}

// blockState is what planStructure knows of one Block of the plan: for
// simple roles its node; for a list item the LI, its Lbl and LBody; for a
// signature or a contact card the Div and the P of its current line.
type blockState struct {
	node, lbl, lbody int
	line             int  // signature/contact: the P of the current line
	ended            bool // signature/contact: the last line ended a line
}

// planner walks the plan in reading order, building the structure tree.
type planner struct {
	st     *structure
	blocks map[int]*blockState
	lists  []listFrame // the lists open at this point, outermost first
	// Links: the open Link node, its parent and target, while spans of
	// the same link follow one another.
	link, linkParent int
	linkTarget       string
	// span is the open Span of a passage in another language, and its
	// parent, while spans of one language follow each other.
	span, spanParent int
	linkText         map[int]*strings.Builder
	// linkWords says which part's words describe each link; part is the
	// part being planned (0 when the plan has none).
	linkWords map[int]int
	part      int
	// root is the parent of the top-level elements: the Document (-1),
	// or the Sect of the current part of a bilingual document.
	root int
}

// planStructure decides the structure tree for p, describing links with
// the words of the part they are in (words[i] for p.Parts[i]; words[0]
// when the plan has no parts). Reading order is the plan's order: the
// typesetter emits content in the statement's order and decorations are
// artifacts wherever they stand. Each part of a bilingual document is a
// Sect of the Document with the part's /Lang, holding what that part
// reads.
func planStructure(p *Plan, words []*release.Words) *structure {
	pl := &planner{
		st:     &structure{spans: map[*Span]mark{}, items: map[*Item]mark{}},
		blocks: map[int]*blockState{},
		link:   -1, linkParent: -1,
		span: -1, spanParent: -1,
		linkText:  map[int]*strings.Builder{},
		linkWords: map[int]int{},
		root:      -1,
	}
	part := -1
	for pi := range p.Pages {
		if part+1 < len(p.Parts) && p.Parts[part+1].First == pi {
			part++
			pl.root = pl.st.add(node{role: pdfua.Sect, parent: -1, lang: p.Parts[part].Lang})
			pl.part = part
			pl.lists = nil
		}
		items := p.Pages[pi].Items
		for ii := range items {
			pl.item(&items[ii])
		}
	}
	for i, text := range pl.linkText {
		pl.st.nodes[i].contents = words[pl.linkWords[i]].LinkDescription(text.String(), pl.st.nodes[i].contents)
	}
	return pl.st
}

// item places one item of the plan in the tree, or marks it an artifact.
func (pl *planner) item(it *Item) {
	st := pl.st
	if it.Role.Artifact() || it.Kind == KindRule || it.Kind == KindFill {
		st.items[it] = mark{node: -1, artifact: artifactOf(it.Role)}
		for k := range it.Spans {
			st.spans[&it.Spans[k]] = mark{node: -1, artifact: artifactOf(it.Role)}
		}
		return
	}
	if it.Kind == KindImage {
		if strings.TrimSpace(it.Alt) == "" {
			st.items[it] = mark{node: -1, artifact: pdfua.Layout}
		} else {
			st.items[it] = mark{node: st.add(node{role: pdfua.Figure, parent: pl.root, alt: it.Alt})}
		}
		pl.lists = nil
		return
	}
	// Text that is content: find or make its leaf node.
	b := pl.blocks[it.Block]
	if it.Block == 0 || b == nil {
		b = &blockState{node: -1, lbl: -1, lbody: -1, line: -1}
		if it.Block != 0 {
			pl.blocks[it.Block] = b
		}
	}
	var leaf int
	switch it.Role {
	case RoleListLabel, RoleListBody, RoleDevelopment:
		leaf = pl.listLeaf(it, b)
	case RoleSignature, RoleContact:
		pl.lists = nil
		if b.node < 0 {
			b.node = st.add(node{role: pdfua.Div, parent: pl.root})
			b.ended = true
		}
		// Each line of a signature or a contact card is a paragraph of
		// its own; a line that wraps ends with the space it was broken
		// at, and goes on in the same one.
		if b.ended || b.line < 0 {
			b.line = st.add(node{role: pdfua.P, parent: b.node})
		}
		b.ended = !strings.HasSuffix(it.Text(), " ")
		leaf = b.line
	default:
		pl.lists = nil
		if b.node < 0 {
			role := pdfua.P
			switch it.Role {
			case RoleHeadline:
				role = pdfua.H1
			case RoleSectionHeading:
				role = pdfua.H2
			}
			b.node = st.add(node{role: role, parent: pl.root})
		}
		leaf = b.node
	}
	pl.spans(it, leaf)
}

// listLeaf returns the Lbl or LBody a list item's piece goes in, making
// the LI (and the L it opens) at the item's first piece.
func (pl *planner) listLeaf(it *Item, b *blockState) int {
	st := pl.st
	if b.node < 0 {
		// A new list item: the plan says which list it is in and how
		// deeply that list is nested. Lists nested deeper than it have
		// ended, and so has another list at its depth.
		for len(pl.lists) > 0 {
			top := pl.lists[len(pl.lists)-1]
			if top.depth < it.Depth || top.depth == it.Depth && top.list == it.List {
				break
			}
			pl.lists = pl.lists[:len(pl.lists)-1]
		}
		if len(pl.lists) == 0 || pl.lists[len(pl.lists)-1].list != it.List {
			parent := pl.root
			if len(pl.lists) > 0 {
				parent = pl.lists[len(pl.lists)-1].lastBody
			}
			l := st.add(node{role: pdfua.L, parent: parent, numbering: numbering(it)})
			pl.lists = append(pl.lists, listFrame{l: l, lastBody: -1, list: it.List, depth: it.Depth})
		}
		top := &pl.lists[len(pl.lists)-1]
		b.node = st.add(node{role: pdfua.LI, parent: top.l})
		b.lbody = st.add(node{role: pdfua.LBody, parent: b.node})
		top.lastBody = b.lbody
	}
	if it.Role != RoleListLabel {
		return b.lbody
	}
	if b.lbl < 0 {
		// Made after the LBody here, but drawn first, so it comes first
		// in the tree.
		b.lbl = st.add(node{role: pdfua.Lbl, parent: b.node})
	}
	return b.lbl
}

// spans marks each span of it as content of leaf, or of a Link inside it.
func (pl *planner) spans(it *Item, leaf int) {
	st := pl.st
	for k := range it.Spans {
		sp := &it.Spans[k]
		if sp.Link == "" {
			pl.link = -1
			if sp.Lang != "" {
				// A passage in another language is a Span with its /Lang.
				if pl.span < 0 || pl.spanParent != leaf || st.nodes[pl.span].lang != sp.Lang {
					pl.span = st.add(node{role: pdfua.Span, parent: leaf, lang: sp.Lang})
					pl.spanParent = leaf
				}
				st.spans[sp] = mark{node: pl.span}
				continue
			}
			pl.span = -1
			st.spans[sp] = mark{node: leaf}
			continue
		}
		pl.span = -1
		if pl.link < 0 || pl.linkParent != leaf || pl.linkTarget != sp.Link || st.nodes[pl.link].lang != sp.Lang {
			pl.link = st.add(node{role: pdfua.Link, parent: leaf, contents: sp.Link, lang: sp.Lang})
			pl.linkParent, pl.linkTarget = leaf, sp.Link
			pl.linkText[pl.link] = &strings.Builder{}
			pl.linkWords[pl.link] = pl.part
		}
		pl.linkText[pl.link].WriteString(sp.Text)
		st.spans[sp] = mark{node: pl.link}
	}
}

// numbering returns the ListNumbering of the list whose first label is it.
func numbering(it *Item) string {
	label := strings.TrimSpace(it.Text())
	switch {
	case label == "•":
		return "Disc"
	case label == "–" || label == "-":
		return "Circle"
	case label != "" && label[0] >= '0' && label[0] <= '9':
		return "Decimal"
	}
	return "None"
}

// taggedCanvas draws through a pdfCanvas, writing marked content around
// every piece and building the structure tree with a Tagger. Consecutive
// text of one element shares one marked-content sequence.
type taggedCanvas struct {
	pc *pdfCanvas
	st *structure
	tg *pdfua.Tagger
	// open is what the marked content open in the page is: a node, or
	// an artifact (node -1), or nothing (isOpen false).
	open   mark
	isOpen bool
}

func newTaggedCanvas(pc *pdfCanvas, p *Plan, w []*release.Words) *taggedCanvas {
	return &taggedCanvas{pc: pc, st: planStructure(p, w), tg: pdfua.NewTagger()}
}

// elem returns the Tagger element of node n, adding it (and the nodes
// above it) when its first content is drawn.
func (tc *taggedCanvas) elem(n int) pdfua.Elem {
	if n < 0 {
		return pdfua.Root
	}
	nd := &tc.st.nodes[n]
	if nd.made {
		return nd.elem
	}
	parent := tc.elem(nd.parent)
	var e pdfua.Elem
	switch nd.role {
	case pdfua.Link:
		e = tc.tg.AddLink(parent, nd.contents)
	case pdfua.Figure:
		e = tc.tg.AddFigure(parent, nd.alt)
	default:
		e = tc.tg.Add(parent, nd.role)
		if nd.numbering != "" {
			tc.tg.SetListNumbering(e, nd.numbering)
		}
	}
	nd = &tc.st.nodes[n]
	if nd.lang != "" {
		tc.tg.SetLang(e, nd.lang)
	}
	nd.elem, nd.made = e, true
	return e
}

// begin opens marked content for m unless it is open already.
func (tc *taggedCanvas) begin(m mark) {
	if tc.isOpen && tc.open == m {
		return
	}
	tc.end()
	if m.node < 0 {
		tc.pc.pdf.RawWriteStr(tc.tg.BeginArtifact(m.artifact))
	} else {
		tc.pc.pdf.RawWriteStr(tc.tg.Begin(tc.elem(m.node)))
	}
	tc.open, tc.isOpen = m, true
}

func (tc *taggedCanvas) end() {
	if tc.isOpen {
		tc.pc.pdf.RawWriteStr(tc.tg.End())
		tc.isOpen = false
	}
}

func (tc *taggedCanvas) beginPage(n int) {
	tc.end()
	tc.pc.beginPage(n)
	tc.tg.StartPage(n)
}

func (tc *taggedCanvas) text(it *Item, sp *Span) {
	m, ok := tc.st.spans[sp]
	if !ok {
		m = mark{node: -1, artifact: artifactOf(it.Role)}
	}
	if m.node >= 0 && sp.glyphs != nil && sp.rtl {
		tc.rtl(it, sp, m)
		return
	}
	if m.node >= 0 && sp.glyphs != nil && wordsNeedActualText(sp) {
		tc.words(it, sp, m)
		return
	}
	tc.begin(m)
	tc.pc.text(it, sp)
}

// words draws a shaped span word by word, each word a Span element of
// m's with the word as its ActualText (pkg/pdfua/actualtext.go), when
// some word's glyphs do not give its characters in reading order. The
// spaces after a word go in its Span and its ActualText: pdf.js drops a
// space glyph at the end of marked content, and the words would run
// together.
func (tc *taggedCanvas) words(it *Item, sp *Span, m mark) {
	at := 0
	for _, w := range sp.actual {
		if at < w.Start {
			tc.begin(m)
			tc.pc.glyphRange(it, sp, at, w.Start)
		}
		end, text := w.End, w.Text
		for end < len(sp.glyphs) && strings.TrimSpace(sp.glyphs[end].Text) == "" && sp.glyphs[end].Text != "" {
			text += sp.glyphs[end].Text
			end++
		}
		tc.end()
		tc.pc.pdf.RawWriteStr(tc.tg.BeginActualText(tc.tg.AddActualText(tc.elem(m.node), text)))
		// Open, and like no other mark: the next piece opens its own.
		tc.open, tc.isOpen = mark{node: -1, artifact: -1}, true
		tc.pc.glyphRange(it, sp, w.Start, end)
		tc.end()
		at = end
	}
	if at < len(sp.glyphs) {
		tc.begin(m)
		tc.pc.glyphRange(it, sp, at, len(sp.glyphs))
	}
}

// rtl draws a shaped right-to-left span as a Span element of m's whose
// ActualText is the span's text in reading order. pdf.js reads Arabic
// from the glyphs' own text, but no reader rebuilds Urdu's Nastaliq
// words from theirs (each letter's glyph is lifted onto the next one's):
// the structure's ActualText gives them to screen readers through
// pdf.js. It is not repeated in the marked content, where Poppler would
// turn it round, and the span is drawn whole, so that pdf.js's page
// text (copy, search) keeps its bidi reordering of the span.
func (tc *taggedCanvas) rtl(it *Item, sp *Span, m mark) {
	tc.end()
	tc.pc.pdf.RawWriteStr(tc.tg.Begin(tc.tg.AddActualText(tc.elem(m.node), sp.Text)))
	// Open, and like no other mark: the next piece opens its own.
	tc.open, tc.isOpen = mark{node: -1, artifact: -1}, true
	tc.pc.text(it, sp)
	tc.end()
}

// wordsNeedActualText says whether any word of a shaped span needs an
// ActualText of its own.
func wordsNeedActualText(sp *Span) bool {
	for _, w := range sp.actual {
		if needsActualText(sp.glyphs[w.Start:w.End], w.Text) {
			return true
		}
	}
	return false
}

// needsActualText says whether a word's glyphs, read in the order they
// are drawn, may not give its text: their own texts differ from it (a
// vowel sign drawn before its consonant), or it has combining marks,
// whose glyphs the font's ToUnicode map gives one text wherever they
// stand. Chinese and shaped Latin read right from their glyphs.
func needsActualText(gs []fpdf.Glyph, text string) bool {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.Text)
	}
	if b.String() != text {
		return true
	}
	for _, r := range text {
		if unicode.IsMark(r) {
			return true
		}
	}
	return false
}

func (tc *taggedCanvas) link(it *Item, sp *Span) {
	// The annotation is not page content: no marker, but its target is
	// the one the tagger ties to the span's Link element.
	tc.end()
	tagged := *sp
	if m := tc.st.spans[sp]; m.node >= 0 && tc.st.nodes[m.node].role == pdfua.Link {
		tagged.Link = tc.tg.LinkURI(tc.elem(m.node), sp.Link)
	}
	tc.pc.link(it, &tagged)
}

func (tc *taggedCanvas) rule(it *Item) {
	tc.begin(mark{node: -1, artifact: artifactOf(it.Role)})
	tc.pc.rule(it)
}

func (tc *taggedCanvas) fill(it *Item) {
	tc.begin(mark{node: -1, artifact: artifactOf(it.Role)})
	tc.pc.fill(it)
}

func (tc *taggedCanvas) image(it *Item) {
	m, ok := tc.st.items[it]
	if !ok {
		m = mark{node: -1, artifact: pdfua.Layout}
	}
	tc.end()
	tc.begin(m)
	tc.pc.image(it)
	tc.end()
}

func (tc *taggedCanvas) bookmark(title string, level int, y float64) {
	tc.end()
	tc.pc.bookmark(title, level, y)
}

// drawTagged draws the plan with marked content and a structure tree,
// then has pkg/pdfua turn fpdf's output into a PDF/UA-1 and PDF/A-2b
// file, which it writes to w.
func drawTagged(w io.Writer, p *Plan, pc *pdfCanvas, words []*release.Words, meta pdfua.Metadata) error {
	tc := newTaggedCanvas(pc, p, words)
	draw(p, tc)
	tc.end()
	if err := pc.pdf.Error(); err != nil {
		return fmt.Errorf("render: drawing: %w", err)
	}
	for n, f := range pc.fs.list {
		if pc.fs.loaded[n] {
			// fpdf names a UTF-8 font "utf8" and its family.
			tc.tg.FontName("utf8"+familyName(n), f.Name)
		}
	}
	// fpdf's file is read once, by Finish: its buffer serves the next
	// document too (the memo is this render's alone until it ends).
	raw := &pc.fs.memo().raw
	raw.Reset()
	if err := pc.pdf.Output(raw); err != nil {
		return fmt.Errorf("render: writing: %w", err)
	}
	out, err := pdfua.Finish(raw.Bytes(), tc.tg, meta)
	if err != nil {
		return fmt.Errorf("render: tagging: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("render: writing: %w", err)
	}
	return nil
}
