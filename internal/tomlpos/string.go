package tomlpos

import (
	"bytes"
	"sort"
	"strconv"
	"unicode/utf8"
)

// segment says that, from decoded byte dec on, the decoded value follows
// the source byte for byte from offset src, until the next segment.
type segment struct{ dec, src int }

// String is a TOML string value decoded, with the map from its bytes back
// to the file.
type String struct {
	// Value is the string as BurntSushi/toml decodes it.
	Value []byte
	// Closing is the offset of the closing quote (of the first of three
	// for a multi-line string); End is the offset just after the string.
	Closing, End int
	segs         []segment
}

// Offset returns the file offset of the decoded byte at index i of Value:
// for a byte written as an escape, where the escape starts; for i at or
// past the end, the closing quote.
func (s String) Offset(i int) int {
	if i >= len(s.Value) || len(s.segs) == 0 {
		return s.Closing
	}
	k := sort.Search(len(s.segs), func(k int) bool { return s.segs[k].dec > i }) - 1
	if k < 0 {
		return s.Closing
	}
	return min(s.segs[k].src+i-s.segs[k].dec, s.Closing)
}

// ReadString decodes the TOML string (basic, literal, or either
// multi-line) whose opening quote is at src[pos], following BurntSushi/toml
// exactly (first newline trimmed, line-ending backslashes, escapes). An
// unclosed string runs to the end of src.
func ReadString(src []byte, pos int) String {
	value, segs, closing, end := decode(src, pos, true)
	return String{Value: value, Closing: closing, End: end, segs: segs}
}

// skipString returns the offset just after the string whose opening quote
// is at src[pos], decoding nothing: the locator skips every value, and a
// long one is not worth copying.
func skipString(src []byte, pos int) int {
	_, _, _, end := decode(src, pos, false)
	return end
}

// decode does ReadString's work; without build it only finds the end.
func decode(src []byte, pos int, build bool) (value []byte, segs []segment, closing, end int) {
	if pos >= len(src) {
		return nil, nil, pos, pos
	}
	quote := src[pos]
	multi := pos+2 < len(src) && src[pos+1] == quote && src[pos+2] == quote
	i := pos + 1
	if multi {
		i = pos + 3
		if i < len(src) && src[i] == '\n' {
			i++
		} else if i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n' {
			i += 2
		}
	}
	// emit appends decoded bytes that stand for the source at i.
	emit := func(b ...byte) {
		if !build {
			return
		}
		n := len(segs)
		if n == 0 || segs[n-1].src+len(value)-segs[n-1].dec != i {
			segs = append(segs, segment{dec: len(value), src: i})
		}
		value = append(value, b...)
	}
	closing = -1
	for i < len(src) {
		c := src[i]
		if c == quote {
			if !multi {
				closing, end = i, i+1
				break
			}
			n := 0
			for i+n < len(src) && src[i+n] == quote {
				n++
			}
			if n >= 3 {
				for k := 0; k < n-3; k++ {
					emit(quote)
					i++
				}
				closing, end = i, i+3
				break
			}
			for k := 0; k < n; k++ {
				emit(quote)
				i++
			}
			continue
		}
		if c == '\\' && quote == '"' && i+1 < len(src) {
			if multi {
				j := i + 1
				for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r' || src[j] == '\n') {
					j++
				}
				if bytes.IndexByte(src[i+1:j], '\n') >= 0 {
					i = j
					continue
				}
			}
			var r rune
			n := 0
			switch src[i+1] {
			case 'b':
				r = '\b'
			case 't':
				r = '\t'
			case 'n':
				r = '\n'
			case 'f':
				r = '\f'
			case 'r':
				r = '\r'
			case 'e':
				r = 0x1b
			case 'x':
				n = 2
			case 'u':
				n = 4
			case 'U':
				n = 8
			default:
				r = rune(src[i+1])
			}
			if n > 0 && i+2+n <= len(src) {
				h, _ := strconv.ParseUint(string(src[i+2:i+2+n]), 16, 32)
				r = rune(h)
			}
			var buf [utf8.UTFMax]byte
			w := utf8.EncodeRune(buf[:], r)
			emit(buf[:w]...)
			// The bytes after the escape start a new segment.
			i += 2 + n
			continue
		}
		emit(c)
		i++
	}
	if closing < 0 {
		closing, end = len(src), len(src)
	}
	return value, segs, closing, end
}
