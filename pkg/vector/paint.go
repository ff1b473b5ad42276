package vector

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"
)

// maxHrefChain bounds gradients that inherit from gradients (Inkscape
// writes one level; a loop must not recurse forever).
const maxHrefChain = 8

// gradient resolves a gradient element, with what it inherits through
// href from another gradient (stops, units, transform, coordinates).
func (b *builder) gradient(n *node, depth int) (*Gradient, error) {
	if g, ok := b.grads[n]; ok {
		return g, nil
	}
	if depth > maxHrefChain {
		return nil, n.errf("point the gradient at the one holding the stops", "gradients refer to each other more than %d deep (or in a loop)", maxHrefChain)
	}
	g := &Gradient{Radial: n.name == "radialGradient", BoundingBox: true, Transform: Identity}
	// Defaults, in the units they are read in.
	set := map[string]string{"x1": "0%", "y1": "0%", "x2": "100%", "y2": "0%", "cx": "50%", "cy": "50%", "r": "50%"}
	var parent *node
	if ref, ok := n.href(); ok {
		id, ok := strings.CutPrefix(strings.TrimSpace(ref), "#")
		if !ok {
			return nil, n.errf("define the gradient inside the SVG file", "the gradient refers to %q outside the file", ref)
		}
		parent = b.byID[id]
		if parent == nil || (parent.name != "linearGradient" && parent.name != "radialGradient") {
			return nil, n.errf("check the id, or export the logo again", "the gradient refers to #%s, which is not a gradient in the file", id)
		}
	}
	// Inherited attributes, nearest first.
	chain := []*node{n}
	for p, d := parent, depth; p != nil && d <= maxHrefChain; d++ {
		chain = append(chain, p)
		next, ok := p.href()
		if !ok {
			break
		}
		p = b.byID[strings.TrimPrefix(strings.TrimSpace(next), "#")]
	}
	if len(chain) > maxHrefChain {
		return nil, n.errf("point the gradient at the one holding the stops", "gradients refer to each other more than %d deep (or in a loop)", maxHrefChain)
	}
	look := func(name string) (string, *node, bool) {
		for _, c := range chain {
			if c.name != n.name && name != "gradientUnits" && name != "gradientTransform" && name != "spreadMethod" {
				continue // coordinates come only from a gradient of the same kind
			}
			if v, ok := c.attr(name); ok {
				return strings.TrimSpace(v), c, true
			}
		}
		return "", nil, false
	}
	if v, _, ok := look("gradientUnits"); ok {
		switch v {
		case "userSpaceOnUse":
			g.BoundingBox = false
		case "objectBoundingBox":
		default:
			return nil, n.errf(`write userSpaceOnUse or objectBoundingBox`, "gradientUnits %q", v)
		}
	}
	if v, _, ok := look("spreadMethod"); ok && v != "pad" {
		return nil, n.errf("remove spreadMethod (pad is supported) or extend the gradient's stops", "spreadMethod %q is not supported", v)
	}
	if v, _, ok := look("gradientTransform"); ok {
		t, err := parseTransform(v)
		if err != nil {
			return nil, n.errf(`write e.g. gradientTransform="rotate(45)"`, "gradientTransform %q: %v", v, err)
		}
		g.Transform = t
	}
	coord := func(name string, axis float64) (float64, error) {
		v, at, ok := look(name)
		if !ok {
			v, at = set[name], n
		}
		if g.BoundingBox {
			f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
			if err == nil && strings.HasSuffix(v, "%") {
				f /= 100
			}
			if err != nil || !checkNumber(f) {
				return 0, at.errf("write a number or a percentage", "%s %q is not a number", name, v)
			}
			return f, nil
		}
		f, err := b.length(v, axis)
		if err != nil {
			return 0, at.errf("write a number or a percentage", "%s %q %v", name, v, err)
		}
		return f, nil
	}
	diag := math.Hypot(b.vw, b.vh) / math.Sqrt2
	var err error
	if g.Radial {
		if g.CX, err = coord("cx", b.vw); err != nil {
			return nil, err
		}
		if g.CY, err = coord("cy", b.vh); err != nil {
			return nil, err
		}
		if g.R, err = coord("r", diag); err != nil {
			return nil, err
		}
		g.FX, g.FY = g.CX, g.CY
		if _, _, ok := look("fx"); ok {
			if g.FX, err = coord("fx", b.vw); err != nil {
				return nil, err
			}
		}
		if _, _, ok := look("fy"); ok {
			if g.FY, err = coord("fy", b.vh); err != nil {
				return nil, err
			}
		}
		if v, _, ok := look("fr"); ok && strings.Trim(v, "0.%") != "" {
			return nil, n.errf("remove fr (a focal radius)", "a focal radius (fr) is not supported")
		}
		if g.R < 0 {
			return nil, n.errf("write a positive radius", "the gradient's radius is negative")
		}
		if math.Hypot(g.FX-g.CX, g.FY-g.CY) >= g.R && g.R > 0 {
			return nil, n.errf("move the focal point (fx, fy) inside the circle", "the gradient's focal point lies outside its circle")
		}
	} else {
		if g.X1, err = coord("x1", b.vw); err != nil {
			return nil, err
		}
		if g.Y1, err = coord("y1", b.vh); err != nil {
			return nil, err
		}
		if g.X2, err = coord("x2", b.vw); err != nil {
			return nil, err
		}
		if g.Y2, err = coord("y2", b.vh); err != nil {
			return nil, err
		}
	}
	// Stops: the gradient's own, else the nearest in the chain.
	for _, c := range chain {
		has := false
		for _, k := range c.kids {
			if k.foreign || k.name != "stop" {
				continue
			}
			has = true
			s, err := b.stop(k)
			if err != nil {
				return nil, err
			}
			// Offsets never go back (SVG clamps them to the previous one).
			if len(g.Stops) > 0 {
				s.Offset = max(s.Offset, g.Stops[len(g.Stops)-1].Offset)
			}
			g.Stops = append(g.Stops, s)
		}
		if has {
			break
		}
	}
	if len(g.Stops) == 0 {
		return nil, n.errf("add <stop> elements to the gradient", "the gradient has no colour stops")
	}
	b.grads[n] = g
	return g, nil
}

