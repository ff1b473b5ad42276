package pdfua

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// The PDF objects this package reads and writes (ISO 32000-1, 7.3). A
// value is one of: nil (null), bool, integer, real, name, pdfString,
// array, *dict, ref or *stream.
type (
	integer   int64
	real      string // kept as written, so copied numbers do not change
	name      string
	pdfString []byte
	array     []any
	ref       struct{ num, gen int }
	// dict keeps its keys in the order read or set, so that writing is
	// deterministic and close to the input.
	dict struct {
		keys []name
		vals []any
	}
	stream struct {
		dict *dict
		data []byte // as stored, still encoded
	}
	// numberArray is an array of numbers (and arrays of numbers) kept as
	// written, "[0 0 595.28 841.89]": fonts' width arrays hold thousands
	// of numbers that are only ever copied.
	numberArray []byte
)

func (d *dict) get(k name) any {
	for i, key := range d.keys {
		if key == k {
			return d.vals[i]
		}
	}
	return nil
}

func (d *dict) set(k name, v any) {
	for i, key := range d.keys {
		if key == k {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, k)
	d.vals = append(d.vals, v)
}

func (d *dict) del(k name) {
	for i, key := range d.keys {
		if key == k {
			d.keys = append(d.keys[:i:i], d.keys[i+1:]...)
			d.vals = append(d.vals[:i:i], d.vals[i+1:]...)
			return
		}
	}
}

// newDict makes a dictionary from alternating keys and values.
func newDict(kv ...any) *dict {
	d := &dict{}
	for i := 0; i+1 < len(kv); i += 2 {
		d.set(kv[i].(name), kv[i+1])
	}
	return d
}

// maxDepth bounds the nesting of arrays and dictionaries, so that a
// malformed file cannot exhaust the stack.
const maxDepth = 64

// lexer reads tokens from PDF syntax: a file body or a content stream.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// keyword is a bare word: an operator, true/false/null, obj, R, stream.
type keyword string

// delim is one of [ ] << >> { }.
type delim string

var errEOF = errors.New("unexpected end of data")

// token returns the next token: a delim, keyword, integer, real, name or
// pdfString.
func (l *lexer) token() (any, error) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return nil, errEOF
	}
	c := l.b[l.pos]
	switch c {
	case '[', ']', '{', '}':
		l.pos++
		return delim(c), nil
	case '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return delim("<<"), nil
		}
		return l.hexString()
	case '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return delim(">>"), nil
		}
		return nil, fmt.Errorf("stray '>' at byte %d", l.pos)
	case '(':
		return l.literalString()
	case ')':
		return nil, fmt.Errorf("stray ')' at byte %d", l.pos)
	case '/':
		return l.name()
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	word := l.b[start:l.pos]
	if n, ok := number(word); ok {
		return n, nil
	}
	return keyword(word), nil
}

// number parses an integer or a real number, or reports that word is not one.
func number(word []byte) (any, bool) {
	if len(word) == 0 {
		return nil, false
	}
	digits, dot := 0, false
	for i, c := range word {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		case (c == '+' || c == '-') && i == 0:
		default:
			return nil, false
		}
	}
	if digits == 0 {
		return nil, false
	}
	if dot {
		return real(word), true
	}
	n, err := strconv.ParseInt(string(word), 10, 64)
	if err != nil {
		return real(word), true
	}
	return integer(n), true
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) hexString() (any, error) {
	start := l.pos
	l.pos++ // <
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return pdfString(out), nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return nil, fmt.Errorf("bad hex string at byte %d", start)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, fmt.Errorf("unterminated hex string at byte %d", start)
}

func (l *lexer) literalString() (any, error) {
	start := l.pos
	l.pos++ // (
	depth := 1
	var out []byte
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return pdfString(out), nil
			}
		case '\r':
			// An end of line in a string reads as \n, whatever it was.
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.pos >= len(l.b) {
				break
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes stand for themselves
				}
			}
		}
		out = append(out, c)
	}
	return nil, fmt.Errorf("unterminated string at byte %d", start)
}

func (l *lexer) name() (any, error) {
	l.pos++ // /
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) && l.b[l.pos] != '#' {
		l.pos++
	}
	if l.pos >= len(l.b) || l.b[l.pos] != '#' {
		return name(l.b[start:l.pos]), nil
	}
	l.pos = start
	var out []byte
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		c := l.b[l.pos]
		if c == '#' && l.pos+2 < len(l.b) {
			hi, ok1 := unhex(l.b[l.pos+1])
			lo, ok2 := unhex(l.b[l.pos+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				l.pos += 3
				continue
			}
		}
		out = append(out, c)
		l.pos++
	}
	return name(out), nil
}

