package render

import (
	"strconv"
	"strings"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
)

// flowLine is one line of the text flow: items with y relative to the
// line's top, and the line's height.
type flowLine struct {
	h     float64
	items []Item
}

// flowBlock is a unit the paginator places: lines, the space above it,
// and the rules that keep it whole or with what follows.
type flowBlock struct {
	lines    []flowLine
	before   float64 // space above; dropped at the top of a page
	keep     bool    // never split (a signatory block, a contact, a list item)
	keepNext bool    // never the last thing on a page (a heading)
	// endsBody marks the end of the release's text (the end mark, or the
	// last block before the notes when there is none): "- more -" is
	// printed only on pages before the one it lands on.
	endsBody bool
	bookmark string
}

func (b *flowBlock) height() float64 {
	h := 0.0
	for _, ln := range b.lines {
		h += ln.h
	}
	return h
}

// composer lays a release out in a layout. Every word it sets comes from
// the release; the layout gives the look and geometry.
type composer struct {
	r     *release.Release
	l     *layout.Layout
	fs    *faces
	br    *breaker
	block int
	// The page geometry in mm.
	pageW, pageH             float64
	left, right, top, bottom float64 // edges of the printable area
	width                    float64 // the measure: right - left
	ts                       typeScale
	fullPage                 float64 // the flow's height on a continuation page
	bodyEnd                  int     // the page the release's text ends on
	// The release's pages as compose left them, and the room their
	// furniture takes, for planAll.
	pages []Page
	fur   furniture
}

// typeScale is the layout's type scale with defaults for unset values.
type typeScale struct {
	body, headline, subheadline, heading, label, small, lineHeight, paragraph float64
}

func resolveScale(t layout.TypeScale) typeScale {
	ts := typeScale{t.Body, t.Headline, t.Subheadline, t.Heading, t.Label, t.Small, t.LineHeight, t.Paragraph}
	def := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&ts.body, 11)
	def(&ts.headline, 2.2*ts.body)
	def(&ts.subheadline, 1.3*ts.body)
	def(&ts.heading, 1.2*ts.body)
	def(&ts.label, 0.85*ts.body)
	def(&ts.small, 0.8*ts.body)
	def(&ts.lineHeight, 1.4)
	def(&ts.paragraph, 0.5*ts.body*ts.lineHeight*pt)
	return ts
}

func newComposer(r *release.Release, l *layout.Layout, fs *faces) *composer {
	c := &composer{r: r, l: l, fs: fs, br: fs.newBreaker(), ts: resolveScale(l.Type)}
	c.pageW, c.pageH = l.Page.Width, l.Page.Height
	if c.pageW <= 0 || c.pageH <= 0 {
		c.pageW, c.pageH = 210, 297
	}
	c.left, c.top = l.Page.Left, l.Page.Top
	c.right, c.bottom = c.pageW-l.Page.Right, c.pageH-l.Page.Bottom
	c.width = c.right - c.left
	return c
}

func (c *composer) nextBlock() int { c.block++; return c.block }

// lineHeight of text at size points, with the layout's spacing factor
// scaled down for large type (headlines set at 1.4 look loose).
func (c *composer) lineHeight(size float64) float64 {
	f := c.ts.lineHeight
	if size > 1.5*c.ts.body {
		f = 1 + (f-1)/2
	}
	return size * f * pt
}

// textLines sets runs at x within width as flow lines of one role.
func (c *composer) textLines(runs []run, x, width float64, role Role, block int) []flowLine {
	if len(runs) == 0 {
		return nil
	}
	size := runs[0].style.size
	h := c.lineHeight(size)
	// The baseline sits so that capitals are centred in the line box.
	base := (h + 0.714*size*pt) / 2
	var out []flowLine
	for _, sl := range c.br.setWith(runs, width, c.setOptions(role)) {
		it := Item{Kind: KindText, Role: role, Block: block, X: x, W: sl.width, H: h, Baseline: base}
		var underlines []Item
		for _, sp := range sl.spans {
			sp.X += x
			it.Spans = append(it.Spans, sp)
			if sp.Link != "" && sp.Ink > 0 {
				// Links are underlined as well as coloured, so that they
				// are not told apart by colour alone.
				underlines = append(underlines, Item{Kind: KindRule, Role: RoleLinkUnderline, Block: block,
					X: sp.X, Y: base + 0.2*sp.Size*pt, W: sp.Ink, Thickness: 0.05 * sp.Size * pt, Colour: sp.Colour})
			}
		}
		out = append(out, flowLine{h: h, items: append([]Item{it}, underlines...)})
	}
	return out
}

