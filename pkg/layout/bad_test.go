package layout_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/diag"
)

// want is one expected diagnostic, written in a test file as
//
//	# want: LINE:COL message part  | hint part
var wantLine = regexp.MustCompile(`(?m)^# want: (\d+):(\d+) ([^|\n]*?)\s*(?:\|\s*(.*))?$`)

type want struct {
	line, col   int
	msg, hint   string
	matchedWith string
}

func readWants(t *testing.T, src []byte) []want {
	t.Helper()
	var ws []want
	for _, m := range wantLine.FindAllStringSubmatch(string(src), -1) {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		ws = append(ws, want{line: line, col: col, msg: strings.TrimSpace(m[3]), hint: strings.TrimSpace(m[4])})
	}
	return ws
}

// checkWants asserts that got holds exactly the wanted diagnostics: same
// place, a message and hint containing the wanted words.
func checkWants(t *testing.T, file string, got diag.List, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("%s: got %d diagnostics, want %d:\n%s", file, len(got), len(wants), listString(got))
		return
	}
	for i, w := range wants {
		d := got[i]
		if d.Pos.File != file || d.Pos.Line != w.line || d.Pos.Col != w.col ||
			!strings.Contains(d.Message, w.msg) || !strings.Contains(d.Hint, w.hint) {
			t.Errorf("%s: diagnostic %d:\n got %s\nwant %s:%d:%d: …%s… (hint: …%s…)", file, i+1, d, file, w.line, w.col, w.msg, w.hint)
		}
		if d.Message != strings.ToLower(d.Message[:1])+d.Message[1:] {
			t.Errorf("%s: message should start in lowercase: %q", file, d.Message)
		}
	}
}

func listString(l diag.List) string {
	var b strings.Builder
	l.Write(&b)
	return b.String()
}

// Each bad layout in testdata/layouts says, in "# want:" lines, every
// diagnostic it must give, with its line and column. None may panic, and
// none may load.
func TestBadLayouts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "layouts", "*.toml"))
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 bad layouts, found %d (%v)", len(files), err)
	}
	// Paths as a user in the module root would give them.
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(filepath.Join("pkg", "layout")) })
	lib := newLibrary()
	for _, f := range files {
		name := filepath.ToSlash(filepath.Join("testdata", "layouts", filepath.Base(f)))
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			wants := readWants(t, src)
			if len(wants) == 0 {
				t.Fatalf("%s has no # want: line", name)
			}
			l, diags := lib.Load(name, "")
			if l != nil {
				t.Errorf("%s loaded; want errors", name)
			}
			checkWants(t, name, diags, wants)
			if checked := lib.Check(name); listString(checked) != listString(diags) {
				t.Errorf("Check and Load disagree:\n%s\n%s", listString(checked), listString(diags))
			}
		})
	}
}
