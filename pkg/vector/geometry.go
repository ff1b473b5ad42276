package vector

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

func sqrt(x float64) float64 { return math.Sqrt(x) }

// kappa places a cubic's control points to draw a quarter circle.
const kappa = 0.5522847498307936

// geometry returns the path of a drawing element in its user units.
func (b *builder) geometry(n *node) ([]Segment, error) {
	num := func(name string, pct float64) (float64, error) {
		v, ok := n.attr(name)
		if !ok {
			return 0, nil
		}
		f, err := b.length(v, pct)
		if err != nil {
			return 0, n.errf("write a number of user units", "%s %q %v", name, v, err)
		}
		return f, nil
	}
	var p pathBuilder
	diag := math.Hypot(b.vw, b.vh) / math.Sqrt2
	switch n.name {
	case "path":
		d, _ := n.attr("d")
		if err := p.parse(d); err != nil {
			return nil, n.errf("export the logo again (the path data is damaged)", "path data: %v", err)
		}
	case "rect":
		var v [6]float64
		var err error
		for i, a := range []struct {
			name string
			pct  float64
		}{{"x", b.vw}, {"y", b.vh}, {"width", b.vw}, {"height", b.vh}, {"rx", b.vw}, {"ry", b.vh}} {
			if v[i], err = num(a.name, a.pct); err != nil {
				return nil, err
			}
		}
		x, y, w, h, rx, ry := v[0], v[1], v[2], v[3], v[4], v[5]
		if w < 0 || h < 0 || rx < 0 || ry < 0 {
			return nil, n.errf("write positive sizes", "a rectangle with a negative size")
		}
		if w == 0 || h == 0 {
			return nil, nil
		}
		_, hasRx := n.attr("rx")
		_, hasRy := n.attr("ry")
		if hasRx && !hasRy {
			ry = rx
		} else if hasRy && !hasRx {
			rx = ry
		}
		rx, ry = min(rx, w/2), min(ry, h/2)
		if rx == 0 || ry == 0 {
			p.move(x, y)
			p.line(x+w, y)
			p.line(x+w, y+h)
			p.line(x, y+h)
			p.close()
			break
		}
		kx, ky := rx*kappa, ry*kappa
		p.move(x+rx, y)
		p.line(x+w-rx, y)
		p.cubic(x+w-rx+kx, y, x+w, y+ry-ky, x+w, y+ry)
		p.line(x+w, y+h-ry)
		p.cubic(x+w, y+h-ry+ky, x+w-rx+kx, y+h, x+w-rx, y+h)
		p.line(x+rx, y+h)
		p.cubic(x+rx-kx, y+h, x, y+h-ry+ky, x, y+h-ry)
		p.line(x, y+ry)
		p.cubic(x, y+ry-ky, x+rx-kx, y, x+rx, y)
		p.close()
	case "circle", "ellipse":
		cx, err := num("cx", b.vw)
		if err != nil {
			return nil, err
		}
		cy, err := num("cy", b.vh)
		if err != nil {
			return nil, err
		}
		var rx, ry float64
		if n.name == "circle" {
			if rx, err = num("r", diag); err != nil {
				return nil, err
			}
			ry = rx
		} else {
			if rx, err = num("rx", b.vw); err != nil {
				return nil, err
			}
			if ry, err = num("ry", b.vh); err != nil {
				return nil, err
			}
		}
		if rx < 0 || ry < 0 {
			return nil, n.errf("write a positive radius", "a negative radius")
		}
		if rx == 0 || ry == 0 {
			return nil, nil
		}
		p.ellipse(cx, cy, rx, ry)
	case "line":
		var v [4]float64
		var err error
		for i, a := range []string{"x1", "y1", "x2", "y2"} {
			pct := b.vw
			if i%2 == 1 {
				pct = b.vh
			}
			if v[i], err = num(a, pct); err != nil {
				return nil, err
			}
		}
		p.move(v[0], v[1])
		p.line(v[2], v[3])
	case "polyline", "polygon":
		pts, _ := n.attr("points")
		nums, err := numbers(pts)
		if err != nil {
			return nil, n.errf(`write pairs of numbers: points="0,0 10,0 10,10"`, "points: %v", err)
		}
		for i := 0; i+1 < len(nums); i += 2 {
			if i == 0 {
				p.move(nums[0], nums[1])
			} else {
				p.line(nums[i], nums[i+1])
			}
		}
		if n.name == "polygon" && len(nums) >= 4 {
			p.close()
		}
	}
	if len(p.segs) > MaxSegments {
		return nil, n.errf("simplify the path and export again", "a path of more than %d segments", MaxSegments)
	}
	return p.segs, nil
}

