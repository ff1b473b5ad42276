package vector

import (
	"math"
	"strconv"
	"strings"
)

// Mask is an SVG <mask> as the shapes under it use it: its content,
// drawn in the drawing's units (every transform applied) and clipped to
// the mask's region, whose luminance (or, for mask-type: alpha, whose
// opacity) is how much of each shape shows. Shapes under one mask
// reference share one *Mask.
type Mask struct {
	Shapes []Shape
	// Alpha is true for mask-type: alpha: the content's opacity is the
	// mask, whatever its colours.
	Alpha bool
}

// Solid reports whether the mask shows what it covers either fully or
// not at all (every paint of its content opaque, and white unless the
// mask is an alpha mask): design tools' masks, which cut a shape out.
// Such a mask is exact on each shape of a group alone; a mask with
// partial transparency is not, where the group's shapes overlap.
func (mk *Mask) Solid() bool {
	solid := func(p Paint) bool {
		return p.None || (p.Gradient == nil && p.Opacity >= 1 && (mk.Alpha || p.Colour == Colour{255, 255, 255}))
	}
	for _, s := range mk.Shapes {
		if !solid(s.Fill) || !solid(s.Stroke) {
			return false
		}
	}
	return true
}

type maskKey struct {
	n    *node
	m    Matrix
	bbox [4]float64
}

// applyMask puts the mask mask="url(#id)" on n's shapes, shapes[first:]
// (n's user space is m); a mask that shows nothing removes them. It
// returns how many shapes remain.
func (b *builder) applyMask(n *node, ref string, m Matrix, first int) (int, error) {
	shapes := b.d.Shapes[first:]
	if len(shapes) == 0 {
		return 0, nil
	}
	hint := refused["mask"]
	for _, s := range shapes {
		if s.Mask != nil {
			return 0, n.errf(hint, "a mask on a <%s> with a masked element inside (line %d) is not supported", n.name, s.Line)
		}
	}
	// The bounding box of n's shapes in its user space (their fills,
	// as objectBoundingBox is defined).
	inv, ok := m.invert()
	if !ok {
		b.d.Shapes = b.d.Shapes[:first]
		return 0, nil
	}
	bbox := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, s := range shapes {
		t := inv.Mul(s.Transform)
		path := make([]Segment, len(s.Path))
		for i, sg := range s.Path {
			for j := range sg.Pts {
				sg.Pts[j][0], sg.Pts[j][1] = t.Apply(sg.Pts[j][0], sg.Pts[j][1])
			}
			path[i] = sg
		}
		x0, y0, x1, y1 := Bounds(path)
		bbox = [4]float64{min(bbox[0], x0), min(bbox[1], y0), max(bbox[2], x1), max(bbox[3], y1)}
	}
	mk, err := b.mask(n, ref, m, bbox)
	if err != nil {
		return 0, err
	}
	if mk == nil || len(mk.Shapes) == 0 {
		b.d.Shapes = b.d.Shapes[:first]
		return 0, nil
	}
	if len(shapes) > 1 && !mk.Solid() && overlaps(shapes) {
		return 0, n.errf("make the mask's shapes opaque white (a cut-out), or flatten the transparency",
			"a mask with partial transparency on a <%s> of %d overlapping shapes is not supported (its shapes would show through each other)", n.name, len(shapes))
	}
	for i := range shapes {
		shapes[i].Mask = mk
	}
	return len(shapes), nil
}

