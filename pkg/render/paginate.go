package render

import (
	"strings"

	"github.com/pressroom/pressroom/pkg/layout"
)

// header places the top of page 1 (band, letterhead or rule with the
// wordmark or logo) and returns where the text flow starts.
func (c *composer) header() ([]Item, float64) {
	l, col := c.l, c.l.Colours
	var items []Item
	style := l.Header
	if style == "" {
		style = "band"
	}
	wmColour := col.Primary
	if style == "band" {
		wmColour = col.OnPrimary
	}
	// The mark: the logo, the wordmark, or both side by side.
	// A letterhead keeps the right of the top for the address block.
	markRight := c.right
	if style == "letterhead" {
		markRight = c.left + 0.55*c.width
	}
	markTop := c.top
	if style == "band" {
		// The band bleeds off the top of the page; its mark sits in it
		// with equal space above and below rather than at the margin.
		markTop = max(c.top*0.6, 8)
	}
	markItems, markH := c.mark(markTop, markRight, wmColour)
	bottom := markTop + markH
	switch style {
	case "band":
		bandBottom := bottom + markTop
		items = append(items, Item{Kind: KindFill, Role: RoleHeaderBand, X: 0, Y: 0, W: c.pageW, H: bandBottom, Colour: col.Primary})
		items = append(items, markItems...)
		return items, bandBottom + 8
	case "letterhead":
		items = append(items, markItems...)
		addr := append([]string(nil), c.r.Publisher.Address...)
		for _, v := range c.r.Publisher.Lines {
			addr = append(addr, v.Text)
		}
		y := c.top
		small := c.style(c.ts.small, col.Muted)
		for _, a := range addr {
			for _, fl := range c.textLines([]run{{text: a, style: small}}, c.left, c.width*0.45, RoleLetterhead, 0) {
				it := fl.items[0]
				c.alignRight(&it, c.right)
				it.Y += y
				it.Baseline += y
				items = append(items, it)
				y += fl.h
			}
		}
		bottom = max(bottom, y)
	default: // "rule"
		items = append(items, markItems...)
	}
	bottom += 4
	items = append(items, Item{Kind: KindRule, Role: RoleRule, X: c.left, Y: bottom, W: c.width, Thickness: 0.6, Colour: col.Primary})
	return items, bottom + 8
}

// mark places the logo and/or the wordmark at the top left (or the logo
// at the right when the layout says so) and returns their height.
func (c *composer) mark(top, right float64, colour layout.Colour) ([]Item, float64) {
	l := c.l
	org := c.r.Organisation
	var items []Item
	h := 0.0
	x := c.left
	wmWidth := min(c.width*0.75, right-c.left)
	if lg := l.Logo; lg != nil && lg.Aspect() > 0 {
		w := lg.Width
		if w <= 0 {
			w = 40
		}
		w = min(w, c.width/2)
		ih := w * lg.Aspect()
		if ih > 30 {
			w, ih = w*30/ih, 30
		}
		lx := c.left
		if lg.Align == "right" && right == c.right {
			lx = c.right - w
			right = lx - 6
		} else {
			// A letterhead keeps its right side for the address, so its
			// logo stands on the left whatever the layout says.
			x = c.left + w + 6
		}
		items = append(items, Item{Kind: KindImage, Role: RoleLogo, X: lx, Y: top, W: w, H: ih, Alt: lg.Alt})
		h = ih
		wmWidth = right - x
		if !lg.Wordmark || org == "" {
			return items, h
		}
	}
	if org == "" {
		return items, h
	}
	st := textStyle{heading: true, bold: true, size: max(c.ts.subheadline, 15), colour: colour}
	lines := c.textLines([]run{{text: org, style: st}}, x, wmWidth, RoleWordmark, c.nextBlock())
	total := 0.0
	for _, fl := range lines {
		total += fl.h
	}
	y := top
	if h > total { // centre the name on the logo
		y += (h - total) / 2
	}
	for _, fl := range lines {
		it := fl.items[0]
		it.Y += y
		it.Baseline += y
		items = append(items, it)
		y += fl.h
	}
	return items, max(h, y-top)
}

func (c *composer) alignRight(it *Item, right float64) {
	dx := right - (it.X + it.W)
	it.X += dx
	for i := range it.Spans {
		it.Spans[i].X += dx
	}
}

