package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/pdftest"
)

// welshExamples are the Welsh twins of the examples.
var welshExamples = []string{
	"../../examples/cy/seed-statement.toml",
	"../../examples/cy/holding-statement.toml",
	"../../examples/cy/embargoed-press-release.toml",
	"../../examples/custom-brand/statement.cy.toml",
}

// englishWords are the words pressroom adds to an English release (the
// en-GB table, the built-in layouts' wording, month and weekday names);
// none may be in a Welsh one.
var englishWords = regexp.MustCompile(`(?i)\b(For immediate release|Embargoed|ENDS|more|Page \d|Note to editors|Media contacts?|About|E-?mail|Phone|Mobile|Office|Website|Ref|Reference|Press release|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|and)\b`)

// TestWelshExamples renders each Welsh example and reads the PDF back
// with Poppler: the Welsh labels are there, no English label is, and
// the catalogue says the document is Welsh.
func TestWelshExamples(t *testing.T) {
	pdftest.NeedTool(t, "pdftotext")
	qpdf := pdftest.NeedTool(t, "qpdf")
	for _, file := range welshExamples {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "release.pdf")
			runPressroom(t, "render", file, "-o", out)
			pdf, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			pdftest.Check(t, pdf)
			// Curly quotes and apostrophes are folded back to the keyboard's,
			// so the labels compare as typed in the word table.
			text := pdftest.Typewritten(strings.Join(pdftest.Words(pdftest.Text(t, pdf).Layout), " "))
			src, _ := os.ReadFile(file)
			want := []string{"DATGANIAD I'R WASG", "Diwedd", "E-bost:", "Ffôn"}
			if strings.Contains(string(src), "[notes]") {
				want = append(want, "Nodiadau i olygyddion")
			}
			if strings.Contains(string(src), "embargo =") {
				want = append(want, "Dan embargo 00:01 GMT dydd Mawrth 1 Mawrth 2011", "Tudalen 1 o 2", "Gwybodaeth amdanom ni", "Cysylltiadau i'r cyfryngau", "28 Chwefror 2011")
			} else {
				want = append(want, "I'w gyhoeddi ar unwaith", "Cyswllt i'r cyfryngau")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the PDF lacks %q:\n%s", w, text)
				}
			}
			// The statement's own words are Welsh too (names, addresses
			// and the fictional numbers aside), so any English word found
			// is one pressroom added.
			if m := englishWords.FindAllString(text, -1); len(m) > 0 {
				t.Errorf("English words in the Welsh PDF: %q\n%s", m, text)
			}
			qdf := filepath.Join(t.TempDir(), "qdf.pdf")
			cmd := exec.Command(qpdf, "--qdf", "--object-streams=disable", out, qdf)
			if b, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 3 {
				t.Fatalf("qpdf: %v\n%s", err, b)
			}
			raw, _ := os.ReadFile(qdf)
			if !regexp.MustCompile(`/Lang \((cy)\)`).Match(raw) {
				t.Error("the catalogue has no /Lang (cy)")
			}
		})
	}
}

// TestLangPassage: a passage marked [words](lang:en) in a Welsh statement
// is a Span with /Lang (en) in the PDF's structure tree, and a
// <span lang="en"> in the HTML.
func TestLangPassage(t *testing.T) {
	qpdf := pdftest.NeedTool(t, "qpdf")
	dir := t.TempDir()
	file := filepath.Join(dir, "s.toml")
	src := "headline = \"Prawf\"\ndate = 2024-12-17\nlang = \"cy\"\norganisation = \"Cyngor Bro Dyfnant\"\n" +
		"summary = \"Dywedodd y Gweinidog: [“We are delighted”](lang:en).\"\n[[contacts]]\nemail = \"a@example.org\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if page := string(runPressroom(t, "html", file)); !strings.Contains(page, `<span lang="en">“We are delighted”</span>`) {
		t.Errorf("the HTML has no <span lang=\"en\">:\n%s", page)
	}
	out := filepath.Join(dir, "s.pdf")
	runPressroom(t, "render", file, "-o", out)
	qdf := filepath.Join(dir, "qdf.pdf")
	cmd := exec.Command(qpdf, "--qdf", "--object-streams=disable", out, qdf)
	if b, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 3 {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	raw, _ := os.ReadFile(qdf)
	if !regexp.MustCompile(`/Lang \(en\)\s+/P \d+ 0 R\s+/Pg \d+ 0 R\s+/S /Span`).Match(raw) {
		t.Error("no Span element with /Lang (en) in the structure tree")
	}
	if !regexp.MustCompile(`/Lang \(cy\)`).Match(raw) {
		t.Error("the catalogue lost /Lang (cy)")
	}
}
