package hyphenate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// table is one language's patterns for Liang's algorithm, read in place
// from the bytes embedded in the binary (patterns/hyph-LANG.tab, which
// buildTable makes from the pattern list when the patterns change):
// loading a language is a check of the header and a checksum, with no
// copy and no work per pattern, and a lookup only reads.
//
// It finds the same breaks as github.com/speedata/hyphenation given the
// pattern list with its one-letter patterns spelled out as two-letter
// ones (withSingles), which is what pressroom used first, and
// TestTableAgreesWithSpeedata holds it to that: speedata keeps a map
// from each pattern's letters to a new slice (two allocations a
// pattern: 2 MB and 3 ms for British English, on every start of the
// command) and converts each substring of a word to a new string to
// look it up (12 allocations and 7 µs for "safeguarding"). Parsing the
// patterns into flat arrays at every start (pressroom's next step)
// still cost 7 M instructions and 0.34 MB, a tenth of a cold render.
//
// The table's bytes, all numbers little-endian:
//
//	header   "PRHT", version, left and right hyphenmins, the most bytes of
//	         letters a pattern has, the most slots a lookup reads (a byte
//	         each), three zero bytes; the number of slots, the bytes of
//	         records, the number of singles and of others (uint32 each);
//	         the CRC-32 (IEEE) of the header before it and of everything
//	         after the header
//	slots    an open-addressed hash table of the patterns' letters
//	         (FNV-1a, linear probing, a third full): per slot a
//	         uint32, 0 for none, else 1 + the offset of a pattern's
//	         record in the low 24 bits and the low 8 bits of its hash in
//	         the high 8, so that a probe reads a record only when its
//	         hash is likely the same
//	records  per pattern: the length of its letters and the number of its
//	         priorities (a byte each), its letters (UTF-8, '.' for the
//	         edge of the word), and its priorities (one before each letter
//	         but a '.', and one after the last; 0 to 9, two a byte, the
//	         first in the low four bits)
//	latin    which runes below U+0250 stand in before (a bit each)
//	singles  the one-letter patterns, by rune: the rune (uint32) and the
//	         priorities before and after it (a byte each)
//	others   the runes of before at or above U+0250 (uint32 each), sorted
//
// before is the set of characters withSingles puts before a one-letter
// pattern: a to z, the Latin small letters with accents, every
// character of the patterns themselves (the word's edge '.' among them)
// but digits. A single applies where its letter follows one of them.
//
// Every read of the table is bounds-checked against the section it
// reads, so that a damaged table that got past the checksum gives wrong
// breaks, never a panic (FuzzTable).
type table struct {
	slots                        []uint32 // read only: often the embedded bytes themselves
	recs, latin, singles, others string
	maxKey                       int
	left, right                  int
	// maxProbe is the most slots a lookup reads: one more than the
	// farthest any pattern is from its hash's slot. A pattern is
	// never farther, so a lookup stops there even in a damaged table.
	maxProbe uint32
}

const (
	tableMagic   = "PRHT"
	tableVersion = 1
	headerLen    = 12 + 5*4 // a multiple of 4: the slots that follow are read in place
	latinEnd     = 0x250
	singleLen    = 6
)

// errTable is the error of every damaged table.
var errTable = errors.New("damaged hyphenation table")

// viewTable checks a table's header, lengths and checksum and returns a
// table that reads data in place.
func viewTable(data string) (*table, error) {
	t, err := viewUnchecked(data)
	if err != nil {
		return nil, err
	}
	if checksum(data) != le32(data, headerLen-4) {
		return nil, fmt.Errorf("%w: its checksum does not match; regenerate it: %s", errTable, regenerate)
	}
	return t, nil
}

// checksum is the CRC-32 of a table but the checksum itself: the
// header before it and the sections after.
func checksum(data string) uint32 {
	// Read only: the checksum reads the embedded bytes in place too.
	b := unsafe.Slice(unsafe.StringData(data), len(data))
	return crc32.Update(crc32.ChecksumIEEE(b[:headerLen-4]), crc32.IEEETable, b[headerLen:])
}

// viewUnchecked is viewTable without the checksum.
func viewUnchecked(data string) (*table, error) {
	if len(data) < headerLen || data[:4] != tableMagic {
		return nil, fmt.Errorf("%w: no table header; regenerate it: %s", errTable, regenerate)
	}
	if data[4] != tableVersion {
		return nil, fmt.Errorf("%w: version %d, this pressroom reads version %d; regenerate it: %s", errTable, data[4], tableVersion, regenerate)
	}
	t := &table{left: int(data[5]), right: int(data[6]), maxKey: int(data[7]), maxProbe: uint32(data[8])}
	if t.left < 1 || t.right < 1 {
		// Word keeps a letter on each side at least.
		return nil, fmt.Errorf("%w: hyphenmins %d and %d, under 1; regenerate it: %s", errTable, t.left, t.right, regenerate)
	}
	size := []uint64{4 * uint64(le32(data, 12)), uint64(le32(data, 16)), latinEnd / 8, singleLen * uint64(le32(data, 20)), 4 * uint64(le32(data, 24))}
	var slots string
	sect := []*string{&slots, &t.recs, &t.latin, &t.singles, &t.others}
	rest := data[headerLen:]
	for i, n := range size {
		if n > uint64(len(rest)) {
			return nil, fmt.Errorf("%w: %d bytes long, cut short; regenerate it: %s", errTable, len(data), regenerate)
		}
		*sect[i], rest = rest[:n], rest[n:]
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%w: %d bytes too many at its end; regenerate it: %s", errTable, len(rest), regenerate)
	}
	t.slots = uint32s(slots)
	return t, nil
}

