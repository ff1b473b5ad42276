package main

import (
	"bytes"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	goldenfile "github.com/pressroom/pressroom/internal/golden"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// examples lists every statement under examples/, as the golden tests
// must cover each one.
func examples(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../examples/*.toml", "../../examples/*/*.toml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			// A folder example keeps its brand's layout beside the
			// statement; that file is a layout, not a statement.
			if filepath.Base(f) != "layout.toml" {
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		t.Fatal("no examples found under examples/")
	}
	return files
}

// goldenName is an example's name in testdata/golden:
// "examples/custom-brand/statement.toml" → "custom-brand-statement".
func goldenName(file string) string {
	rel := strings.TrimPrefix(filepath.ToSlash(file), "../../examples/")
	return strings.ReplaceAll(strings.TrimSuffix(rel, ".toml"), "/", "-")
}

func fixedEnv(k string) string {
	if k == "SOURCE_DATE_EPOCH" {
		return "1734393600" // 2024-12-17
	}
	return ""
}

// runPressroom runs the command line as a user would and returns stdout.
func runPressroom(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"pressroom"}, args...), strings.NewReader(""), &stdout, &stderr, fixedEnv); code != 0 {
		t.Fatalf("pressroom %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.Bytes()
}

// TestGolden compares the text and HTML of every example with
// testdata/golden; go test ./cmd/pressroom -run TestGolden -update
// rewrites them after a deliberate change (review the diff).
func TestGolden(t *testing.T) {
	for _, file := range examples(t) {
		for _, form := range []struct{ cmd, ext string }{{"text", ".txt"}, {"html", ".html"}} {
			t.Run(goldenName(file)+form.ext, func(t *testing.T) {
				got := runPressroom(t, form.cmd, file)
				golden := filepath.Join("..", "..", "testdata", "golden", goldenName(file)+form.ext)
				if goldenfile.Update() {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; run with -update if the change is meant\n%s", form.cmd, golden, firstDiff(string(want), string(got)))
				}
			})
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

var (
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	mdAutolink = regexp.MustCompile(`<((?:https?|mailto|tel):[^>\s]+)>`)
	mdListMark = regexp.MustCompile(`(?m)^\s*(?:[-*+]|\d+[.)])\s+`)
	htmlAttr   = regexp.MustCompile(`(?:href|content)="([^"]*)"([^>]*)>`)
	htmlTag    = regexp.MustCompile(`<[^>]*>`)
	htmlStyle  = regexp.MustCompile(`(?s)<style>.*?</style>`)
)

// statementWords is every word the user wrote, markup syntax removed: a
// link's text and its address (a placeholder's text only), mailto: and
// tel: dropped as a reader never sees them.
func statementWords(t *testing.T, file string, skip func(key string) bool) []string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, list := statement.Parse(file, src, statement.Options{})
	if s == nil || list.HasErrors() {
		t.Fatalf("%s does not parse: %v", file, list)
	}
	var words []string
	for _, f := range s.Texts() {
		if skip(f.Key) {
			continue
		}
		v := mdLink.ReplaceAllStringFunc(f.Value, func(m string) string {
			p := mdLink.FindStringSubmatch(m)
			if p[2] == "#" || p[2] == "" {
				return p[1]
			}
			return p[1] + " " + p[2]
		})
		v = mdAutolink.ReplaceAllString(v, "$1")
		v = mdListMark.ReplaceAllString(v, "")
		v = strings.NewReplacer("**", "", "*", "", "\\\n", "\n").Replace(v)
		for _, w := range strings.Fields(v) {
			w = strings.Trim(w, `.,;:!?()"'“”‘’`)
			w = strings.TrimPrefix(strings.TrimPrefix(w, "mailto:"), "tel:")
			if w != "" {
				words = append(words, w)
			}
		}
	}
	if len(words) < 20 {
		t.Fatalf("%s: only %d words found; the word check would prove nothing", file, len(words))
	}
	return words
}

// TestEveryWord checks that no word of a statement goes missing in its
// text or HTML rendition.
func TestEveryWord(t *testing.T) {
	for _, file := range examples(t) {
		t.Run(goldenName(file), func(t *testing.T) {
			notShown := func(key string) bool { return key == "layout" || key == "lang" || key == "translation" }
			// Smart punctuation sets ' as ’ and -- as –: compare typewritten.
			text := pdftest.Typewritten(strings.Join(strings.Fields(string(runPressroom(t, "text", file))), " "))
			for _, w := range statementWords(t, file, func(k string) bool { return notShown(k) || strings.HasPrefix(k, "keywords") }) {
				if !strings.Contains(text, pdftest.Typewritten(w)) {
					t.Errorf("text lacks %q", w)
				}
			}
			page := string(runPressroom(t, "html", file))
			page = htmlStyle.ReplaceAllString(page, " ")
			// Link targets and meta values count: move them out of their tags.
			page = htmlAttr.ReplaceAllString(page, "$2> $1 ")
			page = htmlTag.ReplaceAllString(page, " ")
			page = strings.Join(strings.Fields(html.UnescapeString(page)), " ")
			page = pdftest.Typewritten(strings.NewReplacer("mailto:", "", "tel:", "").Replace(page))
			for _, w := range statementWords(t, file, notShown) {
				if !strings.Contains(page, pdftest.Typewritten(w)) {
					t.Errorf("html lacks %q", w)
				}
			}
		})
	}
}

// TestWriteRenditions is what render --text --html --eml and batch rely
// on: the three files beside the PDF, the same as the commands write.
func TestWriteRenditions(t *testing.T) {
	dir := t.TempDir()
	file := "../../examples/embargoed-press-release.toml"
	pdfPath := filepath.Join(dir, "release.pdf")
	runPressroom(t, "render", file, "-o", pdfPath)
	pdf, err := os.ReadFile(pdfPath)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: fixedEnv,
		layouts: layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())}
	in, err := e.loadRelease("text", file, "")
	if err != nil {
		t.Fatal(err)
	}
	written, err := writeRenditions(e, in.job, guard(file, in.layout), pdfPath, pdf, renditions{Text: true, HTML: true, EML: true})
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(pdfPath, ".pdf")
	if strings.Join(written, " ") != base+".txt "+base+".html "+base+".eml" {
		t.Fatalf("wrote %q", written)
	}
	for _, form := range []struct{ cmd, ext string }{{"text", ".txt"}, {"html", ".html"}} {
		got, _ := os.ReadFile(base + form.ext)
		if want := runPressroom(t, form.cmd, file); !bytes.Equal(got, want) {
			t.Errorf("%s differs from what pressroom %s writes", base+form.ext, form.cmd)
		}
	}
	raw, _ := os.ReadFile(base + ".eml")
	msg, files := attachments(t, raw)
	if got := files["2025-01-08-2-4m-to-bring-community-diagnostic-hubs-to.pdf"]; !bytes.Equal(got, pdf) {
		t.Errorf("the .eml does not carry the PDF (attachments: %d)", len(files))
	}
	if s := msg.Header.Get("Subject"); !strings.Contains(s, "EMBARGOED") {
		t.Errorf("subject %q lacks the embargo", s)
	}
	if got, err := writeRenditions(e, in.job, guard(file, in.layout), pdfPath, pdf, renditions{}); got != nil || err != nil {
		t.Errorf("asking for nothing wrote %q, %v", got, err)
	}
}
