// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// maxCMapBlockEntries is the most entries a beginbfrange or beginbfchar
// block may hold (PDF 32000-1:2008, 9.10.3, and Adobe Technical Note #5411).
const maxCMapBlockEntries = 100

const toUnicodeHead = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"

const toUnicodeTail = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// utf8ToUnicodeCodes returns, sorted, the two-byte codes a UTF-8 font's
// text can use in this document: every rune drawn with the font, and every
// rune of an alias replacement (such as the page count), which is put into
// the page content after drawing and so never recorded as used.
func (f *Fpdf) utf8ToUnicodeCodes(font fontDefType) []int {
	seen := make(map[int]bool, len(font.usedRunes))
	for r, v := range font.usedRunes {
		if v != 0 {
			seen[r] = true
		}
	}
	for _, replacement := range f.aliasMap {
		for _, r := range replacement {
			seen[int(r)] = true
		}
	}
	codes := make([]int, 0, len(seen))
	for c := range seen {
		// fpdf writes text as UTF-16BE with a two-byte code space;
		// code 0 and surrogate halves are never a character of their own.
		if c > 0 && c <= 0xFFFF && utf8.ValidRune(rune(c)) {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	return codes
}

// toUnicodeCMap writes the ToUnicode CMap of a UTF-8 font whose codes are
// the Unicode values themselves (fpdf's Identity-H encoding). codes must
// be sorted and unique. Runs of consecutive codes become bfrange entries
// that never cross a change of the high byte, as the PDF specification
// requires (a single <0000> <FFFF> <0000> range makes readers extract
// U+201C as U+001C); single codes become bfchar entries.
func toUnicodeCMap(codes []int) []byte {
	type run struct{ lo, hi int }
	var ranges, singles []run
	for i := 0; i < len(codes); {
		j := i
		for j+1 < len(codes) && codes[j+1] == codes[j]+1 && codes[j+1]>>8 == codes[i]>>8 {
			j++
		}
		if j > i {
			ranges = append(ranges, run{codes[i], codes[j]})
		} else {
			singles = append(singles, run{codes[i], codes[i]})
		}
		i = j + 1
	}
	buf := make([]byte, 0, len(toUnicodeHead)+len(toUnicodeTail)+len(ranges)*24+len(singles)*16+64)
	buf = append(buf, toUnicodeHead...)
	hex4 := func(b []byte, v int) []byte {
		const digits = "0123456789ABCDEF"
		return append(b, '<', digits[v>>12&15], digits[v>>8&15], digits[v>>4&15], digits[v&15], '>')
	}
	for start := 0; start < len(ranges); start += maxCMapBlockEntries {
		block := ranges[start:min(start+maxCMapBlockEntries, len(ranges))]
		buf = strconv.AppendInt(buf, int64(len(block)), 10)
		buf = append(buf, " beginbfrange\n"...)
		for _, r := range block {
			buf = hex4(buf, r.lo)
			buf = append(buf, ' ')
			buf = hex4(buf, r.hi)
			buf = append(buf, ' ')
			buf = hex4(buf, r.lo)
			buf = append(buf, '\n')
		}
		buf = append(buf, "endbfrange\n"...)
	}
	for start := 0; start < len(singles); start += maxCMapBlockEntries {
		block := singles[start:min(start+maxCMapBlockEntries, len(singles))]
		buf = strconv.AppendInt(buf, int64(len(block)), 10)
		buf = append(buf, " beginbfchar\n"...)
		for _, r := range block {
			buf = hex4(buf, r.lo)
			buf = append(buf, ' ')
			buf = hex4(buf, r.lo)
			buf = append(buf, '\n')
		}
		buf = append(buf, "endbfchar\n"...)
	}
	return append(buf, toUnicodeTail...)
}
