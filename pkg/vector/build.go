package vector

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// refused names the elements a logo cannot have, with what to do instead.
var refused = map[string]string{
	"text":             "convert the text to outlines (paths) and export again",
	"tspan":            "convert the text to outlines (paths) and export again",
	"textPath":         "convert the text to outlines (paths) and export again",
	"filter":           "remove the filter effect (blur, shadow) or export the logo as a PNG",
	"mask":             "remove the mask (release or apply it) and export again",
	"clipPath":         "release the clipping path (or intersect the shapes) and export again",
	"clip-path":        "release the clipping path (or intersect the shapes) and export again",
	"pattern":          "replace the pattern with flat shapes, or export the logo as a PNG",
	"image":            "an SVG with a bitmap inside is a bitmap logo: use the PNG itself",
	"symbol":           "expand the symbols into paths (unlink the clones) and export again",
	"script":           "a logo has no script: export the drawing again without it",
	"foreignObject":    "remove the embedded HTML and export again",
	"a":                "remove the link from the logo",
	"switch":           "keep one drawing and remove the <switch> element around it",
	"marker":           "expand the markers into paths (Object to Path) and export again",
	"svg":              "a nested <svg> is not supported: ungroup it and export again",
	"animate":          "a logo does not move: remove the animation",
	"animateMotion":    "a logo does not move: remove the animation",
	"animateTransform": "a logo does not move: remove the animation",
	"set":              "a logo does not move: remove the animation",
	"font":             "convert the text to outlines (paths) and export again",
	"view":             "remove the <view> element",
	"cursor":           "remove the <cursor> element",
	"iframe":           "remove the embedded frame",
	"video":            "remove the embedded video",
	"audio":            "remove the embedded audio",
	"canvas":           "remove the embedded canvas",
	"meshgradient":     "replace the mesh gradient with a linear or radial gradient",
	"hatch":            "replace the hatch with flat shapes",
	"solidcolor":       "write the colour on the shape",
}

// props are the inherited style properties at an element.
type props struct {
	fill, stroke               string
	fillOpacity, strokeOpacity float64
	evenOdd                    bool
	strokeWidth, miter         float64
	cap, join                  string
	color                      Colour
	visible                    bool
}

var initial = props{
	fill: "black", stroke: "none", fillOpacity: 1, strokeOpacity: 1,
	strokeWidth: 1, miter: 4, cap: "butt", join: "miter", visible: true,
}

// builder walks the tree, cascading styles and collecting shapes.
type builder struct {
	d        *Drawing
	vw, vh   float64 // viewBox size, for percentages
	byID     map[string]*node
	grads    map[*node]*Gradient
	classes  map[string][][2]string
	clips    map[clipKey]*Clip // each clip path made once per user space
	masks    map[maskKey]*Mask // each mask made once per user space and box
	parent   map[*node]*node   // for what a <mask>'s content inherits
	inMask   int               // drawing a mask's content
	segments int
	// <use> expansion: the elements being drawn through a use (to
	// refuse a loop), whether the next walk is a use's target, and how
	// many elements were drawn (a use of uses can multiply them).
	using  []*node
	asUse  bool
	walked int
}

// symbolClip is the viewport a <use> of a <symbol> draws it in, as a
// clip in drawing units; nil when the symbol lets its drawing overflow.
func (b *builder) symbolClip(use, symbol *node, m Matrix) (*Clip, error) {
	decl, err := b.declarations(symbol)
	if err != nil {
		return nil, err
	}
	for _, kv := range decl {
		if kv[0] == "overflow" && (kv[1] == "visible" || kv[1] == "auto") {
			return nil, nil
		}
	}
	if v, ok := symbol.attr("overflow"); ok && (v == "visible" || v == "auto") {
		return nil, nil
	}
	size := [2]float64{b.vw, b.vh}
	for i, a := range []string{"width", "height"} {
		if v, ok := use.attr(a); ok {
			f, err := b.length(v, size[i])
			if err != nil {
				return nil, use.errf("write a number of user units", "%s %q %v", a, v, err)
			}
			size[i] = f
		}
	}
	return rectClip(0, 0, size[0], size[1], m), nil
}

