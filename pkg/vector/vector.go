// Package vector reads an SVG logo into a read-only drawing list: paths
// with their transforms, solid and gradient fills (stops may fade),
// solid strokes and opacities, ready to be drawn as vectors in a PDF (pkg/render) or
// written back as a clean SVG (pkg/webpage).
//
// It reads the subset of SVG that brand marks are made of — svg, g, path,
// rect, circle, ellipse, line, polyline, polygon, linearGradient,
// radialGradient, clipPath (of shapes), mask, use and symbol,
// presentation attributes, style attributes and simple class rules in a
// style element — and refuses everything else by name with its line and
// column (text, filters, patterns, images, scripts, external
// references, CSS it cannot apply, masks it cannot draw exactly), so
// that a logo is never drawn silently wrong.
//
// Hostile files are bounded: the file size, element count, nesting depth,
// path length and number sizes are limited before any work grows with
// them, XML entities are refused unless they are short plain text whose
// references expand to at most 1 MB in all (no billion laughs), and so
// is a <use> of uses that would draw more than maxWalked elements.
//
// Why not a library: github.com/srwiley/oksvg (+147 KB in pressroom's
// binary) keeps fills in unexported fields and caps as functions, stores
// paths in 26.6 fixed point and reports no positions; it has had no
// release since 2022. github.com/tdewolff/canvas adds 1.8 MB and 21
// modules. This package is encoding/xml and a path parser.
package vector

import "fmt"

// Limits on an SVG file, checked while reading so that memory stays
// bounded whatever the file holds.
const (
	MaxBytes    = 4 << 20 // the file
	MaxElements = 20_000  // elements of any kind
	MaxDepth    = 64      // nesting of elements
	MaxSegments = 500_000 // path segments over the whole drawing
	MaxNumber   = 1e9     // the magnitude of any coordinate or length
)

// Drawing is a parsed SVG: its viewBox size and the shapes in painting
// order. It is read-only once parsed and may be shared by concurrent
// renders.
type Drawing struct {
	// Width and Height are the viewBox's size in user units; the
	// drawing's aspect ratio is Height/Width.
	Width, Height float64
	Shapes        []Shape
	Title         string // the svg's <title>, if any (not used as alt text)
}

// Matrix is an affine transform [a b c d e f]: x' = a·x + c·y + e,
// y' = b·x + d·y + f (SVG's and PDF's order).
type Matrix [6]float64

// Identity is the transform that changes nothing.
var Identity = Matrix{1, 0, 0, 1, 0, 0}

// Mul returns m applied after n: (m·n)(p) = m(n(p)).
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		m[0]*n[0] + m[2]*n[1],
		m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3],
		m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4],
		m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// Apply returns the point (x, y) transformed by m.
func (m Matrix) Apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// Op is a path operation.
type Op byte

// The path operations: every SVG command (arcs, quadratic curves,
// shorthand and relative forms) is reduced to these four.
const (
	MoveTo  Op = 'M'
	LineTo  Op = 'L'
	CubicTo Op = 'C' // two control points, then the end point
	Close   Op = 'Z'
)

// Segment is one path operation with its points (absolute, in the
// shape's own user units): one for MoveTo and LineTo, three for
// CubicTo, none for Close.
type Segment struct {
	Op  Op
	Pts [3][2]float64
}

// Shape is one painted path: fill first, then stroke.
type Shape struct {
	Path []Segment
	// Transform maps the path's user units to the drawing's: every
	// transform of the element and its groups, and the viewBox's
	// offset, so that the drawing spans (0,0)–(Width,Height).
	Transform Matrix
	Fill      Paint
	EvenOdd   bool // fill-rule: evenodd
	Stroke    Paint
	// Stroke geometry, in the path's user units.
	StrokeWidth float64
	MiterLimit  float64
	Cap         string // "butt", "round" or "square"
	Join        string // "miter", "round" or "bevel"
	// Clips are the clipping paths the shape is drawn inside, all of
	// them (they intersect); nil for none.
	Clips []*Clip
	// Mask, when set, is the mask the shape is drawn under (a mask on
	// a group is on each of its shapes).
	Mask *Mask
	// Line is where the element starts in the file, for messages.
	Line int
}

