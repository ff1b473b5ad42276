package archive

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/pressroom/pressroom/pkg/archive/docx"
	"github.com/pressroom/pressroom/pkg/archive/eml"
	"github.com/pressroom/pressroom/pkg/archive/htmldoc"
	"github.com/pressroom/pressroom/pkg/archive/source"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Limits on what Import reads: archived releases are a few pages, so a
// larger file is something else (or an attack) and is refused before any
// work is done.
const (
	// MaxTextSize bounds plain-text and Markdown files.
	MaxTextSize = 4 << 20
	// MaxPageSize bounds web pages, which carry scripts and styles too.
	MaxPageSize = 8 << 20
	// maxText bounds the text a reader may hand the recogniser: a
	// statement may be at most statement.MaxSize, so a release whose text
	// alone is larger cannot become one, and the work stays bounded
	// whatever the file's markup.
	maxText = statement.MaxSize
	// MaxFileSize bounds Word documents and e-mails (attachments
	// included); their readers bound what they unpack on their own.
	MaxFileSize = 32 << 20
)

// Result is one imported release.
type Result struct {
	// Format is what the file was read as.
	Format Format
	// Statement is the statement file, ready to write.
	Statement []byte
	// Draft is the statement as fields, for callers that render it
	// directly.
	Draft *Draft
	// Fields lists every decision, in the order taken.
	Fields []Finding
	// Dropped lists what was left out, and why.
	Dropped []Dropped
	// Unit says what Fields' and Dropped's Line count ("line", or
	// "paragraph" for a Word document).
	Unit string
}

// Guessed lists the fields the import was not sure of, for a manifest.
func (r *Result) Guessed() []Finding {
	var out []Finding
	for _, f := range r.Fields {
		if f.Confidence != Sure {
			out = append(out, f)
		}
	}
	return out
}

// Import reads an archived release (src, the bytes of the file name) and
// returns the statement file it holds. Problems come back as diagnostics
// naming the file: a format it does not read, a file too large, no
// headline, no date. When the list has an error the Result is nil.
func Import(name string, src []byte) (*Result, diag.List) {
	var list diag.List
	at := diag.Pos{File: name}
	format := Sniff(name, src)
	if strings.EqualFold(filepath.Ext(name), ".docx") && format != Docx && format != Empty {
		// Word documents are zip files; a .docx that is not one was
		// renamed or damaged, and reading it as text would only mislead.
		list.Errorf(at, "open it in Word or LibreOffice and save it again as a Word document (.docx)",
			"this is not a Word document: a .docx file is a zip archive, and this one is %s", format.Describe())
		return nil, list
	}
	if limit := sizeLimit(format); int64(len(src)) > limit {
		list.Errorf(at, "split the file, or import the release from another copy of it",
			"the file is %s; %s may be at most %s", size(int64(len(src))), format.Describe(), size(limit))
		return nil, list
	}
	doc, err := read(format, name, src)
	if err != nil {
		d := diag.Diagnostic{Pos: at, Severity: diag.Error, Message: err.Error(), Hint: hintFor(format, name)}
		if pe := (*partError)(nil); errors.As(err, &pe) {
			d.Pos.Line, d.Hint = pe.line, pe.hint
		}
		if mb := (*eml.MailboxError)(nil); errors.As(err, &mb) {
			d.Pos.Line = mb.Line()
			d.Hint = "save each e-mail as a file of its own (in your mail program, drag it into a folder, or open it and choose Save As), then import the folder: pressroom batch FOLDER --out-dir pdf"
		}
		list.Add(d)
		return nil, list
	}
	if n := textSize(doc); n > maxText {
		list.Errorf(at, "import the releases one at a time: save each as a file of its own",
			"the file holds %s of text; one statement may be at most %s (is it several releases, or an archive page?)", size(int64(n)), size(maxText))
		return nil, list
	}
	d, found, dropped := recognise(doc)
	// The report reads top to bottom, as the file does; decisions taken
	// from no one line (the organisation from a signature) come last.
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i].Line, found[j].Line
		if a == 0 || b == 0 {
			return a != 0 && b == 0
		}
		return a < b
	})
	sort.SliceStable(dropped, func(i, j int) bool { return dropped[i].Line < dropped[j].Line })
	unit := string(doc.Unit)
	first := func(line int) diag.Pos { return diag.Pos{File: name, Line: lineIf(doc.Unit, line)} }
	if d.Headline == "" {
		list.Errorf(at, "put the headline on a line of its own above the text", "no headline found: the release has no title or short first line")
	}
	if d.Date.Year == 0 {
		list.Errorf(at, "add a line such as \"Date: 17 December 2024\" under the headline and import again",
			"no date found: the release names none (pressroom does not invent one)")
	}
	if len(d.Summary) == 0 {
		list.Errorf(at, "check that the file holds the text of the release", "no body text found under the headline")
	}
	if list.HasErrors() {
		return nil, list
	}
	out := writeTOML(d, found, dropped, filepath.Base(name), doc.Format, unit)
	// What import writes must be a statement that check accepts: read it
	// back with the statement's own parser.
	_, plist := statement.Parse(name, out, statement.Options{})
	for _, p := range plist {
		if p.Severity != diag.Error {
			continue
		}
		p.Message = "the imported statement would not check: " + p.Message
		p.Pos = first(0)
		list.Add(p)
	}
	if list.HasErrors() {
		return nil, list
	}
	return &Result{Format: format, Statement: out, Draft: d, Fields: found, Dropped: dropped, Unit: unit}, list
}