// switchChild is the child of a <switch> a browser draws: the first
// whose conditional attributes hold. requiredExtensions names software
// extensions, which no browser has, so a child asking for any is
// skipped; a choice by language (systemLanguage) is refused, as a logo
// must not change with the reader's language settings.
func (b *builder) switchChild(n *node) (*node, error) {
	if _, ok := n.attr("transform"); ok {
		return nil, n.errf(refused["switch"], "a transform on a <switch> is not supported")
	}
	for _, k := range n.kids {
		if k.foreign {
			continue
		}
		if _, ok := k.attr("systemLanguage"); ok {
			return nil, k.errf(refused["switch"], "a <switch> choosing by language (systemLanguage) is not supported")
		}
		if _, ok := k.attr("requiredExtensions"); ok {
			continue
		}
		return k, nil
	}
	return nil, nil
}

// maxWalked bounds the elements drawn, counting each time a <use> draws
// one again.
const maxWalked = 4 * MaxElements

// use resolves a <use>: the element it draws and the user space it is
// drawn in (the use's transform, then its x and y).
func (b *builder) use(n *node, m Matrix) (*node, Matrix, error) {
	hint := refused["symbol"]
	ref, _ := n.href()
	id, ok := strings.CutPrefix(strings.TrimSpace(ref), "#")
	if !ok || id == "" {
		return nil, m, n.errf(hint, "<use> refers to %q outside the file", ref)
	}
	target := b.byID[id]
	if target == nil || target.foreign {
		return nil, m, n.errf("check the id, or export the logo again", "<use> refers to #%s, which the file does not define", id)
	}
	for _, u := range b.using {
		if u == target {
			return nil, m, n.errf(hint, "<use> of #%s draws itself (a loop)", id)
		}
	}
	if len(b.using) >= 16 {
		return nil, m, n.errf(hint, "<use> elements refer to each other more than 16 deep")
	}
	var xy [2]float64
	for i, a := range []string{"x", "y"} {
		if v, ok := n.attr(a); ok {
			pct := b.vw
			if i == 1 {
				pct = b.vh
			}
			f, err := b.length(v, pct)
			if err != nil {
				return nil, m, n.errf("write a number of user units", "%s %q %v", a, v, err)
			}
			xy[i] = f
		}
	}
	return target, m.Mul(Matrix{1, 0, 0, 1, xy[0], xy[1]}), nil
}

func build(root *node) (*Drawing, error) {
	b := &builder{d: &Drawing{}, byID: map[string]*node{}, grads: map[*node]*Gradient{}, classes: map[string][][2]string{}, clips: map[clipKey]*Clip{},
		masks: map[maskKey]*Mask{}, parent: map[*node]*node{}}
	var index func(n *node) error
	index = func(n *node) error {
		if n.foreign {
			return nil
		}
		if id, ok := n.attr("id"); ok && id != "" {
			b.byID[id] = n
		}
		if n.name == "style" {
			if err := b.css(n); err != nil {
				return err
			}
		}
		for _, k := range n.kids {
			b.parent[k] = n
			if err := index(k); err != nil {
				return err
			}
		}
		return nil
	}
	if err := index(root); err != nil {
		return nil, err
	}
	for _, k := range root.kids {
		if k.name == "title" && !k.foreign {
			b.d.Title = strings.TrimSpace(k.text.String())
			break
		}
	}
	vb, err := b.viewBox(root)
	if err != nil {
		return nil, err
	}
	b.d.Width, b.d.Height = vb[2], vb[3]
	b.vw, b.vh = vb[2], vb[3]
	base := Matrix{1, 0, 0, 1, -vb[0], -vb[1]}
	st := initial
	if _, err := b.walk(root, st, base, 1, true, nil); err != nil {
		return nil, err
	}
	if len(b.d.Shapes) == 0 {
		return nil, root.errf("draw the logo as shapes and export again", "the SVG draws nothing")
	}
	return b.d, nil
}

