// Package pdftest reads PDFs back with real PDF engines (Poppler's
// pdftotext, pdfinfo and pdftoppm, and qpdf) so that tests assert what a
// reader of the file would see. A test needing a tool that is not
// installed is skipped, except under CI (CI=true), where it fails.
package pdftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// NeedTool returns the path of the program name, skipping the test when it
// is missing, or failing it when the CI variable is "true".
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	pkg := "poppler-utils qpdf"
	if name == "ttx" {
		pkg = "fonttools"
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (on Debian: apt-get install %s)", name, pkg)
	}
	t.Skipf("%s is not installed; skipping (on Debian: apt-get install %s)", name, pkg)
	return ""
}

// file writes pdf to a file in the test's temporary folder, since the
// tools read files.
func file(t testing.TB, pdf []byte) string {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(pdf); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

func runTool(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	path := NeedTool(t, name)
	cmd := exec.Command(path, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// Texts is the text of a PDF as pdftotext extracts it.
type Texts struct {
	// Layout is `pdftotext -layout`: lines as they stand on the page,
	// pages separated by form feeds.
	Layout string
	// Raw is `pdftotext -raw`: text in the order it was drawn.
	Raw string
}

// Text extracts the text of pdf in layout and raw order.
func Text(t testing.TB, pdf []byte) Texts {
	t.Helper()
	f := file(t, pdf)
	return Texts{
		Layout: string(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", f, "-")),
		Raw:    string(runTool(t, "pdftotext", "-raw", "-enc", "UTF-8", f, "-")),
	}
}

// Words splits s into words at any white space, so that texts can be
// compared whatever the line breaks.
func Words(s string) []string { return strings.Fields(s) }

// Info returns pdfinfo's fields ("Pages", "Title", "Author" …) by name.
func Info(t testing.TB, pdf []byte) map[string]string {
	t.Helper()
	out := runTool(t, "pdfinfo", "-enc", "UTF-8", file(t, pdf))
	info := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		info[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return info
}

// Pages returns the page count pdfinfo reads.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	n, err := strconv.Atoi(Info(t, pdf)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo gives no page count: %v", err)
	}
	return n
}

// Link is one URI link annotation.
type Link struct {
	Page int    // from 1
	URI  string // the target
	// Rect is the clickable area in PDF points: x1, y1, x2, y2.
	Rect [4]float64
}

// Links returns every URI link annotation of pdf, page by page, as qpdf
// reads them.
func Links(t testing.TB, pdf []byte) []Link {
	t.Helper()
	out := runTool(t, "qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", file(t, pdf))
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	if len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: no objects")
	}
	var objects map[string]struct {
		Value any `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	resolve := func(v any) any {
		for i := 0; i < 10; i++ {
			ref, ok := v.(string)
			if !ok || !strings.HasSuffix(ref, " R") {
				return v
			}
			v = objects["obj:"+ref].Value
		}
		return v
	}
	var links []Link
	for i, p := range doc.Pages {
		page, _ := resolve(p.Object).(map[string]any)
		annots, _ := resolve(page["/Annots"]).([]any)
		for _, a := range annots {
			annot, _ := resolve(a).(map[string]any)
			if annot["/Subtype"] != "/Link" {
				continue
			}
			action, _ := resolve(annot["/A"]).(map[string]any)
			if action["/S"] != "/URI" {
				continue
			}
			uri, _ := resolve(action["/URI"]).(string)
			l := Link{Page: i + 1, URI: pdfString(uri)}
			rect, _ := resolve(annot["/Rect"]).([]any)
			for j := 0; j < 4 && j < len(rect); j++ {
				if f, ok := resolve(rect[j]).(float64); ok {
					l.Rect[j] = f
				}
			}
			links = append(links, l)
		}
	}
	return links
}

// pdfString decodes a string of qpdf's JSON v2: "u:" text or "b:" hex.
func pdfString(s string) string {
	switch {
	case strings.HasPrefix(s, "u:"):
		return s[2:]
	case strings.HasPrefix(s, "b:"):
		var b []byte
		for i := 2; i+1 < len(s); i += 2 {
			v, _ := strconv.ParseUint(s[i:i+2], 16, 8)
			b = append(b, byte(v))
		}
		return string(b)
	}
	return s
}

// Check runs `qpdf --check` and fails the test on any error or warning.
func Check(t testing.TB, pdf []byte) {
	t.Helper()
	path := NeedTool(t, "qpdf")
	cmd := exec.Command(path, "--check", file(t, pdf))
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("WARNING")) || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// PNG renders each page of pdf at dpi with pdftoppm into dir and returns
// the files in page order, for looking at pages (and keeping them as
// test artefacts).
func PNG(t testing.TB, pdf []byte, dir string, dpi int) []string {
	t.Helper()
	prefix := filepath.Join(dir, "page")
	runTool(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-png", file(t, pdf), prefix)
	names, err := filepath.Glob(prefix + "-*.png")
	if err != nil {
		t.Fatal(err)
	}
	num := regexp.MustCompile(`-(\d+)\.png$`)
	page := func(s string) int {
		n, _ := strconv.Atoi(num.FindStringSubmatch(s)[1])
		return n
	}
	sort.Slice(names, func(i, j int) bool { return page(names[i]) < page(names[j]) })
	return names
}

// MissingWords returns the words of want that the extracted text lacks.
// Words are compared after splitting both at white space, as a multiset:
// each occurrence must be there. A long word that a renderer broke over
// lines reads back in pieces; it counts as present when it appears in the
// text with all white space removed, after dropping the lines for which
// skip (may be nil) returns true, such as a footer that stands between the
// pieces on two pages. Both sides are read with their punctuation
// typewritten (’ as ', – and -- as -, … as ...), since smart
// punctuation sets the statement's marks as a typesetter would.
func MissingWords(extracted string, want []string, skip func(line string) bool) []string {
	// A word hyphenated at a line's end with a soft hyphen (U+00AD, as
	// ISO 32000-1 14.8.2.2.3 asks) is one word to a reader.
	extracted = lineEndSoftHyphen.ReplaceAllString(extracted, "")
	extracted = Typewritten(extracted)
	folded := make([]string, len(want))
	for i, w := range want {
		folded[i] = Typewritten(w)
	}
	want = folded
	have := map[string]int{}
	for _, w := range strings.Fields(extracted) {
		have[w]++
	}
	// A word hyphenated at a line's end ("learn-" then "ing") is read as
	// a reader reads it: whole, or whole with its hyphen (a compound).
	for _, m := range lineEndHyphen.FindAllStringSubmatch(extracted, -1) {
		have[m[1]+m[2]]++
		have[m[1]+"-"+m[2]]++
	}
	var body strings.Builder
	for _, line := range strings.Split(extracted, "\n") {
		if skip == nil || !skip(strings.TrimSpace(strings.Trim(line, "\f"))) {
			body.WriteString(line)
			body.WriteByte('\n')
		}
	}
	joined := strings.Join(strings.Fields(body.String()), "")
	var missing []string
	for _, w := range want {
		if have[w] > 0 {
			have[w]--
			continue
		}
		if len(w) > 40 && strings.Contains(joined, w) {
			continue
		}
		missing = append(missing, w)
	}
	return missing
}

// lineEndHyphen is a word ending in a hyphen at a line's end and the
// word that opens the next line.
var lineEndHyphen = regexp.MustCompile(`(\S*\pL)-[ \t]*\n\s*(\pL\S*)`)

// lineEndSoftHyphen is a soft hyphen at a line's end with the white
// space around the line break.
var lineEndSoftHyphen = regexp.MustCompile(`\x{00AD}\s*`)

// typewriter folds smart punctuation back to the marks on a keyboard,
// and drops soft hyphens (invisible to a reader, a break at a line end).
var typewriter = strings.NewReplacer("\u00ad", "", "‘", "'", "’", "'", "“", `"`, "”", `"`, "---", "-", "--", "-", "—", "-", "–", "-", "…", "...")

// Typewritten is s with smart punctuation folded back to the marks on a
// keyboard: ‘ ’ as ', “ ” as ", dashes as -, … as ..., and without soft
// hyphens.
func Typewritten(s string) string { return typewriter.Replace(s) }

// Describe formats links for failure messages.
func Describe(links []Link) string {
	var b strings.Builder
	for _, l := range links {
		fmt.Fprintf(&b, "  page %d: %s\n", l.Page, l.URI)
	}
	return b.String()
}

// Outline is one bookmark of the PDF's outline.
type Outline struct {
	Title string
	Page  int // from 1
}

// Outlines returns the top-level bookmarks of pdf, in order, as qpdf
// reads them.
func Outlines(t testing.TB, pdf []byte) []Outline {
	t.Helper()
	out := runTool(t, "qpdf", "--json=2", "--json-key=outlines", file(t, pdf))
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("qpdf --json outlines: %v", err)
	}
	var list []Outline
	for _, o := range doc.Outlines {
		list = append(list, Outline{Title: o.Title, Page: o.Page})
	}
	return list
}