func (c *composer) style(size float64, colour layout.Colour) textStyle {
	return textStyle{size: size, colour: colour}
}

// para is a block of plain text in one style.
func (c *composer) para(text string, st textStyle, role Role, before float64) flowBlock {
	return flowBlock{lines: c.textLines([]run{{text: text, style: st}}, c.left, c.width, role, c.nextBlock()), before: before}
}

// balanced is para for display type (headline, subheadline): lines of
// even length instead of a full first line and a short last one. It sets
// the text in the narrowest measure that needs no more lines than the
// full measure does.
func (c *composer) balanced(text string, st textStyle, role Role, before float64) flowBlock {
	runs := []run{{text: text, style: st}}
	n := len(c.br.set(runs, c.width))
	width := c.width
	if n > 1 && n <= 6 {
		lo, hi := c.width/2, c.width
		for range 12 {
			mid := (lo + hi) / 2
			if len(c.br.set(runs, mid)) <= n {
				hi = mid
			} else {
				lo = mid
			}
		}
		width = hi
	}
	return flowBlock{lines: c.textLines(runs, c.left, width, role, c.nextBlock()), before: before}
}

// doc lays out a markup text: paragraphs and lists, in body style.
// lead, when set, is run before the first paragraph's text (a dateline).
func (c *composer) doc(d markup.Doc, role Role, lead []run) []flowBlock {
	var out []flowBlock
	body := c.style(c.ts.body, c.l.Colours.Text)
	for i, b := range d.Blocks {
		before := c.ts.paragraph
		switch b.Kind {
		case markup.Paragraph:
			runs := c.inlineRuns(b.Inlines, body)
			if i == 0 && lead != nil {
				runs = append(append([]run{}, lead...), runs...)
			}
			blk := flowBlock{lines: c.textLines(runs, c.left, c.width, role, c.nextBlock()), before: before}
			// A paragraph that introduces a list ("each will offer:")
			// is not left at the foot of a page without it.
			if i+1 < len(d.Blocks) && d.Blocks[i+1].Kind != markup.Paragraph && endsWithColon(b.Inlines) {
				blk.keepNext = true
			}
			out = append(out, blk)
		default:
			if i == 0 && lead != nil {
				out = append(out, flowBlock{lines: c.textLines(lead, c.left, c.width, role, c.nextBlock()), before: before})
			}
			out = append(out, c.list(b, c.left, c.width, before, 0)...)
		}
	}
	return out
}

// list lays out a bullet or numbered list, each item a block kept whole.
func (c *composer) list(b markup.Block, x, width, before float64, depth int) []flowBlock {
	body := c.style(c.ts.body, c.l.Colours.Text)
	indent := 6.5
	listID := c.nextBlock()
	var out []flowBlock
	for n, item := range b.Items {
		label := "•"
		if depth%2 == 1 {
			label = "–"
		}
		if b.Kind == markup.OrderedList {
			label = strconv.Itoa(b.Start+n) + "."
			indent = c.numberIndent(b, body)
		}
		blk := flowBlock{keep: true, before: 1.2}
		if n == 0 {
			blk.before = before
		}
		id := c.nextBlock()
		for k, ib := range item.Blocks {
			switch ib.Kind {
			case markup.Paragraph:
				lines := c.textLines(c.inlineRuns(ib.Inlines, body), x+indent, width-indent, RoleListBody, id)
				if k == 0 && len(lines) > 0 {
					lines[0].items = append([]Item{c.label(label, x, lines[0], id, body)}, lines[0].items...)
				}
				blk.lines = append(blk.lines, lines...)
			default:
				// Deeply nested lists stop moving right at the middle of
				// the measure, so that their text keeps room to wrap.
				nx := min(x+indent, c.left+0.4*c.width)
				for _, nested := range c.list(ib, nx, c.right-nx, 0, depth+1) {
					blk.lines = append(blk.lines, nested.lines...)
				}
			}
		}
		for i := range blk.lines {
			for k := range blk.lines[i].items {
				if it := &blk.lines[i].items[k]; it.Kind == KindText && it.List == 0 {
					it.List, it.Depth = listID, depth
				}
			}
		}
		out = append(out, blk)
	}
	return out
}

