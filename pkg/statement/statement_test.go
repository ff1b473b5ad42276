package statement

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/golden"
	"github.com/pressroom/pressroom/internal/tomlpos"
	"github.com/pressroom/pressroom/pkg/diag"
)

var today = Options{Today: Date{Year: 2024, Month: 12, Day: 17}}

func readExample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExamples checks that every example is free of errors and that each
// text can be located character by character.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.toml"))
	if err != nil || len(files) < 3 {
		t.Fatalf("want at least 3 examples, found %d (%v)", len(files), err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s, list := Parse(file, src, today)
		if list.HasErrors() || s == nil {
			t.Errorf("%s has errors:\n%s", file, dump(list))
			continue
		}
		checkLocate(t, s, src)
	}
}

func dump(l diag.List) string {
	var b bytes.Buffer
	_ = l.Write(&b)
	return b.String()
}

// checkLocate asserts that Locate points at each character of every text,
// unless the character was written as an escape.
func checkLocate(t *testing.T, s *Statement, src []byte) {
	t.Helper()
	index := tomlpos.NewIndex(src)
	for _, f := range s.Texts() {
		for off, r := range f.Value {
			pos := s.Locate(f.Key, off)
			if pos.Line < 1 || pos.Line > index.Lines() {
				t.Errorf("%s: Locate(%s, %d) = %v: no such line", s.File, f.Key, off, pos)
				return
			}
			start, _ := index.Line(pos.Line)
			line := src[start:]
			if pos.Line == 1 {
				line = bytes.TrimPrefix(line, []byte("\ufeff"))
			}
			runes := []rune(string(line[:min(len(line), 4*(pos.Col+8))]))
			if pos.Col < 1 || pos.Col > len(runes) {
				t.Errorf("%s: Locate(%s, %d) = %v: no such column", s.File, f.Key, off, pos)
				return
			}
			got := runes[pos.Col-1]
			if got != r && got != '\\' {
				t.Errorf("%s: Locate(%s, %d) = %v, which is %q, want %q", s.File, f.Key, off, pos, got, r)
				return
			}
		}
	}
}

// TestDocsExamples checks that every TOML example in the user
// documentation is a statement without errors.
func TestDocsExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "statement-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllSubmatch(doc, -1)
	if len(blocks) == 0 {
		t.Fatal("no ```toml examples in docs/statement-format.md")
	}
	for i, b := range blocks {
		if _, list := Parse(fmt.Sprintf("example %d", i+1), b[1], today); list.HasErrors() {
			t.Errorf("example %d of docs/statement-format.md has errors:\n%s", i+1, dump(list))
		}
	}
}

func TestSeedWarnings(t *testing.T) {
	s, list := Parse("seed.toml", readExample(t, "seed-statement.toml"), today)
	if s == nil || list.HasErrors() {
		t.Fatalf("seed has errors:\n%s", dump(list))
	}
	var placeholders []string
	for _, d := range list {
		if strings.Contains(d.Message, "placeholder link") {
			placeholders = append(placeholders, fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Col))
		}
	}
	if got, want := strings.Join(placeholders, " "), "25:9 26:4 27:8"; got != want {
		t.Errorf("placeholder warnings at %s, want %s", got, want)
	}
	if n := len(s.Developments.Items); n != 4 {
		t.Errorf("%d developments, want 4", n)
	}
	if len(s.Signatories) != 2 || s.Signatories[1].Name != "Richard North" || s.Signatories[0].Role != "Co-Chair" {
		t.Errorf("signatories = %+v", s.Signatories)
	}
	if s.Date != (Date{2024, 12, 17}) || s.Lang != "en-GB" || s.Reference != "BSCP 2020/21-01" {
		t.Errorf("date %v, lang %q, reference %q", s.Date, s.Lang, s.Reference)
	}
	if c := s.Contacts; len(c) != 1 || c[0].Mobile != "07825 282 465" || c[0].Website != "www.lscpbirmingham.org.uk" {
		t.Errorf("contacts = %+v", c)
	}
}

