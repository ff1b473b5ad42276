package render

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
	"github.com/pressroom/pressroom/pkg/vector"
)

// pxPerMM is the resolution both rasterisers work at: 254 dpi, 10 pixels
// to the millimetre, so that a 50 mm logo is 500 pixels across.
const pxPerMM = 10

// Thresholds of the pixel comparison, on 0–255 channel values. Measured
// on the corpus (testdata/svg, 13 logos), the PDF (Poppler) and Chromium
// differ by a mean of 0.22–1.33 and by 3.8–11.0 in the worst 10×10
// block: anti-aliasing along edges and gradient dithering. A logo drawn
// wrong — a gradient painted flat, the transforms lost — gives a mean of
// 32 or more and a worst block of 94 or more (TestSVGComparisonCanFail),
// so the limits sit between the two.
const (
	maxMeanDiff  = 3.0
	maxBlockDiff = 20.0
)

// needChromium returns Chromium's path, or skips (fails under CI).
func needChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (on Debian: apt-get install chromium)")
	}
	t.Skip("chromium is not installed; skipping (on Debian: apt-get install chromium)")
	return ""
}

// Every SVG of the corpus, set as a layout's logo and rendered with the
// seed statement, looks in the PDF as Chromium draws the same file: the
// logo's box rasterised by pdftoppm against a Chromium screenshot of the
// SVG at the same size and position, compared pixel by pixel.
func TestSVGLogosMatchChromium(t *testing.T) {
	pdftoppm := pdftest.NeedTool(t, "pdftoppm")
	chromium := needChromium(t)
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "svg", "*.svg"))
	if len(files) < 10 {
		t.Fatalf("the corpus has %d SVGs, want at least 10", len(files))
	}
	s := seedFromFile(t)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".svg")
		t.Run(name, func(t *testing.T) {
			l := svgLayout(t, file)
			if l.Logo == nil || l.Logo.Vector == nil {
				t.Fatal("the layout's logo was not read as vectors")
			}
			if checked := Check(s, l); checked.HasErrors() {
				t.Fatalf("check: %v", checked)
			}
			var pdf bytes.Buffer
			if _, err := RenderStatement(&pdf, s, l, Options{}); err != nil {
				t.Fatal(err)
			}
			pdftest.Check(t, pdf.Bytes())
			keep(t, "svg-"+name+".pdf", pdf.Bytes())
			if bytes.Contains(pdf.Bytes(), []byte("/Subtype /Image")) {
				t.Error("the SVG logo was embedded as an image, not drawn as vectors")
			}
			box := logoBox(t, s, l)
			got := rasterisePDF(t, pdftoppm, pdf.Bytes(), box)
			want := rasteriseSVG(t, chromium, file, box)
			mean, block := compare(t, got, want)
			t.Logf("%s: mean difference %.2f, worst block %.1f", name, mean, block)
			if mean > maxMeanDiff || block > maxBlockDiff {
				savePNG(t, name+"-pdf.png", got)
				savePNG(t, name+"-chromium.png", want)
				t.Errorf("the PDF's logo differs from Chromium's rendering: mean %.2f (limit %g), worst 10×10 block %.1f (limit %g); -out DIR keeps both PNGs",
					mean, maxMeanDiff, block, maxBlockDiff)
			}
			if *outDir != "" {
				savePNG(t, name+"-pdf.png", got)
				savePNG(t, name+"-chromium.png", want)
			}
			// The web page's SVG, written back from the parsed drawing,
			// looks as the file does.
			rewritten := filepath.Join(t.TempDir(), name+".svg")
			if err := os.WriteFile(rewritten, l.Logo.Vector.SVG(), 0o644); err != nil {
				t.Fatal(err)
			}
			web := rasteriseSVG(t, chromium, rewritten, box)
			if mean, block := compare(t, web, want); mean > maxMeanDiff || block > maxBlockDiff {
				savePNG(t, name+"-web.png", web)
				t.Errorf("the web page's SVG differs from the file in Chromium: mean %.2f, worst block %.1f", mean, block)
			} else {
				t.Logf("%s: web page's SVG: mean %.2f, worst block %.1f", name, mean, block)
			}
		})
	}
}

