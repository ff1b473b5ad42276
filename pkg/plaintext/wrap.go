package plaintext

import (
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/markup"
)

// word is a piece of text that is never broken; Break after it means a
// hard line break follows.
type word struct {
	text string
	brk  bool
}

// isSpace is where a line may break. A no-break space (U+00A0) is not one:
// the writer chose it to keep two words together.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// words splits text at spaces, gluing its first piece to the last word
// when the text does not start with a space ("The '" + "Never" …).
type builder struct {
	out  []word
	cur  strings.Builder
	open bool // cur holds a started word
}

func (b *builder) text(s string) {
	for _, r := range s {
		if isSpace(r) {
			b.flush()
			continue
		}
		b.cur.WriteRune(r)
		b.open = true
	}
}

// whole appends s to the current word without any break inside it.
func (b *builder) whole(s string) {
	b.cur.WriteString(s)
	b.open = true
}

func (b *builder) flush() {
	if b.open {
		b.out = append(b.out, word{text: b.cur.String()})
		b.cur.Reset()
		b.open = false
	}
}

func (b *builder) lineBreak() {
	b.flush()
	if n := len(b.out); n > 0 {
		b.out[n-1].brk = true
	}
}

func plainWords(s string) []word {
	var b builder
	b.text(s)
	b.flush()
	return b.out
}

// inlineWords turns runs into words. A link is its text followed by its
// address in brackets, the address one unbreakable word; a link whose
// text is its address shows it once; a placeholder shows only its text.
func inlineWords(runs []markup.Inline) []word {
	var b builder
	for i, r := range runs {
		b.text(r.Text)
		lastOfLink := r.Link != "" && (i+1 == len(runs) || runs[i+1].Link != r.Link)
		if lastOfLink {
			if shown := Address(r.Link); !sameAddress(linkText(runs, i), shown) {
				b.flush()
				b.whole("(" + shown + ")")
			}
		}
		if r.LineBreak {
			b.lineBreak()
		}
	}
	b.flush()
	return b.out
}

// linkText is the whole text of the link that ends at run i.
func linkText(runs []markup.Inline, i int) string {
	j := i
	for j > 0 && runs[j-1].Link == runs[i].Link {
		j--
	}
	var s strings.Builder
	for _, r := range runs[j : i+1] {
		s.WriteString(r.Text)
	}
	return s.String()
}

// Address is a link target as a reader would write it: an e-mail address
// or telephone number without its mailto: or tel: scheme, a web address
// as it is.
func Address(href string) string {
	lower := strings.ToLower(href)
	for _, scheme := range []string{"mailto:", "tel:"} {
		if strings.HasPrefix(lower, scheme) {
			return href[len(scheme):]
		}
	}
	return href
}

// sameAddress reports whether a link's text already says where it goes:
// "www.example.org" for https://www.example.org/, "a@b.org" for
// mailto:a@b.org.
func sameAddress(text, addr string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"https://", "http://"} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(text) == norm(addr)
}

// wrap sets words into lines of at most Width columns, the first line
// starting with first and the others with rest. A word too long for a
// line gets a line of its own, unbroken.
func wrap(words []word, first, rest string) []string {
	var lines []string
	var cur strings.Builder
	prefix := first
	cur.WriteString(prefix)
	width := utf8.RuneCountInString(prefix)
	empty := true
	for _, w := range words {
		n := utf8.RuneCountInString(w.text)
		if !empty && width+1+n > Width {
			lines = append(lines, cur.String())
			cur.Reset()
			cur.WriteString(rest)
			width = utf8.RuneCountInString(rest)
			empty = true
		}
		if !empty {
			cur.WriteByte(' ')
			width++
		}
		cur.WriteString(w.text)
		width += n
		empty = false
		if w.brk {
			lines = append(lines, cur.String())
			cur.Reset()
			cur.WriteString(rest)
			width = utf8.RuneCountInString(rest)
			empty = true
		}
	}
	if !empty || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
