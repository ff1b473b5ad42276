// Package pdfua makes the PDFs pressroom writes accessible and archival:
// tagged PDF/UA-1 and PDF/A-2b.
//
// It works in two steps, because the PDF library (fpdf) cannot write a
// structure tree. While the renderer draws, a Tagger builds the logical
// structure (Document, headings, paragraphs, lists, links, figures) and
// hands back the marked-content operators to write into the page around
// each piece of text or artifact. When the PDF library has finished,
// Finish reads its output and writes a new file with the structure tree,
// the catalog entries, the link annotations, the fonts' names and the
// PDF/A metadata that the two standards require.
//
// The package knows nothing of the renderer or its PDF library: it deals
// only in operator strings and in the bytes of a finished PDF. It reads
// and writes PDF syntax through internal/pdf; Finish's steps are in files
// named for them (pages.go, annotations.go, structure.go, catalog.go and
// metadata.go, fonts.go). The accessibility lint of a statement is
// pkg/pdfua/lint's.
package pdfua

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Role is a standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4).
// Only standard types are used, so no role map is needed.
type Role string

// The structure types pressroom's documents use.
const (
	Document Role = "Document"
	Sect     Role = "Sect"
	Div      Role = "Div"
	H1       Role = "H1"
	H2       Role = "H2"
	H3       Role = "H3"
	P        Role = "P"
	L        Role = "L"
	LI       Role = "LI"
	Lbl      Role = "Lbl"
	LBody    Role = "LBody"
	Link     Role = "Link"
	Span     Role = "Span"
	Figure   Role = "Figure"
)

// known reports whether a Tagger accepts role r below the Document;
// anything else would need a role map.
func (r Role) known() bool {
	switch r {
	case Sect, Div, H1, H2, H3, P, L, LI, Lbl, LBody, Link, Span, Figure:
		return true
	}
	return false
}

// Elem is a structure element of a Tagger. The Document element, the
// root of every tree, is Elem 0.
type Elem int

// Root is the Document element every Tagger starts with.
const Root Elem = 0

// Artifact says what kind of artifact (content that is not part of the
// text a reader hears) is being drawn.
type Artifact int

const (
	// Layout is decoration: rules, bands, backgrounds, a decorative logo.
	Layout Artifact = iota
	// Header is a running header or a header band repeated on pages.
	Header
	// Footer is a footer, a page number or a "- more -" line.
	Footer
	// Pagination is any other page furniture: a continuation line.
	Pagination
)

// operator returns the marked-content operator that opens an artifact.
func (a Artifact) operator() string {
	switch a {
	case Header:
		return "/Artifact <</Type /Pagination /Subtype /Header>> BDC"
	case Footer:
		return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
	case Pagination:
		return "/Artifact <</Type /Pagination>> BDC"
	default:
		return "/Artifact <</Type /Layout>> BDC"
	}
}

type kidKind uint8

const (
	kidElem kidKind = iota
	kidMCID
	kidAnnot
)

// kid is one child of a structure element: another element, a piece of
// marked content on a page, or a link annotation.
type kid struct {
	kind kidKind
	elem Elem // kidElem
	page int  // kidMCID, kidAnnot: page number from 1
	mcid int  // kidMCID
	link int  // kidAnnot: index in Tagger.links
}

type element struct {
	role     Role
	parent   Elem
	alt      string // Figure: the alternative text
	lang     string // a language differing from the document's
	contents string // Link: what the annotation's /Contents says
	// numbering is an L element's ListNumbering attribute: how its
	// labels count (Disc, Decimal …); empty for none set.
	numbering string
	actual    string // ActualText (actualtext.go)
	kids      []kid
}

// marker is the marked-content sequence open in the page content.
type marker struct {
	open     bool
	artifact bool
	kind     Artifact
	elem     Elem
}

type link struct {
	elem Elem
	page int
	uri  string
}

// Tagger records the logical structure of a document while it is drawn.
//
// Elements are added in reading order: each Add appends a child to its
// parent, and each Begin appends a piece of marked content to its
// element, at the time of the call. A renderer that draws in reading
// order simply adds and begins as it goes; one that draws out of order
// adds the elements first, in reading order, and marks their content
// later.
//
// Misuse (a marker opened inside another, content before the first page,
// an unknown element) is remembered: the first such error is returned by
// Err and by Finish, so drawing code needs no error handling of its own.
// A Tagger belongs to one document and is not safe for concurrent use.
type Tagger struct {
	elems []element
	// pages[i] lists, for page i+1, the element of each MCID in order.
	pages     [][]Elem
	page      int
	current   marker
	suspended marker
	links     []link
	// key makes link targets drawn through LinkURI recognisable in the
	// finished PDF, and any other link annotation detectable.
	key string
	err error
	// fontNames maps the /BaseFont the drawing library gives a font to
	// its PostScript name, as FontName was told.
	fontNames map[string]string
}

