package archive

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/render"
	"github.com/pressroom/pressroom/pkg/statement"
)

// fields flattens a statement into its keys and values, markup written
// out with its styles and links, so two statements compare field by field
// and a difference names the field.
func fields(s *statement.Statement) map[string]string {
	m := map[string]string{
		"layout": s.Layout, "organisation": s.Organisation, "kind": s.Kind, "headline": s.Headline,
		"subheadline": s.Subheadline, "dateline": s.Dateline, "reference": s.Reference, "lang": s.Lang,
		"keywords": strings.Join(s.Keywords, "|"), "summary": doc(s.Summary),
	}
	if !s.Date.IsZero() {
		m["date"] = s.Date.Time().Format("2006-01-02")
	}
	if s.Embargo != nil {
		m["embargo"] = s.Embargo.Time.Format("2006-01-02T15:04") + fmt.Sprint(s.Embargo.HasZone)
	}
	if d := s.Developments; d != nil {
		m["developments.intro"] = d.Intro
		for i, it := range d.Items {
			m[fmt.Sprintf("developments.items[%d]", i)] = inlines(it)
		}
	}
	for i, g := range s.Signatories {
		m[fmt.Sprintf("signatories[%d]", i)] = g.Name + " | " + g.Role + " | " + g.Organisation
	}
	for name, sec := range map[string]*statement.Section{"notes": s.Notes, "about": s.About} {
		if sec != nil {
			m[name+".heading"] = sec.Heading
			m[name+".body"] = doc(sec.Body)
		}
	}
	for i, c := range s.Contacts {
		m[fmt.Sprintf("contacts[%d]", i)] = strings.Join([]string{c.Purpose, c.Name, c.Role, c.Organisation, c.Email, c.Phone, c.Mobile, c.Office, c.Website}, " | ")
	}
	for k, v := range m {
		if v == "" {
			delete(m, k)
		}
	}
	return m
}

func doc(d markup.Doc) string {
	var b strings.Builder
	var blocks func(bs []markup.Block, depth int)
	blocks = func(bs []markup.Block, depth int) {
		for _, bl := range bs {
			switch bl.Kind {
			case markup.Paragraph:
				fmt.Fprintf(&b, "%s¶ %s\n", strings.Repeat("  ", depth), inlines(bl.Inlines))
			default:
				for n, it := range bl.Items {
					marker := "-"
					if bl.Kind == markup.OrderedList {
						marker = fmt.Sprintf("%d.", bl.Start+n)
					}
					fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", depth), marker)
					blocks(it.Blocks, depth+1)
				}
			}
		}
	}
	blocks(d.Blocks, 0)
	return b.String()
}

func inlines(ins []markup.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		t := in.Text
		if in.Style&markup.Strong != 0 {
			t = "**" + t + "**"
		}
		if in.Style&markup.Emphasis != 0 {
			t = "_" + t + "_"
		}
		switch {
		case in.Placeholder:
			t = "[" + t + "](#)"
		case in.Link != "":
			t = "[" + t + "](" + in.Link + ")"
		}
		if in.LineBreak {
			t += "⏎"
		}
		b.WriteString(t)
	}
	// Soft breaks and spaces are the same to a reader.
	return strings.Join(strings.Fields(b.String()), " ")
}

// compareFields reports every field whose value differs.
func compareFields(t *testing.T, got, want map[string]string) {
	t.Helper()
	keys := map[string]bool{}
	for k := range got {
		keys[k] = true
	}
	for k := range want {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if got[k] != want[k] {
			t.Errorf("%s:\n got  %q\n want %q", k, got[k], want[k])
		}
	}
}

func parseStatement(t *testing.T, name string, src []byte) *statement.Statement {
	t.Helper()
	s, list := statement.Parse(name, src, statement.Options{})
	if list.HasErrors() {
		t.Fatalf("%s does not parse:\n%v\n%s", name, list, src)
	}
	return s
}

