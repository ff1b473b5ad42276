package pdfua

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns the path of a program a test reads PDFs with. Without
// it the test is skipped, except in CI (CI=true), where it fails.
func needTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI: %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return path
}

// writeTemp writes a PDF under the test's temporary folder.
func writeTemp(t testing.TB, name string, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a command and returns its standard output; a failure fails t.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(needTool(t, name), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// squash collapses runs of white space, so that text from engines that
// place spaces by geometry compares with what was drawn.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// leaf is the text of one structure element that holds content, with the
// roles on the way to it from the Document.
type leaf struct {
	path  string
	text  string
	annot int // link annotations among the element's kids
}

// popplerTree reads the structure tree as Poppler's pdfinfo -struct-text
// prints it and returns its leaves in order.
func popplerTree(t testing.TB, path string) (root string, leaves []leaf) {
	t.Helper()
	out := run(t, "pdfinfo", "-struct-text", path)
	var stack []string // roles by depth
	var cur *leaf
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		depth := (len(line) - len(trimmed)) / 2
		switch {
		case strings.HasPrefix(trimmed, `"`):
			text := strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
			p := strings.Join(stack[1:depth], "/")
			if cur == nil || cur.path != p || len(stack) != depth {
				leaves = append(leaves, leaf{path: p})
				cur = &leaves[len(leaves)-1]
			}
			cur.text += text
		case strings.HasPrefix(trimmed, "Object "):
			if cur != nil {
				cur.annot++
			}
		default:
			role := strings.Fields(trimmed)[0]
			if depth == 0 {
				root = role
			}
			stack = append(stack[:min(depth, len(stack))], role)
			cur = nil
		}
	}
	return root, leaves
}

func wantLeaves() []leaf {
	var want []leaf
	for _, s := range sampleText {
		l := leaf{path: s.path, text: s.text}
		if strings.HasSuffix(s.path, "Link") {
			l.annot = 1
		}
		want = append(want, l)
	}
	return want
}

func compareLeaves(t *testing.T, engine string, got, want []leaf) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w leaf
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g.path != w.path || squash(g.text) != squash(w.text) || g.annot != w.annot {
			t.Errorf("%s: element %d is %s %q (%d links), want %s %q (%d links)",
				engine, i, g.path, g.text, g.annot, w.path, w.text, w.annot)
		}
	}
}

// TestStructureTreePoppler reads the sample's structure tree back with
// Poppler: every element in reading order with its text, the paragraph
// cut by the page break whole, the link annotation inside its Link.
func TestStructureTreePoppler(t *testing.T) {
	for _, compress := range []bool{true, false} {
		path := writeTemp(t, "sample.pdf", finishedSample(t, compress))
		root, got := popplerTree(t, path)
		if root != "Document" {
			t.Errorf("root element %q, want Document", root)
		}
		compareLeaves(t, "poppler", got, wantLeaves())
		if attrs := run(t, "pdfinfo", "-struct", path); !strings.Contains(attrs, "L (block):\n     /ListNumbering /Disc\n") {
			t.Errorf("poppler: the list has no ListNumbering attribute:\n%s", attrs)
		}
	}
}

// TestTextPoppler checks that pdftotext gives back exactly the drawn text
// (typographic quotes, dashes, £, €, ŵ through the fonts' ToUnicode maps),
// with nothing else than the header and footer artifacts.
func TestTextPoppler(t *testing.T) {
	path := writeTemp(t, "sample.pdf", finishedSample(t, true))
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
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
	wantText := squash(strings.Join(want, " "))
	if got := squash(text); got != wantText {
		t.Errorf("pdftotext:\n got %q\nwant %q", got, wantText)
	}
}

