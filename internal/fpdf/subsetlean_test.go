package fpdf_test

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestPressroomLeanSubsets checks patch 15: the font subsets of a
// seed-like document have no hinting tables (fpgm, prep, cvt, gasp), no
// glyph instructions and only the kept name records, while every glyph
// the text uses has exactly the outline it has in the original font. On
// patch 14 the subsets keep all of these.
func TestPressroomLeanSubsets(t *testing.T) {
	a := loadSeedAssets(t)
	pdf := renderSeed(t, a, seedOptions{parsed: parseSeedAssets(t, a), compress: true})
	var subsets [][]byte
	for _, s := range pdfStreams(t, pdf) {
		if strings.Contains(s.dict, "/Length1") {
			subsets = append(subsets, s.data)
		}
	}
	if len(subsets) != 4 {
		t.Fatalf("%d font subsets, want 4", len(subsets))
	}
	originals := map[string]*sfnt.Font{}
	for _, data := range a.fonts {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		originals[postScriptName(t, f)] = f
	}
	var buf sfnt.Buffer
	for i, data := range subsets {
		tables := sfntTables(t, data)
		for _, tag := range []string{"fpgm", "prep", "cvt ", "gasp"} {
			if _, ok := tables[tag]; ok {
				t.Errorf("subset %d has a %q table", i, tag)
			}
		}
		sub, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("subset %d: %v", i, err)
		}
		name := postScriptName(t, sub)
		orig := originals[name]
		if orig == nil {
			t.Fatalf("subset %d is named %q, which is none of the fonts", i, name)
		}
		if _, err := sub.Name(&buf, sfnt.NameIDLicense); err == nil {
			t.Errorf("subset %d (%s) still has the licence text (name ID 13)", i, name)
		}
		for _, id := range []sfnt.NameID{sfnt.NameIDCopyright, sfnt.NameIDFamily, sfnt.NameIDLicenseURL} {
			if _, err := sub.Name(&buf, id); err != nil {
				t.Errorf("subset %d (%s): name ID %d: %v", i, name, id, err)
			}
		}
		glyf := tables["glyf"]
		loca := tables["loca"]
		longLoca := binary.BigEndian.Uint16(tables["head"][50:]) == 1
		offset := func(g int) int {
			if longLoca {
				return int(binary.BigEndian.Uint32(loca[4*g:]))
			}
			return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
		}
		for g := 0; g < sub.NumGlyphs(); g++ {
			start, end := offset(g), offset(g+1)
			if end-start < 12 {
				continue
			}
			glyph := glyf[start:end]
			if contours := int16(binary.BigEndian.Uint16(glyph)); contours >= 0 {
				if n := binary.BigEndian.Uint16(glyph[10+2*int(contours):]); n != 0 {
					t.Errorf("subset %d (%s): glyph %d has %d bytes of instructions", i, name, g, n)
				}
			}
		}
		checked := 0
		for _, r := range "Today we are publishing “good outcome” — 01234 567890 •" {
			gs, err := sub.GlyphIndex(&buf, r)
			if err != nil || gs == 0 {
				continue // not in this subset
			}
			gs2, _ := orig.GlyphIndex(&buf, r)
			want, err := orig.LoadGlyph(&buf, gs2, fixed.I(1000), nil)
			if err != nil {
				t.Fatal(err)
			}
			want = slices.Clone(want)
			got, err := sub.LoadGlyph(&buf, gs, fixed.I(1000), nil)
			if err != nil {
				t.Errorf("subset %d (%s): %q: %v", i, name, r, err)
				continue
			}
			if !slices.Equal(got, want) {
				t.Errorf("subset %d (%s): %q has another outline than in the font", i, name, r)
			}
			checked++
		}
		if checked < 10 {
			t.Errorf("subset %d (%s): only %d glyphs compared", i, name, checked)
		}
	}
}

func postScriptName(t *testing.T, f *sfnt.Font) string {
	t.Helper()
	name, err := f.Name(nil, sfnt.NameIDPostScript)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// sfntTables returns a TrueType font's tables by tag.
func sfntTables(t *testing.T, font []byte) map[string][]byte {
	t.Helper()
	n := int(binary.BigEndian.Uint16(font[4:]))
	tables := map[string][]byte{}
	for i := range n {
		rec := font[12+16*i:]
		off := int(binary.BigEndian.Uint32(rec[8:]))
		length := int(binary.BigEndian.Uint32(rec[12:]))
		tables[string(rec[:4])] = font[off : off+length]
	}
	return tables
}