// numberIndent is the indent of a numbered list: room for its widest
// number ("10." is wider than "9."), at least 8 mm.
func (c *composer) numberIndent(b markup.Block, st textStyle) float64 {
	widest := 0.0
	for n := range b.Items {
		w := 0.0
		for _, r := range strconv.Itoa(b.Start+n) + "." {
			if f, ok := c.fs.face(st, r); ok {
				w += c.fs.runeWidth(f, r, st.size)
			}
		}
		widest = max(widest, w)
	}
	return max(8, widest+2.5)
}

// label is a list item's bullet or number, on the baseline of its first
// line.
func (c *composer) label(text string, x float64, first flowLine, block int, st textStyle) Item {
	st.colour = c.l.Colours.Accent
	lines := c.br.set([]run{{text: text, style: st}}, 100)
	it := first.items[0]
	label := Item{Kind: KindText, Role: RoleListLabel, Block: block, X: x, Y: it.Y, W: lines[0].width, H: it.H, Baseline: it.Baseline}
	for _, sp := range lines[0].spans {
		sp.X += x
		label.Spans = append(label.Spans, sp)
	}
	return label
}

// ruleLine is a flow line holding a horizontal rule across the measure.
func (c *composer) ruleLine(gapAbove, gapBelow, thickness float64, colour layout.Colour) flowLine {
	return flowLine{h: gapAbove + gapBelow, items: []Item{{Kind: KindRule, Role: RoleRule, X: c.left, Y: gapAbove, W: c.width, Thickness: thickness, Colour: colour}}}
}

// content lays out everything after the page-1 header, in reading order.
func (c *composer) content() []flowBlock {
	r, ts := c.r, c.ts
	col := c.l.Colours
	var out []flowBlock

	// The PDF sets the kind label in capitals.
	if k := strings.ToUpper(r.Kind); k != "" {
		st := c.style(ts.label, col.Accent)
		st.bold = true
		b := c.para(k, st, RoleKindLabel, 0)
		b.keepNext = true
		out = append(out, b)
	}
	if rl := r.ReleaseLine; rl != "" {
		st := c.style(ts.body, col.Text)
		st.bold = true
		b := c.para(rl, st, RoleReleaseLine, 1)
		b.keepNext = true
		out = append(out, b)
	}
	headline := textStyle{heading: true, bold: true, size: ts.headline, colour: col.Primary}
	hb := c.balanced(r.Headline, headline, RoleHeadline, 5)
	hb.keepNext, hb.bookmark = true, r.Headline
	out = append(out, hb)
	if r.Subheadline != "" {
		st := textStyle{heading: true, size: ts.subheadline, colour: col.Text}
		b := c.balanced(r.Subheadline, st, RoleSubheadline, 3)
		b.keepNext = true
		out = append(out, b)
	}
	if r.Date != "" {
		b := c.para(r.DatePrefix+r.Date, c.style(ts.body, col.Muted), RoleDate, 4)
		b.keepNext = true
		b.lines = append(b.lines, c.ruleLine(3, 3, 0.3, col.Rule))
		out = append(out, b)
	}

	var lead []run
	if dl := r.DatelineLead(); dl != "" {
		st := c.style(ts.body, col.Text)
		st.bold = true
		lead = []run{{text: dl, style: st, role: RoleDateline}}
	}
	out = append(out, c.doc(r.Summary, RoleParagraph, lead)...)

	if d := r.Developments; d != nil {
		body := c.style(ts.body, col.Text)
		if d.Intro != "" {
			b := c.para(d.Intro, body, RoleDevIntro, ts.paragraph)
			b.keepNext = true
			out = append(out, b)
		}
		list := markup.Block{Kind: markup.BulletList}
		for _, it := range d.Items {
			list.Items = append(list.Items, markup.Item{Blocks: []markup.Block{{Kind: markup.Paragraph, Inlines: it}}})
		}
		blocks := c.list(list, c.left, c.width, ts.paragraph, 0)
		for i := range blocks {
			for j := range blocks[i].lines {
				for k := range blocks[i].lines[j].items {
					if it := &blocks[i].lines[j].items[k]; it.Role == RoleListBody {
						it.Role = RoleDevelopment
					}
				}
			}
		}
		out = append(out, blocks...)
	}

	for i, g := range r.Signatures {
		id := c.nextBlock()
		name := c.style(ts.body, col.Text)
		name.bold = true
		blk := flowBlock{keep: true, before: ts.paragraph}
		if i == 0 {
			blk.before = 2.5 * ts.paragraph
		}
		blk.lines = append(blk.lines, c.textLines([]run{{text: g.NamesText(), style: name}}, c.left, c.width, RoleSignature, id)...)
		if r := g.Role; r != "" {
			blk.lines = append(blk.lines, c.textLines([]run{{text: r, style: c.style(ts.body, col.Text)}}, c.left, c.width, RoleSignature, id)...)
		}
		if g.Organisation != "" {
			blk.lines = append(blk.lines, c.textLines([]run{{text: g.Organisation, style: c.style(ts.body, col.Muted)}}, c.left, c.width, RoleSignature, id)...)
		}
		out = append(out, blk)
	}

	if em := r.Pages.EndMark; em != "" {
		// The end mark closes the text: it never opens a page alone, so
		// the last signature is kept with it (paginate lets the pair use
		// the room "- more -" would take, since it is not printed there).
		if n := len(out); n > 0 && len(r.Signatures) > 0 {
			out[n-1].keepNext = true
		}
		st := c.style(ts.body, col.Text)
		st.bold = true
		out = append(out, c.para(em, st, RoleEndMark, 2.5*ts.paragraph))
	}
	for i := len(out) - 1; i >= 0; i-- {
		if len(out[i].lines) > 0 {
			out[i].endsBody = true
			break
		}
	}

	for _, sec := range []*release.Section{r.Notes, r.About} {
		if sec != nil {
			out = append(out, c.heading(sec.Heading))
			out = append(out, c.doc(sec.Body, RoleParagraph, nil)...)
		}
	}
	if len(r.Contacts) > 0 {
		out = append(out, c.heading(r.ContactsHeading))
		for _, ct := range r.Contacts {
			out = append(out, c.contact(ct))
		}
	}
	return out
}

