package eml

import (
	"bytes"
	"net/mail"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// htmlLine is a line of an HTML part's text as a reader sees it: the
// text between two line breaks (<br>, or a block's start or end), and
// the tokens it spans.
type htmlLine struct {
	text       string
	start, end int // byte offsets in the part: the first token's start, the last token's end
}

// lineBreaks are the elements that start a new line of text.
var lineBreaks = map[string]bool{"br": true, "p": true, "div": true, "hr": true, "li": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "ul": true, "ol": true}

// htmlForward finds a message forwarded in an HTML part: the header a
// mailer writes above it ("<b>From:</b> … <b>Sent:</b> … <b>Subject:</b>
// …", in Outlook's <div> under a rule or a border, or under Gmail's
// "Forwarded message" line), below a cover note of fewer than
// coverNoteWords words, with the release after it. The forward's body is
// the part with the note and the header blanked out, each character a
// space but line ends kept, so that the page's lines are still the
// .eml's; the page's head (its charset, title and language) is kept. Nil
// when there is no forward.
func htmlForward(body []byte) *forward {
	type token struct {
		start, end int
		typ        html.TokenType
		name       string
	}
	var toks []token
	var lines []htmlLine
	var cur strings.Builder
	curStart, curEnd := -1, -1
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			lines = append(lines, htmlLine{text: t, start: curStart, end: curEnd})
		}
		cur.Reset()
		curStart = -1
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	at, skip := 0, ""
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		tok := token{start: at, end: at + len(raw), typ: tt}
		at += len(raw)
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			name, _ := z.TagName()
			tok.name = string(name)
		}
		toks = append(toks, tok)
		switch {
		case skip != "":
			if tt == html.EndTagToken && tok.name == skip {
				skip = ""
			}
		case tt == html.StartTagToken && (tok.name == "head" || tok.name == "style" || tok.name == "script" || tok.name == "title"):
			flush()
			skip = tok.name
		case tt == html.TextToken:
			// A line starts at its first character that shows, not at
			// the line end before it.
			if trimmed := bytes.TrimLeft(raw, " \t\r\n\f"); curStart < 0 && len(trimmed) > 0 {
				curStart = tok.start + len(raw) - len(trimmed)
			}
			cur.Write(z.Text())
			curEnd = tok.end
		case lineBreaks[tok.name]:
			flush()
		}
	}
	flush()
	if at != len(body) {
		return nil // the tokens do not cover the part: leave it alone
	}
	lines = splitFields(lines)
	for i := range lines {
		h := forwardHeader(lines, i)
		if h < 0 {
			continue
		}
		note := i
		if note > 0 && isMarker(lines[note-1].text) {
			note-- // Gmail's "---------- Forwarded message ---------"
		}
		noteWords := 0
		for _, l := range lines[:note] {
			noteWords += len(strings.Fields(l.text))
		}
		if noteWords >= coverNoteWords {
			return nil // a reply that quotes a message: its own words are the release
		}
		var header []string
		var subject, date, from *source.Evidence
		j := i
		for ; j < len(lines) && j < h; j++ {
			header = append(header, lines[j].text)
			name, value, _ := strings.Cut(lines[j].text, ":")
			ev := &source.Evidence{Value: oneLine(value), Line: lineAt(body, lines[j].start)}
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "subject":
				ev.Key, subject = source.EvidenceSubject, ev
			case "sent", "date":
				ev.Key, date = source.EvidenceDate, ev
			case "from":
				if a, ok := parseFrom(ev.Value); ok {
					ev.Key, ev.Value, from = source.EvidenceFrom, a, ev
				}
			}
		}
		cut := lines[h-1].end // the end of the header's last line
		out := bytes.Clone(body)
		inHead := ""
		for _, t := range toks {
			if t.end > cut {
				break
			}
			switch {
			case inHead != "":
				if t.typ == html.EndTagToken && t.name == inHead {
					inHead = ""
				}
				continue
			case t.typ == html.StartTagToken && (t.name == "head" || t.name == "style" || t.name == "script" || t.name == "title"):
				inHead = t.name
				continue
			case t.name == "html" || t.name == "body" || t.name == "meta" || t.typ == html.DoctypeToken:
				continue
			}
			blank(out[t.start:t.end])
		}
		fw := &forward{body: out}
		for _, e := range []*source.Evidence{subject, date, from} {
			if e != nil {
				fw.evidence = append(fw.evidence, *e)
			}
		}
		if note > 0 {
			var words []string
			for _, l := range lines[:note] {
				words = append(words, l.text)
			}
			fw.dropped = append(fw.dropped, source.Drop{Line: lineAt(body, lines[0].start), Text: oneLine(strings.Join(words, " ")),
				Why: "the note of the e-mail that forwarded the release"})
		}
		first := lines[i].start
		if note < i {
			header = append([]string{lines[note].text}, header...)
			first = lines[note].start
		}
		fw.dropped = append(fw.dropped, source.Drop{Line: lineAt(body, first), Text: oneLine(strings.Join(header, " ")),
			Why: "the forwarded message's header"})
		return fw
	}
	return nil
}

