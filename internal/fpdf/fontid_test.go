// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// fontIDFromJSON is how fpdf computed font IDs before they were hashed
// directly; the IDs appear in every content stream, so they must match.
func fontIDFromJSON(fdt fontDefType) string {
	fdt.File = ""
	b, err := json.Marshal(&fdt)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%x", sha1.Sum(b))
}

func TestGenerateFontIDMatchesJSON(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		t.Fatal(err)
	}
	defs := []fontDefType{
		{},
		{Tp: "Core", Name: "Helvetica-Bold", Cw: []int{1, -2, 3}},
		{Tp: "TrueType", Name: `odd "name" <&> é ` + "\u2028\xff", Enc: "cp1252", Diff: "128 /Euro", File: "x.z",
			Size1: 1, Size2: 2, OriginalSize: 3, N: 4, DiffN: 5, Up: -100, Ut: 50,
			Desc: FontDescType{Ascent: 1, Descent: -2, CapHeight: 3, Flags: 32, FontBBox: fontBoxType{-1, -2, 3, 4}, ItalicAngle: -12, StemV: 80, MissingWidth: 600}},
		{Tp: "Type1", Name: "dejavuB", Cw: utf.CharWidths.ints(), Up: -63, Ut: 44,
			Desc: FontDescType{Ascent: int(utf.Ascent), Descent: int(utf.Descent), CapHeight: utf.CapHeight, Flags: utf.Flags, FontBBox: utf.Bbox}},
	}
	for i, d := range defs {
		got, err := generateFontID(d)
		if err != nil {
			t.Fatal(err)
		}
		want := fontIDFromJSON(d)
		if got != want {
			t.Errorf("font %d: ID %s, want %s (the JSON-derived ID)", i, got, want)
		}
		if got, err := generateFontIDWidths(d, appendWidthsJSON(nil, d.Cw)); err != nil || got != want {
			t.Errorf("font %d: ID from preformatted widths %s (%v), want %s", i, got, err, want)
		}
	}
}

// TestUTF8FontID checks patch 21: a UTF-8 font's ID is 16 hexadecimal
// digits (the JSON-derived one of other fonts has 40), the same for the
// same font, and another for another name, style metric or width.
func TestUTF8FontID(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		t.Fatal(err)
	}
	base := fontDefType{Tp: "UTF8", Name: "dejavuB", utf8Cw: utf.CharWidths, Up: -63, Ut: 44,
		Desc: FontDescType{Ascent: int(utf.Ascent), Descent: int(utf.Descent), CapHeight: utf.CapHeight, Flags: utf.Flags, FontBBox: utf.Bbox}}
	id, err := generateFontID(base)
	if err != nil {
		t.Fatal(err)
	}
	if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Fatalf("UTF-8 font ID %q; want 16 hexadecimal digits", id)
	}
	if again, _ := generateFontID(base); again != id {
		t.Errorf("the same font got IDs %s and %s", id, again)
	}
	// Patch 26: the pages give the ID the 65,536-entry table gave, and
	// a page of zeros the ID of no page.
	flat := base
	flat.utf8Cw, flat.Cw = nil, utf.CharWidths.ints()
	if got, _ := generateFontID(flat); got != id {
		t.Errorf("ID from the width pages %s, from the same widths in one table %s", id, got)
	}
	zeroPage := base
	zeroPage.utf8Cw = utf.CharWidths.clone()
	zeroPage.utf8Cw.pages[0xAB] = new([256]int32)
	if utf.CharWidths.pages[0xAB] != nil {
		t.Fatal("DejaVu Sans has characters U+AB00-U+ABFF; choose an empty page")
	}
	if got, _ := generateFontID(zeroPage); got != id {
		t.Errorf("ID with a page of zero widths %s, without %s", got, id)
	}
	widths := utf.CharWidths.clone()
	widths.set('a', widths.get('a')+1)
	for name, d := range map[string]fontDefType{
		"name":   {Tp: "UTF8", Name: "dejavuI", utf8Cw: base.utf8Cw, Up: base.Up, Ut: base.Ut, Desc: base.Desc},
		"width":  {Tp: "UTF8", Name: base.Name, utf8Cw: widths, Up: base.Up, Ut: base.Ut, Desc: base.Desc},
		"metric": {Tp: "UTF8", Name: base.Name, utf8Cw: base.utf8Cw, Up: base.Up + 1, Ut: base.Ut, Desc: base.Desc},
	} {
		if other, _ := generateFontID(d); other == id {
			t.Errorf("another %s, the same ID %s", name, id)
		}
	}
}