// NewTagger returns a Tagger holding only the Document element.
func NewTagger() *Tagger {
	var nonce [8]byte
	// A failure here leaves the key shorter but still unlike any real
	// link target; rand.Read does not fail on supported systems.
	_, _ = rand.Read(nonce[:])
	return &Tagger{
		elems: []element{{role: Document, parent: -1}},
		key:   "pdfua-" + hex.EncodeToString(nonce[:]) + "-",
	}
}

// Err returns the first misuse recorded, or nil.
func (t *Tagger) Err() error { return t.err }

func (t *Tagger) fail(format string, args ...any) {
	if t.err == nil {
		t.err = fmt.Errorf("pdfua: "+format, args...)
	}
}

func (t *Tagger) valid(e Elem) bool { return e >= 0 && int(e) < len(t.elems) }

// Add appends a new element of role r as the last child of parent and
// returns it. Use AddLink for links and AddFigure for figures.
func (t *Tagger) Add(parent Elem, r Role) Elem {
	switch {
	case !t.valid(parent):
		t.fail("add %s: unknown parent element %d", r, parent)
		return Root
	case !r.known():
		t.fail("add %s: not a structure type this package writes", r)
		return Root
	}
	e := Elem(len(t.elems))
	t.elems = append(t.elems, element{role: r, parent: parent})
	t.elems[parent].kids = append(t.elems[parent].kids, kid{kind: kidElem, elem: e})
	return e
}

// AddLink appends a Link element to parent. contents is the link's
// alternative description, written as the annotation's /Contents (e.g.
// "email Simon.Cross@example.org"); it must not be empty.
func (t *Tagger) AddLink(parent Elem, contents string) Elem {
	if strings.TrimSpace(contents) == "" {
		t.fail("add link: empty description")
	}
	e := t.Add(parent, Link)
	if e != Root {
		t.elems[e].contents = contents
	}
	return e
}

// AddFigure appends a Figure element with alternative text alt to parent.
// A decorative image has no alt text: draw it as a Layout artifact
// instead.
func (t *Tagger) AddFigure(parent Elem, alt string) Elem {
	if strings.TrimSpace(alt) == "" {
		t.fail("add figure: empty alternative text (draw a decorative image as an artifact)")
	}
	e := t.Add(parent, Figure)
	if e != Root {
		t.elems[e].alt = alt
	}
	return e
}

// SetLang marks element e as written in language lang (a BCP 47 tag such
// as "cy") when it differs from the document's.
func (t *Tagger) SetLang(e Elem, lang string) {
	if !t.valid(e) {
		t.fail("set language: unknown element %d", e)
		return
	}
	t.elems[e].lang = lang
}

// SetListNumbering says how the labels of list e count, so that a screen
// reader can announce "bullet" or "1": one of the ListNumbering values of
// ISO 32000-1, 14.8.5.5 (None, Disc, Circle, Square, Decimal, UpperRoman,
// LowerRoman, UpperAlpha, LowerAlpha).
func (t *Tagger) SetListNumbering(e Elem, numbering string) {
	switch {
	case !t.valid(e) || t.elems[e].role != L:
		t.fail("set list numbering: element %d is not a list", e)
		return
	}
	switch numbering {
	case "None", "Disc", "Circle", "Square", "Decimal", "UpperRoman", "LowerRoman", "UpperAlpha", "LowerAlpha":
		t.elems[e].numbering = numbering
	default:
		t.fail("set list numbering: unknown numbering %q", numbering)
	}
}

// StartPage tells the Tagger that page n (counting from 1) has begun.
// Call it first thing in the PDF library's header callback, or right after
// adding a page when there is no header.
func (t *Tagger) StartPage(n int) {
	if n != t.page+1 {
		t.fail("start page %d: expected page %d", n, t.page+1)
		return
	}
	if t.current.open {
		t.fail("start page %d: marked content still open from page %d (call EndPage in the footer)", n, t.page)
		return
	}
	t.page = n
	t.pages = append(t.pages, nil)
}

// Begin opens marked content belonging to element e on the current page
// and returns the operator to write into the page content before the
// content is drawn.
func (t *Tagger) Begin(e Elem) string {
	if !t.check("begin") {
		return ""
	}
	if !t.valid(e) {
		t.fail("begin: unknown element %d", e)
		return ""
	}
	return t.open(e)
}

func (t *Tagger) open(e Elem) string {
	mcid := len(t.pages[t.page-1])
	t.pages[t.page-1] = append(t.pages[t.page-1], e)
	t.elems[e].kids = append(t.elems[e].kids, kid{kind: kidMCID, page: t.page, mcid: mcid})
	t.current = marker{open: true, elem: e}
	return "/" + string(t.elems[e].role) + " <</MCID " + strconv.Itoa(mcid) + ">> BDC"
}

// BeginArtifact opens an artifact of kind a and returns the operator to
// write before it is drawn.
func (t *Tagger) BeginArtifact(a Artifact) string {
	if !t.check("begin artifact") {
		return ""
	}
	t.current = marker{open: true, artifact: true, kind: a}
	return a.operator()
}

