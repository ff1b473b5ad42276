package email

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/plaintext"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/release/releasetest"
	"github.com/pressroom/pressroom/pkg/statement"
	"github.com/pressroom/pressroom/pkg/webpage"
)

// fakePDF stands for a rendered PDF: binary bytes, so that an encoding
// slip would show.
func fakePDF() []byte {
	b := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for i := 0; i < 5000; i++ {
		b = append(b, byte(i*7), byte(i>>3))
	}
	return b
}

func content(t *testing.T, r *release.Release) Content {
	t.Helper()
	var h bytes.Buffer
	if err := webpage.Write(&h, r); err != nil {
		t.Fatal(err)
	}
	return Content{Text: plaintext.String(r), HTML: h.String(), PDF: fakePDF()}
}

func build(t *testing.T, r *release.Release, opts Options) (*Message, []byte) {
	t.Helper()
	m, err := Build(r, content(t, r), opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return m, b.Bytes()
}

// part is one leaf of a parsed message.
type part struct {
	mediaType string
	params    map[string]string
	header    map[string][]string
	body      []byte
}

// parseMessage reads an e-mail with net/mail and mime/multipart, the way
// a mail program would, and returns its header and its leaves in order,
// with the boundary of each multipart level.
func parseMessage(t *testing.T, raw []byte) (*mail.Message, []part, []string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v", err)
	}
	var leaves []part
	var boundaries []string
	var walk func(ct, cte string, body io.Reader, header map[string][]string)
	walk = func(ct, cte string, body io.Reader, header map[string][]string) {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			t.Fatalf("content type %q: %v", ct, err)
		}
		if strings.HasPrefix(mt, "multipart/") {
			boundaries = append(boundaries, mt+" "+params["boundary"])
			mr := multipart.NewReader(body, params["boundary"])
			for {
				p, err := mr.NextRawPart()
				if err == io.EOF {
					return
				}
				if err != nil {
					t.Fatalf("%s: %v", mt, err)
				}
				walk(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, p.Header)
			}
		}
		switch strings.ToLower(cte) {
		case "quoted-printable":
			body = quotedprintable.NewReader(body)
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, body)
		}
		data, err := io.ReadAll(body)
		if err != nil {
			t.Fatalf("%s body: %v", mt, err)
		}
		leaves = append(leaves, part{mediaType: mt, params: params, header: header, body: data})
	}
	walk(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, msg.Header)
	return msg, leaves, boundaries
}

func TestDraftParts(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	date := time.Date(2024, 12, 17, 9, 30, 0, 0, time.UTC)
	m, raw := build(t, r, Options{
		From: "Simon Cross <simon.cross@example.org>", To: []string{"desk@news.example", "Ann Other <ann@example.com>"},
		Cc: []string{"cc@example.org"}, Bcc: []string{"hidden@example.org"}, Date: date, UserAgent: "pressroom test",
	})
	msg, leaves, boundaries := parseMessage(t, raw)
	h := msg.Header
	want := map[string]string{
		"Subject":      r.Headline,
		"From":         `"Simon Cross" <simon.cross@example.org>`,
		"To":           `<desk@news.example>, "Ann Other" <ann@example.com>`,
		"Cc":           "<cc@example.org>",
		"Bcc":          "<hidden@example.org>",
		"X-Unsent":     "1",
		"Date":         "Tue, 17 Dec 2024 09:30:00 +0000",
		"Mime-Version": "1.0",
		"User-Agent":   "pressroom test",
	}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if id := h.Get("Message-Id"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@example.org>") {
		t.Errorf("Message-ID = %q, want <hash@example.org>", id)
	}
	if len(boundaries) != 2 || !strings.HasPrefix(boundaries[0], "multipart/mixed pressroom-mixed-") ||
		!strings.HasPrefix(boundaries[1], "multipart/alternative pressroom-alt-") {
		t.Fatalf("multipart structure: %q, want mixed then alternative with their own boundaries", boundaries)
	}
	if len(leaves) != 3 {
		t.Fatalf("got %d parts, want text, html and the pdf", len(leaves))
	}
	if leaves[0].mediaType != "text/plain" || leaves[0].params["charset"] != "UTF-8" || crlf(leaves[0].body) != c.Text {
		t.Errorf("first alternative is %s %v, or its text differs from the text rendition", leaves[0].mediaType, leaves[0].params)
	}
	if leaves[1].mediaType != "text/html" || crlf(leaves[1].body) != c.HTML {
		t.Errorf("second alternative is %s, or it differs from the HTML page", leaves[1].mediaType)
	}
	pdf := leaves[2]
	_, disp, _ := mime.ParseMediaType(pdf.header["Content-Disposition"][0])
	if pdf.mediaType != "application/pdf" || disp["filename"] != m.Attachment ||
		m.Attachment != "2024-12-17-publication-of-learning-from-a-local-child.pdf" {
		t.Errorf("attachment %s named %q (message says %q)", pdf.mediaType, disp["filename"], m.Attachment)
	}
	if !bytes.Equal(pdf.body, c.PDF) {
		t.Errorf("the attached PDF differs from the rendered one (%d bytes, want %d)", len(pdf.body), len(c.PDF))
	}
}

