// Package uatest reads the structure tree of a tagged PDF back with two
// real engines, Poppler (pdfinfo -struct-text) and pdf.js (through node),
// for tests that compare it with what was drawn.
//
// pdf.js needs node and its package installed once:
// `npm ci --omit=optional` in this package's pdfjs folder. A missing tool
// skips the test, except under CI (CI=true), where it fails.
package uatest

import (
	"github.com/pressroom/pressroom/internal/pdftest"

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
func NeedTool(t testing.TB, name string) string { return pdftest.NeedTool(t, name) }

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

// Node is an element of the structure tree as Poppler prints it.
type Node struct {
	Role string
	// Text is the text of the element's content and of everything below
	// it, in order, with a space between block elements.
	Text string
	// Kids are the element's child elements; Pieces all its kids in
	// order: content, link annotations and elements.
	Kids   []*Node
	Pieces []Piece
}

// Piece is one kid of a Node: a piece of marked content (its text), a
// link annotation, or a child element.
type Piece struct {
	Content string
	Link    bool
	Kid     *Node
}

// PopplerTree returns the Document element of the PDF at path, as
// pdfinfo -struct-text prints the tree.
func PopplerTree(t testing.TB, path string) *Node {
	t.Helper()
	out := Run(t, "pdfinfo", "-struct-text", path)
	var stack []*Node // elements by depth
	var root *Node
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		if strings.HasPrefix(trimmed, "/") {
			continue // an attribute of the element above: "/ListNumbering /Disc"
		}
		depth := (len(line) - len(trimmed)) / 2
		if depth > len(stack) || (depth == 0 && root != nil) {
			t.Fatalf("pdfinfo -struct-text: line %q is out of place", line)
		}
		switch {
		case strings.HasPrefix(trimmed, `"`), strings.HasPrefix(trimmed, "Object "):
			if depth == 0 {
				t.Fatalf("pdfinfo -struct-text: %q outside any element", line)
			}
			n := stack[depth-1]
			if strings.HasPrefix(trimmed, "Object ") {
				n.Pieces = append(n.Pieces, Piece{Link: true})
				continue
			}
			text := strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
			n.Pieces = append(n.Pieces, Piece{Content: text})
			for _, up := range stack[:depth] {
				up.Text += text
			}
		default:
			n := &Node{Role: strings.TrimSuffix(strings.Fields(trimmed)[0], ":")}
			stack = append(stack[:depth], n)
			if !strings.Contains(trimmed, "(inline)") {
				// Block elements are apart in the text: a reader
				// pauses between paragraphs, lines of an address.
				for _, up := range stack[:depth] {
					if up.Text != "" && !strings.HasSuffix(up.Text, " ") {
						up.Text += " "
					}
				}
			}
			if depth == 0 {
				root = n
			} else {
				parent := stack[depth-1]
				parent.Kids = append(parent.Kids, n)
				parent.Pieces = append(parent.Pieces, Piece{Kid: n})
			}
		}
	}
	if root == nil {
		t.Fatal("pdfinfo -struct-text: no structure tree")
	}
	return root
}

// ContentList lists the pieces of marked content and the link
// annotations below n, in order, each with the roles from below n down to
// its element: the sequence a screen reader walks. A link annotation is a
// Leaf with Links 1 and no text.
func (n *Node) ContentList() []Leaf {
	var out []Leaf
	var walk func(n *Node, path string)
	walk = func(n *Node, path string) {
		for _, p := range n.Pieces {
			switch {
			case p.Kid != nil:
				walk(p.Kid, strings.TrimPrefix(path+"/"+p.Kid.Role, "/"))
			case p.Link:
				out = append(out, Leaf{Path: path, Links: 1})
			default:
				out = append(out, Leaf{Path: path, Text: p.Content})
			}
		}
	}
	walk(n, "")
	return out
}

// ContentList is the same sequence as Node.ContentList, read by pdf.js:
// each page's tree in order, pages one after the other.
func (d *PdfjsDoc) ContentList() []Leaf {
	var out []Leaf
	var walk func(n *PdfjsNode, path string)
	walk = func(n *PdfjsNode, path string) {
		for _, k := range n.Children {
			switch {
			case k.Role != "":
				walk(k, strings.TrimPrefix(path+"/"+k.Role, "/"))
			case k.Object != "" || k.Annotation != "":
				out = append(out, Leaf{Path: path, Links: 1})
			default:
				text := ""
				if k.Text != nil {
					text = *k.Text
				}
				out = append(out, Leaf{Path: path, Text: text})
			}
		}
	}
	for _, p := range d.Pages {
		if p.Tree != nil && len(p.Tree.Children) == 1 {
			walk(p.Tree.Children[0], "")
		}
	}
	return out
}