func (b *builder) viewBox(root *node) ([4]float64, error) {
	var vb [4]float64
	if v, ok := root.attr("viewBox"); ok {
		nums, err := numbers(v)
		if err != nil || len(nums) != 4 {
			return vb, root.errf(`write four numbers: viewBox="0 0 200 80"`, "viewBox %q is not four numbers", v)
		}
		copy(vb[:], nums)
	} else {
		w, wok := root.attr("width")
		h, hok := root.attr("height")
		if !wok || !hok {
			return vb, root.errf(`add viewBox="0 0 WIDTH HEIGHT" to the <svg> element`, "the SVG has no viewBox, so its size is unknown")
		}
		var err error
		if vb[2], err = b.length(w, 0); err == nil {
			vb[3], err = b.length(h, 0)
		}
		if err != nil || strings.HasSuffix(w, "%") || strings.HasSuffix(h, "%") {
			return vb, root.errf(`add viewBox="0 0 WIDTH HEIGHT" to the <svg> element`, "the SVG's width and height (%q, %q) do not give its size", w, h)
		}
	}
	if !(vb[2] > 0 && vb[3] > 0) || vb[3]/vb[2] > 100 || vb[2]/vb[3] > 100 {
		return vb, root.errf(`write a positive width and height: viewBox="0 0 200 80"`, "the viewBox is %g × %g: a logo needs a positive width and height, at most 100 times the other", vb[2], vb[3])
	}
	return vb, nil
}

// walk draws n and its children, inside the clips of its ancestors; it
// returns the number of shapes drawn.
func (b *builder) walk(n *node, st props, m Matrix, opacity float64, root bool, clips []*Clip) (int, error) {
	if n.foreign {
		return 0, nil
	}
	asUse := b.asUse
	b.asUse = false
	b.walked++
	if b.walked > maxWalked {
		return 0, n.errf("expand the reused symbols into paths (unlink the clones) and export again",
			"the logo draws more than %d elements (through <use>)", maxWalked)
	}
	switch n.name {
	case "defs", "title", "desc", "metadata", "style", "linearGradient", "radialGradient", "stop", "clipPath", "mask":
		return 0, nil // drawn only where referenced
	case "symbol":
		if !asUse {
			return 0, nil // drawn only through <use>
		}
		if _, ok := n.attr("viewBox"); ok {
			return 0, n.errf(refused["symbol"], "a <symbol> with its own viewBox is not supported")
		}
	}
	if n.name == "svg" && !root {
		return 0, n.errf(refused["svg"], "a nested <svg> is not supported")
	}
	if n.name == "switch" {
		// Illustrator's "preserve editing" files put the drawing in a
		// switch after a foreignObject that only Illustrator reads
		// (requiredExtensions): draw what a browser draws, the first
		// child whose conditions hold.
		k, err := b.switchChild(n)
		if err != nil || k == nil {
			return 0, err
		}
		return b.walk(k, st, m, opacity, false, clips)
	}
	if hint, bad := refused[n.name]; bad && n.name != "svg" && n.name != "symbol" {
		return 0, n.errf(hint, "<%s> is not supported in a logo", n.name)
	}
	switch n.name {
	case "svg", "g", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
	default:
		return 0, n.errf("remove it, or export the logo as plain SVG", "<%s> is not an SVG drawing element pressroom can draw", n.name)
	}
	decl, err := b.declarations(n)
	if err != nil {
		return 0, err
	}
	own := 1.0
	clipRef, maskRef := "", ""
	for _, kv := range decl {
		k, v := kv[0], kv[1]
		switch k {
		case "mask":
			if v != "none" {
				maskRef = v
			}
		case "clip-path":
			clipRef = v
			if v == "none" {
				clipRef = ""
			}
		case "display":
			if v == "none" {
				return 0, nil
			}
		case "opacity":
			if own, err = b.fraction(n, k, v); err != nil {
				return 0, err
			}
		case "transform":
			if root {
				return 0, n.errf("move the transform onto a <g> inside the <svg>", "a transform on the <svg> element is not supported")
			}
			t, err := parseTransform(v)
			if err != nil {
				return 0, n.errf(`write e.g. transform="translate(10 20) scale(2)"`, "transform %q: %v", v, err)
			}
			m = m.Mul(t)
		default:
			if err := b.apply(n, &st, k, v); err != nil {
				return 0, err
			}
		}
	}
	if clipRef != "" {
		// The clip is in the element's user space: after its transform.
		c, err := b.clip(n, clipRef, m)
		if err != nil {
			return 0, err
		}
		clips = append(clips[:len(clips):len(clips)], c)
	}
	user := m // n's user space, before a <use>'s x and y
	if n.name == "svg" || n.name == "g" || n.name == "symbol" || n.name == "use" {
		first := len(b.d.Shapes)
		count := 0
		kids := n.kids
		if n.name == "use" {
			target, um, err := b.use(n, m)
			if err != nil {
				return 0, err
			}
			// The element drawn inherits from the <use>, not from
			// where it is defined.
			kids, m = []*node{target}, um
			if target.name == "symbol" {
				// A symbol is a viewport of the use's width and
				// height (100% by default) that hides what overflows.
				c, err := b.symbolClip(n, target, m)
				if err != nil {
					return 0, err
				}
				if c != nil {
					clips = append(clips[:len(clips):len(clips)], c)
				}
			}
			b.using = append(b.using, target)
			defer func() { b.using = b.using[:len(b.using)-1] }()
		}
		for _, k := range kids {
			b.asUse = n.name == "use"
			c, err := b.walk(k, st, m, opacity*own, false, clips)
			if err != nil {
				return 0, err
			}
			count += c
		}
		if maskRef != "" {
			if count, err = b.applyMask(n, maskRef, user, first); err != nil {
				return 0, err
			}
		}
		if own < 1 && count > 1 && overlaps(b.d.Shapes[first:]) {
			return 0, n.errf("set fill-opacity on each shape instead, or flatten the transparency",
				"opacity on a <%s> of %d overlapping shapes is not supported (its shapes would show through each other)", n.name, count)
		}
		return count, nil
	}
	// A shape's children can only describe it; anything else (an
	// animation, say) would change it.
	for _, k := range n.kids {
		switch {
		case k.foreign, k.name == "title", k.name == "desc", k.name == "metadata":
		default:
			hint := refused[k.name]
			if hint == "" {
				hint = "remove it, or export the logo as plain SVG"
			}
			return 0, k.errf(hint, "<%s> is not supported in a logo", k.name)
		}
	}
	first := len(b.d.Shapes)
	count, err := b.shape(n, st, m, opacity*own, clips)
	if err != nil || maskRef == "" {
		return count, err
	}
	return b.applyMask(n, maskRef, m, first)
}

