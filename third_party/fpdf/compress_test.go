package fpdf_test

import (
	"bytes"
	"compress/zlib"
	"strings"
	"testing"
)

// TestPressroomCompression checks patch 11: the streams of a seed-like
// document are compressed with klauspost/compress at level 5 (zlib header
// 78 5E), and are together smaller than the standard library's BestSpeed
// (which v0.12.0 used, header 78 01) makes of the same data.
func TestPressroomCompression(t *testing.T) {
	a := loadSeedAssets(t)
	pdf := renderSeed(t, a, seedOptions{parsed: parseSeedAssets(t, a)})
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
