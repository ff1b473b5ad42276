package htmldoc

import (
	"encoding/json"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/lazyre"
	"github.com/pressroom/pressroom/pkg/archive/source"
)

// tmpl is what the block being built will be.
type tmpl struct {
	kind    source.Kind
	level   int
	ordered bool
	role    source.Role
}

// reader holds one page's reading; it is used once.
type reader struct {
	doc         *source.Doc
	early, late []source.Evidence // head evidence, before and after the body's

	base   *url.URL
	title  *html.Node            // the page's main h1
	region *html.Node            // the main content
	keep   map[*html.Node]bool   // never furniture: the region, the title and their ancestors
	dropAs map[*html.Node]string // pieces found before the walk (a date line)

	bodyWords   int
	bodyStarted bool // a paragraph of running text has been read
	titleDone   bool // the title has been read
	published   bool // the body gave a published date

	// The block being built.
	b         source.Builder
	lines     []source.Line
	open      tmpl
	lineStart int
	cur       int  // line of the element being read
	fresh     bool // nothing has been read since the element (or <br>) on line cur
	merge     int  // > 0: block elements start lines, not blocks (a contact card, a list item, a lede)
	quote     int
	pre       int
	listDepth int
	item      int
	plain     int // > 0: in a title, label or standfirst, which are plain text
	style     source.Style
	link      string
	linked    bool
	endsSpace bool // the line so far ends in white space (or is empty)
}

func newReader() *reader {
	return &reader{
		doc:       &source.Doc{Format: "html", Unit: source.Lines},
		endsSpace: true,
		keep:      map[*html.Node]bool{},
		dropAs:    map[*html.Node]string{},
	}
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}

func (r *reader) read(root *html.Node) {
	htmlEl := findElement(root, atom.Html)
	if htmlEl == nil {
		return
	}
	st := r.survey(root)
	r.title = st.chooseTitle()
	// The language the release declares is the title's own where an
	// element around it says one (an English site's page with the
	// release in Urdu: <article lang="ur">), or else the page's.
	langEl := htmlEl
	for n := r.title; n != nil && n != htmlEl; n = n.Parent {
		if n.Type == html.ElementNode && strings.TrimSpace(attr(n, "lang")) != "" {
			langEl = n
			break
		}
	}
	if lang := strings.TrimSpace(attr(langEl, "lang")); lang != "" {
		// First, as the <html> element comes before the head's title.
		r.early = append([]source.Evidence{{Key: source.EvidenceLanguage, Value: lang, Line: lineOf(langEl)}}, r.early...)
	}
	body := findElement(htmlEl, atom.Body)
	if body == nil {
		return
	}
	r.region = st.chooseRegion(r.title, body)
	for _, n := range []*html.Node{r.region, r.title} {
		for ; n != nil; n = n.Parent {
			r.keep[n] = true
		}
	}
	r.findDate(st)
	r.open = r.defaultTmpl()
	if r.region == body {
		r.content(body)
	} else {
		r.outside(body)
	}
	r.end()
	r.doc.Evidence = append(append(r.early, r.doc.Evidence...), r.late...)
}

// survey is what one pass over the whole page finds.
type survey struct {
	h1s      []h1
	mains    []counted
	articles []counted
	scores   map[*html.Node]float64
	paras    []*html.Node // p elements in document order, outside furniture
	paraW    map[*html.Node]int
	times    []*html.Node // time elements outside furniture
	order    map[*html.Node]int
}

type h1 struct {
	n            *html.Node
	inMain       bool
	strictFurn   bool // under a header, nav, footer, ...
	looseFurn    bool // under furniture even inside the content
	afterRegions bool
}

type counted struct {
	n     *html.Node
	words int
}

type stats struct{ words, commas, linkWords int }

