package fpdf_test

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"
)

// Patch 18: a shading through several stops, with a hard edge, painted
// across a rectangle, shows each stop's colour where it is and the
// interpolated colour between, as Poppler renders it.
func TestShadingStops(t *testing.T) {
	pdftoppm := needTool(t, "pdftoppm")
	stops := []fpdf.ShadingStop{
		{Offset: 0.2, R: 255, G: 0, B: 0},
		{Offset: 0.5, R: 0, G: 0, B: 255},
		{Offset: 0.5, R: 0, G: 255, B: 0}, // hard edge
		{Offset: 0.9, R: 255, G: 255, B: 255},
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 200, Ht: 20}})
	pdf.AddPage()
	// The shading's axis runs from x=0 to x=200 in a space where y
	// goes up from the bottom of the page, as PDF has it.
	name := pdf.Shading(false, []float64{0, 0, 200, 0}, stops)
	pdf.RawWriteStr("q 0 0 200 20 re W n /" + name + " sh Q")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	in := writeTemp(t, "shading.pdf", buf.Bytes())
	out := filepath.Join(t.TempDir(), "shading")
	// 72 dpi: one pixel per point.
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
	// What SVG and PDF both mean by these stops, at the centre of pixel x.
	want := func(x int) [3]float64 {
		p := (float64(x) + 0.5) / 200
		lerp := func(a, b fpdf.ShadingStop, t float64) [3]float64 {
			return [3]float64{float64(a.R) + t*float64(b.R-a.R), float64(a.G) + t*float64(b.G-a.G), float64(a.B) + t*float64(b.B-a.B)}
		}
		switch {
		case p <= 0.2:
			return lerp(stops[0], stops[0], 0)
		case p < 0.5:
			return lerp(stops[0], stops[1], (p-0.2)/0.3)
		case p < 0.9:
			return lerp(stops[2], stops[3], (p-0.5)/0.4)
		}
		return lerp(stops[3], stops[3], 0)
	}
	for _, x := range []int{5, 30, 45, 70, 95, 105, 130, 170, 190} {
		r, g, b, _ := img.At(x, 10).RGBA()
		got := [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
		w := want(x)
		for i := range 3 {
			if math.Abs(got[i]-w[i]) > 6 {
				t.Errorf("pixel %d is %v, want about %v", x, got, w)
				break
			}
		}
	}
	if s := strconv.Quote(name); s != `"Sh1"` {
		t.Errorf("the first shading is named %s, want Sh1", s)
	}
}
