package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/vector"
)

// drawVector draws an SVG logo as PDF path operators in the item's box:
// one q … Q around the whole drawing (so fpdf's idea of the current
// colours and line width stays true), and one around each shape with its
// transform as a cm. A gradient fill clips to the path and paints a
// shading (fpdf patch 23) in the gradient's own space; opacity below 1
// is an ExtGState (/ca, /CA), and stops that fade a soft mask (fpdf
// patch 30), which PDF/A-2 allows with the document's sRGB output
// intent. The whole drawing is clipped to its viewBox, as SVG's
// outermost element is.
func (pc *pdfCanvas) drawVector(x, y, w, h float64, d *vector.Drawing) {
	pdf := pc.pdf
	k := pdf.GetConversionRatio()
	_, pageH := pdf.GetPageSize()
	sx, sy := w/d.Width, h/d.Height
	// Drawing units (y down from the box's top) → PDF points (y up).
	page := vector.Matrix{sx * k, 0, 0, -sy * k, x * k, (pageH - y) * k}
	var b strings.Builder
	b.WriteString("q\n")
	writeMatrix(&b, page, 6)
	// An SVG's outermost element clips to its viewBox: what a file
	// draws beyond it is not part of the logo.
	b.WriteString("0 0 " + fnum(d.Width, 6) + " " + fnum(d.Height, 6) + " re W n\n")
	for _, s := range d.Shapes {
		m := page.Mul(s.Transform)
		// Enough decimals for a hundredth of a point on the page.
		scale := math.Max(math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3]))
		prec := min(max(int(math.Ceil(math.Log10(scale*100))), 0), 9)
		b.WriteString("q\n")
		if len(s.Clips) > 0 {
			// Clips are in drawing units, before the shape's transform.
			cprec := min(max(int(math.Ceil(math.Log10(sx*k*100))), 0), 9)
			for _, c := range s.Clips {
				writePath(&b, c.Path, cprec)
				if c.EvenOdd {
					b.WriteString("W* n\n")
				} else {
					b.WriteString("W n\n")
				}
			}
		}
		writeMatrix(&b, s.Transform, 6)
		// Each paint with an opacity has its own q … Q, so that the
		// other paint of the shape is not made transparent too.
		if !s.Fill.None {
			a := fillAlpha(&s.Fill)
			if a < 1 {
				b.WriteString("q\n")
			}
			pc.fillShape(&b, &s, a, prec)
			if a < 1 {
				b.WriteString("Q\n")
			}
		}
		if !s.Stroke.None {
			if s.Stroke.Opacity < 1 {
				b.WriteString("q\n")
				pc.alpha(&b, s.Stroke.Opacity)
			}
			c := s.Stroke.Colour
			b.WriteString(rgb(c) + " RG ")
			b.WriteString(fnum(s.StrokeWidth, 4) + " w ")
			b.WriteString(map[string]string{"butt": "0", "round": "1", "square": "2"}[s.Cap] + " J ")
			b.WriteString(map[string]string{"miter": "0", "round": "1", "bevel": "2"}[s.Join] + " j ")
			b.WriteString(fnum(s.MiterLimit, 3) + " M [] 0 d\n")
			writePath(&b, s.Path, prec)
			b.WriteString("S\n")
			if s.Stroke.Opacity < 1 {
				b.WriteString("Q\n")
			}
		}
		b.WriteString("Q\n")
	}
	b.WriteString("Q\n")
	pdf.RawWriteStr(strings.TrimSuffix(b.String(), "\n"))
}

// fillAlpha is a fill's constant opacity: the shape's, times the last
// stop's for a gradient SVG paints in that stop's colour.
func fillAlpha(p *vector.Paint) float64 {
	if g := p.Gradient; g != nil && gradientSolid(g) {
		return p.Opacity * g.Stops[len(g.Stops)-1].Opacity
	}
	return p.Opacity
}

