package shaping

import "testing"

// Noto Sans kerns the classic pairs closer, and Kern agrees with what
// shaping the pair does to the left glyph's advance (Shape follows
// HarfBuzz, TestShapeMatchesHarfBuzz) for kerned and unkerned pairs, in
// all four styles.
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
			shaped := f.Shape(pair, "en", false)
			alone := f.Shape(pair[:1], "en", false)
			if len(shaped) != 2 || len(alone) != 1 {
				t.Fatalf("%s: %q shaped into %d glyphs", file, pair, len(shaped))
			}
			if want := shaped[0].XAdvance - alone[0].XAdvance; k != want {
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
