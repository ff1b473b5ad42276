package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Style is a run's inline style, as in the statement's markup.
type Style uint8

const (
	// Emphasis is set in italics (*text*).
	Emphasis Style = 1 << iota
	// Strong is set in bold (**text**).
	Strong
)

// Builder writes a line of the statement's markup from runs of text, so
// that every reader escapes and styles text by the same rules. The zero
// value is ready to use. Text added in the style and link of the text
// before it joins that run, at a cost in proportion to its length however
// many pieces it comes in, so a reader adds text as it finds it.
//
// The statement's markup is CommonMark: a style whose delimiters would not
// be read back as a style (CommonMark's flanking rules, e.g. bold that
// starts inside a word before a quotation mark) is left out rather than
// written as stray asterisks, so the words always read back exactly.
type Builder struct {
	runs []run
	// tail is text of the last run not yet in its text: a run grows
	// here, not by string concatenation, which costs the square of its
	// pieces.
	tail strings.Builder
}

type run struct {
	text   string
	style  Style
	link   string
	linked bool
}

// Text adds plain or styled text.
func (b *Builder) Text(text string, style Style) { b.add(run{text: text, style: style}) }

// Link adds linked text. An empty target or "#" is kept as a placeholder
// link, as archived releases have them and the statement format keeps
// them (check warns).
func (b *Builder) Link(text, target string, style Style) {
	b.add(run{text: text, style: style, link: target, linked: true})
}

func (b *Builder) add(r run) {
	if r.text == "" {
		return
	}
	if n := len(b.runs); n > 0 && b.runs[n-1].style == r.style && b.runs[n-1].link == r.link && b.runs[n-1].linked == r.linked {
		b.tail.WriteString(r.text)
		return
	}
	b.settle()
	b.runs = append(b.runs, r)
}

// settle moves the tail into the last run's text.
func (b *Builder) settle() {
	if b.tail.Len() > 0 {
		b.runs[len(b.runs)-1].text += b.tail.String()
		b.tail.Reset()
	}
}

// Len reports whether anything but white space has been added.
func (b *Builder) Len() int {
	b.settle()
	n := 0
	for _, r := range b.runs {
		n += len(strings.TrimSpace(r.text))
	}
	return n
}

// Reset empties the builder.
func (b *Builder) Reset() {
	b.runs = b.runs[:0]
	b.tail.Reset()
}

// String returns the line in markup, with white space runs folded to one
// space and the ends trimmed.
func (b *Builder) String() string {
	b.settle()
	runs := foldSpace(b.runs)
	var out strings.Builder
	for i, r := range runs {
		lead, body, trail := splitSpace(r.text)
		out.WriteString(lead)
		if body == "" {
			out.WriteString(trail)
			continue
		}
		var before, after rune = ' ', ' '
		if out.Len() > 0 {
			before, _ = utf8.DecodeLastRuneInString(out.String())
		}
		if trail != "" {
			after = ' '
		} else if i+1 < len(runs) && runs[i+1].text != "" {
			after, _ = utf8.DecodeRuneInString(runs[i+1].text)
		}
		delim := ""
		if r.style&Strong != 0 {
			delim = "**"
		}
		if r.style&Emphasis != 0 {
			delim += "*"
		}
		text := Escape(body)
		if r.linked {
			text = "[" + text + "](" + linkTarget(r.link) + ")"
		}
		if delim != "" && flanks(before, text, after) {
			text = delim + text + delim
		}
		out.WriteString(text)
		out.WriteString(trail)
	}
	return strings.TrimSpace(out.String())
}

// flanks reports whether delimiters around text, between the runes before
// and after, are read back as emphasis (CommonMark's left- and
// right-flanking rules for "*").
func flanks(before rune, text string, after rune) bool {
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	open := !isPunct(first) || unicode.IsSpace(before) || isPunct(before)
	close := !isPunct(last) || unicode.IsSpace(after) || isPunct(after)
	return open && close
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// foldSpace folds runs of white space (including line breaks and
// no-break spaces kept as they are) to single spaces across run borders.
func foldSpace(runs []run) []run {
	out := make([]run, 0, len(runs))
	prevSpace := true
	for _, r := range runs {
		var b strings.Builder
		for _, c := range r.text {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				if !prevSpace {
					b.WriteByte(' ')
				}
				prevSpace = true
				continue
			}
			prevSpace = false
			b.WriteRune(c)
		}
		if b.Len() > 0 {
			out = append(out, run{text: b.String(), style: r.style, link: r.link, linked: r.linked})
		}
	}
	return out
}

func splitSpace(s string) (lead, body, trail string) {
	body = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(body)]
	trimmed := strings.TrimRight(body, " ")
	trail = body[len(trimmed):]
	return lead, trimmed, trail
}

// linkTarget writes a link address so that CommonMark reads it back:
// in angle brackets when it holds spaces or brackets.
func linkTarget(target string) string {
	if target == "" {
		return "#"
	}
	if strings.ContainsAny(target, " ()<>\\") {
		r := strings.NewReplacer("<", "%3C", ">", "%3E", "\\", "%5C", "\n", "")
		return "<" + r.Replace(target) + ">"
	}
	return target
}

// Escape writes literal text in the statement's markup: the characters
// that would start markup (emphasis, links, autolinks, code, entities)
// get a backslash, so the markup reads back exactly text. Characters that
// cannot start markup where they stand (an underscore inside a word, an
// ampersand that starts no entity) are left alone, so that the statement
// stays readable to the person who edits it.
func Escape(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	var prev rune = ' '
	for i, c := range text {
		switch c {
		case '\\', '`', '*', '[', ']', '<':
			b.WriteByte('\\')
		case '_':
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if !isWordRune(prev) || !isWordRune(next) {
				b.WriteByte('\\')
			}
		case '&':
			if startsEntity(text[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// startsEntity reports whether s (the text after an "&") would be read as
// an HTML entity or character reference.
func startsEntity(s string) bool {
	i := 0
	if strings.HasPrefix(s, "#") {
		i = 1
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
		}
	}
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	return j > i && j < len(s) && s[j] == ';'
}

// ProtectLineStart escapes what would make a line of markup start a block
// other than a paragraph when it begins a line of a multi-line text: a
// list marker ("- ", "1. "), a heading ("# "), a quotation (">"), a rule
// or underline ("---", "==="), or an indented code block. Readers keep
// their list items as ListItem blocks, so text that merely looks like a
// list marker is literal.
func ProtectLineStart(line string) string {
	line = strings.TrimLeft(line, " \t")
	if line == "" {
		return line
	}
	switch line[0] {
	case '#', '>', '+', '-', '=', '|', '~':
		return "\\" + line
	}
	// "1. " or "1) " starts an ordered list.
	i := 0
	for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
		return line[:i] + "\\" + line[i:]
	}
	return line
}
