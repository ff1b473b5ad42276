package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
	"github.com/pressroom/pressroom/pkg/release"
)

// A bilingual release (the seed and the custom brand, each Welsh twin
// with its English statement) in one PDF, Welsh first, read back by
// Poppler, qpdf and pdf.js. Each half starts on
// a page of its own and holds every word of its statement; the page
// numbers count the whole document in each half's language; each half is
// a Sect of its own with its /Lang, the catalogue's is Welsh; both
// headlines are bookmarks and make the title.
func TestBilingual(t *testing.T) {
	for _, pair := range []struct{ name, cy, en string }{
		{"seed", "../../examples/seed-statement.cy.toml", "../../examples/seed-statement.toml"},
		// A letterhead brand with a logo and a footer notice.
		{"custom-brand", "../../examples/custom-brand/statement.cy.toml", "../../examples/custom-brand/statement.toml"},
	} {
		t.Run(pair.name, func(t *testing.T) { testBilingual(t, pair.name, pair.cy, pair.en) })
	}
}

func testBilingual(t *testing.T, name, cyFile, enFile string) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	cyS, l := parseFile(t, lib, cyFile)
	enS, _ := parseFile(t, lib, enFile)
	var rels []*release.Release
	cy, err := release.New(cyS, l)
	if err != nil {
		t.Fatal(err)
	}
	en, err := release.New(enS, l)
	if err != nil {
		t.Fatal(err)
	}
	rels = append(rels, cy, en)
	plan, err := LayoutAll(rels, l)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 2 || plan.Parts[0].Lang != "cy" || plan.Parts[1].Lang != "en-GB" {
		t.Fatalf("parts %+v", plan.Parts)
	}
	// Nothing off the page or overlapping, no widows, on either half.
	for _, pr := range append(planProblems(plan), splitProblems(plan)...) {
		t.Error(pr)
	}
	var buf bytes.Buffer
	res, err := RenderAll(&buf, rels, l, Options{Version: pressroom.Version})
	if err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	keep(t, "bilingual-"+name+".pdf", pdf)
	pdftest.Check(t, pdf) // qpdf --check, and Poppler reads it
	pdftest.CheckFonts(t, pdf)

	// Each half alone is as many pages as in the bilingual document.
	var alone []int
	for _, r := range rels {
		var b bytes.Buffer
		res, err := Render(&b, r, l, Options{})
		if err != nil {
			t.Fatal(err)
		}
		alone = append(alone, res.Pages)
	}
	total := alone[0] + alone[1]
	info := pdftest.Info(t, pdf)
	if info["Pages"] != itoa(total) || res.Pages != total {
		t.Errorf("pdfinfo Pages = %s (result %d); want %d, the halves' pages", info["Pages"], res.Pages, total)
	}
	if want := cyS.Headline + " / " + enS.Headline; info["Title"] != want {
		t.Errorf("title %q; want %q", info["Title"], want)
	}
	// The XMP title is a language alternative: the joined title as
	// x-default (PDF/A: equal to /Title), then each half's own.
	titles := xmpTitles(t, uatest.Run(t, "pdfinfo", "-meta", uatest.WriteTemp(t, pdf)))
	for lang, want := range map[string]string{"x-default": cyS.Headline + " / " + enS.Headline, "cy": cyS.Headline, "en-GB": enS.Headline} {
		if titles[lang] != want {
			t.Errorf("XMP dc:title in %s = %q; want %q (all: %q)", lang, titles[lang], want, titles)
		}
	}

	// Every word of each statement is on its half's pages: the Welsh
	// half on the first pages, the English one after it.
	path := uatest.WriteTemp(t, pdf)
	furniture := furnitureLines(plan)
	ranges := [][2]int{{1, alone[0]}, {alone[0] + 1, total}}
	for i, s := range []*release.Release{cy, en} {
		text := uatest.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", itoa(ranges[i][0]), "-l", itoa(ranges[i][1]), path, "-")
		if m := missingWords(text, statementWords(s.Statement), furniture); len(m) > 0 {
			t.Errorf("half %d (%s): words missing from pages %d-%d: %q", i+1, s.Lang, ranges[i][0], ranges[i][1], m)
		}
		// Page numbers count the whole document, in the half's language.
		for p := ranges[i][0]; p <= ranges[i][1]; p++ {
			page := uatest.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", itoa(p), "-l", itoa(p), path, "-")
			if want := s.PageNumber(p, total); !strings.Contains(page, want) {
				t.Errorf("page %d lacks %q:\n%s", p, want, page)
			}
		}
	}
	// Neither half says "- more -" after its end mark: the Welsh
	// release ends with "Diwedd", though the English follows.
	last := func(p int) string {
		return uatest.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", itoa(p), "-l", itoa(p), path, "-")
	}
	if more := cy.Pages.More; strings.Contains(last(alone[0]), more) {
		t.Errorf("the Welsh half's last page has %q after its end mark", more)
	}
	if more := en.Pages.More; strings.Contains(last(total), more) {
		t.Errorf("the last page has %q", more)
	}

	// Bookmarks: each half's headline at the top level, on its first page.
	outlines := pdftest.Outlines(t, pdf)
	if len(outlines) != 2 || outlines[0].Title != cy.Headline || outlines[0].Page != 1 ||
		outlines[1].Title != en.Headline || outlines[1].Page != alone[0]+1 {
		t.Errorf("outline %+v", outlines)
	}

	// Below each headline, its half's section headings.
	var tree struct {
		Outlines []struct {
			Kids []struct {
				Title string `json:"title"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(uatest.Run(t, "qpdf", "--json=2", "--json-key=outlines", path)), &tree); err != nil {
		t.Fatal(err)
	}
	for i, r := range rels {
		var want, got []string
		for _, sec := range []*release.Section{r.Notes, r.About} {
			if sec != nil {
				want = append(want, sec.Heading)
			}
		}
		if len(r.Contacts) > 0 {
			want = append(want, r.ContactsHeading)
		}
		if i < len(tree.Outlines) {
			for _, k := range tree.Outlines[i].Kids {
				got = append(got, k.Title)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("bookmarks under %q: %q; want %q", r.Headline, got, want)
		}
	}

	// The catalogue is Welsh.
	qpdf := pdftest.NeedTool(t, "qpdf")
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	cmd := exec.Command(qpdf, "--qdf", "--object-streams=disable", path, qdf)
	if b, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 3 {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	raw, _ := os.ReadFile(qdf)
	// qpdf writes a dictionary's keys one a line, in order: the
	// catalogue's /Lang comes before its /Type.
	var catalog []byte
	for _, obj := range bytes.Split(raw, []byte("endobj")) {
		if bytes.Contains(obj, []byte("\n  /Type /Catalog\n")) {
			catalog = obj
		}
	}
	if m := regexp.MustCompile(`\n  /Lang \(([^)]*)\)`).FindSubmatch(catalog); m == nil || string(m[1]) != "cy" {
		t.Errorf("the catalogue's /Lang is not (cy):\n%s", catalog)
	}

	// Poppler's structure tree: two Sects under the Document, everything
	// in one of them, the Welsh headline in the first, the English in
	// the second.
	root, leaves := uatest.Poppler(t, path)
	if root != "Document" {
		t.Errorf("root %q", root)
	}
	var all strings.Builder
	for _, lf := range leaves {
		if !strings.HasPrefix(lf.Path, "Sect/") {
			t.Errorf("content outside the halves: %+v", lf)
		}
		all.WriteString(lf.Text)
	}
	if i, j := strings.Index(all.String(), cy.Headline), strings.Index(all.String(), en.Headline); i < 0 || j < i {
		t.Errorf("the structure tree does not read the Welsh headline (at %d) before the English (at %d)", i, j)
	}
	if n := strings.Count(uatest.Run(t, "pdfinfo", "-struct-text", path), "\n  Sect\n"); n != 2 {
		t.Errorf("%d Sect elements under the Document; want 2", n)
	}

	// pdf.js: the Sect on the first page has /Lang cy, the one on the
	// last page en-GB.
	doc := uatest.Pdfjs(t, path)
	langOfPage := func(p int) string {
		tree := doc.Pages[p-1].Tree
		if tree == nil || len(tree.Children) != 1 {
			return "no tree"
		}
		var langs []string
		for _, k := range tree.Children[0].Children {
			if k.Role == "Sect" {
				langs = append(langs, k.Lang)
			}
		}
		return fmt.Sprint(langs)
	}
	if got := langOfPage(1); got != "[cy]" {
		t.Errorf("pdf.js: page 1's Sect has lang %s; want [cy]", got)
	}
	if got := langOfPage(total); got != "[en-GB]" {
		t.Errorf("pdf.js: page %d's Sect has lang %s; want [en-GB]", total, got)
	}
}

// xmpTitles reads dc:title's language alternatives from an XMP packet.
func xmpTitles(t *testing.T, packet string) map[string]string {
	t.Helper()
	var doc struct {
		Items []struct {
			Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Text string `xml:",chardata"`
		} `xml:"RDF>Description>title>Alt>li"`
	}
	if err := xml.Unmarshal([]byte(packet[strings.Index(packet, "<x:xmpmeta"):]), &doc); err != nil {
		t.Fatalf("XMP: %v", err)
	}
	titles := map[string]string{}
	for _, it := range doc.Items {
		titles[it.Lang] = it.Text
	}
	return titles
}