// The comparison notices a logo drawn wrong: linear.svg with its
// gradients painted in their first colour, groups.svg with its
// transforms dropped, masks.svg without its masks, and fades.svg with
// its stops made opaque, are over the limits.
func TestSVGComparisonCanFail(t *testing.T) {
	pdftoppm := pdftest.NeedTool(t, "pdftoppm")
	chromium := needChromium(t)
	s := seedFromFile(t)
	for _, tc := range []struct {
		file  string
		spoil func(*vector.Shape)
	}{
		{"linear.svg", func(sh *vector.Shape) {
			if g := sh.Fill.Gradient; g != nil {
				sh.Fill = vector.Paint{Colour: g.Stops[0].Colour, Opacity: 1}
			}
		}},
		{"groups.svg", func(sh *vector.Shape) { sh.Transform = vector.Identity }},
		// The masks ignored.
		{"masks.svg", func(sh *vector.Shape) { sh.Mask = nil }},
		// The stops' opacities ignored: drawn as opaque gradients.
		{"fades.svg", func(sh *vector.Shape) {
			if g := sh.Fill.Gradient; g != nil {
				opaque := *g
				opaque.Stops = append([]vector.Stop(nil), g.Stops...)
				for i := range opaque.Stops {
					opaque.Stops[i].Opacity = 1
				}
				sh.Fill.Gradient = &opaque
			}
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			file := filepath.Join("..", "..", "testdata", "svg", tc.file)
			l := svgLayout(t, file)
			d := *l.Logo.Vector
			d.Shapes = append([]vector.Shape(nil), d.Shapes...)
			for i := range d.Shapes {
				tc.spoil(&d.Shapes[i])
			}
			lg := *l.Logo
			lg.Vector = &d
			spoilt := *l
			spoilt.Logo = &lg
			var pdf bytes.Buffer
			if _, err := RenderStatement(&pdf, s, &spoilt, Options{}); err != nil {
				t.Fatal(err)
			}
			box := logoBox(t, s, &spoilt)
			mean, block := compare(t, rasterisePDF(t, pdftoppm, pdf.Bytes(), box), rasteriseSVG(t, chromium, file, box))
			t.Logf("spoilt %s: mean %.2f, worst block %.1f", tc.file, mean, block)
			if mean <= maxMeanDiff && block <= maxBlockDiff {
				t.Errorf("a spoilt %s passes the comparison (mean %.2f, block %.1f)", tc.file, mean, block)
			}
		})
	}
}

func seedFromFile(t *testing.T) *statement.Statement {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "seed-statement.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, list := statement.Parse("seed-statement.toml", src, statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	return s
}

// svgLayout is the plain layout (a white page) with file as its logo,
// 50 mm wide, without the name beside it.
func svgLayout(t *testing.T, file string) *layout.Layout {
	t.Helper()
	abs, _ := filepath.Abs(file)
	lf := filepath.Join(t.TempDir(), "brand.toml")
	src := "extends = \"plain\"\n[logo]\nfile = '" + abs + "'\nwidth = 50\nalt = \"Test logo\"\nwordmark = false\n"
	if err := os.WriteFile(lf, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, diags := lib.Load(lf, "")
	if l == nil || diags.HasErrors() {
		t.Fatalf("layout: %v", diags)
	}
	return l
}

// box is the logo's place on page 1 in millimetres.
type box struct{ x, y, w, h float64 }

func logoBox(t *testing.T, s *statement.Statement, l *layout.Layout) box {
	t.Helper()
	plan, err := LayoutStatement(s, l)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range plan.Pages[0].Items {
		if it.Kind == KindImage {
			return box{it.X, it.Y, it.W, it.H}
		}
	}
	t.Fatal("page 1 has no logo")
	return box{}
}

// pixel window: whole pixels around the box, one spare on each side.
func window(b box) (x0, y0, w, h int) {
	x0 = int(math.Floor(b.x*pxPerMM)) - 1
	y0 = int(math.Floor(b.y*pxPerMM)) - 1
	w = int(math.Ceil((b.x+b.w)*pxPerMM)) + 1 - x0
	h = int(math.Ceil((b.y+b.h)*pxPerMM)) + 1 - y0
	return
}

func rasterisePDF(t *testing.T, pdftoppm string, pdf []byte, b box) image.Image {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	x0, y0, w, h := window(b)
	out := filepath.Join(dir, "logo")
	cmd := exec.Command(pdftoppm, "-r", fmt.Sprint(pxPerMM*25.4), "-f", "1", "-l", "1", "-singlefile", "-png",
		"-x", fmt.Sprint(x0), "-y", fmt.Sprint(y0), "-W", fmt.Sprint(w), "-H", fmt.Sprint(h), in, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	return readPNG(t, out+".png")
}

func rasteriseSVG(t *testing.T, chromium, file string, b box) image.Image {
	t.Helper()
	dir := t.TempDir()
	abs, _ := filepath.Abs(file)
	x0, y0, w, h := window(b)
	page := fmt.Sprintf(`<!doctype html><html><head><style>
html, body { margin: 0; padding: 0; background: #fff; overflow: hidden }
img { position: absolute; left: %gpx; top: %gpx; width: %gpx; height: %gpx }
</style></head><body><img src="file://%s"></body></html>`,
		b.x*pxPerMM-float64(x0), b.y*pxPerMM-float64(y0), b.w*pxPerMM, b.h*pxPerMM, abs)
	html := filepath.Join(dir, "page.html")
	if err := os.WriteFile(html, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir="+filepath.Join(dir, "profile"),
		// Headless Chromium's page is shorter than its window (by about
		// 90 pixels here): a larger window, then the box cut out.
		fmt.Sprintf("--window-size=%d,%d", w+200, h+200), "--screenshot="+out, "file://"+html)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, msg)
	}
	shot := readPNG(t, out)
	sub, ok := shot.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok || shot.Bounds().Dx() < w || shot.Bounds().Dy() < h {
		t.Fatalf("chromium's screenshot is %v, smaller than %d×%d", shot.Bounds().Size(), w, h)
	}
	return sub.SubImage(image.Rect(0, 0, w, h).Add(shot.Bounds().Min))
}