// overlaps reports whether any two shapes' boxes overlap, in drawing units.
func overlaps(shapes []Shape) bool {
	boxes := make([][4]float64, len(shapes))
	for i, s := range shapes {
		x0, y0, x1, y1 := Bounds(s.Path)
		pad := s.StrokeWidth / 2
		if s.Stroke.None {
			pad = 0
		}
		boxes[i] = box(s.Transform, x0-pad, y0-pad, x1+pad, y1+pad)
		for j := range i {
			a, c := boxes[i], boxes[j]
			if a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3] {
				return true
			}
		}
	}
	return false
}

func box(m Matrix, x0, y0, x1, y1 float64) [4]float64 {
	r := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range [4][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		x, y := m.Apply(p[0], p[1])
		r = [4]float64{min(r[0], x), min(r[1], y), max(r[2], x), max(r[3], y)}
	}
	return r
}

// declarations returns n's style in cascade order: presentation
// attributes, then class rules, then the style attribute (later wins).
func (b *builder) declarations(n *node) ([][2]string, error) {
	var out [][2]string
	for _, a := range n.attrs {
		if a.Name.Space != "" && a.Name.Space != svgNS {
			continue // inkscape:, sodipodi:, xlink:, xml: — no drawing effect
		}
		switch a.Name.Local {
		case "style", "class", "id", "href", "d", "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r",
			"x1", "y1", "x2", "y2", "points", "viewBox", "version", "xmlns", "preserveAspectRatio",
			"baseProfile", "enable-background", "maskUnits", "maskContentUnits", "data-name", "role", "aria-label", "aria-hidden", "focusable", "overflow", "pathLength":
			continue
		}
		if strings.HasPrefix(a.Name.Local, "on") {
			return nil, n.errf("remove the script from the logo", "the event attribute %s is not allowed in a logo", a.Name.Local)
		}
		out = append(out, [2]string{a.Name.Local, strings.TrimSpace(a.Value)})
	}
	if cl, ok := n.attr("class"); ok {
		for _, c := range strings.Fields(cl) {
			out = append(out, b.classes[c]...)
		}
	}
	if s, ok := n.attr("style"); ok {
		decl, err := parseDeclarations(s)
		if err != nil {
			return nil, n.errf(`write it as style="fill:#004b8d;stroke:none"`, "style %q: %v", s, err)
		}
		out = append(out, decl...)
	}
	return out, nil
}

