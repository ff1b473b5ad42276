package pdf

import (
	"bytes"
	"strconv"
)

// Writer lays out a PDF file: a header, objects numbered from 1 in order,
// a cross-reference table and a trailer. Its zero value is ready to use.
type Writer struct {
	buf     bytes.Buffer
	offsets []int // offsets[n] is where object n starts
}

// Grow makes room for n more bytes, as bytes.Buffer.Grow.
func (w *Writer) Grow(n int) { w.buf.Grow(n) }

// Bytes returns what has been written so far; it aliases the Writer's
// buffer until the next write.
func (w *Writer) Bytes() []byte { return w.buf.Bytes() }

// Size is one more than the highest object number written: the trailer's
// /Size.
func (w *Writer) Size() int { return len(w.offsets) }

// Header writes the file header for PDF 1.7 with the binary comment, and
// must come first.
func (w *Writer) Header() {
	// The comment of four bytes above 127 marks the file as binary, as
	// PDF/A requires (ISO 19005-2, 6.1.2).
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	w.offsets = []int{0}
}

// Object writes indirect object num (generation 0); objects must come in
// number order. A stream's /Length is set to the length of its data.
func (w *Writer) Object(num int, v any) {
	for len(w.offsets) <= num {
		w.offsets = append(w.offsets, 0)
	}
	w.offsets[num] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(num))
	w.buf.WriteString(" 0 obj\n")
	if s, ok := v.(*Stream); ok {
		s.Dict.Set("Length", Integer(len(s.Data)))
		w.value(s.Dict)
		w.buf.WriteString("\nstream\n")
		w.buf.Write(s.Data)
		w.buf.WriteString("\nendstream\nendobj\n")
		return
	}
	w.value(v)
	w.buf.WriteString("\nendobj\n")
}

func (w *Writer) value(v any) {
	b := &w.buf
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case Integer:
		b.WriteString(strconv.FormatInt(int64(v), 10))
	case int:
		b.WriteString(strconv.Itoa(v))
	case Real:
		b.WriteString(string(v))
	case Name:
		writeName(b, v)
	case String:
		writeString(b, v)
	case NumberArray:
		b.Write(v)
	case Ref:
		b.WriteString(strconv.Itoa(v.Num))
		b.WriteString(" ")
		b.WriteString(strconv.Itoa(v.Gen))
		b.WriteString(" R")
	case Array:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			w.value(x)
		}
		b.WriteByte(']')
	case *Dict:
		b.WriteString("<<")
		for i, k := range v.keys {
			writeName(b, k)
			b.WriteByte(' ')
			w.value(v.vals[i])
			if i < len(v.keys)-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(">>")
	default:
		// Only the types above are ever built; a stream inside another
		// object cannot be written and would be a bug of this package.
		b.WriteString("null")
	}
}

func writeName(b *bytes.Buffer, n Name) {
	b.WriteByte('/')
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < 0x21 || c > 0x7e || c == '#' || isDelim(c) {
			b.WriteByte('#')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
			continue
		}
		b.WriteByte(c)
	}
}

// writeString writes printable ASCII as a literal string and anything else
// as a hexadecimal string.
func writeString(b *bytes.Buffer, s String) {
	printable := true
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			printable = false
			break
		}
	}
	if !printable {
		const hexDigits = "0123456789ABCDEF"
		b.WriteByte('<')
		for _, c := range s {
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
		b.WriteByte('>')
		return
	}
	b.WriteByte('(')
	for _, c := range s {
		if c == '(' || c == ')' || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte(')')
}

// XRef writes the cross-reference table, the trailer and the end of the
// file; nothing may be written after it.
func (w *Writer) XRef(trailer *Dict) {
	start := w.buf.Len()
	b := &w.buf
	b.WriteString("xref\n0 ")
	b.WriteString(strconv.Itoa(len(w.offsets)))
	b.WriteString("\n0000000000 65535 f \n")
	var line [20]byte
	for _, off := range w.offsets[1:] {
		s := strconv.AppendInt(line[:0], int64(off), 10)
		for range 10 - len(s) {
			b.WriteByte('0')
		}
		b.Write(s)
		b.WriteString(" 00000 n \n")
	}
	b.WriteString("trailer\n")
	w.value(trailer)
	b.WriteString("\nstartxref\n")
	b.WriteString(strconv.Itoa(start))
	b.WriteString("\n%%EOF\n")
}
