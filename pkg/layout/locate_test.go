package layout

import (
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The key locator finds exactly the keys the TOML parser lists (and the
// tables dotted keys make on the way, which it does not list), each at the
// place a person reading the file would point to.
func TestLocateKeys(t *testing.T) {
	tricky := `# comment with key = "value"
description = """
text = "not a key"
[not.a.table]
"""
"quoted key" = 'C:\path' # literal
[fonts]
body = { regular = "a.ttf", "bold-italic" = "b.ttf" }
fallbacks = [
  "Noto Sans Math", # a comment inside the list
  "x]y",
]
[type]
body.size = 11
  "line-height" = 1.4
[text]
end-mark = '''###'''
"café" = "é"
`
	cases := map[string]string{"tricky.toml": tricky}
	builtins := os.DirFS("../../layouts")
	names, _ := fs.Glob(builtins, "*.toml")
	for _, n := range names {
		data, err := fs.ReadFile(builtins, n)
		if err != nil {
			t.Fatal(err)
		}
		cases[n] = string(data)
	}
	for name, src := range cases {
		var v map[string]any
		md, err := toml.Decode(src, &v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var want []string
		listed := map[string]bool{}
		for _, k := range md.Keys() {
			dotted := strings.Join(k, ".")
			want = append(want, dotted)
			listed[dotted] = true
		}
		found := locateKeys(name, []byte(src))
		var got []string
		for k := range found {
			implicit := false
			for l := range listed {
				implicit = implicit || strings.HasPrefix(l, k+".")
			}
			if listed[k] || !implicit {
				got = append(got, k)
			}
		}
		sort.Strings(want)
		sort.Strings(got)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: locator found\n%s\nthe parser lists\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	found := locateKeys("tricky.toml", []byte(tricky))
	for key, want := range map[string][2]int{ // line, column of the key
		"description":            {2, 1},
		"quoted key":             {6, 1},
		"fonts.body.regular":     {8, 10},
		"fonts.body.bold-italic": {8, 29},
		"fonts.fallbacks":        {9, 1},
		"type.body.size":         {14, 1},
		"type.line-height":       {15, 3},
		"text.café":              {18, 1},
		"fonts":                  {7, 1},
	} {
		sp, ok := found[key]
		if !ok || sp.key.Line != want[0] || sp.key.Col != want[1] {
			t.Errorf("%s at %v, want %d:%d", key, sp.key, want[0], want[1])
		}
	}
	if v := found["text.café"].value; v.Line != 18 || v.Col != 10 {
		t.Errorf("text.café's value at %v, want 18:10 (columns count characters)", v)
	}
}

// A long string value is scanned in linear time and memory: the scanner
// once copied the rest of the file at every character of a multi-line
// string (a 255 KB description took 5 s).
func TestLocateKeysLongStringLinear(t *testing.T) {
	body := strings.Repeat("a quite ordinary line of a long description\n", 6000)
	src := []byte("description = \"\"\"\n" + body + "\"\"\"\nextends = \"plain\"\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	spots := locateKeys("long.toml", src)
	runtime.ReadMemStats(&after)
	if _, ok := spots["extends"]; !ok {
		t.Fatalf("extends not found after the long string: %v", spots)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(4*len(src)) {
		t.Errorf("locating the keys of a %d-byte file allocated %d bytes; want at most %d", len(src), got, 4*len(src))
	}
}
