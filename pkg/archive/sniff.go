package archive

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/lazyre"
)

// Format is what kind of file a release is kept in.
type Format int

const (
	// Unknown is a file that is none of the below.
	Unknown Format = iota
	// Empty is a file with nothing but white space in it.
	Empty
	// TOML is a statement (or layout) file: pressroom's own format.
	TOML
	// Text is plain text, in UTF-8 or a legacy single-byte encoding.
	Text
	// Markdown is text with Markdown headings, emphasis or links.
	Markdown
	// UTF16Text is plain text saved as UTF-16 (Word's and Notepad's
	// "Unicode" text), with a byte-order mark.
	UTF16Text
	// HTML is a web page.
	HTML
	// Docx is a Word document (Office Open XML).
	Docx
	// EML is an e-mail message (RFC 5322, with MIME).
	EML
	// PDF is a PDF file.
	PDF
	// LegacyWord is a Word 97–2003 .doc file.
	LegacyWord
	// RTF is a Rich Text Format file.
	RTF
	// OpenDocument is an OpenDocument text (.odt) or another zip that is
	// not a Word document.
	OpenDocument
	// Binary is any other file that is not text (an image, an archive).
	Binary
)

var formatNames = map[Format]string{
	Unknown: "unknown", Empty: "empty", TOML: "toml", Text: "text", Markdown: "markdown",
	UTF16Text: "utf-16 text", HTML: "html", Docx: "docx", EML: "eml", PDF: "pdf",
	LegacyWord: "doc", RTF: "rtf", OpenDocument: "zip", Binary: "binary",
}

// String is the format's short name, as reports and manifests give it.
func (f Format) String() string { return formatNames[f] }

// Describe says what the file is in a user's words, for messages ("a Word
// document", "an e-mail").
func (f Format) Describe() string {
	switch f {
	case Empty:
		return "an empty file"
	case TOML:
		return "a statement file"
	case Text:
		return "a plain-text file"
	case Markdown:
		return "a Markdown file"
	case UTF16Text:
		return "a text file saved as UTF-16"
	case HTML:
		return "a web page (HTML)"
	case Docx:
		return "a Word document (.docx)"
	case EML:
		return "an e-mail (.eml)"
	case PDF:
		return "a PDF"
	case LegacyWord:
		return "an old Word document (.doc)"
	case RTF:
		return "a Rich Text Format file"
	case OpenDocument:
		return "a zip file that is not a Word document"
	case Binary:
		return "not a text file"
	}
	return "a file of unknown kind"
}

// Importable reports whether pressroom import reads the format.
func (f Format) Importable() bool {
	switch f {
	case Text, Markdown, UTF16Text, HTML, Docx, EML:
		return true
	}
	return false
}

// markdownSign is what plain text does not have: "#" headings, "**",
// [text](link) links and <https://…> autolinks. Bullets are not enough:
// plain-text releases use "-" and "*" bullets too.

// sniffLen is how much of a file the sniffer looks at; enough for an
// e-mail's headers or a page's head.
const sniffLen = 16 << 10

var (
	tomlKeyLine    = lazyre.New(`^(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*\s*=`)
	tomlTableLine  = lazyre.New(`^\[\[?\s*[A-Za-z0-9_."' -]+\]\]?\s*(?:#.*)?$`)
	headerLine     = lazyre.New(`^[!-9;-~]+:`)
	markdownSign   = lazyre.New(`(?m)^#{1,6} \S|\*\*\S|\[[^\]\n]+\]\([^)\s]*\)|<https?://`)
	htmlStart      = lazyre.New(`(?i)^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h1)[\s>/]`)
	emailHeaderKey = map[string]bool{
		"from": true, "to": true, "subject": true, "date": true, "mime-version": true, "received": true,
		"return-path": true, "message-id": true, "content-type": true, "cc": true, "reply-to": true,
		"x-mailer": true, "delivered-to": true, "sender": true, "thread-topic": true, "x-unsent": true,
	}
)

