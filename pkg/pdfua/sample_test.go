package pdfua

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/fpdf"
)

// sampleText is what the sample document says, in reading order, as a
// reader of its structure tree should get it back: every line is the
// text of one leaf element (the marked content of an element joined).
var sampleText = []struct {
	path string // the element's roles from the Document down
	text string
}{
	{"H1", "Publication of learning – a “review” of 2024"},
	{"P", "Costs rose by £5 and €7 — in Aberdâr and Llanfair ŵyr."},
	{"P", "Read"},
	{"P/Link", "the full review"},
	{"P", "on our website."},
	{"L/LI/Lbl", "•"},
	{"L/LI/LBody", "The ‘Never, Ever Shake a Baby’ campaign launched in 2022"},
	{"L/LI/Lbl", "•"},
	{"L/LI/LBody", "District Hubs across the city"},
	{"Figure", ""},
	{"H2", "Note to editors"},
	{"P", longParagraph},
}

// longParagraph runs over the page break of the sample document.
var longParagraph = strings.TrimSpace(strings.Repeat("The review explores the consequences of shaking a baby and the learning for agencies. ", 12))

// sampleMeta is the metadata the sample document is finished with.
var sampleMeta = Metadata{
	Title:    "Publication of learning – a “review”",
	Author:   "Birmingham Safeguarding Children Partnership",
	Subject:  "Partnership statement, 17th December 2024",
	Keywords: []string{"safeguarding", "review"},
	Creator:  "pressroom test",
	Producer: "pressroom test (fpdf)",
	Lang:     "en-GB",
	Created:  time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC),
}

// sampleURI is the sample document's one link.
const sampleURI = "https://lscpbirmingham.org.uk/review?id=2020&x=(1)"

func fontBytes(t testing.TB, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "fonts", file))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// samplePDF draws the sample document with fpdf, tagging it with a new
// Tagger, and returns fpdf's output and the tagger. It draws the way the
// renderer should: markers around whole fpdf calls, header and footer as
// artifacts, a paragraph left open across an automatic page break.
func samplePDF(t testing.TB, compress bool) ([]byte, *Tagger) {
	t.Helper()
	tg := NewTagger()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(sampleMeta.Created)
	pdf.SetModificationDate(sampleMeta.Created)
	pdf.AddUTF8FontFromBytes("body", "", fontBytes(t, "NotoSans-Regular.ttf"))
	pdf.AddUTF8FontFromBytes("body", "B", fontBytes(t, "NotoSans-Bold.ttf"))
	pdf.SetMargins(20, 30, 20)
	pdf.SetAutoPageBreak(true, 25)
	pdf.SetHeaderFunc(func() {
		tg.StartPage(pdf.PageNo())
		pdf.RawWriteStr(tg.BeginArtifact(Header))
		pdf.SetFillColor(0, 60, 120)
		pdf.Rect(0, 0, 210, 15, "F")
		pdf.SetFont("body", "B", 10)
		pdf.SetTextColor(255, 255, 255)
		pdf.SetXY(20, 5)
		pdf.CellFormat(100, 5, "Example Partnership", "", 0, "L", false, 0, "")
		pdf.RawWriteStr(tg.End())
		pdf.SetTextColor(0, 0, 0)
		pdf.SetFont("body", "", 11)
		pdf.SetXY(20, 30)
		pdf.RawWriteStr(tg.Resume())
	})
	pdf.SetFooterFunc(func() {
		pdf.RawWriteStr(tg.EndPage())
		pdf.RawWriteStr(tg.BeginArtifact(Footer))
		pdf.SetFont("body", "", 8)
		pdf.SetXY(20, 280)
		pdf.CellFormat(170, 5, "Page "+strconv.Itoa(pdf.PageNo()), "", 0, "C", false, 0, "")
		pdf.RawWriteStr(tg.End())
	})
	pdf.AddPage()

	leaf := func(e Elem, style string, size float64, text string, ln int) {
		pdf.SetFont("body", style, size)
		pdf.RawWriteStr(tg.Begin(e))
		pdf.CellFormat(pdf.GetStringWidth(text), 7, text, "", ln, "L", false, 0, "")
		pdf.RawWriteStr(tg.End())
	}
	leaf(tg.Add(Root, H1), "B", 16, sampleText[0].text, 1)
	leaf(tg.Add(Root, P), "", 11, sampleText[1].text, 1)

	p := tg.Add(Root, P)
	leaf(p, "", 11, "Read ", 0)
	link := tg.AddLink(p, "the full review on lscpbirmingham.org.uk")
	pdf.SetTextColor(0, 0, 200)
	x, y := pdf.GetXY()
	leaf(link, "", 11, "the full review", 0)
	pdf.LinkString(x, y, pdf.GetStringWidth("the full review"), 7, tg.LinkURI(link, sampleURI))
	pdf.SetTextColor(0, 0, 0)
	leaf(p, "", 11, " on our website.", 1)

	list := tg.Add(Root, L)
	tg.SetListNumbering(list, "Disc")
	for _, item := range []string{sampleText[6].text, sampleText[8].text} {
		li := tg.Add(list, LI)
		pdf.SetX(25)
		leaf(tg.Add(li, Lbl), "", 11, "•", 0)
		pdf.SetX(30)
		leaf(tg.Add(li, LBody), "", 11, item, 1)
	}

	// A logo-like figure and a decorative rule.
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range 16 {
		img.Set(i%4, i/4, color.RGBA{uint8(i * 16), 80, 160, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	pdf.RawWriteStr(tg.Begin(tg.AddFigure(Root, "Example Partnership logo")))
	pdf.ImageOptions("logo", 20, pdf.GetY()+2, 10, 10, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	pdf.RawWriteStr(tg.End())
	pdf.SetY(pdf.GetY() + 14)
	pdf.RawWriteStr(tg.BeginArtifact(Layout))
	pdf.Line(20, pdf.GetY(), 190, pdf.GetY())
	pdf.RawWriteStr(tg.End())

	leaf(tg.Add(Root, H2), "B", 13, "Note to editors", 1)
	// Push the last paragraph near the page's end so that it breaks.
	pdf.SetY(240)
	pdf.SetFont("body", "", 11)
	pdf.RawWriteStr(tg.Begin(tg.Add(Root, P)))
	for _, line := range wrap(pdf, longParagraph, 170) {
		pdf.CellFormat(170, 6, line, "", 1, "L", false, 0, "")
	}
	pdf.RawWriteStr(tg.End())

	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), tg
}

// wrap breaks text into lines no wider than width, keeping the space at
// the end of each line so that text read through the tags stays whole.
func wrap(pdf *fpdf.Fpdf, text string, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && pdf.GetStringWidth(line+word) > width {
			lines = append(lines, line)
			line = ""
		}
		line += word + " "
	}
	return append(lines, strings.TrimSuffix(line, " "))
}

// finishedSample returns the finished sample document.
func finishedSample(t testing.TB, compress bool) []byte {
	t.Helper()
	raw, tg := samplePDF(t, compress)
	out, err := Finish(raw, tg, sampleMeta)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
