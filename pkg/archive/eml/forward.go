package eml

import (
	"strings"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// forward is a release forwarded inline in a text part: under a marker
// line and the forwarded message's own header, below a cover note.
type forward struct {
	body     []byte // the forwarded text, with its ">" quoting undone
	first    int    // the index of its first line in the part
	evidence []source.Evidence
	dropped  []source.Drop
}

// inlineForward finds a message forwarded inline in a text part: a marker
// line ("-----Original Message-----", "---------- Forwarded message
// ---------", "Begin forwarded message:", or Outlook's rule of
// underscores above "From:"), then header fields ("From:", "Sent:",
// "Subject:" …), or those fields alone (see forwardMarker). The text above the marker must be a cover note (fewer
// than coverNoteWords words): a long message that quotes another is a
// reply, and its own words are the release. Evidence and dropped lines
// count from 1 at the part's first line; nil when there is no forward.
func inlineForward(body []byte) *forward {
	lines := strings.Split(string(body), "\n")
	for i := range lines {
		j := forwardMarker(lines, i)
		if j < 0 {
			continue
		}
		if len(strings.Fields(strings.Join(lines[:i], " "))) >= coverNoteWords {
			return nil
		}
		for j < len(lines) && strings.TrimSpace(unquote(lines[j])) == "" {
			j++
		}
		start := j
		var subject, date, from *source.Evidence
		var header []string
		for ; j < len(lines); j++ {
			h := strings.TrimSpace(unquote(lines[j]))
			name, value, ok := strings.Cut(h, ":")
			if h == "" || !ok || !headerField([]byte(name+":")) {
				break
			}
			header = append(header, h)
			value = oneLine(value)
			ev := &source.Evidence{Value: value, Line: j + 1}
			switch strings.ToLower(name) {
			case "subject":
				ev.Key, subject = source.EvidenceSubject, ev
			case "sent", "date":
				ev.Key, date = source.EvidenceDate, ev
			case "from":
				if name, ok := parseFrom(value); ok {
					ev.Key, ev.Value, from = source.EvidenceFrom, name, ev
				}
			}
		}
		if j == start {
			return nil // a marker with no header under it: not a forward
		}
		for j < len(lines) && strings.TrimSpace(unquote(lines[j])) == "" {
			j++
		}
		fw := &forward{first: j}
		rest := lines[j:]
		quoted := true
		for _, l := range rest {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, ">") {
				quoted = false
				break
			}
		}
		if quoted {
			rest = append([]string(nil), rest...)
			for k, l := range rest {
				rest[k] = unquote(l)
			}
		}
		fw.body = []byte(strings.Join(rest, "\n"))
		for _, e := range []*source.Evidence{subject, date, from} {
			if e != nil {
				fw.evidence = append(fw.evidence, *e)
			}
		}
		if note := oneLine(strings.Join(lines[:i], " ")); note != "" {
			k := 0
			for strings.TrimSpace(lines[k]) == "" {
				k++
			}
			fw.dropped = append(fw.dropped, source.Drop{Line: k + 1, Text: note, Why: "the note of the e-mail that forwarded the release"})
		}
		marker := lines[i]
		if start == i {
			marker = "" // the header is the marker
		}
		fw.dropped = append(fw.dropped, source.Drop{Line: i + 1, Text: oneLine(marker + " " + strings.Join(header, " ")),
			Why: "the forwarded message's header"})
		return fw
	}
	return nil
}

// forwardMarker tells whether line i of a text part starts a forwarded
// message, and returns the line its header starts at (-1 when it does
// not): the line after a marker, or line i itself when the header comes
// with no marker, as in the text Outlook writes beside an HTML forward —
// a "From:" line after a blank one, followed by "Sent:" (or "Date:") and
// "Subject:" lines.
func forwardMarker(lines []string, i int) int {
	t := strings.TrimSpace(lines[i])
	switch {
	case isMarker(t):
		return i + 1
	case len(t) >= 10 && strings.Trim(t, "_") == "" && i+1 < len(lines):
		if strings.HasPrefix(strings.TrimSpace(unquote(lines[i+1])), "From:") {
			return i + 1
		}
	case strings.HasPrefix(t, "From:") && (i == 0 || strings.TrimSpace(lines[i-1]) == ""):
		sent, subject := false, false
		for j := i + 1; j < len(lines) && j <= i+6; j++ {
			h := strings.ToLower(strings.TrimSpace(lines[j]))
			if h == "" {
				break
			}
			sent = sent || strings.HasPrefix(h, "sent:") || strings.HasPrefix(h, "date:")
			subject = subject || strings.HasPrefix(h, "subject:")
		}
		if sent && subject {
			return i
		}
	}
	return -1
}

// unquote takes one level of e-mail quoting off a line: "> text" or
// ">text" becomes "text".
func unquote(l string) string {
	if rest, ok := strings.CutPrefix(l, "> "); ok {
		return rest
	}
	return strings.TrimPrefix(l, ">")
}