// crlf undoes MIME's canonical CRLF line ends in a text part.
func crlf(b []byte) string { return strings.ReplaceAll(string(b), "\r\n", "\n") }

func TestSameInputSameBytes(t *testing.T) {
	r := releasetest.Seed()
	opts := Options{To: []string{"a@example.org"}, Date: time.Unix(1734427800, 0).UTC()}
	_, a := build(t, r, opts)
	_, b := build(t, r, opts)
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same input differ")
	}
	opts.Date = opts.Date.Add(time.Second)
	_, c := build(t, r, opts)
	ma, _ := mail.ReadMessage(bytes.NewReader(a))
	mc, _ := mail.ReadMessage(bytes.NewReader(c))
	if ma.Header.Get("Message-Id") == mc.Header.Get("Message-Id") {
		t.Error("a different date gives the same Message-ID")
	}
	// No date given: the statement's date.
	_, d := build(t, r, Options{})
	md, _ := mail.ReadMessage(bytes.NewReader(d))
	if got := md.Header.Get("Date"); got != "Tue, 17 Dec 2024 00:00:00 +0000" {
		t.Errorf("default Date = %q", got)
	}
}

func TestEmbargoSubject(t *testing.T) {
	r := releasetest.Seed()
	// The embargo ends at 00:01 BST on 18 June 2025, i.e. 23:01 UTC the
	// day before (the layout works the instant out: see EmbargoEnd).
	r.Embargo = &statement.Embargo{Time: time.Date(2025, 6, 18, 0, 1, 0, 0, time.UTC)}
	r.EmbargoEnd = time.Date(2025, 6, 17, 23, 1, 0, 0, time.UTC)
	tests := []struct {
		now  time.Time
		want string
	}{
		{time.Date(2025, 6, 17, 22, 59, 0, 0, time.UTC), EmbargoPrefix + r.Headline}, // 23:59 BST
		{time.Date(2025, 6, 17, 23, 0, 59, 0, time.UTC), EmbargoPrefix + r.Headline}, // 00:00:59 BST
		{time.Date(2025, 6, 17, 23, 1, 0, 0, time.UTC), r.Headline},                  // 00:01 BST: lifted
		{time.Date(2025, 6, 18, 9, 0, 0, 0, time.UTC), r.Headline},
	}
	for _, tt := range tests {
		m, raw := build(t, r, Options{Now: tt.now})
		msg, _ := mail.ReadMessage(bytes.NewReader(raw))
		got, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if got != tt.want || m.Embargoed != strings.HasPrefix(tt.want, EmbargoPrefix) {
			t.Errorf("at %v: subject %q embargoed %v, want %q", tt.now, got, m.Embargoed, tt.want)
		}
	}
	// No embargo: never embargoed, whatever the time.
	r.Embargo, r.EmbargoEnd = nil, time.Time{}
	if m, _ := build(t, r, Options{Now: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}); m.Embargoed {
		t.Error("a release without an embargo is marked embargoed")
	}
}

func TestHeaderInjectionRefused(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	tests := []struct {
		field string
		opts  Options
	}{
		{"subject", Options{Subject: "Hello\r\nBcc: victim@example.org"}},
		{"subject", Options{Subject: "Hello\nX-Evil: 1"}},
		{"to", Options{To: []string{"a@example.org\r\nBcc: victim@example.org"}}},
		{"cc", Options{Cc: []string{"a@example.org\nSubject: spoofed"}}},
		{"bcc", Options{Bcc: []string{"a@example.org\r"}}},
		{"from", Options{From: "Me <me@example.org>\r\nReply-To: evil@example.org"}},
	}
	for _, tt := range tests {
		_, err := Build(r, c, tt.opts)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, ErrLineBreak) {
			t.Errorf("%+v: err = %v, want a line-break error on %s", tt.opts, err, tt.field)
		}
	}
	// A subject with a headline under embargo written in non-ASCII stays
	// one encoded header.
	m, raw := build(t, r, Options{Subject: "Café £5 – “quoted”"})
	msg, _ := mail.ReadMessage(bytes.NewReader(raw))
	if got, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); got != "Café £5 – “quoted”" || m == nil {
		t.Errorf("non-ASCII subject came back as %q", got)
	}
}

