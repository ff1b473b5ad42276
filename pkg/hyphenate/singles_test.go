package hyphenate

import (
	"slices"
	"strings"
	"unicode"
)

// withSingles rewrites a pattern list so that speedata/hyphenation
// applies its one-letter patterns ("m1", "1b"): it looks up substrings
// of two letters or more only, and the Welsh, German, Spanish, Italian,
// French and Polish patterns have one-letter ones. Each becomes a
// two-letter pattern for every letter that may stand before it (or the
// word's start), merged with the two-letter pattern of the same letters
// where there is one, which Liang's algorithm (the maximum at each
// place) treats as the same.
func withSingles(text string) string {
	type pattern struct {
		letters []rune
		values  []byte // len(letters)+1: before each letter, and after
	}
	parse := func(f string) pattern {
		p := pattern{values: []byte{0}}
		for _, r := range f {
			if r >= '0' && r <= '9' {
				p.values[len(p.values)-1] = byte(r - '0')
				continue
			}
			p.letters = append(p.letters, r)
			p.values = append(p.values, 0)
		}
		return p
	}
	if !hasSingles(text) {
		return text
	}
	var singles []pattern
	twos := map[string]pattern{}
	var keep strings.Builder
	var latin [0x250]bool
	others := map[rune]bool{}
	for _, f := range strings.Fields(text) {
		n := 0
		for _, r := range f {
			switch {
			case r >= '0' && r <= '9':
			case r < 0x250:
				latin[r] = true
				n++
			default:
				others[r] = true
				n++
			}
		}
		switch n {
		case 1:
			singles = append(singles, parse(f))
		case 2:
			p := parse(f)
			twos[string(p.letters)] = p
		default:
			keep.WriteString(f)
			keep.WriteByte('\n')
		}
	}
	// The letters that may stand before a one-letter pattern: the
	// patterns' own, a to z, the Latin small letters with accents, and
	// the start of the word.
	for r := 'a'; r <= 'z'; r++ {
		latin[r] = true
	}
	for r := rune(0xdf); r < 0x250; r++ {
		if unicode.IsLower(r) {
			latin[r] = true
		}
	}
	var before []rune
	for r, ok := range latin {
		if ok && (r < '0' || r > '9') {
			before = append(before, rune(r))
		}
	}
	for r := range others {
		before = append(before, r)
	}
	for _, sp := range singles {
		c := sp.letters[0]
		for _, x := range before {
			if x == '.' && c == '.' {
				continue
			}
			key := string([]rune{x, c})
			p, ok := twos[key]
			if !ok {
				p = pattern{letters: []rune{x, c}, values: make([]byte, 3)}
			}
			p.values[1] = max(p.values[1], sp.values[0])
			p.values[2] = max(p.values[2], sp.values[1])
			twos[key] = p
		}
	}
	keys := make([]string, 0, len(twos))
	for k := range twos {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := twos[k]
		for i, r := range p.letters {
			if v := p.values[i]; v > 0 {
				keep.WriteByte('0' + v)
			}
			keep.WriteRune(r)
		}
		if v := p.values[len(p.letters)]; v > 0 {
			keep.WriteByte('0' + v)
		}
		keep.WriteByte('\n')
	}
	return keep.String()
}

// hasSingles reports whether a pattern list has a one-letter pattern.
func hasSingles(text string) bool {
	for _, f := range strings.Fields(text) {
		n := 0
		for _, r := range f {
			if r < '0' || r > '9' {
				n++
			}
		}
		if n == 1 {
			return true
		}
	}
	return false
}
