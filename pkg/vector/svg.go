package vector

import (
	"fmt"
	"strconv"
	"strings"
)

// SVG writes the drawing back as a self-contained SVG document made only
// of what was parsed: paths, solid colours and gradients, never anything
// copied from the file (no ids, classes, scripts, links or metadata), so
// it is safe to put in a web page.
func (d *Drawing) SVG() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s">`, num(d.Width), num(d.Height), num(d.Width), num(d.Height))
	w := svgWriter{b: &b, clipIDs: map[*Clip]string{}, maskIDs: map[*Mask]string{}}
	for i := range d.Shapes {
		w.shape(&d.Shapes[i])
	}
	b.WriteString("</svg>")
	return []byte(b.String())
}

// svgWriter writes shapes, each clip and mask once.
type svgWriter struct {
	b       *strings.Builder
	grads   int
	clipIDs map[*Clip]string
	maskIDs map[*Mask]string
}

func (w *svgWriter) shape(s *Shape) {
	b := w.b
	// A mask is written once, in drawing units (its content's
	// transforms are its own), before the first shape under it, and
	// the shape is wrapped in a group without a transform, whose user
	// space is the drawing's.
	if mk := s.Mask; mk != nil {
		if _, ok := w.maskIDs[mk]; !ok {
			id := fmt.Sprintf("m%d", len(w.maskIDs)+1)
			w.maskIDs[mk] = id
			b.WriteString(`<mask id="` + id + `" maskUnits="userSpaceOnUse"`)
			if mk.Alpha {
				b.WriteString(` mask-type="alpha"`)
			}
			b.WriteString(">")
			for i := range mk.Shapes {
				w.shape(&mk.Shapes[i])
			}
			b.WriteString("</mask>")
		}
		b.WriteString(`<g mask="url(#` + w.maskIDs[mk] + `)">`)
	}
	// Each clip is written once, in drawing units, and the shape is
	// wrapped in one group per clip (they intersect).
	for _, c := range s.Clips {
		if _, ok := w.clipIDs[c]; !ok {
			id := fmt.Sprintf("c%d", len(w.clipIDs)+1)
			w.clipIDs[c] = id
			b.WriteString(`<clipPath id="` + id + `"><path d="`)
			writePath(b, c.Path)
			b.WriteString(`"`)
			if c.EvenOdd {
				b.WriteString(` clip-rule="evenodd"`)
			}
			b.WriteString("/></clipPath>")
		}
		b.WriteString(`<g clip-path="url(#` + w.clipIDs[c] + `)">`)
	}
	fill := "none"
	if !s.Fill.None {
		if g := s.Fill.Gradient; g != nil {
			w.grads++
			id := fmt.Sprintf("g%d", w.grads)
			writeGradient(b, id, g)
			fill = "url(#" + id + ")"
		} else {
			fill = hex(s.Fill.Colour)
		}
	}
	b.WriteString(`<path d="`)
	writePath(b, s.Path)
	fmt.Fprintf(b, `" transform="matrix(%s %s %s %s %s %s)" fill="%s"`, num(s.Transform[0]), num(s.Transform[1]), num(s.Transform[2]), num(s.Transform[3]), num(s.Transform[4]), num(s.Transform[5]), fill)
	if !s.Fill.None && s.Fill.Opacity < 1 {
		fmt.Fprintf(b, ` fill-opacity="%s"`, num(s.Fill.Opacity))
	}
	if s.EvenOdd {
		b.WriteString(` fill-rule="evenodd"`)
	}
	if !s.Stroke.None {
		fmt.Fprintf(b, ` stroke="%s" stroke-width="%s" stroke-linecap="%s" stroke-linejoin="%s" stroke-miterlimit="%s"`,
			hex(s.Stroke.Colour), num(s.StrokeWidth), s.Cap, s.Join, num(s.MiterLimit))
		if s.Stroke.Opacity < 1 {
			fmt.Fprintf(b, ` stroke-opacity="%s"`, num(s.Stroke.Opacity))
		}
	}
	b.WriteString("/>")
	for range s.Clips {
		b.WriteString("</g>")
	}
	if s.Mask != nil {
		b.WriteString("</g>")
	}
}

func writeGradient(b *strings.Builder, id string, g *Gradient) {
	units := "userSpaceOnUse"
	if g.BoundingBox {
		units = "objectBoundingBox"
	}
	t := g.Transform
	if g.Radial {
		fmt.Fprintf(b, `<radialGradient id="%s" gradientUnits="%s" cx="%s" cy="%s" r="%s" fx="%s" fy="%s"`, id, units, num(g.CX), num(g.CY), num(g.R), num(g.FX), num(g.FY))
	} else {
		fmt.Fprintf(b, `<linearGradient id="%s" gradientUnits="%s" x1="%s" y1="%s" x2="%s" y2="%s"`, id, units, num(g.X1), num(g.Y1), num(g.X2), num(g.Y2))
	}
	if t != Identity {
		fmt.Fprintf(b, ` gradientTransform="matrix(%s %s %s %s %s %s)"`, num(t[0]), num(t[1]), num(t[2]), num(t[3]), num(t[4]), num(t[5]))
	}
	b.WriteString(">")
	for _, s := range g.Stops {
		if s.Opacity < 1 {
			fmt.Fprintf(b, `<stop offset="%s" stop-color="%s" stop-opacity="%s"/>`, num(s.Offset), hex(s.Colour), num(s.Opacity))
			continue
		}
		fmt.Fprintf(b, `<stop offset="%s" stop-color="%s"/>`, num(s.Offset), hex(s.Colour))
	}
	if g.Radial {
		b.WriteString("</radialGradient>")
	} else {
		b.WriteString("</linearGradient>")
	}
}

func writePath(b *strings.Builder, path []Segment) {
	for i, s := range path {
		if i > 0 {
			b.WriteByte(' ')
		}
		// A command repeats without its letter, except M (whose
		// further pairs would be line-tos) and Z (which takes none).
		if i == 0 || s.Op != path[i-1].Op || s.Op == MoveTo || s.Op == Close {
			b.WriteByte(byte(s.Op))
		}
		k := 0
		switch s.Op {
		case MoveTo, LineTo:
			k = 1
		case CubicTo:
			k = 3
		}
		for j := range k {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(s.Pts[j][0]))
			b.WriteByte(' ')
			b.WriteString(num(s.Pts[j][1]))
		}
	}
}

func num(v float64) string {
	if v == 0 {
		return "0" // no "-0"
	}
	return strconv.FormatFloat(v, 'g', 8, 64)
}

func hex(c Colour) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