// survey walks the page once: headings, candidate regions with their
// word counts, readability scores of paragraph parents, time elements,
// and the head's evidence.
func (r *reader) survey(root *html.Node) *survey {
	s := &survey{scores: map[*html.Node]float64{}, paraW: map[*html.Node]int{}, order: map[*html.Node]int{}}
	seq := 0
	var walk func(n *html.Node, inMain, strict, loose, inLink, inMeta bool) stats
	walk = func(n *html.Node, inMain, strict, loose, inLink, inMeta bool) stats {
		var st stats
		switch n.Type {
		case html.TextNode:
			for _, f := range strings.FieldsFunc(n.Data, isSpace) {
				st.words++
				st.commas += strings.Count(f, ",")
			}
			if inLink {
				st.linkWords = st.words
			}
			return st
		case html.ElementNode:
			r.head(n)
			if n.DataAtom == atom.Head {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, false, true, true, false, false)
				}
				return st
			}
			if silent(n) {
				return st
			}
			if furniture(n, false) != "" {
				strict = true
			}
			if why := furniture(n, true); why != "" {
				if !loose {
					inMeta = why == "page metadata"
				}
				loose = true
			}
			switch {
			case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
				inMain = true
			case n.DataAtom == atom.Article:
				inMain = true
			case n.DataAtom == atom.A && hasAttr(n, "href"):
				inLink = true
			case n.DataAtom == atom.H1:
				s.h1s = append(s.h1s, h1{n: n, inMain: inMain, strictFurn: strict, looseFurn: loose})
			case n.DataAtom == atom.Time && (!loose || inMeta):
				s.times = append(s.times, n)
			}
			seq++
			s.order[n] = seq
		case html.DocumentNode:
		default:
			return st
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := walk(c, inMain, strict, loose, inLink, inMeta)
			if c.Type == html.ElementNode && furniture(c, true) != "" {
				continue
			}
			st.words += cs.words
			st.commas += cs.commas
			st.linkWords += cs.linkWords
		}
		if n.Type != html.ElementNode || loose {
			return st
		}
		switch {
		case n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main"):
			s.mains = append(s.mains, counted{n, st.words})
		case n.DataAtom == atom.Article:
			s.articles = append(s.articles, counted{n, st.words})
		case n.DataAtom == atom.P || n.DataAtom == atom.Pre || n.DataAtom == atom.Td ||
			n.DataAtom == atom.Div && !hasBlockChild(n): // a div written as a paragraph
			if n.DataAtom == atom.P {
				s.paras = append(s.paras, n)
				s.paraW[n] = st.words
			}
			if st.words >= 5 {
				score := 1 + float64(st.commas)
				score += min(float64(st.words)/15, 3)
				if p := n.Parent; p != nil {
					s.scores[p] += score
					if g := p.Parent; g != nil {
						s.scores[g] += score / 2
					}
				}
			}
		}
		return st
	}
	walk(root, false, false, false, false, false)
	return s
}

func (s *survey) chooseTitle() *html.Node {
	for _, pass := range []func(h h1) bool{
		func(h h1) bool { return h.inMain && !h.looseFurn },
		func(h h1) bool { return !h.strictFurn },
		func(h h1) bool { return !h.looseFurn },
	} {
		for _, h := range s.h1s {
			if pass(h) {
				return h.n
			}
		}
	}
	return nil
}