// pathBuilder collects absolute segments, remembering the current point,
// the subpath's start and the last control point (for S and T).
type pathBuilder struct {
	segs      []Segment
	x, y      float64
	sx, sy    float64
	cx, cy    float64 // last control point of the previous command
	lastCubic bool
	lastQuad  bool
	qx, qy    float64
	open      bool
}

func (p *pathBuilder) move(x, y float64) {
	p.segs = append(p.segs, Segment{Op: MoveTo, Pts: [3][2]float64{{x, y}}})
	p.x, p.y, p.sx, p.sy, p.open = x, y, x, y, true
}

func (p *pathBuilder) line(x, y float64) {
	p.segs = append(p.segs, Segment{Op: LineTo, Pts: [3][2]float64{{x, y}}})
	p.x, p.y = x, y
}

func (p *pathBuilder) cubic(x1, y1, x2, y2, x, y float64) {
	p.segs = append(p.segs, Segment{Op: CubicTo, Pts: [3][2]float64{{x1, y1}, {x2, y2}, {x, y}}})
	p.x, p.y = x, y
}

func (p *pathBuilder) close() {
	p.segs = append(p.segs, Segment{Op: Close})
	p.x, p.y = p.sx, p.sy
}

func (p *pathBuilder) ellipse(cx, cy, rx, ry float64) {
	kx, ky := rx*kappa, ry*kappa
	p.move(cx+rx, cy)
	p.cubic(cx+rx, cy+ky, cx+kx, cy+ry, cx, cy+ry)
	p.cubic(cx-kx, cy+ry, cx-rx, cy+ky, cx-rx, cy)
	p.cubic(cx-rx, cy-ky, cx-kx, cy-ry, cx, cy-ry)
	p.cubic(cx+kx, cy-ry, cx+rx, cy-ky, cx+rx, cy)
	p.close()
}

// parse reads SVG path data (every command, relative and absolute).
func (p *pathBuilder) parse(d string) error {
	s := scanner{s: d}
	var cmd byte
	for {
		s.skipSpace()
		if s.done() {
			return nil
		}
		c := s.s[s.i]
		if strings.IndexByte("MmLlHhVvCcSsQqTtAaZz", c) >= 0 {
			cmd = c
			s.i++
		} else if cmd == 0 {
			return fmt.Errorf("at character %d: a path starts with a command (M), not %q", s.i+1, c)
		} else if cmd == 'Z' || cmd == 'z' {
			return fmt.Errorf("at character %d: %q after Z", s.i+1, c)
		}
		if len(p.segs) == 0 && cmd != 'M' && cmd != 'm' {
			return fmt.Errorf("a path starts with M, not %c", cmd)
		}
		if len(p.segs) > MaxSegments {
			return fmt.Errorf("more than %d segments", MaxSegments)
		}
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = p.x, p.y
		}
		wasCubic, wasQuad := p.lastCubic, p.lastQuad
		p.lastCubic, p.lastQuad = false, false
		var v [7]float64
		read := func(k int) error {
			for i := range k {
				f, err := s.number()
				if err != nil {
					return err
				}
				v[i] = f
			}
			return nil
		}
		switch cmd {
		case 'Z', 'z':
			p.close()
			continue
		case 'M', 'm':
			if err := read(2); err != nil {
				return err
			}
			p.move(ox+v[0], oy+v[1])
			// Further pairs are line-tos.
			if cmd == 'M' {
				cmd = 'L'
			} else {
				cmd = 'l'
			}
		case 'L', 'l':
			if err := read(2); err != nil {
				return err
			}
			p.line(ox+v[0], oy+v[1])
		case 'H', 'h':
			if err := read(1); err != nil {
				return err
			}
			p.line(ox+v[0], p.y)
		case 'V', 'v':
			if err := read(1); err != nil {
				return err
			}
			p.line(p.x, oy+v[0])
		case 'C', 'c':
			if err := read(6); err != nil {
				return err
			}
			p.cubic(ox+v[0], oy+v[1], ox+v[2], oy+v[3], ox+v[4], oy+v[5])
			p.cx, p.cy, p.lastCubic = ox+v[2], oy+v[3], true
		case 'S', 's':
			if err := read(4); err != nil {
				return err
			}
			x1, y1 := p.x, p.y
			if wasCubic {
				x1, y1 = 2*p.x-p.cx, 2*p.y-p.cy
			}
			p.cubic(x1, y1, ox+v[0], oy+v[1], ox+v[2], oy+v[3])
			p.cx, p.cy, p.lastCubic = ox+v[0], oy+v[1], true
		case 'Q', 'q':
			if err := read(4); err != nil {
				return err
			}
			p.quad(ox+v[0], oy+v[1], ox+v[2], oy+v[3])
		case 'T', 't':
			if err := read(2); err != nil {
				return err
			}
			qx, qy := p.x, p.y
			if wasQuad {
				qx, qy = 2*p.x-p.qx, 2*p.y-p.qy
			}
			p.quad(qx, qy, ox+v[0], oy+v[1])
		case 'A', 'a':
			for i := range 7 {
				var f float64
				var err error
				if i == 3 || i == 4 {
					f, err = s.flag()
				} else {
					f, err = s.number()
				}
				if err != nil {
					return err
				}
				v[i] = f
			}
			p.arc(v[0], v[1], v[2], v[3] != 0, v[4] != 0, ox+v[5], oy+v[6])
		}
		s.skipComma()
	}
}

