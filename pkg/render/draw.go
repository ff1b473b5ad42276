package render

import (
	"bytes"
	"fmt"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/layout"
)

// canvas is the only way the drawing step puts anything on a page. Each
// call carries the item it draws (its Role and Block say what the piece
// is), so that tagged-PDF output can wrap each call in marked content
// (BDC … EMC, or /Artifact for decorations) by wrapping this interface,
// without changing the typesetter or the drawing loop.
type canvas interface {
	// beginPage starts page n (from 1).
	beginPage(n int)
	// text draws one span of a text item on the item's baseline.
	text(it *Item, sp *Span)
	// link makes the area of a span (its ink, the line's height) a link
	// to sp.Link. The span's underline is a separate rule item.
	link(it *Item, sp *Span)
	// rule draws a rule item.
	rule(it *Item)
	// fill draws a filled rectangle item.
	fill(it *Item)
	// image draws the layout's logo in an image item's box.
	image(it *Item)
	// bookmark adds an outline entry at y on the current page, level
	// deep in the outline.
	bookmark(title string, level int, y float64)
}

// draw walks the plan in order and hands every piece to cv.
func draw(p *Plan, cv canvas) {
	for n, pg := range p.Pages {
		cv.beginPage(n + 1)
		for _, bm := range pg.Bookmarks {
			cv.bookmark(bm.Title, bm.Level, bm.Y)
		}
		for i := range pg.Items {
			it := &pg.Items[i]
			switch it.Kind {
			case KindText:
				for k := range it.Spans {
					sp := &it.Spans[k]
					cv.text(it, sp)
					if sp.Link != "" {
						cv.link(it, sp)
					}
				}
			case KindRule:
				cv.rule(it)
			case KindFill:
				cv.fill(it)
			case KindImage:
				cv.image(it)
			}
		}
	}
}

// pdfCanvas draws on an fpdf document. It remembers the colour and font
// it set last so that a page's content stream does not repeat them.
type pdfCanvas struct {
	pdf     *fpdf.Fpdf
	fs      *faces
	plan    *Plan
	logo    *layout.Logo
	logoKey string // the name the logo is registered under, once
	cache   *Cache
	text0   layout.Colour
	page    int
}

func (pc *pdfCanvas) beginPage(n int) {
	pc.pdf.AddPageFormat("P", fpdf.SizeType{Wd: pc.plan.Width, Ht: pc.plan.Height})
	pc.page = n
	pc.fs.cur = -1 // fpdf writes the font again on a new page
}

func (pc *pdfCanvas) text(it *Item, sp *Span) {
	pc.style(sp)
	switch {
	case sp.glyphs != nil:
		// Shaped text: glyph IDs with the shaper's advances and offsets.
		pc.pdf.TextGlyphs(sp.X, it.Baseline, sp.glyphs, sp.actual)
	case sp.kern != nil:
		// Kerned with the adjustments the breaker measured (typeset.go).
		pc.pdf.TextKerned(sp.X, it.Baseline, sp.Text, sp.kern)
	default:
		pc.pdf.Text(sp.X, it.Baseline, sp.Text)
	}
}

// glyphRange draws glyphs [from, to) of a shaped span where they stand
// in the whole span, without marked content of their own: the tagged
// canvas draws a span word by word when words need their own tags.
func (pc *pdfCanvas) glyphRange(it *Item, sp *Span, from, to int) {
	pc.style(sp)
	x := 0.0
	for _, g := range sp.glyphs[:from] {
		x += g.XAdvance
	}
	pc.pdf.TextGlyphs(sp.X+pc.pdf.PointConvert(x*sp.Size/1000), it.Baseline, sp.glyphs[from:to], nil)
}

// style sets the span's font, size and colour.
func (pc *pdfCanvas) style(sp *Span) {
	glyphs := sp.glyphs != nil
	switch {
	case pc.fs.cur != sp.Face || pc.fs.curGlyphs != glyphs:
		if glyphs {
			pc.fs.useGlyphs(sp.Face, sp.Size)
		} else {
			pc.fs.use(sp.Face, sp.Size)
		}
	default:
		pc.pdf.SetFontSize(sp.Size)
	}
	c := sp.Colour
	pc.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
}

func (pc *pdfCanvas) link(it *Item, sp *Span) {
	x := sp.X
	if sp.rtl {
		// Set right to left, a span's trailing space is at its left.
		x += sp.W - sp.Ink
	}
	pc.pdf.LinkString(x, it.Y, sp.Ink, it.H, sp.Link)
}

func (pc *pdfCanvas) rule(it *Item) {
	c := it.Colour
	pc.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	pc.pdf.SetLineWidth(it.Thickness)
	pc.pdf.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
}

func (pc *pdfCanvas) fill(it *Item) {
	c := it.Colour
	pc.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	pc.pdf.Rect(it.X, it.Y, it.W, it.H, "F")
}

func (pc *pdfCanvas) image(it *Item) {
	if pc.logo == nil {
		return
	}
	if pc.logo.Vector != nil {
		pc.drawVector(it.X, it.Y, it.W, it.H, pc.logo.Vector)
		return
	}
	if pc.logoKey == "" {
		// Registered once per document, from the file's bytes: fpdf
		// keeps the image and every page refers to the one copy.
		pc.logoKey = "logo"
		if pc.cache != nil {
			img, err := pc.cache.image(pc.logo)
			if err != nil {
				pc.pdf.SetError(fmt.Errorf("logo %s: %w", pc.logo.Path, err))
				return
			}
			pc.pdf.RegisterParsedImage(pc.logoKey, img)
		} else {
			pc.pdf.RegisterImageOptionsReader(pc.logoKey, fpdf.ImageOptions{ImageType: imageType(pc.logo)}, bytes.NewReader(pc.logo.Data))
		}
	}
	pc.pdf.ImageOptions(pc.logoKey, it.X, it.Y, it.W, it.H, false, fpdf.ImageOptions{}, 0, "")
}

func (pc *pdfCanvas) bookmark(title string, level int, y float64) {
	// fpdf encodes a bookmark's title by the font selected at the time:
	// a UTF-8 font must be set for non-ASCII titles.
	if pc.fs.cur < 0 && len(pc.fs.list) > 0 {
		pc.fs.use(0, 10)
	}
	pc.pdf.Bookmark(title, level, y)
}

// errPanic turns a panic inside fpdf into an error, as a safety net at
// the API boundary: bad input must never crash the caller.
func errPanic(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error while writing the PDF (please report it): %v", r)
	}
}
