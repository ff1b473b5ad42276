package tomlpos

import (
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/pressroom/pressroom/pkg/shape"
)

// maxDepth is the depth the tests locate to: the statement's and the
// layout's limit.
const maxDepth = 8

// locatorSamples are valid TOML files that exercise what the locator must
// understand, beyond what statements usually hold.
var locatorSamples = []string{
	"a = 1\nb = \"two\" # comment\n[t]\nc = [1,\n  2, # c\n  3]\n",
	"x.y.z = 'lit'\n\"quoted key\" = 1\n'lit key'.sub = true\n",
	"[a.b]\nc = 1\n[a]\nd = 2\n",
	"[[arr]]\nk = 1\n[[arr]]\nk = 2\n[arr.sub]\nm = 3\n[[arr.list]]\nn = 4\n[[arr]]\n",
	"it = { p = 1, q.r = \"s\", t = { u = [1, 2] } }\n",
	"arr = [ { a = 1 }, { b = 2 } ]\nnested = [[1, 2], ['x', \"y\"]]\n",
	"d = 2024-12-17\ndt = 2024-12-17 10:00:00\nodt = 2024-12-17T10:00:00+01:00 # c\n",
	"s = \"\"\"\nline one\\\n   still one \\u00e9\n\"\"\"\nl = '''\nraw \\ text'''\n",
	"  [ spaced . \"table\" ]  \n  key   =   \"v\"  \n",
	"\ufeffbom = 1\n",
	"crlf = \"a\"\r\n[t]\r\nk = \"\"\"\r\nx\\\r\n  y\r\n\"\"\"\r\n",
	"q = \"\"\"two \"\" quotes and end\"\"\"\"\"\nr = '''x'''''\n",
	"[a.\"b.c\"]\nkey = 1\n[a.b.c]\nkey = 2\n",
}

// TestLocatorFindsEveryKey checks that the locator finds exactly the keys
// BurntSushi/toml lists, for the samples, the examples and every valid
// file of the corpus.
func TestLocatorFindsEveryKey(t *testing.T) {
	inputs := map[string]string{}
	for i, s := range locatorSamples {
		inputs[fmt.Sprintf("sample %d", i)] = s
	}
	for _, pattern := range []string{"../../examples/*.toml", "../../testdata/statements/*.toml", "../../testdata/layouts/*.toml", "../../layouts/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Files refused before locating are not the locator's
			// business either.
			if shape.Check(b, shape.Limits{Depth: maxDepth}) != nil {
				continue
			}
			inputs[f] = string(b)
		}
	}
	checked := 0
	for name, src := range inputs {
		if err := compareWithTOML(src); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if _, err := toml.Decode(src, new(map[string]any)); err == nil {
			checked++
		}
	}
	if checked < len(locatorSamples) {
		t.Errorf("only %d inputs were valid TOML", checked)
	}
}

// compareWithTOML checks the locator against BurntSushi/toml on one
// input: the same keys, and every string decoded to the same value. Input
// that is not valid TOML is not the locator's business.
func compareWithTOML(src string) error {
	var v map[string]any
	md, err := toml.Decode(src, &v)
	if err != nil {
		return nil
	}
	var want []string
	for _, k := range md.Keys() {
		want = append(want, strings.Join(k, "\x00"))
	}
	places := Locate([]byte(src), maxDepth)
	var got []string
	for _, p := range places {
		if p.Key >= 0 && !p.Element && !p.Implicit {
			got = append(got, strings.Join(p.Parts, "\x00"))
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	want, got = dedupe(want), dedupe(got)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		return fmt.Errorf("locator found keys\n%q\nBurntSushi/toml lists\n%q", got, want)
	}
	for path, p := range places {
		if p.Value < 0 || p.Value >= len(src) || (src[p.Value] != '"' && src[p.Value] != '\'') {
			continue
		}
		got := ReadString([]byte(src), p.Value).Value
		if want, ok := lookup(v, path); ok && string(got) != want {
			return fmt.Errorf("%s decodes to %q, toml says %q", path, got, want)
		}
	}
	return nil
}

func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// TestLocatorTOMLSuite runs the locator over the valid files of the
// toml-test suite that BurntSushi/toml ships in its module.
func TestLocatorTOMLSuite(t *testing.T) {
	dir := tomlSuiteDir()
	if dir == "" {
		t.Skip("the toml-test suite is not in the module cache (go mod download github.com/BurntSushi/toml)")
	}
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".toml") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if err := compareWithTOML(string(b)); err != nil {
			t.Errorf("%s: %v", strings.TrimPrefix(path, dir), err)
		}
		return nil
	})
	if err != nil || n < 100 {
		t.Fatalf("read %d files of %s: %v", n, dir, err)
	}
}