func TestBadAddresses(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	for _, tt := range []struct {
		field string
		opts  Options
	}{
		{"to", Options{To: []string{"not an address"}}},
		{"to", Options{To: []string{"a@example.org", "@example.org"}}},
		{"cc", Options{Cc: []string{"a@"}}},
		{"from", Options{From: "a@example.org, b@example.org"}},
	} {
		_, err := Build(r, c, tt.opts)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%+v: err = %v, want an error on %s", tt.opts, err, tt.field)
		}
	}
	if _, err := Build(r, c, Options{To: []string{"a@example.org, B <b@example.org>"}}); err != nil {
		t.Errorf("a comma-separated list was refused: %v", err)
	}
}

// The attachment's name is ASCII, for every mail program, file system and
// newsroom system, and says what the file is: the date and the headline's
// words, or, for a headline in another script, "press release" and the
// release's language, so that a journalist sent the Urdu and the English
// versions can tell them apart unopened (not "2025-05-02-0800-123-456.pdf",
// the digits of an Urdu headline).
func TestAttachmentName(t *testing.T) {
	for _, tt := range []struct{ date, headline, lang, want string }{
		{"2024-12-17", "Publication of learning from a Local Child Safeguarding Practice Review", "", "2024-12-17-publication-of-learning-from-a-local-child.pdf"},
		{"2025-01-02", "Café & Crèche: £5m for Æthelred's straße", "", "2025-01-02-cafe-and-creche-5m-for-aethelreds-strasse.pdf"},
		{"2025-01-02", "事件", "", "2025-01-02-press-release.pdf"},
		{"2025-01-08", "£2.4m to bring community diagnostic hubs to three valley towns", "", "2025-01-08-2-4m-to-bring-community-diagnostic-hubs-to.pdf"},
		{"2025-01-02", "../../etc/passwd", "", "2025-01-02-etc-passwd.pdf"},
		{"2025-01-02", strings.Repeat("x", 80), "", "2025-01-02-" + strings.Repeat("x", 45) + ".pdf"},
		// Headlines of testdata/scripts, with digits and a Latin name.
		{"2025-05-02", "0800 123 456 ڈارلنگ فورڈ میں بچوں کی حفاظت کے لیے نئی مہم کا آغاز", "Urdu", "2025-05-02-press-release-in-urdu.pdf"},
		{"2025-06-02", "NHS: إطلاق حملة جديدة لحماية الأطفال في دارلنغفورد", "Arabic", "2025-06-02-press-release-in-arabic.pdf"},
		{"2025-06-02", "ਗਰਮੀਆਂ ਦੀਆਂ ਛੁੱਟੀਆਂ ਤੋਂ ਪਹਿਲਾਂ ਆਪਣੇ ਟੀਕੇ ਪੂਰੇ ਕਰੋ", "Punjabi (Gurmukhi)", "2025-06-02-press-release-in-punjabi-gurmukhi.pdf"},
		{"2025-06-02", "গ্রীষ্মের ছুটির আগে আপনার টিকা সম্পূর্ণ করুন", "Bengali", "2025-06-02-press-release-in-bengali.pdf"},
		// Mostly Latin: the headline's own words.
		{"2025-06-02", "Darlingford NHS vaccines week (ڈارلنگ فورڈ)", "Urdu", "2025-06-02-darlingford-nhs-vaccines-week.pdf"},
		{"2025-06-02", "Cyngor yn agor canolfan newydd", "Welsh", "2025-06-02-cyngor-yn-agor-canolfan-newydd.pdf"},
	} {
		if got := AttachmentName(tt.date, tt.headline, tt.lang); got != tt.want {
			t.Errorf("AttachmentName(%q, %q) = %q, want %q", tt.headline, tt.lang, got, tt.want)
		}
	}
}

// A release in Urdu is sent with its attachment named by its language.
func TestAttachmentNameOfRelease(t *testing.T) {
	r := releasetest.Seed()
	r.Lang, r.Words = "ur", release.WordsFor("ur")
	r.Headline = "ڈارلنگ فورڈ میں بچوں کی حفاظت کے لیے نئی مہم کا آغاز"
	m, raw := build(t, r, Options{})
	_, leaves, _ := parseMessage(t, raw)
	_, disp, _ := mime.ParseMediaType(leaves[len(leaves)-1].header["Content-Disposition"][0])
	if want := "2024-12-17-press-release-in-urdu.pdf"; m.Attachment != want || disp["filename"] != want {
		t.Errorf("attachment %q (message says %q), want %q", disp["filename"], m.Attachment, want)
	}
}

