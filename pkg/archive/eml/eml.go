// Package eml reads an archived e-mail (.eml, RFC 5322 with MIME) and
// finds the part that holds the release: its text, its HTML, or an
// attached Word document. The caller hands that part to the text, HTML
// or docx reader; the e-mail's Subject, Date and sender are evidence.
//
// MIME (multipart, quoted-printable, base64, RFC 2047 headers) and
// charsets are read by github.com/emersion/go-message (MIT) and its
// charset package; this package only chooses, and bounds what it reads.
package eml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // iso-8859-*, windows-125*, and the rest
	"github.com/emersion/go-message/mail"
	"golang.org/x/text/encoding/charmap"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// DocxType is the media type of a Word document.
const DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// The bounds on what an e-mail may make this package read.
const (
	maxPartBytes = 25 << 20 // one decoded part
	maxParts     = 200      // parts, at every depth
	maxDepth     = 8        // multiparts and forwarded messages inside each other
	maxHeader    = 256 << 10
	// coverNoteWords: a text part shorter than this, beside an attached
	// Word document or a forwarded message, is a cover note, not the
	// release.
	coverNoteWords = 80
)

// Message is what an e-mail says about itself, and the part that holds
// the release.
type Message struct {
	// Evidence is the Subject (decoded), the Date (as written) and the
	// sender's display name, of the message the part was taken from (the
	// forwarded message when the release came forwarded).
	Evidence []source.Evidence
	Part     Part
}

// Part is the part of the e-mail that holds the release.
type Part struct {
	// MediaType is "text/plain", "text/html" or DocxType.
	MediaType string
	// Body is UTF-8 for text parts, with "\n" line ends (an HTML part's
	// own <meta charset>, if any, no longer applies: go-message has
	// decoded the charset its Content-Type names, and a part with no
	// usable charset that is not UTF-8 is read as Windows-1252); the
	// file's bytes for a Word document.
	Body []byte
	// Name is an attachment's file name.
	Name string
	// FirstLine is the line of the .eml where the part's body starts (1
	// for the first line), or 0 when it could not be found.
	FirstLine int
	// Dropped is what the part held above a release forwarded inline (the
	// cover note, the forwarded message's header), with lines of the
	// .eml (0 when unknown).
	Dropped []source.Drop
	// lines holds, for each line of Body from the first, the line of the
	// .eml it starts on, when the two differ: quoted-printable's soft
	// line breaks ("=" at a line's end) and format=flowed join lines of
	// the file into one of the body. Nil when each line of the body is
	// a line of the file.
	lines  []int
	base64 bool
}

// Line returns the line of the .eml, as a text editor shows it, where
// line n of Body (from 1) starts; 0 when it is not known. A base64
// part's text shows in no line of the file: every line of it is the
// line where its encoded body starts.
func (p *Part) Line(n int) int {
	if n <= 0 || p.FirstLine == 0 {
		return 0
	}
	if p.base64 {
		return p.FirstLine
	}
	if k := len(p.lines); k > 0 {
		if n <= k {
			return p.lines[n-1]
		}
		return p.lines[k-1] + n - k // an encoded line break ("=0A") the file does not show
	}
	return p.FirstLine + n - 1
}

// bodyLines maps each line of a decoded text part to the line of the
// .eml it starts on: a quoted-printable line that ends in "=" goes on in
// the next line of the file; flowed, when set, gives for each line of
// the unflowed body the decoded line it starts at.
func (r *reader) bodyLines(reg region, qp bool, flowed []int) []int {
	if reg.end <= reg.start || !qp && flowed == nil {
		return nil
	}
	var lines []int
	start := true
	for i := reg.start; i < reg.end; i++ {
		if start {
			lines = append(lines, i+1)
		}
		start = !qp || !bytes.HasSuffix(bytes.TrimRight(r.line(i), " \t"), []byte("="))
	}
	if flowed != nil {
		out := make([]int, 0, len(flowed))
		for _, d := range flowed {
			if d >= len(lines) {
				break
			}
			out = append(out, lines[d])
		}
		lines = out
	}
	return lines
}

