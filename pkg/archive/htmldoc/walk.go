package htmldoc

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/lazyre"
	"github.com/pressroom/pressroom/pkg/archive/source"
)

func (r *reader) defaultTmpl() tmpl {
	if r.quote > 0 {
		return tmpl{kind: source.Paragraph, role: source.Quote}
	}
	return tmpl{kind: source.Paragraph}
}

// newLine ends the line being built.
func (r *reader) newLine() {
	r.endsSpace = true
	if r.b.Len() > 0 {
		r.lines = append(r.lines, source.Line{Text: source.ProtectLineStart(r.b.String()), Line: r.lineStart})
	}
	r.b.Reset()
	r.lineStart = 0
}

// end ends the block being built.
func (r *reader) end() {
	r.newLine()
	if len(r.lines) == 1 && r.open == (tmpl{kind: source.Paragraph}) && !r.bodyStarted && r.dateLine(r.lines[0]) {
		r.lines = nil
	}
	if len(r.lines) > 0 {
		t := r.open
		blk := source.Block{Kind: t.kind, Level: t.level, Ordered: t.ordered, Role: t.role, Lines: r.lines}
		r.doc.Blocks = append(r.doc.Blocks, blk)
		if t.kind != source.Title && t.role != source.Label {
			w := 0
			for _, l := range r.lines {
				w += wordCount(l.Text)
			}
			r.bodyWords += w
			if (t.kind == source.Paragraph || t.kind == source.ListItem) && t.role == source.NoRole && w >= 10 {
				r.bodyStarted = true
			}
		}
	}
	r.lines = nil
	r.open = r.defaultTmpl()
}

// begin starts a block (or, inside a contact card or list item, a line).
func (r *reader) begin(t tmpl) {
	if r.merge > 0 {
		r.newLine()
		return
	}
	r.end()
	r.open = t
}

// boundary is where a block element starts or ends.
func (r *reader) boundary() {
	if r.merge > 0 {
		r.newLine()
		return
	}
	r.end()
}

func (r *reader) text(s string) {
	if r.pre > 0 && strings.Contains(s, "\n") {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				r.newLine()
				r.cur++
			}
			r.text1(part)
		}
		return
	}
	r.text1(s)
}

var textCleaner = strings.NewReplacer("\u00a0", " ", "\u00ad", "", "\u200b", "", "\ufeff", "")

func (r *reader) text1(s string) {
	s = textCleaner.Replace(s)
	if s == "" {
		return
	}
	if r.lineStart == 0 && strings.TrimSpace(s) != "" {
		r.lineStart = r.cur
		if r.fresh {
			// Text right after a start tag or <br> starts on the tag's
			// line plus the line breaks before its first word.
			r.lineStart += strings.Count(s[:len(s)-len(strings.TrimLeft(s, " \t\r\n\f"))], "\n")
		}
	}
	r.fresh = false
	// White space is folded here, and text of one style gathered, so that
	// the Builder gets one run per change of style: a paragraph of many
	// small elements stays linear.
	var folded strings.Builder
	space := r.endsSpace
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if !space {
				folded.WriteByte(' ')
				space = true
			}
			continue
		}
		space = false
		folded.WriteRune(c)
	}
	if folded.Len() == 0 {
		return
	}
	r.endsSpace = space
	style, link, linked := r.style, r.link, r.linked
	if r.plain > 0 {
		// A title, label or standfirst is plain text in the statement.
		style, link, linked = 0, "", false
	}
	if linked {
		r.b.Link(folded.String(), link, style)
	} else {
		r.b.Text(folded.String(), style)
	}
}

// drop leaves n out, noting it when it shows any text.
func (r *reader) drop(n *html.Node, why string) {
	if why == "page metadata" {
		r.metadata(n)
	}
	if t := visibleText(n, 200); t != "" {
		r.doc.Dropped = append(r.doc.Dropped, source.Drop{Line: lineOf(n), Text: shorten(t), Why: why})
	}
}