func readPNG(t *testing.T, file string) image.Image {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return img
}

func savePNG(t *testing.T, name string, img image.Image) {
	dir := *outDir
	if dir == "" {
		dir = t.TempDir()
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err == nil {
		os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644)
	}
}

// compare returns the mean absolute difference of the RGB channels
// (0–255) over the whole image, and the largest mean over any 10×10
// block, so that a small part drawn wrong is not averaged away.
func compare(t *testing.T, a, b image.Image) (mean, worst float64) {
	t.Helper()
	ra, rb := a.Bounds(), b.Bounds()
	if ra.Dx() != rb.Dx() || ra.Dy() != rb.Dy() {
		t.Fatalf("the rasters are %v and %v", ra.Size(), rb.Size())
	}
	const n = 10
	bw, bh := (ra.Dx()+n-1)/n, (ra.Dy()+n-1)/n
	blocks := make([]float64, bw*bh)
	counts := make([]int, bw*bh)
	total := 0.0
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			r1, g1, b1, _ := a.At(ra.Min.X+x, ra.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(rb.Min.X+x, rb.Min.Y+y).RGBA()
			d := (absDiff(r1, r2) + absDiff(g1, g2) + absDiff(b1, b2)) / 3 / 257
			total += d
			i := (y/n)*bw + x/n
			blocks[i] += d
			counts[i]++
		}
	}
	for i, v := range blocks {
		worst = max(worst, v/float64(counts[i]))
	}
	return total / float64(ra.Dx()*ra.Dy()), worst
}

func absDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}

