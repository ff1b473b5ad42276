package vector_test

import (
	"math"
	"testing"

	"github.com/pressroom/pressroom/pkg/vector"
)

// A <mask> is read onto the shapes it covers: one *Mask shared by a
// group's shapes, its content inheriting from where the mask is defined
// (fill="white" on the mask), clipped to its region, in user space or
// in the masked element's bounding box; mask-type: alpha is kept; a
// mask whose region is empty hides its element; and the SVG written
// back keeps the masks.
func TestMasks(t *testing.T) {
	src := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
<circle id="disc" cx="20" cy="20" r="10"/>
<mask id="cut" fill="white"><use xlink:href="#disc"/></mask>
<g mask="url(#cut)" transform="translate(10 0)"><rect width="10" height="10"/><rect x="20" width="10" height="10"/></g>
<mask id="box" maskContentUnits="objectBoundingBox" style="mask-type:alpha"><rect width="0.5" height="1" fill="red"/></mask>
<rect x="40" y="40" width="20" height="10" mask="url(#box)"/>
<mask id="none" width="0"><rect width="100" height="100" fill="#fff"/></mask>
<rect x="70" y="70" width="5" height="5" mask="url(#none)"/>
</svg>`
	d, err := vector.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	check := func(d *vector.Drawing) {
		t.Helper()
		// The disc itself, the group's two rectangles, the box's one.
		if len(d.Shapes) != 4 {
			t.Fatalf("%d shapes, want 4 (the rectangle under an empty mask region is hidden)", len(d.Shapes))
		}
		cut := d.Shapes[1].Mask
		if d.Shapes[0].Mask != nil || cut == nil || d.Shapes[2].Mask != cut {
			t.Fatalf("masks %p %p %p, want none on the disc and one shared by the group", d.Shapes[0].Mask, cut, d.Shapes[2].Mask)
		}
		if len(cut.Shapes) != 1 || cut.Alpha || !cut.Solid() {
			t.Errorf("the cut-out mask is %+v, want one white shape, luminance", cut)
		}
		if c := cut.Shapes[0].Fill.Colour; c != (vector.Colour{R: 255, G: 255, B: 255}) {
			t.Errorf("the mask's disc is filled %v, want the mask's white", c)
		}
		// The content is in the group's user space: translated by 10.
		if x, _ := cut.Shapes[0].Transform.Apply(20, 20); math.Abs(x-30) > 1e-9 {
			t.Errorf("the mask's disc is centred at x=%g, want 30", x)
		}
		if len(cut.Shapes[0].Clips) == 0 {
			t.Errorf("the mask's content has no clip, want its region")
		}
		box := d.Shapes[3].Mask
		if box == nil || !box.Alpha || len(box.Shapes) != 1 {
			t.Fatalf("the bounding-box mask is %+v, want an alpha mask of one shape", box)
		}
		// (0.5, 1) of the bounding box (40, 40)–(60, 50) is (50, 50).
		if x, y := box.Shapes[0].Transform.Apply(0.5, 1); math.Abs(x-50) > 1e-9 || math.Abs(y-50) > 1e-9 {
			t.Errorf("the bounding-box mask's corner is at (%g, %g), want (50, 50)", x, y)
		}
	}
	check(d)
	back, err := vector.Parse(d.SVG())
	if err != nil {
		t.Fatalf("the written SVG does not parse: %v\n%s", err, d.SVG())
	}
	check(back)
}

// A mask is drawn again for every element whose bounding box it depends
// on, and that content counts towards the file's limits: a mask of a
// long path on thousands of shapes is refused, not drawn into a PDF of
// millions of segments.
func TestMaskBomb(t *testing.T) {
	path := "M0 0"
	for i := range 200 {
		path += " L" + string(rune('1'+i%9)) + " 1"
	}
	src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><mask id="m"><path d="` + path + `" fill="#fff"/></mask>`
	for i := range 5000 {
		src += `<rect x="` + string(rune('0'+i%10)) + `" y="0" width="` + string(rune('1'+i%9)) + `.` + string(rune('0'+i/10%10)) + string(rune('0'+i/100%10)) + string(rune('0'+i/1000%10)) + `" height="1" mask="url(#m)"/>`
	}
	src += `</svg>`
	_, err := vector.Parse([]byte(src))
	if err == nil {
		t.Fatal("a mask of 200 segments on 5,000 shapes of different sizes was accepted")
	}
	t.Log(err)
}