func renderPDF(t *testing.T, lib *layout.Library, s *statement.Statement) []byte {
	t.Helper()
	l, ll := lib.Load("default", ".")
	if ll.HasErrors() {
		t.Fatal(ll)
	}
	if list := render.Check(s, l); list.HasErrors() {
		t.Fatalf("render.Check:\n%v", list)
	}
	var buf bytes.Buffer
	if _, err := render.RenderStatement(&buf, s, l, render.Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The seed statement's own text file imports to the seed example, field by
// field, and the two render to the same PDF.
func TestSeedImportsToTheExample(t *testing.T) {
	src, err := os.ReadFile("../../examples/archive/seed-statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The example is the statement the project began from, word for word.
	if orig, err := os.ReadFile("../../../shared/seed-statement.txt"); err == nil && !bytes.Equal(orig, src) {
		t.Error("examples/archive/seed-statement.txt differs from shared/seed-statement.txt")
	}
	res, list := Import("seed-statement.txt", src)
	if list.HasErrors() || res == nil {
		t.Fatalf("import: %v", list)
	}
	wantSrc, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		t.Fatal(err)
	}
	got := parseStatement(t, "imported.toml", res.Statement)
	want := parseStatement(t, "seed-statement.toml", wantSrc)
	compareFields(t, fields(got), fields(want))
	if len(res.Dropped) != 0 {
		t.Errorf("dropped from the seed: %v", res.Dropped)
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	if a, b := renderPDF(t, lib, got), renderPDF(t, lib, want); !bytes.Equal(a, b) {
		t.Errorf("the imported seed's PDF (%d bytes) differs from the example's (%d bytes)", len(a), len(b))
	}
}

// furnitureWords must never reach a statement: they are the page and the
// release process, not the release.
var furnitureWords = regexp.MustCompile(`(?i)for immediate release|\bENDS\b|-ends-|share this page|skip to (main )?content|accept (all )?cookies|crown copyright|open government licence|cookie|breadcrumb|sign up to our newsletter|- more -`)

// TestCorpus imports every archived release in testdata/archive and
// compares it with the statement a person typed from it: every field
// right, no furniture, and every word of the statement in its PDF.
func TestCorpus(t *testing.T) {
	wants, _ := filepath.Glob("../../testdata/archive/*.want.toml")
	if len(wants) == 0 {
		t.Fatal("no corpus in testdata/archive")
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	formats := map[string]int{}
	for _, want := range wants {
		base := strings.TrimSuffix(want, ".want.toml")
		var input string
		for _, ext := range []string{".txt", ".md", ".html", ".htm", ".docx", ".eml"} {
			if _, err := os.Stat(base + ext); err == nil {
				input = base + ext
			}
		}
		if input == "" {
			t.Errorf("%s has no archived release beside it", want)
			continue
		}
		t.Run(filepath.Base(input), func(t *testing.T) {
			src, err := os.ReadFile(input)
			if err != nil {
				t.Fatal(err)
			}
			res, list := Import(input, src)
			if list.HasErrors() || res == nil {
				t.Fatalf("import: %v", list)
			}
			formats[res.Format.String()]++
			wantSrc, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			got := parseStatement(t, "imported.toml", res.Statement)
			compareFields(t, fields(got), fields(parseStatement(t, want, wantSrc)))
			for k, v := range fields(got) {
				if m := furnitureWords.FindString(v); m != "" && !slices.Contains([]string{"about.body", "notes.body"}, k) {
					t.Errorf("%s holds page furniture %q", k, m)
				}
			}
			if t.Failed() {
				t.Logf("imported:\n%s", res.Statement)
				return
			}
			pdf := renderPDF(t, lib, got)
			text := pdftest.Text(t, pdf)
			var words []string
			for _, f := range got.Texts() {
				// The layout decides how signatures are set ("James Thomas
				// and Richard North, Co-Chairs"): render's tests check them.
				if f.Key == "layout" || f.Key == "lang" || strings.HasPrefix(f.Key, "signatories") {
					continue
				}
				words = append(words, pdftest.Words(strings.ToLower(plainOf(f.Value)))...)
			}
			// The layout sets the kind label in capitals: compare words
			// whatever their case. Right-to-left text comes back in
			// reading order only from pdftotext's layout mode, and Urdu's
			// Nastaliq from no pdftotext mode at all, only from the
			// structure tree's ActualText, which pkg/render's script tests
			// check (docs/scripts.md, "What readers extract"): its Latin
			// words (contacts) are still checked here.
			extracted := text.Raw
			switch got.Lang {
			case "ar":
				// Layout mode wraps right-to-left runs in bidi controls
				// and sets a tanween and the marks beside a word apart:
				// compare letters.
				extracted = lettersOnly(text.Layout)
				for i, w := range words {
					words[i] = lettersOnly(w)
				}
				words = slices.DeleteFunc(words, func(w string) bool { return w == "" })
				words = strings.Fields(strings.Join(words, " "))
			case "ur":
				words = slices.DeleteFunc(words, func(w string) bool { return strings.ContainsFunc(w, isArabicScript) })
			}
			if missing := pdftest.MissingWords(strings.ToLower(extracted), words, nil); len(missing) > 0 {
				t.Errorf("words of the statement missing from its PDF: %q", missing)
			}
		})
	}
	t.Logf("formats: %v", formats)
}

func isArabicScript(r rune) bool { return unicode.Is(unicode.Arabic, r) }

// lettersOnly is s without combining marks, and with a space for each
// bidi control and punctuation mark.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Mn, r):
			return -1
		case unicode.Is(unicode.Bidi_Control, r), unicode.IsPunct(r):
			return ' '
		}
		return r
	}, s)
}

// plainOf is a statement value's words without markup.
func plainOf(v string) string {
	d, _ := markup.Parse(v, markup.Options{})
	var b strings.Builder
	var walk func(bs []markup.Block)
	walk = func(bs []markup.Block) {
		for _, bl := range bs {
			for _, in := range bl.Inlines {
				b.WriteString(in.Text)
			}
			b.WriteByte(' ')
			for _, it := range bl.Items {
				walk(it.Blocks)
			}
		}
	}
	walk(d.Blocks)
	return b.String()
}

