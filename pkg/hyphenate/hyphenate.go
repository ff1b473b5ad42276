// Package hyphenate finds where a word of running text may break at the
// end of a line, by language, with TeX's hyph-utf8 patterns (Liang's
// algorithm, as github.com/speedata/hyphenation applies it: table.go)
// and each pattern set's own exception list.
//
// It is the one home of the rules about words: which words are never
// broken (under six letters, with digits, all capitals, e-mail and web
// addresses) and how many letters stay on each side of a hyphen. Which
// text is hyphenated at all (body text, not headlines or names) and how
// many hyphenated lines may follow one another is the line breaker's
// business (pkg/render).
package hyphenate

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// exceptionLists holds each language's exception list (.hyp.txt) as
// hyph-utf8 publishes it; its patterns are in tables.go.
//
//go:embed patterns/*.hyp.txt
var exceptionLists embed.FS

// MinLetters is the shortest word that is ever hyphenated: a break in a
// shorter one saves too little room to be worth the reader's stumble.
const MinLetters = 6

// Hyphenator hyphenates the words of one language. Its table of
// patterns, embedded in the binary, is checked on first use, once per
// process, and only read after that, so one Hyphenator serves any
// number of renders at once.
type Hyphenator struct {
	tag   string // the hyph-utf8 name, e.g. "en-gb", "de-1996"
	tab   string // its embedded table (tables.go)
	once  sync.Once
	table *table
	// exceptions maps a lower-case word to its break points, from the
	// pattern set's .hyp.txt list.
	exceptions map[string][]int
	// left and right are the fewest letters kept before and after a
	// hyphen (TeX's lefthyphenmin and righthyphenmin).
	left, right int
	err         error
}

// sets are the pattern sets there are, by hyph-utf8 name. Built once at
// start-up and never changed.
var sets = func() map[string]*Hyphenator {
	m := map[string]*Hyphenator{}
	for t, tab := range tables {
		m[t] = &Hyphenator{tag: t, tab: tab}
	}
	return m
}()

// For returns the hyphenator for a language tag ("en-GB", "cy", "de-AT",
// "pt-BR"), or nil when there are no patterns for the language. English
// other than American takes the British patterns; German takes the
// reformed (1996) spelling's.
func For(tag string) *Hyphenator {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	if t == "en-us" {
		return sets["en-us"]
	}
	primary, _, _ := strings.Cut(t, "-")
	switch primary {
	case "en":
		return sets["en-gb"]
	case "de":
		return sets["de-1996"]
	}
	return sets[primary]
}

// Languages lists the pattern sets there are, by hyph-utf8 name.
func Languages() []string {
	return []string{"cy", "de-1996", "en-gb", "en-us", "es", "fr", "ga", "it", "pl", "pt"}
}

// Tag is the hyph-utf8 name of h's pattern set.
func (h *Hyphenator) Tag() string { return h.tag }

// Load reads h's table and exceptions, which Word and Token do on
// first use, once per process. An error means the table embedded in
// pressroom is damaged (a build problem, not the user's): Word and
// Token then find no breaks but a compound's own hyphen.
func (h *Hyphenator) Load() error {
	if h == nil {
		return nil
	}
	return h.load()
}

// load reads h's table in place and parses its exceptions on first use.
func (h *Hyphenator) load() error {
	h.once.Do(func() {
		t, err := viewTable(h.tab)
		if err != nil {
			h.err = fmt.Errorf("hyphenation patterns for %s: %w", h.tag, err)
			return
		}
		h.table, h.left, h.right = t, t.left, t.right
		h.exceptions = map[string][]int{}
		if hyp, err := exceptionLists.ReadFile("patterns/hyph-" + h.tag + ".hyp.txt"); err == nil {
			for _, w := range strings.Fields(string(hyp)) {
				var at []int
				n := 0
				for _, r := range w {
					if r == '-' {
						at = append(at, n)
						continue
					}
					n++
				}
				h.exceptions[strings.ReplaceAll(w, "-", "")] = at
			}
		}
	})
	return h.err
}

// Mins are the fewest letters h keeps before and after a hyphen.
func (h *Hyphenator) Mins() (left, right int) {
	if h.load() != nil {
		return 2, 3
	}
	return h.left, h.right
}