// numbers reads an array holding only numbers and arrays of numbers,
// whose "[" has just been read, as a numberArray; otherwise it reads
// nothing and reports false.
func (l *lexer) numbers() (numberArray, bool) {
	start := l.pos - 1
	depth := 1
	for i := l.pos; i < len(l.b); i++ {
		switch c := l.b[i]; {
		case c == '[':
			depth++
			if depth > maxDepth {
				return nil, false
			}
		case c == ']':
			depth--
			if depth == 0 {
				l.pos = i + 1
				return numberArray(l.b[start:l.pos]), true
			}
		case isSpace(c), c >= '0' && c <= '9', c == '.', c == '-', c == '+':
		default:
			return nil, false
		}
	}
	return nil, false
}

// values returns the numbers of a flat numberArray, or nil for a nested one.
func (n numberArray) values() array {
	l := &lexer{b: n[1 : len(n)-1]}
	var out array
	for {
		tok, err := l.token()
		if err != nil {
			return out
		}
		switch tok.(type) {
		case integer, real:
			out = append(out, tok)
		default:
			return nil
		}
	}
}

// object reads one object. An integer followed by an integer and R is a
// reference.
func (l *lexer) object(depth int) (any, error) {
	tok, err := l.token()
	if err != nil {
		return nil, err
	}
	return l.objectFrom(tok, depth)
}

func (l *lexer) objectFrom(tok any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("objects nested too deeply")
	}
	switch t := tok.(type) {
	case delim:
		switch t {
		case "[":
			if raw, ok := l.numbers(); ok {
				return raw, nil
			}
			var a array
			for {
				next, err := l.token()
				if err != nil {
					return nil, err
				}
				if next == delim("]") {
					return a, nil
				}
				v, err := l.objectFrom(next, depth+1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
		case "<<":
			d := &dict{keys: make([]name, 0, 8), vals: make([]any, 0, 8)}
			for {
				next, err := l.token()
				if err != nil {
					return nil, err
				}
				if next == delim(">>") {
					return d, nil
				}
				k, ok := next.(name)
				if !ok {
					return nil, fmt.Errorf("dictionary key is not a name at byte %d", l.pos)
				}
				v, err := l.object(depth + 1)
				if err != nil {
					return nil, err
				}
				d.set(k, v)
			}
		}
		return nil, fmt.Errorf("unexpected %q at byte %d", string(t), l.pos)
	case keyword:
		switch t {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		return nil, fmt.Errorf("unexpected %q at byte %d", string(t), l.pos)
	case integer:
		save := l.pos
		if gen, err := l.token(); err == nil {
			if g, ok := gen.(integer); ok {
				if r, err := l.token(); err == nil && r == keyword("R") {
					return ref{int(t), int(g)}, nil
				}
			}
		}
		l.pos = save
		return t, nil
	}
	return tok, nil
}

// file is a parsed PDF: its objects by number and its trailer.
type file struct {
	objects map[int]any
	trailer *dict
}

// resolve follows a reference; other values are returned as they are.
func (f *file) resolve(v any) any {
	for range 8 {
		r, ok := v.(ref)
		if !ok {
			return v
		}
		v = f.objects[r.num]
	}
	return nil
}

func (f *file) dictOf(v any) *dict {
	switch d := f.resolve(v).(type) {
	case *dict:
		return d
	case *stream:
		return d.dict
	}
	return nil
}

// parseFile reads a PDF with a classic cross-reference table, as fpdf
// writes it (compressed or not).
func parseFile(b []byte) (*file, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, errors.New("not a PDF: no %PDF- header")
	}
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	l := &lexer{b: b, pos: i + len("startxref")}
	tok, err := l.token()
	off, ok := tok.(integer)
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
		first, ok1 := tok.(integer)
		countTok, _ := l.token()
		count, ok2 := countTok.(integer)
		if !ok1 || !ok2 || first < 0 || count < 0 || count > integer(len(b)) {
			return nil, errors.New("bad cross-reference subsection")
		}
		for n := range int(count) {
			o, _ := l.token()
			g, _ := l.token()
			kind, _ := l.token()
			ov, ok1 := o.(integer)
			_, ok2 := g.(integer)
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
	trailer, ok := tr.(*dict)
	if !ok {
		return nil, errors.New("trailer is not a dictionary")
	}
	f := &file{objects: make(map[int]any, len(offsets)), trailer: trailer}
	for num, off := range offsets {
		v, err := parseIndirect(b, num, off)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", num, err)
		}
		f.objects[num] = v
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
	if kw, _ := l.token(); n != integer(num) || kw != keyword("obj") {
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
	d, ok := v.(*dict)
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
	length, ok := d.get("Length").(integer)
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
	return &stream{dict: d, data: data}, nil
}