// Bad input is a clear error naming the file, never a panic and never a
// statement.
func TestImportRefusesBadInput(t *testing.T) {
	big := bytes.Repeat([]byte("All work and no play makes a dull release.\n"), MaxTextSize/40)
	page := append([]byte("<!DOCTYPE html><html><body>"), bytes.Repeat([]byte("<p>words</p>\n"), MaxPageSize/12)...)
	for _, tc := range []struct {
		name string
		src  []byte
		want string
	}{
		{"empty.txt", nil, "the file is empty"},
		{"blank.md", []byte("\n \n\t\n"), "the file is empty"},
		{"photo.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"), "this is not a text file, web page, Word document or e-mail"},
		{"renamed.docx", []byte("just some text"), "this is not a Word document"},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), "old Word documents (.doc) are not read"},
		{"scan.pdf", []byte("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"), "PDF files are not read yet"},
		{"statement.txt", []byte("headline = \"x\"\n"), "this is already a statement file"},
		{"huge.txt", big, "may be at most 4.0 MiB"},
		{"huge.html", page, "may be at most 8.0 MiB"},
		{"long.txt", bytes.Repeat([]byte("A paragraph of a release that goes on.\n\n"), 30000), "one statement may be at most 1.0 MiB"},
		{"no-date.txt", []byte("PRESS RELEASE\n\nHeadline\n\nBody of the release.\n"), "no date found"},
		{"no-body.txt", []byte("PRESS RELEASE\n\nHeadline\n\nDate: 1 May 2020\n"), "no body text found"},
		{"short-page.html", []byte("<html><body><p>See the release attached.</p></body></html>"), "no release found on the page"},
		// An e-mail is called an e-mail, at the line of its HTML part.
		{"cover-note.eml", []byte("Subject: Press release\nContent-Type: text/html\n\n<p>See the release attached.</p>\n"), "cover-note.eml:4: error: no release found in the e-mail: its HTML part has fewer than 20 words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, list := Import(tc.name, tc.src)
			if res != nil || !list.HasErrors() {
				t.Fatalf("imported: %v", res)
			}
			if !strings.Contains(fmt.Sprint(list), tc.want) {
				t.Errorf("got %v, want %q", list, tc.want)
			}
			for _, d := range list {
				if d.Pos.File != tc.name {
					t.Errorf("diagnostic names %q, not the file", d.Pos.File)
				}
				if d.Hint == "" {
					t.Errorf("%v: no hint says what to do", d)
				}
			}
		})
	}
}

// A mailbox export with several e-mails is refused at the line where the
// second starts, with what to do: import reads one release per file.
func TestImportRefusesMailbox(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("eml", "testdata", "two-releases.mbox"))
	if err != nil {
		t.Fatal(err)
	}
	res, list := Import("sent.mbox", src)
	if res != nil || len(list) != 1 {
		t.Fatalf("imported %v, diagnostics %v; want one error", res, list)
	}
	d := list[0]
	if d.Pos.File != "sent.mbox" || d.Pos.Line != 16 || d.Severity != diag.Error {
		t.Errorf("diagnostic at %+v (%v), want an error at sent.mbox:16", d.Pos, d.Severity)
	}
	if !strings.Contains(d.Message, "2 e-mails") || !strings.Contains(d.Hint, "save each e-mail") {
		t.Errorf("message %q, hint %q", d.Message, d.Hint)
	}
}

// A file name with control characters (a terminal escape, a carriage
// return) is quoted in the statement's comments, which may hold none.
func TestImportQuotesControlCharactersInName(t *testing.T) {
	src, err := os.ReadFile("../../examples/archive/seed-statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, list := Import("evil\x1b[2J\rname.txt", src)
	if res == nil || list.HasErrors() {
		t.Fatalf("import: %v", list)
	}
	if bytes.ContainsAny(res.Statement, "\x1b\r") {
		t.Errorf("the statement holds a control character:\n%s", res.Statement)
	}
}

// A guessed [notes] with no heading of its own is named by its text in
// the warning batch gives, not as an empty value.
func TestWarningNamesGuessedNotes(t *testing.T) {
	src := "PRESS RELEASE\n\nPool reopens on Saturday\n\nDate: 1 May 2025\n\nThe pool reopens on Saturday after repairs.\n\nMedia enquiries: press@example.org\n\nThe survey report is online at the council website.\n"
	res, list := Import("notes.txt", []byte(src))
	if list.HasErrors() {
		t.Fatal(list)
	}
	got := fmt.Sprint(res.Warnings("notes.txt"))
	if want := `import guessed notes = "The survey report is online at the council website."`; !strings.Contains(got, want) {
		t.Errorf("warnings %s, want %q", got, want)
	}
}