// tomlSuiteDir finds the suite in the module cache, at the version go.mod
// requires (test binaries carry no dependency versions).
func tomlSuiteDir() string {
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		return ""
	}
	m := regexp.MustCompile(`github.com/BurntSushi/toml (v[0-9.]+)`).FindSubmatch(mod)
	if m == nil {
		return ""
	}
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		cache = filepath.Join(build.Default.GOPATH, "pkg", "mod")
	}
	dir := filepath.Join(cache, "github.com", "!burnt!sushi", "toml@"+string(m[1]), "internal", "toml-test", "tests", "valid")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// FuzzLocator checks the key locator and string decoder against
// BurntSushi/toml on any valid TOML the fuzzer finds.
func FuzzLocator(f *testing.F) {
	for _, s := range locatorSamples {
		f.Add(s)
	}
	if dir := tomlSuiteDir(); dir != "" {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if b, rerr := os.ReadFile(path); err == nil && rerr == nil {
				f.Add(string(b))
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src string) {
		Locate([]byte(src), maxDepth) // must end, whatever the input
		if err := compareWithTOML(src); err != nil {
			t.Fatal(err)
		}
	})
}

// lookup finds the string at an indexed path ("a.b[1].c") in decoded TOML.
func lookup(v any, path string) (string, bool) {
	for _, part := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if m, ok := v.(map[string]any); ok {
			v = m[name]
		}
		for rest != "" {
			var n int
			fmt.Sscanf(rest, "%d]", &n)
			_, rest, _ = strings.Cut(rest, "]")
			rest = strings.TrimPrefix(rest, "[")
			switch a := v.(type) {
			case []any:
				if n >= len(a) {
					return "", false
				}
				v = a[n]
			case []map[string]any:
				if n >= len(a) {
					return "", false
				}
				v = a[n]
			}
		}
	}
	s, ok := v.(string)
	return s, ok
}

// TestLocatorEndsOnAnyInput checks that the locator, written for valid
// TOML, still ends on input that is not.
func TestLocatorEndsOnAnyInput(t *testing.T) {
	for _, src := range []string{"a = [}", "a = {b = ]}", "a = [1 2 3", "[[", "a = '''", "= = =", "a = {", "a.=1", "[a.]\n", "a = [{}}]"} {
		Locate([]byte(src), maxDepth)
	}
}