// outside walks the page around the main content: the title and a label
// beside it are kept, everything else with text is dropped.
func (r *reader) outside(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c == r.region:
			r.end()
			r.cur = lineOf(c)
			r.content(c)
			r.end()
		case c.Type == html.TextNode:
			if t := strings.Join(strings.FieldsFunc(c.Data, isSpace), " "); t != "" {
				r.doc.Dropped = append(r.doc.Dropped, source.Drop{Line: lineOf(n), Text: shorten(t), Why: "outside the main content"})
			}
		case c.Type != html.ElementNode || silent(c):
		case r.dropAs[c] != "":
			r.drop(c, r.dropAs[c])
		case c == r.title:
			r.node(c)
		case r.keep[c]:
			r.outside(c)
		case r.title != nil && c.Parent == r.title.Parent && r.isLabel(c):
			r.node(c)
		default:
			why := furniture(c, false)
			switch {
			case why != "":
				r.drop(c, why)
			case isBlock(c) && hasFurnitureChild(c):
				r.outside(c) // give each piece inside its own reason
			default:
				r.drop(c, "outside the main content")
			}
		}
	}
}

func (r *reader) content(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
}

var labelParts = map[string]bool{"context": true, "kicker": true, "eyebrow": true, "label": true,
	"caption": true, "type": true, "category": true, "supertitle": true, "overline": true}

// isLabel reports a short label above the title ("Press release"), or
// beside it.
func (r *reader) isLabel(n *html.Node) bool {
	if r.bodyStarted || n == r.title || r.keep[n] {
		return false
	}
	if r.titleDone && (r.title == nil || n.Parent != r.title.Parent) {
		return false
	}
	found := false
	for _, p := range classParts(n) {
		if labelParts[p] {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	w := wordCount(visibleText(n, 100))
	return w > 0 && w <= 5
}

func classHas(n *html.Node, parts ...string) bool {
	for _, p := range classParts(n) {
		for _, q := range parts {
			if p == q {
				return true
			}
		}
	}
	return false
}

func (r *reader) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if silent(n) {
		return
	}
	if why := r.dropAs[n]; why != "" {
		r.drop(n, why)
		return
	}
	if !r.keep[n] {
		if why := furniture(n, true); why != "" {
			r.drop(n, why)
			return
		}
	}
	if l := lineOf(n); l > 0 {
		r.cur = l
	}
	r.fresh = true
	switch {
	case n == r.title:
		r.begin(tmpl{kind: source.Title})
		r.plain++
		r.content(n)
		r.plain--
		r.boundary()
		r.titleDone = true
		return
	case r.isLabel(n):
		r.begin(tmpl{kind: source.Paragraph, role: source.Label})
		r.plain++
		r.content(n)
		r.plain--
		r.boundary()
		if t := visibleText(n, 100); t != "" {
			r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidenceKind, Value: t, Line: lineOf(n)})
		}
		return
	case r.merge == 0 && !r.bodyStarted && isBlock(n) && classHas(n, "lead", "lede", "standfirst", "intro", "strapline") && isShort(n, 100):
		r.begin(tmpl{kind: source.Subtitle, role: source.Lede})
		r.merge++
		r.plain++
		r.content(n)
		r.plain--
		r.merge--
		r.end()
		return
	case r.merge == 0 && isBlock(n) && (classHas(n, "vcard", "contact", "contacts", "hcard") || hasClass(n, "h-card")):
		r.begin(tmpl{kind: source.Paragraph, role: source.ContactCard})
		r.merge++
		r.content(n)
		r.merge--
		r.end()
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.begin(tmpl{kind: source.Heading, level: int(n.Data[1] - '0')})
		r.content(n)
		r.boundary()
	case atom.P:
		r.begin(r.defaultTmpl())
		r.content(n)
		r.boundary()
	case atom.Br:
		r.newLine()
		r.fresh = true
	case atom.Hr:
		r.boundary()
	case atom.Ul, atom.Ol:
		r.list(n)
	case atom.Blockquote:
		r.boundary()
		r.quote++
		r.open = r.defaultTmpl()
		r.content(n)
		r.boundary()
		r.quote--
		r.open = r.defaultTmpl()
	case atom.Pre:
		r.begin(r.defaultTmpl())
		r.pre++
		r.content(n)
		r.pre--
		r.boundary()
	case atom.Td, atom.Th:
		r.text(" ")
		r.content(n)
		r.text(" ")
	case atom.Strong, atom.B:
		r.styled(n, source.Strong)
	case atom.Em, atom.I, atom.Cite, atom.Dfn:
		r.styled(n, source.Emphasis)
	case atom.A:
		r.anchor(n)
	default:
		if isBlock(n) {
			r.boundary()
			r.content(n)
			r.boundary()
			return
		}
		r.content(n)
	}
}

