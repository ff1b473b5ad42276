package shaping

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// A file that is not a font, or a font cut short or damaged, is an error
// from NewFace, never a crash.
func TestNewFaceRejectsBadFonts(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSansGurmukhi-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":      nil,
		"text":       []byte("this is not a font"),
		"header":     data[:12],
		"half":       data[:len(data)/2],
		"collection": append([]byte("ttcf"), data[4:]...),
	}
	// Table directory offsets pointing past the end of the file.
	damaged := append([]byte(nil), data...)
	for i := 12 + 8; i+4 <= 12+16*20 && i+4 <= len(damaged); i += 16 {
		copy(damaged[i:], []byte{0x7f, 0xff, 0xff, 0x00})
	}
	cases["offsets"] = damaged
	for name, b := range cases {
		if f, err := NewFace(b); err == nil {
			t.Errorf("%s: NewFace accepted it (%v)", name, f)
		} else if !strings.HasPrefix(err.Error(), "the font cannot be read for shaping") {
			t.Errorf("%s: error %q does not say what failed", name, err)
		}
	}
}

// Shape takes any string: empty text gives no glyphs, broken UTF-8 and
// characters the font lacks give glyphs (the .notdef glyph, 0) whose
// clusters are byte offsets at character starts in the text.
func TestShapeOddText(t *testing.T) {
	f := loadFace(t, "NotoSansDevanagari-Regular.ttf")
	if g := f.Shape("", "hi", false); len(g) != 0 {
		t.Errorf("empty text: %v", g)
	}
	text := "नमस्ते \xff\xfe 中 ok"
	got := f.Shape(text, "", false)
	if len(got) == 0 {
		t.Fatal("no glyphs")
	}
	notdef := 0
	for _, g := range got {
		if g.Cluster < 0 || g.Cluster >= len(text) || !utf8.RuneStart(text[g.Cluster]) {
			t.Errorf("cluster %d is not a character start in %q", g.Cluster, text)
		}
		if g.ID == 0 {
			notdef++
		}
	}
	// Two broken bytes (each U+FFFD), 中, o and k are not in the font
	// (hb-shape gives .notdef for 中, o and k; it refuses broken UTF-8).
	if notdef != 5 {
		t.Errorf("%d .notdef glyphs, want 5 (two broken bytes, 中, o, k)", notdef)
	}
	if _, ok := f.GlyphIndex('中'); ok {
		t.Error("GlyphIndex found 中 in Noto Sans Devanagari")
	}
	if g, ok := f.GlyphIndex('क'); !ok || g == 0 {
		t.Error("GlyphIndex did not find क")
	}
}

// damage returns a copy of a bundled font with some bytes changed.
func damage(t *testing.T, file string, changes map[int]byte) []byte {
	t.Helper()
	data, err := os.ReadFile("../../fonts/" + file)
	if err != nil {
		t.Fatal(err)
	}
	data = append([]byte(nil), data...)
	for off, b := range changes {
		if data[off] == b {
			t.Fatalf("%s: byte %d is already %d: the font file changed, find new damage", file, off, b)
		}
		data[off] = b
	}
	return data
}

// Damage go-text would index out of range with while shaping (found by
// changing random bytes of the bundled fonts): a language system naming a
// feature past the feature list, a feature naming a lookup past the
// lookup list. NewFace refuses it and says which table.
func TestNewFaceRejectsDamagedLayout(t *testing.T) {
	for _, c := range []struct {
		file    string
		changes map[int]byte
		want    string
	}{
		{"NotoSansGurmukhi-Regular.ttf", map[int]byte{49681: 245}, `GSUB table is damaged: script "gur2" uses feature 245 of 10`},
		{"NotoSansBengali-Regular.ttf", map[int]byte{189739: 134}, `GSUB table is damaged: script "bng2" uses feature 134 of 18`},
		{"NotoSansGurmukhi-Regular.ttf", map[int]byte{48078: 92, 6679: 181}, `GPOS table is damaged: feature "blwm" uses lookup 23553 of 11`},
	} {
		_, err := NewFace(damage(t, c.file, c.changes))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %v: error %v, want one saying %q", c.file, c.changes, err, c.want)
		}
	}
}

// Damage NewFace cannot see (go-text reads those tables only while
// shaping) is an error from ShapeChecked and nil from Shape, never a
// crash; the face stays usable for the next call.
func TestShapeDamagedLayout(t *testing.T) {
	for _, c := range []struct {
		file    string
		changes map[int]byte
		text    string
		rtl     bool
	}{
		{"NotoSansGurmukhi-Regular.ttf", map[int]byte{50319: 19}, "ਹਰ ਬੱਚੇ ਨੂੰ ਸੁਰੱਖਿਅਤ", false},
		{"NotoSansGurmukhi-Regular.ttf", map[int]byte{199: 39}, "ਹਰ ਬੱਚੇ ਨੂੰ ਸੁਰੱਖਿਅਤ", false},
		{"NotoNaskhArabic-Regular.ttf", map[int]byte{173862: 61}, "يُمكنك الإبلاغ عن مخاوفك", true},
	} {
		f, err := NewFace(damage(t, c.file, c.changes))
		if err != nil {
			t.Errorf("%s %v: NewFace: %v (the damage should show only while shaping)", c.file, c.changes, err)
			continue
		}
		for range 2 {
			g, err := f.ShapeChecked(c.text, "", c.rtl)
			if err == nil || g != nil || !strings.HasPrefix(err.Error(), "the font's layout tables are damaged") {
				t.Errorf("%s %v: ShapeChecked gave %d glyphs, error %v", c.file, c.changes, len(g), err)
			}
			if g := f.Shape(c.text, "", c.rtl); g != nil {
				t.Errorf("%s %v: Shape gave %d glyphs", c.file, c.changes, len(g))
			}
		}
	}
}
