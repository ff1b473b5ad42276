package fpdf_test

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"
)

// Patch 30: a red band under a soft mask whose group is a grey shading
// from white (left) to black (right) fades from red to the white page,
// as Poppler renders it; a band under a second mask of white painted at
// AlphaState's opacity 0.5, on top of SetAlpha(0.5), is a quarter red. qpdf reads
// the file without a warning.
func TestSoftMask(t *testing.T) {
	pdftoppm := needTool(t, "pdftoppm")
	qpdf := needTool(t, "qpdf")
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 200, Ht: 40}})
	pdf.AddPage()
	grey := pdf.Shading(false, []float64{0, 0, 200, 0}, []fpdf.ShadingStop{{Offset: 0, R: 255, G: 255, B: 255}, {Offset: 1}})
	fade := pdf.SoftMask([4]float64{0, 0, 200, 20}, "/"+grey+" sh")
	// White at opacity 0.5 on the group's black backdrop: 50 % grey.
	half := pdf.SoftMask([4]float64{0, 20, 200, 40}, "/"+pdf.AlphaState(0.5, "Normal")+" gs 1 1 1 rg 0 20 200 20 re f")
	// Top band (y from 20 to 40 in PDF space): SetAlpha and the flat mask.
	pdf.RawWriteStr("q /" + half + " gs")
	pdf.SetAlpha(0.5, "Normal")
	pdf.RawWriteStr("1 0 0 rg 0 20 200 20 re f Q")
	// Bottom band: the fading mask.
	pdf.RawWriteStr("q /" + fade + " gs 1 0 0 rg 0 0 200 20 re f Q")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	in := writeTemp(t, "softmask.pdf", buf.Bytes())
	if out, err := exec.Command(qpdf, "--check", in).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out := filepath.Join(t.TempDir(), "softmask")
	if msg, err := exec.Command(pdftoppm, "-r", "72", "-singlefile", "-png", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// Red at opacity a over white: (255, 255(1-a), 255(1-a)).
	check := func(x, y int, a float64) {
		t.Helper()
		r, g, b, _ := img.At(x, y).RGBA()
		want := 255 * (1 - a)
		if math.Abs(float64(r>>8)-255) > 6 || math.Abs(float64(g>>8)-want) > 6 || math.Abs(float64(b>>8)-want) > 6 {
			t.Errorf("pixel (%d, %d) is (%d, %d, %d), want red at opacity %.2f: (255, %.0f, %.0f)", x, y, r>>8, g>>8, b>>8, a, want, want)
		}
	}
	for _, x := range []int{5, 50, 100, 150, 195} {
		check(x, 30, 1-(float64(x)+0.5)/200) // bottom band, 10 pt from the page's bottom
		check(x, 10, 0.25)                   // top band
	}
}
