package render

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

func renderBytes(t testing.TB, s *statement.Statement, opts Options) ([]byte, Result) {
	t.Helper()
	var buf bytes.Buffer
	res, err := RenderStatement(&buf, s, testLayout(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), res
}

// statementWords is every word a reader must find in the PDF: the texts
// of the statement as the renderer shows them.
func statementWords(s *statement.Statement) []string {
	var words []string
	add := func(text string) { words = append(words, strings.Fields(text)...) }
	inl := func(ins []markup.Inline) {
		var b strings.Builder
		for _, in := range ins {
			b.WriteString(in.Text)
			if in.LineBreak {
				b.WriteByte(' ')
			}
		}
		add(b.String())
	}
	var docText func(d markup.Doc)
	var block func(b markup.Block)
	block = func(b markup.Block) {
		inl(b.Inlines)
		for _, it := range b.Items {
			for _, ib := range it.Blocks {
				block(ib)
			}
		}
	}
	docText = func(d markup.Doc) {
		for _, b := range d.Blocks {
			block(b)
		}
	}
	add(s.Headline)
	add(s.Subheadline)
	add(s.Dateline)
	docText(s.Summary)
	if d := s.Developments; d != nil {
		add(d.Intro)
		for _, it := range d.Items {
			inl(it)
		}
	}
	for _, sg := range s.Signatories {
		add(sg.Name)
	}
	if s.Notes != nil {
		add(s.Notes.Heading)
		docText(s.Notes.Body)
	}
	if s.About != nil {
		add(s.About.Heading)
		docText(s.About.Body)
	}
	for _, c := range s.Contacts {
		for _, v := range []string{c.Purpose, c.Name, c.Role, c.Organisation, c.Email, c.Phone, c.Mobile, c.Office, c.Website} {
			add(v)
		}
	}
	return words
}

// missingWords is pdftest.MissingWords skipping the plan's page
// furniture (nil skips nothing).
func missingWords(extracted string, want []string, furniture map[string]bool) []string {
	return pdftest.MissingWords(extracted, want, func(line string) bool { return furniture[line] })
}

func TestSeedReadBack(t *testing.T) {
	s := seedStatement()
	pdf, res := renderBytes(t, s, Options{Version: "9.9.9"})
	keep(t, "seed.pdf", pdf)
	pdftest.Check(t, pdf)

	info := pdftest.Info(t, pdf)
	want := map[string]string{
		"Pages":    "2",
		"Title":    s.Headline,
		"Author":   "Birmingham Safeguarding Children Partnership",
		"Subject":  "Partnership statement",
		"Keywords": "safeguarding, practice review, Birmingham",
		"Creator":  "pressroom 9.9.9",
		"Producer": Producer,
	}
	for k, v := range want {
		if info[k] != v {
			t.Errorf("pdfinfo %s = %q; want %q", k, info[k], v)
		}
	}
	if res.Pages != 2 {
		t.Errorf("Result.Pages = %d; want 2", res.Pages)
	}

	text := pdftest.Text(t, pdf)
	if m := missingWords(text.Raw, statementWords(s), nil); len(m) > 0 {
		t.Errorf("words missing from the extracted text: %q\n%s", m, text.Raw)
	}
	for _, phrase := range []string{
		"PARTNERSHIP STATEMENT", "For immediate release", "17th December 2024",
		"James Thomas and Richard North", "Co-Chairs", "ENDS", "Note to editors", "Media contact",
		"Page 1 of 2", "Page 2 of 2", "Ref: BSCP 2020/21-01",
	} {
		if !strings.Contains(text.Raw, phrase) {
			t.Errorf("extracted text lacks %q", phrase)
		}
	}
	// The text ends (ENDS) on page 1, so no "- more -": page 2 holds
	// only the notes and the contact.
	if n := strings.Count(text.Raw, "- more -"); n != 0 {
		t.Errorf("\"- more -\" appears %d times; want none, as ENDS is on page 1", n)
	}
	if p1 := strings.Split(text.Raw, "\f")[0]; !strings.Contains(p1, "ENDS") {
		t.Errorf("ENDS is not on page 1 with the signatures:\n%s", p1)
	}
	// Page numbers stand at the right margin: measured by us, not fpdf.
	for _, line := range strings.Split(text.Layout, "\n") {
		if strings.Contains(line, "Page 1 of 2") && !strings.HasSuffix(strings.TrimRight(line, " \f"), "Page 1 of 2") {
			t.Errorf("page number is not at the end of its line: %q", line)
		}
	}

	links := pdftest.Links(t, pdf)
	wantLinks := map[string]int{
		"https://lscpbirmingham.org.uk":                     2,
		"mailto:Simon.Cross@birminghamchildrenstrust.co.uk": 2,
		"tel:07825282465":                                   2,
		"tel:01214642612":                                   2,
		"https://www.lscpbirmingham.org.uk":                 2,
	}
	got := map[string]int{}
	for _, l := range links {
		got[l.URI] = l.Page
	}
	for uri, page := range wantLinks {
		if got[uri] != page {
			t.Errorf("link %s on page %d; want page %d\nlinks:\n%s", uri, got[uri], page, pdftest.Describe(links))
		}
	}
	if len(links) != len(wantLinks) {
		t.Errorf("%d links; want %d (placeholder links are not links)\n%s", len(links), len(wantLinks), pdftest.Describe(links))
	}
}

func TestSameBytes(t *testing.T) {
	s := seedStatement()
	l := testLayout(t)
	opts := Options{Version: "1", Created: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	render := func() []byte {
		var buf bytes.Buffer
		if _, err := RenderStatement(&buf, s, l, opts); err != nil {
			t.Error(err)
		}
		return buf.Bytes()
	}
	first := render()
	if !bytes.Equal(first, render()) {
		t.Fatal("two serial renders differ")
	}
	var wg sync.WaitGroup
	results := make([][]byte, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = render()
		}()
	}
	wg.Wait()
	for i, r := range results {
		if !bytes.Equal(first, r) {
			t.Errorf("parallel render %d differs from the serial one", i)
		}
	}
	if !bytes.Contains(first, []byte("D:20250102030405")) {
		t.Error("creation date is not Options.Created")
	}
	s2 := seedStatement()
	def := render2(t, s2)
	if !bytes.Contains(def, []byte("D:20241217000000")) {
		t.Error("without Options.Created the creation date is not the statement's date")
	}
}

func render2(t *testing.T, s *statement.Statement) []byte {
	pdf, _ := renderBytes(t, s, Options{})
	return pdf
}

func TestRenderRefusesMissingGlyph(t *testing.T) {
	s := seedStatement()
	s.Headline = "Snowman ☃ and a 🙂"
	var buf bytes.Buffer
	_, err := RenderStatement(&buf, s, testLayout(t), Options{})
	var le *diag.ListError
	if !errors.As(err, &le) {
		t.Fatalf("error %v; want a *diag.ListError", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", buf.Len())
	}
	msg := le.Error()
	for _, want := range []string{"U+1F642"} {
		if !strings.Contains(msg+le.List[0].Message, want) {
			t.Errorf("error %q does not name %s", msg, want)
		}
	}
}

func TestFallbackFontShowsMathAndArrows(t *testing.T) {
	s := seedStatement()
	s.Subheadline = "Costs fell −12 % → savings ✓ for 2 ≤ n"
	pdf, _ := renderBytes(t, s, Options{})
	keep(t, "fallback.pdf", pdf)
	text := pdftest.Text(t, pdf)
	if !strings.Contains(text.Raw, "Costs fell −12 % → savings ✓ for 2 ≤ n") {
		t.Errorf("extracted text lacks the subheadline with its symbols:\n%s", text.Raw)
	}
	// The font descriptors are in object streams: qpdf reads them.
	fonts := len(pdftest.EmbeddedFonts(t, pdf))
	if fonts < 3 {
		t.Errorf("%d embedded fonts; want the fallbacks embedded too", fonts)
	}
}

// furnitureLines is the text of the plan's repeated decorations, line by
// line, as pdftotext shows them.
func furnitureLines(p *Plan) map[string]bool {
	m := map[string]bool{}
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Kind == KindText && it.Role.Artifact() {
				m[strings.TrimSpace(it.Text())] = true
			}
		}
		// pdftotext -raw joins the reference and the page number when
		// they stand on one line.
		var ref, num string
		for _, it := range pg.Items {
			switch it.Role {
			case RoleFooter:
				ref = strings.TrimSpace(it.Text())
			case RolePageNumber:
				num = strings.TrimSpace(it.Text())
			}
		}
		m[strings.TrimSpace(ref+" "+num)] = true
	}
	return m
}

// A shared Cache changes nothing in the output, also when many renders
// use it at once.
func TestCacheSameBytes(t *testing.T) {
	s := seedStatement()
	s.Subheadline = "Costs fell −12 % → savings ✓" // the fallback fonts too
	l := testLayout(t)
	l.Logo = testLogo(t)
	var plain bytes.Buffer
	if _, err := RenderStatement(&plain, s, l, Options{}); err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	var wg sync.WaitGroup
	results := make([][]byte, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if _, err := RenderStatement(&buf, s, l, Options{Cache: cache}); err != nil {
				t.Error(err)
			}
			results[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i, r := range results {
		if !bytes.Equal(plain.Bytes(), r) {
			t.Errorf("render %d with the cache differs from one without", i)
		}
	}
}
