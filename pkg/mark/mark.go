// Package mark holds the logo marks of the built-in layouts as shapes:
// layouts/gen paints them into the PNG files the layouts name (for the
// HTML page and for layouts copied elsewhere), and pkg/render draws them
// as vector paths in a PDF, which is smaller and faster than embedding
// the image and looks the same.
package mark

import (
	"math"
	"strings"
)

// Point is a position on a mark's canvas, in pixels; y grows downwards.
type Point struct{ X, Y float64 }

// Seg is one piece of a path's outline: a straight line to To, or, when R
// is above zero, an arc of the circle around C with radius R from angle A0
// to angle A1 (radians; with y growing downwards, growing angles turn
// clockwise). A path starts at its first segment's start and is closed.
type Seg struct {
	To     Point
	C      Point
	R      float64
	A0, A1 float64
}

// Start is where the segment begins when it is an arc.
func (s Seg) Start() Point { return Point{s.C.X + s.R*math.Cos(s.A0), s.C.Y + s.R*math.Sin(s.A0)} }

// End is where the segment ends.
func (s Seg) End() Point {
	if s.R <= 0 {
		return s.To
	}
	return Point{s.C.X + s.R*math.Cos(s.A1), s.C.Y + s.R*math.Sin(s.A1)}
}

// Fill is paths filled in one colour (0xRRGGBB) by the nonzero winding
// rule: a path turning the other way cuts a hole.
type Fill struct {
	Colour uint32
	Paths  [][]Seg
}

// Mark is a drawing on a Width × Height canvas; the image of it is
// cropped to Box, the part that is drawn on.
type Mark struct {
	Width, Height int
	Fills         []Fill
	// Box is the part of the canvas the PNG keeps: layouts/gen crops to
	// the pixels drawn on, and its test checks that Box is that crop.
	Box [4]int // x0, y0, x1, y1
}

// Builtin returns the mark a layout names by its logo file
// ("builtin:default-mark.png"), if the file is one of the built-in marks.
func Builtin(file string) (Mark, bool) {
	name, ok := strings.CutPrefix(file, "builtin:")
	if !ok {
		return Mark{}, false
	}
	switch name {
	case "default-mark.png":
		return Shelter(), true
	case "letterhead-mark.png":
		return Partnership(), true
	case "plain-mark.png":
		return Plain(), true
	}
	return Mark{}, false
}

// Flatten returns a path's outline as points, each arc cut into straight
// pieces (256 to a full turn, at least 8), as layouts/gen paints it.
func Flatten(path []Seg) []Point {
	var pts []Point
	for _, s := range path {
		if s.R <= 0 {
			pts = append(pts, s.To)
			continue
		}
		n := int(math.Ceil(math.Abs(s.A1-s.A0) / (2 * math.Pi) * 256))
		n = max(n, 8)
		for i := 0; i <= n; i++ {
			a := s.A0 + (s.A1-s.A0)*float64(i)/float64(n)
			pts = append(pts, Point{s.C.X + s.R*math.Cos(a), s.C.Y + s.R*math.Sin(a)})
		}
	}
	return pts
}

func arc(cx, cy, r, a0, a1 float64) Seg {
	return Seg{C: Point{cx, cy}, R: r, A0: a0, A1: a1}
}

func circle(cx, cy, r float64) []Seg { return []Seg{arc(cx, cy, r, 0, 2*math.Pi)} }

// band is a thick arc: the outer edge forwards, the inner edge back, with
// round ends.
func band(cx, cy, r, width, a0, a1 float64) []Seg {
	end := func(a, from, to float64) Seg {
		return arc(cx+r*math.Cos(a), cy+r*math.Sin(a), width/2, from, to)
	}
	return []Seg{
		arc(cx, cy, r+width/2, a0, a1),
		end(a1, a1, a1+math.Pi),
		arc(cx, cy, r-width/2, a1, a0),
		end(a0, a0+math.Pi, a0+2*math.Pi),
	}
}

func rect(x0, y0, x1, y1 float64) []Seg {
	return []Seg{{To: Point{x0, y0}}, {To: Point{x1, y0}}, {To: Point{x1, y1}}, {To: Point{x0, y1}}}
}

func reverse(p []Seg) []Seg {
	out := make([]Seg, len(p))
	for i, q := range p {
		out[len(p)-1-i] = q
	}
	return out
}

// Shelter is the default layout's mark, set on its navy band: a white arc
// sheltering two figures, a grown-up and a child, in white and a light
// teal.
func Shelter() Mark {
	const white, teal = 0xFFFFFF, 0x8FD3D0
	return Mark{Width: 480, Height: 480, Box: [4]int{53, 78, 427, 392}, Fills: []Fill{
		{white, [][]Seg{band(240, 270, 170, 44, math.Pi*1.08, math.Pi*1.92)}},
		// The grown-up: head and shoulders.
		{white, [][]Seg{circle(190, 236, 44)}},
		{white, [][]Seg{{arc(190, 392, 76, math.Pi, 2*math.Pi)}}},
		// The child, smaller, beside them.
		{teal, [][]Seg{circle(326, 292, 32)}},
		{teal, [][]Seg{{arc(326, 392, 56, math.Pi, 2*math.Pi)}}},
	}}
}

// Partnership is the letterhead layout's mark, for white paper: three
// overlapping rings, the partners working together, in green, teal and
// slate.
func Partnership() Mark {
	const r, w = 118, 30
	centres := []Point{{180, 190}, {340, 190}, {260, 320}}
	colours := []uint32{0x1D5C4D, 0x2F8F83, 0x4A5A6A}
	m := Mark{Width: 520, Height: 480, Box: [4]int{47, 57, 473, 453}}
	for i, c := range centres {
		m.Fills = append(m.Fills, Fill{colours[i], [][]Seg{band(c.X, c.Y, r, w, 0, 2*math.Pi-0.0001)}})
	}
	// Interlace them: each pair crosses twice, and at one of the two
	// crossings the ring drawn first passes over the other.
	over := func(i int, from, to float64) {
		c := centres[i]
		m.Fills = append(m.Fills, Fill{colours[i], [][]Seg{band(c.X, c.Y, r, w, from*math.Pi, to*math.Pi)}})
	}
	over(0, 0.54, 0.66)   // green over slate, lower left
	over(0, -0.33, -0.20) // green over teal, top
	over(1, 0.34, 0.46)   // teal over slate, lower right
	return m
}

// Plain is the plain layout's mark, black for printing: a square with
// three lines of "text", like a page of a release.
func Plain() Mark {
	const black = 0x111111
	return Mark{Width: 400, Height: 400, Box: [4]int{20, 20, 380, 380}, Fills: []Fill{
		// A frame: the outer square with the inner one cut out.
		{black, [][]Seg{rect(20, 20, 380, 380), reverse(rect(56, 56, 344, 344))}},
		{black, [][]Seg{rect(96, 104, 304, 140)}},
		{black, [][]Seg{rect(96, 182, 304, 206)}},
		{black, [][]Seg{rect(96, 248, 240, 272)}},
		{black, [][]Seg{rect(96, 306, 270, 318)}},
	}}
}