func (t *Tagger) check(op string) bool {
	switch {
	case t.err != nil:
		return false
	case t.page == 0:
		t.fail("%s: no page started", op)
		return false
	case t.current.open:
		t.fail("%s: marked content already open on page %d (markers cannot nest)", op, t.page)
		return false
	}
	return true
}

// End closes the open marked content and returns the operator to write
// after the content.
func (t *Tagger) End() string {
	if t.err != nil {
		return ""
	}
	if !t.current.open {
		t.fail("end: no marked content open on page %d", t.page)
		return ""
	}
	t.current = marker{}
	return "EMC"
}

// EndPage closes marked content left open by an automatic page break and
// returns the operator to write (or ""). Call it first thing in the PDF
// library's footer callback; Resume reopens the content on the next page.
func (t *Tagger) EndPage() string {
	if t.err != nil || !t.current.open {
		return ""
	}
	t.suspended, t.current = t.current, marker{}
	return "EMC"
}

// Resume reopens, on the new page, the marked content EndPage closed, and
// returns the operator to write (or ""). Call it last thing in the header
// callback, after the header's own artifacts. The continued content gets
// a new MCID on the new page, recorded against the same element.
func (t *Tagger) Resume() string {
	if t.err != nil || !t.suspended.open {
		return ""
	}
	s := t.suspended
	t.suspended = marker{}
	if !t.check("resume") {
		return ""
	}
	if s.artifact {
		t.current = s
		return s.kind.operator()
	}
	return t.open(s.elem)
}

// FontName tells Finish the PostScript name of the font the PDF library
// writes with /BaseFont base (fpdf: "utf8" and the family name), so that
// Finish need not inflate the embedded subset to read it from its name
// table. Finish falls back to the name table for a font it was not told.
func (t *Tagger) FontName(base, psName string) {
	if t.fontNames == nil {
		t.fontNames = map[string]string{}
	}
	t.fontNames[base] = psName
}

// LinkURI records one link annotation of Link element e, drawn on the
// current page and pointing at uri, and returns the target to give the
// PDF library for it instead of uri. Finish recognises the annotation by
// that target, restores uri and ties the annotation to e; it refuses any
// link annotation whose target did not come from LinkURI. Call it once
// for each annotation (a link wrapped over two lines has two).
func (t *Tagger) LinkURI(e Elem, uri string) string {
	if t.err != nil {
		return uri
	}
	switch {
	case t.page == 0:
		t.fail("link %q: no page started", uri)
		return uri
	case !t.valid(e) || t.elems[e].role != Link:
		t.fail("link %q: element %d is not a Link element", uri, e)
		return uri
	}
	i := len(t.links)
	t.links = append(t.links, link{elem: e, page: t.page, uri: uri})
	t.elems[e].kids = append(t.elems[e].kids, kid{kind: kidAnnot, page: t.page, link: i})
	return t.key + strconv.Itoa(i) + ":" + uri
}

// linkIndex returns the index of the link whose target LinkURI returned
// as target, or -1 when target is not one of them.
func (t *Tagger) linkIndex(target string) int {
	rest, ok := strings.CutPrefix(target, t.key)
	if !ok {
		return -1
	}
	num, uri, ok := strings.Cut(rest, ":")
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 || i >= len(t.links) || t.links[i].uri != uri {
		return -1
	}
	return i
}

// validate checks the finished tree against the rules of PDF/UA-1 that
// depend only on the structure, before anything is written.
func (t *Tagger) validate() error {
	if t.err != nil {
		return t.err
	}
	if t.current.open || t.suspended.open {
		return fmt.Errorf("pdfua: marked content left open at the end of page %d", t.page)
	}
	if t.page == 0 {
		return fmt.Errorf("pdfua: no page was started")
	}
	lastHeading := 0
	for i := 1; i < len(t.elems); i++ {
		e := &t.elems[i]
		parent := t.elems[e.parent].role
		if len(e.kids) == 0 {
			return fmt.Errorf("pdfua: %s element %d has no content", e.role, i)
		}
		var bad bool
		switch e.role {
		case LI:
			bad = parent != L
		case Lbl, LBody:
			bad = parent != LI
		}
		if parent == L && e.role != LI && e.role != L {
			bad = true
		}
		if parent == LI && e.role != Lbl && e.role != LBody {
			bad = true
		}
		if bad {
			return fmt.Errorf("pdfua: a %s element cannot be inside %s", e.role, parent)
		}
		if level := headingLevel(e.role); level > 0 {
			if level > lastHeading+1 {
				return fmt.Errorf("pdfua: heading %s follows %s: heading levels may not be skipped", e.role, headingName(lastHeading))
			}
			lastHeading = level
		}
	}
	return nil
}

func headingLevel(r Role) int {
	switch r {
	case H1:
		return 1
	case H2:
		return 2
	case H3:
		return 3
	}
	return 0
}

func headingName(level int) string {
	if level == 0 {
		return "the start of the document"
	}
	return "H" + strconv.Itoa(level)
}
