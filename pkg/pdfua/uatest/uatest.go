// Package uatest reads the structure tree of a tagged PDF back with two
// real engines, Poppler (pdfinfo -struct-text) and pdf.js (through node),
// for tests that compare it with what was drawn.
//
// pdf.js needs node and its package installed once:
// `npm ci --omit=optional` in this package's pdfjs folder. A missing tool
// skips the test, except under CI (CI=true), where it fails.
package uatest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// NeedTool returns the path of a program a test reads PDFs with. Without
// it the test is skipped, except in CI (CI=true), where it fails.
func NeedTool(t testing.TB, name string) string {
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

// WriteTemp writes a PDF under the test's temporary folder and returns
// its path.
func WriteTemp(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Run runs a tool and returns its standard output; a failure fails t.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(NeedTool(t, name), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// Squash collapses runs of white space and trims, so that text from
// engines that place spaces by geometry compares with what was drawn.
func Squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Leaf is a run of content of one structure element: the roles from the
// Document down to it ("P/Link"), its text, and the link annotations
// among its kids. Content of an element interrupted by a child element
// (a paragraph with a link in it) makes a leaf before and after the child.
type Leaf struct {
	Path  string
	Text  string
	Links int
}

// Poppler returns the root element's role and the leaves of the structure
// tree as Poppler's pdfinfo -struct-text prints it.
func Poppler(t testing.TB, path string) (root string, leaves []Leaf) {
	t.Helper()
	out := Run(t, "pdfinfo", "-struct-text", path)
	var stack []string // roles by depth
	var cur *Leaf
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		depth := (len(line) - len(trimmed)) / 2
		switch {
		case strings.HasPrefix(trimmed, `"`):
			text := strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
			p := strings.Join(stack[1:min(depth, len(stack))], "/")
			if cur == nil || cur.Path != p || len(stack) != depth {
				leaves = append(leaves, Leaf{Path: p})
				cur = &leaves[len(leaves)-1]
			}
			cur.Text += text
		case strings.HasPrefix(trimmed, "Object "):
			if cur == nil || len(stack) != depth {
				leaves = append(leaves, Leaf{Path: strings.Join(stack[1:min(depth, len(stack))], "/")})
				cur = &leaves[len(leaves)-1]
			}
			cur.Links++
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

// PdfjsDoc is what pdf.js reads from a PDF (see pdfjs/structtree.mjs).
type PdfjsDoc struct {
	Pages []struct {
		Tree *PdfjsNode `json:"tree"`
		// Text is all text of the page; Artifacts the text inside
		// artifacts; Outside the text neither tagged nor an artifact.
		Text        string `json:"text"`
		Artifacts   string `json:"artifacts"`
		Outside     string `json:"outside"`
		Annotations []struct {
			ID       string `json:"id"`
			Subtype  int    `json:"subtype"`
			URL      string `json:"url"`
			Contents string `json:"contents"`
		} `json:"annotations"`
	} `json:"pages"`
	Info     map[string]any  `json:"info"`
	MarkInfo map[string]bool `json:"markInfo"`
	// Title is the XMP's dc:title.
	Title string `json:"title"`
}

// PdfjsNode is a node of pdf.js's structure tree of one page: an element
// (Role set), a piece of content (Content and its Text), or an annotation
// (Object).
type PdfjsNode struct {
	Role       string       `json:"role"`
	Alt        string       `json:"alt"`
	Lang       string       `json:"lang"`
	Content    string       `json:"content"`
	Text       *string      `json:"text"`
	Object     string       `json:"object"`
	Annotation string       `json:"annotation"`
	Children   []*PdfjsNode `json:"children"`
}

// Pdfjs reads the PDF at path with pdf.js.
func Pdfjs(t testing.TB, path string) *PdfjsDoc {
	t.Helper()
	node := NeedTool(t, "node")
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("uatest: cannot find its own folder")
	}
	dir := filepath.Join(filepath.Dir(self), "pdfjs")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "pdfjs-dist")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pdf.js is required in CI: run npm ci --omit=optional in %s", dir)
		}
		t.Skipf("pdf.js not installed: run npm ci --omit=optional in %s", dir)
	}
	cmd := exec.Command(node, filepath.Join(dir, "structtree.mjs"), path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdf.js: %v\n%s", err, stderr.String())
	}
	var doc PdfjsDoc
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("pdf.js output: %v", err)
	}
	return &doc
}

// Leaves flattens pdf.js's per-page trees into leaves in reading order,
// as Poppler prints them. An element cut by a page break ends one page's
// tree and starts the next: the two halves are joined.
func (d *PdfjsDoc) Leaves(t testing.TB) []Leaf {
	t.Helper()
	var leaves []Leaf
	for pageNum, page := range d.Pages {
		if page.Tree == nil || len(page.Tree.Children) != 1 || page.Tree.Children[0].Role != "Document" {
			t.Fatalf("pdf.js: page %d has no Document element", pageNum+1)
		}
		first := true
		add := func(path []string, text string, links int) {
			p := strings.Join(path, "/")
			if first && pageNum > 0 && len(leaves) > 0 && leaves[len(leaves)-1].Path == p {
				leaves[len(leaves)-1].Text += text
				leaves[len(leaves)-1].Links += links
			} else {
				leaves = append(leaves, Leaf{Path: p, Text: text, Links: links})
			}
			first = false
		}
		var walk func(n *PdfjsNode, path []string)
		walk = func(n *PdfjsNode, path []string) {
			var text string
			var links, contents int
			flush := func() {
				if contents > 0 || links > 0 {
					add(path, text, links)
				}
				text, links, contents = "", 0, 0
			}
			for _, k := range n.Children {
				switch {
				case k.Role != "":
					flush()
					walk(k, append(path[:len(path):len(path)], k.Role))
				case k.Object != "" || k.Annotation != "":
					links++
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

// Find returns the first element of the page trees with role, or nil.
func (d *PdfjsDoc) Find(role string) *PdfjsNode {
	var found *PdfjsNode
	var walk func(n *PdfjsNode)
	walk = func(n *PdfjsNode) {
		if n == nil || found != nil {
			return
		}
		if n.Role == role {
			found = n
			return
		}
		for _, k := range n.Children {
			walk(k)
		}
	}
	for _, p := range d.Pages {
		walk(p.Tree)
	}
	return found
}
