package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// parseFile reads a statement and its layout as the command does.
func parseFile(t testing.TB, lib *layout.Library, file string) (*statement.Statement, *layout.Layout) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, list := statement.Parse(file, src, statement.Options{})
	if list.HasErrors() {
		t.Fatalf("%s does not parse:\n%v", file, list)
	}
	ref, dir := s.Layout, filepath.Dir(file)
	if ref == "" {
		ref, dir = "default", "."
	}
	l, ll := lib.Load(ref, dir)
	if l == nil || ll.HasErrors() {
		t.Fatalf("%s: layout %q:\n%v", file, ref, ll)
	}
	return s, l
}

// statementLinks is every link target a reader must be able to click.
func statementLinks(s *statement.Statement) []string {
	var out []string
	inl := func(ins []markup.Inline) {
		for _, in := range ins {
			if in.Link != "" && !in.Placeholder {
				out = append(out, in.Link)
			}
		}
	}
	var block func(b markup.Block)
	block = func(b markup.Block) {
		inl(b.Inlines)
		for _, it := range b.Items {
			for _, ib := range it.Blocks {
				block(ib)
			}
		}
	}
	for _, b := range s.Summary.Blocks {
		block(b)
	}
	if s.Developments != nil {
		for _, it := range s.Developments.Items {
			inl(it)
		}
	}
	for _, sec := range []*statement.Section{s.Notes, s.About} {
		if sec != nil {
			for _, b := range sec.Body.Blocks {
				block(b)
			}
		}
	}
	for _, c := range release.ResolveContacts(s.Contacts) {
		for _, cl := range c.Lines {
			out = append(out, cl.Href)
		}
	}
	return out
}

func exampleFiles(t testing.TB) []string {
	files, err := filepath.Glob("../../examples/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	// A folder of its own holds a brand: its layout.toml is a layout, the
	// other files statements.
	more, _ := filepath.Glob("../../examples/*/*.toml")
	for _, m := range more {
		if filepath.Base(m) != "layout.toml" {
			files = append(files, m)
		}
	}
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	return files
}

// Every example renders, and a PDF engine reading it back finds every
// word, the metadata, the page count and every link.
func TestExamples(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, file := range exampleFiles(t) {
		name := exampleName(file)
		t.Run(name, func(t *testing.T) {
			s, l := parseFile(t, lib, file)
			if list := Check(s, l); list.HasErrors() {
				t.Fatalf("check: %v", list)
			}
			p, err := LayoutStatement(s, l)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range append(planProblems(p), splitProblems(p)...) {
				t.Error(pr)
			}
			var buf bytes.Buffer
			res, err := RenderStatement(&buf, s, l, Options{Version: pressroom.Version})
			if err != nil {
				t.Fatal(err)
			}
			pdf := buf.Bytes()
			keep(t, "example-"+name+".pdf", pdf)
			pdftest.Check(t, pdf)
			pdftest.CheckFonts(t, pdf)

			r, err := release.New(s, l)
			if err != nil {
				t.Fatal(err)
			}
			info := pdftest.Info(t, pdf)
			for k, v := range map[string]string{
				"Title": s.Headline, "Author": r.Organisation, "Subject": r.Kind,
				"Keywords": strings.Join(s.Keywords, ", "), "Creator": "pressroom " + pressroom.Version,
				"Pages": itoa(res.Pages),
			} {
				if info[k] != v {
					t.Errorf("pdfinfo %s = %q; want %q", k, info[k], v)
				}
			}
			if res.Pages != len(p.Pages) {
				t.Errorf("%d pages rendered, %d planned", res.Pages, len(p.Pages))
			}
			text := pdftest.Text(t, pdf)
			if m := missingWords(text.Raw, statementWords(s), furnitureLines(p)); len(m) > 0 {
				t.Errorf("words missing from the PDF's text: %q", m)
			}
			var titles []string
			for _, o := range pdftest.Outlines(t, pdf) {
				titles = append(titles, o.Title)
			}
			wantTitles := []string{s.Headline}
			// The headings are the release's: the statement's own, else
			// its language's (release.New).
			if r.Notes != nil {
				wantTitles = append(wantTitles, r.Notes.Heading)
			}
			if r.About != nil {
				wantTitles = append(wantTitles, r.About.Heading)
			}
			if len(s.Contacts) > 0 {
				wantTitles = append(wantTitles, r.ContactsHeading)
			}
			if a, b := strings.Join(titles, " | "), strings.Join(wantTitles, " | "); a != b {
				t.Errorf("bookmarks %q; want %q", titles, wantTitles)
			}
			got := map[string]bool{}
			links := pdftest.Links(t, pdf)
			for _, lk := range links {
				got[lk.URI] = true
			}
			for _, want := range statementLinks(s) {
				if !got[want] {
					t.Errorf("no link to %s; links:\n%s", want, pdftest.Describe(links))
				}
			}
		})
	}
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// exampleName is the file's name, with its folder for a brand's files:
// "seed-statement", "custom-brand-statement".
func exampleName(file string) string {
	name := strings.TrimSuffix(filepath.Base(file), ".toml")
	if dir := filepath.Base(filepath.Dir(file)); dir != "examples" && dir != "render" {
		name = dir + "-" + name
	}
	return name
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
