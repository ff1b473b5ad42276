package pdfua

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
)

// TestActualText: a Span made by AddActualText and drawn after
// BeginActualText is read as its ActualText, not as its glyphs, by
// Poppler (pdftotext, from the marked content) and by pdf.js (its
// structure tree, from the element), and the file passes Finish and
// qpdf. The glyphs drawn ("sguoh") are the word turned round, as a
// reordering script's glyphs stand in another order than their text.
func TestActualText(t *testing.T) {
	tg := NewTagger()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.AddUTF8FontFromBytes("body", "", fontBytes(t, "NotoSans-Regular.ttf"))
	pdf.AddPage()
	tg.StartPage(1)
	pdf.SetFont("body", "", 11)
	p := tg.Add(Root, P)
	pdf.RawWriteStr(tg.Begin(p))
	pdf.Text(20, 20, "Vaccines for ")
	pdf.RawWriteStr(tg.End())
	pdf.RawWriteStr(tg.BeginActualText(tg.AddActualText(p, "hougs")))
	pdf.Text(20+pdf.GetStringWidth("Vaccines for "), 20, "sguoh")
	pdf.RawWriteStr(tg.End())
	var raw bytes.Buffer
	if err := pdf.Output(&raw); err != nil {
		t.Fatal(err)
	}
	out, err := Finish(raw.Bytes(), tg, sampleMeta)
	if err != nil {
		t.Fatal(err)
	}
	path := uatest.WriteTemp(t, out)
	uatest.Run(t, "qpdf", "--check", path)
	if got := uatest.Squash(uatest.Run(t, "pdftotext", path, "-")); got != "Vaccines for hougs" {
		t.Errorf("pdftotext: got %q, want the ActualText %q", got, "Vaccines for hougs")
	}
	span := uatest.Pdfjs(t, path).Find("Span")
	if span == nil || span.Alt != "hougs" {
		t.Errorf("pdf.js: the Span's ActualText is %+v, want hougs", span)
	}
}

// TestActualTextEmpty: an empty ActualText is a misuse Finish reports.
func TestActualTextEmpty(t *testing.T) {
	err := drawBad(t, sampleMeta, func(pdf *fpdf.Fpdf, tg *Tagger) {
		p := tg.Add(Root, P)
		pdf.RawWriteStr(tg.BeginActualText(tg.AddActualText(p, "")))
		pdf.Text(20, 20, "x")
		pdf.RawWriteStr(tg.End())
	})
	if err == nil || !strings.Contains(err.Error(), "actual text") {
		t.Errorf("got %v, want an error about the empty actual text", err)
	}
}
