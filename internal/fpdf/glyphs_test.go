// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/internal/pdftest"
)

// sfntGlyphs returns the glyphs of s in font data the way a shaper without
// features would (one glyph per rune, the font's own advance), read with
// golang.org/x/image/font/sfnt rather than with fpdf's parser.
func sfntGlyphs(t *testing.T, data []byte, s string) []fpdf.Glyph {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	var gs []fpdf.Glyph
	for _, r := range s {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			t.Fatalf("no glyph for %q: %v", r, err)
		}
		adv, err := f.GlyphAdvance(&buf, gi, fixed.I(int(upem)), font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		gs = append(gs, fpdf.Glyph{ID: int(gi), XAdvance: float64(adv) / 64 * 1000 / float64(upem), Text: string(r)})
	}
	return gs
}

func glyphDoc(t *testing.T, data []byte) *fpdf.Fpdf {
	t.Helper()
	font, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontParsedGlyphs("G", "", font)
	pdf.AddPage()
	pdf.SetFont("G", "", 20)
	return pdf
}

func output(t *testing.T, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// wordBoxes returns the words pdftotext -bbox finds, with their left and
// right edges in points.
func wordBoxes(t *testing.T, pdf []byte) map[string][2]float64 {
	t.Helper()
	tool := pdftest.NeedTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-bbox", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	words := map[string][2]float64{}
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		words[m[3]] = [2]float64{lo, hi}
	}
	return words
}

func qpdfCheck(t *testing.T, pdf []byte) {
	t.Helper()
	tool := pdftest.NeedTool(t, "qpdf")
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tool, "--check", f).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// TestPressroomTextGlyphsLatin draws a word by glyph ID from Noto Sans three
// ways (the font's advances, 100/1000 em of tracking, one glyph raised and
// moved) and checks what readers see: the text, the width of each word
// (so the TJ numbers turned the font's widths into the advances asked
// for), a valid PDF and a valid embedded subset.
func TestPressroomTextGlyphsLatin(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	pdf := glyphDoc(t, data)
	plain := sfntGlyphs(t, data, "Hamburg")
	pdf.TextGlyphs(50, 100, plain, nil)

	tracked := sfntGlyphs(t, data, "Elbe")
	for i := range tracked {
		tracked[i].XAdvance += 100
	}
	pdf.TextGlyphs(50, 150, tracked, nil)

	moved := sfntGlyphs(t, data, "Altona")
	moved[2].YOffset, moved[2].XOffset = 300, 50
	pdf.TextGlyphs(50, 200, moved, nil)
	b := output(t, pdf)

	qpdfCheck(t, b)
	pdftest.CheckFonts(t, b)
	text := pdftest.Text(t, b)
	if got, want := pdftest.Words(text.Raw), []string{"Hamburg", "Elbe", "Altona"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("pdftotext -raw: %q, want %q", got, want)
	}
	boxes := wordBoxes(t, b)
	for _, c := range []struct {
		word   string
		glyphs []fpdf.Glyph
	}{{"Hamburg", plain}, {"Elbe", tracked}} {
		sum := 0.0
		for _, g := range c.glyphs {
			sum += g.XAdvance
		}
		// Poppler's box ends after the last glyph's own width, not
		// after its advance: take the tracking off the last glyph.
		if c.word == "Elbe" {
			sum -= 100
		}
		want := sum * 20 / 1000
		box, ok := boxes[c.word]
		if !ok {
			t.Errorf("pdftotext -bbox: no word %q in %v", c.word, boxes)
			continue
		}
		if got := box[1] - box[0]; got < want-0.1 || got > want+0.1 || box[0] < 49.9 || box[0] > 50.1 {
			t.Errorf("%s drawn from %.2f to %.2f (width %.2f), want from 50 width %.2f", c.word, box[0], box[1], got, want)
		}
	}
	if err := os.MkdirAll("/tmp/fpdfglyph", 0o755); err == nil {
		_ = os.WriteFile("/tmp/fpdfglyph/latin.pdf", b, 0o644)
	}
}

// hbGlyphs shapes s with HarfBuzz's hb-shape and returns its glyphs, each
// cluster's text on the first glyph of the cluster.
func hbGlyphs(t *testing.T, fontFile, s string) []fpdf.Glyph {
	t.Helper()
	tool := pdftest.NeedTool(t, "hb-shape")
	out, err := exec.Command(tool, "--no-glyph-names", "--output-format=json", fontFile, s).Output()
	if err != nil {
		t.Fatalf("hb-shape: %v", err)
	}
	var hb []struct{ G, Cl, Dx, Dy, Ax int }
	if err := json.Unmarshal(out, &hb); err != nil {
		t.Fatalf("hb-shape output %s: %v", out, err)
	}
	data, err := os.ReadFile(fontFile)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	scale := 1000 / float64(f.UnitsPerEm())
	runes := []rune(s)
	// A cluster's text runs to the next cluster's start in logical order.
	end := func(cl int) int {
		next := len(runes)
		for _, g := range hb {
			if g.Cl > cl && g.Cl < next {
				next = g.Cl
			}
		}
		return next
	}
	seen := map[int]bool{}
	var gs []fpdf.Glyph
	for _, g := range hb {
		text := ""
		if !seen[g.Cl] {
			seen[g.Cl] = true
			text = string(runes[g.Cl:end(g.Cl)])
		}
		gs = append(gs, fpdf.Glyph{ID: g.G, XAdvance: float64(g.Ax) * scale, XOffset: float64(g.Dx) * scale, YOffset: float64(g.Dy) * scale, Text: text})
	}
	return gs
}

// TestPressroomTextGlyphsErrors checks that what TextGlyphs cannot draw is
// an error of the document, never a panic or a wrong page.
func TestPressroomTextGlyphsErrors(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	g := []fpdf.Glyph{{ID: 43, XAdvance: 600, Text: "H"}, {ID: 68, XAdvance: 500, Text: "a"}}
	for _, c := range []struct {
		name string
		draw func(pdf *fpdf.Fpdf)
		want string
	}{
		{"character font", func(pdf *fpdf.Fpdf) {
			pdf.SetFont("Helvetica", "", 10)
			pdf.TextGlyphs(10, 10, g, nil)
		}, "not a glyph-mode font"},
		{"glyph ID too large", func(pdf *fpdf.Fpdf) {
			pdf.TextGlyphs(10, 10, []fpdf.Glyph{{ID: 1 << 16}}, nil)
		}, "has ID 65536"},
		{"negative glyph ID", func(pdf *fpdf.Fpdf) {
			pdf.TextGlyphs(10, 10, []fpdf.Glyph{{ID: -1}}, nil)
		}, "has ID -1"},
		{"span past the end", func(pdf *fpdf.Fpdf) {
			pdf.TextGlyphs(10, 10, g, []fpdf.GlyphSpan{{Start: 1, End: 3}})
		}, "span 0 covers glyphs [1,3)"},
		{"overlapping spans", func(pdf *fpdf.Fpdf) {
			pdf.TextGlyphs(10, 10, g, []fpdf.GlyphSpan{{Start: 0, End: 2}, {Start: 1, End: 2}})
		}, "span 1 covers"},
		{"Text with a glyph font", func(pdf *fpdf.Fpdf) {
			pdf.Text(10, 10, "Ha")
		}, "use TextGlyphs"},
		{"Cell with a glyph font", func(pdf *fpdf.Fpdf) {
			pdf.Cell(10, 10, "Ha")
		}, "use TextGlyphs"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pdf := glyphDoc(t, data)
			c.draw(pdf)
			var b bytes.Buffer
			err := pdf.Output(&b)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}
