// Package email builds a press release as an e-mail: an RFC 5322 / MIME
// message with the plain text and the HTML page as alternatives and the PDF
// attached, written as an editable draft (.eml) or sent through SMTP.
//
// The same input gives the same bytes: the Date header, the Message-ID and
// the MIME boundaries come from the content and the date the caller
// passes, never from the clock or a random source.
package email

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"

	gomail "github.com/wneessen/go-mail"

	"github.com/pressroom/pressroom/pkg/release"
)

// EmbargoPrefix opens the subject of a British English release still
// under embargo; another language's comes from its table of words
// (release.Words.EmbargoSubject: "DAN EMBARGO: " in Welsh).
const EmbargoPrefix = "EMBARGOED: "

// Options say who the message is from and to, and when it is. The zero
// value gives a draft with no recipients, dated by the statement.
type Options struct {
	From        string   // "Name <addr>" or "addr"; required to send
	To, Cc, Bcc []string // each entry one address or a comma-separated list
	// Subject replaces the default: the headline, with the language's
	// EmbargoSubject ("EMBARGOED: ") in front while the release is under embargo.
	Subject string
	// Date is the Date header. Zero means the release's date at midnight
	// UTC. Callers pass SOURCE_DATE_EPOCH, or the clock when sending.
	Date time.Time
	// Now is the moment "under embargo" is judged at. Zero means Date.
	Now time.Time
	// UserAgent names the program in the User-Agent header.
	UserAgent string
}

// Content is the renditions the message carries.
type Content struct {
	Text string // the plain-text rendition
	HTML string // the HTML page
	PDF  []byte // the rendered PDF, attached
}

// Message is a checked e-mail, ready to write as a draft or to send.
type Message struct {
	draft, outgoing *gomail.Msg
	// Subject is the message's subject as sent.
	Subject string
	// Attachment is the PDF's file name in the message.
	Attachment string
	// Embargoed says the release was under embargo at Options.Now.
	Embargoed bool
	from      string
	rcpts     int
}

// FieldError is a bad value given for a header: an address that does not
// parse, or a line break where a header would end.
type FieldError struct {
	Field string // "from", "to", "cc", "bcc" or "subject"
	Value string
	Err   error
}

// Error names the field and the value as given, quoted so a line break
// shows as \n.
func (e *FieldError) Error() string { return fmt.Sprintf("%s %q: %v", e.Field, e.Value, e.Err) }

// Unwrap lets errors.Is find ErrLineBreak.
func (e *FieldError) Unwrap() error { return e.Err }

// ErrLineBreak is why a value with a line break or other control
// character is refused: in a header it would start a new header.
var ErrLineBreak = errors.New("holds a line break or control character, which would start a new header")

// Build checks the options and makes the message. Nothing is written or
// sent yet, so a bad address leaves nothing half-done.
func Build(r *release.Release, c Content, opts Options) (*Message, error) {
	return BuildAll([]*release.Release{r}, c, opts)
}

