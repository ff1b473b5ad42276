package render

// A right-to-left release (Urdu, Arabic) is laid out as a left-to-right
// one in mirrored coordinates: every x is measured from the right edge of
// the page leftwards. The typesetter's geometry (indents, hanging list
// labels, right-aligned page numbers, the contact card's bar) then needs
// no second version; mirror turns the finished plan round, so paragraphs
// align right, lists hang from the right, and the page furniture (page
// numbers, running header, letterhead) changes sides. Within each line,
// the spans were already placed in the order the bidi algorithm shows
// them (typeset.go), so mixed Latin (an e-mail address, "NHS", a phone
// number) keeps its own order.
func mirror(pages []Page, width float64) {
	for pi := range pages {
		items := pages[pi].Items
		for ii := range items {
			it := &items[ii]
			it.X = width - it.X - it.W
			for k := range it.Spans {
				sp := &it.Spans[k]
				sp.X = width - sp.X - sp.W
			}
		}
	}
}

// mirrorParts turns round the pages of each right-to-left release of the
// plan (planAll puts each release's pages after the one before's).
func mirrorParts(p *Plan, cs []*composer) {
	first, all := 0, true
	for _, c := range cs {
		if c.br.rtl {
			mirror(p.Pages[first:first+len(c.pages)], p.Width)
		} else {
			all = false
		}
		first += len(c.pages)
	}
	if all {
		p.Printable[0], p.Printable[2] = p.Width-p.Printable[2], p.Width-p.Printable[0]
	}
}