// TestSeedKeepsEveryWord checks that every word of the original statement
// is somewhere in the example, apart from the labels the layout supplies.
func TestSeedKeepsEveryWord(t *testing.T) {
	// The statement as it was published, word for word.
	orig, err := os.ReadFile(filepath.Join("testdata", "seed-statement.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Parse("seed.toml", readExample(t, "seed-statement.toml"), today)
	if s == nil {
		t.Fatal("seed does not parse")
	}
	var all strings.Builder
	for _, f := range s.Texts() {
		all.WriteString(strings.ToLower(f.Value))
		all.WriteString(" ")
	}
	text := all.String()
	// Supplied by the layout: the date line, contact labels, the plural
	// "Co-Chairs" of two signatories.
	layoutWords := map[string]bool{"date": true, "17th": true, "december": true, "email": true, "mobile": true,
		"office": true, "website": true, "co-chairs": true, "2024": true}
	words := strings.FieldsFunc(strings.ToLower(string(orig)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("'-/.@", r)
	})
	for _, w := range words {
		w = strings.Trim(w, "'.-/")
		if w == "" || layoutWords[w] {
			continue
		}
		if !strings.Contains(text, w) {
			t.Errorf("word %q of the seed is missing from the example", w)
		}
	}
}

// wantRE is the corpus convention: "# want: LINE:COL SEVERITY MESSAGE",
// where MESSAGE must be contained in the diagnostic's message and 0:0
// means the whole file.
var wantRE = regexp.MustCompile(`^# want: (\d+):(\d+) (error|warning) (.+)$`)

// hintRE is an optional line after a want line: the hint must contain it.
var hintRE = regexp.MustCompile(`^#   hint: (.+)$`)

type want struct {
	line, col int
	severity  string
	message   string
	hint      string
}

func readWants(t *testing.T, file string, src []byte) []want {
	t.Helper()
	if side, err := os.ReadFile(file + ".want"); err == nil {
		src = side
	}
	var wants []want
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, MaxSize*2)
	for sc.Scan() {
		text := strings.TrimRight(sc.Text(), "\r")
		if h := hintRE.FindStringSubmatch(text); h != nil && len(wants) > 0 {
			wants[len(wants)-1].hint = h[1]
			continue
		}
		m := wantRE.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		wants = append(wants, want{line: line, col: col, severity: m[3], message: m[4]})
	}
	return wants
}

// TestCorpus runs every bad statement of testdata/statements and checks
// that it gives exactly the diagnostics written in it, at their line and
// column.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "statements", "*.toml"))
	if len(files) < 40 {
		t.Errorf("the corpus has %d statements, want at least 40", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wants := readWants(t, file, src)
			if len(wants) == 0 && !golden.Update() {
				t.Fatal("no # want: lines")
			}
			_, list := Parse(filepath.Base(file), src, today)
			if golden.Update() {
				writeWants(t, file, src, list)
				return
			}
			used := make([]bool, len(list))
			for _, w := range wants {
				found := false
				for i, d := range list {
					if !used[i] && d.Pos.Line == w.line && d.Pos.Col == w.col && d.Severity.String() == w.severity &&
						strings.Contains(d.Message, w.message) && strings.Contains(d.Hint, w.hint) {
						used[i], found = true, true
						break
					}
				}
				if !found {
					t.Errorf("missing: %d:%d %s %s (hint: %s)", w.line, w.col, w.severity, w.message, w.hint)
				}
			}
			for i, d := range list {
				if !used[i] {
					t.Errorf("unexpected: %d:%d %s %s (hint: %s)", d.Pos.Line, d.Pos.Col, d.Severity, d.Message, d.Hint)
				}
				if d.Severity == diag.Error && d.Pos.Line > 0 && d.Hint == "" {
					t.Errorf("%d:%d %s has no hint", d.Pos.Line, d.Pos.Col, d.Message)
				}
			}
			if t.Failed() {
				t.Logf("all diagnostics:\n%s", dump(list))
			}
		})
	}
}

