// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/pressroom/internal/fpdf"
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
	checkFonts(t, b)
	if got, want := strings.Fields(pdftotext(t, b, "-raw")), []string{"Hamburg", "Elbe", "Altona"}; strings.Join(got, " ") != strings.Join(want, " ") {
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
}

// hbGlyphs shapes s with HarfBuzz's hb-shape and returns its glyphs,
// each with the text a reader should extract for it: a character whose
// own glyph (the font's cmap) is drawn in its cluster goes to that glyph
// (a mark, so readers can attach it to its letter); the rest of the
// cluster's text goes to its base glyph (the first with an advance, or
// the first); other glyphs get none.
func hbGlyphs(t *testing.T, fontFile, s string) []fpdf.Glyph {
	t.Helper()
	tool := needTool(t, "hb-shape")
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
	var buf sfnt.Buffer
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
	base := map[int]int{} // cluster → index of its base glyph
	for i, g := range hb {
		if j, ok := base[g.Cl]; !ok || (hb[j].Ax == 0 && g.Ax != 0) {
			base[g.Cl] = i
		}
	}
	texts := make([]string, len(hb))
	for cl, b := range base {
		rest := ""
		for _, r := range runes[cl:end(cl)] {
			own := -1
			if gi, err := f.GlyphIndex(&buf, r); err == nil && gi != 0 {
				for i, g := range hb {
					if g.Cl == cl && i != b && g.G == int(gi) && texts[i] == "" {
						own = i
						break
					}
				}
			}
			if own >= 0 {
				texts[own] = string(r)
			} else {
				rest += string(r)
			}
		}
		texts[b] = rest
	}
	var gs []fpdf.Glyph
	for i, g := range hb {
		gs = append(gs, fpdf.Glyph{ID: g.G, XAdvance: float64(g.Ax) * scale, XOffset: float64(g.Dx) * scale, YOffset: float64(g.Dy) * scale, Text: texts[i]})
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

// TestPressroomTextGlyphsParallel draws with one parsed font in glyph mode
// from many documents at once; with -race it checks that drawing and
// subsetting only read the shared font, and every document must come out
// as the serial one.
func TestPressroomTextGlyphsParallel(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	font, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	glyphs := sfntGlyphs(t, data, "Parallel")
	render := func() ([]byte, error) {
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.SetCreationDate(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
		pdf.AddUTF8FontParsedGlyphs("G", "", font)
		pdf.AddPage()
		pdf.SetFont("G", "", 20)
		pdf.TextGlyphs(50, 100, glyphs, []fpdf.GlyphSpan{{Start: 0, End: 3, Text: "Par"}})
		var b bytes.Buffer
		err := pdf.Output(&b)
		return b.Bytes(), err
	}
	want, err := render()
	if err != nil {
		t.Fatal(err)
	}
	const n = 16
	got := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = render()
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || !bytes.Equal(got[i], want) {
			t.Errorf("document %d differs from the serial one (error %v)", i, errs[i])
		}
	}
}
