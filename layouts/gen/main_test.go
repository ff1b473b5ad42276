package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom/pkg/mark"
)

// The committed marks are what gen draws: a change to a drawing needs
// `go run ./layouts/gen` and the new images committed with it.
func TestMarksUpToDate(t *testing.T) {
	for _, m := range marks {
		want, err := encode(trim(m.draw()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(m.path)))
		if err != nil {
			t.Fatalf("%s: %v (run go run ./layouts/gen)", m.path, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what gen draws: run go run ./layouts/gen", m.path)
		}
	}
}

// Every mark has a transparent background and something drawn on it.
func TestMarksTransparent(t *testing.T) {
	for _, m := range marks {
		img := trim(m.draw())
		b := img.Bounds()
		if b.Dx() < 200 || b.Dy() < 200 {
			t.Errorf("%s: %v is too small to print sharply", m.path, b.Size())
		}
		clear, solid := 0, 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				switch img.NRGBAAt(x, y).A {
				case 0:
					clear++
				case 255:
					solid++
				}
			}
		}
		if clear == 0 || solid == 0 {
			t.Errorf("%s: %d transparent and %d opaque pixels; want both", m.path, clear, solid)
		}
	}
}

// Each built-in mark's Box is the crop gen makes, so that pkg/render
// draws the vector mark over the same area as the image.
func TestMarkBoxes(t *testing.T) {
	for _, m := range []struct {
		name string
		mark func() mark.Mark
	}{{"shelter", mark.Shelter}, {"partnership", mark.Partnership}, {"plain", mark.Plain}} {
		mk := m.mark()
		b := cropBox(fromMark(m.mark)())
		if got := [4]int{b.Min.X, b.Min.Y, b.Max.X, b.Max.Y}; got != mk.Box {
			t.Errorf("%s: Box %v, gen crops to %v", m.name, mk.Box, got)
		}
	}
}
