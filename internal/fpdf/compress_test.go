package fpdf_test

import (
	"bytes"
	"compress/zlib"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPressroomCompression checks patch 11: the streams of a seed-like
// document are compressed with klauspost/compress at level 5 (zlib header
// 78 5E), and are together smaller than the standard library's BestSpeed
// (which v0.12.0 used, header 78 01) makes of the same data.
func TestPressroomCompression(t *testing.T) {
	a := loadSeedAssets(t)
	pdf := renderSeed(t, a, seedOptions{parsed: parseSeedAssets(t, a), compress: true})
	var ours, bestSpeed, n int
	for _, s := range pdfStreams(t, pdf) {
		if !strings.Contains(s.dict, "/FlateDecode") {
			continue
		}
		n++
		if s.stored[0] != 0x78 || s.stored[1] != 0x5e {
			t.Errorf("stream <<%s>> starts % x, want 78 5e (zlib, level 2-5)", s.dict, s.stored[:2])
		}
		var buf bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
		zw.Write(s.data)
		zw.Close()
		ours += len(s.stored)
		bestSpeed += buf.Len()
	}
	if n < 8 {
		t.Fatalf("only %d compressed streams", n)
	}
	if ours*100 > bestSpeed*97 {
		t.Errorf("compressed streams take %d bytes, compress/zlib BestSpeed %d: want at least 3 %% less", ours, bestSpeed)
	}
	t.Logf("%d streams: %d bytes, compress/zlib BestSpeed %d", n, ours, bestSpeed)
}

// TestPressroomCIDToGIDMapLength checks patch 13: a UTF-8 font's
// CIDToGIDMap ends at the highest code the document shows with the font,
// where v0.12.0 always wrote all 65,536 codes (128 KiB before
// compression), and still maps every code the text uses to a glyph.
func TestPressroomCIDToGIDMapLength(t *testing.T) {
	a := loadSeedAssets(t)
	pdf := renderSeed(t, a, seedOptions{parsed: parseSeedAssets(t, a), compress: true})
	streams := pdfStreams(t, pdf)
	maps := referencedStreams(t, pdf, streams, "/CIDToGIDMap")
	// Each CIDFont's dictionary: its /W array, then its CIDToGIDMap.
	widths := regexp.MustCompile(`/W \[((?:[^\[\]]|\[[^\[\]]*\])*)\]\s*/CIDToGIDMap`).FindAllSubmatch(pdf, -1)
	if len(maps) != len(widths) {
		t.Fatalf("%d CIDToGIDMaps for %d /W arrays", len(maps), len(widths))
	}
	for i, m := range maps {
		if len(m.data)%2 != 0 || len(m.data) >= 2*65536 {
			t.Errorf("CIDToGIDMap %d: %d bytes, want an even number below %d", m.obj, len(m.data), 2*65536)
			continue
		}
		// The highest code in the font's /W is the highest code the
		// document shows with the font (patch 19): a range "c1 c2 w" or
		// an array "c [w ...]".
		last := highestWidthCode(t, string(widths[i][1]))
		if len(m.data) != 2*(last+1) {
			t.Errorf("CIDToGIDMap %d: %d bytes for codes up to %#x, want %d", m.obj, len(m.data), last, 2*(last+1))
		}
		if gid := int(m.data[2*'a'])<<8 | int(m.data[2*'a'+1]); gid == 0 {
			t.Errorf("CIDToGIDMap %d maps 'a' to glyph 0", m.obj)
		}
	}
}

// highestWidthCode returns the highest code a /W array's content gives a
// width.
func highestWidthCode(t *testing.T, w string) int {
	t.Helper()
	fields := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(w))
	last := -1
	for i := 0; i < len(fields); {
		first, err := strconv.Atoi(fields[i])
		if err != nil {
			t.Fatalf("/W [%s]: %v", w, err)
		}
		if i+1 < len(fields) && fields[i+1] == "[" {
			n := 0
			for i += 2; i < len(fields) && fields[i] != "]"; i++ {
				n++
			}
			last = max(last, first+n-1)
			i++
			continue
		}
		if i+2 >= len(fields) {
			t.Fatalf("/W [%s]: a range without its width", w)
		}
		end, err := strconv.Atoi(fields[i+1])
		if err != nil {
			t.Fatalf("/W [%s]: %v", w, err)
		}
		last = max(last, end)
		i += 3
	}
	return last
}

// TestPressroomToUnicodeCompressed checks patch 14: with compression on
// (the default), the ToUnicode CMaps are compressed like every other
// stream; v0.12.0 wrote them as plain text.
func TestPressroomToUnicodeCompressed(t *testing.T) {
	a := loadSeedAssets(t)
	pdf := renderSeed(t, a, seedOptions{parsed: parseSeedAssets(t, a), compress: true})
	for _, s := range referencedStreams(t, pdf, pdfStreams(t, pdf), "/ToUnicode") {
		if !strings.Contains(s.dict, "/FlateDecode") {
			t.Errorf("ToUnicode %d <<%s>> is not compressed", s.obj, s.dict)
		}
		if !bytes.Contains(s.data, []byte("begincmap")) {
			t.Errorf("ToUnicode %d: no CMap once inflated", s.obj)
		}
	}
}