// heading is a section heading, kept with what follows and bookmarked.
func (c *composer) heading(text string) flowBlock {
	st := textStyle{heading: true, bold: true, size: c.ts.heading, colour: c.l.Colours.Accent}
	b := c.para(text, st, RoleSectionHeading, 2.5*c.ts.paragraph)
	b.keepNext, b.bookmark = true, text
	return b
}

// contact is a media contact as a card: an accent bar on the left, the
// purpose, the person, and each way to reach them as a link.
func (c *composer) contact(ct release.Contact) flowBlock {
	col, ts := c.l.Colours, c.ts
	id := c.nextBlock()
	x, w := c.left+5, c.width-5
	body := c.style(ts.body, col.Text)
	bold := body
	bold.bold = true
	var lines []flowLine
	add := func(runs ...run) { lines = append(lines, c.textLines(runs, x, w, RoleContact, id)...) }
	if ct.Purpose != "" {
		it := body
		it.italic = true
		add(run{text: ct.Purpose, style: it})
	}
	if ct.Name != "" {
		add(run{text: ct.Name, style: bold})
	}
	if ct.Role != "" {
		add(run{text: ct.Role, style: body})
	}
	if ct.Organisation != "" {
		add(run{text: ct.Organisation, style: body})
	}
	link := body
	link.colour = col.Accent
	label := c.style(ts.body, col.Muted)
	for _, cl := range ct.Lines {
		add(run{text: cl.Lead, style: label}, run{text: cl.Text, style: link, link: cl.Href})
	}
	for k := range lines {
		lines[k].items = append(lines[k].items, Item{Kind: KindRule, Role: RoleRule, X: c.left + 0.6, Y: 0, W: 0, H: lines[k].h, Thickness: 1.2, Colour: col.Accent})
	}
	return flowBlock{lines: lines, keep: true, before: 1.5 * c.ts.paragraph}
}

// shorten cuts text to at most n characters at a word boundary, with an
// ellipsis, for messages.
func shorten(text string, n int) string { return release.Shorten(text, n) }

func endsWithColon(ins []markup.Inline) bool {
	for i := len(ins) - 1; i >= 0; i-- {
		if t := strings.TrimSpace(ins[i].Text); t != "" {
			return strings.HasSuffix(t, ":")
		}
	}
	return false
}
