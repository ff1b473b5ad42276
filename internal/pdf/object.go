package pdf

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The PDF objects this package reads and writes (ISO 32000-1, 7.3). A
// value is one of: nil (null), bool, Integer, Real, Name, String, Array,
// NumberArray, *Dict, Ref or *Stream. The Writer also takes an int.
type (
	// Integer is an integer object.
	Integer int64
	// Real is a real number kept as written, so that copied numbers do
	// not change.
	Real string
	// Name is a name object, without its slash and with #xx escapes
	// undone.
	Name string
	// String is a string object's bytes, however it was written
	// (literal or hexadecimal).
	String []byte
	// Array is an array object.
	Array []any
	// Ref is an indirect reference, "12 0 R".
	Ref struct{ Num, Gen int }
	// Dict is a dictionary. It keeps its keys in the order read or set,
	// so that writing is deterministic and close to the input.
	Dict struct {
		keys []Name
		vals []any
	}
	// Stream is a stream object: its dictionary and its data as stored,
	// still encoded (see Decode).
	Stream struct {
		Dict *Dict
		Data []byte
	}
	// NumberArray is an array of numbers (and arrays of numbers) kept as
	// written, "[0 0 595.28 841.89]": fonts' width arrays hold thousands
	// of numbers that are only ever copied, so the parser does not split
	// them into values.
	NumberArray []byte
)

// Get returns the value of key k, or nil.
func (d *Dict) Get(k Name) any {
	for i, key := range d.keys {
		if key == k {
			return d.vals[i]
		}
	}
	return nil
}

// Set sets key k to v, keeping k's place if it is already there.
func (d *Dict) Set(k Name, v any) {
	for i, key := range d.keys {
		if key == k {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, k)
	d.vals = append(d.vals, v)
}

// Del removes key k.
func (d *Dict) Del(k Name) {
	for i, key := range d.keys {
		if key == k {
			d.keys = append(d.keys[:i:i], d.keys[i+1:]...)
			d.vals = append(d.vals[:i:i], d.vals[i+1:]...)
			return
		}
	}
}

// Dictionaries with their first entries' room in the same allocation: a
// document's finishing pass reads and makes a few hundred small ones, and
// a dictionary and its two slices were three allocations each.
type (
	dict4 struct {
		d    Dict
		keys [4]Name
		vals [4]any
	}
	dict8 struct {
		d    Dict
		keys [8]Name
		vals [8]any
	}
)

// newDict returns an empty dictionary with room for n entries.
func newDict(n int) *Dict {
	switch {
	case n <= 4:
		s := &dict4{}
		s.d.keys, s.d.vals = s.keys[:0], s.vals[:0]
		return &s.d
	case n <= 8:
		s := &dict8{}
		s.d.keys, s.d.vals = s.keys[:0], s.vals[:0]
		return &s.d
	}
	return &Dict{keys: make([]Name, 0, n), vals: make([]any, 0, n)}
}

// NewDict makes a dictionary from alternating keys (Names) and values.
func NewDict(kv ...any) *Dict {
	d := newDict(len(kv) / 2)
	for i := 0; i+1 < len(kv); i += 2 {
		d.Set(kv[i].(Name), kv[i+1])
	}
	return d
}

// TextString encodes s as a PDF text string: ASCII as it is, anything
// else as UTF-16BE with a byte order mark (ISO 32000-1, 7.9.2.2).
func TextString(s string) String {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return String(s)
	}
	out := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return String(out)
}

// DecodeText reads a PDF text string: UTF-16BE with a byte order mark,
// or else bytes taken as UTF-8 (what fpdf writes) or Latin-1.
func DecodeText(s String) string {
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

// Float returns the value of an Integer or a Real, or reports that v is
// not a number.
func Float(v any) (float64, bool) {
	switch x := v.(type) {
	case Integer:
		return float64(x), true
	case Real:
		f, err := strconv.ParseFloat(string(x), 64)
		return f, err == nil
	}
	return 0, false
}
