// Tests and benchmarks added by pressroom's patch set (see PATCHES.md). They
// render a document shaped like pressroom's seed press statement: two A4
// pages, Noto Sans in four styles, a PNG logo with transparency, links and
// many paragraphs. The fonts come from pressroom's fonts/ folder; the tests
// skip when it is absent (as in a checkout of this folder on its own).

package fpdf_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// seedFonts are the four styles the seed statement uses, keyed by fpdf style.
var seedFontFiles = map[string]string{
	"":   "NotoSans-Regular.ttf",
	"B":  "NotoSans-Bold.ttf",
	"I":  "NotoSans-Italic.ttf",
	"BI": "NotoSans-BoldItalic.ttf",
}

// seedAssets holds the raw inputs of a seed-like render.
type seedAssets struct {
	fonts map[string][]byte
	logo  []byte
}

func loadSeedAssets(tb testing.TB) seedAssets {
	tb.Helper()
	dir := filepath.Join("..", "..", "fonts")
	a := seedAssets{fonts: map[string][]byte{}}
	for style, name := range seedFontFiles {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			tb.Skipf("pressroom's Noto Sans fonts are not here (%v): run inside the pressroom tree", err)
		}
		a.fonts[style] = data
	}
	a.logo = makeLogo(tb)
	return a
}

// makeLogo draws a 480×160 RGBA logo with a soft edge, so that the PNG
// path with an alpha channel (an SMask) is exercised like a real logo.
func makeLogo(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 480, 160))
	for y := range 160 {
		for x := range 480 {
			a := uint8(255)
			if x < 16 || x >= 464 {
				a = uint8(min(x, 479-x) * 16)
			}
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(x / 2), G: uint8(40 + y), B: uint8((x + y) % 256), A: a})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// seedParagraphs is text in the register of a UK public body's statement,
// with the typographic characters such statements use.
var seedParagraphs = []string{
	"Today we are publishing a Local Child Safeguarding Practice Review that identifies the learning for safeguarding partners in relation to a one-month-old baby who sustained non-accidental injuries whilst in his parents’ care.",
	"The baby has made a good recovery, and they have remained in a safe and appropriate home since their injuries came to light — a “good outcome” in the words of the reviewer.",
	"This independent review explores the devastating consequences of shaking a baby, identifying significant learning for agencies working with and supporting vulnerable families. The review highlighted the importance of fully understanding the parents’ needs and capacity to care for a newborn baby.",
	"The Covid-19 pandemic and lengthy criminal proceedings have delayed completion of the review. However, in the intervening period agencies have embedded the emerging learning to improve services and enhance safeguarding practice; the programme cost £120,000 (about €140,000) over 2022–2026.",
	"Developments to the Safeguarding Partnership system include the ‘Never, Ever Shake a Baby’ campaign launched in 2022, a childhood neglect strategy, and the ICON programme targeted at parents and carers (see the links below).",
	"Cyngor Gwynedd and partners in Wales (Ŵyl, ẅ) will take part in the shared learning events; Welsh-language materials are available on request.",
}

// seedOptions selects which API a seed render uses.
type seedOptions struct{}

// renderSeed renders the seed-like document and returns the PDF bytes.
func renderSeed(tb testing.TB, a seedAssets, opts seedOptions) []byte {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	date := time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetProducer("pressroom test", false)
	pdf.SetTitle("Publication of learning from a Local Child Safeguarding Practice Review", true)
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 25)
	addSeedFonts(pdf, a, opts)
	addSeedLogo(pdf, a, opts)
	if err := pdf.Error(); err != nil {
		tb.Fatal(err)
	}
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-18)
		pdf.SetFont("noto", "", 8)
		pdf.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.ImageOptions("logo", 20, 12, 45, 0, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "https://example.gov.uk/")
	pdf.SetY(35)
	pdf.SetFont("noto", "B", 10)
	pdf.CellFormat(0, 6, "PARTNERSHIP STATEMENT", "", 1, "L", false, 0, "")
	pdf.SetFont("noto", "B", 16)
	pdf.MultiCell(0, 7, "Publication of learning from a Local Child Safeguarding Practice Review", "", "L", false)
	pdf.SetFont("noto", "I", 10)
	pdf.CellFormat(0, 8, "Date: 17th December 2024", "", 1, "L", false, 0, "")
	for round := range 3 {
		for i, p := range seedParagraphs {
			pdf.SetFont("noto", "", 10.5)
			if i == 4 {
				pdf.Write(5.5, "Read more: ")
				pdf.SetFont("noto", "I", 10.5)
				pdf.WriteLinkString(5.5, "Working Together to Build Strong Family Foundations", "https://example.gov.uk/strategy")
				pdf.SetFont("noto", "", 10.5)
				pdf.Write(5.5, ". ")
			}
			if round == 1 && i == 2 {
				pdf.SetFont("noto", "BI", 10.5)
			}
			pdf.Write(5.5, p)
			pdf.Ln(8)
		}
	}
	pdf.SetFont("noto", "B", 11)
	pdf.CellFormat(0, 7, "Notes to editors", "", 1, "L", false, 0, "")
	pdf.SetFont("noto", "", 10)
	for _, c := range []string{"Press office: press@example.gov.uk", "Telephone: 01234 567890", "Out of hours: 07700 900123"} {
		pdf.CellFormat(0, 5.5, "• "+c, "", 1, "L", false, 0, "")
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

func addSeedFonts(pdf *fpdf.Fpdf, a seedAssets, opts seedOptions) {
	for _, style := range []string{"", "B", "I", "BI"} {
		pdf.AddUTF8FontFromBytes("noto", style, a.fonts[style])
	}
}

func addSeedLogo(pdf *fpdf.Fpdf, a seedAssets, opts seedOptions) {
	pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(a.logo))
}

// needTool returns the path of a command-line tool, skipping the test when
// it is missing (failing under CI, where it must be installed).
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI: %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return p
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPressroomSeedIsValid(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	pdfinfo := needTool(t, "pdfinfo")
	a := loadSeedAssets(t)
	p := writeTemp(t, "seed.pdf", renderSeed(t, a, seedOptions{}))
	if out, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(pdfinfo, p).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+2$`).Match(out) {
		t.Errorf("the seed-like document should have 2 pages:\n%s", out)
	}
}

func BenchmarkPressroomSeed(b *testing.B) {
	a := loadSeedAssets(b)
	b.ReportAllocs()
	for b.Loop() {
		renderSeed(b, a, seedOptions{})
	}
}

// BenchmarkPressroomSeedParallel renders on every CPU at once; 1e9 divided
// by its ns/op is the documents per second of a batch run.
func BenchmarkPressroomSeedParallel(b *testing.B) {
	a := loadSeedAssets(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			renderSeed(b, a, seedOptions{})
		}
	})
}

// squash folds the runs of white space pdftotext puts between words and
// lines into single spaces.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
