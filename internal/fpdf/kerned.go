// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// TextKerned draws s at (x, y) like Text, but after the i-th character
// moves the pen by adjust[i] (1/1000 em; negative sets the next character
// closer), written as one TJ array. len(adjust) must be the number of
// runes of s (of bytes for a font that is not UTF-8, as Text counts
// them); zeros are allowed, and with all zeros the output is exactly
// Text's. The last adjustment moves no ink and is not written. In right-to-left mode (RTL) s is reversed as Text reverses it
// and each adjustment stays between the same two characters.
//
// Word spacing (SetWordSpacing) is not applied to the two-byte codes of a
// UTF-8 font, here as in Text: justify with adjustments after spaces.
// GetStringWidthKerned measures what TextKerned draws.
func (f *Fpdf) TextKerned(x, y float64, s string, adjust []float64) {
	if f.err != nil {
		return
	}
	if f.currentFont.glyphs != nil {
		f.err = errGlyphFont
		return
	}
	n := f.kernCount(s)
	if len(adjust) != n {
		f.err = fmt.Errorf("fpdf: TextKerned: %d adjustments for the %d characters of %q", len(adjust), n, s)
		return
	}
	kerned := false
	for i, a := range adjust {
		if math.IsNaN(a) || math.IsInf(a, 0) {
			f.err = fmt.Errorf("fpdf: TextKerned: an adjustment of %q is not a number", s)
			return
		}
		// The adjustment after the last character moves no ink.
		kerned = kerned || (!tjZero(a) && i < len(adjust)-1)
	}
	if !kerned {
		f.Text(x, y, s)
		return
	}
	if f.isCurrentUTF8 && f.isRTL {
		// Visually, the gap after logical character i follows
		// character i+1; the last character's adjustment ends the run.
		rev := make([]float64, n)
		for i := 0; i < n-1; i++ {
			rev[n-2-i] = adjust[i]
		}
		rev[n-1] = adjust[n-1]
		adjust = rev
		s = reverseText(s)
		x -= f.GetStringWidthKerned(s, adjust)
	}
	// Written straight into the page (where out writes), with no string
	// per character: a release draws thousands of characters.
	dst := &f.buffer.Buffer
	if f.state == 2 {
		dst = f.pages[f.page]
	}
	b := dst.AvailableBuffer()
	if f.colorFlag {
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = appendFixed2(b, x*f.k)
	b = append(b, ' ')
	b = appendFixed2(b, (f.h-y)*f.k)
	b = append(b, " Td [("...)
	last := n - 1
	if f.isCurrentUTF8 {
		i := 0
		for _, r := range s {
			// Each rune as Text converts it: its UTF-8 (U+FFFD for a
			// byte that is not UTF-8) through utf8toutf16, escaped.
			var enc [utf8.UTFMax]byte
			var u16 [2 * utf8.UTFMax]byte
			b = appendEscaped(b, appendUTF16(u16[:0], utf8.AppendRune(enc[:0], r)))
			f.currentFont.usedRunes[int(r)] = int(r)
			b = appendTJAdjust(b, adjust[i], i < last)
			i++
		}
	} else {
		for i := range len(s) {
			b = appendEscaped(b, []byte{s[i]})
			b = appendTJAdjust(b, adjust[i], i < last)
		}
	}
	b = append(b, ")] TJ ET"...)
	if f.underline || f.strikeout {
		w := f.GetStringWidthKerned(s, adjust) + f.ws*float64(blankCount(s))
		if f.underline {
			b = append(b, ' ')
			b = append(b, f.lineUnder(x, y, w, float64(f.currentFont.Up), float64(f.currentFont.Ut)*f.userUnderlineThickness)...)
		}
		if f.strikeout {
			b = append(b, ' ')
			b = append(b, f.lineUnder(x, y, w, 4*float64(f.currentFont.Up), float64(f.currentFont.Ut))...)
		}
	}
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	must(dst.Write(b))
}

// kernCount is the number of characters TextKerned adjusts after: runes
// for a UTF-8 font (a byte that is not UTF-8 counts as one, as range
// counts it), bytes otherwise.
func (f *Fpdf) kernCount(s string) int {
	if f.isCurrentUTF8 {
		return utf8.RuneCountInString(s)
	}
	return len(s)
}

// appendUTF16 appends what utf8toutf16(string(s), false) returns for the
// UTF-8 of one rune, quirks included (a four-byte sequence is read as
// three bytes and a lone continuation byte), so that TextKerned writes
// the bytes Text writes.
func appendUTF16(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224 && i+1 < len(s):
			c2, c3 := s[i], s[i+1]
			i += 2
			dst = append(dst, ((c1&0x0F)<<4)+((c2&0x3C)>>2), ((c2&0x03)<<6)+(c3&0x3F))
		case c1 >= 192 && c1 < 224 && i < len(s):
			c2 := s[i]
			i++
			dst = append(dst, (c1&0x1C)>>2, ((c1&0x03)<<6)+(c2&0x3F))
		default:
			dst = append(dst, 0, c1)
		}
	}
	return dst
}

// appendEscaped appends s escaped as escape escapes a string.
func appendEscaped(dst, s []byte) []byte {
	for _, c := range s {
		switch c {
		case '\\', '(', ')':
			dst = append(dst, '\\', c)
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendTJAdjust appends the move after a character, ")n(", unless it is
// the last character's or rounds to zero.
func appendTJAdjust(dst []byte, a float64, inner bool) []byte {
	if !inner || tjZero(a) {
		return dst
	}
	dst = append(dst, ')')
	dst = appendTJNum(dst, -a)
	return append(dst, '(')
}

// appendFixed2 appends v as "%.2f" formats it.
func appendFixed2(dst []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Appendf(dst, "%.2f", v)
	}
	return strconv.AppendFloat(dst, v, 'f', 2, 64)
}

// GetStringWidthKerned returns the width of s drawn by TextKerned with
// adjust, in user units: GetStringWidth plus the adjustments between
// characters (the one after the last character moves no ink).
func (f *Fpdf) GetStringWidthKerned(s string, adjust []float64) float64 {
	w := f.GetStringWidth(s)
	for i := 0; i+1 < len(adjust); i++ {
		w += adjust[i] * f.fontSize / 1000
	}
	return w
}

// tjNum formats a number with at most three decimals and no trailing
// zeros (thousandths of an em are finer than any printer).
func tjNum(v float64) string {
	var buf [32]byte
	return string(appendTJNum(buf[:0], v))
}

// appendTJNum appends tjNum(v).
func appendTJNum(dst []byte, v float64) []byte {
	if tjZero(v) {
		return append(dst, '0')
	}
	dst = strconv.AppendFloat(dst, math.Round(v*1000)/1000, 'f', 3, 64)
	for dst[len(dst)-1] == '0' {
		dst = dst[:len(dst)-1]
	}
	if dst[len(dst)-1] == '.' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// tjZero reports whether tjNum(v) is "0": v rounds to 0 thousandths.
func tjZero(v float64) bool { return math.Round(v*1000) == 0 }

// lineUnder draws the underline (or, 4 times as far up, the strikeout) of
// a run w long, as dounderline and dostrikeout do for a string.
func (f *Fpdf) lineUnder(x, y, w, up, ut float64) string {
	return sprintf("%.2f %.2f %.2f %.2f re f", x*f.k,
		(f.h-(y-up/1000*f.fontSize))*f.k, w*f.k, -ut/1000*f.fontSizePt)
}
