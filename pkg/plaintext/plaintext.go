// Package plaintext writes a release as plain text in press-release form,
// wrapped for e-mail: kind label, release line, headline, date,
// paragraphs, lists, signatures, the end mark, the note to editors, About
// and contacts. Links show their text and then the address in brackets;
// nothing else is added.
package plaintext

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Width is the column lines are wrapped at: what e-mail programs show
// without wrapping again. A word longer than this stays whole on its own
// line, and an address is never broken.
const Width = 72

// Write writes r to w as plain text with "\n" line ends.
func Write(w io.Writer, r *release.Release) error {
	bw := bufio.NewWriter(w)
	t := &writer{w: bw}
	t.release(r)
	return bw.Flush()
}

// Separator is the line between the halves of a bilingual text.
const Separator = "* * *"

// WriteAll writes the releases of a bilingual release (in reading order:
// pipeline.Job.Halves) as one text: each whole release, one after the
// other, with Separator on a line of its own between them. One release
// gives what Write gives.
func WriteAll(w io.Writer, rels []*release.Release) error {
	bw := bufio.NewWriter(w)
	t := &writer{w: bw}
	for i, r := range rels {
		if i > 0 {
			t.para()
			t.line(Separator)
			t.para()
		}
		t.release(r)
	}
	return bw.Flush()
}

// String returns r as plain text; see Write.
func String(r *release.Release) string {
	var b strings.Builder
	_ = Write(&b, r) // a strings.Builder cannot fail
	return b.String()
}

// writer collects the text. Blocks are separated by one blank line; gap
// records that one is owed before the next block.
type writer struct {
	w   *bufio.Writer
	gap bool
	any bool
	// rtl: the release being written runs right to left (Arabic, Urdu).
	rtl bool
}

func (t *writer) line(s string) {
	if t.gap && t.any {
		t.w.WriteByte('\n')
	}
	t.gap = false
	t.any = true
	// A soft hyphen (U+00AD, pasted from Word) is a place a typesetter
	// may break; an e-mail body is wrapped here, so it is dropped.
	s = strings.ReplaceAll(strings.TrimRight(s, " "), "\u00ad", "")
	if t.rtl && startsLeftToRight(s) {
		// Mail programs take each line's direction from its first
		// letter (dir=auto, as HTML's first-strong rule): a line of an
		// Urdu release that opens with "NHS" would be set left to
		// right. The mark, invisible, makes its first letter
		// right-to-left.
		t.w.WriteString(rlm)
	}
	t.w.WriteString(s)
	t.w.WriteByte('\n')
}

// rlm is U+200F RIGHT-TO-LEFT MARK.
const rlm = "\u200f"

// startsLeftToRight reports whether the first strong character of s is
// left to right, as the Unicode Bidirectional Algorithm finds a
// paragraph's direction (rules P2, P3: text inside an isolate is skipped).
func startsLeftToRight(s string) bool {
	depth := 0
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch c := p.Class(); {
		case c == bidi.LRI || c == bidi.RLI || c == bidi.FSI:
			depth++
		case c == bidi.PDI:
			depth = max(0, depth-1)
		case depth > 0:
		case c == bidi.L:
			return true
		case c == bidi.R || c == bidi.AL:
			return false
		}
	}
	return false
}

// para ends the current block: the next line comes after a blank line.
func (t *writer) para() { t.gap = true }

// plain writes s wrapped, as its own lines.
func (t *writer) plain(s string) {
	if s == "" {
		return
	}
	for _, l := range wrap(plainWords(s), "", "") {
		t.line(l)
	}
}

