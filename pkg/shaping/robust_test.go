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
