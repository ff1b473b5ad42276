// Package htmldoc reads an archived web page — a GOV.UK news or
// press-release page, or any council, charity, police or NHS page from a
// content management system — into the common form of pkg/archive/source.
//
// It finds the page's main content (GOV.UK's own markup, a main or article
// element, or readability-style scoring of text and link density), keeps
// every visible word of it as blocks in reading order, with the line of
// the file each block starts on, and leaves out the page's furniture —
// menus, cookie banners, breadcrumbs, share links, sidebars, feedback
// forms and footers — listing each piece it left out as a source.Drop so
// that the import report can say so. What the page states outside its
// body (its <title>, language, published date, document type and issuing
// organisation) becomes source.Evidence.
//
// Read decides nothing about the statement: which block is the headline
// or a contact is the recogniser's job.
package htmldoc

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/lazyre"
	"github.com/pressroom/pressroom/pkg/archive/source"
)

// MinWords is how many words of body a page needs to hold a release.
const MinWords = 20

// lineAttr is the attribute Read adds to every start tag before parsing,
// holding the line of the file the tag starts on.
const lineAttr = "data-pressroom-line"

var (
	errNotHTML = errors.New("not a web page: it has no HTML tags")
	errBinary  = errors.New("not a web page: it holds binary data")
	// ErrNoRelease is a page whose main content is too short to be a
	// release; an e-mail's reader words it as the e-mail's.
	ErrNoRelease = errors.New("no release found on the page: its main content has fewer than 20 words")
)

// Read reads a web page into a source.Doc: Format "html", Unit
// source.Lines. The page's bytes are decoded from the character set it
// declares (or UTF-8, or Windows-1252 when it is not valid UTF-8).
//
// It returns an error when src is not HTML, or when the page holds no
// release (no main content of at least 20 words). It never panics, and
// its time and memory grow linearly with the page.
func Read(src []byte) (doc *source.Doc, err error) {
	// A safety net only: FuzzRead calls read, so that a panic fails it.
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("the page could not be read: %v", p)
		}
	}()
	return read(src)
}

func read(src []byte) (*source.Doc, error) {
	text := decode(src)
	if looksBinary(text) {
		return nil, errBinary
	}
	annotated, tags := annotate(text)
	if tags == 0 {
		return nil, errNotHTML
	}
	root, err := html.Parse(strings.NewReader(annotated))
	annotated = ""
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "html: ")
		if strings.Contains(msg, "open stack") {
			msg = "its elements are nested more than 512 deep"
		}
		return nil, fmt.Errorf("the page could not be read: %s", msg)
	}
	r := newReader()
	r.read(root)
	if r.bodyWords < MinWords {
		return nil, ErrNoRelease
	}
	return r.doc, nil
}

// looksBinary reports whether decoded text holds NUL bytes or many
// control characters: not a page anyone wrote.
func looksBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	head := s
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	controls := 0
	for i := 0; i < len(head); i++ {
		c := head[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	return controls > len(head)/100+2
}

// annotate rewrites every start tag with lineAttr set to the line the tag
// starts on, so that the parsed tree knows where each element was. It
// returns the rewritten page and the number of HTML elements' start tags.
func annotate(s string) (string, int) {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	out.Grow(len(s) + len(s)/8 + 64)
	line, tags := 1, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		n := bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			// The attribute goes right after the tag name, so that it is
			// the element's first: the parser keeps the first of two
			// attributes with one name, so a page cannot forge it.
			i := 1
			for i < len(raw) && !isTagEnd(raw[i]) {
				i++
			}
			if atom.Lookup(bytes.ToLower(raw[1:i])) != 0 {
				tags++ // an HTML element, not "<https://…>" in plain text
			}
			out.Write(raw[:i])
			out.WriteString(" " + lineAttr + "=\"")
			out.WriteString(strconv.Itoa(line))
			out.WriteByte('"')
			if i < len(raw) && raw[i] == '/' && i+1 < len(raw) && raw[i+1] != '>' {
				out.WriteByte(' ') // "<p/class=x>": keep the slash from joining our value
			}
			out.Write(raw[i:])
		default:
			out.Write(raw)
		}
		line += n
	}
	return out.String(), tags
}

func isTagEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>'
}

// lineOf returns the line an element starts on: its own, or for an
// element the parser made up (html, body, tbody), its first child's.
func lineOf(n *html.Node) int {
	for depth := 0; n != nil && depth < 600; depth++ {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == lineAttr {
					v, _ := strconv.Atoi(a.Val)
					return v
				}
			}
		}
		n = n.FirstChild
	}
	return 0
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// classParts splits an element's class and id into their words:
// "gem-c-title__context" gives gem, c, title, context.
func classParts(n *html.Node) []string {
	var parts []string
	for _, key := range [...]string{"class", "id"} {
		v := strings.ToLower(attr(n, key))
		if v == "" {
			continue
		}
		parts = append(parts, strings.FieldsFunc(v, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '-' || r == '_'
		})...)
	}
	return parts
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if strings.EqualFold(c, class) {
			return true
		}
	}
	return false
}

// visibleText returns the folded text a reader would see in n, stopping
// once it has max bytes or has looked at 50 nodes a byte (0: no limit).
func visibleText(n *html.Node, max int) string {
	var b strings.Builder
	space := true
	budget := max * 50
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if max > 0 {
			if budget--; budget < 0 {
				return false
			}
		}
		switch n.Type {
		case html.TextNode:
			for _, c := range n.Data {
				if isSpace(c) {
					if !space {
						b.WriteByte(' ')
						space = true
					}
					continue
				}
				if invisible(c) {
					continue
				}
				space = false
				b.WriteRune(c)
				if max > 0 && b.Len() >= max {
					return false
				}
			}
			return true
		case html.ElementNode:
			if silent(n) {
				return true
			}
			if isBlock(n) && !space {
				b.WriteByte(' ')
				space = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		if n.Type == html.ElementNode && isBlock(n) && !space {
			b.WriteByte(' ')
			space = true
		}
		return true
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

func isSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0'
}

// invisible reports characters a browser does not show: soft hyphens
// and zero-width spaces.
func invisible(c rune) bool { return c == '\u00ad' || c == '\u200b' || c == '\ufeff' }

// shorten gives a dropped piece's text for the report.
func shorten(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return strings.TrimSpace(s[:i]) + "…"
		}
		n++
	}
	return s
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// silent reports elements that show no text of their own, or that are
// hidden: they are left out without a word in the report.
func silent(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Canvas,
		atom.Iframe, atom.Object, atom.Embed, atom.Img, atom.Picture, atom.Video, atom.Audio,
		atom.Source, atom.Track, atom.Link, atom.Meta, atom.Head, atom.Title, atom.Base, atom.Input:
		return true
	}
	if n.Namespace != "" {
		return true
	}
	if hasAttr(n, "hidden") {
		return true
	}
	if st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", "")); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
		return true
	}
	classes := strings.Fields(strings.ToLower(attr(n, "class")))
	for _, c := range classes {
		if c == "focusable" || strings.Contains(c, "skip") {
			return false // shown when it has the keyboard's focus: a skip link
		}
	}
	for _, c := range classes {
		switch {
		case c == "hidden", c == "hide", c == "u-hidden", c == "element-invisible", c == "invisible",
			strings.Contains(c, "visually-hidden"), strings.Contains(c, "visuallyhidden"),
			strings.Contains(c, "sr-only"), strings.Contains(c, "screen-reader"):
			return true
		}
	}
	return false
}

// isBlock reports elements that start a new block of text.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside,
		atom.Nav, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li,
		atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Figure, atom.Figcaption, atom.Hr, atom.Br, atom.Address, atom.Form,
		atom.Fieldset, atom.Legend, atom.Details, atom.Summary, atom.Body, atom.Html, atom.Thead,
		atom.Tbody, atom.Tfoot, atom.Hgroup, atom.Dialog, atom.Menu, atom.Center, atom.Button, atom.Label:
		return true
	}
	return false
}

var skipText = lazyre.New(`(?i)^\s*(skip to|jump to|neidio i)`)

