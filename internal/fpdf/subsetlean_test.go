package fpdf_test

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestPressroomLeanSubsets checks patches 15 and 18: the font subsets of
// a seed-like document have no hinting tables (fpgm, prep, cvt, gasp), no
// glyph instructions, none of the tables a PDF CIDFont does not use
// (cmap, OS/2, post) and only the copyright, PostScript name and licence
// address in their name table, while every glyph the text uses, found as a reader finds it
// (through the font's CIDToGIDMap), has exactly the outline it has in the
// original font. On patch 14 the subsets keep all of these; on patch 17
// they keep cmap, OS/2, post and the font's names.
func TestPressroomLeanSubsets(t *testing.T) {
	a := loadSeedAssets(t)
	pdf := renderSeed(t, a, seedOptions{parsed: parseSeedAssets(t, a), compress: true})
	streams := pdfStreams(t, pdf)
	subsets := referencedStreams(t, pdf, streams, "/FontFile2")
	maps := referencedStreams(t, pdf, streams, "/CIDToGIDMap")
	if len(subsets) != 4 || len(maps) != 4 {
		t.Fatalf("%d font subsets and %d CIDToGIDMaps, want 4 each", len(subsets), len(maps))
	}
	var originals []*sfnt.Font
	for _, data := range a.fonts {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		originals = append(originals, f)
	}
	var buf sfnt.Buffer
	for i, s := range subsets {
		data := s.data
		tables := sfntTables(t, data)
		for _, tag := range []string{"fpgm", "prep", "cvt ", "gasp", "cmap", "OS/2", "post"} {
			if _, ok := tables[tag]; ok {
				t.Errorf("subset %d has a %q table", i, tag)
			}
		}
		if ids := nameIDs(t, tables["name"]); !slices.Equal(ids, []int{0, 6, 14}) {
			t.Errorf("subset %d: name records %v, want the copyright, PostScript name and licence address (0, 6, 14)", i, ids)
		}
		// golang.org/x/image/font/sfnt needs a cmap to open a font; the
		// test gives it an empty one and looks glyphs up by index.
		sub, err := sfnt.Parse(withEmptyCmap(t, data))
		if err != nil {
			t.Fatalf("subset %d: %v", i, err)
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
					t.Errorf("subset %d: glyph %d has %d bytes of instructions", i, g, n)
				}
			}
		}
		cidToGID := maps[i].data
		// The original is the font whose outlines the subset's glyphs
		// have: Regular, Bold and Italic differ in every letter.
		best, bestChecked := -1, 0
		for k, orig := range originals {
			checked, same := 0, true
			for _, r := range "Today we are publishing “good outcome” — 01234 567890 •" {
				if 2*int(r)+1 >= len(cidToGID) {
					continue
				}
				gs := sfnt.GlyphIndex(int(cidToGID[2*r])<<8 | int(cidToGID[2*r+1]))
				if gs == 0 {
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
					t.Errorf("subset %d: %q: %v", i, r, err)
					same = false
					break
				}
				if !slices.Equal(got, want) {
					same = false
					break
				}
				checked++
			}
			if same && checked > bestChecked {
				best, bestChecked = k, checked
			}
		}
		if best < 0 || bestChecked < 10 {
			t.Errorf("subset %d: no original font has the outlines of its glyphs (%d compared)", i, bestChecked)
		}
	}
}

// nameIDs returns the name IDs of a name table's records, in order.
func nameIDs(t *testing.T, name []byte) []int {
	t.Helper()
	if len(name) < 6 {
		t.Fatal("no name table")
	}
	var ids []int
	for i := range int(binary.BigEndian.Uint16(name[2:])) {
		ids = append(ids, int(binary.BigEndian.Uint16(name[6+12*i+6:])))
	}
	return ids
}

// withEmptyCmap returns a copy of the TrueType font with a cmap table
// that maps nothing and a post table without glyph names, which
// golang.org/x/image/font/sfnt needs to open a font.
func withEmptyCmap(t *testing.T, font []byte) []byte {
	t.Helper()
	// cmap version 0, one subtable (Windows, Unicode BMP) at offset 12:
	// format 4 with the one final segment 0xFFFF-0xFFFF.
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12,
		0, 4, 0, 24, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0,
		0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0, 1, 0, 0}
	post := make([]byte, 32)
	post[1] = 3 // version 3.0: no glyph names
	added := map[string][]byte{"cmap": cmap, "post": post}
	n := int(binary.BigEndian.Uint16(font[4:]))
	shift := 16 * len(added)
	var recs [][]byte
	for i := range n {
		rec := slices.Clone(font[12+16*i : 12+16*i+16])
		binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+uint32(shift))
		recs = append(recs, rec)
	}
	out := slices.Clone(font[:12])
	binary.BigEndian.PutUint16(out[4:], uint16(n+len(added)))
	data := slices.Clone(font[12+16*n:])
	for _, tag := range []string{"cmap", "post"} {
		for (12+16*(n+len(added))+len(data))%4 != 0 {
			data = append(data, 0)
		}
		rec := make([]byte, 16)
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[8:], uint32(12+16*(n+len(added))+len(data)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(added[tag])))
		recs = append(recs, rec)
		data = append(data, added[tag]...)
	}
	slices.SortFunc(recs, func(a, b []byte) int { return strings.Compare(string(a[:4]), string(b[:4])) })
	for _, rec := range recs {
		out = append(out, rec...)
	}
	return append(out, data...)
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
