package pdf

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

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

// token returns the next token: a delim, keyword, Integer, Real, Name or
// String.
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
		return l.readName()
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	word := l.b[start:l.pos]
	if n, ok := number(word); ok {
		return n, nil
	}
	if v, ok := interned()[string(word)]; ok {
		return v, nil
	}
	return keyword(word), nil
}

// interned holds the names and keywords fpdf's files are made of, as the
// values the lexer returns: a name or keyword read is otherwise a new
// string and a new interface value, and the finishing pass reads
// thousands a document. Built once, read-only after.
var interned = sync.OnceValue(func() map[string]any {
	m := map[string]any{}
	for _, kw := range []string{"obj", "endobj", "R", "stream", "endstream", "xref", "trailer", "n", "f", "true", "false", "null"} {
		m[kw] = keyword(kw)
	}
	for _, n := range []string{
		"A", "Annots", "Ascent", "BaseFont", "Border", "CIDSystemInfo", "CIDToGIDMap",
		"CIDFontType2", "CapHeight", "Catalog", "ColorSpace", "Contents", "Count",
		"DW", "Descent", "DescendantFonts", "DeviceRGB", "Encoding", "Ext",
		"ExtGState", "F", "Filter", "First", "Flags", "FlateDecode", "Font",
		"FontBBox", "FontDescriptor", "FontFile2", "FontName", "Group", "I",
		"Identity", "Identity-H", "ImageB", "ImageC", "ImageI", "Info", "ItalicAngle",
		"Kids", "Last", "Length", "Length1", "Link", "MCID", "MediaBox", "MissingWidth",
		"N", "Next", "OneColumn", "OpenAction", "Ordering", "Outlines", "P", "PDF",
		"Page", "PageLayout", "PageMode", "Pages", "Parent", "Prev", "ProcSet",
		"Producer", "Rect", "Registry", "Resources", "Root", "S", "Size", "StemV",
		"Subtype", "Supplement", "Text", "Title", "ToUnicode", "Transparency", "Type",
		"Type0", "URI", "UseNone", "W", "Widths", "XObject", "XYZ", "Artifact", "Span",
		"ActualText", "Alt", "Lang", "Figure", "H1", "H2", "L", "LI", "LBody", "Lbl",
	} {
		m[n] = Name(n)
	}
	return m
})

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
		return Real(word), true
	}
	n, err := strconv.ParseInt(string(word), 10, 64)
	if err != nil {
		return Real(word), true
	}
	return Integer(n), true
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
			return String(out), nil
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
				return String(out), nil
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

func (l *lexer) readName() (any, error) {
	l.pos++ // /
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) && l.b[l.pos] != '#' {
		l.pos++
	}
	if l.pos >= len(l.b) || l.b[l.pos] != '#' {
		if v, ok := interned()[string(l.b[start:l.pos])]; ok {
			if _, isName := v.(Name); isName {
				return v, nil
			}
		}
		return Name(l.b[start:l.pos]), nil
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
	return Name(out), nil
}

// numbers reads an array holding only numbers and arrays of numbers,
// whose "[" has just been read, as a NumberArray; otherwise it reads
// nothing and reports false.
func (l *lexer) numbers() (NumberArray, bool) {
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
				return NumberArray(l.b[start:l.pos]), true
			}
		case isSpace(c), c >= '0' && c <= '9', c == '.', c == '-', c == '+':
		default:
			return nil, false
		}
	}
	return nil, false
}

// Values returns the numbers of a flat NumberArray, or nil for a nested one.
func (n NumberArray) Values() Array {
	l := &lexer{b: n[1 : len(n)-1]}
	var out Array
	for {
		tok, err := l.token()
		if err != nil {
			return out
		}
		switch tok.(type) {
		case Integer, Real:
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
			var a Array
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
			d := newDict(8)
			for {
				next, err := l.token()
				if err != nil {
					return nil, err
				}
				if next == delim(">>") {
					return d, nil
				}
				k, ok := next.(Name)
				if !ok {
					return nil, fmt.Errorf("dictionary key is not a name at byte %d", l.pos)
				}
				v, err := l.object(depth + 1)
				if err != nil {
					return nil, err
				}
				d.Set(k, v)
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
	case Integer:
		save := l.pos
		if gen, err := l.token(); err == nil {
			if g, ok := gen.(Integer); ok {
				if r, err := l.token(); err == nil && r == keyword("R") {
					return Ref{int(t), int(g)}, nil
				}
			}
		}
		l.pos = save
		return t, nil
	}
	return tok, nil
}

// ParseObject reads the one direct object b holds ("<</Type /Page>>",
// "[1 2 0 R]", "(text)"); anything after it but white space and comments
// is an error.
func ParseObject(b []byte) (any, error) {
	l := &lexer{b: b}
	v, err := l.object(0)
	if err != nil {
		return nil, err
	}
	l.skipSpace()
	if l.pos < len(l.b) {
		return nil, fmt.Errorf("more after the object at byte %d", l.pos)
	}
	return v, nil
}