// textSize is how much text a reader found, in bytes.
func textSize(doc *source.Doc) int {
	n := 0
	for _, b := range doc.Blocks {
		for _, l := range b.Lines {
			n += len(l.Text) + 1
		}
	}
	return n
}

// lineIf gives a diagnostic's line: Word paragraphs are not lines, so
// their number is said in the message instead.
func lineIf(u source.Unit, n int) int {
	if u != source.Lines {
		return 0
	}
	return n
}

func sizeLimit(f Format) int64 {
	switch f {
	case Text, Markdown, UTF16Text:
		return MaxTextSize
	case HTML:
		return MaxPageSize
	}
	return MaxFileSize
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// read hands the file to the reader of its format.
func read(format Format, name string, src []byte) (*source.Doc, error) {
	switch format {
	case Text, Markdown, UTF16Text:
		text, err := decodeText(src)
		if err != nil {
			return nil, err
		}
		f := "text"
		if format == Markdown || Sniff(name, []byte(text)) == Markdown {
			f = "markdown"
		}
		return readText(text, f), nil
	case Empty:
		return nil, fmt.Errorf("the file is empty")
	case TOML:
		return nil, fmt.Errorf("this is already a statement file")
	case PDF:
		return nil, fmt.Errorf("PDF files are not read yet")
	case LegacyWord:
		return nil, fmt.Errorf("old Word documents (.doc) are not read")
	case RTF:
		return nil, fmt.Errorf("Rich Text Format files are not read")
	case OpenDocument:
		return nil, fmt.Errorf("this is a zip file but not a Word document")
	case Binary:
		return nil, fmt.Errorf("this is not a text file, web page, Word document or e-mail")
	}
	return readOther(format, name, src)
}

// hintFor says what to do with a file import does not read.
func hintFor(f Format, name string) string {
	switch f {
	case TOML:
		return "check or render it as it is: pressroom render " + name
	case PDF:
		return "open the PDF, copy its text into a .txt file, and import that"
	case LegacyWord, RTF, OpenDocument:
		return "open it in your word processor and save it as a Word document (.docx), then import that"
	case Empty, Binary:
		return "import a .txt, .md, .html, .docx or .eml file"
	case HTML:
		return "save the page again from the browser with its text (Save Page As, \"Web Page, complete\"), or copy the release's text into a .txt file and import that"
	}
	return ""
}

// decodeText turns a text file into UTF-8: UTF-8 (with or without a
// byte-order mark), UTF-16 with a mark, or, failing those, Windows-1252,
// the encoding of most older British text files.
func decodeText(src []byte) (string, error) {
	switch {
	case bytes.HasPrefix(src, []byte("\xFF\xFE")), bytes.HasPrefix(src, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(src)
		if err != nil {
			return "", fmt.Errorf("the file says it is UTF-16 but is not: %v", err)
		}
		return string(out), nil
	case utf8.Valid(src):
		return strings.TrimPrefix(string(src), "\uFEFF"), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(src)
	if err != nil {
		return "", fmt.Errorf("the file's characters are in no encoding pressroom knows")
	}
	return string(out), nil
}

// readOther reads the formats whose readers live in their own packages.
func readOther(format Format, name string, src []byte) (*source.Doc, error) {
	switch format {
	case HTML:
		return htmldoc.Read(src)
	case Docx:
		return docx.Read(src)
	case EML:
		msg, err := eml.Read(src)
		if err != nil {
			return nil, err
		}
		doc, err := readPart(name, msg.Part)
		if err != nil {
			return nil, err
		}
		doc.Format = "eml (" + doc.Format + ")"
		// The message's Subject and Date come after the part's own
		// evidence: the release's words win over its envelope's.
		doc.Evidence = append(doc.Evidence, msg.Evidence...)
		return doc, nil
	}
	return nil, fmt.Errorf("%s is not read", format.Describe())
}

// partError is a problem with the part of an e-mail that holds the
// release, at the line of the .eml where the part starts (0 when
// unknown), with what to do about it.
type partError struct {
	line      int
	msg, hint string
}

func (e *partError) Error() string { return e.msg }

// readPart reads the part of an e-mail that holds the release. Lines of a
// text or HTML part are counted from the .eml's own first line, so the
// report points into the file the user has.
func readPart(name string, p eml.Part) (*source.Doc, error) {
	var doc *source.Doc
	var err error
	switch p.MediaType {
	case "text/plain":
		f := "text"
		if Sniff(name, p.Body) == Markdown {
			f = "markdown"
		}
		doc = readText(string(p.Body), f)
	case "text/html":
		doc, err = htmldoc.Read(p.Body)
		if errors.Is(err, htmldoc.ErrNoRelease) {
			return nil, &partError{line: p.FirstLine,
				msg:  fmt.Sprintf("no release found in the e-mail: its HTML part has fewer than %d words of text", htmldoc.MinWords),
				hint: "if the release is in an attachment, save it as a .docx or .txt file and import that; if it is in another e-mail, import that e-mail (saved as .eml)"}
		}
	case eml.DocxType:
		return docx.Read(p.Body)
	default:
		return nil, fmt.Errorf("this e-mail's release is in a %s part, which is not read", p.MediaType)
	}
	if err != nil {
		return nil, err
	}
	if p.FirstLine > 0 {
		// A line of the part is where the file shows it (eml.Part.Line:
		// after quoted-printable's soft line breaks, too).
		for i := range doc.Blocks {
			for k := range doc.Blocks[i].Lines {
				doc.Blocks[i].Lines[k].Line = p.Line(doc.Blocks[i].Lines[k].Line)
			}
		}
		for i := range doc.Dropped {
			doc.Dropped[i].Line = p.Line(doc.Dropped[i].Line)
		}
		for i := range doc.Evidence {
			doc.Evidence[i].Line = p.Line(doc.Evidence[i].Line)
		}
	}
	// What the part held above a release forwarded inline is reported,
	// at its own lines of the .eml.
	doc.Dropped = append(doc.Dropped, p.Dropped...)
	return doc, nil
}

// Warnings turns the import's guesses into warnings on the archived file,
// for a batch's report and manifest: each guessed field, and each dropped
// piece that was not page furniture, wants a look before the PDF is sent.
func (r *Result) Warnings(file string) diag.List {
	var list diag.List
	pos := func(line int) diag.Pos {
		if r.Unit == string(source.Lines) {
			return diag.Pos{File: file, Line: line}
		}
		return diag.Pos{File: file}
	}
	for _, f := range r.Fields {
		if f.Confidence != Guess {
			continue
		}
		list.Add(diag.Diagnostic{Pos: pos(f.Line), Severity: diag.Warning,
			Message: fmt.Sprintf("import guessed %s = %q (%s)", f.Key(), r.Draft.Field(f.Field), f.Why),
			Hint:    "check it: pressroom import " + file + " writes the statement with a comment on each key"})
	}
	return list
}
