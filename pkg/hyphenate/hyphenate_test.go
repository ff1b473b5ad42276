package hyphenate

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// show writes word with a hyphen at each break, as TeX's lists do.
func show(word string, at []int) string {
	var b strings.Builder
	for i, r := range []rune(word) {
		for _, p := range at {
			if p == i {
				b.WriteByte('-')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Every word of testdata/words-*.txt breaks where LuaTeX, TeX's own
// implementation of the same patterns, breaks it (testdata/tex.lua made
// testdata/tex-*.txt): English, Welsh, German, Spanish, Italian, French
// and Polish. Welsh, German, Spanish, Italian and French have one-letter
// patterns, which speedata/hyphenation alone skips.
func TestAgreesWithTeX(t *testing.T) {
	files, _ := filepath.Glob("testdata/tex-*.txt")
	if len(files) < 7 {
		t.Fatalf("%d reference lists; want 7", len(files))
	}
	for _, file := range files {
		tag := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), "tex-"), ".txt")
		h := For(tag)
		if h == nil || h.Tag() != tag {
			t.Fatalf("no patterns for %s", tag)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			want := sc.Text()
			if strings.HasPrefix(want, "#") || want == "" {
				continue
			}
			n++
			word := strings.ReplaceAll(want, "-", "")
			if got := show(word, h.Word(word)); got != want {
				t.Errorf("%s: %s, TeX %s", tag, got, want)
			}
		}
		f.Close()
		if n < 8 {
			t.Errorf("%s: %d words; the list is too short to say much", file, n)
		}
	}
}

// The examples every TeX user knows, from The TeXbook (American) and the
// British patterns' own exception list.
func TestKnownHyphenations(t *testing.T) {
	for _, c := range []struct{ tag, want string }{
		{"en-US", "hy-phen-ation"},
		{"en-US", "as-so-ciate"}, // en-us exception list
		{"en-GB", "uni-ver-sity"},
		{"en-GB", "through-out"},
		{"en", "some-thing"},
		{"cy", "Llywodr-aeth"},
		{"cy", "part-ner-iaeth"},
	} {
		word := strings.ReplaceAll(c.want, "-", "")
		if got := show(word, For(c.tag).Word(word)); got != c.want {
			t.Errorf("%s: %s; want %s", c.tag, got, c.want)
		}
	}
}

// Every word of each pattern set's own exception list (.hyp.txt) breaks
// as listed, less the breaks too near either end.
func TestExceptionLists(t *testing.T) {
	for _, tag := range Languages() {
		h := For(tag)
		left, right := h.Mins()
		data, err := exceptionLists.ReadFile("patterns/hyph-" + tag + ".hyp.txt")
		if err != nil {
			continue
		}
		for _, listed := range strings.Fields(string(data)) {
			word := strings.ReplaceAll(listed, "-", "")
			if len([]rune(word)) < MinLetters {
				continue
			}
			var want []int
			n := 0
			for _, r := range listed {
				if r == '-' {
					if n >= left && len([]rune(word))-n >= right {
						want = append(want, n)
					}
					continue
				}
				n++
			}
			if got := show(word, h.Word(word)); got != show(word, want) {
				t.Errorf("%s: %s; the exception list says %s", tag, got, listed)
			}
		}
	}
}

// Words that are never hyphenated.
func TestNeverHyphenated(t *testing.T) {
	h := For("en-GB")
	for _, w := range []string{
		"baby",       // under six letters
		"NSPCC",      // an acronym
		"LCSPR",      // an acronym
		"COVID19",    // digits
		"2022/26",    // digits
		"u2000",      // digits
		"safe guard", // not one word
	} {
		if got := h.Word(w); len(got) > 0 {
			t.Errorf("%q breaks at %v", w, got)
		}
	}
	for _, tok := range []string{
		"Simon.Cross@birminghamchildrenstrust.co.uk",
		"www.lscpbirmingham.org.uk",
		"https://www.cwmtawelhealth.example.wales",
		"safeguarding.gov.uk",
		"Covid-19",
		"2020/21-01",
		"e-mail",
		"snake_case_identifier",
		"Birmingham",   // a name in running text
		"Safeguarding", // a capital first: a title, a name
		"Llywodraeth",
	} {
		if got := h.Token(tok); len(got) > 0 {
			t.Errorf("%q breaks at %v", tok, got)
		}
	}
}

// At least two letters stay before a hyphen and three after (English and
// Welsh), as TeX's hyphenmins for those languages say.
func TestHyphenmins(t *testing.T) {
	for _, tag := range []string{"en-GB", "en-US", "cy", "ga"} {
		if l, r := For(tag).Mins(); l != 2 || r != 3 {
			t.Errorf("%s: hyphenmins %d %d; want 2 3", tag, l, r)
		}
	}
	for _, tag := range []string{"de", "fr", "es", "it", "pl"} {
		if l, r := For(tag).Mins(); l != 2 || r != 2 {
			t.Errorf("%s: hyphenmins %d %d; want 2 2 (its TeX file's)", tag, l, r)
		}
	}
	// "developers" is de-vel-op-er-s by the American patterns: the last
	// break leaves one letter, the one before two.
	if got := show("developers", For("en-US").Word("developers")); got != "de-vel-op-ers" {
		t.Errorf("developers: %s; want de-vel-op-ers", got)
	}
}

// A token of running text: its punctuation is not part of the word, a
// compound breaks after its own hyphen and within its parts, and an
// apostrophe is never next to a hyphen.
func TestToken(t *testing.T) {
	h := For("en-GB")
	for _, c := range []struct{ tok, want string }{
		{"“safeguarding,", "“safe-guard-ing,"},
		{"(partnership)", "(part-ner-ship)"},
		{"long-term", "long-term"}, // "long" and "term" are whole; the break is after the hyphen
		{"Co-Chair", "Co-Chair"},
		{"multi-agency", "multi-agency"},
		// A hyphenated word breaks only at its own hyphen: the seed's
		// "non-acci-dental" read as a misprint.
		{"non-accidental", "non-accidental"},
		{"safeguarding-led", "safeguarding-led"},
		{"children’s", "chil-dren’s"},
	} {
		var at []int
		var own []int
		for _, b := range h.Token(c.tok) {
			if b.Hyphen {
				at = append(at, b.At)
			} else {
				own = append(own, b.At)
			}
		}
		if got := show(c.tok, at); got != c.want {
			t.Errorf("%q: %s; want %s", c.tok, got, c.want)
		}
		if strings.Contains(c.tok, "-") && len(own) != 1 && c.tok != "e-mail" {
			t.Errorf("%q: breaks after its own hyphen at %v; want one", c.tok, own)
		}
	}
	// German capitalises every noun: a capital first is no name there.
	if got := For("de").Token("Gesundheitsversorgung,"); len(got) < 3 {
		t.Errorf("Gesundheitsversorgung breaks at %v; want Ge-sund-heits-ver-sor-gung", got)
	}
	// No patterns for the language: compounds still break.
	if got := (*Hyphenator)(nil).Token("long-term"); len(got) != 1 || got[0].Hyphen {
		t.Errorf("no patterns: long-term breaks at %v; want after its hyphen", got)
	}
}

// Tags map to the pattern sets there are; others to none.
func TestFor(t *testing.T) {
	for tag, want := range map[string]string{
		"en-GB": "en-gb", "en-US": "en-us", "en": "en-gb", "en-AU": "en-gb", "EN_us": "en-us",
		"cy": "cy", "cy-GB": "cy", "ga": "ga", "fr-CA": "fr", "de-AT": "de-1996", "pt-BR": "pt",
		"es": "es", "it": "it", "pl": "pl",
	} {
		if h := For(tag); h == nil || h.Tag() != want {
			t.Errorf("For(%q) = %v; want %s", tag, h, want)
		}
	}
	for _, tag := range []string{"gd", "ro", "ur", "zh", "", "x"} {
		if h := For(tag); h != nil {
			t.Errorf("For(%q) = %s; want none", tag, h.Tag())
		}
	}
}

// Every language's patterns parse, and one pattern set serves many
// renders at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		for _, tag := range Languages() {
			wg.Go(func() {
				if err := For(tag).Load(); err != nil {
					t.Errorf("%s: %v", tag, err)
				}
				For(tag).Token("information")
			})
		}
	}
	wg.Wait()
}

// BenchmarkLoad is the first use of each language: checking its
// embedded table (read in place, not copied) and parsing its
// exceptions. B/op is the memory a loaded language keeps and the
// garbage of loading it; the -benchmem line is per language. Before the
// tables were made ahead (parsing the patterns at every start), British
// English took about 0.9 ms and 426 KB in 133 allocations.
func BenchmarkLoad(b *testing.B) {
	for _, tag := range Languages() {
		b.Run(tag, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				h := &Hyphenator{tag: tag, tab: tables[tag]}
				if err := h.load(); err != nil {
					b.Fatal(err)
				}
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			h := &Hyphenator{tag: tag, tab: tables[tag]}
			_ = h.load()
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1024, "KB-kept")
			runtime.KeepAlive(h)
		})
	}
}

// BenchmarkWord hyphenates a long word of the seed statement.
func BenchmarkWord(b *testing.B) {
	h := For("en-GB")
	b.ReportAllocs()
	for b.Loop() {
		h.Word("safeguarding")
	}
}
