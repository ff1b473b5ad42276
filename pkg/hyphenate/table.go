package hyphenate

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// table is one language's patterns for Liang's algorithm, parsed once
// into a few flat arrays that lookups only read.
//
// It finds the same breaks as github.com/speedata/hyphenation given the
// pattern list with its one-letter patterns spelled out as two-letter
// ones (withSingles), which is what pressroom used first, and
// TestTableAgreesWithSpeedata holds it to that: speedata keeps a map
// from each pattern's letters to a new slice (two allocations a
// pattern: 2 MB and 3 ms for British English, on every start of the
// command) and converts each substring of a word to a new string to
// look it up (12 allocations and 7 µs for "safeguarding"). Here the
// letters and priorities of all patterns share two slices, an
// open-addressed hash table finds them, and a word's substrings are
// hashed in place, so that loading is a few allocations and a word none.
type table struct {
	// letters holds every pattern's letters, UTF-8, '.' for the edge of
	// the word; values every pattern's priorities: one before each
	// letter but a '.', and one after the last.
	letters, values []byte
	entries         []entry
	// slots is the hash table: 1 + an index into entries, 0 for none.
	slots  []uint32
	maxKey int // the most bytes of letters a pattern has
	// singles are the one-letter patterns, by letter: the priorities
	// before and after it. They apply where the letter follows a
	// character of before, as withSingles spells them out.
	singles map[rune][2]byte
	before  before
}

type entry struct {
	key, val       uint32 // offsets into letters and values
	keyLen, valLen uint8
}

// before is the set of characters withSingles puts before a one-letter
// pattern: a to z, the Latin small letters with accents, every
// character of the patterns themselves (the word's edge '.' among
// them) but digits.
type before struct {
	latin  [0x250]bool
	others map[rune]bool
}

func (b *before) has(r rune) bool {
	if r >= 0 && r < 0x250 {
		return b.latin[r]
	}
	return b.others[r]
}

// newTable parses a hyph-utf8 pattern list (patterns separated by white
// space) as speedata/hyphenation's New does: the letters are every
// character but a digit, the priority before a letter is the digit
// just before it, a '.' takes none, and a later pattern with the same
// letters replaces an earlier one.
func newTable(text []byte) *table {
	// hyph-utf8 puts a pattern on each line: the table starts at twice
	// that and doubles whenever it is half full.
	n := bytes.Count(text, []byte{'\n'}) + 1
	t := &table{entries: make([]entry, 0, n)}
	t.grow(2 * n)
	for r := 'a'; r <= 'z'; r++ {
		t.before.latin[r] = true
	}
	for r := rune(0xdf); r < 0x250; r++ {
		if unicode.IsLower(r) {
			t.before.latin[r] = true
		}
	}
	letters := make([]byte, 0, len(text))
	values := make([]byte, 0, len(text))
	isDigit := func(r rune) bool {
		if r < utf8.RuneSelf {
			return r >= '0' && r <= '9'
		}
		return unicode.IsDigit(r)
	}
	for f := range bytes.FieldsSeq(text) {
		key, val := len(letters), len(values)
		var prev, letter rune
		runes := 0
		for _, v := range string(f) {
			if !isDigit(v) {
				var prio byte
				if isDigit(prev) {
					prio = byte(prev) - '0'
				}
				if v < utf8.RuneSelf {
					letters = append(letters, byte(v))
				} else {
					letters = utf8.AppendRune(letters, v)
				}
				if v != '.' {
					values = append(values, prio)
				}
				runes++
				letter = v
				if v >= 0 && v < 0x250 {
					t.before.latin[v] = true
				} else {
					if t.before.others == nil {
						t.before.others = map[rune]bool{}
					}
					t.before.others[v] = true
				}
			}
			prev = v
		}
		var prio byte
		if isDigit(prev) {
			prio = byte(prev) - '0'
		}
		values = append(values, prio)
		if runes == 1 && letter != '.' {
			// A one-letter pattern: withSingles merges it into a
			// two-letter pattern for each letter that may stand before
			// it, which is the same as applying it after such a letter.
			if t.singles == nil {
				t.singles = map[rune][2]byte{}
			}
			s := t.singles[letter]
			s[0] = max(s[0], values[val])
			s[1] = max(s[1], values[val+1])
			t.singles[letter] = s
			letters, values = letters[:key], values[:val]
			continue
		}
		if len(letters)-key > 255 || len(values)-val > 255 {
			// Longer than any real pattern: dropped.
			letters, values = letters[:key], values[:val]
			continue
		}
		e := entry{key: uint32(key), val: uint32(val), keyLen: uint8(len(letters) - key), valLen: uint8(len(values) - val)}
		t.letters = letters
		t.maxKey = max(t.maxKey, int(e.keyLen))
		if i := t.find(letters[key:]); i >= 0 {
			t.entries[i].val, t.entries[i].valLen = e.val, e.valLen
			letters = letters[:key]
			continue
		}
		if 2*(len(t.entries)+1) > len(t.slots) {
			t.grow(2 * len(t.slots))
		}
		t.entries = append(t.entries, e)
		t.insert(len(t.entries) - 1)
	}
	t.letters, t.values = letters, values
	return t
}

