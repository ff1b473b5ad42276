// Package lint finds what makes a statement's PDF harder to use with a
// screen reader and that tagging cannot repair: vague or bare-address link
// text, text in capitals, a logo without alternative text. It reads the
// statement and its layout, never a PDF, and is kept apart from pkg/pdfua
// so that the PDF finishing pass does not depend on statements.
package lint

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Accessibility returns warnings about what makes a statement's PDF harder to use
// with a screen reader, which tagging cannot repair: a link whose text is
// a bare web address or says only "click here" (a listener hears the
// address spelled out, or nothing of where the link goes), text written
// in capitals (read letter by letter by some screen readers, and harder to
// read for everyone), and a logo with no alternative text that stands for
// the organisation's name. l may be nil when no layout is known.
func Accessibility(s *statement.Statement, l *layout.Layout) diag.List {
	var out diag.List
	if s == nil {
		return out
	}
	capitals := func(key, text string, off int) {
		if isShouting(text) {
			out.Warnf(s.Locate(key, off), "write it in sentence case; the layout sets capitals where its style wants them",
				"%s: text in capitals is harder to read, and some screen readers spell it out letter by letter", statement.DisplayKey(key))
		}
	}
	capitals("headline", s.Headline, 0)
	capitals("subheadline", s.Subheadline, 0)
	lintDoc(&out, s, "summary", s.Summary.Blocks)
	if d := s.Developments; d != nil {
		capitals("developments.intro", d.Intro, 0)
		for i, item := range d.Items {
			key := fmt.Sprintf("developments.items[%d]", i)
			lintInlines(&out, s, key, item)
		}
	}
	if s.Notes != nil {
		lintDoc(&out, s, "notes.body", s.Notes.Body.Blocks)
	}
	if s.About != nil {
		lintDoc(&out, s, "about.body", s.About.Body.Blocks)
	}
	if l != nil && l.Logo != nil && strings.TrimSpace(l.Logo.Alt) == "" && !l.Logo.Wordmark {
		name := l.Organisation.Name
		if name == "" {
			name = "the organisation"
		}
		out.Warnf(diag.Pos{File: l.Name}, fmt.Sprintf(`in [logo], write alt = "%s logo", or wordmark = true to set the name beside it`, name),
			"the logo has no alternative text: it is marked as decoration, so screen readers do not say whose release this is")
	}
	out.Sort()
	return out
}

func lintDoc(out *diag.List, s *statement.Statement, key string, blocks []markup.Block) {
	for _, b := range blocks {
		switch b.Kind {
		case markup.Paragraph:
			lintInlines(out, s, key, b.Inlines)
		default:
			for _, item := range b.Items {
				lintDoc(out, s, key, item.Blocks)
			}
		}
	}
}

// lintInlines checks one paragraph: its capitals and its links.
func lintInlines(out *diag.List, s *statement.Statement, key string, runs []markup.Inline) {
	if len(runs) == 0 {
		return
	}
	var all strings.Builder
	for _, r := range runs {
		all.WriteString(r.Text)
	}
	if isShouting(all.String()) {
		out.Warnf(s.Locate(key, runs[0].Offset), "write it in sentence case; use **strong** for the words that matter",
			"%s: a paragraph in capitals is harder to read, and some screen readers spell it out letter by letter", statement.DisplayKey(key))
	}
	// A link may be several runs (part of it in bold): judge its whole text.
	for i := 0; i < len(runs); {
		target := runs[i].Link
		if target == "" {
			i++
			continue
		}
		start := i
		var text strings.Builder
		for i < len(runs) && runs[i].Link == target {
			text.WriteString(runs[i].Text)
			i++
		}
		pos := s.Locate(key, runs[start].Offset)
		t := strings.TrimSpace(text.String())
		switch {
		case isAddress(t, target):
			out.Warnf(pos, fmt.Sprintf("write [words that say what the page is](%s) instead of the bare address", target),
				"%s: the link's text is a long web address; a screen reader reads it out character by character", statement.DisplayKey(key))
		case isVague(t):
			out.Warnf(pos, fmt.Sprintf("write [words that say what the page is](%s) instead of %q", target, t),
				"%s: the link's text %q does not say where it goes; screen reader users often hear links out of their sentence", statement.DisplayKey(key), t)
		}
	}
}

// isShouting reports whether text is written in capitals: at least three
// words of two letters or more and no lower-case letter. Acronyms alone
// ("NSPCC") are fine.
func isShouting(text string) bool {
	words := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		// Only words with capitals count: Urdu, Bengali or Chinese has
		// no case, and "NHS" in a paragraph of it is not shouting.
		if len([]rune(w)) >= 2 && strings.ContainsFunc(w, unicode.IsUpper) {
			words++
		}
	}
	if words < 3 {
		return false
	}
	upper := false
	for _, r := range text {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// isAddress reports whether a web link's text is a web address that is
// long enough to be a burden read aloud: one with a path of two or more
// parts, a query or a fragment, or over 40 characters. A short,
// memorable address ("lscpbirmingham.org.uk", "example.gov.uk/leisure")
// is fine: it is easy to hear, and it is what a printed release needs.
// E-mail addresses and phone numbers are the right text for their links.
func isAddress(text, target string) bool {
	if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		return false
	}
	lower := strings.ToLower(strings.TrimSpace(text))
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "www.") {
		bare := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(target), "https://"), "http://")
		if strings.TrimSuffix(lower, "/") != strings.TrimSuffix(bare, "/") {
			return false
		}
	}
	addr := strings.TrimPrefix(strings.TrimPrefix(lower, "https://"), "http://")
	addr = strings.TrimSuffix(strings.TrimPrefix(addr, "www."), "/")
	_, path, _ := strings.Cut(addr, "/")
	return len(addr) > 40 || strings.ContainsAny(addr, "?#") || strings.Contains(path, "/")
}

// isVague reports link text that says nothing about where the link goes.
func isVague(text string) bool {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	switch strings.Join(strings.Fields(t), " ") {
	case "click here", "click", "here", "click this", "this", "this link", "link", "read more", "more",
		"learn more", "more info", "more information", "find out more", "go", "see here", "this page", "website":
		return true
	}
	return false
}
