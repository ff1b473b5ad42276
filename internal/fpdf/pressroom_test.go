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

	"github.com/pressroom/pressroom/internal/fpdf"
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
type seedOptions struct {
	// parsed, when non-nil, adds fonts and the logo parsed once per
	// process instead of from bytes.
	parsed *seedParsed
	// compress turns page compression on (internal/example, imported by
	// the package's tests, turns it off by default).
	compress bool
}

// seedParsed holds the fonts and logo parsed once, shared by every render.
type seedParsed struct {
	fonts map[string]*fpdf.UTF8Font
	logo  *fpdf.ParsedImage
}

func parseSeedAssets(tb testing.TB, a seedAssets) *seedParsed {
	tb.Helper()
	p := &seedParsed{fonts: map[string]*fpdf.UTF8Font{}}
	for style, data := range a.fonts {
		font, err := fpdf.ParseUTF8Font(data)
		if err != nil {
			tb.Fatalf("%s: %v", seedFontFiles[style], err)
		}
		p.fonts[style] = font
	}
	logo, err := fpdf.ParseImage(bytes.NewReader(a.logo), fpdf.ImageOptions{ImageType: "PNG"})
	if err != nil {
		tb.Fatal(err)
	}
	p.logo = logo
	return p
}

// renderSeed renders the seed-like document and returns the PDF bytes.
func renderSeed(tb testing.TB, a seedAssets, opts seedOptions) []byte {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	if opts.compress {
		pdf.SetCompression(true)
	}
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
		if opts.parsed != nil {
			pdf.AddUTF8FontParsed("noto", style, opts.parsed.fonts[style])
			continue
		}
		pdf.AddUTF8FontFromBytes("noto", style, a.fonts[style])
	}
}

