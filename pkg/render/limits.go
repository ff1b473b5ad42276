package render

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Limits on the work one document may cost. A render's time and memory
// grow with these, not with the file's size: every link is an annotation,
// a structure element and an object reference (about 7.5 KB and 55 µs
// each in a profile of 80,000 bare e-mail addresses, which took 4.5 s and
// 625 MB), and every paragraph adds to the pages (320,000 empty-looking
// paragraphs made 12,000 pages, 6.8 s and 945 MB). Within these limits
// any statement renders in well under 10 s and 512 MB. Check refuses a
// statement over them before anything is typeset, so check and render
// agree.
const (
	// MaxLinks is the most links a statement may have (markup links,
	// bare addresses and the contacts' addresses).
	MaxLinks = 2000
	// MaxChars is the most characters of text a statement may set:
	// about 60 pages, ten times the longest real release.
	MaxChars = 200_000
	// MaxBlocks is the most paragraphs and list items a statement may
	// have.
	MaxBlocks = 5000
	// MaxPages is the most pages a release may run to.
	MaxPages = 200
)

const limitHint = "a press release is a few pages: shorten it, and link to a longer document for the rest"

// bounds reports each limit the statement goes over, at the text that
// takes it over.
func bounds(s *statement.Statement) diag.List {
	var list diag.List
	// Characters, in the drawn texts in file order.
	chars, charsReported := 0, false
	for _, f := range s.Texts() {
		if !drawn(f.Key) || charsReported {
			continue
		}
		n := utf8.RuneCountInString(f.Value)
		if chars+n > MaxChars {
			list.Errorf(s.Locate(f.Key, 0), limitHint, "%s; a statement may have at most %s characters of text",
				overBy(f.Key, n, chars+n, "characters", MaxChars), thousands(MaxChars))
			charsReported = true
		}
		chars += n
	}
	// Links and blocks, in each marked-up text.
	var texts []counted
	add := func(key string, doc markup.Doc) {
		c := counted{key: key}
		c.count(doc.Blocks)
		texts = append(texts, c)
	}
	add("summary", s.Summary)
	if d := s.Developments; d != nil {
		for i, item := range d.Items {
			c := counted{key: fmt.Sprintf("developments.items[%d]", i)}
			c.inlines(item)
			c.blocks = 1
			texts = append(texts, c)
		}
	}
	if s.Notes != nil {
		add("notes.body", s.Notes.Body)
	}
	if s.About != nil {
		add("about.body", s.About.Body)
	}
	for i, ct := range s.Contacts {
		n := 0
		for _, v := range []string{ct.Email, ct.Phone, ct.Mobile, ct.Office, ct.Website} {
			if v != "" {
				n++
			}
		}
		texts = append(texts, counted{key: fmt.Sprintf("contacts[%d]", i), links: n})
	}
	links, blocks := 0, 0
	linksReported, blocksReported := false, false
	for _, c := range texts {
		if !linksReported && links+c.links > MaxLinks {
			off := 0
			if k := MaxLinks - links; k < len(c.linkOffsets) {
				off = c.linkOffsets[k]
			}
			list.Errorf(s.Locate(c.key, off), "link only what a journalist needs (every web or e-mail address becomes a link); put a long list of addresses in a linked document",
				"%s; a statement may have at most %s", overBy(c.key, c.links, links+c.links, "links", MaxLinks), thousands(MaxLinks))
			linksReported = true
		}
		links += c.links
		if !blocksReported && blocks+c.blocks > MaxBlocks {
			list.Errorf(s.Locate(c.key, 0), limitHint, "%s; a statement may have at most %s",
				overBy(c.key, c.blocks, blocks+c.blocks, "paragraphs and list items", MaxBlocks), thousands(MaxBlocks))
			blocksReported = true
		}
		blocks += c.blocks
	}
	return list
}

// overBy says how much a text has, or, when other texts count too, how
// much the statement has with it: "summary has 80,000 links", "with
// contacts[3], the statement has 2,004 links".
func overBy(key string, own, total int, what string, most int) string {
	if own > most {
		return fmt.Sprintf("%s has %s %s", key, thousands(own), what)
	}
	return fmt.Sprintf("with %s, the statement has %s %s", key, thousands(total), what)
}

// counted is what one marked-up text costs: its links (and where each
// starts) and its paragraphs and list items.
type counted struct {
	key         string
	links       int
	linkOffsets []int // the first MaxLinks+1 links' offsets
	blocks      int
}

func (c *counted) count(blocks []markup.Block) {
	for _, b := range blocks {
		switch b.Kind {
		case markup.Paragraph:
			c.blocks++
			c.inlines(b.Inlines)
		default:
			for _, it := range b.Items {
				c.blocks++
				c.count(it.Blocks)
			}
		}
	}
}

// inlines counts the links of a paragraph: a link may be split into runs
// of different styles, which count once.
func (c *counted) inlines(runs []markup.Inline) {
	prev := ""
	for _, r := range runs {
		if r.Link != "" && r.Link != prev {
			c.links++
			if len(c.linkOffsets) <= MaxLinks {
				c.linkOffsets = append(c.linkOffsets, r.Offset)
			}
		}
		prev = r.Link
	}
}

// thousands writes n with commas between thousands: 80,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// longestText is where the longest text drawn on the page starts, and its
// key: what to shorten first when a release runs to too many pages.
func longestText(rels []*release.Release) (diag.Pos, string) {
	pos, key, most := diag.Pos{File: rels[0].Statement.File}, "the statement", -1
	for _, r := range rels {
		for _, f := range r.Statement.Texts() {
			if n := utf8.RuneCountInString(f.Value); drawn(f.Key) && n > most {
				pos, key, most = r.Statement.Locate(f.Key, 0), f.Key, n
			}
		}
	}
	return pos, key
}