// The locator builds no path for values nested deeper than maxDepth: a
// path string at every level cost the square of the depth (200,000
// nested arrays reached 21 GB).
func TestLocatorDeepNestingIsLinear(t *testing.T) {
	const depth = 5000
	src := []byte("a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\nb = 1\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	places := Locate(src, maxDepth)
	runtime.ReadMemStats(&after)
	if _, ok := places["b"]; !ok {
		t.Errorf("b not found after the nested arrays")
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64*uint64(len(src)) {
		t.Errorf("locating %d nested arrays allocated %d bytes; want at most %d", depth, got, 64*len(src))
	}
}

// A long string value is scanned in linear time and memory: the layout's
// own scanner once copied the rest of the file at every character of a
// multi-line string (a 255 KB description took 5 s).
func TestLocatorLongStringIsLinear(t *testing.T) {
	body := strings.Repeat("a quite ordinary line of a long description\n", 6000)
	src := []byte("description = \"\"\"\n" + body + "\"\"\"\nextends = \"plain\"\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	places := Locate(src, maxDepth)
	runtime.ReadMemStats(&after)
	if _, ok := places["extends"]; !ok {
		t.Fatalf("extends not found after the long string: %v", places)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(4*len(src)) {
		t.Errorf("locating the keys of a %d-byte file allocated %d bytes; want at most %d", len(src), got, 4*len(src))
	}
}

// Start is where the line or entry naming a key begins; Key is its last
// part; Value its value.
func TestPlaceOffsets(t *testing.T) {
	src := "[fonts]\nbody = { regular = \"a.ttf\", x.y = 1 }\n  [[ arr . sub ]]\ntype.body.size = 11\nl = [{ a = 1 }]\n"
	places := Locate([]byte(src), maxDepth)
	at := func(sub string, n int) int { // offset of the nth (from 0) sub
		off := -1
		for range n + 1 {
			off += 1 + strings.Index(src[off+1:], sub)
		}
		return off
	}
	for path, want := range map[string][3]int{ // Start, Key, Value
		"fonts":                {0, 1, -1},
		"fonts.body":           {at("body", 0), at("body", 0), at("{", 0)},
		"fonts.body.regular":   {at("regular", 0), at("regular", 0), at(`"a.ttf"`, 0)},
		"fonts.body.x":         {at("x.y", 0), at("x.y", 0), -1},
		"fonts.body.x.y":       {at("x.y", 0), at("y = 1", 0), at("1 }", 0)},
		"arr":                  {at("[[", 0), at("arr", 0), -1},
		"arr.sub":              {at("[[", 0), at("sub", 0), -1},
		"arr.sub[0]":           {at("[[", 0), at("sub", 0), -1},
		"arr.sub[0].type.body": {at("type", 0), at("body", 1), -1},
		"arr.sub[0].l[0].a":    {at("a =", 0), at("a =", 0), at("1 }]", 0)},
	} {
		p, ok := places[path]
		if got := [3]int{p.Start, p.Key, p.Value}; !ok || got != want {
			t.Errorf("%s: Start, Key, Value = %v, want %v", path, got, want)
		}
	}
	if p := places["arr.sub[0].l[0]"]; !p.Element || p.Start != -1 || p.Key != -1 {
		t.Errorf("the array element: %+v", p)
	}
	if !places["arr"].FromHeader([]byte(src)) || places["fonts.body.x"].FromHeader([]byte(src)) {
		t.Errorf("FromHeader is wrong")
	}
}

// TestStringOffset maps decoded bytes back through escapes and a
// multi-line string's trimmed first line and joined lines.
func TestStringOffset(t *testing.T) {
	src := []byte("s = \"\"\"\nab\\\n   c\\u00e9d\"\"\"\n")
	s := ReadString(src, 4)
	if string(s.Value) != "abcéd" {
		t.Fatalf("decoded %q", s.Value)
	}
	for i, want := range map[int]int{0: 8, 1: 9, 2: 15, 3: 16, 5: 22, 6: 23} { // a b c é d, end
		if got := s.Offset(i); got != want {
			t.Errorf("Offset(%d) = %d (%q), want %d", i, got, src[got:], want)
		}
	}
	if s.End != len(src)-1 {
		t.Errorf("End = %d, want %d", s.End, len(src)-1)
	}
}

// TestIndexLongLine checks positions on a line longer than the marks the
// index keeps, with characters of several bytes across the marks, and
// that Offset undoes Pos.
func TestIndexLongLine(t *testing.T) {
	src := []byte("\ufeffa = \"" + strings.Repeat("é€x", 5000) + "\"\n" + strings.Repeat("ŵ", 3000) + "\n")
	l := NewIndex(src)
	line, col := 1, 1
	for off := 0; off < len(src); {
		r, w := utf8.DecodeRune(src[off:])
		if off >= 3 || off == 0 {
			gl, gc := l.Pos(off)
			wantCol := col
			if line == 1 && off >= 3 {
				wantCol = col - 1 // the byte order mark takes no column
			}
			if gl != line || gc != wantCol {
				t.Fatalf("Pos(%d) = %d:%d, want %d:%d", off, gl, gc, line, wantCol)
			}
			if off >= 3 && l.Offset(gl, gc) != off {
				t.Fatalf("Offset(%d, %d) = %d, want %d", gl, gc, l.Offset(gl, gc), off)
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		off += w
	}
	if l.Lines() != 3 || l.Offset(4, 1) != -1 {
		t.Errorf("Lines() = %d, Offset(4, 1) = %d", l.Lines(), l.Offset(4, 1))
	}
}