// grow makes the hash table size slots (rounded up to a power of two)
// and puts the entries back in.
func (t *table) grow(size int) {
	n := 1
	for n < size {
		n *= 2
	}
	t.slots = make([]uint32, n)
	for i := range t.entries {
		t.insert(i)
	}
}

// insert puts entry i in the hash table, which has room.
func (t *table) insert(i int) {
	e := &t.entries[i]
	mask := uint32(len(t.slots) - 1)
	for s := hash(t.letters[e.key:e.key+uint32(e.keyLen)]) & mask; ; s = (s + 1) & mask {
		if t.slots[s] == 0 {
			t.slots[s] = uint32(i + 1)
			return
		}
	}
}

// hash is FNV-1a.
func hash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// find returns the index of the entry with these letters, or -1.
func (t *table) find(key []byte) int {
	mask := uint32(len(t.slots) - 1)
	for s := hash(key) & mask; ; s = (s + 1) & mask {
		k := t.slots[s]
		if k == 0 {
			return -1
		}
		e := &t.entries[k-1]
		if string(t.letters[e.key:e.key+uint32(e.keyLen)]) == string(key) {
			return int(k - 1)
		}
	}
}

// maxWord is the longest word hyphenate looks at without allocating.
const maxWord = 64

// hyphenate returns where the patterns allow a hyphen in word (lower
// case): the number of runes before each, in increasing order, as
// speedata/hyphenation's Lang.Hyphenate with no hyphenmins returns them.
func (t *table) hyphenate(word []rune) []int {
	// The word between edges, ".word.", each rune's UTF-8 start.
	var bufA [4 * (maxWord + 2)]byte
	var startA [maxWord + 3]int
	buf, start := bufA[:0], startA[:0]
	var rs [maxWord + 2]rune
	rword := rs[:0]
	add := func(r rune) {
		start = append(start, len(buf))
		buf = utf8.AppendRune(buf, r)
		rword = append(rword, r)
	}
	add('.')
	for _, r := range word {
		add(unicode.ToLower(r))
	}
	add('.')
	start = append(start, len(buf))
	n := len(rword)
	var prioA [maxWord + 1]byte
	prio := prioA[:0]
	for range n - 1 {
		prio = append(prio, 0)
	}
	mask := uint32(len(t.slots) - 1)
	for j := 0; j < n-1; j++ {
		// Every substring of two runes or more that starts at rune j.
		h := uint32(2166136261)
		for _, c := range buf[start[j]:start[j+1]] {
			h = (h ^ uint32(c)) * 16777619
		}
		for i := j + 2; i <= n; i++ {
			if start[i]-start[j] > t.maxKey {
				break
			}
			for _, c := range buf[start[i-1]:start[i]] {
				h = (h ^ uint32(c)) * 16777619
			}
			sub := buf[start[j]:start[i]]
			for s := h & mask; ; s = (s + 1) & mask {
				k := t.slots[s]
				if k == 0 {
					break
				}
				e := &t.entries[k-1]
				if string(t.letters[e.key:e.key+uint32(e.keyLen)]) != string(sub) {
					continue
				}
				// Its priorities from the place before rune j, or
				// before rune j+1 when rune j is the word's edge.
				at := j - 1
				if rword[j] == '.' {
					at++
				}
				for k, v := range t.values[e.val : e.val+uint32(e.valLen)] {
					if p := at + k; p >= 0 && p < len(prio) && v > prio[p] {
						prio[p] = v
					}
				}
				break
			}
		}
	}
	for p := 1; p < n-1; p++ {
		// A one-letter pattern, where its letter follows a character
		// withSingles spells it out after.
		s, ok := t.singles[rword[p]]
		if ok && t.before.has(rword[p-1]) {
			prio[p-1] = max(prio[p-1], s[0])
			prio[p] = max(prio[p], s[1])
		}
	}
	var out []int
	for p := 1; p < len(prio); p++ {
		if prio[p]%2 != 0 {
			out = append(out, p)
		}
	}
	return out
}