func contains(outer, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

var isoDateTime = lazyre.New(`^\d{4}-\d{2}-\d{2}[T ]\d`)

// isoDate gives an ISO 8601 date-time's date as the page wrote it
// (without the time, which would move it to another day in UTC).
func isoDate(v string) string {
	v = strings.TrimSpace(v)
	if isoDateTime.MatchString(v) {
		return v[:10]
	}
	return v
}

var (
	goodClass = lazyre.New(`(?i)article|body|content|entry|main|page|post|text|blog|story|news|release|govspeak`)
	badClass  = lazyre.New(`(?i)comment|footer|sidebar|share|social|nav|menu|related|cookie|banner|widget|promo|breadcrumb|masthead|header`)
)

// chooseRegion finds the page's main content: the largest main element,
// else the article holding the title (or the largest), else the element
// readability-style scoring likes best, else the whole body.
func (s *survey) chooseRegion(title, body *html.Node) *html.Node {
	best := func(cs []counted, prefer *html.Node) *html.Node {
		var pick *html.Node
		most := 0
		for _, c := range cs {
			if c.words < MinWords {
				continue
			}
			if prefer != nil && contains(c.n, prefer) {
				return c.n
			}
			if c.words > most {
				pick, most = c.n, c.words
			}
		}
		return pick
	}
	if n := best(s.mains, nil); n != nil {
		return n
	}
	if n := best(s.articles, title); n != nil {
		return n
	}
	var pick *html.Node
	top := 0.0
	for n, sc := range s.scores {
		if n.Type != html.ElementNode || n == body || n.DataAtom == atom.Html {
			continue
		}
		c := attr(n, "class") + " " + attr(n, "id")
		if goodClass.MatchString(c) {
			sc += 25
		}
		if badClass.MatchString(c) {
			sc -= 25
		}
		if sc > top || (sc == top && pick != nil && s.order[n] < s.order[pick]) {
			pick, top = n, sc
		}
	}
	if pick != nil && top > 0 {
		return pick
	}
	return body
}

// findDate takes the first <time> near the title (in the main content
// before its running text, or beside the title) as the published date,
// and leaves out the short line that holds it.
func (r *reader) findDate(s *survey) {
	firstBody := 0
	for _, p := range s.paras {
		if s.paraW[p] >= 10 && contains(r.region, p) {
			firstBody = s.order[p]
			break
		}
	}
	var near []*html.Node
	if r.title != nil && r.title.Parent != nil {
		near = append(near, r.title.Parent)
		if g := r.title.Parent.Parent; g != nil && g != r.region && !contains(g, r.region) {
			near = append(near, g)
		}
	}
	for _, t := range s.times {
		ok := contains(r.region, t) && (firstBody == 0 || s.order[t] < firstBody)
		for _, n := range near {
			ok = ok || contains(n, t)
		}
		if !ok {
			continue
		}
		c := t
		for c.Parent != nil && !r.keep[c.Parent] && c.Parent.DataAtom != atom.Body {
			if txt := visibleText(c.Parent, 200); len(txt) >= 200 || wordCount(txt) > 15 {
				break
			}
			c = c.Parent
		}
		r.dropAs[c] = "published date"
		value := isoDate(attr(t, "datetime"))
		if value == "" {
			value = visibleText(t, 200)
		}
		if value != "" {
			r.doc.Evidence = append(r.doc.Evidence, source.Evidence{Key: source.EvidencePublished, Value: value, Line: lineOf(t)})
			r.published = true
		}
		return
	}
}

// head takes what an element of the page's head says: its title, meta
// tags, base address, canonical address and JSON-LD.
func (r *reader) head(n *html.Node) {
	switch n.DataAtom {
	case atom.Title:
		if n.Namespace == "" && !r.hasEarly(source.EvidenceTitle) {
			if t := strings.Join(strings.FieldsFunc(textOf(n), isSpace), " "); t != "" {
				r.early = append(r.early, source.Evidence{Key: source.EvidenceTitle, Value: t, Line: lineOf(n)})
			}
		}
	case atom.Meta:
		key := strings.ToLower(attr(n, "property") + attr(n, "name"))
		val := strings.Join(strings.FieldsFunc(attr(n, "content"), isSpace), " ")
		if val == "" {
			return
		}
		switch key {
		case "og:title":
			r.early = append(r.early, source.Evidence{Key: source.EvidenceTitle, Value: val, Line: lineOf(n)})
		case "govuk:format":
			kind := strings.ReplaceAll(val, "_", " ")
			first, size := utf8.DecodeRuneInString(kind)
			kind = string(unicode.ToUpper(first)) + kind[size:]
			r.late = append(r.late, source.Evidence{Key: source.EvidenceKind, Value: kind, Line: lineOf(n)})
		case "article:published_time", "dcterms.issued", "dc.date.issued", "datepublished":
			r.late = append(r.late, source.Evidence{Key: source.EvidencePublished, Value: isoDate(val), Line: lineOf(n)})
		case "og:url":
			r.setBase(val, false)
		}
	case atom.Base:
		r.setBase(attr(n, "href"), true)
	case atom.Link:
		for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
			if rel == "canonical" {
				r.setBase(attr(n, "href"), false)
			}
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			data := textOf(n)
			if len(data) > 1<<20 {
				return
			}
			var v any
			if json.Unmarshal([]byte(data), &v) == nil {
				if d := findKey(v, "datePublished", 0); d != "" {
					r.late = append(r.late, source.Evidence{Key: source.EvidencePublished, Value: isoDate(d), Line: lineOf(n)})
				}
			}
		}
	}
}

func (r *reader) hasEarly(key string) bool {
	for _, e := range r.early {
		if e.Key == key {
			return true
		}
	}
	return false
}

// setBase sets the address relative links resolve against; <base> wins
// over a canonical address. Only an absolute http(s) address is a base.
func (r *reader) setBase(href string, isBase bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return
	}
	if r.base == nil || isBase {
		r.base = u
	}
}

func (r *reader) resolve(href string) string {
	href = strings.TrimSpace(href)
	if r.base == nil || href == "" || href == "#" {
		return href
	}
	u, err := url.Parse(href)
	if err != nil || u.IsAbs() {
		return href
	}
	return r.base.ResolveReference(u).String()
}

// findKey finds a string value under key in decoded JSON.
func findKey(v any, key string, depth int) string {
	if depth > 20 {
		return ""
	}
	switch v := v.(type) {
	case map[string]any:
		if s, ok := v[key].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if s := findKey(v[k], key, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range v {
			if s := findKey(e, key, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

// textOf returns the raw text inside an element (a script, a title).
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.Br && isBlock(c) {
			return true
		}
	}
	return false
}
