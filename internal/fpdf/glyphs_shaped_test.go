// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"
)

// notoFont returns the path of a font of Debian's fonts-noto-core: the
// copy pressroom bundles (../../fonts) when the fork is tested inside
// pressroom, else the system's, skipping the test when neither is there
// (failing it under CI).
func notoFont(t *testing.T, name string) string {
	t.Helper()
	needTool(t, "hb-shape")
	if bundled := "../../fonts/" + name; fileExists(bundled) {
		return bundled
	}
	path := "/usr/share/fonts/truetype/noto/" + name
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (on Debian: apt-get install fonts-noto-core)", path)
		}
		t.Skipf("%s is not installed; skipping (on Debian: apt-get install fonts-noto-core)", path)
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// withoutZWSP drops the zero-width spaces glyphs without text of their own
// extract as.
func withoutZWSP(s string) string { return strings.ReplaceAll(s, "\u200B", "") }

// TestPressroomTextGlyphsArabic draws Arabic words as HarfBuzz shapes them
// with Noto Naskh Arabic (joined forms, lam-alef, the Allah ligature) and
// checks the file, the embedded subset and the text Poppler extracts from
// the ToUnicode CMap alone. The pages were looked at (pdftoppm): joined
// as hb-view draws them.
func TestPressroomTextGlyphsArabic(t *testing.T) {
	ff := notoFont(t, "NotoNaskhArabic-Regular.ttf")
	data, err := os.ReadFile(ff)
	if err != nil {
		t.Fatal(err)
	}
	pdf := glyphDoc(t, data)
	// "Public safety", "Hello", "In the name of God".
	lines := []string{"السلامة العامة", "مرحبا بكم", "بسم الله"}
	for i, s := range lines {
		pdf.TextGlyphs(50, float64(100+40*i), hbGlyphs(t, ff, s), nil)
	}
	// With harakat, placed by mark positioning: x and y offsets.
	const marked = "بِسْمِ اللَّهِ"
	pdf.TextGlyphs(50, 250, hbGlyphs(t, ff, marked), nil)
	b := output(t, pdf)
	qpdfCheck(t, b)
	checkFonts(t, b)
	got := strings.Split(strings.TrimSpace(withoutZWSP(pdftotext(t, b, "-layout"))), "\n")
	var lineText []string
	for _, l := range got {
		// Poppler wraps right-to-left lines in directional marks.
		if l = strings.Trim(strings.TrimSpace(l), "\u202B\u202C"); l != "" {
			lineText = append(lineText, l)
		}
	}
	if len(lineText) < len(lines) {
		t.Fatalf("pdftotext -layout: %q", lineText)
	}
	for i, want := range lines[:2] {
		if lineText[i] != want {
			t.Errorf("line %d: pdftotext gives %q, want %q", i+1, lineText[i], want)
		}
	}
	// The Allah ligature is one glyph for three letters; Poppler reverses
	// a multi-letter glyph's text in right-to-left lines (as it does for
	// Typst's PDFs), which only an ActualText the reader honours in
	// logical order could mend. What is checked here is that the glyph
	// carries all three letters.
	if !strings.Contains(lineText[2], "بسم") || !strings.Contains(lineText[2], "هلل") {
		t.Errorf("line 3: pdftotext gives %q", lineText[2])
	}
	// The harakat are raised and lowered with Ts, and Poppler splits a
	// line where the baseline moves, so the vocalised line comes out in
	// pieces (spans or a structure element's ActualText must carry it).
	// The letters and marks that have glyphs of their own are all there;
	// the Allah ligature keeps the text it was first drawn with (line 3,
	// without shadda and fatha): one glyph, one ToUnicode entry.
	rest := strings.Join(lineText[3:], "")
	for _, r := range "بسمِْ" {
		if !strings.ContainsRune(rest, r) {
			t.Errorf("%q: %q missing from pdftotext's %q", marked, r, rest)
		}
	}
}

// TestPressroomTextGlyphsBengali draws Bengali words, whose vowel signs are
// drawn before or around the consonant they follow, each word inside an
// ActualText span, and checks that Poppler extracts the words in reading
// order; a word drawn without a span comes out in drawing order.
func TestPressroomTextGlyphsBengali(t *testing.T) {
	ff := notoFont(t, "NotoSansBengali-Regular.ttf")
	data, err := os.ReadFile(ff)
	if err != nil {
		t.Fatal(err)
	}
	pdf := glyphDoc(t, data)
	// "public health", "adolescent", "day"
	words := []string{"জনস্বাস্থ্য", "কিশোর", "দিন"}
	var glyphs []fpdf.Glyph
	var spans []fpdf.GlyphSpan
	for i, w := range words {
		if i > 0 {
			glyphs = append(glyphs, hbGlyphs(t, ff, " ")...)
		}
		g := hbGlyphs(t, ff, w)
		spans = append(spans, fpdf.GlyphSpan{Start: len(glyphs), End: len(glyphs) + len(g), Text: w})
		glyphs = append(glyphs, g...)
	}
	pdf.TextGlyphs(50, 100, glyphs, spans)
	pdf.TextGlyphs(50, 150, hbGlyphs(t, ff, words[2]), nil)
	b := output(t, pdf)
	qpdfCheck(t, b)
	checkFonts(t, b)
	got := strings.Fields(pdftotext(t, b, "-layout"))
	if len(got) != 4 || strings.Join(got[:3], " ") != strings.Join(words, " ") {
		t.Fatalf("pdftotext -layout: %q, want %q first", got, words)
	}
	// Without a span, দিন reads িদন: ToUnicode gives the glyphs in
	// drawing order, and the vowel sign ি is drawn before its consonant.
	if w := withoutZWSP(got[3]); w != "িদন" {
		t.Errorf("দিন without a span extracts as %q, want িদন (drawing order)", w)
	}
}
