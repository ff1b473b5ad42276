package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
)

// Role says what a piece of the page is, so that the drawing step (and
// the tagged-PDF work after it) knows a headline from a footer. Roles of
// decorations (header band, running header, footer, page number, "- more -",
// rules) are artifacts: they repeat or decorate and are not the text.
type Role string

// The roles of everything the renderer puts on a page.
const (
	RolePageBackground Role = "page-background"
	RoleHeaderBand     Role = "header-band"
	RoleWordmark       Role = "wordmark"
	RoleLogo           Role = "logo"
	RoleLetterhead     Role = "letterhead" // the address block of a letterhead header
	RoleKindLabel      Role = "kind-label"
	RoleReleaseLine    Role = "release-line"
	RoleHeadline       Role = "headline"
	RoleSubheadline    Role = "subheadline"
	RoleDate           Role = "date"
	RoleDateline       Role = "dateline"
	RoleParagraph      Role = "paragraph"
	RoleListLabel      Role = "list-label"
	RoleListBody       Role = "list-body"
	RoleDevIntro       Role = "development-intro"
	RoleDevelopment    Role = "development"
	RoleSignature      Role = "signature"
	RoleEndMark        Role = "end-mark"
	RoleSectionHeading Role = "section-heading"
	RoleContact        Role = "contact"
	RoleRunningHeader  Role = "running-header"
	RoleFooter         Role = "footer"
	RoleFooterNotice   Role = "footer-notice"
	RolePageNumber     Role = "page-number"
	RoleMore           Role = "more"
	RoleRule           Role = "rule"
	RoleLinkUnderline  Role = "link-underline"
)

// Artifact reports whether pieces of the role are decoration rather than
// content of the release (PDF/UA artifacts).
func (r Role) Artifact() bool {
	switch r {
	case RolePageBackground, RoleHeaderBand, RoleRunningHeader, RoleFooter, RoleFooterNotice, RolePageNumber,
		RoleMore, RoleRule, RoleLinkUnderline, RoleLetterhead:
		return true
	}
	return false
}

// ItemKind is what an Item draws.
type ItemKind int

// The kinds of items.
const (
	KindText  ItemKind = iota // a line of text: Spans
	KindRule                  // a line from (X, Y) to (X+W, Y+H) of Thickness
	KindFill                  // a filled rectangle
	KindImage                 // the layout's logo in the box
)

// String names the kind as the plan dump writes it.
func (k ItemKind) String() string {
	return [...]string{"text", "rule", "fill", "image"}[k]
}

// Plan is a statement laid out on pages: everything the drawing step
// draws, with positions in millimetres from the top left of the page.
type Plan struct {
	Width, Height float64
	// Printable is the area inside the margins: Left, Top, Right, Bottom
	// edges as coordinates.
	Printable [4]float64
	Pages     []Page
	// Faces are the fonts Spans refer to by index.
	Faces []*font.Font
	// Parts are the releases of a bilingual document, in order: each
	// starts on a page of its own. Empty for a document of one release.
	Parts []Part
}

// Part is one release of a document of several (a bilingual release).
type Part struct {
	// Lang is the part's language tag, written on its structure element.
	Lang string
	// First is the index in Pages of the part's first page.
	First int
}

// partPages returns the pages of part i, or every page when the plan has
// no parts.
func (p *Plan) partPages(i int) []Page {
	if len(p.Parts) == 0 {
		return p.Pages
	}
	end := len(p.Pages)
	if i+1 < len(p.Parts) {
		end = p.Parts[i+1].First
	}
	return p.Pages[p.Parts[i].First:end]
}

// Page is one page of the plan.
type Page struct {
	Items     []Item
	Bookmarks []Bookmark
}

// Bookmark is an entry of the PDF's outline pointing at a place on a page.
type Bookmark struct {
	Title string
	Y     float64
	// Level is the entry's depth in the outline: 0 at the top; a
	// bilingual document's section headings are 1, under their half's
	// headline.
	Level int
}

