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

	"github.com/pressroom/pressroom/pkg/mark"
)

// marks are the images gen writes, by path from the module root.
var marks = []struct {
	path string
	draw func() *image.NRGBA
}{
	{"layouts/default-mark.png", fromMark(mark.Shelter)},
	{"layouts/letterhead-mark.png", fromMark(mark.Partnership)},
	{"layouts/plain-mark.png", fromMark(mark.Plain)},
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
	box := cropBox(img)
	out := image.NewNRGBA(image.Rect(0, 0, box.Dx(), box.Dy()))
	draw.Draw(out, out.Bounds(), img, box.Min, draw.Src)
	return out
}

// cropBox is the smallest rectangle holding every pixel drawn on.
func cropBox(img *image.NRGBA) image.Rectangle {
	b := img.Bounds()
	box := image.Rectangle{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.NRGBAAt(x, y).A != 0 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
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

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 255}
}

// fromMark paints one of pkg/mark's marks, the shapes pkg/render draws
// as vectors in PDFs.
func fromMark(m func() mark.Mark) func() *image.NRGBA {
	return func() *image.NRGBA {
		mk := m()
		cv := newCanvas(mk.Width, mk.Height)
		for _, f := range mk.Fills {
			var polys [][]point
			for _, p := range f.Paths {
				var poly []point
				for _, q := range mark.Flatten(p) {
					poly = append(poly, point{q.X, q.Y})
				}
				polys = append(polys, poly)
			}
			cv.fill(rgb(f.Colour), polys...)
		}
		return cv.img
	}
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