// fillShape paints the shape's fill at the constant opacity a; a
// gradient whose stops are translucent also has a soft mask (fpdf patch
// 30): a shading of the stops' opacities as greys, over the same
// geometry, whose luminosity is the fill's alpha.
func (pc *pdfCanvas) fillShape(b *strings.Builder, s *vector.Shape, a float64, prec int) {
	if a < 1 {
		pc.alpha(b, a)
	}
	g := s.Fill.Gradient
	if g == nil || gradientSolid(g) {
		c := s.Fill.Colour
		if g != nil {
			c = g.Stops[len(g.Stops)-1].Colour // its opacity is in a
		}
		b.WriteString(rgb(c) + " rg\n")
		writePath(b, s.Path, prec)
		if s.EvenOdd {
			b.WriteString("f*\n")
		} else {
			b.WriteString("f\n")
		}
		return
	}
	stops := make([]fpdf.ShadingStop, len(g.Stops))
	for i, st := range g.Stops {
		stops[i] = fpdf.ShadingStop{Offset: st.Offset, R: int(st.Colour.R), G: int(st.Colour.G), B: int(st.Colour.B)}
	}
	name := pc.shading(g, stops)
	b.WriteString("q\n")
	writePath(b, s.Path, prec)
	if s.EvenOdd {
		b.WriteString("W* n\n")
	} else {
		b.WriteString("W n\n")
	}
	space := vector.Identity
	x0, y0, x1, y1 := vector.Bounds(s.Path)
	if g.BoundingBox {
		if x1 == x0 || y1 == y0 {
			// SVG paints nothing with a bounding-box gradient on a
			// shape without area.
			b.WriteString("Q\n")
			return
		}
		space = vector.Matrix{x1 - x0, 0, 0, y1 - y0, x0, y0}
	}
	space = space.Mul(g.Transform)
	if !g.Opaque() {
		// The mask's group is painted in the space current at "gs"
		// (the shape's), over the path's box with a margin, so that its
		// edge never trims the fill's anti-aliased edge.
		greys := make([]fpdf.ShadingStop, len(g.Stops))
		for i, st := range g.Stops {
			v := int(math.Round(st.Opacity * 255))
			greys[i] = fpdf.ShadingStop{Offset: st.Offset, R: v, G: v, B: v}
		}
		var mb strings.Builder
		writeMatrix(&mb, space, 6)
		mb.WriteString("/" + pc.shading(g, greys) + " sh")
		pad := max(x1-x0, y1-y0) * 0.01
		mask := pc.pdf.SoftMask([4]float64{x0 - pad, y0 - pad, x1 + pad, y1 + pad}, mb.String())
		b.WriteString("/" + mask + " gs\n")
	}
	writeMatrix(b, space, 6)
	b.WriteString("/" + name + " sh\nQ\n")
}

// shading registers g's geometry with the given stops (its colours, or
// the greys of its opacities).
func (pc *pdfCanvas) shading(g *vector.Gradient, stops []fpdf.ShadingStop) string {
	if g.Radial {
		return pc.pdf.Shading(true, []float64{g.FX, g.FY, 0, g.CX, g.CY, g.R}, stops)
	}
	return pc.pdf.Shading(false, []float64{g.X1, g.Y1, g.X2, g.Y2}, stops)
}

// gradientSolid reports a gradient SVG paints in one colour (its last
// stop): a zero-length vector or a zero radius.
func gradientSolid(g *vector.Gradient) bool {
	if g.Radial {
		return g.R == 0
	}
	return g.X1 == g.X2 && g.Y1 == g.Y2
}

// alpha sets the constant opacity through fpdf's ExtGState list (fpdf
// writes "/GSn gs" itself, so the pending operators go first).
func (pc *pdfCanvas) alpha(b *strings.Builder, a float64) {
	pc.pdf.RawWriteStr(strings.TrimSuffix(b.String(), "\n"))
	b.Reset()
	pc.pdf.SetAlpha(a, "Normal")
}

func writeMatrix(b *strings.Builder, m vector.Matrix, prec int) {
	if m == vector.Identity {
		return
	}
	for _, v := range m {
		b.WriteString(fnum(v, prec))
		b.WriteByte(' ')
	}
	b.WriteString("cm\n")
}

func writePath(b *strings.Builder, path []vector.Segment, prec int) {
	for _, s := range path {
		switch s.Op {
		case vector.MoveTo, vector.LineTo:
			b.WriteString(fnum(s.Pts[0][0], prec) + " " + fnum(s.Pts[0][1], prec))
			if s.Op == vector.MoveTo {
				b.WriteString(" m\n")
			} else {
				b.WriteString(" l\n")
			}
		case vector.CubicTo:
			for _, p := range s.Pts {
				b.WriteString(fnum(p[0], prec) + " " + fnum(p[1], prec) + " ")
			}
			b.WriteString("c\n")
		case vector.Close:
			b.WriteString("h\n")
		}
	}
}

// fnum writes a number as PDF wants it: no exponent, no trailing zeros.
func fnum(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func rgb(c vector.Colour) string {
	return fnum(float64(c.R)/255, 4) + " " + fnum(float64(c.G)/255, 4) + " " + fnum(float64(c.B)/255, 4)
}
