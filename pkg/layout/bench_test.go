package layout_test

import (
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoadCold is what one process pays for its first layout: parse
// the TOML and the six bundled fonts, decode the mark.
func BenchmarkLoadCold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if l, d := newLibrary().Load("default", ""); l == nil {
			b.Fatal(d)
		}
	}
}

// BenchmarkLoadWarm is every later document: a map look-up.
func BenchmarkLoadWarm(b *testing.B) {
	b.ReportAllocs()
	lib := newLibrary()
	lib.Load("default", "")
	for b.Loop() {
		lib.Load("default", "")
	}
}

// A JPEG logo (no transparency) loads as well as a PNG.
func TestJPEGLogo(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 300, 120))
	for y := range 120 {
		for x := range 300 {
			img.Set(x, y, color.RGBA{uint8(x), 60, 120, 255})
		}
	}
	f, err := os.Create(filepath.Join(dir, "logo.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(f, img, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.WriteFile(filepath.Join(dir, "l.toml"), []byte("[logo]\nfile = \"logo.jpg\"\nalt = \"Test\"\n"), 0o644)
	l, diags := newLibrary().Load("l.toml", dir)
	if l == nil {
		t.Fatal(diags)
	}
	if l.Logo.Format != "jpeg" || l.Logo.Image.Bounds().Dx() != 300 || l.Logo.Alt != "Test" {
		t.Errorf("logo %s %v alt %q", l.Logo.Format, l.Logo.Image.Bounds(), l.Logo.Alt)
	}
}
