// Command gen draws the logo marks of the built-in layouts and of the
// custom-brand example: simple fictional marks, so that no real
// organisation's logo ships with pressroom. Each is a PNG with a
// transparent background, drawn with anti-aliased vector shapes.
//
// Run it from the module root after changing a mark:
//
//	go run ./layouts/gen
//
// Its test fails when a committed image differs from what it draws.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

// marks are the images gen writes, by path from the module root.
var marks = []struct {
	path string
	draw func() *image.NRGBA
}{
	{"layouts/default-mark.png", shelterMark},
	{"layouts/letterhead-mark.png", partnershipMark},
	{"layouts/plain-mark.png", plainMark},
	{"examples/custom-brand/logo.png", riversideMark},
}

func main() {
	for _, m := range marks {
		data, err := encode(trim(m.draw()))
		if err == nil {
			err = os.WriteFile(m.path, data, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen: %s: %v\n", m.path, err)
			os.Exit(1)
		}
	}
}

// trim crops an image to what is drawn on it, so that a logo's width on
// the page is the width of the mark itself.
func trim(img *image.NRGBA) *image.NRGBA {
	b := img.Bounds()
	box := image.Rectangle{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.NRGBAAt(x, y).A != 0 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	out := image.NewNRGBA(image.Rect(0, 0, box.Dx(), box.Dy()))
	draw.Draw(out, out.Bounds(), img, box.Min, draw.Src)
	return out
}

func encode(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	err := enc.Encode(&b, img)
	return b.Bytes(), err
}

// canvas is a transparent image that shapes are painted onto.
type canvas struct{ img *image.NRGBA }

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewNRGBA(image.Rect(0, 0, w, h))}
}

// fill paints the polygons (an even number of crossings is outside) in c.
func (cv *canvas) fill(c color.NRGBA, polys ...[]point) {
	b := cv.img.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	r.DrawOp = draw.Src
	for _, p := range polys {
		if len(p) == 0 {
			continue
		}
		r.MoveTo(float32(p[0].x), float32(p[0].y))
		for _, q := range p[1:] {
			r.LineTo(float32(q.x), float32(q.y))
		}
		r.ClosePath()
	}
	mask := image.NewAlpha(b)
	r.Draw(mask, b, image.Opaque, image.Point{})
	draw.DrawMask(cv.img, b, image.NewUniform(c), image.Point{}, mask, image.Point{}, draw.Over)
}

type point struct{ x, y float64 }

// arc returns points on a circle from angle a0 to a1 (radians, clockwise
// on screen because y grows downwards).
func arc(cx, cy, r, a0, a1 float64) []point {
	n := int(math.Ceil(math.Abs(a1-a0) / (2 * math.Pi) * 256))
	n = max(n, 8)
	pts := make([]point, 0, n+1)
	for i := 0; i <= n; i++ {
		a := a0 + (a1-a0)*float64(i)/float64(n)
		pts = append(pts, point{cx + r*math.Cos(a), cy + r*math.Sin(a)})
	}
	return pts
}

func circle(cx, cy, r float64) []point { return arc(cx, cy, r, 0, 2*math.Pi) }

// band is a thick arc: the outer edge forwards, the inner edge back, with
// round ends.
func band(cx, cy, r, width, a0, a1 float64) []point {
	outer := arc(cx, cy, r+width/2, a0, a1)
	inner := arc(cx, cy, r-width/2, a1, a0)
	end := func(a float64, from, to float64) []point {
		return arc(cx+r*math.Cos(a), cy+r*math.Sin(a), width/2, from, to)
	}
	var p []point
	p = append(p, outer...)
	p = append(p, end(a1, a1, a1+math.Pi)...)
	p = append(p, inner...)
	p = append(p, end(a0, a0+math.Pi, a0+2*math.Pi)...)
	return p
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 255}
}

// shelterMark is the default layout's mark, set on its navy band: a white
// arc sheltering two figures, a grown-up and a child, in white and a light
// teal.
func shelterMark() *image.NRGBA {
	cv := newCanvas(480, 480)
	white, teal := rgb(0xFFFFFF), rgb(0x8FD3D0)
	cv.fill(white, band(240, 270, 170, 44, math.Pi*1.08, math.Pi*1.92))
	// The grown-up: head and shoulders.
	cv.fill(white, circle(190, 236, 44))
	cv.fill(white, arc(190, 392, 76, math.Pi, 2*math.Pi))
	// The child, smaller, beside them.
	cv.fill(teal, circle(326, 292, 32))
	cv.fill(teal, arc(326, 392, 56, math.Pi, 2*math.Pi))
	return cv.img
}

// partnershipMark is the letterhead layout's mark, for white paper: three
// overlapping rings, the partners working together, in green, teal and
// slate.
func partnershipMark() *image.NRGBA {
	cv := newCanvas(520, 480)
	const r, w = 118, 30
	centres := []point{{180, 190}, {340, 190}, {260, 320}}
	colours := []color.NRGBA{rgb(0x1D5C4D), rgb(0x2F8F83), rgb(0x4A5A6A)}
	for i, c := range centres {
		cv.fill(colours[i], band(c.x, c.y, r, w, 0, 2*math.Pi-0.0001))
	}
	// Interlace them: each pair crosses twice, and at one of the two
	// crossings the ring drawn first passes over the other.
	over := func(i int, from, to float64) {
		c := centres[i]
		cv.fill(colours[i], band(c.x, c.y, r, w, from*math.Pi, to*math.Pi))
	}
	over(0, 0.54, 0.66)   // green over slate, lower left
	over(0, -0.33, -0.20) // green over teal, top
	over(1, 0.34, 0.46)   // teal over slate, lower right
	return cv.img
}

// plainMark is the plain layout's mark, black for printing: a square
// with three lines of "text", like a page of a release.
func plainMark() *image.NRGBA {
	cv := newCanvas(400, 400)
	black := rgb(0x111111)
	rect := func(x0, y0, x1, y1 float64) []point {
		return []point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
	}
	// A frame: the outer square with the inner one cut out (even-odd).
	cv.fill(black, rect(20, 20, 380, 380), reverse(rect(56, 56, 344, 344)))
	cv.fill(black, rect(96, 104, 304, 140))
	cv.fill(black, rect(96, 182, 304, 206))
	cv.fill(black, rect(96, 248, 240, 272))
	cv.fill(black, rect(96, 306, 270, 318))
	return cv.img
}

func reverse(p []point) []point {
	out := make([]point, len(p))
	for i, q := range p {
		out[len(p)-1-i] = q
	}
	return out
}

// riversideMark is the custom-brand example's logo, for a fictional
// family helpline: a sun over two river waves, in warm yellow and blue.
func riversideMark() *image.NRGBA {
	cv := newCanvas(520, 400)
	cv.fill(rgb(0xF2A900), circle(330, 140, 78))
	wave := func(y, amp, thick float64) []point {
		var top, bottom []point
		for x := 30.0; x <= 490; x += 4 {
			s := math.Sin((x - 30) / 460 * 2.5 * math.Pi)
			top = append(top, point{x, y + amp*s})
		}
		for x := 490.0; x >= 30; x -= 4 {
			s := math.Sin((x - 30) / 460 * 2.5 * math.Pi)
			bottom = append(bottom, point{x, y + amp*s + thick})
		}
		return append(top, bottom...)
	}
	cv.fill(rgb(0x005EB8), wave(230, 22, 38))
	cv.fill(rgb(0x41B6E6), wave(292, 22, 38))
	return cv.img
}