// Paint is a fill or stroke: none, a colour, or a gradient.
type Paint struct {
	// Colour is the solid colour; ignored when Gradient is set.
	Colour Colour
	// Gradient, when set, paints with a gradient (fills only).
	Gradient *Gradient
	// Opacity is the paint's alpha, 0–1 (fill- or stroke-opacity
	// times the element's opacity).
	Opacity float64
	// None is true when nothing is painted.
	None bool
}

// Colour is an sRGB colour.
type Colour struct{ R, G, B uint8 }

// Gradient is a linear or radial gradient with its colour stops.
type Gradient struct {
	Radial bool
	// Linear: from (X1,Y1) to (X2,Y2). Radial: the circle (CX,CY,R)
	// with the focal point (FX,FY).
	X1, Y1, X2, Y2 float64
	CX, CY, R      float64
	FX, FY         float64
	// BoundingBox is true for gradientUnits="objectBoundingBox" (the
	// default): coordinates are fractions of the shape's bounding box.
	BoundingBox bool
	// Transform is the gradientTransform.
	Transform Matrix
	Stops     []Stop
}

// Stop is one colour stop of a gradient, at Offset between 0 and 1.
type Stop struct {
	Offset float64
	Colour Colour
	// Opacity is the stop's alpha, 0–1 (stop-opacity); between stops
	// it is interpolated apart from the colour, as SVG does.
	Opacity float64
}

// Opaque reports whether every stop of g is opaque, so that the
// gradient needs no soft mask.
func (g *Gradient) Opaque() bool {
	for _, s := range g.Stops {
		if s.Opacity < 1 {
			return false
		}
	}
	return true
}

// Error is a problem with an SVG file, at a line and column.
type Error struct {
	Line, Col int
	Msg       string
	// Hint says what to do instead.
	Hint string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return e.Msg
}

// Bounds returns the bounding box of a path in its own units: the exact
// extent of its curves, not of their control points (as SVG's bounding
// box is defined for objectBoundingBox gradients).
func Bounds(path []Segment) (x0, y0, x1, y1 float64) {
	first := true
	add := func(x, y float64) {
		if first {
			x0, y0, x1, y1 = x, y, x, y
			first = false
			return
		}
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	var cx, cy float64
	for _, s := range path {
		switch s.Op {
		case MoveTo, LineTo:
			cx, cy = s.Pts[0][0], s.Pts[0][1]
			add(cx, cy)
		case CubicTo:
			p := s.Pts
			add(p[2][0], p[2][1])
			for _, t := range cubicExtrema(cx, p[0][0], p[1][0], p[2][0]) {
				x, y := cubicAt(cx, cy, p, t)
				add(x, y)
			}
			for _, t := range cubicExtrema(cy, p[0][1], p[1][1], p[2][1]) {
				x, y := cubicAt(cx, cy, p, t)
				add(x, y)
			}
			cx, cy = p[2][0], p[2][1]
		}
	}
	return
}

func cubicAt(x0, y0 float64, p [3][2]float64, t float64) (float64, float64) {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return a*x0 + b*p[0][0] + c*p[1][0] + d*p[2][0], a*y0 + b*p[0][1] + c*p[1][1] + d*p[2][1]
}

// cubicExtrema returns the parameters in (0,1) where one coordinate of a
// cubic Bézier has a zero derivative.
func cubicExtrema(p0, p1, p2, p3 float64) []float64 {
	// derivative/3: a t² + b t + c
	a := -p0 + 3*p1 - 3*p2 + p3
	b := 2 * (p0 - 2*p1 + p2)
	c := p1 - p0
	var ts []float64
	keep := func(t float64) {
		if t > 0 && t < 1 {
			ts = append(ts, t)
		}
	}
	const eps = 1e-12
	if a > -eps && a < eps {
		if b < -eps || b > eps {
			keep(-c / b)
		}
		return ts
	}
	disc := b*b - 4*a*c
	if disc < 0 {
		return ts
	}
	sq := sqrt(disc)
	keep((-b + sq) / (2 * a))
	keep((-b - sq) / (2 * a))
	return ts
}