// uint32s returns the little-endian uint32s s holds: s itself, read in
// place, on a little-endian machine (amd64 and arm64, which pressroom
// is built for) when s is 4-byte aligned (the linker aligns an embedded
// file of 32 bytes or more to 32, and the slots start 32 bytes in);
// else a copy.
func uint32s(s string) []uint32 {
	if len(s) < 4 {
		return nil
	}
	p := unsafe.StringData(s)
	if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 && uintptr(unsafe.Pointer(p))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(p)), len(s)/4)
	}
	out := make([]uint32, len(s)/4)
	for i := range out {
		out[i] = le32(s, 4*i)
	}
	return out
}

// le32 reads the little-endian uint32 at s[i:], which has four bytes.
func le32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// hash is FNV-1a.
func hash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// slot is where a hash's probe starts in a table of n slots: its high
// bits, scaled to n, once a multiplication by 2³²/φ (Fibonacci hashing)
// has mixed its low bits into them, which FNV alone leaves poorly mixed
// for a short key.
func slot(h, n uint32) uint32 { return uint32(uint64(h*0x9e3779b1) * uint64(n) >> 32) }

// next is the slot after s, in a table of n slots.
func next(s, n uint32) uint32 {
	if s++; s == n {
		return 0
	}
	return s
}

// apply raises prio to the priorities of the pattern whose record
// starts at off, from place at on, if its letters are key's, and
// reports whether they are. A record not all in recs is no pattern.
func (t *table) apply(off uint32, key []byte, at int, prio []byte) bool {
	if uint64(off)+2 > uint64(len(t.recs)) {
		return false
	}
	kl, n := uint64(t.recs[off]), uint64(t.recs[off+1])
	start := uint64(off) + 2
	end := start + kl + (n+1)/2
	if end > uint64(len(t.recs)) || t.recs[start:start+kl] != string(key) {
		return false
	}
	// Two priorities a byte; a last high half of 0 raises nothing.
	for i, b := range []byte(t.recs[start+kl : end]) {
		p := at + 2*i
		if v := b & 0xf; p >= 0 && p < len(prio) && v > prio[p] {
			prio[p] = v
		}
		if v := b >> 4; p+1 >= 0 && p+1 < len(prio) && v > prio[p+1] {
			prio[p+1] = v
		}
	}
	return true
}

// single returns the priorities of the one-letter pattern of r.
func (t *table) single(r rune) (before, after byte, ok bool) {
	lo, hi := 0, len(t.singles)/singleLen
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := rune(le32(t.singles, m*singleLen)); {
		case c < r:
			lo = m + 1
		case c > r:
			hi = m
		default:
			return t.singles[m*singleLen+4], t.singles[m*singleLen+5], true
		}
	}
	return 0, 0, false
}

// before reports whether r is in before (see table).
func (t *table) before(r rune) bool {
	if r >= 0 && r < latinEnd {
		return int(r/8) < len(t.latin) && t.latin[r/8]&(1<<(r%8)) != 0
	}
	lo, hi := 0, len(t.others)/4
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := rune(le32(t.others, 4*m)); {
		case c < r:
			lo = m + 1
		case c > r:
			hi = m
		default:
			return true
		}
	}
	return false
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
	slots := t.slots
	ns := uint32(len(slots))
	maxProbe := min(t.maxProbe, ns)
	for j := 0; j < n-1; j++ {
		// Every substring of two runes or more that starts at rune j;
		// a pattern's priorities go from the place before rune j, or
		// before rune j+1 when rune j is the word's edge.
		at := j - 1
		if rword[j] == '.' {
			at++
		}
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
			// Look it up.
			for s, probes := slot(h, ns), uint32(0); probes < maxProbe; probes++ {
				k := slots[s]
				if k == 0 {
					break
				}
				if k>>24 == h&0xff && t.apply(k&0xffffff-1, buf[start[j]:start[i]], at, prio) {
					break
				}
				if s++; s == ns {
					s = 0
				}
			}
		}
	}
	if len(t.singles) > 0 {
		for p := 1; p < n-1; p++ {
			// A one-letter pattern, where its letter follows a
			// character withSingles spells it out after.
			if b, a, ok := t.single(rword[p]); ok && t.before(rword[p-1]) {
				prio[p-1] = max(prio[p-1], b)
				prio[p] = max(prio[p], a)
			}
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