func (t *writer) release(r *release.Release) {
	t.rtl = r.WordTable().RightToLeft()
	t.plain(r.Kind)
	t.plain(r.ReleaseLine)
	t.para()
	t.plain(r.Headline)
	t.plain(r.Subheadline)
	t.para()
	if r.Date != "" {
		t.plain(r.DatePrefix + r.Date)
	}
	t.plain(r.ReferenceLine)
	t.para()

	t.doc(r.Summary, r.Dateline, r.DatelineLead())
	if d := r.Developments; d != nil {
		t.developments(d)
	}
	for _, s := range r.Signatures {
		t.plain(s.NamesText())
		t.plain(s.Role)
		t.plain(s.Organisation)
		t.para()
	}
	t.line(r.EndMark)
	t.para()

	for _, s := range []*release.Section{r.Notes, r.About} {
		if s == nil {
			continue
		}
		t.plain(s.Heading)
		t.para()
		t.doc(s.Body, "", "")
	}
	for _, c := range r.Contacts {
		Contact(c, t.plain)
		t.para()
	}
	p := r.Publisher
	if p.Notice != "" || p.Registration != "" || len(p.Address) > 0 || len(p.Lines) > 0 {
		t.line("--")
		t.plain(p.Notice)
		t.para()
		if len(p.Address) > 0 || len(p.Lines) > 0 || p.Registration != "" {
			t.plain(p.Name)
		}
		for _, a := range p.Address {
			t.plain(a)
		}
		for _, l := range p.Lines {
			t.plain(l.Lead + l.Text)
		}
		t.plain(p.Registration)
	}
}

// Contact writes one contact as lines through put: purpose, name, role,
// organisation, then "Label: value" for each way to reach them.
func Contact(c release.Contact, put func(string)) {
	put(c.Purpose)
	put(c.Name)
	put(c.Role)
	put(c.Organisation)
	for _, l := range c.Lines {
		put(l.Lead + l.Text)
	}
}

func (t *writer) developments(d *statement.Developments) {
	t.plain(d.Intro)
	t.para()
	for _, item := range d.Items {
		for _, l := range wrap(inlineWords(item), "- ", "  ") {
			t.line(l)
		}
	}
	t.para()
}

// doc writes the blocks of a text. A dateline, when given, opens the first
// paragraph with its lead ("Birmingham – Today …"), or stands alone before
// a list.
func (t *writer) doc(d markup.Doc, dateline, lead string) {
	for i, b := range d.Blocks {
		if i == 0 && dateline != "" {
			if b.Kind == markup.Paragraph {
				words := append(plainWords(lead), inlineWords(b.Inlines)...)
				t.lines(wrap(words, "", ""))
				t.para()
				continue
			}
			t.plain(dateline)
			t.para()
		}
		t.block(b, "")
		t.para()
	}
	if len(d.Blocks) == 0 && dateline != "" {
		t.plain(dateline)
		t.para()
	}
}

func (t *writer) lines(ls []string) {
	for _, l := range ls {
		t.line(l)
	}
}

// block writes a paragraph or a list, every line starting with indent.
func (t *writer) block(b markup.Block, indent string) {
	switch b.Kind {
	case markup.Paragraph:
		t.lines(wrap(inlineWords(b.Inlines), indent, indent))
	case markup.BulletList, markup.OrderedList:
		labels := make([]string, len(b.Items))
		widest := 0
		for i := range b.Items {
			if b.Kind == markup.BulletList {
				labels[i] = "- "
			} else {
				labels[i] = strconv.Itoa(b.Start+i) + ". "
			}
			widest = max(widest, utf8.RuneCountInString(labels[i]))
		}
		hang := indent + strings.Repeat(" ", widest)
		for i, item := range b.Items {
			first := indent + labels[i] + strings.Repeat(" ", widest-utf8.RuneCountInString(labels[i]))
			for j, ib := range item.Blocks {
				if j == 0 && ib.Kind == markup.Paragraph {
					t.lines(wrap(inlineWords(ib.Inlines), first, hang))
					continue
				}
				if j == 0 {
					// An item that opens with a list: the label stands alone.
					t.line(first)
				}
				t.block(ib, hang)
			}
		}
	}
}