func (p *pathBuilder) quad(qx, qy, x, y float64) {
	x0, y0 := p.x, p.y
	p.cubic(x0+2.0/3*(qx-x0), y0+2.0/3*(qy-y0), x+2.0/3*(qx-x), y+2.0/3*(qy-y), x, y)
	p.qx, p.qy, p.lastQuad = qx, qy, true
}

// arc adds an elliptical arc as cubics (SVG's endpoint parameterisation,
// converted to centre form as in SVG 1.1 appendix F.6).
func (p *pathBuilder) arc(rx, ry, phi float64, large, sweep bool, x, y float64) {
	x0, y0 := p.x, p.y
	if x0 == x && y0 == y {
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		p.line(x, y)
		return
	}
	sin, cos := math.Sincos(phi * math.Pi / 180)
	dx, dy := (x0-x)/2, (y0-y)/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy
	lam := x1*x1/(rx*rx) + y1*y1/(ry*ry)
	if lam > 1 {
		s := math.Sqrt(lam)
		rx, ry = rx*s, ry*s
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	co := 0.0
	if den > 0 && num > 0 {
		co = math.Sqrt(num / den)
	}
	if large == sweep {
		co = -co
	}
	cxp, cyp := co*rx*y1/ry, -co*ry*x1/rx
	cx := cos*cxp - sin*cyp + (x0+x)/2
	cy := sin*cxp + cos*cyp + (y0+y)/2
	ang := func(ux, uy, vx, vy float64) float64 {
		return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
	}
	t1 := ang(1, 0, (x1-cxp)/rx, (y1-cyp)/ry)
	dt := ang((x1-cxp)/rx, (y1-cyp)/ry, (-x1-cxp)/rx, (-y1-cyp)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(dt) / (math.Pi / 2)))
	n = max(n, 1)
	step := dt / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	pt := func(t float64) (float64, float64, float64, float64) {
		st, ct := math.Sincos(t)
		ex, ey := rx*ct, ry*st  // point on the unrotated ellipse
		tx, ty := -rx*st, ry*ct // tangent
		return cx + cos*ex - sin*ey, cy + sin*ex + cos*ey, cos*tx - sin*ty, sin*tx + cos*ty
	}
	t := t1
	for i := range n {
		ax, ay, adx, ady := pt(t)
		t2 := t1 + step*float64(i+1)
		bx, by, bdx, bdy := pt(t2)
		if i == n-1 {
			bx, by = x, y
		}
		p.cubic(ax+k*adx, ay+k*ady, bx-k*bdx, by-k*bdy, bx, by)
		t = t2
	}
}

// scanner reads numbers from path data, points and transforms.
type scanner struct {
	s string
	i int
}

func (s *scanner) done() bool { return s.i >= len(s.s) }

func (s *scanner) skipSpace() {
	for s.i < len(s.s) && strings.IndexByte(" \t\r\n\f", s.s[s.i]) >= 0 {
		s.i++
	}
}

func (s *scanner) skipComma() {
	s.skipSpace()
	if s.i < len(s.s) && s.s[s.i] == ',' {
		s.i++
	}
	s.skipSpace()
}