// qdf is the PDF with every stream uncompressed, as qpdf writes it, to
// read the operators and objects.
func qdf(t *testing.T, pdf []byte) string {
	t.Helper()
	qpdf := pdftest.NeedTool(t, "qpdf")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// An SVG logo with alt text is a /Figure carrying it, drawn inside the
// figure's marked content; without alt text it is a layout artifact. Its
// opacities are ExtGStates of the Normal blend mode without soft masks,
// and its colours DeviceRGB under the document's sRGB output intent:
// what PDF/A-2 asks of transparency (ISO 19005-2, 6.2.10: a page group's
// blending colour space is needed only without a PDF/A output intent).
func TestSVGLogoTagging(t *testing.T) {
	s := seedFromFile(t)
	file := filepath.Join("..", "..", "testdata", "svg", "radial.svg")
	for _, alt := range []string{"Test logo", ""} {
		l := svgLayout(t, file)
		lg := *l.Logo
		lg.Alt = alt
		l.Logo = &lg
		var pdf bytes.Buffer
		if _, err := RenderStatement(&pdf, s, l, Options{}); err != nil {
			t.Fatal(err)
		}
		pdftest.Check(t, pdf.Bytes())
		q := qdf(t, pdf.Bytes())
		// radial.svg's first shape is painted with the first shading.
		start := strings.Index(q, "/Sh1 sh")
		if start < 0 {
			t.Fatalf("alt %q: the logo's drawing is not in the page", alt)
		}
		before := q[:start]
		opened := before[strings.LastIndex(before[:strings.LastIndex(before, "BDC")], "\n")+1:]
		t.Logf("alt %q: drawn in %.40q", alt, opened)
		if alt != "" {
			if !strings.HasPrefix(opened, "/Figure <</MCID") || !strings.Contains(q, "/Alt (Test logo)") || !strings.Contains(q, "/S /Figure") {
				t.Errorf("alt %q: the logo is drawn in %q, want a /Figure with /Alt", alt, opened)
			}
		} else {
			if !strings.HasPrefix(opened, "/Artifact <</Type /Layout>> BDC") || strings.Contains(q, "/S /Figure") {
				t.Errorf("a decorative logo is drawn in %q, want a layout artifact and no /Figure", opened)
			}
		}
		for _, want := range []string{"/Type /ExtGState", "/BM /Normal", "/ca 0.500", "/CA 0.800", "/ShadingType 3", "/S /GTS_PDFA1", "/DestOutputProfile"} {
			if !strings.Contains(q, want) {
				t.Errorf("alt %q: the PDF lacks %q", alt, want)
			}
		}
		for _, bad := range []string{"/SMask", "/DeviceCMYK", "/Subtype /Image"} {
			if strings.Contains(q, bad) {
				t.Errorf("alt %q: the PDF has %q", alt, bad)
			}
		}
	}
}

// Gradient stops that fade and <mask> elements are soft masks as PDF/A-2
// allows them (ISO 19005-2, 6.2.10; 6.2.4.3 for the group's DeviceRGB
// under the sRGB output intent): an ExtGState whose /SMask is a
// /Luminosity mask of a transparency group in DeviceRGB. qpdf reads the
// files cleanly, and each has as many masks as it needs: fades.svg three
// fading gradients; masks.svg five masks (one shared by a group of three
// shapes) and a fading gradient under one of them.
func TestSVGLogoSoftMask(t *testing.T) {
	s := seedFromFile(t)
	for _, tc := range []struct {
		file  string
		masks int
	}{{"fades.svg", 3}, {"masks.svg", 6}} {
		t.Run(tc.file, func(t *testing.T) {
			l := svgLayout(t, filepath.Join("..", "..", "testdata", "svg", tc.file))
			var pdf bytes.Buffer
			if _, err := RenderStatement(&pdf, s, l, Options{}); err != nil {
				t.Fatal(err)
			}
			pdftest.Check(t, pdf.Bytes())
			q := qdf(t, pdf.Bytes())
			masks := regexp.MustCompile(`/SMask <<\s*/G (\d+) 0 R\s*/S /Luminosity\s*/Type /Mask\s*>>`).FindAllStringSubmatch(q, -1)
			if len(masks) != tc.masks {
				t.Errorf("the PDF has %d luminosity soft masks, want %d", len(masks), tc.masks)
			}
			for _, m := range masks {
				obj := regexp.MustCompile(`(?s)\n` + m[1] + ` 0 obj\n(.*?)endobj`).FindStringSubmatch(q)
				if obj == nil {
					t.Errorf("soft mask group %s is not in the file", m[1])
					continue
				}
				for _, want := range []string{"/Subtype /Form", "/S /Transparency", "/CS /DeviceRGB", "/BBox"} {
					if !strings.Contains(obj[1], want) {
						t.Errorf("soft mask group %s lacks %q:\n%s", m[1], want, obj[1])
					}
				}
			}
			if sets := len(regexp.MustCompile(`/SM\d+ gs`).FindAllString(q, -1)); sets < tc.masks {
				t.Errorf("soft masks are set %d times, want at least %d", sets, tc.masks)
			}
			for _, bad := range []string{"/DeviceCMYK", "/Subtype /Image", "/BM /Multiply"} {
				if strings.Contains(q, bad) {
					t.Errorf("the PDF has %q", bad)
				}
			}
		})
	}
}

// FuzzSVGLogo parses arbitrary SVG and renders whatever parses as the
// seed statement's logo: drawing it never panics or fails, and the PDF
// has its pages. Crashers are kept in testdata/fuzz/FuzzSVGLogo.
func FuzzSVGLogo(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "svg", "*.svg"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	base, list := lib.Load("default", ".")
	if base == nil || list.HasErrors() {
		f.Fatalf("default layout: %v", list)
	}
	s := seedStatement()
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := vector.Parse(data)
		if err != nil {
			return
		}
		l := *base
		l.Logo = &layout.Logo{Path: "fuzz.svg", Vector: d, Data: data, Format: "svg", Width: 30, Alt: "Fuzz logo", Wordmark: true}
		var pdf bytes.Buffer
		res, err := RenderStatement(&pdf, s, &l, Options{Version: "fuzz"})
		if err != nil {
			t.Fatalf("a parsed SVG logo does not render: %v", err)
		}
		if res.Pages < 1 || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
			t.Fatalf("rendered %d pages, %d bytes", res.Pages, pdf.Len())
		}
	})
}