// Sniff tells what kind of file src is, by its content first and its
// name's extension second (the extension only decides between plain text
// and Markdown, and for files too short to tell). It is the one place
// that decides what a file is: check and render use it to say what to run
// instead, import to choose a reader.
func Sniff(name string, src []byte) Format {
	head := src
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		return Empty
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if bytes.Contains(src, []byte("word/document.xml")) {
			return Docx
		}
		return OpenDocument
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return LegacyWord
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return RTF
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return UTF16Text
	}
	text := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if looksBinary(text) {
		return Binary
	}
	trimmed := bytes.TrimLeft(text, " \t\r\n")
	switch {
	case htmlStart.Match(trimmed):
		return HTML
	case looksLikeEmail(text):
		return EML
	case looksLikeTOML(text):
		return TOML
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm":
		if bytes.Contains(bytes.ToLower(text), []byte("<p")) {
			return HTML
		}
	case ".toml":
		// A .toml file that does not look like one is still the user's
		// statement: check's own messages say what is wrong with it.
		return TOML
	}
	if markdownSign.Match(text) {
		return Markdown
	}
	return Text
}

// looksBinary reports whether a file's start holds NUL bytes or more than
// a few control characters: not something a person typed.
func looksBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			controls++
		}
	}
	if controls > len(b)/100+2 {
		return true
	}
	if !utf8.Valid(b) {
		// Legacy single-byte text (Windows-1252, Latin-1) is still text;
		// a file whose high bytes are most of it is not.
		high := 0
		for _, c := range b {
			if c >= 0x80 {
				high++
			}
		}
		return high > len(b)/4
	}
	return false
}

// looksLikeEmail reports whether the file starts with a block of e-mail
// headers: every line up to the first blank one is a header or a folded
// continuation, and at least two are headers e-mails carry.
func looksLikeEmail(b []byte) bool {
	known := 0
	for i, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			return i > 0 && known >= 2
		}
		if line[0] == ' ' || line[0] == '\t' {
			if i == 0 {
				return false
			}
			continue
		}
		if !headerLine.Match(line) {
			// mbox files start with "From " before the headers.
			if i == 0 && bytes.HasPrefix(line, []byte("From ")) {
				continue
			}
			return false
		}
		key, _, _ := bytes.Cut(line, []byte(":"))
		if emailHeaderKey[strings.ToLower(string(key))] {
			known++
		}
	}
	return known >= 2
}

// looksLikeTOML reports whether the first line that is not blank or a
// comment is a TOML key or table header. Prose rarely starts that way,
// and a statement with a syntax error further down is still a statement.
func looksLikeTOML(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		return tomlKeyLine.Match(line) || tomlTableLine.Match(line)
	}
	return false
}

// archiveExts are the file name endings of the archived releases import
// reads, for finding them in a folder.
var archiveExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true, ".docx": true, ".eml": true, ".mbox": true}

// unreadExts are the file name endings of releases kept in formats import
// does not read, with what each is.
var unreadExts = map[string]Format{".doc": LegacyWord, ".rtf": RTF, ".odt": OpenDocument}

// Unread says, for a file whose name marks it as a release in a format
// import does not read (.doc, .rtf, .odt), why it is not read and what to
// do, so that batch reports it instead of passing over it in a folder;
// ok is false for any other name. PDFs are not among them: render writes
// them beside their statements, so a folder of statements holds many.
func Unread(name string) (reason, hint string, ok bool) {
	f, ok := unreadExts[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return "", "", false
	}
	if f == OpenDocument {
		return "OpenDocument text files (.odt) are not read", hintFor(f, name), true
	}
	_, err := read(f, name, nil)
	return err.Error(), hintFor(f, name), true
}

// IsArchiveName reports whether a file's name says it may be an archived
// release (batch picks such files out of a folder; its content decides
// what it is).
func IsArchiveName(name string) bool { return archiveExts[strings.ToLower(filepath.Ext(name))] }
