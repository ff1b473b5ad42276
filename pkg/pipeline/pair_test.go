package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
)

// statementText is a small statement; extra lines go after the date
// (line 3), so that a key written in extra is on line 4 onwards.
func statementText(headline, lang string, extra ...string) string {
	return "headline = \"" + headline + "\"\n" +
		"lang = \"" + lang + "\"\n" +
		"date = 2024-12-17\n" +
		strings.Join(extra, "\n") + "\n" +
		"summary = \"Text.\"\n"
}

// writeFiles writes name → text into a new folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadIn(t *testing.T, dir, name string) (*Job, diag.List) {
	t.Helper()
	path := filepath.Join(dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Load(path, src, Options{Layouts: library(), Scope: layout.Scope{Roots: []string{dir}}})
}

// find returns the diagnostics of severity sev at file:line:col whose
// message contains text.
func find(l diag.List, sev diag.Severity, file string, line, col int, text string) bool {
	for _, d := range l {
		if d.Severity == sev && filepath.Base(d.Pos.File) == file && d.Pos.Line == line && d.Pos.Col == col && strings.Contains(d.Message, text) {
			return true
		}
	}
	return false
}

// Each way a pair can be wrong is an error at the translation key (or
// the lang key) of the file at fault, and no job is made.
func TestPairErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		load  string
		// want: the file, line and column, and part of the message.
		file      string
		line, col int
		text      string
	}{
		{
			name:  "missing file",
			files: map[string]string{"a.toml": statementText("A", "en-GB", `translation = "a.cy.toml"`)},
			load:  "a.toml", file: "a.toml", line: 4, col: 15, text: "cannot read the translation",
		},
		{
			name:  "names itself",
			files: map[string]string{"a.toml": statementText("A", "en-GB", `translation = "./a.toml"`)},
			load:  "a.toml", file: "a.toml", line: 4, col: 15, text: "names this file itself",
		},
		{
			name: "third file",
			files: map[string]string{
				"a.toml":    statementText("A", "en-GB", `translation = "a.cy.toml"`),
				"a.cy.toml": statementText("B", "cy", `translation = "c.toml"`),
				"c.toml":    statementText("C", "fr"),
			},
			load: "a.toml", file: "a.cy.toml", line: 4, col: 15, text: "names a third file",
		},
		{
			name: "same language",
			files: map[string]string{
				"a.toml":    statementText("A", "en-GB", `translation = "a.us.toml"`),
				"a.us.toml": statementText("B", "en-US"),
			},
			load: "a.toml", file: "a.us.toml", line: 2, col: 8, text: "are both in English",
		},
		{
			name: "cycle",
			files: map[string]string{
				"a.toml": statementText("A", "en-GB", `translation = "b.toml"`),
				"b.toml": statementText("B", "cy", `translation = "c.toml"`),
				"c.toml": statementText("C", "fr", `translation = "a.toml"`),
			},
			load: "a.toml", file: "b.toml", line: 4, col: 15, text: "go round in a circle",
		},
		{
			name: "errors in the translation",
			files: map[string]string{
				"a.toml":    statementText("A", "en-GB", `translation = "a.cy.toml"`),
				"a.cy.toml": "headline = \"B\"\nlang = \"cy\"\ndate = \"2024-12-17\"\nsummary = \"Testun.\"\n",
			},
			load: "a.toml", file: "a.cy.toml", line: 3, col: 8, text: "date",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, tc.files)
			job, list := loadIn(t, dir, tc.load)
			if job != nil {
				t.Errorf("a job was made: %v", list)
			}
			if !find(list, diag.Error, tc.file, tc.line, tc.col, tc.text) {
				t.Errorf("no error %q at %s:%d:%d in:\n%v", tc.text, tc.file, tc.line, tc.col, list)
			}
		})
	}
}

// A translation outside the statement's folder is refused like a layout
// outside it.
func TestPairScope(t *testing.T) {
	outside := writeFiles(t, map[string]string{"b.toml": statementText("B", "cy")})
	dir := writeFiles(t, map[string]string{"a.toml": statementText("A", "en-GB", `translation = "`+filepath.ToSlash(filepath.Join(outside, "b.toml"))+`"`)})
	job, list := loadIn(t, dir, "a.toml")
	if job != nil || !find(list, diag.Error, "a.toml", 4, 15, "is outside") {
		t.Errorf("a translation outside the folder was read: %v", list)
	}
}

// The refusal names the folder as the user knows it: this statement's
// folder, by the name it was given on the command line ("own"), and not
// "the folder ." when the statement is in the working folder.
func TestPairScopeNamesTheFolder(t *testing.T) {
	base := t.TempDir()
	for name, text := range map[string]string{
		"elsewhere/b.toml": statementText("B", "cy"),
		"own/a.toml":       statementText("A", "en-GB", `translation = "../elsewhere/b.toml"`),
		"own/c.toml":       statementText("C", "en-GB", `translation = "../elsewhere/b.toml"`),
	} {
		path := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(base, "own"))
	for _, tc := range []struct{ file, root, want string }{
		// The statement in the working folder, as "pressroom render a.toml" gives it.
		{"a.toml", ".", "the translation ../elsewhere/b.toml is outside this statement's folder (the current folder)"},
		// In a folder given by name.
		{"../own/c.toml", "../own", "the translation ../elsewhere/b.toml is outside this statement's folder (../own)"},
	} {
		src, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		job, list := Load(tc.file, src, Options{Layouts: library(), Scope: layout.Scope{Roots: []string{tc.root}, Hint: "move it"}})
		var errs diag.List
		for _, d := range list {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			}
		}
		if job != nil || len(errs) != 1 || errs[0].Message != tc.want || errs[0].Pos.Line != 4 || errs[0].Hint == "" {
			t.Errorf("%s: got %v\nwant 4:15: error: %s", tc.file, list, tc.want)
		}
	}
}