// Read reads an e-mail and chooses the part with the release: the text
// part, else the HTML part, else an attached .docx — except that a short
// text or HTML part (a cover note: fewer than 80 words) gives way to a
// forwarded message (message/rfc822, read by the same rule) or else an
// attached .docx when there is one, and a short text part gives way to a
// long HTML part (a mailer's "view this message in HTML" placeholder).
func Read(src []byte) (msg *Message, err error) {
	defer func() {
		if r := recover(); r != nil {
			msg, err = nil, fmt.Errorf("this e-mail could not be read (internal error: %v)", r)
		}
	}()
	r := &reader{src: src, lines: lineStarts(src)}
	whole := region{0, len(r.lines)}
	body := src
	if bytes.HasPrefix(src, []byte("From ")) && len(r.lines) > 1 {
		// An mbox export starts with a "From sender date" line.
		whole.start, body = 1, src[r.lines[1]:]
		if err := r.oneMessage(); err != nil {
			return nil, err
		}
	}
	m, err := r.message(bytes.NewReader(body), whole, 0)
	if err != nil {
		return nil, err
	}
	part, from := m.choose()
	if part == nil {
		return nil, errors.New("this e-mail has no text, HTML or Word part")
	}
	return &Message{Evidence: from.evidence, Part: *part}, nil
}

// MailboxError is a mailbox export (mbox) that holds several e-mails:
// each is a release of its own, and read as one they would run into
// each other.
type MailboxError struct {
	Messages int // e-mails in the file
	second   int // the line where the second starts, from 1
}

// Line is the line of the file where the second e-mail starts.
func (e *MailboxError) Line() int { return e.second }

func (e *MailboxError) Error() string {
	return fmt.Sprintf("this mailbox holds %d e-mails (the second starts here); import reads one release per file", e.Messages)
}

// oneMessage refuses an mbox with more than one e-mail. In mbox, a line
// starting "From " after a blank line starts the next message. Writers
// should turn a body line starting "From " into ">From ", but not all
// do, so the line must also be followed by a header field ("From: …",
// "Subject: …"), as a message's first line is.
func (r *reader) oneMessage() error {
	var err *MailboxError
	for i := 1; i+1 < len(r.lines); i++ {
		if bytes.HasPrefix(r.line(i), []byte("From ")) && len(bytes.TrimSpace(r.line(i-1))) == 0 && headerField(r.line(i+1)) {
			if err == nil {
				err = &MailboxError{Messages: 1, second: i + 1}
			}
			err.Messages++
		}
	}
	if err != nil {
		return err
	}
	return nil
}

