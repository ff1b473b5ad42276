package pdf_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/pdfua"
	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
)

// TestGlyphSpanInTaggedContent draws a word with fpdf's TextGlyphs inside a
// tagged paragraph, part of it in an ActualText span (as a shaper's
// ligature or reordered cluster is), and checks that the finishing pass
// accepts the span nested in the paragraph's marked content, that the
// file is sound and that Poppler extracts the span's ActualText.
func TestGlyphSpanInTaggedContent(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var glyphs []fpdf.Glyph
	for _, r := range "office" {
		gi, err := sf.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		adv, err := sf.GlyphAdvance(&buf, gi, fixed.I(int(sf.UnitsPerEm())), font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		glyphs = append(glyphs, fpdf.Glyph{ID: int(gi), XAdvance: float64(adv) / 64 * 1000 / float64(sf.UnitsPerEm()), Text: string(r)})
	}
	parsed, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	doc := fpdf.New("P", "pt", "A4", "")
	doc.SetCreationDate(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	doc.SetCompression(false) // to find the span below
	doc.AddUTF8FontParsedGlyphs("G", "", parsed)
	doc.AddPage()
	doc.SetFont("G", "", 20)
	tg := pdfua.NewTagger()
	tg.StartPage(1)
	doc.RawWriteStr(tg.Begin(tg.Add(pdfua.Root, pdfua.P)))
	// The span's glyphs have no text of their own (as a ligature's parts
	// or a reordered cluster's glyphs may not): "ffi" can only come from
	// the ActualText.
	for i := 1; i < 4; i++ {
		glyphs[i].Text = ""
	}
	doc.TextGlyphs(50, 100, glyphs, []fpdf.GlyphSpan{{Start: 1, End: 4, Text: "ffi"}})
	doc.RawWriteStr(tg.End())
	var raw bytes.Buffer
	if err := doc.Output(&raw); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw.Bytes(), []byte("/Span <</ActualText <FEFF006600660069>>> BDC")) {
		t.Fatal("TextGlyphs wrote no ActualText span")
	}
	out, err := pdfua.Finish(raw.Bytes(), tg, pdfua.Metadata{Title: "Span", Lang: "en-GB", Created: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("Finish refuses an ActualText span inside tagged content: %v", err)
	}
	if got := strings.Join(pdftest.Words(pdftest.Text(t, out).Raw), " "); got != "office" {
		t.Errorf("pdftotext -raw: %q, want office", got)
	}
	// pdf.js reads the paragraph's marked content, span included, as one
	// piece of the P element (it ignores marked-content ActualText, so
	// the span's glyphs come out as their U+200B).
	leaves := uatest.Pdfjs(t, uatest.WriteTemp(t, out)).Leaves(t)
	if len(leaves) != 1 || leaves[0].Path != "P" || strings.ReplaceAll(leaves[0].Text, "\u200B", "") != "oce" {
		t.Errorf("pdf.js structure: %+v, want one P leaf reading o, ZWSPs, ce", leaves)
	}
}
