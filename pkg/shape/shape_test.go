package shape

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	lim := Limits{Depth: 4, Keys: 5, What: "a test file"}
	cases := []struct {
		name, src string
		offset    int // -1: within the limits
		msg       string
	}{
		{"flat", "a = 1\nb = [1, 2]\n[t]\nc = 'x'\n", -1, ""},
		{"brackets in strings and comments", "a = \"[[[[[[\" # [[[[[[\nb = '''\n{{{{{{\n'''\nc = \"\\\"[[[[[[\"\n", -1, ""},
		{"array of tables is a header", "[[c]]\nname = 'x'\n[[c]]\nname = 'y'\n", -1, ""},
		{"nested arrays", "a = [[[[[1]]]]]\n", 8, "nest 5 deep; a test file needs at most 4"},
		{"nested inline tables", "a = {b = {c = {d = {e = 1}}}}\n", 20, "nest 5 deep"},
		{"dotted key", "a.b.c.d.e = 1\n", 8, "nest 5 deep"},
		{"header and key", "[a.b.c]\nd.e = 1\n", 10, "nest 5 deep"},
		{"keys", "a=1\nb=1\nc=1\nd=1\ne=1\nf=1\ng=1\n", 20, "the file has 7 keys; a test file may have at most 5"},
		{"unclosed", "a = [[[[[[[[", 8, "nest 8 deep"},
	}
	for _, c := range cases {
		e := Check([]byte(c.src), lim)
		switch {
		case c.offset < 0 && e != nil:
			t.Errorf("%s: got %+v, want nil", c.name, e)
		case c.offset >= 0 && e == nil:
			t.Errorf("%s: got nil, want an excess at %d", c.name, c.offset)
		case c.offset >= 0 && (e.Offset != c.offset || !strings.Contains(e.Message, c.msg) || e.Hint == ""):
			t.Errorf("%s: got %+v, want offset %d and %q", c.name, e, c.offset, c.msg)
		}
	}
}

// Every statement, layout and example of the project is within the limits
// statements and layouts use.
func TestRealFilesPass(t *testing.T) {
	var files []string
	for _, g := range []string{"../../examples/*.toml", "../../examples/*/*.toml", "../../layouts/*.toml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if e := Check(src, Limits{Depth: 6, Keys: 1000, What: "a file"}); e != nil {
			t.Errorf("%s: %+v", f, e)
		}
	}
}

// The scan of a hostile file costs memory in proportion to its size.
func TestCheckHostileIsLinear(t *testing.T) {
	src := []byte("a = " + strings.Repeat("[", 400_000))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	e := Check(src, Limits{Depth: 8, What: "a statement"})
	runtime.ReadMemStats(&after)
	if e == nil || !strings.Contains(e.Message, "400000 deep") {
		t.Fatalf("got %+v", e)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(8*len(src)) {
		t.Errorf("allocated %d bytes for a %d-byte file", got, len(src))
	}
}

// Check ends on any input, without panicking, and places what it finds
// inside the input.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"a = [[1]]", "[t]\na.b = {c = [1, {d = 2}]}", "a = \"[[[\" # [[", "a = '''\n[[\n'''", "[[x]]\ny = 1", "a = [", "\"k\\\"\" = 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e := Check([]byte(src), Limits{Depth: 3, Keys: 10, What: "a test"})
		if e != nil && (e.Offset < 0 || e.Offset > len(src)) {
			t.Errorf("offset %d outside the %d-byte input", e.Offset, len(src))
		}
	})
}
