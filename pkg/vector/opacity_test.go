package vector_test

import (
	"math"
	"testing"

	"github.com/pressroom/pressroom/pkg/vector"
)

// A gradient stop's stop-opacity — an attribute, a style, a percentage,
// out of range — is read as the stop's opacity, kept apart from its
// colour; a gradient of one translucent stop is a translucent colour;
// and the SVG written back for the web page keeps the opacities.
func TestStopOpacity(t *testing.T) {
	src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
<linearGradient id="g">
  <stop offset="0" stop-color="red"/>
  <stop offset="0.3" stop-color="red" stop-opacity="0.25"/>
  <stop offset="0.6" style="stop-color:#00ff00;stop-opacity:.5"/>
  <stop offset="0.8" stop-opacity="40%"/>
  <stop offset="1" stop-opacity="-2"/>
</linearGradient>
<linearGradient id="one"><stop offset="0" stop-color="blue" stop-opacity="0.5"/></linearGradient>
<rect width="5" height="5" fill="url(#g)"/>
<rect x="5" width="5" height="5" fill="url(#one)" fill-opacity="0.5"/>
</svg>`
	d, err := vector.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	check := func(d *vector.Drawing) {
		t.Helper()
		g := d.Shapes[0].Fill.Gradient
		if g == nil || len(g.Stops) != 5 {
			t.Fatalf("the first rectangle's fill is %+v, want a gradient of 5 stops", d.Shapes[0].Fill)
		}
		for i, want := range []float64{1, 0.25, 0.5, 0.4, 0} {
			if math.Abs(g.Stops[i].Opacity-want) > 1e-9 {
				t.Errorf("stop %d has opacity %g, want %g", i, g.Stops[i].Opacity, want)
			}
		}
		if c := g.Stops[2].Colour; c != (vector.Colour{G: 255}) {
			t.Errorf("stop 2's colour is %v, want #00ff00", c)
		}
		if g.Opaque() {
			t.Error("the gradient reports itself opaque")
		}
		if f := d.Shapes[1].Fill; f.Gradient != nil || f.Colour != (vector.Colour{B: 255}) || math.Abs(f.Opacity-0.25) > 1e-9 {
			t.Errorf("the one-stop gradient's fill is %+v, want blue at 0.25", f)
		}
	}
	check(d)
	back, err := vector.Parse(d.SVG())
	if err != nil {
		t.Fatalf("the written SVG does not parse: %v\n%s", err, d.SVG())
	}
	check(back)
}