// Two versions that disagree on the date, the embargo, the number of
// developments or a contact's name, e-mail or phone get a warning in each
// file, at each file's own place, naming the other's; what agrees (a
// phone written with other spaces) gets none.
func TestPairDifferences(t *testing.T) {
	en := `headline = "Helpline hours extended"
lang = "en-GB"
translation = "b.cy.toml"
date = 2025-02-03
embargo = 2025-02-03T00:01:00
summary = "Text."

[developments]
items = ["one", "two"]

[[contacts]]
name = "Tom Ashdown"
email = "press@example.org"
phone = "01632 960 725"
`
	cy := `headline = "Oriau'r llinell gymorth yn hirach"
lang = "cy"
date = 2025-02-04
summary = "Testun."

[developments]
items = ["un"]

[[contacts]]
name = "Tom Ashdown"
email = "gwasg@example.org"
phone = "01632960725"
`
	dir := writeFiles(t, map[string]string{"a.toml": en, "b.cy.toml": cy})
	job, list := loadIn(t, dir, "a.toml")
	if job == nil || job.Translation == nil {
		t.Fatalf("no pair: %v", list)
	}
	for _, w := range []struct {
		file      string
		line, col int
		text      string
	}{
		{"a.toml", 4, 8, "the date is 2025-02-03 here but 2025-02-04 in the translation (" + filepath.Join(dir, "b.cy.toml") + ":3:8)"},
		{"b.cy.toml", 3, 8, "the date is 2025-02-04 here but 2025-02-03 in the translation (" + filepath.Join(dir, "a.toml") + ":4:8)"},
		{"a.toml", 5, 11, "the embargo is 2025-02-03T00:01:00 here but none"},
		{"b.cy.toml", 3, 8, "the embargo is none here"},
		{"a.toml", 9, 9, "the number of developments is 2 here but 1"},
		{"b.cy.toml", 7, 9, "the number of developments is 1 here but 2"},
		{"a.toml", 13, 9, `contact 1's email is "press@example.org" here but "gwasg@example.org"`},
		{"b.cy.toml", 11, 9, `contact 1's email is "gwasg@example.org" here`},
	} {
		if !find(list, diag.Warning, w.file, w.line, w.col, w.text) {
			t.Errorf("no warning %q at %s:%d:%d in:\n%v", w.text, w.file, w.line, w.col, list)
		}
	}
	for _, d := range list {
		if strings.Contains(d.Message, "phone") || strings.Contains(d.Message, "name") {
			t.Errorf("a warning about what agrees: %v", d)
		}
	}
}

// The Welsh half comes first whichever file is named; otherwise the
// file named comes first. In a batch the Welsh one leads.
func TestHalves(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.toml":    statementText("English", "en-GB", `translation = "a.cy.toml"`),
		"a.cy.toml": statementText("Cymraeg", "cy", `translation = "a.toml"`),
		"f.toml":    statementText("English", "en-GB", `translation = "f.fr.toml"`),
		"f.fr.toml": statementText("Français", "fr"),
	})
	for _, tc := range []struct {
		load, first string
		leads       bool
	}{
		{"a.toml", "Cymraeg", false},
		{"a.cy.toml", "Cymraeg", true},
		{"f.toml", "English", true},
	} {
		job, list := loadIn(t, dir, tc.load)
		if job == nil {
			t.Fatalf("%s: %v", tc.load, list)
		}
		h := job.Halves()
		if len(h) != 2 || h[0].Statement.Headline != tc.first {
			t.Errorf("%s: the first half is %q, want %q", tc.load, h[0].Statement.Headline, tc.first)
		}
		if job.Leads() != tc.leads {
			t.Errorf("%s: Leads() = %v", tc.load, job.Leads())
		}
	}
}

// The bilingual example loads as a pair whose versions agree: no
// warning about a difference, and its PDF has both halves.
func TestBilingualExample(t *testing.T) {
	const file = "../../examples/custom-brand/statement.toml"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	job, list := Load(file, src, Options{Layouts: library(), Scope: layout.Scope{Roots: []string{filepath.Dir(file)}}})
	if job == nil || job.Translation == nil {
		t.Fatalf("no pair: %v", list)
	}
	for _, d := range list {
		if strings.Contains(d.Message, "in the translation") {
			t.Errorf("the example's versions differ: %v", d)
		}
	}
	if h := job.Halves(); h[0].Statement.Lang != "cy" || h[1].Statement.Lang != "en-GB" {
		t.Errorf("halves in %s, %s; want cy first", h[0].Statement.Lang, h[1].Statement.Lang)
	}
}
