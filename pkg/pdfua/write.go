package pdfua

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// writer lays out a PDF file: a header, objects numbered from 1 in order,
// a cross-reference table and a trailer.
type writer struct {
	buf     bytes.Buffer
	offsets []int // offsets[n] is where object n starts
}

func (w *writer) header() {
	// The comment of four bytes above 127 marks the file as binary, as
	// PDF/A requires (ISO 19005-2, 6.1.2).
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	w.offsets = []int{0}
}

// object writes indirect object num; objects must come in number order.
func (w *writer) object(num int, v any) {
	for len(w.offsets) <= num {
		w.offsets = append(w.offsets, 0)
	}
	w.offsets[num] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(num))
	w.buf.WriteString(" 0 obj\n")
	if s, ok := v.(*stream); ok {
		s.dict.set("Length", integer(len(s.data)))
		w.value(s.dict)
		w.buf.WriteString("\nstream\n")
		w.buf.Write(s.data)
		w.buf.WriteString("\nendstream\nendobj\n")
		return
	}
	w.value(v)
	w.buf.WriteString("\nendobj\n")
}

func (w *writer) value(v any) {
	b := &w.buf
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case integer:
		b.WriteString(strconv.FormatInt(int64(v), 10))
	case int:
		b.WriteString(strconv.Itoa(v))
	case real:
		b.WriteString(string(v))
	case name:
		writeName(b, v)
	case pdfString:
		writeString(b, v)
	case numberArray:
		b.Write(v)
	case ref:
		b.WriteString(strconv.Itoa(v.num))
		b.WriteString(" ")
		b.WriteString(strconv.Itoa(v.gen))
		b.WriteString(" R")
	case array:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			w.value(x)
		}
		b.WriteByte(']')
	case *dict:
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

func writeName(b *bytes.Buffer, n name) {
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
func writeString(b *bytes.Buffer, s pdfString) {
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

// textString encodes s as a PDF text string: ASCII as it is, anything
// else as UTF-16BE with a byte order mark (ISO 32000-1, 7.9.2.2).
func textString(s string) pdfString {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return pdfString(s)
	}
	out := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return pdfString(out)
}

// decodeText reads a PDF text string: UTF-16BE with a byte order mark,
// or else bytes taken as UTF-8 (what fpdf writes) or Latin-1.
func decodeText(s pdfString) string {
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	if utf8.Valid(s) {
		return string(s)
	}
	r := make([]rune, len(s))
	for i, c := range s {
		r[i] = rune(c)
	}
	return string(r)
}

// xref writes the cross-reference table and the trailer.
func (w *writer) xref(trailer *dict) {
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