func addSeedLogo(pdf *fpdf.Fpdf, a seedAssets, opts seedOptions) {
	if opts.parsed != nil {
		pdf.RegisterParsedImage("logo", opts.parsed.logo)
		return
	}
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

// typographicText is what a UK statement typically contains beyond ASCII;
// fpdf's old single <0000> <FFFF> bfrange made some readers extract “ as
// U+001C and € as U+00AC.
const typographicText = "“quoted” ‘single’ 2022–2026 — £5 €6 ŵ ẅ"

// TestPressroomToUnicode checks that a PDF engine extracts every
// typographic character exactly and that every ToUnicode CMap keeps to
// the specification: no bfrange crosses a change of the high byte and no
// block holds more than 100 entries; and that the UTF-8 fonts share one
// CMap of ranges (patch 20: fails on patch 19, which wrote one CMap per
// font with bfchar entries for single codes).
func TestPressroomToUnicode(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	qpdf := needTool(t, "qpdf")
	a := loadSeedAssets(t)
	math, err := os.ReadFile(filepath.Join("..", "..", "fonts", "NotoSansMath-Regular.ttf"))
	if err != nil {
		t.Skipf("pressroom's Noto Sans Math font is not here: %v", err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.AddUTF8FontFromBytes("noto", "", a.fonts[""])
	pdf.AddUTF8FontFromBytes("math", "", math)
	pdf.AddPage()
	pdf.SetFont("noto", "", 12)
	pdf.CellFormat(0, 8, typographicText, "", 1, "L", false, 0, "")
	pdf.SetFont("math", "", 12)
	pdf.CellFormat(0, 8, "→", "", 1, "L", false, 0, "")
	// Many codes in one font: more than 100 ranges and 100 single codes.
	pdf.SetFont("noto", "", 6)
	var many strings.Builder
	for r := rune(0x100); r < 0x180; r += 2 {
		many.WriteRune(r) // single codes: every other Latin Extended-A letter
	}
	for r := rune(0x400); r < 0x4FF; r++ {
		if r%3 != 0 {
			many.WriteRune(r) // short runs of Cyrillic
		}
	}
	pdf.MultiCell(0, 4, many.String(), "", "L", false)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	p := writeTemp(t, "typographic.pdf", out.Bytes())
	text, err := exec.Command(pdftotext, "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	lines := strings.Split(string(text), "\n")
	if len(lines) < 2 || lines[0] != typographicText || lines[1] != "→" {
		t.Errorf("pdftotext extracted %q, want %q then %q", lines[:min(2, len(lines))], typographicText, "→")
	}
	if got := squash(strings.Join(lines[2:], "")); strings.ReplaceAll(got, " ", "") != many.String() {
		t.Errorf("pdftotext extracted the many-code line as %q, want %q", got, many.String())
	}

	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", p, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	// Patch 18: both fonts share one CMap, one bfrange per high byte.
	checkToUnicodeCMaps(t, string(raw), 1)
	refs := regexp.MustCompile(`/ToUnicode (\d+) 0 R`).FindAllStringSubmatch(string(raw), -1)
	if len(refs) != 2 || refs[0][1] != refs[1][1] {
		t.Errorf("ToUnicode references %q; want both fonts to share one CMap", refs)
	}
	if n := strings.Count(string(raw), "beginbfchar"); n != 0 {
		t.Errorf("%d bfchar blocks; want every code in a bfrange", n)
	}
}

var (
	cmapBlock   = regexp.MustCompile(`(?s)(\d+) begin(bfrange|bfchar)\n(.*?)end(?:bfrange|bfchar)\n`)
	cmapEntry   = regexp.MustCompile(`<([0-9A-Fa-f]+)>`)
	cmapSection = regexp.MustCompile(`(?s)begincmap.*?endcmap`)
)

// checkToUnicodeCMaps checks every CMap in an uncompressed PDF (qpdf
// --qdf): the declared count matches, at most 100 entries per block, and
// no bfrange crosses a high-byte boundary. wantCMaps is how many CMaps
// there must be.
func checkToUnicodeCMaps(t *testing.T, pdf string, wantCMaps int) {
	t.Helper()
	cmaps := cmapSection.FindAllString(pdf, -1)
	if len(cmaps) != wantCMaps {
		t.Fatalf("found %d ToUnicode CMaps, want %d", len(cmaps), wantCMaps)
	}
	for _, cmap := range cmaps {
		blocks := cmapBlock.FindAllStringSubmatch(cmap, -1)
		if len(blocks) == 0 {
			t.Errorf("CMap with no bfrange or bfchar block:\n%s", cmap)
		}
		for _, b := range blocks {
			lines := strings.Split(strings.TrimSpace(b[3]), "\n")
			if b[1] != fmt.Sprint(len(lines)) || len(lines) > 100 {
				t.Errorf("begin%s block declares %s entries and has %d (at most 100 allowed)", b[2], b[1], len(lines))
			}
			if b[2] != "bfrange" {
				continue
			}
			for _, l := range lines {
				codes := cmapEntry.FindAllStringSubmatch(l, -1)
				if len(codes) != 3 || len(codes[0][1]) != 4 || codes[0][1][:2] != codes[1][1][:2] || codes[0][1] > codes[1][1] {
					t.Errorf("bfrange entry %q crosses a high-byte boundary or is malformed", l)
				}
			}
		}
	}
}

// TestPressroomCatalogSortImages renders a document with two images of the
// same width many times: with SetCatalogSort the bytes must never change
// (fpdf used to order images by width only, so equal widths came out in
// map order).
func TestPressroomCatalogSortImages(t *testing.T) {
	render := func() []byte {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC))
		pdf.AddPage()
		for i, name := range []string{"alpha", "beta", "gamma", "delta"} {
			img := image.NewGray(image.Rect(0, 0, 8, 8))
			for p := range img.Pix {
				img.Pix[p] = uint8(i * 60)
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
			pdf.ImageOptions(name, 10+float64(i)*20, 10, 10, 0, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		}
		var out bytes.Buffer
		if err := pdf.Output(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	first := render()
	for range 30 {
		if !bytes.Equal(render(), first) {
			t.Fatal("two renders of the same document with SetCatalogSort(true) differ")
		}
	}
}

// TestPressroomOutputIntentInfo checks that a document with an output
// intent still has its document information: the trailer used to point
// /Info at the ICC profile stream, so readers showed no title.
func TestPressroomOutputIntentInfo(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	icc, err := os.ReadFile(filepath.Join("icc", "sRGB2014.icc"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("Statement on the new library", true)
	pdf.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                icc,
	})
	pdf.AddPage()
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(pdfinfo, writeTemp(t, "intent.pdf", out.Bytes())).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, got)
	}
	if !regexp.MustCompile(`(?m)^Title:\s+Statement on the new library$`).Match(got) {
		t.Errorf("pdfinfo shows no title for a document with an output intent:\n%s", got)
	}
}

// TestPressroomParsedMatchesBytes checks that a document made with fonts
// and a logo parsed once is byte for byte the document made from the
// bytes, including after other documents have used the parsed values.
func TestPressroomParsedMatchesBytes(t *testing.T) {
	a := loadSeedAssets(t)
	want := renderSeed(t, a, seedOptions{})
	parsed := parseSeedAssets(t, a)
	for i := range 3 {
		if got := renderSeed(t, a, seedOptions{parsed: parsed}); !bytes.Equal(got, want) {
			t.Fatalf("render %d with parsed fonts and logo differs from the render from bytes (%d vs %d bytes)", i, len(got), len(want))
		}
	}
}

// TestPressroomParallelRenders renders 100 documents at once from the
// same parsed fonts and logo (run it with -race) and checks every one is
// byte for byte the serial render: nothing shared may be written.
func TestPressroomParallelRenders(t *testing.T) {
	a := loadSeedAssets(t)
	parsed := parseSeedAssets(t, a)
	want := renderSeed(t, a, seedOptions{parsed: parsed})
	const n = 100
	results := make([][]byte, n)
	done := make(chan int)
	for i := range n {
		go func() {
			opts := seedOptions{parsed: parsed}
			if i%10 == 9 {
				opts = seedOptions{} // some from bytes, in between
			}
			results[i] = renderSeedNoFatal(a, opts)
			done <- i
		}()
	}
	for range n {
		<-done
	}
	for i, got := range results {
		if !bytes.Equal(got, want) {
			t.Errorf("parallel render %d differs from the serial render (%d vs %d bytes)", i, len(got), len(want))
		}
	}
}

// renderSeedNoFatal is renderSeed for goroutines other than the test's,
// where t.Fatal must not be called; a failed render returns nil.
func renderSeedNoFatal(a seedAssets, opts seedOptions) []byte {
	var tb silentTB
	defer func() { _ = recover() }()
	return renderSeed(&tb, a, opts)
}

// silentTB turns a fatal test error into a panic that renderSeedNoFatal
// recovers from.
type silentTB struct{ testing.TB }

func (silentTB) Helper()               {}
func (silentTB) Fatal(args ...any)     { panic(fmt.Sprint(args...)) }
func (silentTB) Fatalf(string, ...any) { panic("fatal") }

func TestParseUTF8FontRejectsBadFonts(t *testing.T) {
	a := loadSeedAssets(t)
	for name, data := range map[string][]byte{
		"empty":      nil,
		"not a font": []byte("%PDF-1.4 not a font at all"),
		"truncated":  bytes.Clone(a.fonts[""][:4096]),
		// A short slice of a whole font: the parser must not read past
		// the slice's length into its capacity.
		"short slice": a.fonts[""][:4096],
		"png":         a.logo,
	} {
		if font, err := fpdf.ParseUTF8Font(data); err == nil || font != nil {
			t.Errorf("%s: ParseUTF8Font gave a font (%t) and error %v; want only an error", name, font != nil, err)
		}
	}
	if _, err := fpdf.ParseImage(bytes.NewReader(a.fonts[""]), fpdf.ImageOptions{ImageType: "PNG"}); err == nil {
		t.Error("ParseImage accepted a font as a PNG")
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontParsed("noto", "", nil)
	if pdf.Error() == nil {
		t.Error("AddUTF8FontParsed accepted a nil font")
	}
}

func BenchmarkPressroomSeedParsed(b *testing.B) {
	a := loadSeedAssets(b)
	parsed := parseSeedAssets(b, a)
	b.ReportAllocs()
	for b.Loop() {
		renderSeed(b, a, seedOptions{parsed: parsed})
	}
}

func BenchmarkPressroomSeedParsedParallel(b *testing.B) {
	a := loadSeedAssets(b)
	parsed := parseSeedAssets(b, a)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			renderSeed(b, a, seedOptions{parsed: parsed})
		}
	})
}