// headerField tells whether a line starts a header field: a name of
// letters, digits and hyphens, then a colon.
func headerField(l []byte) bool {
	name, _, ok := bytes.Cut(l, []byte(":"))
	if !ok || len(name) == 0 {
		return false
	}
	for _, c := range name {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// region is a range of lines of the .eml, [start, end), from 0.
type region struct{ start, end int }

type reader struct {
	src   []byte
	lines []int // the offset where each line starts
	parts int
}

// msg is one message: the top-level one or a forwarded one.
type msg struct {
	evidence  []source.Evidence
	text      *Part
	html      *Part
	docx      *Part
	forwarded *msg
}

// choose applies the rule in Read's comment.
func (m *msg) choose() (*Part, *msg) {
	body := m.text
	if body == nil || m.html != nil && words(body) < coverNoteWords && words(m.html) >= coverNoteWords {
		// Some mailers put only "this message is in HTML" in the text
		// part of a multipart/alternative.
		body = m.html
	}
	if body == nil {
		body = m.text
	}
	var inner *Part
	var innerFrom *msg
	if m.forwarded != nil {
		inner, innerFrom = m.forwarded.choose()
	}
	if body != nil && (inner == nil && m.docx == nil || words(body) >= coverNoteWords) {
		return body, m
	}
	if inner != nil {
		return inner, innerFrom
	}
	if m.docx != nil {
		return m.docx, m
	}
	return body, m
}

// words counts the words of a text or HTML part (an HTML part's tags
// roughly left out).
func words(p *Part) int {
	s := string(p.Body)
	if p.MediaType == "text/html" {
		var b strings.Builder
		in := false
		for _, c := range s {
			switch {
			case c == '<':
				in = true
			case c == '>':
				in = false
				b.WriteByte(' ')
			case !in:
				b.WriteRune(c)
			}
		}
		s = b.String()
	}
	return len(strings.Fields(s))
}

func (r *reader) message(src io.Reader, reg region, depth int) (*msg, error) {
	e, err := message.ReadWithOptions(src, &message.ReadOptions{MaxHeaderBytes: maxHeader})
	if err != nil && e == nil {
		return nil, fmt.Errorf("this is not an e-mail that can be read: %s", lower(err.Error()))
	}
	m := &msg{}
	head, body := r.split(reg)
	h := mail.Header{Header: e.Header}
	if s, err := h.Subject(); err == nil && strings.TrimSpace(s) != "" {
		m.evidence = append(m.evidence, source.Evidence{Key: source.EvidenceSubject, Value: oneLine(s), Line: r.headerLine(head, "Subject")})
	} else if raw := e.Header.Get("Subject"); strings.TrimSpace(raw) != "" {
		m.evidence = append(m.evidence, source.Evidence{Key: source.EvidenceSubject, Value: oneLine(raw), Line: r.headerLine(head, "Subject")})
	}
	if d := e.Header.Get("Date"); strings.TrimSpace(d) != "" {
		m.evidence = append(m.evidence, source.Evidence{Key: source.EvidenceDate, Value: oneLine(d), Line: r.headerLine(head, "Date")})
	}
	if list, err := h.AddressList("From"); err == nil && len(list) > 0 && strings.TrimSpace(list[0].Name) != "" {
		m.evidence = append(m.evidence, source.Evidence{Key: source.EvidenceFrom, Value: oneLine(list[0].Name), Line: r.headerLine(head, "From")})
	}
	if err := r.entity(m, e, body, depth); err != nil {
		return nil, err
	}
	return m, nil
}

// entity reads one entity's body into m's candidates.
func (r *reader) entity(m *msg, e *message.Entity, reg region, depth int) error {
	r.parts++
	if r.parts > maxParts {
		return fmt.Errorf("this e-mail has more than %d parts; refused", maxParts)
	}
	if depth > maxDepth {
		return fmt.Errorf("this e-mail's parts are nested more than %d deep; refused", maxDepth)
	}
	mediaType, params, err := e.Header.ContentType()
	if err != nil || mediaType == "" {
		mediaType = "text/plain"
	}
	mediaType = strings.ToLower(mediaType)
	disp, dparams, _ := e.Header.ContentDisposition()
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	attached := strings.EqualFold(disp, "attachment")

	if mr := e.MultipartReader(); mr != nil {
		parts := r.multipartRegions(reg, params["boundary"])
		for i := 0; ; i++ {
			p, err := mr.NextPart()
			if err != nil && p == nil {
				// The end of the parts, or a multipart cut short or
				// without its closing boundary: the parts read so far
				// are what there is.
				break
			}
			preg := region{}
			if i < len(parts) {
				preg = parts[i]
			}
			_, pbody := r.split(preg)
			if err := r.entity(m, p, pbody, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	switch {
	case mediaType == "message/rfc822" && m.forwarded == nil:
		inner, err := r.message(io.LimitReader(e.Body, maxPartBytes), reg, depth+1)
		if err != nil {
			return err
		}
		m.forwarded = inner
	case (mediaType == "text/plain" || mediaType == "text/html") && !attached:
		if mediaType == "text/plain" && m.text != nil || mediaType == "text/html" && m.html != nil {
			return nil
		}
		body, err := readPart(e.Body, name)
		if err != nil {
			return err
		}
		if !utf8.Valid(body) {
			// An unlabelled or unknown charset: Windows-1252, the usual
			// one, keeps every byte as a character.
			body, _ = charmap.Windows1252.NewDecoder().Bytes(body)
		}
		body = bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
		body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
		var flowed []int
		if mediaType == "text/plain" && strings.EqualFold(params["format"], "flowed") {
			body, flowed = unflow(body, strings.EqualFold(params["delsp"], "yes"))
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return nil // an empty part holds no release
		}
		cte := strings.ToLower(strings.TrimSpace(e.Header.Get("Content-Transfer-Encoding")))
		p := &Part{MediaType: mediaType, Body: body, FirstLine: r.lineNumber(reg), lines: r.bodyLines(reg, cte == "quoted-printable", flowed),
			base64: cte == "base64"}
		var fw *forward
		if mediaType == "text/plain" {
			fw = inlineForward(body)
		} else {
			fw = htmlForward(body)
		}
		if fw != nil {
			// The forwarded message's Subject and Date are the release's:
			// they come before the forwarding e-mail's own.
			at := p.Line
			ev := make([]source.Evidence, 0, len(fw.evidence)+len(m.evidence))
			for _, e := range fw.evidence {
				e.Line = at(e.Line)
				ev = append(ev, e)
			}
			m.evidence = append(ev, m.evidence...)
			for _, d := range fw.dropped {
				d.Line = at(d.Line)
				p.Dropped = append(p.Dropped, d)
			}
			p.Body = fw.body
			if p.FirstLine != 0 && !p.base64 {
				p.FirstLine = p.Line(fw.first + 1)
				if fw.first < len(p.lines) {
					p.lines = p.lines[fw.first:]
				} else {
					p.lines = nil
				}
			}
		}
		if mediaType == "text/plain" {
			m.text = p
		} else {
			m.html = p
		}
	case m.docx == nil && (mediaType == DocxType || strings.EqualFold(path.Ext(name), ".docx")):
		body, err := readPart(e.Body, name)
		if err != nil {
			return err
		}
		m.docx = &Part{MediaType: DocxType, Body: body, Name: name, FirstLine: r.lineNumber(reg)}
	}
	return nil
}

// unflow joins the lines of a format=flowed text part (RFC 3676, what
// Thunderbird and Apple Mail send): a line that ends in a space goes on in
// the next one. Space-stuffing is undone; the signature line "-- " stays.
// It also returns, for each line it writes, the line of body it starts at.
func unflow(body []byte, delSp bool) ([]byte, []int) {
	lines := bytes.Split(body, []byte("\n"))
	var out bytes.Buffer
	out.Grow(len(body))
	starts := []int{0}
	for i, l := range lines {
		if len(l) > 0 && l[0] == ' ' {
			l = l[1:]
		}
		soft := len(l) > 0 && l[len(l)-1] == ' ' && !bytes.Equal(l, []byte("-- ")) && i+1 < len(lines)
		if soft && delSp {
			l = l[:len(l)-1]
		}
		out.Write(l)
		if !soft && i+1 < len(lines) {
			out.WriteByte('\n')
			starts = append(starts, i+1)
		}
	}
	return out.Bytes(), starts
}

func readPart(body io.Reader, name string) ([]byte, error) {
	what := "a part"
	if name != "" {
		what = "the attachment " + name
	}
	data, err := io.ReadAll(io.LimitReader(body, maxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("this e-mail's %s cannot be decoded (broken base64 or quoted-printable?): %s", strings.TrimPrefix(what, "a "), lower(err.Error()))
	}
	if len(data) > maxPartBytes {
		return nil, fmt.Errorf("this e-mail's %s is larger than %d MB; refused", strings.TrimPrefix(what, "a "), maxPartBytes>>20)
	}
	return data, nil
}

// lineStarts returns the offset of the start of each line.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (r *reader) line(i int) []byte {
	if i < 0 || i >= len(r.lines) {
		return nil
	}
	end := len(r.src)
	if i+1 < len(r.lines) {
		end = r.lines[i+1]
	}
	return bytes.TrimRight(r.src[r.lines[i]:end], "\r\n")
}

// split divides an entity's region into its header block and its body
// (after the first blank line). A zero region stays unknown.
func (r *reader) split(reg region) (head, body region) {
	if reg.end <= reg.start {
		return region{}, region{}
	}
	for i := reg.start; i < reg.end; i++ {
		if len(bytes.TrimSpace(r.line(i))) == 0 {
			return region{reg.start, i}, region{i + 1, reg.end}
		}
	}
	return reg, region{reg.end, reg.end}
}

// multipartRegions finds the parts between boundary lines.
func (r *reader) multipartRegions(reg region, boundary string) []region {
	if boundary == "" || reg.end <= reg.start {
		return nil
	}
	delim := []byte("--" + boundary)
	var out []region
	open := -1
	for i := reg.start; i < reg.end; i++ {
		l := bytes.TrimRight(r.line(i), " \t")
		if !bytes.HasPrefix(l, delim) {
			continue
		}
		rest := l[len(delim):]
		if len(rest) != 0 && !bytes.Equal(rest, []byte("--")) {
			continue
		}
		if open >= 0 {
			out = append(out, region{open, i})
		}
		if len(rest) != 0 {
			return out
		}
		open = i + 1
	}
	if open >= 0 {
		out = append(out, region{open, reg.end})
	}
	return out
}

// lineNumber is the 1-based line where a body region starts, 0 if unknown.
func (r *reader) lineNumber(reg region) int {
	if reg.end <= reg.start {
		return 0
	}
	return reg.start + 1
}

// headerLine is the 1-based line of a header field in a header block.
func (r *reader) headerLine(head region, key string) int {
	prefix := []byte(strings.ToLower(key) + ":")
	for i := head.start; i < head.end; i++ {
		if bytes.HasPrefix(bytes.ToLower(r.line(i)), prefix) {
			return i + 1
		}
	}
	return 0
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// lower starts a message from a library in lower case, as ours do, unless
// its first word is an acronym ("XML syntax error").
func lower(s string) string {
	if len(s) < 2 || s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
