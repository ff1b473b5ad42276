// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"os"
	"testing"
)

// TestSubsetLeavesFontBytesAlone subsets a font with glyphs past its last
// long horizontal metric, for whose metrics getMetrics used to build by
// appending to a slice of the caller's font bytes, overwriting them.
func TestSubsetLeavesFontBytesAlone(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		t.Fatal(err)
	}
	// Declare only 100 long metrics (the rest of hmtx is then read as
	// left side bearings), so that most glyphs are past them.
	hhea := utf.SeekTable("hhea")
	data[hhea+34], data[hhea+35] = 0, 100
	original := bytes.Clone(data)
	text := "Hello, world: àéîõü ŵẅ “quotes”"
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("dejavu", "", data)
	pdf.AddPage()
	pdf.SetFont("dejavu", "", 12)
	pdf.Cell(0, 10, text)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, original) {
		t.Error("rendering with AddUTF8FontFromBytes changed the caller's font bytes")
	}
}

// TestProtectedOutputLeavesImageAlone checks that encrypting a document
// encrypts copies of its streams: putstream used to encrypt in place, so
// an image's parsed data came out encrypted after Output.
func TestProtectedOutputLeavesImageAlone(t *testing.T) {
	logo, err := os.ReadFile("image/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	pdf := New("P", "mm", "A4", "")
	pdf.SetProtection(0, "user", "owner")
	pdf.AddPage()
	info := pdf.RegisterImageOptionsReader("logo", ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
	if info == nil {
		t.Fatal(pdf.Error())
	}
	parsed := bytes.Clone(info.data)
	pdf.ImageOptions("logo", 10, 10, 30, 0, false, ImageOptions{ImageType: "PNG"}, 0, "")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(info.data, parsed) {
		t.Error("Output of a protected document changed the image's data")
	}
}
