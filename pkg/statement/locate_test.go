package statement

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

	"github.com/BurntSushi/toml"

	"github.com/pressroom/pressroom/pkg/shape"
)

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
	for _, pattern := range []string{"../../examples/*.toml", "../../testdata/statements/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Files Parse refuses before locating are not the
			// locator's business either.
			if shape.Check(b, shape.Limits{Depth: MaxDepth}) != nil {
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
	places := locateKeys([]byte(src))
	var got []string
	for _, p := range places {
		if p.key >= 0 && !p.element && !p.implicit {
			got = append(got, strings.Join(p.parts, "\x00"))
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	want, got = dedupe(want), dedupe(got)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		return fmt.Errorf("locator found keys\n%q\nBurntSushi/toml lists\n%q", got, want)
	}
	for path, p := range places {
		if p.value < 0 || p.value >= len(src) || (src[p.value] != '"' && src[p.value] != '\'') {
			continue
		}
		got, _, _ := readString([]byte(src), p.value, -1)
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
		locateKeys([]byte(src)) // must end, whatever the input
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
		locateKeys([]byte(src))
	}
}

// The locator builds no path for values nested deeper than MaxDepth: a
// path string at every level cost the square of the depth (200,000
// nested arrays reached 21 GB).
func TestLocatorDeepNestingIsLinear(t *testing.T) {
	const depth = 5000
	src := []byte("a = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\nb = 1\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	places := locateKeys(src)
	runtime.ReadMemStats(&after)
	if _, ok := places["b"]; !ok {
		t.Errorf("b not found after the nested arrays")
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64*uint64(len(src)) {
		t.Errorf("locating %d nested arrays allocated %d bytes; want at most %d", depth, got, 64*len(src))
	}
}

// A hostile statement is refused by the shape check before it is parsed,
// at the place it goes too deep, at a cost in proportion to its size.
func TestParseRefusesDeepNestingCheaply(t *testing.T) {
	for name, src := range map[string]string{
		"arrays":        "headline = \"x\"\nkeywords = " + strings.Repeat("[", 200_000),
		"inline tables": "headline = \"x\"\nkeywords = " + strings.Repeat("{a=", 10_000) + "1" + strings.Repeat("}", 10_000),
		"keys":          "headline = \"x\"\n" + strings.Repeat("k = 1\n", 20_000),
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, list := Parse("hostile.toml", []byte(src), Options{})
		runtime.ReadMemStats(&after)
		if len(list) != 1 || list[0].Pos.Line < 2 || !strings.Contains(list[0].Message, "a statement") {
			t.Errorf("%s: got %v; want one error, placed, naming the limit", name, list)
		}
		if got := after.TotalAlloc - before.TotalAlloc; got > 16*uint64(len(src)) {
			t.Errorf("%s: refusing a %d-byte file allocated %d bytes", name, len(src), got)
		}
	}
}