// parseDeclarations reads "prop: value; prop: value".
func parseDeclarations(s string) ([][2]string, error) {
	var out [][2]string
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			return nil, fmt.Errorf("%q is not a property: value pair", part)
		}
		v = strings.TrimSpace(v)
		if strings.HasSuffix(v, "!important") {
			return nil, fmt.Errorf("!important is not supported")
		}
		out = append(out, [2]string{strings.TrimSpace(strings.ToLower(k)), v})
	}
	return out, nil
}

// css reads a <style> element: only rules whose selectors are all class
// names (".a, .b { … }"), as Illustrator writes them.
func (b *builder) css(n *node) error {
	if t, ok := n.attr("type"); ok && t != "text/css" {
		return n.errf("use CSS, or presentation attributes", "a <style> of type %q", t)
	}
	src := n.text.String()
	for {
		src = strings.TrimSpace(stripComments(src))
		if src == "" {
			return nil
		}
		open := strings.IndexByte(src, '{')
		end := strings.IndexByte(src, '}')
		if open < 0 || end < open {
			return n.errf("export the SVG with presentation attributes instead of CSS", "the <style> element's CSS is not a list of rules")
		}
		sel, body := strings.TrimSpace(src[:open]), src[open+1:end]
		src = src[end+1:]
		decl, err := parseDeclarations(body)
		if err != nil {
			return n.errf("export the SVG with presentation attributes instead of CSS", "CSS rule %q: %v", sel, err)
		}
		for s := range strings.SplitSeq(sel, ",") {
			s = strings.TrimSpace(s)
			name, ok := strings.CutPrefix(s, ".")
			if !ok || name == "" || strings.ContainsAny(name, " .#:[>+~*@") {
				return n.errf("export the SVG with presentation attributes (Illustrator: Styling: Presentation Attributes)",
					"the CSS selector %q is not supported: only class selectors such as .st0 are", s)
			}
			b.classes[name] = append(b.classes[name], decl...)
		}
	}
}

func stripComments(s string) string {
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + " " + s[i+2+j+2:]
	}
}

// ignored are properties with no effect on shapes pressroom draws.
var ignored = map[string]bool{
	"font": true, "font-family": true, "font-size": true, "font-weight": true, "font-style": true,
	"font-stretch": true, "font-variant": true, "text-anchor": true, "letter-spacing": true,
	"word-spacing": true, "line-height": true, "writing-mode": true, "text-align": true,
	"dominant-baseline": true, "alignment-baseline": true, "baseline-shift": true, "direction": true,
	"shape-rendering": true, "color-rendering": true, "image-rendering": true, "text-rendering": true,
	"color-interpolation": true, "color-interpolation-filters": true, "enable-background": true,
	"stroke-dashoffset": true, "clip-rule": true, "overflow": true, "isolation": true,
	"-inkscape-font-specification": true, "font-variant-ligatures": true, "font-variant-caps": true,
	"font-variant-numeric": true, "font-feature-settings": true, "solid-color": true, "solid-opacity": true,
	"stop-color": true, "stop-opacity": true, "text-decoration": true, "white-space": true,
	"shape-inside": true, "shape-padding": true, "inline-size": true,
	"xml:space": true, "space": true, "cursor": true, "pointer-events": true,
	"mask-type": true, // read on the <mask> itself
}

