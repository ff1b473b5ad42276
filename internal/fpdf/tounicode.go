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
	codes := make([]int, 0, len(font.usedRunes)+8)
	for r, v := range font.usedRunes {
		if v != 0 {
			codes = append(codes, r)
		}
	}
	for _, replacement := range f.aliasMap {
		for _, r := range replacement {
			codes = append(codes, int(r))
		}
	}
	// fpdf writes text as UTF-16BE with a two-byte code space; code 0
	// and surrogate halves are never a character of their own.
	codes = slices.DeleteFunc(codes, func(c int) bool { return c <= 0 || c > 0xFFFF || !utf8.ValidRune(rune(c)) })
	slices.Sort(codes)
	return slices.Compact(codes)
}

// putToUnicode writes the one ToUnicode CMap that every character-mode
// UTF-8 font among keys shares, and returns its object number (0 when
// there is none). A UTF-8 font's codes are the Unicode values themselves, so one
// map, built from the codes all of them can show, is right for each; one
// stream instead of one per font saved about 300 bytes a font (patch 20).
func (f *Fpdf) putToUnicode(keys []string) int {
	var codes []int
	utf8Fonts := false
	for _, key := range keys {
		// A glyph-mode font's codes are glyph IDs: it has its own CMap.
		if font := f.fonts[key]; font.Tp == "UTF8" && font.glyphs == nil {
			utf8Fonts = true
			codes = append(codes, f.utf8ToUnicodeCodes(font)...)
		}
	}
	if !utf8Fonts {
		return 0
	}
	slices.Sort(codes)
	f.putCMapStream(toUnicodeCMap(slices.Compact(codes)))
	return f.n
}

// putCMapStream writes a ToUnicode CMap as a new object, compressed when
// the document's streams are.
func (f *Fpdf) putCMapStream(toUnicode []byte) {
	f.newobj()
	if f.compress {
		// A CMap is text that compresses to a fifth.
		mem := xmem.compress(toUnicode)
		f.out("<</Length " + strconv.Itoa(mem.buf.Len()) + "/Filter /FlateDecode>>")
		f.putstream(mem.bytes())
		mem.release()
	} else {
		f.out("<</Length " + strconv.Itoa(len(toUnicode)) + ">>")
		f.putstream(toUnicode)
	}
	f.out("endobj")
}

// toUnicodeCMap writes the ToUnicode CMap of UTF-8 fonts, whose codes are
// the Unicode values themselves (fpdf's Identity-H encoding). codes must
// be sorted and unique. Each high byte among them gets one bfrange, from
// its lowest code to its highest, mapping each code to itself: a bfrange
// may not cross a change of the high byte, as the PDF specification
// requires (a single <0000> <FFFF> <0000> range made readers extract
// U+201C as U+001C), and codes in a range that are never shown cost
// nothing. Before patch 20 only the runs of codes used became ranges and
// single codes bfchar entries: several times the entries for the same
// text.
func toUnicodeCMap(codes []int) []byte {
	type run struct{ lo, hi int }
	var ranges []run
	for _, c := range codes {
		if n := len(ranges); n > 0 && ranges[n-1].hi>>8 == c>>8 {
			ranges[n-1].hi = c
			continue
		}
		ranges = append(ranges, run{c, c})
	}
	buf := make([]byte, 0, len(toUnicodeHead)+len(toUnicodeTail)+len(ranges)*24+64)
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
	return append(buf, toUnicodeTail...)
}
