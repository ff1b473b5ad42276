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
func mirror(p *Plan) {
	for pi := range p.Pages {
		items := p.Pages[pi].Items
		for ii := range items {
			it := &items[ii]
			it.X = p.Width - it.X - it.W
			for k := range it.Spans {
				sp := &it.Spans[k]
				sp.X = p.Width - sp.X - sp.W
			}
		}
	}
	p.Printable[0], p.Printable[2] = p.Width-p.Printable[2], p.Width-p.Printable[0]
}
