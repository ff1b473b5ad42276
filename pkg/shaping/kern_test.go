package shaping

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/gotext/font"
	"github.com/pressroom/pressroom/internal/gotext/font/opentype/tables"
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

// Kern reads only the 'kern' feature's lookups, not the whole font: for
// every bundled font, and every pair of the letters, digits and marks a
// release sets, it gives what the kerning tables of go-text's full parse
// (the font HarfBuzz shapes with) give.
func TestKernMatchesFullParse(t *testing.T) {
	files, err := filepath.Glob("../../fonts/*.ttf")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled fonts: %v", err)
	}
	var chars []rune
	for r := rune(0x21); r < 0x17f; r++ {
		chars = append(chars, r)
	}
	chars = append(chars, []rune("‘’“”–—…")...)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := NewFace(data)
		if err != nil {
			t.Fatal(err)
		}
		full, err := f.parsed()
		if err != nil {
			t.Fatal(err)
		}
		var gids []uint16
		for _, r := range chars {
			if g, ok := f.GlyphIndex(r); ok {
				gids = append(gids, g)
				if fg, ok := full.NominalGlyph(r); !ok || uint16(fg) != g {
					t.Errorf("%s: GlyphIndex(%q) = %d, the full parse's cmap gives %d", file, r, g, fg)
				}
			}
		}
		kerned := 0
		for _, l := range gids {
			for _, r := range gids {
				k, want := f.Kern(l, r), fullKern(full, f.upem, l, r)
				if k != want {
					t.Fatalf("%s: Kern(%d, %d) = %g, the full parse gives %g", file, l, r, k, want)
				}
				if k != 0 {
					kerned++
				}
			}
		}
		if strings.HasPrefix(filepath.Base(file), "NotoSans-") && kerned < 1000 {
			t.Errorf("%s: only %d pairs kerned", file, kerned)
		}
	}
}

// fullKern is the pair kerning read from go-text's whole parse of the
// font, the way Kern read it before it stopped parsing whole fonts.
func fullKern(full *font.Font, upem float64, left, right uint16) float64 {
	gpos := &full.GPOS
	seen := map[uint16]bool{}
	var indices []uint16
	for _, feat := range gpos.Features {
		if feat.Tag != tables.Tag(0x6b65726e) {
			continue
		}
		for _, li := range feat.LookupListIndices {
			if !seen[li] && int(li) < len(gpos.Lookups) {
				seen[li] = true
				indices = append(indices, li)
			}
		}
	}
	slices.Sort(indices)
	sum, pairs := 0, false
	for _, li := range indices {
		for _, st := range gpos.Lookups[li].Subtables {
			pp, ok := st.(tables.PairPos)
			if !ok {
				continue
			}
			pairs = true
			if v, ok := pairValue(pp.Data, tables.GlyphID(left), tables.GlyphID(right)); ok {
				sum += v
				break
			}
		}
	}
	if !pairs {
		for _, st := range full.Kern {
			if k, ok := st.Data.(font.SimpleKerns); ok && st.IsHorizontal() && !st.IsCrossStream() && !st.IsVariation() {
				sum += int(k.KernPair(font.GID(left), font.GID(right)))
			}
		}
	}
	return float64(sum) * 1000 / upem
}
