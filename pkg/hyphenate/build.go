package hyphenate

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildTable parses a hyph-utf8 pattern list (patterns separated by
// white space) as speedata/hyphenation's New does, and returns the
// table in the form patterns/hyph-LANG.tab holds it (table.go says how
// it is laid out). The letters are every character but a digit, the
// priority before a letter is the digit just before it, a '.' takes
// none, and a later pattern with the same letters replaces an earlier
// one. left and right are the hyphenmins, from the pattern set's header.
//
// It runs when the tables are made (TestTables -update), never in a
// render: the embedded tables are read in place instead.
func buildTable(text []byte, left, right int) []byte {
	type pattern struct{ letters, values []byte }
	var pats []pattern
	index := map[string]int{} // letters → index in pats
	var latin [latinEnd]bool
	for r := 'a'; r <= 'z'; r++ {
		latin[r] = true
	}
	for r := rune(0xdf); r < latinEnd; r++ {
		if unicode.IsLower(r) {
			latin[r] = true
		}
	}
	others := map[rune]bool{}
	singles := map[rune][2]byte{}
	maxKey := 0
	for f := range bytes.FieldsSeq(text) {
		var letters, values []byte
		var prev, letter rune
		runes := 0
		for _, v := range string(f) {
			if !unicode.IsDigit(v) {
				var prio byte
				if unicode.IsDigit(prev) {
					prio = byte(prev) - '0'
				}
				letters = utf8.AppendRune(letters, v)
				if v != '.' {
					values = append(values, prio)
				}
				runes++
				letter = v
				if v >= 0 && v < latinEnd {
					latin[v] = true
				} else {
					others[v] = true
				}
			}
			prev = v
		}
		var prio byte
		if unicode.IsDigit(prev) {
			prio = byte(prev) - '0'
		}
		values = append(values, prio)
		if runes == 1 && letter != '.' {
			// A one-letter pattern: withSingles (singles_test.go)
			// merges it into a two-letter pattern for each letter that
			// may stand before it, which is the same as applying it
			// after such a letter.
			s := singles[letter]
			s[0] = max(s[0], values[0])
			s[1] = max(s[1], values[1])
			singles[letter] = s
			continue
		}
		if len(letters) > 255 || len(values) > 255 {
			// Longer than any real pattern: dropped.
			continue
		}
		maxKey = max(maxKey, len(letters))
		if i, ok := index[string(letters)]; ok {
			pats[i].values = values
			continue
		}
		index[string(letters)] = len(pats)
		pats = append(pats, pattern{letters, values})
	}

	var recs []byte
	offsets := make([]uint32, len(pats))
	for i, p := range pats {
		offsets[i] = uint32(len(recs))
		recs = append(recs, byte(len(p.letters)), byte(len(p.values)))
		recs = append(recs, p.letters...)
		for k := 0; k < len(p.values); k += 2 {
			v := p.values[k] & 0xf
			if k+1 < len(p.values) {
				v |= p.values[k+1] << 4
			}
			recs = append(recs, v)
		}
	}
	// A third full: a word's substrings are mostly not patterns, and a
	// miss stops at the first empty slot, after 1.6 slots on average
	// (2.5 half full, which made hyphenating a word a fifth slower).
	n := uint32(3*len(pats) + 1)
	slots := make([]uint32, n)
	if len(recs) >= 1<<24-1 {
		// The slots have 24 bits for an offset.
		panic("hyphenate: more than 16 MB of patterns: the table format needs another version")
	}
	maxProbe := 0
	for i, p := range pats {
		h := hash(p.letters)
		s := slot(h, n)
		for probes := 1; ; probes++ {
			if slots[s] == 0 {
				slots[s] = h<<24 | (offsets[i] + 1)
				maxProbe = max(maxProbe, probes)
				break
			}
			s = next(s, n)
		}
	}
	if maxProbe > 255 {
		panic("hyphenate: a pattern 255 slots from its hash's: the hash table needs more room")
	}
	var bits [latinEnd / 8]byte
	for r, ok := range latin {
		if ok {
			bits[r/8] |= 1 << (r % 8)
		}
	}
	var sing []byte
	for _, r := range slices.Sorted(maps.Keys(singles)) {
		sing = binary.LittleEndian.AppendUint32(sing, uint32(r))
		sing = append(sing, singles[r][0], singles[r][1])
	}
	var oth []byte
	for _, r := range slices.Sorted(maps.Keys(others)) {
		oth = binary.LittleEndian.AppendUint32(oth, uint32(r))
	}

	var body []byte
	for _, s := range slots {
		body = binary.LittleEndian.AppendUint32(body, s)
	}
	body = append(body, recs...)
	body = append(body, bits[:]...)
	body = append(body, sing...)
	body = append(body, oth...)

	out := []byte(tableMagic)
	out = append(out, tableVersion, byte(min(left, 255)), byte(min(right, 255)), byte(maxKey), byte(maxProbe), 0, 0, 0)
	for _, v := range []int{len(slots), len(recs), len(singles), len(others)} {
		out = binary.LittleEndian.AppendUint32(out, uint32(v))
	}
	out = binary.LittleEndian.AppendUint32(out, 0)
	out = append(out, body...)
	binary.LittleEndian.PutUint32(out[headerLen-4:], checksum(string(out)))
	return out
}

// hyphenmins reads the typesetting hyphenmins from a hyph-utf8 header
// (the .licence files), or returns left and right when it gives none:
//
//	% hyphenmins:
//	%     typesetting:
//	%         left: 2
//	%         right: 3
func hyphenmins(hdr []byte, left, right int) (int, int) {
	in, typesetting := false, false
	sc := bufio.NewScanner(bytes.NewReader(hdr))
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "%"))
		indented := strings.HasPrefix(strings.TrimPrefix(sc.Text(), "%"), " ")
		switch {
		case line == "hyphenmins:":
			in = true
		case in && !indented && line != "":
			return left, right
		case in && strings.HasSuffix(line, ":"):
			typesetting = line == "typesetting:"
		case in && typesetting:
			k, v, _ := strings.Cut(line, ":")
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
				switch k {
				case "left":
					left = n
				case "right":
					right = n
				}
			}
		}
	}
	return left, right
}
