package eml

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// crlf writes an e-mail with CRLF line ends, as mail servers store them.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

var docxBytes = []byte("PK\x03\x04 not really a docx, but bytes to pass on")

var longText = strings.Repeat("The council has approved the plan for the new library and leisure centre. ", 12)

func TestRead(t *testing.T) {
	docx64 := base64.StdEncoding.EncodeToString(docxBytes)
	for _, tc := range []struct {
		name      string
		eml       string
		mediaType string
		body      string // a prefix of the body
		file      string
		firstLine int
		evidence  []source.Evidence
	}{
		{"quoted-printable utf-8", crlf(`From: =?utf-8?q?Caerwyn_Press_Office?= <press@example.org>
To: newsdesk@example.org
Subject: =?utf-8?q?PRESS_RELEASE=3A_Caf=C3=A9_opens?=
Date: Tue, 07 Oct 2025 09:30:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

PRESS RELEASE =E2=80=93 the caf=C3=A9 opens, cost =C2=A3420 and a very long =
line goes on
`), "text/plain", "PRESS RELEASE – the café opens, cost £420 and a very long line goes on\n", "", 9,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "PRESS RELEASE: Café opens", Line: 3}, {Key: source.EvidenceDate, Value: "Tue, 07 Oct 2025 09:30:00 +0100", Line: 4}, {Key: source.EvidenceFrom, Value: "Caerwyn Press Office", Line: 1}}},
		{"base64 windows-1252", "From: Police <p@example.org>\nSubject: News\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: base64\n\n" +
			base64.StdEncoding.EncodeToString([]byte("\x93Thank you\x94 \x96 \xa3100\n")) + "\n", "text/plain", "“Thank you” – £100\n", "", 6,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "News", Line: 2}, {Key: source.EvidenceFrom, Value: "Police", Line: 1}}},
		{"iso-8859-1", "Subject: =?iso-8859-1?q?Caf=E9?=\nContent-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 =A365\n", "text/plain", "Café £65\n", "", 5,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "Café", Line: 1}}},
		{"unknown charset read as windows-1252", "Subject: x\nContent-Type: text/plain; charset=x-made-up\nContent-Transfer-Encoding: 8bit\n\nCost \xa3100\n", "text/plain", "Cost £100\n", "", 5, []source.Evidence{{Key: source.EvidenceSubject, Value: "x", Line: 1}}},
		{"format=flowed", "Subject: F\nContent-Type: text/plain; charset=utf-8; format=flowed\n\nA long paragraph that \nwas wrapped by the \nmailer.\n From the start.\n-- \nSig\n", "text/plain", "A long paragraph that was wrapped by the mailer.\nFrom the start.\n-- \nSig\n", "", 4,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "F", Line: 1}}},
		{"format=flowed, delsp", "Subject: F\nContent-Type: text/plain; format=flowed; delsp=yes\n\nsplit-word \nhere\n", "text/plain", "split-wordhere\n", "", 4,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "F", Line: 1}}},
		{"an mbox From line", "From press@example.org Tue Oct  7 09:30:00 2025\nFrom: Press <press@example.org>\nSubject: M\n\nBody\n", "text/plain", "Body\n", "", 5,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "M", Line: 3}, {Key: source.EvidenceFrom, Value: "Press", Line: 2}}},
		{"no MIME headers at all", "From: a@example.org\nSubject: Plain\n\nJust text.\n", "text/plain", "Just text.\n", "", 4,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "Plain", Line: 2}}},
		{"alternative: the text part", crlf(`Subject: Alt
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/html; charset=utf-8

<p>HTML first</p>
--b1
Content-Type: text/plain; charset=utf-8

Text second
--b1--
`), "text/plain", "Text second", "", 12, []source.Evidence{{Key: source.EvidenceSubject, Value: "Alt", Line: 1}}},
		{"html only", "Subject: H\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + base64.StdEncoding.EncodeToString([]byte("<p>Caf\u00e9</p>")) + "\n",
			"text/html", "<p>Café</p>", "", 5, []source.Evidence{{Key: source.EvidenceSubject, Value: "H", Line: 1}}},
		{"a cover note gives way to the attached Word document", crlf(`Subject: Release attached
Content-Type: multipart/mixed; boundary="mix"

--mix
Content-Type: text/plain; charset=utf-8

Dear newsdesk, please find our release attached. Kind regards, Nadia
--mix
Content-Type: image/png; name="logo.png"
Content-Disposition: inline; filename="logo.png"
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--mix
Content-Type: application/octet-stream; name="Release FINAL.docx"
Content-Disposition: attachment; filename="Release FINAL.docx"
Content-Transfer-Encoding: base64

` + docx64 + `
--mix--
`), DocxType, string(docxBytes), "Release FINAL.docx", 19, []source.Evidence{{Key: source.EvidenceSubject, Value: "Release attached", Line: 1}}},
		{"a long text part wins over an attachment", "Subject: S\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\n" + longText + "\n--m\nContent-Type: " + DocxType + "\nContent-Disposition: attachment; filename=r.docx\nContent-Transfer-Encoding: base64\n\n" + docx64 + "\n--m--\n",
			"text/plain", longText[:40], "", 7, []source.Evidence{{Key: source.EvidenceSubject, Value: "S", Line: 1}}},
		{"a text attachment is not the body", "Subject: S\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\nContent-Disposition: attachment; filename=notes.txt\n\nnotes\n--m\nContent-Type: text/html\n\n<p>body</p>\n--m--\n",
			"text/html", "<p>body</p>", "", 12, []source.Evidence{{Key: source.EvidenceSubject, Value: "S", Line: 1}}},
		{"forwarded: the release inside", crlf(`From: Mark <m@example.org>
Subject: Fwd: Bridge closure
Date: Mon, 30 Jun 2025 15:02:41 +0100
Content-Type: multipart/mixed; boundary="fwd"

--fwd
Content-Type: text/plain

FYI, see below.
--fwd
Content-Type: message/rfc822

From: Wensham District Council <press@example.org>
Subject: Bridge closure
Date: Mon, 30 Jun 2025 14:20:00 +0100
Content-Type: text/plain; charset=utf-8

MEDIA STATEMENT
--fwd--
`), "text/plain", "MEDIA STATEMENT", "", 18,
			[]source.Evidence{{Key: source.EvidenceSubject, Value: "Bridge closure", Line: 14}, {Key: source.EvidenceDate, Value: "Mon, 30 Jun 2025 14:20:00 +0100", Line: 15}, {Key: source.EvidenceFrom, Value: "Wensham District Council", Line: 13}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Read([]byte(tc.eml))
			if err != nil {
				t.Fatal(err)
			}
			if m.Part.MediaType != tc.mediaType {
				t.Errorf("media type %q, want %q", m.Part.MediaType, tc.mediaType)
			}
			if !strings.HasPrefix(string(m.Part.Body), tc.body) {
				t.Errorf("body %q, want it to start %q", m.Part.Body, tc.body)
			}
			if m.Part.Name != tc.file {
				t.Errorf("name %q, want %q", m.Part.Name, tc.file)
			}
			if m.Part.FirstLine != tc.firstLine {
				t.Errorf("first line %d, want %d", m.Part.FirstLine, tc.firstLine)
			}
			if len(m.Evidence) != len(tc.evidence) {
				t.Fatalf("evidence %+v, want %+v", m.Evidence, tc.evidence)
			}
			for i := range tc.evidence {
				if m.Evidence[i] != tc.evidence[i] {
					t.Errorf("evidence %d: %+v, want %+v", i, m.Evidence[i], tc.evidence[i])
				}
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	nested := "Subject: deep\n"
	for i := 0; i < maxDepth+3; i++ {
		nested += "Content-Type: multipart/mixed; boundary=b" + itoa(i) + "\n\n--b" + itoa(i) + "\n"
	}
	nested += "Content-Type: text/plain\n\ntext\n"
	many := "Subject: many\nContent-Type: multipart/mixed; boundary=m\n\n" + strings.Repeat("--m\nContent-Type: image/png\n\nx\n", maxParts+5) + "--m--\n"
	for _, tc := range []struct {
		name, eml, want string
	}{
		{"only an image", "Subject: Photo\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: image/jpeg; name=a.jpg\nContent-Disposition: attachment; filename=a.jpg\nContent-Transfer-Encoding: base64\n\n/9j/4AAQ\n--m--\n",
			"this e-mail has no text, HTML or Word part"},
		{"empty", "", "this e-mail has no text, HTML or Word part"},
		{"empty text part", "Subject: x\nContent-Type: text/plain\n\n \r\n\n", "this e-mail has no text, HTML or Word part"},
		{"empty multipart", "Subject: x\nContent-Type: multipart/mixed; boundary=m\n\n--m--\n", "this e-mail has no text, HTML or Word part"},
		{"broken base64", "Subject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!! this is not base64 ****\n", "cannot be decoded"},
		{"broken base64 attachment", "Subject: x\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: " + DocxType + "\nContent-Disposition: attachment; filename=r.docx\nContent-Transfer-Encoding: base64\n\n%%%%\n--m--\n", "the attachment r.docx cannot be decoded"},
		{"nested too deep", nested, "nested more than"},
		{"too many parts", many, "more than 200 parts"},
		{"header too big", "Subject: " + strings.Repeat("x", maxHeader+10) + "\n\nbody\n", "this is not an e-mail that can be read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Read([]byte(tc.eml))
			if err == nil {
				t.Fatalf("no error; got %+v", m.Part)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
			if strings.ToLower(err.Error()[:1]) != err.Error()[:1] {
				t.Errorf("error %q does not start in lower case", err)
			}
		})
	}
}

func TestPartTooBig(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 25 MB e-mail")
	}
	big := "Subject: big\nContent-Type: text/plain\n\n" + strings.Repeat("0123456789012345678901234567890123456789\n", maxPartBytes/41+10)
	_, err := Read([]byte(big))
	if err == nil || !strings.Contains(err.Error(), "larger than 25 MB") {
		t.Errorf("error %v, want a refusal", err)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestCorpus: each e-mail of the archive corpus gives the part the
// release is in.
func TestCorpus(t *testing.T) {
	for _, tc := range []struct {
		file, mediaType, name, start, subject string
	}{
		{"eml-qp-utf8.eml", "text/plain", "", "PRESS RELEASE\n\nMeadowcroft Homes to retrofit 600 homes", "PRESS RELEASE: Meadowcroft Homes to retrofit 600 homes with heat pumps by 2027"},
		{"eml-base64-cp1252.eml", "text/plain", "", "NEWS RELEASE\nFOR IMMEDIATE RELEASE", "Man charged after Fenwick Street burglaries"},
		{"eml-latin1.eml", "text/plain", "", "PRESS RELEASE\n\nCafé in Lowther Park", "Café in Lowther Park to be run by local social enterprise"},
		{"eml-alternative.eml", "text/plain", "", "PRESS RELEASE\nEMBARGOED UNTIL 00:01 THURSDAY 6 NOVEMBER 2025", "EMBARGOED: Survey finds one in three carers in Ashby has not had a break this year"},
		{"eml-html-only.eml", "text/html", "", "<!DOCTYPE html>", "News release: Beavers return to the River Lune after 400 years"},
		{"eml-docx-attachment.eml", DocxType, "Sepsis test press release FINAL.docx", "PK\x03\x04", "Press release: Kingsmere University scientists develop 20-minute sepsis test"},
		{"eml-forwarded.eml", "text/plain", "", "MEDIA STATEMENT\n\nStatement on the closure of Ferry Road bridge", "Statement on the closure of Ferry Road bridge"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "archive", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Read(src)
			if err != nil {
				t.Fatal(err)
			}
			body := strings.ReplaceAll(string(m.Part.Body), "\r\n", "\n")
			if m.Part.MediaType != tc.mediaType || m.Part.Name != tc.name || !strings.HasPrefix(body, tc.start) {
				t.Errorf("got %s %q starting %q, want %s %q starting %q", m.Part.MediaType, m.Part.Name, body[:min(len(body), 60)], tc.mediaType, tc.name, tc.start)
			}
			if m.Part.FirstLine <= 0 {
				t.Errorf("first line %d", m.Part.FirstLine)
			}
			if len(m.Evidence) == 0 || m.Evidence[0].Key != source.EvidenceSubject || m.Evidence[0].Value != tc.subject {
				t.Errorf("evidence %+v, want subject %q", m.Evidence, tc.subject)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"eml-alternative.eml", "eml-forwarded.eml", "eml-base64-cp1252.eml", "eml-inline-forward.eml", "eml-html-forward.eml"} {
		if src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "archive", name)); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("Subject: x\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: message/rfc822\n\nSubject: y\n\nbody\n--m--\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Read(src)
		if err == nil && (m == nil || m.Part.MediaType == "") {
			t.Fatal("no part without an error")
		}
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err) // a panic caught by Read's safety net
		}
	})
}

func TestPlaceholderTextPart(t *testing.T) {
	src := "Subject: S\nContent-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\nThis message is in HTML format.\n--a\nContent-Type: text/html\n\n<p>" + longText + "</p>\n--a--\n"
	m, err := Read([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if m.Part.MediaType != "text/html" {
		t.Errorf("chose %s, want the HTML part", m.Part.MediaType)
	}
}

// A mailbox export (mbox) with several e-mails is not one release: read as
// one, the second release ran into the first one's contacts and notes.
// It is refused, naming the line where the second e-mail starts.
func TestMailboxOfSeveral(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "two-releases.mbox"))
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"LF": src, "CRLF": []byte(crlf(string(src)))} {
		t.Run(name, func(t *testing.T) {
			m, err := Read(src)
			if err == nil {
				t.Fatalf("read as one e-mail: %q", m.Part.Body)
			}
			var mb *MailboxError
			if !errors.As(err, &mb) {
				t.Fatalf("error %v (%T), want a *MailboxError", err, err)
			}
			if mb.Messages != 2 || mb.Line() != 16 {
				t.Errorf("got %d e-mails, the second at line %d; want 2, at line 16", mb.Messages, mb.Line())
			}
			if want := "this mailbox holds 2 e-mails"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q, want it to contain %q", err, want)
			}
		})
	}
	// One e-mail in mbox form, and a body line that starts with "From "
	// as mbox writers escape it (">From "), stay one e-mail.
	one := "From press@example.org Tue Oct  7 09:30:00 2025\nSubject: M\n\nBody\n\n>From the chair: thanks.\n"
	if _, err := Read([]byte(one)); err != nil {
		t.Errorf("one e-mail refused: %v", err)
	}
}