// anchor reads a link: its text is linked to its address (resolved against
// the page's base), unless it has none or a script address; a link inside
// a link keeps the outer one.
func (r *reader) anchor(n *html.Node) {
	href, ok := "", false
	for _, a := range n.Attr {
		if a.Key == "href" && a.Namespace == "" {
			href, ok = a.Val, true
		}
	}
	if !ok || strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "javascript:") {
		r.content(n)
		return
	}
	saveLink, saveLinked := r.link, r.linked
	if !r.linked {
		r.link, r.linked = r.resolve(href), true
	}
	r.content(n)
	r.link, r.linked = saveLink, saveLinked
}

func (r *reader) styled(n *html.Node, s source.Style) {
	save := r.style
	r.style |= s
	r.content(n)
	r.style = save
}

// list reads a ul or ol: each li is a ListItem block (its paragraphs are
// its lines), nested lists one level deeper.
func (r *reader) list(n *html.Node) {
	if r.merge > 0 && r.item == 0 {
		// A list inside a contact card or a lede: one line per item.
		r.newLine()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.node(c)
			r.newLine()
		}
		return
	}
	saved, savedMerge := r.open, r.merge
	r.merge = 0
	r.end()
	ordered := n.DataAtom == atom.Ol
	level := r.listDepth
	r.listDepth++
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li || silent(c) {
			r.node(c)
			continue
		}
		if why := r.dropAs[c]; why != "" {
			r.drop(c, why)
			continue
		}
		if why := furniture(c, true); why != "" && !r.keep[c] {
			r.drop(c, why)
			continue
		}
		r.end()
		item := tmpl{kind: source.ListItem, level: level, ordered: ordered}
		r.open = item
		r.cur = lineOf(c)
		r.item++
		r.merge++
		for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
			r.node(cc)
			if cc.Type == html.ElementNode && (cc.DataAtom == atom.Ul || cc.DataAtom == atom.Ol) {
				r.open = item // text after a nested list continues the item
			}
		}
		r.merge--
		r.item--
		r.end()
	}
	r.listDepth--
	r.merge = savedMerge
	r.open = saved
}

var (
	publishedTerm = lazyre.New(`(?i)^(first published|published|cyhoeddwyd gyntaf|cyhoeddwyd|cyhoeddwyd ar|date|posted|posted on)$`)
	fromTerm      = lazyre.New(`(?i)^(from|oddi wrth|gan)$`)
	publishedText = lazyre.New(`(?i)(?:published|posted|cyhoeddwyd|date)(?:\s+(?:on|ar))?\s*:?\s*(?:\p{L}+,?\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})`)
)