// BenchmarkDraft builds and writes a draft with a 10 kB PDF attached.
func BenchmarkDraft(b *testing.B) {
	r := releasetest.Seed()
	var h bytes.Buffer
	webpage.Write(&h, r)
	c := Content{Text: plaintext.String(r), HTML: h.String(), PDF: fakePDF()}
	b.ReportAllocs()
	for b.Loop() {
		m, err := Build(r, c, Options{To: []string{"a@example.org"}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentDrafts: batch builds many drafts at once; they share the
// release and the parsed page template, never a mutable value (-race).
func TestConcurrentDrafts(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	_, want := build(t, r, Options{To: []string{"a@example.org"}})
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			var h bytes.Buffer
			if err := webpage.Write(&h, r); err != nil || h.String() != c.HTML {
				errs <- errors.New("the page differs when written concurrently")
				return
			}
			m, err := Build(r, c, Options{To: []string{"a@example.org"}})
			if err != nil {
				errs <- err
				return
			}
			var b bytes.Buffer
			m.WriteTo(&b)
			if !bytes.Equal(b.Bytes(), want) {
				errs <- errors.New("a draft built concurrently differs")
				return
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestLongHeaders checks that no header line is over RFC 5322's 998
// characters, however long the subject's words or the list of recipients,
// and that the subject reads back unchanged.
func TestLongHeaders(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	var bcc []string
	for i := range 80 {
		bcc = append(bcc, fmt.Sprintf("Newsdesk number %d <desk%d@news.example>", i, i))
	}
	for _, subject := range []string{
		strings.Repeat("a", 1200),
		"Statement: " + strings.Repeat("https://example.gov.uk/very/long/path/", 30),
		strings.TrimSpace(strings.Repeat("Datganiad gan y Cyngor ", 60)),
		strings.Repeat("é", 700),
	} {
		m, err := Build(r, c, Options{From: "press@example.org", To: []string{"desk@news.example"}, Bcc: bcc, Subject: subject})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(b.String(), "\r\n") {
			if len(line) > 998 {
				t.Errorf("subject %.20q…: line %d is %d characters: %.60q…", subject, i+1, len(line), line)
			}
		}
		msg, _, _ := parseMessage(t, b.Bytes())
		got, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil || got != subject {
			t.Errorf("subject reads back as %.60q… (%v), want %.60q…", got, err, subject)
		}
		if list, err := msg.Header.AddressList("Bcc"); err != nil || len(list) != len(bcc) {
			t.Errorf("the draft's Bcc reads back as %d addresses (%v), want %d", len(list), err, len(bcc))
		}
	}
}

// TestAddressMessages checks that a bad address is explained in a user's
// words, not net/mail's.
func TestAddressMessages(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	for to, want := range map[string]string{
		"Newsdesk news@example.org":  "a name must be followed by the address in angle brackets",
		"desk at news":               "it has no @",
		"Newsdesk <news@example.org": "a < has no closing >",
	} {
		_, err := Build(r, c, Options{To: []string{to}})
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "angle-addr") {
			t.Errorf("to %q: err = %v, want one saying %q", to, err, want)
		}
	}
}

func TestDefaultSender(t *testing.T) {
	r := releasetest.Seed()
	if got := DefaultSender(r); got != `"Simon Cross" <Simon.Cross@birminghamchildrenstrust.co.uk>` {
		t.Errorf("DefaultSender = %q", got)
	}
	r.Contacts = nil
	if got := DefaultSender(r); got != "" {
		t.Errorf("no contacts: %q", got)
	}
}

// TestEmbargoSubjectWelsh: the prefix comes from the release's language.
func TestEmbargoSubjectWelsh(t *testing.T) {
	r := releasetest.Seed()
	r.Lang, r.Words = "cy", release.WordsFor("cy")
	r.Embargo = &statement.Embargo{Time: time.Date(2025, 6, 18, 0, 1, 0, 0, time.UTC)}
	r.EmbargoEnd = time.Date(2025, 6, 17, 23, 1, 0, 0, time.UTC)
	_, raw := build(t, r, Options{Now: time.Date(2025, 6, 17, 9, 0, 0, 0, time.UTC)})
	msg, _ := mail.ReadMessage(bytes.NewReader(raw))
	got, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if want := "DAN EMBARGO: " + r.Headline; got != want {
		t.Errorf("subject %q, want %q", got, want)
	}
}

// The text part of a right-to-left release is the text rendition as it
// is, its right-to-left marks (plaintext: a line of an Urdu release that
// opens with an English name) kept, so that a mail program sets those
// lines right to left too.
func TestRightToLeftTextPart(t *testing.T) {
	r := releasetest.Seed()
	r.Lang, r.Words = "ur", release.WordsFor("ur")
	c := content(t, r)
	_, raw := build(t, r, Options{})
	_, leaves, _ := parseMessage(t, raw)
	if len(leaves) == 0 || leaves[0].mediaType != "text/plain" {
		t.Fatal("no text part")
	}
	body := crlf(leaves[0].body)
	if body != c.Text {
		t.Errorf("the text part differs from the text rendition")
	}
	if !strings.Contains(body, "\n\u200fBirmingham") {
		t.Errorf("the text part has no line opening with U+200F before a Latin name:\n%s", body)
	}
}
