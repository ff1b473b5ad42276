// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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
	chars := f.kernChars(s)
	if len(adjust) != len(chars) {
		f.err = fmt.Errorf("fpdf: TextKerned: %d adjustments for the %d characters of %q", len(adjust), len(chars), s)
		return
	}
	kerned := false
	for i, a := range adjust {
		if math.IsNaN(a) || math.IsInf(a, 0) {
			f.err = fmt.Errorf("fpdf: TextKerned: an adjustment of %q is not a number", s)
			return
		}
		// The adjustment after the last character moves no ink.
		kerned = kerned || (tjNum(a) != "0" && i < len(adjust)-1)
	}
	if !kerned {
		f.Text(x, y, s)
		return
	}
	if f.isCurrentUTF8 && f.isRTL {
		// Visually, the gap after logical character i follows
		// character i+1; the last character's adjustment ends the run.
		n := len(chars)
		rev := make([]float64, n)
		for i := 0; i < n-1; i++ {
			rev[n-2-i] = adjust[i]
		}
		rev[n-1] = adjust[n-1]
		adjust = rev
		s = reverseText(s)
		chars = f.kernChars(s)
		x -= f.GetStringWidthKerned(s, adjust)
	}
	var b fmtBuffer
	b.printf("BT %.2f %.2f Td [(", x*f.k, (f.h-y)*f.k)
	for i, c := range chars {
		if f.isCurrentUTF8 {
			b.WriteString(f.escape(utf8toutf16(c, false)))
			for _, r := range c {
				f.currentFont.usedRunes[int(r)] = int(r)
			}
		} else {
			b.WriteString(f.escape(c))
		}
		if n := tjNum(-adjust[i]); n != "0" && i < len(chars)-1 {
			b.WriteString(")" + n + "(")
		}
	}
	b.WriteString(")] TJ ET")
	txt := b.String()
	if f.underline || f.strikeout {
		w := f.GetStringWidthKerned(s, adjust) + f.ws*float64(blankCount(s))
		if f.underline {
			txt += " " + f.lineUnder(x, y, w, float64(f.currentFont.Up), float64(f.currentFont.Ut)*f.userUnderlineThickness)
		}
		if f.strikeout {
			txt += " " + f.lineUnder(x, y, w, 4*float64(f.currentFont.Up), float64(f.currentFont.Ut))
		}
	}
	if f.colorFlag {
		txt = sprintf("q %s %s Q", f.color.text.str, txt)
	}
	f.out(txt)
}

// kernChars splits s into the characters TextKerned adjusts after: runes
// for a UTF-8 font, bytes otherwise.
func (f *Fpdf) kernChars(s string) []string {
	var chars []string
	if f.isCurrentUTF8 {
		for _, r := range s {
			chars = append(chars, string(r))
		}
		return chars
	}
	for i := range len(s) {
		chars = append(chars, s[i:i+1])
	}
	return chars
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
	s := strconv.FormatFloat(math.Round(v*1000)/1000, 'f', 3, 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// lineUnder draws the underline (or, 4 times as far up, the strikeout) of
// a run w long, as dounderline and dostrikeout do for a string.
func (f *Fpdf) lineUnder(x, y, w, up, ut float64) string {
	return sprintf("%.2f %.2f %.2f %.2f re f", x*f.k,
		(f.h-(y-up/1000*f.fontSize))*f.k, w*f.k, -ut/1000*f.fontSizePt)
}