// apply sets one inherited property, refusing what cannot be drawn.
func (b *builder) apply(n *node, st *props, k, v string) error {
	if v == "inherit" {
		return nil
	}
	var err error
	switch k {
	case "fill":
		st.fill = v
	case "stroke":
		st.stroke = v
	case "color":
		if st.color, err = b.colour(n, k, v, st.color); err != nil {
			return err
		}
	case "fill-opacity":
		st.fillOpacity, err = b.fraction(n, k, v)
	case "stroke-opacity":
		st.strokeOpacity, err = b.fraction(n, k, v)
	case "fill-rule":
		switch v {
		case "evenodd":
			st.evenOdd = true
		case "nonzero":
			st.evenOdd = false
		default:
			return n.errf(`write fill-rule="nonzero" or "evenodd"`, "fill-rule %q", v)
		}
	case "stroke-width":
		st.strokeWidth, err = b.length(v, math.Hypot(b.vw, b.vh)/math.Sqrt2)
		if err == nil && st.strokeWidth < 0 {
			err = fmt.Errorf("is negative")
		}
		if err != nil {
			return n.errf(`write a number of user units: stroke-width="2"`, "stroke-width %q: %v", v, err)
		}
	case "stroke-miterlimit":
		st.miter, err = strconv.ParseFloat(v, 64)
		if err != nil || st.miter < 1 || !checkNumber(st.miter) {
			return n.errf(`write a number of at least 1: stroke-miterlimit="4"`, "stroke-miterlimit %q", v)
		}
	case "stroke-linecap":
		if v != "butt" && v != "round" && v != "square" {
			return n.errf(`write butt, round or square`, "stroke-linecap %q", v)
		}
		st.cap = v
	case "stroke-linejoin":
		if v == "miter-clip" || v == "arcs" {
			return n.errf(`write miter, round or bevel`, "stroke-linejoin %q is not supported", v)
		}
		if v != "miter" && v != "round" && v != "bevel" {
			return n.errf(`write miter, round or bevel`, "stroke-linejoin %q", v)
		}
		st.join = v
	case "visibility":
		st.visible = v == "visible"
		if v != "visible" && v != "hidden" && v != "collapse" {
			return n.errf(`write visible or hidden`, "visibility %q", v)
		}
	case "stroke-dasharray":
		if v != "none" {
			return n.errf("make the dashes into shapes (Stroke to Path) and export again", "dashed strokes (stroke-dasharray) are not supported")
		}
	case "filter":
		if v != "none" {
			return n.errf(refused[k], "%s is not supported in a logo", k)
		}
	case "marker", "marker-start", "marker-mid", "marker-end":
		if v != "none" {
			return n.errf(refused["marker"], "markers (%s) are not supported", k)
		}
	case "mix-blend-mode":
		if v != "normal" {
			return n.errf("flatten the transparency and export again", "mix-blend-mode %q is not supported", v)
		}
	case "paint-order":
		if v != "normal" && v != "fill" && v != "fill stroke" && v != "fill stroke markers" {
			return n.errf("draw the stroke as a separate shape under the fill", "paint-order %q is not supported", v)
		}
	case "vector-effect":
		if v != "none" {
			return n.errf("remove vector-effect: the logo is scaled as a whole", "vector-effect %q is not supported", v)
		}
	default:
		if ignored[k] || strings.HasPrefix(k, "-inkscape") || strings.HasPrefix(k, "inkscape") || strings.HasPrefix(k, "-webkit") {
			return nil
		}
		return n.errf("remove it, or export the logo as plain SVG", "the style property %q is not supported", k)
	}
	if err != nil {
		return err
	}
	return nil
}

func (b *builder) fraction(n *node, k, v string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err == nil && strings.HasSuffix(v, "%") {
		f /= 100
	}
	if err != nil || !checkNumber(f) {
		return 0, n.errf(`write a number from 0 to 1: `+k+`="0.5"`, "%s %q is not a number", k, v)
	}
	return min(max(f, 0), 1), nil
}

// length reads a length in user units; pct is what 100% stands for (0:
// percentages are refused).
func (b *builder) length(v string, pct float64) (float64, error) {
	v = strings.TrimSpace(v)
	unit := 1.0
	for _, u := range []struct {
		s string
		f float64
	}{{"px", 1}, {"pt", 4.0 / 3}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}, {"%", -1}} {
		if s, ok := strings.CutSuffix(v, u.s); ok {
			v, unit = s, u.f
			break
		}
	}
	if unit < 0 {
		if pct == 0 {
			return 0, fmt.Errorf("a percentage is not supported here")
		}
		unit = pct / 100
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("is not a length (em and ex units are not supported)")
	}
	f *= unit
	if !checkNumber(f) {
		return 0, fmt.Errorf("is larger than %g", MaxNumber)
	}
	return f, nil
}

