// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every embedded subset's cmap has a format 4 subtable whose length field
// is its length in bytes, and whose arrays fit in it (the length added a
// glyph count where a byte count belongs, so PDF/A validators and
// fontTools refused the subsets).
func TestPressroomSubsetCmapLength(t *testing.T) {
	for _, name := range []string{"NotoSans-Regular.ttf", "NotoSans-Italic.ttf", "NotoSansMath-Regular.ttf"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "fonts", name))
		if err != nil {
			t.Skipf("pressroom's fonts are not here: %v", err)
		}
		font, err := ParseUTF8Font(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{"a", "Héllo, wörld — “quoted” 2024 €", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"} {
			runes := map[int]int{}
			for _, r := range text {
				runes[int(r)] = int(r)
			}
			sub := font.file.subsetter().GenerateCutFont(runes)
			checkCmap(t, name+" "+text, sub)
		}
	}
}

func checkCmap(t *testing.T, what string, font []byte) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := font[12+16*i:]
		if string(rec[:4]) != "cmap" {
			continue
		}
		off, size := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		cmap := font[off : off+size]
		sub := int(binary.BigEndian.Uint32(cmap[8:]))
		st := cmap[sub:]
		if format := binary.BigEndian.Uint16(st); format != 4 {
			t.Fatalf("%s: cmap subtable format %d", what, format)
		}
		length := int(binary.BigEndian.Uint16(st[2:]))
		segX2 := int(binary.BigEndian.Uint16(st[6:]))
		// header, four arrays of segCount entries and the reserved pad
		if min := 14 + 4*segX2 + 2; length < min {
			t.Errorf("%s: format 4 length %d is shorter than its arrays (%d)", what, length, min)
		}
		if length != size-sub {
			t.Errorf("%s: format 4 length is %d bytes; the subtable is %d", what, length, size-sub)
		}
		return
	}
	t.Fatalf("%s: no cmap table", what)
}

// The outline root has a /Count (all items are open), and an item with
// children counts them.
func TestPressroomOutlineCount(t *testing.T) {
	pdf := New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 12)
	pdf.AddPage()
	pdf.Bookmark("One", 0, 0)
	pdf.Bookmark("One.a", 1, 10)
	pdf.Bookmark("One.b", 1, 20)
	pdf.Bookmark("Two", 0, 30)
	var buf bytes.Buffer
	pdf.SetCompression(false)
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	root := regexp.MustCompile(`<</Type /Outlines /First \d+ 0 R\n/Last \d+ 0 R\n/Count (\d+)>>`).FindStringSubmatch(out)
	if root == nil || root[1] != "4" {
		t.Errorf("outline root: got %q; want /Count 4 in:\n%s", root, out[strings.Index(out, "/Type /Outlines")-20:][:120])
	}
	if got := strings.Count(out, "/Count 2>>"); got != 1 {
		t.Errorf("%d items count 2 descendants; want 1 (One)", got)
	}
}