// BuildAll is Build for a bilingual release: rels are its halves in
// reading order (pipeline.Job.Halves), and c the renditions of both. The
// default subject names it in each language, "Welsh subject / English
// subject", each with its own language's embargo prefix while the release
// is under embargo; the message is dated by the first, and the attached
// PDF is named after the first half.
func BuildAll(rels []*release.Release, c Content, opts Options) (*Message, error) {
	if len(rels) == 0 || slices.Contains(rels, nil) {
		return nil, errors.New("email: no release")
	}
	r := rels[0]
	date := opts.Date
	if date.IsZero() {
		date, _ = time.Parse("2006-01-02", r.ISODate)
	}
	now := opts.Now
	if now.IsZero() {
		now = date
	}
	m := &Message{}
	var subjects []string
	for _, h := range rels {
		embargoed := h.Embargo != nil && now.Before(h.EmbargoEnd)
		m.Embargoed = m.Embargoed || embargoed
		s := h.Headline
		if embargoed {
			s = h.WordTable().EmbargoSubject + s
		}
		subjects = append(subjects, s)
	}
	subject := opts.Subject
	if subject == "" {
		subject = strings.Join(subjects, " / ")
	}
	if hasControl(subject) {
		return nil, &FieldError{Field: "subject", Value: subject, Err: ErrLineBreak}
	}
	m.Subject = subject
	var from *mail.Address
	if opts.From != "" {
		list, err := parseAddresses("from", []string{opts.From})
		if err != nil {
			return nil, err
		}
		if len(list) != 1 {
			return nil, &FieldError{Field: "from", Value: opts.From, Err: errors.New("must be one address")}
		}
		from = list[0]
		m.from = from.Address
	}
	to, err := parseAddresses("to", opts.To)
	if err != nil {
		return nil, err
	}
	cc, err := parseAddresses("cc", opts.Cc)
	if err != nil {
		return nil, err
	}
	bcc, err := parseAddresses("bcc", opts.Bcc)
	if err != nil {
		return nil, err
	}
	m.rcpts = len(to) + len(cc) + len(bcc)
	language := ""
	if w := r.WordTable(); !strings.HasPrefix(w.Lang, "en") {
		language = w.Name
	}
	m.Attachment = AttachmentName(r.ISODate, r.Headline, language)

	// Identifiers are a hash of everything the message says, so the same
	// input always gives the same message and different ones never clash.
	h := sha256.New()
	for _, part := range []string{subject, opts.From, strings.Join(opts.To, ","), strings.Join(opts.Cc, ","),
		strings.Join(opts.Bcc, ","), date.UTC().Format(time.RFC3339Nano), c.Text, c.HTML} {
		fmt.Fprintf(h, "%d:%s\n", len(part), part)
	}
	h.Write(c.PDF)
	sum := hex.EncodeToString(h.Sum(nil))
	domain := "pressroom.invalid"
	if from != nil {
		if at := strings.LastIndexByte(from.Address, '@'); at >= 0 {
			domain = from.Address[at+1:]
		}
	}
	ids := identifiers{
		messageID: sum[:32] + "@" + domain,
		mixed:     "pressroom-mixed-" + sum[:40],
		alt:       "pressroom-alt-" + sum[24:64],
	}

	build := func(draft bool) (*gomail.Msg, error) {
		msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
		if opts.UserAgent != "" {
			msg.SetUserAgent(opts.UserAgent)
		}
		msg.Subject(foldable(subject))
		msg.SetDateWithValue(date)
		msg.SetMessageIDWithValue(ids.messageID)
		if from != nil {
			msg.FromMailAddress(from)
		}
		if len(to) > 0 {
			msg.ToMailAddress(to...)
		}
		if len(cc) > 0 {
			msg.CcMailAddress(cc...)
		}
		if len(bcc) > 0 {
			msg.BccMailAddress(bcc...)
			if draft {
				// go-mail leaves Bcc out of what it writes, as a sender
				// must; a draft keeps it so the mail program sends to them.
				msg.SetGenHeaderPreformatted(gomail.Header(gomail.HeaderBcc), joinAddresses(bcc))
			}
		}
		if draft {
			// Outlook and Thunderbird open a message with this header as
			// an unsent draft the user can edit and send.
			msg.SetGenHeader("X-Unsent", "1")
		}
		if err := assemble(msg, c, m.Attachment, ids); err != nil {
			return nil, err
		}
		return msg, nil
	}
	if m.draft, err = build(true); err != nil {
		return nil, err
	}
	if m.outgoing, err = build(false); err != nil {
		return nil, err
	}
	return m, nil
}

type identifiers struct{ messageID, mixed, alt string }

