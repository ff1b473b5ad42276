package shaping

import (
	"encoding/binary"
	"math"
	"os"
	"testing"
)

// pairEffect is how much shaping two letters together changes their
// width against shaping each alone (Shape follows HarfBuzz,
// TestShapeMatchesHarfBuzz). With the old 'kern' table HarfBuzz splits the
// value between the two glyphs, so the width, not the first advance, is
// what to compare.
func pairEffect(t *testing.T, f *Face, pair string) float64 {
	t.Helper()
	width := func(s string) float64 {
		w := 0.0
		for _, g := range f.Shape(s, "en", false) {
			w += g.XAdvance
		}
		return w
	}
	if n := len(f.Shape(pair, "en", false)); n != 2 {
		t.Fatalf("%q shaped into %d glyphs", pair, n)
	}
	return width(pair) - width(pair[:1]) - width(pair[1:])
}

// Noto Sans kerns the classic pairs closer, and Kern agrees with what
// shaping the pair does, for kerned and unkerned pairs, in all four
// styles.
func TestKernNotoSans(t *testing.T) {
	for _, file := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"} {
		f := loadFace(t, file)
		for _, pair := range []string{"AV", "Ty", "Wa", "To", "LT", "P.", "Yo", "AA", "oo", "HH", "ll", "r,"} {
			l, okl := f.GlyphIndex(rune(pair[0]))
			r, okr := f.GlyphIndex(rune(pair[1]))
			if !okl || !okr {
				t.Fatalf("%s: no glyph for %q", file, pair)
			}
			k := f.Kern(l, r)
			if want := pairEffect(t, f, pair); math.Abs(k-want) > 1e-9 {
				t.Errorf("%s: Kern(%q) = %g, shaping the pair adjusts by %g", file, pair, k, want)
			}
			switch pair {
			case "AV", "Ty", "Wa":
				if k >= 0 {
					t.Errorf("%s: Kern(%q) = %g, want negative", file, pair, k)
				}
			case "HH":
				if k != 0 {
					t.Errorf("%s: Kern(%q) = %g, want 0", file, pair, k)
				}
			}
		}
	}
}

// A face without kerning says 0 for any pair, and out-of-range glyph IDs
// are no error.
func TestKernNone(t *testing.T) {
	f := loadFace(t, "DroidSansFallbackFull.ttf")
	if k := f.Kern(1, 2); k != 0 {
		t.Errorf("Droid Sans Fallback Kern = %g", k)
	}
	g := loadFace(t, "NotoSans-Regular.ttf")
	if k := g.Kern(65535, 65535); k != 0 {
		t.Errorf("Kern(65535, 65535) = %g", k)
	}
}

// A font with only the old 'kern' table: DejaVu Sans Condensed (from
// fpdf's test fonts) with its GPOS table renamed, so that HarfBuzz, too,
// falls back to 'kern'. Kern still agrees with shaping the pair.
func TestKernTableOnly(t *testing.T) {
	data, err := os.ReadFile("../../internal/fpdf/font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	data = append([]byte(nil), data...)
	numTables := int(binary.BigEndian.Uint16(data[4:]))
	renamed := false
	for i := 0; i < numTables; i++ {
		rec := data[12+16*i:]
		if string(rec[:4]) == "GPOS" {
			copy(rec, "GPOT") // still sorted: GPOS < GPOT < GSUB
			renamed = true
		}
	}
	if !renamed {
		t.Fatal("DejaVu Sans Condensed has no GPOS table to rename")
	}
	f, err := NewFace(data)
	if err != nil {
		t.Fatal(err)
	}
	kerned := 0
	for _, pair := range []string{"AV", "Ty", "Wa", "To", "HH", "LT"} {
		l, _ := f.GlyphIndex(rune(pair[0]))
		r, _ := f.GlyphIndex(rune(pair[1]))
		k := f.Kern(l, r)
		if want := pairEffect(t, f, pair); math.Abs(k-want) > 1e-9 {
			t.Errorf("Kern(%q) = %g, shaping the pair adjusts by %g", pair, k, want)
		}
		if k < 0 {
			kerned++
		}
	}
	if kerned < 3 {
		t.Errorf("only %d of the pairs are kerned from the kern table", kerned)
	}
}