// writeWants replaces the want lines at the end of a corpus file (or in its
// .want file, for files that must end as they are) with list.
func writeWants(t *testing.T, file string, src []byte, list diag.List) {
	var b bytes.Buffer
	for _, d := range list {
		fmt.Fprintf(&b, "# want: %d:%d %s %s\n", d.Pos.Line, d.Pos.Col, d.Severity, d.Message)
		if d.Hint != "" {
			fmt.Fprintf(&b, "#   hint: %s\n", d.Hint)
		}
	}
	if _, err := os.Stat(file + ".want"); err == nil {
		if err := os.WriteFile(file+".want", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if i := bytes.Index(src, []byte("\n# want: ")); i >= 0 {
		src = src[:i+1]
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		src = append(src, '\n')
	}
	if err := os.WriteFile(file, append(src, b.Bytes()...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTooLarge(t *testing.T) {
	src := bytes.Repeat([]byte("# padding\n"), MaxSize/10+1)
	s, list := Parse("big.toml", src, Options{})
	if s != nil || len(list) != 1 || !strings.Contains(list[0].Message, "larger than 1024 KiB") {
		t.Errorf("got %v, %s", s, dump(list))
	}
}

func TestTooManyItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("headline = \"h\"\ndate = 2024-12-17\nsummary = \"s\"\nkeywords = [")
	for i := 0; i <= MaxItems; i++ {
		b.WriteString(`"k",`)
	}
	b.WriteString("]\n")
	_, list := Parse("many.toml", []byte(b.String()), Options{})
	if !strings.Contains(dump(list), "1001 list entries, more than the 1000") {
		t.Errorf("got %s", dump(list))
	}

	// List items in the texts count too.
	src := "headline = \"h\"\ndate = 2024-12-17\nsummary = \"\"\"\n" + strings.Repeat("- item\n", MaxItems+1) + "\"\"\"\n"
	_, list = Parse("list.toml", []byte(src), Options{})
	if !strings.Contains(dump(list), "1001 list entries, more than the 1000") {
		t.Errorf("got %s", dump(list))
	}
	// And exactly the limit is fine.
	src = "headline = \"h\"\ndate = 2024-12-17\nsummary = \"\"\"\n" + strings.Repeat("1. item\n", MaxItems) + "\"\"\"\n"
	if s, list := Parse("list.toml", []byte(src), Options{}); list.HasErrors() || len(s.Summary.Blocks[0].Items) != MaxItems {
		t.Errorf("got %s", dump(list))
	}
}

// TestTexts checks the keys Texts gives and that Locate follows escapes
// and multi-line strings.
func TestTexts(t *testing.T) {
	src := "headline = \"Caf\\u00e9 \\\"opening\\\"\"\ndate = 2024-12-17\nsummary = \"\"\"\nOne \\\n   two ŵ.\n\"\"\"\n" +
		"keywords = ['a', \"b\"]\n[developments]\nitems = [\n  \"x\",\n  '''y''',\n]\n[[contacts]]\nemail = \"a@b.example\"\n"
	s, list := Parse("t.toml", []byte(src), Options{})
	if list.HasErrors() {
		t.Fatalf("errors:\n%s", dump(list))
	}
	var keys []string
	for _, f := range s.Texts() {
		keys = append(keys, f.Key+"="+f.Value)
	}
	want := "headline=Café \"opening\"|summary=One two ŵ.\n|keywords[0]=a|keywords[1]=b|developments.items[0]=x|developments.items[1]=y|contacts[0].email=a@b.example"
	if got := strings.Join(keys, "|"); got != want {
		t.Errorf("Texts:\n got %s\nwant %s", got, want)
	}
	cases := []struct {
		key       string
		off       int
		line, col int
	}{
		{"headline", 0, 1, 13},
		{"headline", 3, 1, 16},              // é, written \u00e9
		{"headline", len("Café "), 1, 23},   // \"
		{"summary", 0, 4, 1},                // after the trimmed first newline
		{"summary", len("One "), 5, 4},      // after the line-ending backslash
		{"summary", len("One two "), 5, 8},  // ŵ
		{"summary", len("One two ŵ"), 5, 9}, // the full stop: columns count characters
		{"developments.items[1]", 0, 11, 6}, // '''y'''
		{"contacts[0].email", 2, 14, 12},
	}
	for _, c := range cases {
		if got := s.Locate(c.key, c.off); got.Line != c.line || got.Col != c.col {
			t.Errorf("Locate(%s, %d) = %d:%d, want %d:%d", c.key, c.off, got.Line, got.Col, c.line, c.col)
		}
	}
	checkLocate(t, s, []byte(src))
}

// FuzzParse checks that no file makes Parse panic, that every diagnostic
// points inside the file, and that every text can be located.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../examples/*.toml", "../../testdata/statements/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, list := Parse("f.toml", src, today)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range list {
			if d.Pos.Line < 0 || d.Pos.Line > lines || d.Message == "" {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
		if s != nil && utf8.Valid(src) {
			checkLocate(t, s, src)
		}
	})
}

// TestDiagnosticKeys checks that diagnostics about a value name its key,
// as the user counts list entries (from 1), for --format json.
func TestDiagnosticKeys(t *testing.T) {
	src := "headline = \"A\\tB\"\ndate = 2024-12-17\nsummary = \"[x](javascript:y)\"\n\n[[contacts]]\nname = \"Press Office\"\n\n[[contacts]]\nemail = \"press at example\"\n"
	_, list := Parse("s.toml", []byte(src), Options{})
	var got []string
	for _, d := range list {
		got = append(got, d.Key)
	}
	if want := "headline summary contacts[1] contacts[2].email"; strings.Join(got, " ") != want {
		t.Errorf("keys %q, want %q\n%s", strings.Join(got, " "), want, dump(list))
	}
}

// TestKeyAt checks that a position inside a value, as Locate gives it,
// names the value's key.
func TestKeyAt(t *testing.T) {
	src := "headline = \"Library hours\"\ndate = 2024-12-17\nsummary = \"\"\"\nOne.\n\nTwo **bold**.\n\"\"\"\n\n[[contacts]]\nname = \"Press\"\nphone = \"0121 464 2612\"\n\n[[contacts]]\nemail = \"press@example.org\"\n"
	s, list := Parse("s.toml", []byte(src), Options{})
	if list.HasErrors() {
		t.Fatal(dump(list))
	}
	for _, tt := range []struct {
		key  string
		off  int
		want string
	}{
		{"headline", 3, "headline"},
		{"summary", 8, "summary"},
		{"contacts[1].email", 2, "contacts[2].email"},
	} {
		if got := s.KeyAt(s.Locate(tt.key, tt.off)); got != tt.want {
			t.Errorf("KeyAt(Locate(%s, %d)) = %q, want %q", tt.key, tt.off, got, tt.want)
		}
	}
	if got := s.KeyAt(diag.Pos{File: "s.toml", Line: 2, Col: 1}); got != "" {
		t.Errorf("KeyAt on the date key = %q, want none", got)
	}
}