func (b *builder) stop(n *node) (Stop, error) {
	var s Stop
	colour, opacity := "black", "1"
	off := "0"
	if v, ok := n.attr("offset"); ok {
		off = strings.TrimSpace(v)
	}
	decl, err := b.declarations(n)
	if err != nil {
		return s, err
	}
	for _, kv := range decl {
		switch kv[0] {
		case "stop-color":
			colour = kv[1]
		case "stop-opacity":
			opacity = kv[1]
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(off, "%"), 64)
	if err != nil || !checkNumber(f) {
		return s, n.errf(`write offset="0.5" or offset="50%"`, "offset %q is not a number", off)
	}
	if strings.HasSuffix(off, "%") {
		f /= 100
	}
	s.Offset = min(max(f, 0), 1)
	if s.Colour, err = b.colour(n, "stop-color", colour, Colour{}); err != nil {
		return s, err
	}
	a, err := b.fraction(n, "stop-opacity", opacity)
	if err != nil {
		return s, err
	}
	s.Opacity = a
	return s, nil
}

// colour reads a CSS colour: #rgb, #rrggbb, rgb(), a named colour or
// currentColor.
func (b *builder) colour(n *node, k, v string, current Colour) (Colour, error) {
	bad := func(why string) (Colour, error) {
		return Colour{}, n.errf(`write a colour such as `+k+`="#004b8d"`, "%s %q %s", k, v, why)
	}
	lv := strings.ToLower(strings.TrimSpace(v))
	switch {
	case lv == "currentcolor":
		return current, nil
	case strings.HasPrefix(lv, "#"):
		h := lv[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) == 8 || len(h) == 4 {
			return bad("has transparency: use " + k + "-opacity")
		}
		if len(h) != 6 {
			return bad("is not a colour")
		}
		x, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return bad("is not a colour")
		}
		return Colour{uint8(x >> 16), uint8(x >> 8), uint8(x)}, nil
	case strings.HasPrefix(lv, "rgb(") && strings.HasSuffix(lv, ")"):
		parts := strings.FieldsFunc(lv[4:len(lv)-1], func(r rune) bool { return r == ',' || r == ' ' })
		if len(parts) != 3 {
			return bad("is not a colour (rgba and alpha are not supported: use " + k + "-opacity)")
		}
		var c [3]uint8
		for i, p := range parts {
			pct := strings.HasSuffix(p, "%")
			f, err := strconv.ParseFloat(strings.TrimSuffix(p, "%"), 64)
			if err != nil {
				return bad("is not a colour")
			}
			if pct {
				f = f * 255 / 100
			}
			c[i] = uint8(math.Round(min(max(f, 0), 255)))
		}
		return Colour{c[0], c[1], c[2]}, nil
	}
	if c, ok := colornames.Map[lv]; ok {
		return Colour{c.R, c.G, c.B}, nil
	}
	return bad("is not a colour pressroom knows (hsl(), var() and system colours are not supported)")
}
