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
// shading (fpdf patch 18) in the gradient's own space; opacity below 1
// is an ExtGState (/ca, /CA), which PDF/A-2 allows with the document's
// sRGB output intent.
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
			if s.Fill.Opacity < 1 {
				b.WriteString("q\n")
			}
			pc.fillShape(&b, &s, prec)
			if s.Fill.Opacity < 1 {
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

func (pc *pdfCanvas) fillShape(b *strings.Builder, s *vector.Shape, prec int) {
	if s.Fill.Opacity < 1 {
		pc.alpha(b, s.Fill.Opacity)
	}
	g := s.Fill.Gradient
	if g == nil || gradientSolid(g) {
		c := s.Fill.Colour
		if g != nil {
			c = g.Stops[len(g.Stops)-1].Colour
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
	var name string
	if g.Radial {
		name = pc.pdf.Shading(true, []float64{g.FX, g.FY, 0, g.CX, g.CY, g.R}, stops)
	} else {
		name = pc.pdf.Shading(false, []float64{g.X1, g.Y1, g.X2, g.Y2}, stops)
	}
	b.WriteString("q\n")
	writePath(b, s.Path, prec)
	if s.EvenOdd {
		b.WriteString("W* n\n")
	} else {
		b.WriteString("W n\n")
	}
	space := vector.Identity
	if g.BoundingBox {
		x0, y0, x1, y1 := vector.Bounds(s.Path)
		if x1 == x0 || y1 == y0 {
			// SVG paints nothing with a bounding-box gradient on a
			// shape without area.
			b.WriteString("Q\n")
			return
		}
		space = vector.Matrix{x1 - x0, 0, 0, y1 - y0, x0, y0}
	}
	space = space.Mul(g.Transform)
	writeMatrix(b, space, 6)
	b.WriteString("/" + name + " sh\nQ\n")
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