// metadata takes evidence from a page's metadata block: GOV.UK's
// gem-c-metadata ("From:", "Published") or a CMS byline.
func (r *reader) metadata(n *html.Node) {
	found := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) {
				continue
			}
			if c.DataAtom == atom.Dt {
				term := strings.TrimRight(strings.TrimSpace(visibleText(c, 100)), ": ")
				dd := c.NextSibling
				for dd != nil && dd.Type != html.ElementNode {
					dd = dd.NextSibling
				}
				if dd == nil || dd.DataAtom != atom.Dd {
					continue
				}
				switch {
				case fromTerm.MatchString(term):
					found = true
					orgs := 0
					var links func(*html.Node)
					links = func(a *html.Node) {
						for ; a != nil; a = a.NextSibling {
							if a.Type == html.ElementNode && a.DataAtom == atom.A {
								if t := visibleText(a, 300); t != "" {
									r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidenceFrom, Value: t, Line: lineOf(a)})
									orgs++
								}
								continue
							}
							links(a.FirstChild)
						}
					}
					links(dd.FirstChild)
					if orgs == 0 {
						if t := visibleText(dd, 300); t != "" {
							r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidenceFrom, Value: t, Line: lineOf(dd)})
						}
					}
				case publishedTerm.MatchString(term):
					found = true
					if t := visibleText(dd, 100); t != "" && !r.published {
						r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidencePublished, Value: t, Line: lineOf(dd)})
						r.published = true
					}
				}
				continue
			}
			walk(c.FirstChild)
		}
	}
	walk(n.FirstChild)
	if !found {
		r.fromLine(n, 0)
	}
	if found || r.published {
		return
	}
	t := visibleText(n, 300)
	if m := publishedText.FindStringSubmatch(t); m != nil {
		r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidencePublished, Value: m[1], Line: lineOf(n)})
		r.published = true
		return
	}
	// A block of a date alone, as a page in another language prints it
	// ("wtorek, 13 maja 2025", "মঙ্গলবার, ১৩ মে, ২০২৫"): the recogniser
	// reads it by the language's CLDR names, or leaves it. A labelled
	// block ("Updated: …") is not the date of publication.
	if wordCount(t) <= 6 && strings.IndexFunc(t, unicode.IsDigit) >= 0 && !strings.Contains(t, ":") && !slices.Contains(classParts(n), "updated") {
		r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidencePublished, Value: t, Line: lineOf(n)})
		r.published = true
	}
}

// isShort reports whether n shows at most words words.
func isShort(n *html.Node, words int) bool {
	t := visibleText(n, words*20)
	return len(t) < words*20 && wordCount(t) <= words
}

// hasFurnitureChild reports whether one of n's children is furniture of
// a kind the report can name.
func hasFurnitureChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !silent(c) && furniture(c, false) != "" {
			return true
		}
	}
	return false
}

var fromLead = lazyre.New(`(?i)^(from|oddi wrth|gan)\s*:`)

// fromLine finds a "From: <organisation>" line in a metadata block that
// is not a dl, and takes its links (or its text) as the organisations.
func (r *reader) fromLine(n *html.Node, depth int) {
	if depth > 4 {
		return
	}
	seen := 0
	for c := n.FirstChild; c != nil && seen < 50; c = c.NextSibling {
		if c.Type != html.ElementNode || silent(c) {
			continue
		}
		seen++
		t := visibleText(c, 300)
		m := fromLead.FindStringIndex(t)
		if m == nil {
			r.fromLine(c, depth+1)
			continue
		}
		orgs := 0
		for a := c.FirstChild; a != nil; a = a.NextSibling {
			if a.Type == html.ElementNode && a.DataAtom == atom.A {
				if at := visibleText(a, 300); at != "" {
					r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidenceFrom, Value: at, Line: lineOf(a)})
					orgs++
				}
			}
		}
		if rest := strings.TrimSpace(t[m[1]:]); orgs == 0 && rest != "" && len(t) < 300 {
			r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidenceFrom, Value: rest, Line: lineOf(c)})
		}
		return
	}
}

// dateLineText is a line that only gives the release's date.
var dateLineText = lazyre.New(`(?i)^(?:date|dated|published|posted|issued|release date|date of release|cyhoeddwyd|dyddiad)(?:\s+(?:on|ar))?\s*:?\s*((?:\p{L}+,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\.?$`)

// dateLine takes a paragraph before the body that only says "Date: 17
// December 2024" as the published date, and drops it.
func (r *reader) dateLine(l source.Line) bool {
	text := strings.Join(strings.Fields(strings.NewReplacer("*", "", "\\", "").Replace(l.Text)), " ")
	m := dateLineText.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	if !r.published {
		r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidencePublished, Value: m[1], Line: l.Line})
		r.published = true
	}
	r.doc.Dropped = append(r.doc.Dropped, source.Drop{Line: l.Line, Text: shorten(text), Why: "published date"})
	return true
}