// Word returns where a word may take a hyphen: rune offsets, each the
// number of letters before the hyphen, in increasing order. A word is
// letters only (apostrophes allowed inside); anything else, a word of
// fewer than MinLetters letters, and a word in capitals (an acronym)
// gives none.
func (h *Hyphenator) Word(word string) []int {
	return h.word([]rune(word))
}

// word is Word for the runes of a word. It allocates only the slice it
// returns (for a word of up to maxWord letters): a release has a few
// hundred words to hyphenate.
func (h *Hyphenator) word(rs []rune) []int {
	if h == nil || len(rs) < MinLetters || h.load() != nil {
		return nil
	}
	var lowerA [maxWord]rune
	lower := lowerA[:0]
	upper := 0
	for i, r := range rs {
		switch {
		case isApostrophe(r) && i > 0 && i < len(rs)-1:
		case unicode.IsLetter(r), unicode.Is(unicode.Mn, r) && i > 0:
			if unicode.IsUpper(r) {
				upper++
			}
		default:
			return nil
		}
		lower = append(lower, unicode.ToLower(r))
	}
	if upper > 1 && upper == countLetters(rs) {
		return nil
	}
	var lw [4 * maxWord]byte
	key := lw[:0]
	for _, r := range lower {
		key = utf8.AppendRune(key, r)
	}
	at, ok := h.exceptions[string(key)]
	var out []int
	if !ok {
		// Fresh from the table: filtered in place.
		at = h.table.hyphenate(lower)
		out = at[:0]
	}
	for _, p := range at {
		if p < h.left || len(rs)-p < h.right {
			continue
		}
		// Never next to an apostrophe (children’s, o’r) or before a
		// combining mark.
		if !unicode.IsLetter(rs[p-1]) || !unicode.IsLetter(rs[p]) {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Break is a place a token of running text may end a line.
type Break struct {
	// At is the number of runes of the token before the break.
	At int
	// Hyphen is true when a hyphen is drawn at the break; false after
	// the token's own hyphen (a compound such as "long-term").
	Hyphen bool
}

// Token returns where a token of running text (a word between spaces,
// with its punctuation: “safeguarding,” or "long-term") may break, in
// increasing order. E-mail and web addresses and tokens with digits
// give none; a compound breaks only after its own hyphen, as TeX does
// ("non-accidental" never as "non-acci-dental": a second hyphen inside
// a hyphenated word reads as a misprint). A word with a capital letter first is a name in running text
// (Birmingham, Safeguarding Partnership, Llywodraeth Cymru) and is not
// hyphenated, but in German, which capitalises every noun. A nil
// Hyphenator (a language without patterns) breaks only compounds.
func (h *Hyphenator) Token(tok string) []Break {
	if strings.ContainsAny(tok, "@/\\_=&#%+") || strings.Contains(tok, "www.") {
		return nil
	}
	rs := []rune(tok)
	// The core: the token without the punctuation around it.
	i, j := 0, len(rs)
	for i < j && !unicode.IsLetter(rs[i]) {
		i++
	}
	for j > i && !unicode.IsLetter(rs[j-1]) {
		j--
	}
	if i == j {
		return nil
	}
	for _, r := range rs[i:j] {
		if unicode.IsDigit(r) || r == '.' {
			// A number, a version, a domain, an abbreviation (e.g.).
			return nil
		}
	}
	var out []Break
	compound := nextHyphen(rs, i, j) < j
	start := i
	for k := i; k <= j; k++ {
		if k < j && !isHyphen(rs[k]) {
			continue
		}
		part := rs[start:k]
		if !compound && len(part) > 0 && (!unicode.IsUpper(part[0]) || h.capitalisesNouns()) {
			for _, p := range h.word(part) {
				out = append(out, Break{At: start + p, Hyphen: true})
			}
		}
		// After the compound's own hyphen, when a real word stands on
		// each side (not "e-mail", not "-ish").
		if k < j && countLetters(part) >= 2 && k+1 < j && countLetters(rs[k+1:nextHyphen(rs, k+1, j)]) >= 3 {
			out = append(out, Break{At: k + 1})
		}
		start = k + 1
	}
	return out
}

// capitalisesNouns is true of German, where a capital letter first does
// not make a word a name.
func (h *Hyphenator) capitalisesNouns() bool { return h != nil && h.tag == "de-1996" }

func nextHyphen(rs []rune, from, to int) int {
	for k := from; k < to; k++ {
		if isHyphen(rs[k]) {
			return k
		}
	}
	return to
}

func countLetters(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }
