package vector_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/vector"
)

// wrap puts body (starting on line 2, column 3) into an SVG.
func wrap(body string) string {
	return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\">\n  " + body + "\n  <rect width=\"10\" height=\"10\"/>\n</svg>\n"
}

// What a logo cannot have is refused with a message naming it, at the
// line and column where the element starts, and a hint; never drawn
// without it.
func TestRefusedFeatures(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
	}{
		{"text", `<text x="1" y="9">Council</text>`, "<text> is not supported"},
		{"tspan in text", `<g><text><tspan>x</tspan></text></g>`, "2:6: <text> is not supported"},
		{"filter element", `<filter id="f"><feGaussianBlur stdDeviation="2"/></filter>`, "<filter> is not supported"},
		{"filter reference", `<rect width="5" height="5" filter="url(#f)"/>`, "filter is not supported"},
		// Masks: what pressroom does not draw of them.
		{"mask reference", `<rect width="5" height="5" style="mask:url(#m)"/>`, "mask refers to #m, which is not a <mask>"},
		{"mask in a mask", `<mask id="a"><rect width="5" height="5" fill="#fff"/></mask><mask id="m"><rect width="5" height="5" fill="#fff" mask="url(#a)"/></mask><rect width="5" height="5" mask="url(#m)"/>`, "a mask inside a <mask>"},
		{"masked inside masked", `<mask id="a"><rect width="5" height="5" fill="#fff"/></mask><g mask="url(#a)"><rect width="5" height="5" mask="url(#a)"/></g>`, "with a masked element inside"},
		{"translucent mask over overlaps", `<mask id="m"><rect width="9" height="9" fill="#888"/></mask><g mask="url(#m)"><rect width="5" height="5"/><rect x="2" width="5" height="5"/></g>`, "a mask with partial transparency on a <g> of 2 overlapping shapes"},
		{"mask units", `<mask id="m" maskUnits="strokeBox"><rect width="9" height="9" fill="#fff"/></mask><rect width="5" height="5" mask="url(#m)"/>`, `maskUnits "strokeBox"`},
		{"mask type", `<mask id="m" style="mask-type: luminosity"><rect width="9" height="9" fill="#fff"/></mask><rect width="5" height="5" mask="url(#m)"/>`, `mask-type "luminosity"`},
		{"filter in a mask", `<mask id="m"><filter id="f"/><rect width="9" height="9" fill="#fff"/></mask><rect width="5" height="5" mask="url(#m)"/>`, "<filter> is not supported"},
		{"clip path in bounding-box units", `<clipPath id="c" clipPathUnits="objectBoundingBox"><rect width="1" height="1"/></clipPath><g clip-path="url(#c)"><rect width="5" height="5"/></g>`, `clipPathUnits "objectBoundingBox" is not supported`},
		{"clip path of overlapping shapes", `<clipPath id="c"><rect width="5" height="5"/><circle r="3"/></clipPath><g clip-path="url(#c)"><rect width="5" height="5"/></g>`, "a clipPath of overlapping shapes"},
		{"text in a clip path", `<clipPath id="c"><text>A</text></clipPath><g clip-path="url(#c)"><rect width="5" height="5"/></g>`, "a <text> in a clipPath is not supported"},
		{"clipped clip path", `<clipPath id="c" clip-path="url(#d)"><rect width="5" height="5"/></clipPath><g clip-path="url(#c)"><rect width="5" height="5"/></g>`, "a clipPath that is itself clipped"},
		{"clip-path to nothing", `<g clip-path="url(#c)"><rect width="5" height="5"/></g>`, "clip-path refers to #c, which is not a clipPath in the file"},
		{"pattern", `<pattern id="p" width="4" height="4"><rect width="2" height="2"/></pattern>`, "<pattern> is not supported"},
		{"pattern fill", `<defs><pattern id="p" width="4" height="4"/></defs><rect width="5" height="5" fill="url(#p)"/>`, "fill refers to a <pattern>"},
		{"image", `<image href="logo.png" width="10" height="10"/>`, "<image> is not supported"},
		{"use of another file", `<use href="icons.svg#a"/>`, `<use> refers to "icons.svg#a" outside the file`},
		{"use of nothing", `<use href="#a"/>`, "<use> refers to #a, which the file does not define"},
		{"use loop", `<g id="a"><use href="#a"/></g>`, "<use> of #a draws itself (a loop)"},
		{"symbol with viewBox", `<symbol id="s" viewBox="0 0 1 1"><rect width="1" height="1"/></symbol><use href="#s"/>`, "a <symbol> with its own viewBox is not supported"},
		{"script", `<script>alert(1)</script>`, "<script> is not supported"},
		{"event handler", `<rect width="5" height="5" onclick="alert(1)"/>`, "the event attribute onclick is not allowed"},
		{"foreign object", `<foreignObject width="5" height="5"/>`, "<foreignObject> is not supported"},
		{"external gradient", `<rect width="5" height="5" fill="url(other.svg#g)"/>`, `fill refers to "other.svg#g" outside the file`},
		{"external gradient href", `<linearGradient id="g" href="https://example.org/g.svg#a"/><rect width="5" height="5" fill="url(#g)"/>`, "outside the file"},
		{"missing gradient", `<rect width="5" height="5" fill="url(#nothing)"/>`, "refers to #nothing, which the file does not define"},
		{"css id selector", `<style>#a { fill: red }</style>`, `the CSS selector "#a" is not supported`},
		{"css element selector", `<style>rect { fill: red }</style>`, `the CSS selector "rect" is not supported`},
		{"css at-rule", `<style>@import url(x.css);</style>`, "CSS"},
		{"css important", `<rect width="5" height="5" style="fill: red !important"/>`, "!important is not supported"},
		{"unknown css property", `<rect width="5" height="5" style="fill: red; backdrop-filter: blur(2px)"/>`, `the style property "backdrop-filter" is not supported`},
		{"dashes", `<rect width="5" height="5" stroke="#000" stroke-dasharray="2 1"/>`, "dashed strokes"},
		{"gradient stroke", `<linearGradient id="g"><stop offset="0"/><stop offset="1" stop-color="red"/></linearGradient><rect width="5" height="5" stroke="url(#g)"/>`, "a gradient on a stroke is not supported"},
		{"reflect", `<linearGradient id="g" spreadMethod="reflect"><stop offset="0"/></linearGradient><rect width="5" height="5" fill="url(#g)"/>`, `spreadMethod "reflect" is not supported`},
		{"group opacity over overlaps", `<g opacity="0.5"><rect width="5" height="5"/><rect x="2" width="5" height="5"/></g>`, "opacity on a <g> of 2 overlapping shapes"},
		{"opacity on fill and stroke", `<rect width="5" height="5" stroke="#000" opacity="0.5"/>`, "opacity on a shape with both a fill and a stroke"},
		{"colour with alpha", `<rect width="5" height="5" fill="#ff000080"/>`, "has transparency"},
		{"hsl colour", `<rect width="5" height="5" fill="hsl(0, 100%, 50%)"/>`, "is not a colour pressroom knows"},
		{"nested svg", `<svg viewBox="0 0 1 1"/>`, "a nested <svg>"},
		{"animation", `<rect width="5" height="5"><animate attributeName="x" to="5"/></rect>`, "<animate> is not supported"},
		{"em unit", `<rect width="5em" height="5"/>`, "em and ex units are not supported"},
		{"marker", `<path d="M0 0L5 5" stroke="#000" marker-end="url(#m)"/>`, "markers (marker-end) are not supported"},
		{"blend mode", `<rect width="5" height="5" style="mix-blend-mode: multiply"/>`, `mix-blend-mode "multiply" is not supported`},
		{"non-scaling stroke", `<rect width="5" height="5" vector-effect="non-scaling-stroke"/>`, "vector-effect"},
		{"focal point outside", `<radialGradient id="g" fx="1.2"><stop offset="0"/></radialGradient><rect width="5" height="5" fill="url(#g)"/>`, "focal point lies outside"},
		{"bad path", `<path d="M0 0 L5"/>`, "path data: a number is missing"},
		{"path not starting with M", `<path d="L5 5"/>`, "a path starts with M"},
		{"bad transform", `<g transform="rotate(1 2)"><rect width="5" height="5"/></g>`, "rotate takes 1 or 3"},
		{"unknown element", `<blink/>`, "<blink> is not an SVG drawing element"},
		{"switch by language", `<switch><g systemLanguage="cy"><rect width="5" height="5"/></g><g><rect width="5" height="5"/></g></switch>`, "a <switch> choosing by language"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := vector.Parse([]byte(wrap(tc.body)))
			var ve *vector.Error
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *vector.Error", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("got %q, want it to say %q", msg, tc.want)
			}
			if ve.Line < 2 || ve.Line > 3 {
				t.Errorf("got line %d in %q; the element is on line 2 (3 for two-line bodies)", ve.Line, msg)
			}
			if ve.Hint == "" {
				t.Errorf("%q has no hint", msg)
			}
		})
	}
}

// Elements are placed at their "<": line 2, column 3 in wrap.
func TestRefusalPosition(t *testing.T) {
	_, err := vector.Parse([]byte(wrap(`<text>x</text>`)))
	if err == nil || !strings.HasPrefix(err.Error(), "2:3: ") {
		t.Fatalf("got %v, want 2:3: …", err)
	}
}

// Hostile files are refused before they cost memory or time.
func TestHostileFiles(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>&lol3;</title><rect width="1" height="1"/></svg>`
	undeclared := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>&lol9;</title></svg>`
	deep := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">` + strings.Repeat("<g>", 10000) + strings.Repeat("</g>", 10000) + `</svg>`
	many := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">` + strings.Repeat(`<rect width="1" height="1"/>`, vector.MaxElements+1) + `</svg>`
	big := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><!--` + strings.Repeat("x", 100<<20) + `--></svg>`
	longPath := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0` + strings.Repeat(" L1 1", vector.MaxSegments+1) + `"/></svg>`
	for _, tc := range []struct{ name, src, want string }{
		{"billion laughs", laughs, "declares XML entities"},
		{"undeclared entity", undeclared, "XML entity"},
		{"external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>&x;</title></svg>`, "not plain text"},
		{"parameter entity", `<!DOCTYPE svg [<!ENTITY % p "x">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>`, "not plain text"},
		{"entity expansion", `<!DOCTYPE svg [<!ENTITY a "` + strings.Repeat("a", 256) + `">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>` + strings.Repeat("&a;", 5000) + `</title></svg>`, "expand to more than"},
		{"deep nesting", deep, "nested more than 64 deep"},
		{"many elements", many, fmt.Sprintf("more than %d elements", vector.MaxElements)},
		{"100 MB", big, "more than the 4 MB a logo may be"},
		{"long path", longPath, "segments"},
		{"use bomb", useBomb(), "more than 80000 elements (through <use>)"},
		{"huge number", wrap(`<rect width="1e300" height="5"/>`), "is larger than"},
		{"huge path number", wrap(`<path d="M0 0 L1e12 0"/>`), "is larger than"},
		{"huge transform", wrap(`<g transform="scale(1e8) scale(1e8)"><rect width="1" height="1"/></g>`), "too large"},
		{"NaN", wrap(`<rect width="NaN" height="5"/>`), "is not a length"},
		{"gradient loop", wrap(`<linearGradient id="a" href="#b"/><linearGradient id="b" href="#a"/><rect width="5" height="5" fill="url(#a)"/>`), "more than 8 deep (or in a loop)"},
		{"no viewBox", `<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>`, "no viewBox"},
		{"zero viewBox", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 10"><rect width="5" height="5"/></svg>`, "a positive width and height"},
		{"not svg", `<html/>`, "the root element is <html>"},
		{"not xml", `<svg viewBox="0 0 1 1"><rect></svg>`, "not well-formed"},
		{"empty drawing", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`, "draws nothing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := vector.Parse([]byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v (drawing %v), want an error saying %q", err, d != nil, tc.want)
			}
		})
	}
}

// useBomb is the billion laughs of <use>: each level draws the one
// below ten times.
func useBomb() string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><rect id="l0" width="1" height="1"/>`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<g id="l%d">`, i)
		for range 10 {
			fmt.Fprintf(&b, `<use href="#l%d"/>`, i-1)
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</defs><use href="#l9"/></svg>`)
	return b.String()
}

// Illustrator declares its namespaces as XML entities; such plain-text
// entities are read, and its "preserve editing" switch draws the group a
// browser draws, not the foreignObject only Illustrator reads.
func TestIllustratorFile(t *testing.T) {
	d := parseFile(t, "../../testdata/svg/illustrator.svg")
	if len(d.Shapes) != 3 || d.Shapes[0].Fill.Gradient == nil || !d.Shapes[0].Fill.Gradient.Radial {
		t.Fatalf("%d shapes, first filled %+v; want the 3 shapes of the group, the first with the radial gradient", len(d.Shapes), d.Shapes[0].Fill)
	}
}

// A circle's bounding box is its centre ± its radius, exactly (not the
// box of its control points), and an arc ends where it says.
func TestGeometry(t *testing.T) {
	d, err := vector.Parse([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="10 20 100 50">
<circle cx="30" cy="40" r="7"/>
<path d="M50 40 A10 10 0 0 1 70 40 a5 5 0 1 1 -10 0"/>
<g transform="translate(5 6)"><rect x="1" y="2" width="3" height="4" rx="1"/></g>
</svg>`))
	if err != nil {
		t.Fatal(err)
	}
	near := func(what string, got, want float64) {
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %g, want %g", what, got, want)
		}
	}
	x0, y0, x1, y1 := vector.Bounds(d.Shapes[0].Path)
	near("circle x0", x0, 23)
	near("circle y0", y0, 33)
	near("circle x1", x1, 37)
	near("circle y1", y1, 47)
	// The viewBox's offset is in the transform: (30,40) is at (20,20).
	x, y := d.Shapes[0].Transform.Apply(30, 40)
	near("circle centre x", x, 20)
	near("circle centre y", y, 20)
	// The semicircle over (50,40)–(70,40) with sweep 1 goes up to y=30.
	_, y0, _, _ = vector.Bounds(d.Shapes[1].Path)
	near("arc top", y0, 30)
	last := d.Shapes[1].Path[len(d.Shapes[1].Path)-1]
	near("arc end x", last.Pts[2][0], 60)
	near("arc end y", last.Pts[2][1], 40)
	x, y = d.Shapes[2].Transform.Apply(1, 2)
	near("rect x", x, 1+5-10)
	near("rect y", y, 2+6-20)
	if d.Width != 100 || d.Height != 50 {
		t.Errorf("size %g × %g, want the viewBox's 100 × 50", d.Width, d.Height)
	}
}

// The SVG written back for web pages parses to the same drawing: the
// same shapes, paints and points.
func TestSVGRoundTrip(t *testing.T) {
	for _, file := range corpus(t) {
		d := parseFile(t, file)
		again, err := vector.Parse(d.SVG())
		if err != nil {
			t.Fatalf("%s: the written SVG does not parse: %v\n%s", file, err, d.SVG())
		}
		if len(again.Shapes) != len(d.Shapes) || again.Width != d.Width || again.Height != d.Height {
			t.Fatalf("%s: %d shapes %g×%g, written back %d shapes %g×%g", file, len(d.Shapes), d.Width, d.Height, len(again.Shapes), again.Width, again.Height)
		}
		for i, s := range d.Shapes {
			a := again.Shapes[i]
			if a.Fill.None != s.Fill.None || a.Stroke.None != s.Stroke.None || a.Fill.Colour != s.Fill.Colour ||
				(a.Fill.Gradient == nil) != (s.Fill.Gradient == nil) || a.EvenOdd != s.EvenOdd || len(a.Path) != len(s.Path) ||
				len(a.Clips) != len(s.Clips) {
				t.Errorf("%s: shape %d (line %d) differs when written back", file, i, s.Line)
			}
		}
	}
}

// A shape inside two clip-path groups is drawn inside both clips, each
// in drawing units: Figma's frame clip, and a rotated one within it.
func TestNestedClips(t *testing.T) {
	d := parseFile(t, "../../testdata/svg/figma.svg")
	counts := []int{}
	for _, s := range d.Shapes {
		counts = append(counts, len(s.Clips))
	}
	if fmt.Sprint(counts) != "[1 1 2 1]" {
		t.Fatalf("clips per shape %v, want [1 1 2 1] (the triangle in both clips)", counts)
	}
	if d.Shapes[0].Clips[0] != d.Shapes[3].Clips[0] {
		t.Error("shapes under one clip-path do not share it")
	}
	// The inner clip is a rectangle rotated by -8° about (60, 75): its
	// corner (10, 40) moves to where the rotation puts it.
	s, c := math.Sincos(-8 * math.Pi / 180)
	wx, wy := 60+c*(10-60)-s*(40-75), 75+s*(10-60)+c*(40-75)
	got := d.Shapes[2].Clips[1].Path[0].Pts[0]
	if math.Abs(got[0]-wx) > 1e-9 || math.Abs(got[1]-wy) > 1e-9 {
		t.Errorf("the rotated clip starts at %v, want (%g, %g)", got, wx, wy)
	}
}
