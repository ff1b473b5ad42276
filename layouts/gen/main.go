// Command gen draws the logo of the custom-brand example: a simple
// fictional mark, so that no real organisation's logo ships with
// pressroom. (The built-in layouts have no mark: they set the
// organisation's name as a wordmark.) Each is a PNG with a
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
