package pdfua

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
)

// TestDeterministic: two documents drawn and finished separately (each
// with its own tagger and link key) come out byte for byte the same.
func TestDeterministic(t *testing.T) {
	for _, compress := range []bool{true, false} {
		a := finishedSample(t, compress)
		b := finishedSample(t, compress)
		if !bytes.Equal(a, b) {
			t.Errorf("compress %v: two finishes of the same document differ", compress)
		}
		if bytes.Contains(a, []byte("pdfua-")) {
			t.Errorf("compress %v: the private link key is left in the file", compress)
		}
	}
}

// xmpPacket is the part of the XMP the tests read with encoding/xml.
type xmpPacket struct {
	Descriptions []struct {
		Title       []string `xml:"title>Alt>li"`
		Creator     []string `xml:"creator>Seq>li"`
		Description []string `xml:"description>Alt>li"`
		Language    []string `xml:"language>Bag>li"`
		CreateDate  string   `xml:"http://ns.adobe.com/xap/1.0/ CreateDate"`
		ModifyDate  string   `xml:"http://ns.adobe.com/xap/1.0/ ModifyDate"`
		CreatorTool string   `xml:"http://ns.adobe.com/xap/1.0/ CreatorTool"`
		Producer    string   `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
		Keywords    string   `xml:"http://ns.adobe.com/pdf/1.3/ Keywords"`
		PDFAPart    string   `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
		PDFAConf    string   `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
		PDFUAPart   string   `xml:"http://www.aiim.org/pdfua/ns/id/ part"`
		Schemas     []struct {
			NamespaceURI string `xml:"http://www.aiim.org/pdfa/ns/schema# namespaceURI"`
			Prefix       string `xml:"http://www.aiim.org/pdfa/ns/schema# prefix"`
			Properties   []struct {
				Name      string `xml:"http://www.aiim.org/pdfa/ns/property# name"`
				ValueType string `xml:"http://www.aiim.org/pdfa/ns/property# valueType"`
				Category  string `xml:"http://www.aiim.org/pdfa/ns/property# category"`
			} `xml:"property>Seq>li"`
		} `xml:"schemas>Bag>li"`
	} `xml:"RDF>Description"`
}

// TestMetadata reads the XMP back through Poppler, parses it with
// encoding/xml, and checks it against the information dictionary Poppler
// reads, as PDF/A requires: title, author, subject, keywords, creator,
// producer and both dates, plus the PDF/A-2B and PDF/UA-1 identifiers and
// the extension schema PDF/A-2 needs for the latter.
func TestMetadata(t *testing.T) {
	path := uatest.WriteTemp(t, finishedSample(t, true))
	raw := uatest.Run(t, "pdfinfo", "-meta", path)
	var x xmpPacket
	if err := xml.Unmarshal([]byte(raw), &x); err != nil {
		t.Fatalf("XMP does not parse: %v\n%s", err, raw)
	}
	info := map[string]string{}
	for _, line := range strings.Split(uatest.Run(t, "pdfinfo", "-isodates", path), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	got := map[string]string{}
	var schemaOK bool
	for _, d := range x.Descriptions {
		set := func(k, v string) {
			if v != "" {
				got[k] = v
			}
		}
		if len(d.Title) == 1 {
			set("Title", d.Title[0])
		}
		if len(d.Creator) == 1 {
			set("Author", d.Creator[0])
		}
		if len(d.Description) == 1 {
			set("Subject", d.Description[0])
		}
		if len(d.Language) == 1 {
			set("Lang", d.Language[0])
		}
		set("CreationDate", d.CreateDate)
		set("ModDate", d.ModifyDate)
		set("Creator", d.CreatorTool)
		set("Producer", d.Producer)
		set("Keywords", d.Keywords)
		set("pdfaid:part", d.PDFAPart)
		set("pdfaid:conformance", d.PDFAConf)
		set("pdfuaid:part", d.PDFUAPart)
		for _, s := range d.Schemas {
			if s.NamespaceURI == "http://www.aiim.org/pdfua/ns/id/" && s.Prefix == "pdfuaid" &&
				len(s.Properties) == 1 && s.Properties[0].Name == "part" &&
				s.Properties[0].ValueType == "Integer" && s.Properties[0].Category == "internal" {
				schemaOK = true
			}
		}
	}
	for _, k := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"} {
		if info[k] == "" || got[k] != info[k] {
			t.Errorf("%s: XMP says %q, document info says %q", k, got[k], info[k])
		}
	}
	want := map[string]string{
		"Title": sampleMeta.Title, "Author": sampleMeta.Author, "Lang": "en-GB",
		"CreationDate": "2024-12-17T00:00:00Z", "Keywords": "safeguarding, review",
		"pdfaid:part": "2", "pdfaid:conformance": "B", "pdfuaid:part": "1",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("XMP %s = %q, want %q", k, got[k], v)
		}
	}
	if !schemaOK {
		t.Error("XMP: no PDF/A extension schema describing pdfuaid:part")
	}
	if !strings.HasPrefix(raw, "<?xpacket begin=") || !strings.Contains(raw, `<?xpacket end=`) {
		t.Error("XMP is not wrapped in an xpacket")
	}
	// PDF/A-2 allows a compressed metadata stream (only PDF/A-1 forbade
	// it); Poppler read it above, and it takes 1.3 KB less compressed.
	meta := uatest.Run(t, "qpdf", "--show-object="+catalogRef(t, path, "Metadata"), path)
	if !strings.Contains(meta, "/Filter /FlateDecode") {
		t.Errorf("the XMP metadata stream is not compressed: %s", meta)
	}
}

// catalogRef returns the object number of the catalog entry key (an
// indirect reference) of the file at path.
func catalogRef(t *testing.T, path, key string) string {
	t.Helper()
	cat := uatest.Run(t, "qpdf", "--show-object=trailer", path)
	_, root, ok := strings.Cut(cat, "/Root ")
	if !ok {
		t.Fatalf("no /Root in the trailer: %s", cat)
	}
	out := uatest.Run(t, "qpdf", "--show-object="+strings.Fields(root)[0], path)
	_, v, ok := strings.Cut(out, "/"+key+" ")
	if !ok || len(strings.Fields(v)) < 3 || strings.Fields(v)[2] != "R" {
		t.Fatalf("no reference /%s in the catalog: %s", key, out)
	}
	return strings.Fields(v)[0]
}

// TestCatalog checks, with qpdf's JSON view of the file, the entries
// PDF/UA and PDF/A need outside the structure tree.
func TestCatalog(t *testing.T) {
	path := uatest.WriteTemp(t, finishedSample(t, true))
	out := uatest.Run(t, "qpdf", "--show-object=trailer", path)
	if !strings.Contains(out, "/ID [ <") {
		t.Errorf("trailer has no /ID: %s", out)
	}
	cat := uatest.Run(t, "qpdf", "--show-object="+trailerRoot(t, out), path)
	for _, want := range []string{
		"/Lang (en-GB)", "/MarkInfo << /Marked true >>", "/ViewerPreferences << /DisplayDocTitle true >>",
		"/Version /1.7", "/StructTreeRoot", "/Metadata", "/S /GTS_PDFA1", "/OutputConditionIdentifier (sRGB IEC61966-2.1)",
	} {
		if !strings.Contains(cat, want) {
			t.Errorf("catalog has no %s: %s", want, cat)
		}
	}
	pages := uatest.Run(t, "qpdf", "--show-pages", path)
	if strings.Count(pages, "page ") != 2 {
		t.Fatalf("qpdf --show-pages: %s", pages)
	}
	page1 := uatest.Run(t, "qpdf", "--show-object=3", path)
	for _, want := range []string{"/Tabs /S", "/StructParents 0", "/Annots [ "} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 has no %s: %s", want, page1)
		}
	}
	annot := strings.Fields(strings.SplitN(page1, "/Annots [ ", 2)[1])[0]
	a := uatest.Run(t, "qpdf", "--show-object="+annot, path)
	for _, want := range []string{"/F 4", "/StructParent 2", "/Contents (the full review on lscpbirmingham.org.uk)", "/URI (" + strings.NewReplacer("(", "\\(", ")", "\\)").Replace(sampleURI) + ")"} {
		if !strings.Contains(a, want) {
			t.Errorf("link annotation has no %s: %s", want, a)
		}
	}
}

func trailerRoot(t *testing.T, trailer string) string {
	t.Helper()
	_, after, ok := strings.Cut(trailer, "/Root ")
	if !ok {
		t.Fatalf("trailer has no /Root: %s", trailer)
	}
	return strings.Fields(after)[0]
}

// drawBad draws a one-page document through draw and finishes it.
func drawBad(t *testing.T, meta Metadata, draw func(pdf *fpdf.Fpdf, tg *Tagger)) error {
	t.Helper()
	tg := NewTagger()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.AddUTF8FontFromBytes("body", "", fontBytes(t, "NotoSans-Regular.ttf"))
	pdf.AddPage()
	tg.StartPage(1)
	pdf.SetFont("body", "", 11)
	draw(pdf, tg)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	_, err := Finish(out.Bytes(), tg, meta)
	return err
}

// TestFinishRefuses: what would make a file that is not PDF/UA or PDF/A
// is an error, never a silently wrong file.
func TestFinishRefuses(t *testing.T) {
	text := func(pdf *fpdf.Fpdf, tg *Tagger, e Elem, s string) {
		pdf.RawWriteStr(tg.Begin(e))
		pdf.Text(20, 20, s)
		pdf.RawWriteStr(tg.End())
	}
	tests := []struct {
		name string
		meta Metadata
		draw func(pdf *fpdf.Fpdf, tg *Tagger)
		want string
	}{
		{"fine", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "hello")
		}, ""},
		{"untagged text", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "hello")
			pdf.Text(20, 40, "stray")
		}, `page 1: "Tj" paints outside any tag or artifact`},
		{"untagged rule", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "hello")
			pdf.Line(20, 30, 100, 30)
		}, `page 1: "S" paints outside any tag or artifact`},
		{"link not through the tagger", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "hello")
			pdf.LinkString(20, 20, 10, 5, "https://example.org")
		}, `page 1: a link annotation (to "https://example.org") was not drawn through the tagger`},
		{"link tagged but not drawn", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			p := tg.Add(Root, P)
			l := tg.AddLink(p, "example")
			text(pdf, tg, l, "example")
			tg.LinkURI(l, "https://example.org")
		}, `link to "https://example.org" was tagged but no annotation was drawn for it`},
		{"link uri on a paragraph", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			p := tg.Add(Root, P)
			text(pdf, tg, p, "example")
			pdf.LinkString(20, 20, 10, 5, tg.LinkURI(p, "https://example.org"))
		}, "is not a Link element"},
		{"nested markers", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			p := tg.Add(Root, P)
			pdf.RawWriteStr(tg.Begin(p))
			pdf.RawWriteStr(tg.BeginArtifact(Footer))
		}, "markers cannot nest"},
		{"marker left open", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			pdf.RawWriteStr(tg.Begin(tg.Add(Root, P)))
			pdf.Text(20, 20, "open")
		}, "left open"},
		{"marker not written", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			tg.Begin(tg.Add(Root, P))
			tg.End()
		}, "page 1: 0 pieces of tagged content drawn, 1 tagged"},
		{"figure without alt", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.AddFigure(Root, " "), "x")
		}, "empty alternative text"},
		{"list item outside a list", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(tg.Add(Root, LI), LBody), "x")
		}, "a LI element cannot be inside Document"},
		{"paragraph in a list", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(tg.Add(Root, L), P), "x")
		}, "a P element cannot be inside L"},
		{"skipped heading level", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, H1), "x")
			text(pdf, tg, tg.Add(Root, H3), "y")
		}, "heading H3 follows H1"},
		{"first heading not H1", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, H2), "x")
		}, "heading H2 follows the start of the document"},
		{"empty element", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			tg.Add(Root, P)
			text(pdf, tg, tg.Add(Root, P), "x")
		}, "P element 1 has no content"},
		{"core font", sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
			pdf.SetFont("Helvetica", "", 11)
			text(pdf, tg, tg.Add(Root, P), "x")
		}, "font Helvetica is not embedded"},
		{"no title", Metadata{Lang: "en", Created: time.Unix(0, 0)}, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "x")
		}, "a title is required"},
		{"no date", Metadata{Title: "t", Lang: "en"}, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "x")
		}, "a creation date is required"},
		{"control character in title", Metadata{Title: "a\x07b", Lang: "en", Created: time.Unix(0, 0)}, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "x")
		}, "title contains the control character U+0007"},
		{"bad language", Metadata{Title: "t", Lang: "en GB", Created: time.Unix(0, 0)}, func(pdf *fpdf.Fpdf, tg *Tagger) {
			text(pdf, tg, tg.Add(Root, P), "x")
		}, `"en GB" is not a language tag`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := drawBad(t, tt.meta, tt.draw)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestPageCountMismatch: a page the tagger was not told about is refused.
func TestPageCountMismatch(t *testing.T) {
	raw, _ := samplePDF(t, true)
	tg := NewTagger()
	tg.StartPage(1)
	p := tg.Add(Root, P)
	tg.Begin(p)
	tg.End()
	if _, err := Finish(raw, tg, sampleMeta); err == nil || !strings.Contains(err.Error(), "2 pages but 1 were tagged") {
		t.Fatalf("error %v, want a page count mismatch", err)
	}
}

// TestTaggerMisuse: misuse is remembered and reported once, by Err.
func TestTaggerMisuse(t *testing.T) {
	tests := []struct {
		name string
		use  func(tg *Tagger)
		want string
	}{
		{"begin before a page", func(tg *Tagger) { tg.Begin(tg.Add(Root, P)) }, "begin: no page started"},
		{"unknown element", func(tg *Tagger) { tg.StartPage(1); tg.Begin(42) }, "begin: unknown element 42"},
		{"page skipped", func(tg *Tagger) { tg.StartPage(2) }, "start page 2: expected page 1"},
		{"end without begin", func(tg *Tagger) { tg.StartPage(1); tg.End() }, "end: no marked content open"},
		{"unknown role", func(tg *Tagger) { tg.Add(Root, Role("Banner")) }, "add Banner: not a structure type"},
		{"second document", func(tg *Tagger) { tg.Add(Root, Document) }, "add Document: not a structure type"},
		{"empty link description", func(tg *Tagger) { tg.AddLink(Root, "") }, "add link: empty description"},
		{"numbering a paragraph", func(tg *Tagger) { tg.SetListNumbering(tg.Add(Root, P), "Disc") }, "is not a list"},
		{"unknown numbering", func(tg *Tagger) { tg.SetListNumbering(tg.Add(Root, L), "Bullet") }, `unknown numbering "Bullet"`},
		{"new page with content open", func(tg *Tagger) {
			tg.StartPage(1)
			tg.Begin(tg.Add(Root, P))
			tg.StartPage(2)
		}, "call EndPage in the footer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg := NewTagger()
			tt.use(tg)
			if err := tg.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Err() = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestPageBreakContinuation: content cut by a page break is closed on the
// old page and continues with a new MCID on the new page, in the same
// element.
func TestPageBreakContinuation(t *testing.T) {
	tg := NewTagger()
	tg.StartPage(1)
	p := tg.Add(Root, P)
	ops := []string{tg.Begin(p), tg.EndPage(), tg.BeginArtifact(Footer), tg.End()}
	tg.StartPage(2)
	ops = append(ops, tg.BeginArtifact(Header), tg.End(), tg.Resume(), tg.End(), tg.EndPage())
	want := []string{
		"/P <</MCID 0>> BDC", "EMC", "/Artifact <</Type /Pagination /Subtype /Footer>> BDC", "EMC",
		"/Artifact <</Type /Pagination /Subtype /Header>> BDC", "EMC", "/P <</MCID 0>> BDC", "EMC", "",
	}
	if strings.Join(ops, "|") != strings.Join(want, "|") {
		t.Fatalf("operators\n got %q\nwant %q", ops, want)
	}
	if err := tg.validate(); err != nil {
		t.Fatal(err)
	}
	kids := tg.elems[p].kids
	if len(kids) != 2 || kids[0].page != 1 || kids[1].page != 2 || kids[1].mcid != 0 {
		t.Fatalf("paragraph kids %+v, want MCID 0 on page 1 and MCID 0 on page 2", kids)
	}
}

// TestCorruptInput: damaged fpdf output gives an error, never a panic.
func TestCorruptInput(t *testing.T) {
	raw, tg := samplePDF(t, true)
	for _, cut := range []int{0, 1, 10, len(raw) / 3, len(raw) / 2, len(raw) - 200, len(raw) - 30, len(raw) - 20} {
		if _, err := Finish(raw[:cut], tg, sampleMeta); err == nil {
			t.Errorf("truncated at %d: no error", cut)
		}
	}
	for i := 0; i < len(raw); i += len(raw) / 97 {
		bad := bytes.Clone(raw)
		bad[i] ^= 0x5a
		_, _ = Finish(bad, tg, sampleMeta) // must return, error or not
	}
	if _, err := Finish(raw, nil, sampleMeta); err == nil {
		t.Error("nil tagger: no error")
	}
}

// FuzzFinish feeds Finish damaged versions of a real fpdf output.
func FuzzFinish(f *testing.F) {
	raw, tg := samplePDF(f, false)
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	// Finish only reads the tagger, so one serves every input.
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = Finish(b, tg, sampleMeta)
	})
}

// BenchmarkFinish measures the post-processing of the two-page sample.
func BenchmarkFinish(b *testing.B) {
	raw, tg := samplePDF(b, true)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Finish(raw, tg, sampleMeta); err != nil {
			b.Fatal(err)
		}
	}
}
