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
	cmaps := referencedStreams(t, pdf, streams, "/ToUnicode")
	if len(maps) != len(cmaps) {
		t.Fatalf("%d CIDToGIDMaps for %d ToUnicode CMaps", len(maps), len(cmaps))
	}
	hex4 := regexp.MustCompile(`<([0-9A-F]{4})>`)
	for i, m := range maps {
		if len(m.data)%2 != 0 || len(m.data) >= 2*65536 {
			t.Errorf("CIDToGIDMap %d: %d bytes, want an even number below %d", m.obj, len(m.data), 2*65536)
			continue
		}
		// The highest source code in the font's ToUnicode CMap is the
		// highest code the document shows with the font.
		_, entries, _ := bytes.Cut(cmaps[i].data, []byte("endcodespacerange"))
		last := 0
		for _, h := range hex4.FindAllSubmatch(entries, -1) {
			c, _ := strconv.ParseInt(string(h[1]), 16, 32)
			last = max(last, int(c))
		}
		if len(m.data) != 2*(last+1) {
			t.Errorf("CIDToGIDMap %d: %d bytes for codes up to %#x, want %d", m.obj, len(m.data), last, 2*(last+1))
		}
		if gid := int(m.data[2*'a'])<<8 | int(m.data[2*'a'+1]); gid == 0 {
			t.Errorf("CIDToGIDMap %d maps 'a' to glyph 0", m.obj)
		}
	}
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