// shape makes the Shape of a drawing element.
func (b *builder) shape(n *node, st props, m Matrix, opacity float64, clips []*Clip) (int, error) {
	path, err := b.geometry(n)
	if err != nil {
		return 0, err
	}
	if len(path) == 0 || !st.visible {
		return 0, nil
	}
	for _, c := range clips {
		if len(c.Path) == 0 {
			return 0, nil // clipped away entirely
		}
	}
	b.segments += len(path)
	if b.segments > MaxSegments {
		return 0, n.errf("simplify the paths and export again", "the logo has more than %d path segments", MaxSegments)
	}
	s := Shape{Path: path, Transform: m, EvenOdd: st.evenOdd, StrokeWidth: st.strokeWidth,
		MiterLimit: st.miter, Cap: st.cap, Join: st.join, Line: n.line, Clips: clips}
	if n.name == "line" || n.name == "polyline" {
		s.Fill = Paint{None: true}
		if n.name == "polyline" {
			if s.Fill, err = b.paint(n, "fill", st.fill, st.fillOpacity*opacity, st.color); err != nil {
				return 0, err
			}
		}
	} else if s.Fill, err = b.paint(n, "fill", st.fill, st.fillOpacity*opacity, st.color); err != nil {
		return 0, err
	}
	if s.Stroke, err = b.paint(n, "stroke", st.stroke, st.strokeOpacity*opacity, st.color); err != nil {
		return 0, err
	}
	if st.strokeWidth == 0 {
		s.Stroke = Paint{None: true}
	}
	if s.Stroke.Gradient != nil {
		return 0, n.errf("use a solid stroke colour, or convert the stroke to a path (Stroke to Path)", "a gradient on a stroke is not supported")
	}
	if opacity < 1 && !s.Fill.None && !s.Stroke.None {
		return 0, n.errf("use fill-opacity and stroke-opacity instead of opacity", "opacity on a shape with both a fill and a stroke is not supported (the fill would show through the stroke)")
	}
	if s.Fill.None && s.Stroke.None {
		return 0, nil
	}
	b.d.Shapes = append(b.d.Shapes, s)
	return 1, nil
}

// paint resolves a fill or stroke value.
func (b *builder) paint(n *node, k, v string, opacity float64, current Colour) (Paint, error) {
	if v == "none" || v == "transparent" {
		return Paint{None: true}, nil
	}
	if rest, ok := strings.CutPrefix(v, "url("); ok {
		ref, _, _ := strings.Cut(rest, ")")
		ref = strings.Trim(strings.TrimSpace(ref), `'"`)
		id, ok := strings.CutPrefix(ref, "#")
		if !ok {
			return Paint{}, n.errf("define the gradient inside the SVG file", "%s refers to %q outside the file", k, ref)
		}
		target := b.byID[id]
		if target == nil {
			return Paint{}, n.errf("check the id, or export the logo again", "%s refers to #%s, which the file does not define", k, id)
		}
		if target.name != "linearGradient" && target.name != "radialGradient" {
			hint := refused[target.name]
			if hint == "" {
				hint = "use a colour or a gradient"
			}
			return Paint{}, n.errf(hint, "%s refers to a <%s> (line %d), which pressroom cannot paint with", k, target.name, target.line)
		}
		g, err := b.gradient(target, 0)
		if err != nil {
			return Paint{}, err
		}
		if len(g.Stops) == 1 {
			return Paint{Colour: g.Stops[0].Colour, Opacity: opacity * g.Stops[0].Opacity}, nil
		}
		return Paint{Gradient: g, Opacity: opacity}, nil
	}
	c, err := b.colour(n, k, v, current)
	if err != nil {
		return Paint{}, err
	}
	return Paint{Colour: c, Opacity: opacity}, nil
}
