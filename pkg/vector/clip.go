package vector

import "strings"

// Clip is a clipping path, in the drawing's units (every transform
// applied), that a shape is drawn inside. Shapes under one clip-path
// reference share one *Clip.
type Clip struct {
	Path    []Segment
	EvenOdd bool // clip-rule: evenodd
}

type clipKey struct {
	n *node
	m Matrix
}

// clip resolves clip-path="url(#id)" on n, whose user space is m. It
// takes what design tools write — Figma wraps every frame in one — a
// clipPath of shapes in user space; a clip of several shapes only when
// they do not overlap (their union is then exact whatever their winding).
func (b *builder) clip(n *node, ref string, m Matrix) (*Clip, error) {
	hint := refused["clip-path"]
	cp, err := b.referenced(n, "clip-path", ref, "clipPath", "a clipPath", "the clipping path")
	if err != nil {
		return nil, err
	}
	if c, ok := b.clips[clipKey{cp, m}]; ok {
		return c, nil
	}
	if u, ok := cp.attr("clipPathUnits"); ok && strings.TrimSpace(u) != "userSpaceOnUse" {
		return nil, cp.errf(hint, "a clipPath in clipPathUnits %q is not supported", u)
	}
	cm := m
	if t, ok := cp.attr("transform"); ok {
		tm, err := parseTransform(t)
		if err != nil {
			return nil, cp.errf(`write e.g. transform="translate(10 20)"`, "transform %q: %v", t, err)
		}
		cm = m.Mul(tm)
	}
	if v, ok := cp.attr("clip-path"); ok && v != "none" {
		return nil, cp.errf(hint, "a clipPath that is itself clipped is not supported")
	}
	c := &Clip{}
	var boxes [][4]float64
	for _, k := range cp.kids {
		if k.foreign || k.name == "title" || k.name == "desc" {
			continue
		}
		switch k.name {
		case "path", "rect", "circle", "ellipse", "polygon", "polyline", "line":
		default:
			return nil, k.errf(hint, "a <%s> in a clipPath is not supported (only shapes are)", k.name)
		}
		decl, err := b.declarations(k)
		if err != nil {
			return nil, err
		}
		km := cm
		evenOdd, hidden := false, false
		for _, kv := range decl {
			switch kv[0] {
			case "transform":
				t, err := parseTransform(kv[1])
				if err != nil {
					return nil, k.errf(`write e.g. transform="translate(10 20)"`, "transform %q: %v", kv[1], err)
				}
				km = km.Mul(t)
			case "clip-rule":
				evenOdd = kv[1] == "evenodd"
			case "display":
				hidden = hidden || kv[1] == "none"
			case "visibility":
				hidden = hidden || kv[1] != "visible"
			case "clip-path", "mask", "filter":
				if kv[1] != "none" {
					return nil, k.errf(hint, "%s on a shape in a clipPath is not supported", kv[0])
				}
			}
		}
		if hidden {
			continue
		}
		path, err := b.geometry(k)
		if err != nil {
			return nil, err
		}
		if len(path) == 0 {
			continue
		}
		b.segments += len(path)
		if b.segments > MaxSegments {
			return nil, k.errf("simplify the paths and export again", "the logo has more than %d path segments", MaxSegments)
		}
		x0, y0, x1, y1 := Bounds(path)
		bx := box(km, x0, y0, x1, y1)
		for _, o := range boxes {
			if bx[0] < o[2] && o[0] < bx[2] && bx[1] < o[3] && o[1] < bx[3] {
				return nil, k.errf(hint, "a clipPath of overlapping shapes is not supported (unite them into one path)")
			}
		}
		boxes = append(boxes, bx)
		if len(boxes) > 1 && (evenOdd || c.EvenOdd) {
			return nil, k.errf(hint, "a clipPath of several shapes with clip-rule evenodd is not supported (unite them into one path)")
		}
		c.EvenOdd = evenOdd
		for _, s := range path {
			for i := range s.Pts {
				s.Pts[i][0], s.Pts[i][1] = km.Apply(s.Pts[i][0], s.Pts[i][1])
			}
			c.Path = append(c.Path, s)
		}
	}
	// An empty clip path clips everything away; SVG draws nothing then.
	b.clips[clipKey{cp, m}] = c
	return c, nil
}

// referenced is the element of kind name that ref, a url(#id) in n's
// attribute attr, points at; what says it in messages ("a clipPath"),
// and what the hint asks to define ("the clipping path").
func (b *builder) referenced(n *node, attr, ref, name, what, define string) (*node, error) {
	rest, ok := strings.CutPrefix(ref, "url(")
	id, ok2 := strings.CutPrefix(strings.Trim(strings.TrimSpace(strings.TrimSuffix(rest, ")")), `'"`), "#")
	if !ok || !ok2 {
		return nil, n.errf("define "+define+" inside the SVG file", "%s %q does not refer to %s in the file", attr, ref, what)
	}
	target := b.byID[id]
	if target == nil || target.name != name {
		return nil, n.errf("check the id, or export the logo again", "%s refers to #%s, which is not %s in the file", attr, id, what)
	}
	return target, nil
}

// rectClip is the rectangle x, y, w, h of a user space, mapped by m into
// the drawing's space, as a clipping path.
func rectClip(x, y, w, h float64, m Matrix) *Clip {
	var p pathBuilder
	p.move(x, y)
	p.line(x+w, y)
	p.line(x+w, y+h)
	p.line(x, y+h)
	p.close()
	c := &Clip{}
	for _, s := range p.segs {
		for i := range s.Pts {
			s.Pts[i][0], s.Pts[i][1] = m.Apply(s.Pts[i][0], s.Pts[i][1])
		}
		c.Path = append(c.Path, s)
	}
	return c
}