// furniture is what repeats on pages: the footer, "- more -" and the
// running header, and the space they take.
type furniture struct {
	footerH, moreH, runningH float64
}

func (c *composer) measureFurniture() furniture {
	small := c.lineHeight(c.ts.small)
	f := furniture{footerH: small + 2, moreH: small + 3, runningH: small + 8}
	for _, n := range c.footerNotices() {
		f.footerH += float64(len(c.textLines([]run{{text: n, style: c.style(c.ts.small, c.l.Colours.Muted)}}, c.left, c.width, RoleFooterNotice, 0))) * small
	}
	return f
}

// footerNotices are the standing lines of the footer: the layout's
// notice and the organisation's registration ("Registered charity …").
func (c *composer) footerNotices() []string {
	var out []string
	for _, n := range []string{c.r.Publisher.Notice, c.r.Publisher.Registration} {
		if strings.TrimSpace(n) != "" {
			out = append(out, n)
		}
	}
	return out
}

// paginate places the flow on pages, page 1 starting at firstTop, and
// tightens when that saves a scrap or keeps the text's end on its page.
//
// The rule: the flow is set with the layout's spacing first. When its last
// page holds only a scrap (a single block, such as one contact card or a
// short paragraph, or a heading and its one card, under a third of a page;
// or anything under a fifth of a page), or when the end of the text (the
// signatures with ENDS) had to go over to a page of its own, the flow is
// set again with the space between blocks cut to three quarters, then to
// half. The first tighter setting that takes the scrap back (one page
// fewer) or keeps the end on an earlier page is kept; otherwise the
// release keeps its even spacing. Lines and type are never squeezed, only
// the gaps between blocks, and the gaps shrink on every page alike.
func (c *composer) paginate(blocks []flowBlock, firstTop float64, fur furniture) []Page {
	pages, bodyEnd, scrap := c.paginateAt(blocks, firstTop, fur, 1)
	if len(pages) > 1 {
		for _, squeeze := range []float64{0.75, 0.5} {
			tight, end, _ := c.paginateAt(blocks, firstTop, fur, squeeze)
			if scrap && len(tight) < len(pages) || end < bodyEnd && len(tight) <= len(pages) {
				pages, bodyEnd = tight, end
				break
			}
		}
	}
	c.bodyEnd = bodyEnd
	return pages
}

