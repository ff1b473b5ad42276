package hyphenate

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/speedata/hyphenation"
)

// TestTableAgreesWithSpeedata: for every language, the embedded table finds the
// breaks github.com/speedata/hyphenation finds with the patterns'
// one-letter patterns spelled out (withSingles), which is how pressroom
// hyphenated before the table: in the words of every statement and word
// list in the repository (up to 40 letters: speedata's cost grows
// with the cube of a word's length), and in words made around each pattern's
// letters (so that every pattern is matched, at a word's edges and
// inside it).
func TestTableAgreesWithSpeedata(t *testing.T) {
	real := map[string]bool{}
	var files []string
	for _, glob := range []string{"testdata/words-*.txt", "../../examples/*.toml", "../../examples/*/*.toml", "../../testdata/*/*.toml"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("%d files of words", len(files))
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(string(src), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if n := len([]rune(w)); n >= 2 && n <= 40 {
				real[strings.ToLower(w)] = true
			}
		}
	}
	words := make([]string, 0, len(real))
	for w := range real {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, tag := range Languages() {
		pat := readPatterns(t, tag)
		lang, err := hyphenation.New(strings.NewReader(withSingles(string(pat))))
		if err != nil {
			t.Fatal(err)
		}
		// The table embedded in the binary.
		h := For(tag)
		if err := h.Load(); err != nil {
			t.Fatal(err)
		}
		tab := h.table
		// Only white space separates patterns: all on one line, they make
		// the same table.
		oneLine := buildTable([]byte(strings.Join(strings.Fields(string(pat)), " ")), tab.left, tab.right)
		if string(oneLine) != h.tab {
			t.Errorf("%s: the patterns on one line make another table", tag)
		}
		// The letters the patterns use, to make words of.
		var letters []rune
		seen := map[rune]bool{}
		var cores []string
		for _, f := range strings.Fields(string(pat)) {
			core := strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) || r == '.' {
					return -1
				}
				return r
			}, f)
			cores = append(cores, core)
			for _, r := range core {
				if !seen[r] && unicode.IsLetter(r) {
					seen[r] = true
					letters = append(letters, r)
				}
			}
		}
		rnd := rand.New(rand.NewPCG(1, uint64(len(pat))))
		some := func(n int) string {
			var b strings.Builder
			for range n {
				b.WriteRune(letters[rnd.IntN(len(letters))])
			}
			return b.String()
		}
		made := slices.Clone(words)
		for i, core := range cores {
			made = append(made, core)
			if i%3 == 0 || len(cores) < 10000 {
				made = append(made, some(i%3)+core, core+some(i%4), some(2)+core+some(3))
			}
		}
		differ := 0
		for _, w := range made {
			got, want := tab.hyphenate([]rune(w)), lang.Hyphenate(w)
			if !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
				if differ++; differ <= 5 {
					t.Errorf("%s: %q: table %v, speedata %v", tag, w, got, want)
				}
			}
		}
		if differ > 0 {
			t.Errorf("%s: %d of %d words differ", tag, differ, len(made))
		}
		t.Logf("%s: %d words agree", tag, len(made))
	}
}

// TestHyphenateAllocs: hyphenating a word allocates only the slice of
// breaks it returns (with speedata/hyphenation, which allocated a string
// for each substring of the word it looked up, Word took 12).
func TestHyphenateAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts under -race are the race detector's, not the program's")
	}
	h := For("en-GB")
	if err := h.load(); err != nil {
		t.Fatal(err)
	}
	word := []rune("safeguarding")
	if got := h.word(word); len(got) == 0 {
		t.Fatalf("safeguarding: no breaks")
	}
	if n := testing.AllocsPerRun(100, func() { h.word(word) }); n > 1 {
		t.Errorf("word(safeguarding): %.0f allocations, want 1", n)
	}
}