// Item is one piece on a page: a line of text, a rule, a fill or an image.
type Item struct {
	Kind ItemKind
	Role Role
	// Block numbers the logical unit the item belongs to (a paragraph, a
	// list item, a contact card) across lines and pages; lines of one
	// paragraph share it. Zero for decorations.
	Block int
	// List numbers the list a list item's pieces belong to (labels and
	// bodies of one bulleted or numbered list share it), and Depth is how
	// deeply that list is nested (0 for a top-level list): what a tagged
	// PDF needs to build L, LI, Lbl and LBody elements. Zero List means
	// the item is not part of a list.
	List, Depth int
	// The box the item covers. For text, the line box: Y is its top and
	// H the line height; W is the width of the ink (trailing spaces, which
	// are kept so that text extracts with its spaces, are not counted).
	X, Y, W, H float64
	Baseline   float64 // text: the baseline's y
	Spans      []Span  // text
	Colour     layout.Colour
	Thickness  float64 // rules, in mm
	Alt        string  // images: alternative text, empty when decorative
}

// Span is a run of text in one face, size, colour and link.
type Span struct {
	X, W   float64 // absolute x and advance width
	Ink    float64 // the width without trailing spaces: a link's area
	Text   string
	Face   int
	Size   float64 // points
	Colour layout.Colour
	Link   string // target URI, empty when not a link
	Lang   string // the language of a marked passage, empty for the document's
	// Role overrides the item's role for this span (a dateline run at the
	// start of the first paragraph); empty means the item's.
	Role Role
	// How the span is drawn when not as Text through the font's
	// character map (typeset.go): shaped glyphs, left to right, with the
	// marked content giving their words; or each character's kerning.
	glyphs []fpdf.Glyph
	actual []fpdf.GlyphSpan
	kern   []float64
	rtl    bool // the span runs right to left
}

// Text returns the item's text, spans joined.
func (it *Item) Text() string {
	var b strings.Builder
	for _, s := range it.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// WriteTo writes the plan as readable text, one item a line, for golden
// tests and for looking at what the typesetter decided.
func (p *Plan) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "plan %.1fx%.1f printable %.1f,%.1f-%.1f,%.1f pages %d\n",
		p.Width, p.Height, p.Printable[0], p.Printable[1], p.Printable[2], p.Printable[3], len(p.Pages))
	for i, pg := range p.Pages {
		for _, pt := range p.Parts {
			if pt.First == i {
				fmt.Fprintf(&b, "part lang=%s\n", pt.Lang)
			}
		}
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, bm := range pg.Bookmarks {
			fmt.Fprintf(&b, "  bookmark %q y=%.1f", bm.Title, bm.Y)
			if bm.Level > 0 {
				fmt.Fprintf(&b, " level=%d", bm.Level)
			}
			b.WriteByte('\n')
		}
		for _, it := range pg.Items {
			fmt.Fprintf(&b, "  %s %s %.1f,%.1f %.1fx%.1f", it.Kind, it.Role, it.X, it.Y, it.W, it.H)
			if it.Block != 0 {
				fmt.Fprintf(&b, " #%d", it.Block)
			}
			if it.List != 0 {
				fmt.Fprintf(&b, " list=%d/%d", it.List, it.Depth)
			}
			if it.Kind == KindText {
				fmt.Fprintf(&b, " %q", it.Text())
			}
			if it.Alt != "" {
				fmt.Fprintf(&b, " alt=%q", it.Alt)
			}
			b.WriteByte('\n')
			for _, s := range it.Spans {
				if s.Link != "" || s.Role != "" {
					fmt.Fprintf(&b, "    span %q", s.Text)
					if s.Role != "" {
						fmt.Fprintf(&b, " role=%s", s.Role)
					}
					if s.Link != "" {
						fmt.Fprintf(&b, " -> %s", s.Link)
					}
					b.WriteByte('\n')
				}
			}
		}
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