// assemble puts the parts into msg with fixed boundaries. go-mail offers a
// single fixed boundary (SetBoundary), which would be wrong for the nested
// multipart/alternative inside multipart/mixed; but it remembers the
// boundary each multipart type was first written with and reuses it. So
// each type is written once on its own with its boundary, and the whole
// message then reuses both.
func assemble(msg *gomail.Msg, c Content, attachment string, ids identifiers) error {
	msg.SetBoundary(ids.alt)
	msg.SetBodyString(gomail.TypeTextPlain, c.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, c.HTML)
	if _, err := msg.WriteTo(io.Discard); err != nil {
		return fmt.Errorf("email: %w", err)
	}

	msg.SetBoundary(ids.mixed)
	msg.SetBodyString(gomail.TypeTextPlain, "")
	if err := msg.AttachReader("prime.pdf", strings.NewReader("")); err != nil {
		return fmt.Errorf("email: %w", err)
	}
	if _, err := msg.WriteTo(io.Discard); err != nil {
		return fmt.Errorf("email: %w", err)
	}

	msg.SetBoundary("")
	msg.UnsetAllAttachments()
	msg.SetBodyString(gomail.TypeTextPlain, c.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, c.HTML)
	return msg.AttachReader(attachment, bytes.NewReader(c.PDF), gomail.WithFileContentType(gomail.ContentType("application/pdf")))
}

// WriteTo writes the message as a draft: with X-Unsent: 1 and its Bcc
// header, for a mail program to open, edit and send.
func (m *Message) WriteTo(w io.Writer) (int64, error) {
	return m.draft.WriteTo(w)
}

func parseAddresses(field string, values []string) ([]*mail.Address, error) {
	var out []*mail.Address
	for _, v := range values {
		if hasControl(v) {
			return nil, &FieldError{Field: field, Value: v, Err: ErrLineBreak}
		}
		list, err := mail.ParseAddressList(v)
		if err != nil {
			return nil, &FieldError{Field: field, Value: v, Err: addressProblem(v, err)}
		}
		out = append(out, list...)
	}
	return out, nil
}

// addressProblem says in a user's words what net/mail found wrong with an
// address ("no angle-addr" means nothing to a press officer), and how to
// write one.
func addressProblem(value string, err error) error {
	why := ""
	switch msg := err.Error(); {
	case strings.Contains(msg, "missing @") || !strings.Contains(value, "@"):
		why = " (it has no @)"
	case strings.Contains(msg, "no angle-addr"):
		why = " (a name must be followed by the address in angle brackets)"
	case strings.Contains(msg, "unclosed angle-addr"):
		why = " (a < has no closing >)"
	case strings.Contains(msg, "no address"):
		why = " (it is empty)"
	case strings.Contains(msg, "domain"):
		why = " (the part after the @ is not a domain)"
	}
	return fmt.Errorf(`is not an e-mail address%s: write it as news@example.org or "Newsdesk <news@example.org>", and separate several with commas`, why)
}

// joinAddresses writes a preformatted address header's value, one address
// a line: go-mail does not fold a preformatted header, and RFC 5322 allows
// no line over 998 characters.
func joinAddresses(list []*mail.Address) string {
	s := make([]string, len(list))
	for i, a := range list {
		s[i] = a.String()
	}
	return strings.Join(s, ",\r\n ")
}

// foldable returns a subject go-mail can fold within RFC 5322's line
// limit. go-mail folds only at spaces, and leaves ASCII text unencoded, so
// an ASCII subject with a word longer than a line (a long web address)
// would make one line of any length; such a subject is written as
// RFC 2047 encoded words, which readers join back without the spaces.
func foldable(subject string) string {
	long := false
	for _, w := range strings.Fields(subject) {
		long = long || len(w) > 70
	}
	if !long || !isASCII(subject) {
		// go-mail encodes any subject that is not ASCII in words of
		// at most 75 characters itself.
		return subject
	}
	var words []string
	for len(subject) > 0 {
		n := min(len(subject), 45)
		words = append(words, "=?UTF-8?B?"+base64.StdEncoding.EncodeToString([]byte(subject[:n]))+"?=")
		subject = subject[n:]
	}
	return strings.Join(words, " ")
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0 || strings.ContainsAny(s, "\u2028\u2029\u0085")
}

// DefaultSender is the sender a draft has when none is given: the first
// media contact with an e-mail address, by name — the person journalists
// reply to. It is empty when no contact has one.
func DefaultSender(r *release.Release) string {
	for _, c := range r.Contacts {
		for _, l := range c.Lines {
			// By the address's kind, not its label: labels are words a
			// reader sees, and change with the language.
			if strings.HasPrefix(l.Href, "mailto:") {
				return (&mail.Address{Name: c.Name, Address: l.Text}).String()
			}
		}
	}
	return ""
}