// A release forwarded inline — under "-----Original Message-----" (Outlook),
// "---------- Forwarded message ---------" (Gmail) or "Begin forwarded
// message:" (Apple Mail), often quoted with ">" — is the part's body, not
// the cover note above it: the forwarded header's Subject and Date come
// first as evidence, and the note and the header are reported as left out.
func TestInlineForward(t *testing.T) {
	release := "PRESS RELEASE\n\nNew family hub opens\n\nThe hub opens on Monday.\n\nENDS\n"
	quoted := "> PRESS RELEASE\n>\n> New family hub opens\n>\n>The hub opens on Monday.\n>\n> ENDS\n"
	for _, tc := range []struct {
		name, body, want string
		subject, date    string
	}{
		{"outlook", "Hi all, see below.\n\nJo\n\n-----Original Message-----\nFrom: Press Office <press@example.gov.uk>\nSent: 13 January 2025 17:40\nTo: Comms <comms@example.gov.uk>\nSubject: PRESS RELEASE: New family hub opens\n\n" + release,
			release, "PRESS RELEASE: New family hub opens", "13 January 2025 17:40"},
		{"outlook, quoted", "FYI\n\n-----Original Message-----\nFrom: Press Office <press@example.gov.uk>\nSent: Monday, January 13, 2025 5:40 PM\nSubject: New family hub opens\n\n" + quoted,
			release, "New family hub opens", "Monday, January 13, 2025 5:40 PM"},
		{"outlook's rule", "FYI\n\n________________________________\nFrom: Press Office <press@example.gov.uk>\nSent: 13 January 2025 17:40\nSubject: New family hub opens\n\n" + release,
			release, "New family hub opens", "13 January 2025 17:40"},
		{"outlook's text of an HTML forward: the header with no marker", "Hi all, see below.\n\nFrom: Press Office <press@example.gov.uk>\nSent: Monday, January 13, 2025 5:40 PM\nTo: Comms <comms@example.gov.uk>\nSubject: New family hub opens\n\n" + release,
			release, "New family hub opens", "Monday, January 13, 2025 5:40 PM"},
		{"gmail", "fyi\n\n---------- Forwarded message ---------\nFrom: Press Office <press@example.gov.uk>\nDate: Mon, 13 Jan 2025 at 17:40\nSubject: New family hub opens\nTo: <comms@example.gov.uk>\n\n\n" + release,
			release, "New family hub opens", "Mon, 13 Jan 2025 at 17:40"},
		{"apple mail", "Begin forwarded message:\n\n> From: Press Office <press@example.gov.uk>\n> Subject: New family hub opens\n> Date: 13 January 2025 at 17:40:00 GMT\n> To: Comms <comms@example.gov.uk>\n> \n" + quoted,
			release, "New family hub opens", "13 January 2025 at 17:40:00 GMT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eml := "From: Jo <jo@example.gov.uk>\nSubject: Fwd: New family hub opens\nDate: Tue, 14 Jan 2025 10:12:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n" + tc.body
			m, err := Read([]byte(eml))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(m.Part.Body); got != tc.want {
				t.Errorf("body %q, want %q", got, tc.want)
			}
			// The body's first line is where the release starts in the file.
			lines := strings.Split(eml, "\n")
			if l := m.Part.FirstLine; l < 1 || l > len(lines) || !strings.Contains(lines[l-1], "PRESS RELEASE") {
				t.Errorf("FirstLine %d is not the release's first line", l)
			}
			if len(m.Evidence) < 2 || m.Evidence[0] != (source.Evidence{Key: source.EvidenceSubject, Value: tc.subject, Line: m.Evidence[0].Line}) ||
				m.Evidence[1].Key != source.EvidenceDate || m.Evidence[1].Value != tc.date {
				t.Errorf("evidence %+v, want the forwarded Subject %q and Date %q first", m.Evidence, tc.subject, tc.date)
			}
			for _, e := range m.Evidence[:2] {
				if !strings.Contains(lines[e.Line-1], e.Value) {
					t.Errorf("evidence %+v: line %d is %q", e, e.Line, lines[e.Line-1])
				}
			}
			if len(m.Part.Dropped) == 0 {
				t.Errorf("the cover note and the forwarded header are not reported")
			}
			for _, d := range m.Part.Dropped {
				if d.Line < 1 || d.Line > len(lines) || !strings.Contains(lines[d.Line-1], strings.Fields(d.Text)[0]) {
					t.Errorf("dropped %+v does not point at its line", d)
				}
			}
		})
	}
	// A release that names its sender on a "From:" line is not a forward.
	own := "Subject: x\n\nPRESS RELEASE\n\nFrom: the Chief Constable\nSubject: burglaries\n\nThe police said.\n"
	if m, err := Read([]byte(own)); err != nil || !strings.HasPrefix(string(m.Part.Body), "PRESS RELEASE") {
		t.Errorf("a From: line in a release was taken for a forward: %v %q", err, m.Part.Body)
	}
	// A long message that quotes a release it answers is not a forward
	// of it: the message's own text stays the body.
	long := "Subject: Re: hub\n\n" + longText + "\n\n-----Original Message-----\nFrom: x <x@example.org>\nSubject: hub\n\n" + release
	m, err := Read([]byte(long))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(m.Part.Body), longText[:40]) {
		t.Errorf("a long message gave way to the quoted one: %q", m.Part.Body)
	}
}