// paginateAt places the flow with the space above each block scaled by
// squeeze. It returns the pages, the page the release's text ends on, and
// whether the last page holds only a scrap (see paginate).
func (c *composer) paginateAt(blocks []flowBlock, firstTop float64, fur furniture, squeeze float64) (pages []Page, bodyEnd int, scrap bool) {
	// Every line's items go to some page, in order: one array holds
	// them all, each page a slice of it that ends where the next begins
	// (its capacity cut there, so that what is added later to one page
	// is not written over the next's), instead of each page's growing
	// by doubling.
	n := 0
	for i := range blocks {
		for _, ln := range blocks[i].lines {
			n += len(ln.items)
		}
	}
	all := make([]Item, 0, n)
	pages = []Page{{Items: all}}
	bodyEnd = -1
	top := firstTop
	bottom := c.bottom - fur.footerH - fur.moreH
	c.fullPage = bottom - (c.top + fur.runningH)
	y := top
	// stretchTo is the last block that may use the room of "- more -" on
	// this page: the end of the text, and what is kept with it, when they
	// fit there whole (no "- more -" is printed after the end).
	stretchTo := -1
	lastBlocks, lastH := 0, 0.0 // what the current page holds
	newPage := func() {
		last := &pages[len(pages)-1]
		k := len(last.Items)
		rest := last.Items[k:k]
		last.Items = last.Items[:k:k]
		pages = append(pages, Page{Items: rest})
		top = c.top + fur.runningH
		y = top
		stretchTo = -1
		lastBlocks, lastH = 0, 0
	}
	place := func(b *flowBlock, ln flowLine, first bool) {
		pg := &pages[len(pages)-1]
		if first && b.bookmark != "" {
			pg.Bookmarks = append(pg.Bookmarks, Bookmark{Title: b.bookmark, Y: y})
		}
		for _, it := range ln.items {
			it.Y += y
			it.Baseline += y
			pg.Items = append(pg.Items, it)
		}
		y += ln.h
		lastH += ln.h
	}
	for i := range blocks {
		b := &blocks[i]
		if len(b.lines) == 0 {
			continue
		}
		before := b.before * squeeze
		if y <= top {
			before = 0
		}
		limit := bottom
		if stretchTo < 0 && fur.moreH > 0 {
			if end, h := c.endChain(blocks, i, squeeze); end >= 0 && y+before+h <= bottom+fur.moreH+1e-6 {
				stretchTo = end
			}
		}
		if i <= stretchTo {
			limit = bottom + fur.moreH
		}
		need := c.firstChunk(blocks, i, 0, squeeze)
		if y+before+need > limit && y > top {
			newPage()
			before = 0
			limit = bottom
		}
		y += before
		lines := b.lines
		first := true
		for len(lines) > 0 {
			fit, h := 0, 0.0
			for fit < len(lines) && y+h+lines[fit].h <= limit+1e-6 {
				h += lines[fit].h
				fit++
			}
			k := fit
			if k < len(lines) {
				if !b.keep {
					// No widow: at least two lines go over; no orphan: at
					// least two lines stay.
					if len(lines)-k < 2 {
						k = len(lines) - 2
					}
					if k < 2 {
						k = 0
					}
				} else if b.height() <= c.fullPage {
					k = 0
				}
				if k == 0 && y <= top {
					// Taller than a page even on its own: split where it must.
					k = max(fit, 1)
				}
			}
			for _, ln := range lines[:k] {
				place(b, ln, first)
				first = false
			}
			lines = lines[k:]
			if len(lines) > 0 {
				newPage()
				limit = bottom
			}
		}
		lastBlocks++
		if b.endsBody {
			bodyEnd = len(pages) - 1
		}
	}
	if bodyEnd < 0 {
		bodyEnd = len(pages) - 1
	}
	// A heading kept with the one block after it counts as that block.
	scrap = lastBlocks <= 2 && lastH < c.fullPage/3 || lastH < c.fullPage/5
	return pages, bodyEnd, scrap
}

// endChain follows the blocks kept with the next from block i: when the
// chain reaches the end of the release's text it returns that block's
// index and the chain's height (with the space above each block after
// the first), else -1.
func (c *composer) endChain(blocks []flowBlock, i int, squeeze float64) (int, float64) {
	h := 0.0
	for j := i; j < len(blocks); j++ {
		b := &blocks[j]
		if len(b.lines) == 0 {
			continue
		}
		if j > i {
			h += b.before * squeeze
		}
		h += b.height()
		if b.endsBody {
			return j, h
		}
		if !b.keepNext {
			return -1, 0
		}
	}
	return -1, 0
}

// firstChunk is the height block i needs at the foot of a page before it
// may start there: the whole block when it is kept whole, else its first
// two lines (all of a three-line paragraph, which cannot split 2+1), plus
// what follows when it is kept with the next block.
func (c *composer) firstChunk(blocks []flowBlock, i, depth int, squeeze float64) float64 {
	b := &blocks[i]
	need := 0.0
	n := len(b.lines)
	take := n
	// A block taller than a whole page is split wherever it starts, so
	// waiting for a fresh page would only leave a hole.
	if (!b.keep || b.height() > c.fullPage) && n > 3 {
		take = 2
	}
	for _, ln := range b.lines[:take] {
		need += ln.h
	}
	if b.keepNext && depth < 4 {
		for j := i + 1; j < len(blocks); j++ {
			if len(blocks[j].lines) == 0 {
				continue
			}
			return b.height() + blocks[j].before*squeeze + c.firstChunk(blocks, j, depth+1, squeeze)
		}
	}
	return need
}

