package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// expected is an element the statement calls for among the Document's
// children, in reading order.
type expected struct {
	role string
	text string // the element's whole text; empty: not compared
	// contains are texts the element's text must hold (signatures,
	// contacts), in order.
	contains []string
	items    []string // L: the text each list item's body starts with
}

// noSpace removes white space, so that texts compare character by
// character whatever spaces an engine puts at line ends. Words run
// together are caught by the word check instead.
// noSpace is s without white space, with curly quotes, dashes and
// ellipses typed back as the statement has them (the release sets them
// by smart punctuation).
func noSpace(s string) string { return pdftest.Typewritten(strings.Join(strings.Fields(s), "")) }

// sameAcrossLineEnds reports whether Poppler's text of a piece (white
// space squashed) is pdf.js's, whose line ends ("\n") each read as a
// space or, after a word hyphenated with a soft hyphen (which pdf.js
// drops and Poppler joins), as nothing.
func sameAcrossLineEnds(poppler, pdfjs string) bool {
	pdfjs = uatest.Squash(strings.ReplaceAll(pdfjs, "\n", "\x00"))
	i := 0
	for _, r := range pdfjs {
		if r == 0 {
			if i < len(poppler) && poppler[i] == ' ' {
				i++
			}
			continue
		}
		if !strings.HasPrefix(poppler[i:], string(r)) {
			return false
		}
		i += len(string(r))
	}
	return i == len(poppler)
}