func BenchmarkGenerateFontIDUTF8(b *testing.B) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		b.Fatal(err)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		b.Fatal(err)
	}
	def := fontDefType{Tp: "UTF8", Name: "dejavu", utf8Cw: utf.CharWidths}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generateFontID(def); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenerateFontIDJSON(b *testing.B) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		b.Fatal(err)
	}
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		b.Fatal(err)
	}
	def := fontDefType{Tp: "UTF8", Name: "dejavu", Cw: utf.CharWidths.ints()}
	b.ReportAllocs()
	for b.Loop() {
		fontIDFromJSON(def)
	}
}

// TestParsedFontIDCached checks patch 12: a parsed font's ID is hashed
// once per family and style, not once per document, and is the ID the
// stock API gives. The test spoils the font's widths after the
// first document: a second document that hashed again would get another
// ID. ParseUTF8Font no longer hashes anything: the ID is made when a font
// is first added.
func TestParsedFontIDCached(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	font, err := ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	stock := New("P", "mm", "A4", "")
	stock.AddUTF8FontFromBytes("dejavu", "", data)
	want := stock.fonts["dejavu"].i

	id := func(family, style string) string {
		pdf := New("P", "mm", "A4", "")
		pdf.AddUTF8FontParsed(family, style, font)
		if err := pdf.Error(); err != nil {
			t.Fatal(err)
		}
		return pdf.fonts[getFontKey(family, style)].i
	}
	if got := id("dejavu", ""); got != want {
		t.Fatalf("parsed font ID %s, stock API %s", got, want)
	}
	spoiled := *font.file
	spoiled.CharWidths = &runeTable{}
	font.file = &spoiled
	if got := id("dejavu", ""); got != want {
		t.Errorf("second document: font ID %s, want the cached %s", got, want)
	}
	if id("dejavu", "B") == want {
		t.Error("another style got the same font ID")
	}
}

// BenchmarkAddUTF8FontParsed is what adding a parsed font costs a
// document (with the ID cached, a map look-up).
func BenchmarkAddUTF8FontParsed(b *testing.B) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		b.Fatal(err)
	}
	font, err := ParseUTF8Font(data)
	if err != nil {
		b.Fatal(err)
	}
	pdf := New("P", "mm", "A4", "")
	b.ReportAllocs()
	for b.Loop() {
		delete(pdf.fonts, "dejavu")
		pdf.AddUTF8FontParsed("dejavu", "", font)
	}
}

// BenchmarkParseUTF8Font is the cost of parsing a font once per process.
func BenchmarkParseUTF8Font(b *testing.B) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseUTF8Font(data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseUTF8FontAllocates checks patches 22, 25 and 26: parsing a
// font sized its character maps from the glyph count instead of growing
// them (2.40 MB for DejaVu Sans Condensed on patch 21, 1.93 MB after),
// reads cmap, hmtx and loca without building maps or unpacking them
// (0.64 MB, of which 0.5 MB was the width table), and keeps the widths
// in pages (0.16 MB). Bytes allocated are counted, not time.
func TestParseUTF8FontAllocates(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := ParseUTF8Font(data); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 250_000 {
		t.Errorf("ParseUTF8Font allocated %d bytes; want at most 250,000", got)
	}
}
