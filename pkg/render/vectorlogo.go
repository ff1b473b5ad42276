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
// is an ExtGState (/ca, /CA), and stops that fade and <mask> elements
// are soft masks (fpdf patch 30), which PDF/A-2 allows with the
// document's sRGB output intent. The whole drawing is clipped to its viewBox, as SVG's
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
	v := vectorPage{pc: pc, page: page, cprec: min(max(int(math.Ceil(math.Log10(sx*k*100))), 0), 9),
		box: [4]float64{0, 0, d.Width, d.Height}, masks: map[*vector.Mask]string{}}
	v.shapes(&b, d.Shapes, false)
	b.WriteString("Q\n")
	pdf.RawWriteStr(strings.TrimSuffix(b.String(), "\n"))
}

// vectorPage is one drawing's placement on the page while it is drawn.
type vectorPage struct {
	pc    *pdfCanvas
	page  vector.Matrix // drawing units → PDF points
	cprec int           // decimals of clip paths, in drawing units
	box   [4]float64    // the viewBox, in drawing units
	masks map[*vector.Mask]string
}

// shapes writes shapes in the drawing's space; white paints every
// colour white (the content of an alpha mask, where only opacity
// counts).
func (v *vectorPage) shapes(b *strings.Builder, shapes []vector.Shape, white bool) {
	pc := v.pc
	for _, s := range shapes {
		if white {
			s.Fill, s.Stroke = whitened(s.Fill), whitened(s.Stroke)
		}
		m := v.page.Mul(s.Transform)
		// Enough decimals for a hundredth of a point on the page.
		scale := math.Max(math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3]))
		prec := min(max(int(math.Ceil(math.Log10(scale*100))), 0), 9)
		b.WriteString("q\n")
		// Clips are in drawing units, before the shape's transform.
		for _, c := range s.Clips {
			writePath(b, c.Path, v.cprec)
			if c.EvenOdd {
				b.WriteString("W* n\n")
			} else {
				b.WriteString("W n\n")
			}
		}
		outer := ""
		if s.Mask != nil {
			outer = v.mask(s.Mask)
			b.WriteString("/" + outer + " gs\n")
		}
		writeMatrix(b, s.Transform, 6)
		// Each paint with an opacity has its own q … Q, so that the
		// other paint of the shape is not made transparent too.
		if !s.Fill.None {
			a := fillAlpha(&s.Fill)
			if a < 1 {
				b.WriteString("q\n")
			}
			pc.fillShape(b, &s, a, outer, prec)
			if a < 1 {
				b.WriteString("Q\n")
			}
		}
		if !s.Stroke.None {
			if s.Stroke.Opacity < 1 {
				b.WriteString("q\n")
				pc.alpha(b, s.Stroke.Opacity)
			}
			c := s.Stroke.Colour
			b.WriteString(rgb(c) + " RG ")
			b.WriteString(fnum(s.StrokeWidth, 4) + " w ")
			b.WriteString(map[string]string{"butt": "0", "round": "1", "square": "2"}[s.Cap] + " J ")
			b.WriteString(map[string]string{"miter": "0", "round": "1", "bevel": "2"}[s.Join] + " j ")
			b.WriteString(fnum(s.MiterLimit, 3) + " M [] 0 d\n")
			writePath(b, s.Path, prec)
			b.WriteString("S\n")
			if s.Stroke.Opacity < 1 {
				b.WriteString("Q\n")
			}
		}
		b.WriteString("Q\n")
	}
}

// mask returns the soft mask (fpdf patch 30) of an SVG <mask>, made once
// per drawing: a luminosity group drawing the mask's content in the
// drawing's space, which is current where every shape under it sets it
// (before the shape's own transform).
func (v *vectorPage) mask(mk *vector.Mask) string {
	if name, ok := v.masks[mk]; ok {
		return name
	}
	var b strings.Builder
	v.shapes(&b, mk.Shapes, mk.Alpha)
	name := v.pc.pdf.SoftMask(v.box, strings.TrimSuffix(b.String(), "\n"))
	v.masks[mk] = name
	return name
}

// whitened is p in white, with its opacities (a gradient's stops too).
func whitened(p vector.Paint) vector.Paint {
	white := vector.Colour{R: 255, G: 255, B: 255}
	p.Colour = white
	if g := p.Gradient; g != nil {
		w := *g
		w.Stops = append([]vector.Stop(nil), g.Stops...)
		for i := range w.Stops {
			w.Stops[i].Colour = white
		}
		p.Gradient = &w
	}
	return p
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
// geometry, whose luminosity is the fill's alpha. outer names the soft
// mask of the SVG <mask> the shape is under, if any, set in the
// drawing's space: the gradient's mask replaces it, so it paints its
// greys through it.
func (pc *pdfCanvas) fillShape(b *strings.Builder, s *vector.Shape, a float64, outer string, prec int) {
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
		if outer != "" {
			inv, ok := invert(s.Transform)
			if !ok {
				b.WriteString("Q\n") // a shape flattened to nothing
				return
			}
			writeMatrix(&mb, inv, 9)
			mb.WriteString("/" + outer + " gs\n")
			writeMatrix(&mb, s.Transform, 9)
		}
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

// invert returns m's inverse, if it has one.
func invert(m vector.Matrix) (vector.Matrix, bool) {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return vector.Matrix{}, false
	}
	return vector.Matrix{m[3] / det, -m[1] / det, -m[2] / det, m[0] / det,
		(m[2]*m[5] - m[3]*m[4]) / det, (m[1]*m[4] - m[0]*m[5]) / det}, true
}

// gradientSolid reports a gradient SVG paints in one colour (its last
// stop): a zero-length vector or a zero radius.
func gradientSolid(g *vector.Gradient) bool {
	if g.Radial {
		return g.R == 0
	}
	return g.X1 == g.X2 && g.Y1 == g.Y2
}

// alpha sets a constant opacity with one of fpdf's ExtGStates (named by
// patch 30's AlphaState, so that it can be set inside a mask's group as
// well as on the page).
func (pc *pdfCanvas) alpha(b *strings.Builder, a float64) {
	b.WriteString("/" + pc.pdf.AlphaState(a, "Normal") + " gs\n")
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