// forwardHeader tells whether line i starts a forwarded message's header
// — "From:", then within the next lines "Sent:" or "Date:" and
// "Subject:", every line a header field — and returns the index of the
// line after it (-1 when it does not).
func forwardHeader(lines []htmlLine, i int) int {
	if !strings.HasPrefix(lines[i].text, "From:") {
		return -1
	}
	sent, subject := false, false
	j := i
	for ; j < len(lines) && j <= i+8; j++ {
		name, _, ok := strings.Cut(lines[j].text, ":")
		if !ok || !headerField([]byte(strings.TrimSpace(name)+":")) {
			break
		}
		low := strings.ToLower(lines[j].text)
		sent = sent || strings.HasPrefix(low, "sent:") || strings.HasPrefix(low, "date:")
		subject = subject || strings.HasPrefix(low, "subject:")
	}
	if !sent || !subject {
		return -1
	}
	return j
}

// fieldStart is where a second header field starts on a line that holds
// several: Outlook on the web writes "From: … Sent: … To: … Subject: …"
// when the forward is pasted without its line breaks.
var fieldStart = regexp.MustCompile(`\s(?:Sent|Date|To|Cc|Subject):\s`)

// splitFields splits a header line that holds several fields.
func splitFields(lines []htmlLine) []htmlLine {
	var out []htmlLine
	for _, l := range lines {
		at := 0
		for _, m := range fieldStart.FindAllStringIndex(l.text, -1) {
			out = append(out, htmlLine{text: strings.TrimSpace(l.text[at:m[0]]), start: l.start, end: l.end})
			at = m[0] + 1
		}
		out = append(out, htmlLine{text: strings.TrimSpace(l.text[at:]), start: l.start, end: l.end})
	}
	return out
}

// isMarker tells whether a line is a mailer's marker above a forwarded
// message: "-----Original Message-----", "---------- Forwarded message
// ---------", "Begin forwarded message:".
func isMarker(line string) bool {
	t := strings.TrimSpace(line)
	core := strings.ToLower(strings.Trim(t, "- "))
	return strings.HasPrefix(t, "--") && (core == "original message" || core == "forwarded message") ||
		strings.EqualFold(t, "Begin forwarded message:")
}

// parseFrom is the display name of a "From:" field's address.
func parseFrom(value string) (string, bool) {
	a, err := mail.ParseAddress(value)
	if err != nil || strings.TrimSpace(a.Name) == "" {
		return "", false
	}
	return oneLine(a.Name), true
}

// lineAt is the line of body, from 1, that the byte at offset is on.
func lineAt(body []byte, offset int) int {
	return bytes.Count(body[:offset], []byte("\n")) + 1
}

// blank turns every byte of b but line ends into a space.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
}