// furnish adds the running header, the footer, the page number and
// "- more -" to each page. The pages are numbered from first+1 of total
// (a bilingual document counts its pages as one). "- more -" stops at
// the release's end mark even when another language follows: the end
// mark closes that release, and "- mwy -" under "Diwedd" would say the
// opposite; the next half opens with its own first-page header.
func (c *composer) furnish(pages []Page, fur furniture, first, total int) {
	col := c.l.Colours
	small := c.style(c.ts.small, col.Muted)
	n := len(pages)
	for i := range pages {
		pg := &pages[i]
		var extra []Item
		if i > 0 {
			for _, fl := range c.textLines([]run{{text: c.r.Pages.RunningHeader, style: small}}, c.left, c.width, RoleRunningHeader, 0)[:1] {
				it := fl.items[0]
				it.Y += c.top
				it.Baseline += c.top
				extra = append(extra, it)
			}
			extra = append(extra, Item{Kind: KindRule, Role: RoleRule, X: c.left, Y: c.top + c.lineHeight(c.ts.small) + 2, W: c.width, Thickness: 0.3, Colour: col.Rule})
		}
		y := c.bottom - fur.footerH
		more := i < n-1 && i < c.bodyEnd
		if more && c.r.Pages.More != "" {
			more := c.textLines([]run{{text: c.r.Pages.More, style: small}}, c.left, c.width, RoleMore, 0)
			it := more[0].items[0]
			dx := (c.width - it.W) / 2
			it.X += dx
			for k := range it.Spans {
				it.Spans[k].X += dx
			}
			it.Y += y - fur.moreH + 1
			it.Baseline += y - fur.moreH + 1
			extra = append(extra, it)
		}
		left := c.r.FooterReference
		if len(c.footerNotices()) > 0 || left != "" || total > 1 && c.l.PageNumbers {
			extra = append(extra, Item{Kind: KindRule, Role: RoleRule, X: c.left, Y: y + 1, W: c.width, Thickness: 0.3, Colour: col.Rule})
		}
		y += 2
		for _, notice := range c.footerNotices() {
			for _, fl := range c.textLines([]run{{text: notice, style: small}}, c.left, c.width, RoleFooterNotice, 0) {
				it := fl.items[0]
				it.Y += y
				it.Baseline += y
				extra = append(extra, it)
				y += fl.h
			}
		}
		if left != "" {
			fl := c.textLines([]run{{text: left, style: small}}, c.left, c.width*0.6, RoleFooter, 0)[0]
			it := fl.items[0]
			it.Y += y
			it.Baseline += y
			extra = append(extra, it)
		}
		if total > 1 && c.l.PageNumbers {
			fl := c.textLines([]run{{text: c.r.PageNumber(first+i+1, total), style: small}}, c.left, c.width*0.35, RolePageNumber, 0)[0]
			it := fl.items[0]
			c.alignRight(&it, c.right)
			it.Y += y
			it.Baseline += y
			extra = append(extra, it)
		}
		pg.Items = append(pg.Items, extra...)
		if bg := col.Background; bg != (layout.Colour{}) && bg != (layout.Colour{R: 255, G: 255, B: 255}) {
			pg.Items = append([]Item{{Kind: KindFill, Role: RolePageBackground, W: c.pageW, H: c.pageH, Colour: bg}}, pg.Items...)
		}
	}
}

// compose lays the release out on its pages, with the first page's
// header: everything but the furniture that counts the document's pages,
// which planAll adds once every half is composed.
func (c *composer) compose() {
	head, firstTop := c.header()
	c.fur = c.measureFurniture()
	c.pages = c.paginate(c.content(), firstTop, c.fur)
	c.pages[0].Items = append(head, c.pages[0].Items...)
}

// planAll joins the composed releases into one plan, each starting on a
// new page, and furnishes the pages counting the whole document. With
// more than one release, each is a Part of the plan, its headline a
// bookmark at the top level and its section headings below it.
func planAll(cs []*composer) *Plan {
	c0 := cs[0]
	plan := &Plan{
		Width: c0.pageW, Height: c0.pageH,
		Printable: [4]float64{c0.left, c0.top, c0.right, c0.bottom},
		Faces:     c0.fs.list,
	}
	total := 0
	for _, c := range cs {
		total += len(c.pages)
	}
	for _, c := range cs {
		first := len(plan.Pages)
		c.furnish(c.pages, c.fur, first, total)
		if len(cs) > 1 {
			plan.Parts = append(plan.Parts, Part{Lang: langOf(c.r), First: first})
			top := true
			for p := range c.pages {
				for b := range c.pages[p].Bookmarks {
					if !top {
						c.pages[p].Bookmarks[b].Level = 1
					}
					top = false
				}
			}
		}
		plan.Pages = append(plan.Pages, c.pages...)
	}
	return plan
}
