package fpdf

import (
	"fmt"
	"strconv"
	"strings"
)

// ShadingStop is one colour of a shading made with Shading, at Offset
// from 0 to 1 along the gradient; components are 0–255.
type ShadingStop struct {
	Offset  float64
	R, G, B int
}

// Shading registers an axial (radial false; coords x0 y0 x1 y1) or radial
// (radial true; coords x0 y0 r0 x1 y1 r1) shading through any number of
// colour stops, extended at both ends, and returns its resource name
// ("Sh3"). Coordinates are in the space current where it is painted: the
// caller sets a clipping path and a matrix, then paints it with
// RawWriteStr("/Sh3 sh") inside q … Q. Stops must be in order of
// offset; two stops at one offset make a hard edge. (pressroom patch 18:
// fpdf's LinearGradient and RadialGradient take two colours only and
// paint into an axis-aligned rectangle, which an SVG gradient with
// several stops or a rotated gradient cannot use.)
func (f *Fpdf) Shading(radial bool, coords []float64, stops []ShadingStop) string {
	if f.err != nil {
		return ""
	}
	want := 4
	tp := 2
	if radial {
		want, tp = 6, 3
	}
	if len(coords) != want || len(stops) == 0 {
		f.err = fmt.Errorf("Shading: %d coordinates and %d stops", len(coords), len(stops))
		return ""
	}
	colour := func(s ShadingStop) string {
		return sprintf("%.5f %.5f %.5f", float64(s.R)/255, float64(s.G)/255, float64(s.B)/255)
	}
	// Intervals from 0 to 1: the first colour before the first stop, the
	// last after the last, and one interpolation between each pair;
	// empty intervals (hard edges, stops at 0 or 1) are left out.
	type interval struct {
		from, to float64
		c0, c1   string
	}
	var iv []interval
	add := func(from, to float64, c0, c1 string) {
		if to > from {
			iv = append(iv, interval{from, to, c0, c1})
		}
	}
	first, last := stops[0], stops[len(stops)-1]
	add(0, min(max(first.Offset, 0), 1), colour(first), colour(first))
	for i := 1; i < len(stops); i++ {
		add(min(max(stops[i-1].Offset, 0), 1), min(max(stops[i].Offset, 0), 1), colour(stops[i-1]), colour(stops[i]))
	}
	add(min(max(last.Offset, 0), 1), 1, colour(last), colour(last))
	if len(iv) == 0 { // every stop at one offset: the last colour
		iv = append(iv, interval{0, 1, colour(last), colour(last)})
	}
	var fn strings.Builder
	if len(iv) == 1 {
		fn.WriteString(sprintf("<</FunctionType 2 /Domain [0 1] /C0 [%s] /C1 [%s] /N 1>>", iv[0].c0, iv[0].c1))
	} else {
		fn.WriteString("<</FunctionType 3 /Domain [0 1] /Functions [")
		for _, v := range iv {
			fn.WriteString(sprintf("<</FunctionType 2 /Domain [0 1] /C0 [%s] /C1 [%s] /N 1>>", v.c0, v.c1))
		}
		fn.WriteString("] /Bounds [")
		for i, v := range iv[1:] {
			if i > 0 {
				fn.WriteByte(' ')
			}
			fn.WriteString(strconv.FormatFloat(v.from, 'f', 5, 64))
		}
		fn.WriteString("] /Encode [")
		for i := range iv {
			if i > 0 {
				fn.WriteByte(' ')
			}
			fn.WriteString("0 1")
		}
		fn.WriteString("]>>")
	}
	var cs strings.Builder
	for i, c := range coords {
		if i > 0 {
			cs.WriteByte(' ')
		}
		cs.WriteString(strconv.FormatFloat(c, 'f', 5, 64))
	}
	pos := len(f.gradientList)
	f.gradientList = append(f.gradientList, gradientType{tp: tp, fn: fn.String(), coords: cs.String()})
	return sprintf("Sh%d", pos)
}