// mask resolves the <mask> ref names for an element whose user space is
// m and whose bounding box there is bbox; nil when it shows nothing.
func (b *builder) mask(n *node, ref string, m Matrix, bbox [4]float64) (*Mask, error) {
	hint := refused["mask"]
	mn, err := b.referenced(n, "mask", ref, "mask", "a <mask>", "the mask")
	if err != nil {
		return nil, err
	}
	if b.inMask > 0 {
		return nil, n.errf(hint, "a mask inside a <mask> is not supported")
	}
	mk := &Mask{}
	decl, err := b.declarations(mn)
	if err != nil {
		return nil, err
	}
	for _, kv := range decl {
		switch kv[0] {
		case "mask-type":
			switch kv[1] {
			case "alpha":
				mk.Alpha = true
			case "luminance":
			default:
				return nil, mn.errf("write mask-type: luminance or alpha", "mask-type %q", kv[1])
			}
		case "transform":
			return nil, mn.errf("move the transform onto the mask's shapes", "a transform on a <mask> is not supported")
		}
	}
	units := func(name, def string) (bool, error) {
		v, ok := mn.attr(name)
		switch v = strings.TrimSpace(v); {
		case !ok:
			return def == "objectBoundingBox", nil
		case v == "objectBoundingBox":
			return true, nil
		case v == "userSpaceOnUse":
			return false, nil
		}
		return false, mn.errf("write userSpaceOnUse or objectBoundingBox", "%s %q", name, v)
	}
	regionBox, err := units("maskUnits", "objectBoundingBox")
	if err != nil {
		return nil, err
	}
	contentBox, err := units("maskContentUnits", "userSpaceOnUse")
	if err != nil {
		return nil, err
	}
	// The element's box matters only to a mask in its units: one in
	// user space is made once for all the elements it is on.
	key := maskKey{n: mn, m: m}
	if regionBox || contentBox {
		key.bbox = bbox
	}
	if mk, ok := b.masks[key]; ok {
		return mk, nil
	}
	bw, bh := bbox[2]-bbox[0], bbox[3]-bbox[1]
	if (regionBox || contentBox) && !(bw > 0 && bh > 0) {
		return nil, nil // SVG draws nothing under a bounding-box mask of an element without area
	}
	// The region: x, y, width and height, in the bounding box's
	// fractions or in user units.
	var r [4]float64
	for i, a := range []struct{ name, def string }{{"x", "-10%"}, {"y", "-10%"}, {"width", "120%"}, {"height", "120%"}} {
		v, ok := mn.attr(a.name)
		if !ok {
			v = a.def
		}
		v = strings.TrimSpace(v)
		if regionBox {
			f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
			if err == nil && strings.HasSuffix(v, "%") {
				f /= 100
			}
			if err != nil || !checkNumber(f) {
				return nil, mn.errf("write a number or a percentage", "%s %q is not a number", a.name, v)
			}
			size, off := bw, bbox[0]
			if i%2 == 1 {
				size, off = bh, bbox[1]
			}
			if i >= 2 {
				off = 0
			}
			r[i] = off + f*size
			continue
		}
		axis := b.vw
		if i%2 == 1 {
			axis = b.vh
		}
		f, err := b.length(v, axis)
		if err != nil {
			return nil, mn.errf("write a number of user units", "%s %q %v", a.name, v, err)
		}
		r[i] = f
	}
	if !(r[2] > 0 && r[3] > 0) {
		return nil, nil // an empty region hides the element
	}
	region := rectClip(r[0], r[1], r[2], r[3], m)
	cm := m
	if contentBox {
		cm = m.Mul(Matrix{bw, 0, 0, bh, bbox[0], bbox[1]})
	}
	st, err := b.inherited(mn)
	if err != nil {
		return nil, err
	}
	// The content is drawn apart from the logo's shapes, with the
	// same bounds on elements and segments.
	saved := b.d.Shapes
	b.d.Shapes = nil
	b.inMask++
	for _, k := range mn.kids {
		if _, err := b.walk(k, st, cm, 1, false, []*Clip{region}); err != nil {
			b.d.Shapes, b.inMask = saved, b.inMask-1
			return nil, err
		}
	}
	mk.Shapes = b.d.Shapes
	b.d.Shapes, b.inMask = saved, b.inMask-1
	b.masks[key] = mk
	return mk, nil
}

// inherited is the style n's content inherits: the properties set on n
// and its ancestors (a <mask>'s content inherits from where the mask is
// defined, not from the element it masks).
func (b *builder) inherited(n *node) (props, error) {
	var chain []*node
	for p := n; p != nil; p = b.parent[p] {
		chain = append(chain, p)
	}
	st := initial
	for i := len(chain) - 1; i >= 0; i-- {
		decl, err := b.declarations(chain[i])
		if err != nil {
			return st, err
		}
		for _, kv := range decl {
			switch kv[0] {
			case "clip-path", "display", "opacity", "transform", "mask", "mask-type", "filter":
				continue // not inherited
			}
			if err := b.apply(chain[i], &st, kv[0], kv[1]); err != nil {
				return st, err
			}
		}
	}
	return st, nil
}

// invert returns m's inverse, if it has one.
func (m Matrix) invert() (Matrix, bool) {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return Matrix{}, false
	}
	return Matrix{
		m[3] / det, -m[1] / det,
		-m[2] / det, m[0] / det,
		(m[2]*m[5] - m[3]*m[4]) / det, (m[1]*m[4] - m[0]*m[5]) / det,
	}, true
}
