package pdfua

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
)

func wantLeaves() []uatest.Leaf {
	var want []uatest.Leaf
	for _, s := range sampleText {
		l := uatest.Leaf{Path: s.path, Text: s.text}
		if strings.HasSuffix(s.path, "Link") {
			l.Links = 1
		}
		want = append(want, l)
	}
	return want
}

func compareLeaves(t *testing.T, engine string, got, want []uatest.Leaf) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w uatest.Leaf
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g.Path != w.Path || uatest.Squash(g.Text) != uatest.Squash(w.Text) || g.Links != w.Links {
			t.Errorf("%s: element %d is %s %q (%d links), want %s %q (%d links)",
				engine, i, g.Path, g.Text, g.Links, w.Path, w.Text, w.Links)
		}
	}
}

// TestStructureTreePoppler reads the sample's structure tree back with
// Poppler: every element in reading order with its text, the paragraph
// cut by the page break whole, the link annotation inside its Link.
func TestStructureTreePoppler(t *testing.T) {
	for _, compress := range []bool{true, false} {
		path := uatest.WriteTemp(t, finishedSample(t, compress))
		root, got := uatest.Poppler(t, path)
		if root != "Document" {
			t.Errorf("root element %q, want Document", root)
		}
		compareLeaves(t, "poppler", got, wantLeaves())
		// The same pieces, read one by one, by both engines.
		if compress {
			tree := uatest.PopplerTree(t, path)
			if tree.Role != "Document" {
				t.Errorf("poppler tree root %q", tree.Role)
			}
			compareLeaves(t, "pdf.js pieces", uatest.Pdfjs(t, path).ContentList(), tree.ContentList())
			if n := len(tree.ContentList()); n != 14 {
				t.Errorf("poppler: %d pieces of content and links, want 14", n)
			}
		}
		if attrs := uatest.Run(t, "pdfinfo", "-struct", path); !strings.Contains(attrs, "L (block):\n     /ListNumbering /Disc\n") {
			t.Errorf("poppler: the list has no ListNumbering attribute:\n%s", attrs)
		}
	}
}

// TestTextPoppler checks that pdftotext gives back exactly the drawn text
// (typographic quotes, dashes, £, €, ŵ through the fonts' ToUnicode maps),
// with nothing else than the header and footer artifacts.
func TestTextPoppler(t *testing.T) {
	path := uatest.WriteTemp(t, finishedSample(t, true))
	text := uatest.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	for _, artifact := range []string{"Example Partnership", "Page 1", "Page 2"} {
		if !strings.Contains(text, artifact) {
			t.Errorf("pdftotext: no %q", artifact)
		}
		text = strings.ReplaceAll(text, artifact, " ")
	}
	var want []string
	for _, s := range sampleText {
		want = append(want, s.text)
	}
	wantText := uatest.Squash(strings.Join(want, " "))
	if got := uatest.Squash(text); got != wantText {
		t.Errorf("pdftotext:\n got %q\nwant %q", got, wantText)
	}
}

// TestQpdfCheck: qpdf finds no syntax or stream errors and no warnings.
func TestQpdfCheck(t *testing.T) {
	for _, compress := range []bool{true, false} {
		path := uatest.WriteTemp(t, finishedSample(t, compress))
		cmd := exec.Command(uatest.NeedTool(t, "qpdf"), "--check", path)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") ||
			strings.Contains(strings.ToLower(string(out)), "warning") {
			t.Errorf("qpdf --check (compress %v): %v\n%s", compress, err, out)
		}
	}
}