func inlineText(ins []markup.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		b.WriteString(in.Text)
		if in.LineBreak {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// expectedElements lists what of the statement must be in the structure
// tree, as elements of the Document, in the statement's order.
func expectedElements(s *statement.Statement, l *layout.Layout) []expected {
	var out []expected
	var doc func(d markup.Doc, lead string)
	doc = func(d markup.Doc, lead string) {
		for i, b := range d.Blocks {
			pre := ""
			if i == 0 {
				pre = lead
			}
			if b.Kind == markup.Paragraph {
				out = append(out, expected{role: "P", text: pre + inlineText(b.Inlines)})
				continue
			}
			if pre != "" {
				out = append(out, expected{role: "P", text: pre})
			}
			e := expected{role: "L"}
			for _, it := range b.Items {
				if len(it.Blocks) > 0 {
					e.items = append(e.items, inlineText(it.Blocks[0].Inlines))
				}
			}
			out = append(out, e)
		}
	}
	out = append(out, expected{role: "H1", text: s.Headline})
	if s.Subheadline != "" {
		out = append(out, expected{role: "P", text: s.Subheadline})
	}
	lead := ""
	if s.Dateline != "" {
		lead = s.Dateline + " – "
	}
	doc(s.Summary, lead)
	if d := s.Developments; d != nil {
		if d.Intro != "" {
			out = append(out, expected{role: "P", text: d.Intro})
		}
		e := expected{role: "L"}
		for _, it := range d.Items {
			e.items = append(e.items, inlineText(it))
		}
		out = append(out, e)
	}
	// Headings come in the release's language and wording.
	rel, err := release.New(s, l)
	if err != nil {
		panic(err)
	}
	// Signatories of one role and organisation are set together (in a
	// language that can make their role plural), a Div for each group.
	for _, g := range rel.Signatures {
		out = append(out, expected{role: "Div", contains: []string{g.NamesText(), g.Organisation}})
	}
	if n := s.Notes; n != nil {
		out = append(out, expected{role: "H2", text: rel.Notes.Heading})
		doc(n.Body, "")
	}
	if a := s.About; a != nil {
		out = append(out, expected{role: "H2", text: rel.About.Heading})
		doc(a.Body, "")
	}
	if len(s.Contacts) > 0 {
		out = append(out, expected{role: "H2", text: rel.ContactsHeading})
		for _, c := range s.Contacts {
			var want []string
			for _, v := range []string{c.Purpose, c.Name, c.Role, c.Organisation, c.Email, c.Phone, c.Mobile, c.Office, c.Website} {
				if v != "" {
					want = append(want, v)
				}
			}
			out = append(out, expected{role: "Div", contains: want})
		}
	}
	return out
}

func (e expected) matches(n *uatest.Node) bool {
	if n.Role != e.role {
		return false
	}
	if e.text != "" && noSpace(n.Text) != noSpace(e.text) {
		return false
	}
	rest := noSpace(n.Text)
	for _, c := range e.contains {
		i := strings.Index(rest, noSpace(c))
		if i < 0 {
			return false
		}
		rest = rest[i+len(noSpace(c)):]
	}
	if e.role == "L" {
		if len(n.Kids) != len(e.items) {
			return false
		}
		for i, li := range n.Kids {
			if li.Role != "LI" || len(li.Kids) != 2 || li.Kids[0].Role != "Lbl" || li.Kids[1].Role != "LBody" ||
				!strings.HasPrefix(noSpace(li.Kids[1].Text), noSpace(e.items[i])) {
				return false
			}
		}
	}
	return true
}

// TestTaggedExamples renders every example as a tagged PDF and reads its
// structure tree back with Poppler and pdf.js: both engines see the same
// tree; every heading, paragraph, list item, signature and contact of the
// statement is an element of the right type in the statement's order,
// with its exact text; every word of the statement is in the tree, in
// order; nothing but artifacts is outside it; and every link of the
// statement is a link annotation inside a Link element that says where
// it goes.
func TestTaggedExamples(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, file := range exampleFiles(t) {
		name := exampleName(file)
		t.Run(name, func(t *testing.T) {
			s, l := parseFile(t, lib, file)
			var buf bytes.Buffer
			if _, err := RenderStatement(&buf, s, l, Options{Version: pressroom.Version}); err != nil {
				t.Fatal(err)
			}
			path := uatest.WriteTemp(t, buf.Bytes())
			tree := uatest.PopplerTree(t, path)
			if tree.Role != "Document" {
				t.Fatalf("poppler: root element %q", tree.Role)
			}
			js := uatest.Pdfjs(t, path)

			// Both engines read the same pieces in the same order.
			a, b := tree.ContentList(), js.ContentList()
			for i := range max(len(a), len(b)) {
				var pa, pb uatest.Leaf
				if i < len(a) {
					pa = a[i]
				}
				if i < len(b) {
					pb = b[i]
				}
				if pa.Path != pb.Path || !sameAcrossLineEnds(uatest.Squash(pa.Text), strings.TrimSpace(pb.Text)) || pa.Links != pb.Links {
					t.Errorf("piece %d: poppler %s %q (%d links), pdf.js %s %q (%d links)", i, pa.Path, pa.Text, pa.Links, pb.Path, pb.Text, pb.Links)
					break
				}
			}

			// The statement's elements, in order, among the Document's.
			kids := tree.Kids
			j := 0
			for _, e := range expectedElements(s, l) {
				for j < len(kids) && !e.matches(kids[j]) {
					if kids[j].Role != "P" && kids[j].Role != "Figure" {
						t.Errorf("unexpected %s %q before the expected %s %q", kids[j].Role, kids[j].Text, e.role, e.text+strings.Join(e.contains, " "))
					}
					j++
				}
				if j == len(kids) {
					t.Errorf("no %s %q %q %q in its place; the tree's elements:\n%s", e.role, e.text, e.contains, e.items, describeNodes(tree.Kids))
					return
				}
				j++
			}

			// Every word of the statement, in order, in the tree's text.
			var treeWords []string
			for _, k := range tree.Kids {
				treeWords = append(treeWords, strings.Fields(pdftest.Typewritten(k.Text))...)
			}
			k := 0
			for _, w := range statementWords(s) {
				w = pdftest.Typewritten(w)
				for k < len(treeWords) && treeWords[k] != w {
					k++
				}
				if k == len(treeWords) {
					t.Errorf("word %q of the statement is not in the structure tree in its place", w)
					break
				}
				k++
			}

			// Nothing outside tags and artifacts; links in Link elements.
			annots := 0
			for i, p := range js.Pages {
				if strings.TrimSpace(p.Outside) != "" {
					t.Errorf("pdf.js: page %d has text outside tags and artifacts: %q", i+1, p.Outside)
				}
				for _, an := range p.Annotations {
					annots++
					if an.Contents == "" {
						t.Errorf("pdf.js: link to %s has no /Contents", an.URL)
					}
				}
			}
			links := 0
			for _, leaf := range b {
				if leaf.Links > 0 {
					links++
					if !strings.HasSuffix(leaf.Path, "Link") {
						t.Errorf("pdf.js: a link annotation is in %s, not in a Link element", leaf.Path)
					}
				}
			}
			if links != annots {
				t.Errorf("pdf.js: %d link annotations, %d of them in the tree", annots, links)
			}
			// pdf.js writes a web address's root path: "…org.uk/".
			urls := map[string]bool{}
			for _, p := range js.Pages {
				for _, an := range p.Annotations {
					urls[strings.TrimSuffix(an.URL, "/")] = true
				}
			}
			for _, want := range statementLinks(s) {
				if !urls[strings.TrimSuffix(want, "/")] {
					t.Errorf("pdf.js: no link annotation to %s", want)
				}
			}

			// A meaningful logo is a Figure with its alt text; a
			// decorative one is not in the tree.
			fig := js.Find("Figure")
			switch {
			case l.Logo != nil && l.Logo.Alt != "" && (fig == nil || fig.Alt != l.Logo.Alt):
				t.Errorf("pdf.js: the logo is %+v, want a Figure with alt %q", fig, l.Logo.Alt)
			case (l.Logo == nil || l.Logo.Alt == "") && fig != nil:
				t.Errorf("pdf.js: a Figure %+v for a decorative logo", fig)
			}
			if !js.MarkInfo["Marked"] || js.Title != s.Headline {
				t.Errorf("pdf.js: marked %v, XMP title %q", js.MarkInfo, js.Title)
			}
		})
	}
}

func describeNodes(nodes []*uatest.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString("  " + n.Role + " " + shorten(n.Text, 70) + "\n")
	}
	return b.String()
}

// TestTaggedMetadata: the tagged seed declares PDF/UA-1 and PDF/A-2B in
// XMP that parses and says what the document information says.
func TestTaggedMetadata(t *testing.T) {
	s := seedStatement()
	pdf, _ := renderBytes(t, s, Options{Version: "9.9.9"})
	path := uatest.WriteTemp(t, pdf)
	var x struct {
		Descriptions []struct {
			Title     []string `xml:"title>Alt>li"`
			Creator   []string `xml:"creator>Seq>li"`
			Producer  string   `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
			Tool      string   `xml:"http://ns.adobe.com/xap/1.0/ CreatorTool"`
			PDFAPart  string   `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
			PDFAConf  string   `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
			PDFUAPart string   `xml:"http://www.aiim.org/pdfua/ns/id/ part"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal([]byte(uatest.Run(t, "pdfinfo", "-meta", path)), &x); err != nil {
		t.Fatalf("XMP: %v", err)
	}
	got := map[string]string{}
	for _, d := range x.Descriptions {
		for k, v := range map[string]string{"Producer": d.Producer, "Creator": d.Tool, "a": d.PDFAPart + d.PDFAConf, "ua": d.PDFUAPart} {
			if v != "" {
				got[k] = v
			}
		}
		if len(d.Title) == 1 {
			got["Title"] = d.Title[0]
		}
		if len(d.Creator) == 1 {
			got["Author"] = d.Creator[0]
		}
	}
	info := map[string]string{}
	for _, line := range strings.Split(uatest.Run(t, "pdfinfo", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	for _, k := range []string{"Title", "Author", "Creator", "Producer"} {
		if got[k] == "" || got[k] != info[k] {
			t.Errorf("%s: XMP %q, document info %q", k, got[k], info[k])
		}
	}
	if got["a"] != "2B" || got["ua"] != "1" || info["Tagged"] != "yes" {
		t.Errorf("PDF/A %q, PDF/UA %q, tagged %q; want 2B, 1, yes", got["a"], got["ua"], info["Tagged"])
	}
}

// TestPlainPDF: --pdf-standard none writes an untagged file that claims
// no standard, and looks the same as the tagged one.
func TestPlainPDF(t *testing.T) {
	s := seedStatement()
	plain, _ := renderBytes(t, s, Options{Plain: true})
	tagged, _ := renderBytes(t, s, Options{})
	if bytes.Contains(plain, []byte("pdfaid")) || bytes.Contains(plain, []byte("StructTreeRoot")) {
		t.Error("the plain PDF claims PDF/A or carries a structure tree")
	}
	info := uatest.Run(t, "pdfinfo", uatest.WriteTemp(t, plain))
	if !strings.Contains(info, "Tagged:          no") {
		t.Errorf("plain PDF:\n%s", info)
	}
	// Tagging changes no pixel.
	dir := t.TempDir()
	for name, pdf := range map[string][]byte{"plain": plain, "tagged": tagged} {
		f := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(f, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		uatest.Run(t, "pdftoppm", "-r", "40", "-png", f, filepath.Join(dir, name))
	}
	for _, page := range []string{"-1.png", "-2.png"} {
		a, errA := os.ReadFile(filepath.Join(dir, "plain"+page))
		b, errB := os.ReadFile(filepath.Join(dir, "tagged"+page))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("page %s: the tagged PDF does not look like the plain one (%v %v)", page, errA, errB)
		}
	}
}

// BenchmarkRenderSeedPlain is BenchmarkRenderSeed without tagging
// (--pdf-standard none): the difference is what tagging costs.
func BenchmarkRenderSeedPlain(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	s, l := parseFile(b, lib, "../../examples/seed-statement.toml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderStatement(io.Discard, s, l, Options{Version: "bench", Plain: true}); err != nil {
			b.Fatal(err)
		}
	}
}