// A release forwarded in an HTML-only e-mail, under the header Outlook
// writes in HTML ("<b>From:</b> … <b>Sent:</b> … <b>Subject:</b> …" in a
// <div>, under a rule on the web, under a top border on the desktop, or
// Gmail's "Forwarded message" block), is the part's body without the
// cover note and the header: the forwarded Subject and Date come first as
// evidence, the note and the header are reported as left out, and the
// part's lines still count from the .eml's.
func TestHTMLForward(t *testing.T) {
	release := "<p><b>PRESS RELEASE</b></p>\n<p><b>New family hub opens</b></p>\n<p>" + longText + "</p>\n<p>ENDS</p>\n"
	for _, tc := range []struct {
		name, html    string
		subject, date string
	}{
		{"outlook on the web", `<html><head><style> P {margin-top:0;} </style></head><body dir="ltr">
<div>Hi all, see below.</div>
<div>Jo</div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif"><b>From:</b> Press Office &lt;press@example.gov.uk&gt;<br>
<b>Sent:</b> 13 January 2025 17:40<br>
<b>To:</b> Jo &lt;jo@example.gov.uk&gt;<br>
<b>Subject:</b> PRESS RELEASE: New family hub opens</font>
<div>&nbsp;</div>
</div>
` + release + "</body></html>\n", "PRESS RELEASE: New family hub opens", "13 January 2025 17:40"},
		{"the brief form", "<div>FYI</div>\n<div><hr><b>From:</b> Press Office &lt;press@example.gov.uk&gt; <b>Sent:</b> Monday, January 13, 2025 5:40 PM <b>Subject:</b> New family hub opens</div>\n" + release,
			"New family hub opens", "Monday, January 13, 2025 5:40 PM"},
		{"outlook desktop", `<html><body lang="EN-GB"><div class="WordSection1">
<p class="MsoNormal">Please see below.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>From:</b> Press Office &lt;press@example.gov.uk&gt; <br>
<b>Sent:</b> 13 January 2025 17:40<br>
<b>To:</b> Comms &lt;comms@example.gov.uk&gt;<br>
<b>Subject:</b> New family hub opens<o:p></o:p></p>
</div></div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
` + release + "</div></body></html>\n", "New family hub opens", "13 January 2025 17:40"},
		{"gmail", `<div dir="ltr">fyi<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Press Office</strong> <span dir="auto">&lt;press@example.gov.uk&gt;</span><br>Date: Mon, 13 Jan 2025 at 17:40<br>Subject: New family hub opens<br>To: &lt;comms@example.gov.uk&gt;<br></div><br><br>
` + release + "</div></div>\n", "New family hub opens", "Mon, 13 Jan 2025 at 17:40"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eml := "From: Jo <jo@example.gov.uk>\nSubject: Fwd: New family hub opens\nDate: Tue, 14 Jan 2025 10:12:00 +0000\nContent-Type: text/html; charset=utf-8\n\n" + tc.html
			m, err := Read([]byte(eml))
			if err != nil {
				t.Fatal(err)
			}
			body := string(m.Part.Body)
			for _, gone := range []string{"see below", "FYI", "fyi", "From:", "Sent:", "Forwarded message"} {
				if strings.Contains(body, gone) {
					t.Errorf("the body still holds %q:\n%s", gone, body)
				}
			}
			for _, kept := range []string{"<p><b>PRESS RELEASE</b></p>", longText, "<p>ENDS</p>"} {
				if !strings.Contains(body, kept) {
					t.Errorf("the body lost %q:\n%s", kept, body)
				}
			}
			// Lines of the body are lines of the part, so that the
			// report points into the .eml.
			lines := strings.Split(eml, "\n")
			bodyLines := strings.Split(body, "\n")
			for k, l := range bodyLines {
				if strings.Contains(l, "PRESS RELEASE") && !strings.Contains(lines[m.Part.FirstLine-1+k], "PRESS RELEASE") {
					t.Errorf("body line %d is not line %d of the .eml", k+1, m.Part.FirstLine+k)
				}
			}
			if len(m.Evidence) < 2 || m.Evidence[0].Key != source.EvidenceSubject || m.Evidence[0].Value != tc.subject ||
				m.Evidence[1].Key != source.EvidenceDate || m.Evidence[1].Value != tc.date {
				t.Errorf("evidence %+v, want the forwarded Subject %q and Date %q first", m.Evidence, tc.subject, tc.date)
			}
			for _, e := range m.Evidence[:min(2, len(m.Evidence))] {
				if e.Line < 1 || e.Line > len(lines) || !strings.Contains(lines[e.Line-1], strings.Fields(e.Value)[0]) {
					t.Errorf("evidence %+v does not point at its line", e)
				}
			}
			if len(m.Part.Dropped) == 0 {
				t.Errorf("the cover note and the forwarded header are not reported")
			}
			for _, d := range m.Part.Dropped {
				if d.Line < 1 || d.Line > len(lines) || !strings.Contains(lines[d.Line-1], strings.Fields(d.Text)[0]) {
					t.Errorf("dropped %+v does not point at its line", d)
				}
			}
		})
	}
	// A long message above the header is a reply: its own words stay.
	reply := "Content-Type: text/html\n\n<p>" + longText + "</p><div><hr><b>From:</b> x<br><b>Sent:</b> 1 May 2025<br><b>Subject:</b> y</div>" + release
	if m, err := Read([]byte(reply)); err != nil || !strings.Contains(string(m.Part.Body), "<p>"+longText) {
		t.Errorf("a reply lost its own words: %v", err)
	}
}

// A line of the body is where the .eml shows it: after quoted-printable
// soft line breaks and format=flowed's joined lines.
func TestPartLineIsTheFilesLine(t *testing.T) {
	src := "Subject: x\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"Headline\r\n\r\nA long first paragraph that a mailer wraps=\r\n at seventy-six characters, =\r\nand flows on \r\nto here.\r\n\r\nENDS\r\n"
	m, err := Read([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(m.Part.Body), "\n")
	want := map[string]int{"Headline": 5, "A long first": 7, "ENDS": 12}
	for i, l := range lines {
		for prefix, line := range want {
			if strings.HasPrefix(l, prefix) {
				if got := m.Part.Line(i + 1); got != line {
					t.Errorf("%q is body line %d, said to be at line %d of the file, want %d", l, i+1, got, line)
				}
				delete(want, prefix)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("not found in the body %q: %v", m.Part.Body, want)
	}
}