// TestFonts: every font is embedded as a subset with a tag and its real
// name, and has a ToUnicode map (pdffonts' emb, sub and uni columns).
func TestFonts(t *testing.T) {
	path := uatest.WriteTemp(t, finishedSample(t, true))
	out := uatest.Run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("pdffonts: want 2 fonts:\n%s", out)
	}
	names := map[string]bool{}
	for _, line := range lines[2:] {
		f := strings.Fields(line)
		name, flags := f[0], strings.Join(f[len(f)-5:len(f)-2], " ")
		if flags != "yes yes yes" {
			t.Errorf("pdffonts: %s emb/sub/uni = %s, want yes yes yes", name, flags)
		}
		tag, real, ok := strings.Cut(name, "+")
		if !ok || len(tag) != 6 || strings.ToUpper(tag) != tag {
			t.Errorf("pdffonts: %s has no subset tag", name)
		}
		names[real] = true
	}
	if !names["NotoSans-Regular"] || !names["NotoSans-Bold"] {
		t.Errorf("pdffonts: want NotoSans-Regular and NotoSans-Bold:\n%s", out)
	}
}

// TestPdfjs reads the sample back with pdf.js, a second engine: the same
// tree and text as Poppler, no text outside tags or artifacts, the link
// annotation with its real target and description, the title, and the
// document marked as tagged.
func TestPdfjs(t *testing.T) {
	path := uatest.WriteTemp(t, finishedSample(t, true))
	res := uatest.Pdfjs(t, path)
	compareLeaves(t, "pdf.js", res.Leaves(t), wantLeaves())
	if len(res.Pages) != 2 {
		t.Fatalf("pdf.js: %d pages, want 2", len(res.Pages))
	}
	for i, p := range res.Pages {
		if strings.TrimSpace(p.Outside) != "" {
			t.Errorf("pdf.js: page %d has text outside tags and artifacts: %q", i+1, p.Outside)
		}
		if !strings.Contains(p.Artifacts, "Example Partnership") || !strings.Contains(p.Artifacts, "Page ") {
			t.Errorf("pdf.js: page %d artifacts %q, want header and page number", i+1, p.Artifacts)
		}
	}
	annots := res.Pages[0].Annotations
	if len(annots) != 1 || annots[0].URL != sampleURI || annots[0].Contents != "the full review on lscpbirmingham.org.uk" {
		t.Errorf("pdf.js: annotations %+v, want one link to %s with its description", annots, sampleURI)
	}
	var linkObj string
	if link := res.Find("Link"); link != nil {
		for _, k := range link.Children {
			if k.Object != "" {
				linkObj = k.Object
			}
		}
	}
	if len(annots) == 1 && linkObj != annots[0].ID {
		t.Errorf("pdf.js: the Link element holds %q, want the annotation %q", linkObj, annots[0].ID)
	}
	if fig := res.Find("Figure"); fig == nil || fig.Alt != "Example Partnership logo" {
		t.Errorf("pdf.js: figure %+v, want alt text", fig)
	}
	if !res.MarkInfo["Marked"] {
		t.Errorf("pdf.js: MarkInfo %v, want Marked", res.MarkInfo)
	}
	if res.Title != sampleMeta.Title || res.Info["Title"] != sampleMeta.Title {
		t.Errorf("pdf.js: title %q (XMP) / %v (Info), want %q", res.Title, res.Info["Title"], sampleMeta.Title)
	}
}

// TestFontNameGiven: a PostScript name given with Tagger.FontName is the
// one written (with its subset tag), without reading the subset; a font
// whose name was not given keeps the name from its name table.
func TestFontNameGiven(t *testing.T) {
	raw, tg := samplePDF(t, true)
	tg.FontName("utf8body", "Given-Name")
	out, err := Finish(raw, tg, sampleMeta)
	if err != nil {
		t.Fatal(err)
	}
	fonts := uatest.Run(t, "pdffonts", uatest.WriteTemp(t, out))
	if !strings.Contains(fonts, "+Given-Name ") || !strings.Contains(fonts, "+NotoSans-Bold ") || strings.Contains(fonts, "NotoSans-Regular") {
		t.Errorf("pdffonts: want Given-Name and NotoSans-Bold:\n%s", fonts)
	}
}