// number reads one number with SVG's compact syntax ("1.5.5" is 1.5 0.5,
// "1-2" is 1 -2).
func (s *scanner) number() (float64, error) {
	s.skipComma()
	start := s.i
	if s.i < len(s.s) && (s.s[s.i] == '+' || s.s[s.i] == '-') {
		s.i++
	}
	digits, dot := 0, false
	for s.i < len(s.s) {
		c := s.s[s.i]
		if c >= '0' && c <= '9' {
			digits++
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
		s.i++
	}
	if digits == 0 {
		s.i = start
		if s.done() {
			return 0, fmt.Errorf("a number is missing at the end")
		}
		return 0, fmt.Errorf("at character %d: %q is not a number", start+1, s.s[start])
	}
	if s.i < len(s.s) && (s.s[s.i] == 'e' || s.s[s.i] == 'E') {
		j := s.i + 1
		if j < len(s.s) && (s.s[j] == '+' || s.s[j] == '-') {
			j++
		}
		k := j
		for k < len(s.s) && s.s[k] >= '0' && s.s[k] <= '9' {
			k++
		}
		if k > j {
			s.i = k
		}
	}
	f, err := strconv.ParseFloat(s.s[start:s.i], 64)
	if err != nil || !checkNumber(f) {
		return 0, fmt.Errorf("at character %d: %s is larger than %g", start+1, s.s[start:s.i], MaxNumber)
	}
	return f, nil
}

func (s *scanner) flag() (float64, error) {
	s.skipComma()
	if s.i < len(s.s) && (s.s[s.i] == '0' || s.s[s.i] == '1') {
		s.i++
		return float64(s.s[s.i-1] - '0'), nil
	}
	return 0, fmt.Errorf("at character %d: an arc flag is 0 or 1", s.i+1)
}

// numbers reads a list of numbers separated by spaces or commas.
func numbers(v string) ([]float64, error) {
	s := scanner{s: v}
	var out []float64
	for {
		s.skipComma()
		if s.done() {
			return out, nil
		}
		if len(out) > 2*MaxSegments {
			return nil, fmt.Errorf("more than %d numbers", 2*MaxSegments)
		}
		f, err := s.number()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
}

// parseTransform reads a transform list.
func parseTransform(v string) (Matrix, error) {
	m := Identity
	rest := strings.TrimSpace(v)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("expected a function such as translate(10 20)")
		}
		name := strings.TrimSpace(rest[:open])
		args, err := numbers(rest[open+1 : end])
		if err != nil {
			return m, err
		}
		rest = strings.TrimLeft(rest[end+1:], " \t\r\n,")
		var t Matrix
		bad := func(want string) (Matrix, error) {
			return m, fmt.Errorf("%s takes %s, not %d numbers", name, want, len(args))
		}
		switch name {
		case "matrix":
			if len(args) != 6 {
				return bad("6")
			}
			copy(t[:], args)
		case "translate":
			switch len(args) {
			case 1:
				t = Matrix{1, 0, 0, 1, args[0], 0}
			case 2:
				t = Matrix{1, 0, 0, 1, args[0], args[1]}
			default:
				return bad("1 or 2")
			}
		case "scale":
			switch len(args) {
			case 1:
				t = Matrix{args[0], 0, 0, args[0], 0, 0}
			case 2:
				t = Matrix{args[0], 0, 0, args[1], 0, 0}
			default:
				return bad("1 or 2")
			}
		case "rotate":
			if len(args) != 1 && len(args) != 3 {
				return bad("1 or 3")
			}
			s, c := math.Sincos(args[0] * math.Pi / 180)
			t = Matrix{c, s, -s, c, 0, 0}
			if len(args) == 3 {
				cx, cy := args[1], args[2]
				t = Matrix{1, 0, 0, 1, cx, cy}.Mul(t).Mul(Matrix{1, 0, 0, 1, -cx, -cy})
			}
		case "skewX":
			if len(args) != 1 {
				return bad("1")
			}
			t = Matrix{1, 0, math.Tan(args[0] * math.Pi / 180), 1, 0, 0}
		case "skewY":
			if len(args) != 1 {
				return bad("1")
			}
			t = Matrix{1, math.Tan(args[0] * math.Pi / 180), 0, 1, 0, 0}
		default:
			return m, fmt.Errorf("%q is not a transform function", name)
		}
		m = m.Mul(t)
		for _, x := range m {
			if !checkNumber(x) {
				return m, fmt.Errorf("the transform is too large")
			}
		}
	}
	return m, nil
}
