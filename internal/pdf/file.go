package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// File is a parsed PDF: its objects by number and its trailer.
type File struct {
	Objects map[int]any // the objects in use, by number
	Trailer *Dict       // the trailer dictionary: /Root, /Info, /Size
}

// Resolve follows a reference (and a chain of up to eight); other values
// are returned as they are. A missing object resolves to nil.
func (f *File) Resolve(v any) any {
	for range 8 {
		r, ok := v.(Ref)
		if !ok {
			return v
		}
		v = f.Objects[r.Num]
	}
	return nil
}

// DictOf returns the dictionary v is or refers to, or a stream's
// dictionary; nil when it is neither.
func (f *File) DictOf(v any) *Dict {
	switch d := f.Resolve(v).(type) {
	case *Dict:
		return d
	case *Stream:
		return d.Dict
	}
	return nil
}

// ParseFile reads a PDF with a classic cross-reference table, as fpdf
// writes it (compressed or not).
func ParseFile(b []byte) (*File, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, errors.New("not a PDF: no %PDF- header")
	}
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	l := &lexer{b: b, pos: i + len("startxref")}
	tok, err := l.token()
	off, ok := tok.(Integer)
	if err != nil || !ok || off < 0 || int(off) >= len(b) {
		return nil, errors.New("bad startxref offset")
	}
	l.pos = int(off)
	if tok, _ := l.token(); tok != keyword("xref") {
		return nil, errors.New("no cross-reference table at startxref (cross-reference streams are not supported)")
	}
	offsets := map[int]int{}
	for {
		tok, err := l.token()
		if err != nil {
			return nil, fmt.Errorf("cross-reference table: %w", err)
		}
		if tok == keyword("trailer") {
			break
		}
		first, ok1 := tok.(Integer)
		countTok, _ := l.token()
		count, ok2 := countTok.(Integer)
		if !ok1 || !ok2 || first < 0 || count < 0 || count > Integer(len(b)) {
			return nil, errors.New("bad cross-reference subsection")
		}
		for n := range int(count) {
			o, _ := l.token()
			g, _ := l.token()
			kind, _ := l.token()
			ov, ok1 := o.(Integer)
			_, ok2 := g.(Integer)
			if !ok1 || !ok2 || (kind != keyword("n") && kind != keyword("f")) {
				return nil, errors.New("bad cross-reference entry")
			}
			if kind == keyword("n") {
				offsets[int(first)+n] = int(ov)
			}
		}
	}
	tr, err := l.object(0)
	if err != nil {
		return nil, fmt.Errorf("trailer: %w", err)
	}
	trailer, ok := tr.(*Dict)
	if !ok {
		return nil, errors.New("trailer is not a dictionary")
	}
	f := &File{Objects: make(map[int]any, len(offsets)), Trailer: trailer}
	for num, off := range offsets {
		v, err := parseIndirect(b, num, off)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		f.Objects[num] = v
	}
	return f, nil
}

// parseIndirect reads "num gen obj … endobj" at off.
func parseIndirect(b []byte, num, off int) (any, error) {
	if off < 0 || off >= len(b) {
		return nil, errors.New("offset outside the file")
	}
	l := &lexer{b: b, pos: off}
	n, _ := l.token()
	_, _ = l.token()
	if kw, _ := l.token(); n != Integer(num) || kw != keyword("obj") {
		return nil, errors.New("cross-reference offset does not point at the object")
	}
	v, err := l.object(0)
	if err != nil {
		return nil, err
	}
	save := l.pos
	tok, err := l.token()
	if err != nil {
		return nil, err
	}
	if tok == keyword("endobj") {
		return v, nil
	}
	if tok != keyword("stream") {
		l.pos = save
		return nil, errors.New("no endobj")
	}
	d, ok := v.(*Dict)
	if !ok {
		return nil, errors.New("stream without a dictionary")
	}
	// The data starts after the end of line following "stream".
	if l.pos < len(b) && b[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(b) && b[l.pos] == '\n' {
		l.pos++
	}
	length, ok := d.Get("Length").(Integer)
	if !ok || length < 0 || int(length) > len(b)-l.pos {
		return nil, errors.New("stream /Length missing, indirect or too long")
	}
	data := b[l.pos : l.pos+int(length)]
	l.pos += int(length)
	if kw, _ := l.token(); kw != keyword("endstream") {
		return nil, errors.New("stream data does not end at /Length")
	}
	if kw, _ := l.token(); kw != keyword("endobj") {
		return nil, errors.New("no endobj after stream")
	}
	return &Stream{Dict: d, Data: data}, nil
}

// PageList returns the object numbers of the pages under the page tree
// node root, in order.
func (f *File) PageList(root Ref) ([]int, error) {
	var pages []int
	visited := map[int]bool{}
	var walk func(r Ref, depth int) error
	walk = func(r Ref, depth int) error {
		if visited[r.Num] || depth > maxDepth {
			return errors.New("page tree has a cycle")
		}
		visited[r.Num] = true
		d, ok := f.Objects[r.Num].(*Dict)
		if !ok {
			return fmt.Errorf("page tree node %d is not a dictionary", r.Num)
		}
		switch d.Get("Type") {
		case Name("Page"):
			pages = append(pages, r.Num)
		case Name("Pages"):
			kids, _ := f.Resolve(d.Get("Kids")).(Array)
			for _, k := range kids {
				kr, ok := k.(Ref)
				if !ok {
					return errors.New("page tree kid is not a reference")
				}
				if err := walk(kr, depth+1); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("page tree node %d has no /Type", r.Num)
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// Reachable returns, in ascending order, the numbers of the objects that
// roots lead to. A reference to an object the file does not have is an
// error.
func (f *File) Reachable(roots []any) ([]int, error) {
	seen := map[int]bool{}
	var missing error
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case Ref:
			if seen[x.Num] {
				return
			}
			obj, ok := f.Objects[x.Num]
			if !ok {
				if missing == nil {
					missing = fmt.Errorf("reference to missing object %d", x.Num)
				}
				return
			}
			seen[x.Num] = true
			walk(obj)
		case Array:
			for _, e := range x {
				walk(e)
			}
		case *Dict:
			for _, e := range x.vals {
				walk(e)
			}
		case *Stream:
			walk(x.Dict)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	if missing != nil {
		return nil, missing
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}

// Remap renumbers the references in v by renum (old number to new, all
// of generation 0), in place where it can, and returns the result.
func Remap(v any, renum map[int]int) any {
	switch x := v.(type) {
	case Ref:
		return Ref{renum[x.Num], 0}
	case Array:
		for i, e := range x {
			x[i] = Remap(e, renum)
		}
		return x
	case *Dict:
		for i, e := range x.vals {
			x.vals[i] = Remap(e, renum)
		}
		return x
	case *Stream:
		Remap(x.Dict, renum)
		return x
	}
	return v
}