// furniture says why an element is page furniture, or "" when it is not.
func furniture(n *html.Node, inRegion bool) string {
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "menubar", "menu":
		if label := strings.ToLower(attr(n, "aria-label")); strings.Contains(label, "breadcrumb") {
			return "breadcrumbs"
		}
		return "navigation"
	case "banner":
		return "header"
	case "contentinfo":
		return "footer"
	case "complementary":
		return "sidebar"
	case "search":
		return "search form"
	case "dialog", "alertdialog":
		for _, p := range classParts(n) {
			if partWhy(p) == "cookie banner" {
				return "cookie banner"
			}
		}
		return "dialog"
	}
	if label := strings.ToLower(attr(n, "aria-label")); label != "" {
		switch {
		case strings.Contains(label, "cookie"):
			return "cookie banner"
		case strings.Contains(label, "breadcrumb"):
			return "breadcrumbs"
		case strings.Contains(label, "share"):
			return "share links"
		}
	}
	why := ""
	for _, p := range classParts(n) {
		if w := partWhy(p); w != "" {
			why = w
			break
		}
	}
	if why != "" {
		if why == "header" && inRegion {
			why = ""
		} else {
			return why
		}
	}
	switch n.DataAtom {
	case atom.Nav, atom.Menu:
		if label := strings.ToLower(attr(n, "aria-label")); strings.Contains(label, "breadcrumb") {
			return "breadcrumbs"
		}
		return "navigation"
	case atom.Footer:
		return "footer"
	case atom.Header:
		if !inRegion {
			return "header"
		}
	case atom.Aside:
		return "sidebar"
	case atom.Form:
		return "form"
	case atom.Button, atom.Select, atom.Textarea, atom.Label, atom.Fieldset:
		return "form"
	case atom.Dialog:
		return "dialog"
	case atom.A:
		if strings.HasPrefix(attr(n, "href"), "#") && skipText.MatchString(visibleText(n, 40)) {
			return "skip link"
		}
	}
	return ""
}

// partWhy maps one word of a class or id to the furniture it names.
func partWhy(p string) string {
	switch {
	case strings.Contains(p, "cookie") || p == "consent" || p == "gdpr" || p == "cookiebanner":
		return "cookie banner"
	case p == "skip" || strings.Contains(p, "skiplink") || p == "skipnav":
		return "skip link"
	case strings.Contains(p, "breadcrumb"):
		return "breadcrumbs"
	case p == "share" || p == "sharing" || p == "shares" || p == "social" || p == "sharethis" ||
		p == "addthis" || p == "addtoany" || (strings.HasPrefix(p, "share") && p != "shared"):
		return "share links"
	case p == "feedback" || p == "survey" || p == "useful" || p == "rating":
		return "feedback form"
	case p == "related" || p == "popular" || p == "latest" || p == "recommended" || p == "promo" || p == "promotions":
		return "related links"
	case strings.Contains(p, "sidebar") || p == "aside" || p == "widget" || p == "widgets":
		return "sidebar"
	case p == "search" || p == "searchform":
		return "search form"
	case strings.HasSuffix(p, "nav") || p == "navigation" || p == "navbar" || p == "menu" || p == "topnav" || p == "subnav" || p == "megamenu":
		return "navigation"
	case p == "footer" || p == "colophon":
		return "footer"
	case p == "header" || p == "masthead":
		return "header"
	case p == "banner" || p == "alert" || p == "phase":
		return "banner"
	case p == "pagination" || p == "pager":
		return "pagination"
	case p == "tags" || p == "taglist" || p == "categories" || p == "topics":
		return "tags"
	case p == "newsletter" || p == "subscribe" || p == "signup":
		return "sign-up"
	case p == "printlink" || p == "backtotop" || p == "toolbar":
		return "page tools"
	case p == "comments" || p == "comment" || p == "respond":
		return "comments"
	case p == "metadata" || p == "meta" || p == "byline" || p == "postmeta" || p == "published" || p == "dates" ||
		p == "date" || p == "posted" || p == "pubdate" || p == "updated" || p == "dateline":
		return "page metadata"
	}
	return ""
}
