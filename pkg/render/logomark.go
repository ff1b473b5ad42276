package render

import (
	"math"

	logomark "github.com/pressroom/pressroom/pkg/mark"
)

// drawMark draws a built-in layout's mark as vector paths in the logo's
// box, in place of its PNG: a few hundred bytes of curves instead of an
// 11 KB image with a transparency mask, and no image to decode and
// compress for every document.
func (pc *pdfCanvas) drawMark(m logomark.Mark, it *Item) {
	x0, y0 := float64(m.Box[0]), float64(m.Box[1])
	sx := it.W / float64(m.Box[2]-m.Box[0])
	sy := it.H / float64(m.Box[3]-m.Box[1])
	at := func(p logomark.Point) (float64, float64) {
		return it.X + (p.X-x0)*sx, it.Y + (p.Y-y0)*sy
	}
	for _, f := range m.Fills {
		pc.pdf.SetFillColor(int(f.Colour>>16&0xFF), int(f.Colour>>8&0xFF), int(f.Colour&0xFF))
		for _, path := range f.Paths {
			for i, s := range path {
				start := s.To
				if s.R > 0 {
					start = s.Start()
				}
				if x, y := at(start); i == 0 {
					pc.pdf.MoveTo(x, y)
				} else {
					pc.pdf.LineTo(x, y)
				}
				if s.R > 0 {
					arcCurves(s, func(c1, c2, end logomark.Point) {
						x1, y1 := at(c1)
						x2, y2 := at(c2)
						x3, y3 := at(end)
						pc.pdf.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
					})
				}
			}
			pc.pdf.ClosePath()
		}
		pc.pdf.DrawPath("F")
	}
}

// arcCurves gives an arc as cubic Bézier curves of at most a quarter turn
// each (off the true circle by under 0.03 % of the radius).
func arcCurves(s logomark.Seg, curve func(c1, c2, end logomark.Point)) {
	n := max(1, int(math.Ceil(math.Abs(s.A1-s.A0)/(math.Pi/2)-1e-9)))
	step := (s.A1 - s.A0) / float64(n)
	k := 4.0 / 3 * math.Tan(step/4) * s.R
	for i := range n {
		a0 := s.A0 + step*float64(i)
		a1 := a0 + step
		p0 := logomark.Point{X: s.C.X + s.R*math.Cos(a0), Y: s.C.Y + s.R*math.Sin(a0)}
		p3 := logomark.Point{X: s.C.X + s.R*math.Cos(a1), Y: s.C.Y + s.R*math.Sin(a1)}
		c1 := logomark.Point{X: p0.X - k*math.Sin(a0), Y: p0.Y + k*math.Cos(a0)}
		c2 := logomark.Point{X: p3.X + k*math.Sin(a1), Y: p3.Y - k*math.Cos(a1)}
		curve(c1, c2, p3)
	}
}
