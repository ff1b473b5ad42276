package render

import (
	"math"
	"testing"

	logomark "github.com/pressroom/pressroom/pkg/mark"
)

// The curves a built-in mark is drawn with stay on their circles: every
// curve's midpoint is within 0.03 % of the radius, and consecutive
// curves meet.
func TestArcCurves(t *testing.T) {
	for _, a := range [][2]float64{{0, 2 * math.Pi}, {math.Pi * 1.08, math.Pi * 1.92}, {1, 0.2}, {math.Pi, 2 * math.Pi}, {0, 0.1}} {
		s := logomark.Seg{C: logomark.Point{X: 10, Y: 20}, R: 50, A0: a[0], A1: a[1]}
		prev := s.Start()
		n := 0
		arcCurves(s, func(c1, c2, end logomark.Point) {
			// The curve's point at t = 1/2.
			mx := (prev.X + 3*c1.X + 3*c2.X + end.X) / 8
			my := (prev.Y + 3*c1.Y + 3*c2.Y + end.Y) / 8
			if d := math.Abs(math.Hypot(mx-10, my-20) - 50); d > 50*0.0003 {
				t.Errorf("arc %v: curve %d strays %.4f from the circle", a, n, d)
			}
			prev = end
			n++
		})
		if end := s.End(); math.Hypot(prev.X-end.X, prev.Y-end.Y) > 1e-9 {
			t.Errorf("arc %v ends at %v, want %v", a, prev, end)
		}
		if want := int(math.Ceil(math.Abs(a[1]-a[0]) / (math.Pi / 2))); n != want {
			t.Errorf("arc %v: %d curves, want %d", a, n, want)
		}
	}
	for _, name := range []string{"default-mark.png", "letterhead-mark.png", "plain-mark.png"} {
		if _, ok := logomark.Builtin("builtin:" + name); !ok {
			t.Errorf("%s is not a built-in mark", name)
		}
	}
	if _, ok := logomark.Builtin("default-mark.png"); ok {
		t.Error("a layout's own default-mark.png was taken for the built-in mark")
	}
}