// TestQpdfCheck: qpdf finds no syntax or stream errors and no warnings.
func TestQpdfCheck(t *testing.T) {
	for _, compress := range []bool{true, false} {
		path := writeTemp(t, "sample.pdf", finishedSample(t, compress))
		cmd := exec.Command(needTool(t, "qpdf"), "--check", path)
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
	path := writeTemp(t, "sample.pdf", finishedSample(t, true))
	out := run(t, "pdffonts", path)
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

// pdfjsResult is what testdata/pdfjs/structtree.mjs prints.
type pdfjsResult struct {
	Pages []struct {
		Tree        *pdfjsNode `json:"tree"`
		Text        string     `json:"text"`
		Artifacts   string     `json:"artifacts"`
		Outside     string     `json:"outside"`
		Annotations []struct {
			ID       string `json:"id"`
			Subtype  int    `json:"subtype"`
			URL      string `json:"url"`
			Contents string `json:"contents"`
		} `json:"annotations"`
	} `json:"pages"`
	Info     map[string]any  `json:"info"`
	MarkInfo map[string]bool `json:"markInfo"`
	Title    string          `json:"title"`
}

type pdfjsNode struct {
	Role       string       `json:"role"`
	Alt        string       `json:"alt"`
	Content    string       `json:"content"`
	Text       *string      `json:"text"`
	Object     string       `json:"object"`
	Annotation string       `json:"annotation"`
	Children   []*pdfjsNode `json:"children"`
}

// readPdfjs reads a PDF with pdf.js through node. It needs node and
// `npm ci` run in testdata/pdfjs.
func readPdfjs(t testing.TB, path string) pdfjsResult {
	t.Helper()
	node := needTool(t, "node")
	dir, err := filepath.Abs(filepath.Join("testdata", "pdfjs"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "pdfjs-dist")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pdf.js is required in CI: run npm ci in %s", dir)
		}
		t.Skipf("pdf.js not installed: run npm ci in %s", dir)
	}
	cmd := exec.Command(node, filepath.Join(dir, "structtree.mjs"), path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdf.js: %v\n%s", err, stderr.String())
	}
	var res pdfjsResult
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("pdf.js output: %v", err)
	}
	return res
}

// pdfjsLeaves flattens pdf.js's per-page trees into leaves in reading
// order. An element cut by a page break appears at the end of one page's
// tree and the start of the next: the two halves are joined.
func pdfjsLeaves(t testing.TB, res pdfjsResult) []leaf {
	var leaves []leaf
	for pageNum, page := range res.Pages {
		if page.Tree == nil || len(page.Tree.Children) != 1 || page.Tree.Children[0].Role != "Document" {
			t.Fatalf("pdf.js: page %d has no Document element", pageNum+1)
		}
		first := true
		add := func(path []string, text string, annots int) {
			p := strings.Join(path, "/")
			if first && pageNum > 0 && len(leaves) > 0 && leaves[len(leaves)-1].path == p {
				leaves[len(leaves)-1].text += text
				leaves[len(leaves)-1].annot += annots
			} else {
				leaves = append(leaves, leaf{path: p, text: text, annot: annots})
			}
			first = false
		}
		var walk func(n *pdfjsNode, path []string)
		walk = func(n *pdfjsNode, path []string) {
			// Runs of content between child elements are leaves of
			// their own, as Poppler prints them.
			var text string
			var annots, contents int
			flush := func() {
				if contents > 0 || annots > 0 {
					add(path, text, annots)
				}
				text, annots, contents = "", 0, 0
			}
			for _, k := range n.Children {
				switch {
				case k.Role != "":
					flush()
					walk(k, append(path[:len(path):len(path)], k.Role))
				case k.Object != "" || k.Annotation != "":
					annots++
				default:
					contents++
					if k.Text != nil {
						text += *k.Text
					}
				}
			}
			flush()
		}
		walk(page.Tree.Children[0], nil)
	}
	return leaves
}

// TestPdfjs reads the sample back with pdf.js, a second engine: the same
// tree and text as Poppler, no text outside tags or artifacts, the link
// annotation with its real target and description, the title, and the
// document marked as tagged.
func TestPdfjs(t *testing.T) {
	path := writeTemp(t, "sample.pdf", finishedSample(t, true))
	res := readPdfjs(t, path)
	compareLeaves(t, "pdf.js", pdfjsLeaves(t, res), wantLeaves())
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
	var find func(n *pdfjsNode)
	find = func(n *pdfjsNode) {
		for _, k := range n.Children {
			if n.Role == "Link" && k.Object != "" {
				linkObj = k.Object
			}
			find(k)
		}
	}
	find(res.Pages[0].Tree)
	if len(annots) == 1 && linkObj != annots[0].ID {
		t.Errorf("pdf.js: the Link element holds %q, want the annotation %q", linkObj, annots[0].ID)
	}
	var alt string
	var findAlt func(n *pdfjsNode)
	findAlt = func(n *pdfjsNode) {
		if n.Role == "Figure" {
			alt = n.Alt
		}
		for _, k := range n.Children {
			findAlt(k)
		}
	}
	findAlt(res.Pages[0].Tree)
	if alt != "Example Partnership logo" {
		t.Errorf("pdf.js: figure alt %q", alt)
	}
	if !res.MarkInfo["Marked"] {
		t.Errorf("pdf.js: MarkInfo %v, want Marked", res.MarkInfo)
	}
	if res.Title != sampleMeta.Title || res.Info["Title"] != sampleMeta.Title {
		t.Errorf("pdf.js: title %q (XMP) / %v (Info), want %q", res.Title, res.Info["Title"], sampleMeta.Title)
	}
}
