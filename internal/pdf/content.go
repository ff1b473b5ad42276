package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// maxDecoded bounds what one stream may decompress to, so that a
// malformed file cannot exhaust memory.
const maxDecoded = 64 << 20

// Decode returns a stream's data with its filter undone. Only FlateDecode
// without a predictor (what fpdf writes) and no filter are supported.
func Decode(s *Stream) ([]byte, error) {
	var filter any = s.Dict.Get("Filter")
	if a, ok := filter.(Array); ok {
		switch len(a) {
		case 0:
			filter = nil
		case 1:
			filter = a[0]
		default:
			return nil, errors.New("chained stream filters are not supported")
		}
	}
	switch filter {
	case nil:
		return s.Data, nil
	case Name("FlateDecode"):
		if s.Dict.Get("DecodeParms") != nil {
			return nil, errors.New("FlateDecode parameters are not supported")
		}
		return flateDecode(s.Data)
	}
	return nil, fmt.Errorf("stream filter %v is not supported", filter)
}

// zlibReaders holds idle zlib readers: a new one allocates its window
// and tables, more than a page's content takes to inflate. Reset reads
// the next stream as a new reader would.
var zlibReaders sync.Pool

// flateDecode undoes FlateDecode. The finishing pass inflates every page's
// content to check its marked content, so it uses klauspost/compress's
// inflater (the compressor the PDF's streams come from, faster than
// compress/zlib's) and reserves room for content text, which deflates to
// about a quarter.
func flateDecode(data []byte) ([]byte, error) {
	var r io.ReadCloser
	if v, ok := zlibReaders.Get().(io.ReadCloser); ok {
		if err := v.(zlib.Resetter).Reset(bytes.NewReader(data), nil); err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
		r = v
	} else {
		var err error
		if r, err = zlib.NewReader(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
	}
	var out bytes.Buffer
	out.Grow(min(5*len(data)+512, maxDecoded+1))
	_, err := out.ReadFrom(io.LimitReader(r, maxDecoded+1))
	if err == nil {
		// Close checks the Adler-32 checksum.
		err = r.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("inflate: %w", err)
	}
	zlibReaders.Put(r)
	if out.Len() > maxDecoded {
		return nil, errors.New("stream too large when decompressed")
	}
	return out.Bytes(), nil
}

// MarkedContent is one BDC sequence with an MCID found in a page.
type MarkedContent struct {
	Tag  Name // the structure type, "/P" in "/P <</MCID 3>> BDC"
	MCID int  // the marked-content identifier
}

// paints lists the operators that put marks on the page (ISO 32000-1,
// tables 59, 60, 77, 107 and 87): each must be inside marked content.
func paints(op []byte) bool {
	switch string(op) { // no copy: the compiler compares in place
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
		"Tj", "TJ", "'", "\"":
		return true
	}
	return false
}

// ScanContent reads a page's content and returns its tagged marked
// content in order. It fails when marked content nests or is left open,
// or when anything is painted outside marked content: PDF/UA requires all
// content to be either tagged or an artifact, and never both.
//
// The one nesting allowed is a /Span with /ActualText and no MCID inside
// an open sequence (and inside such a Span): it gives the text of glyphs
// that stand for several characters or are drawn out of reading order
// (ISO 32000-1, 14.9.4), and belongs to the enclosing sequence's element.
//
// Operands are skipped without being decoded (a page is mostly text and
// numbers); only the operands of BDC are read.
func ScanContent(data []byte) ([]MarkedContent, error) {
	l := &lexer{b: data}
	var found []MarkedContent
	// depth counts the open sequences: the tagged or artifact one, then
	// ActualText spans inside it.
	depth := 0
	// The operands before the operator: how many, the first one if it is
	// a name, and the last dictionary.
	count := 0
	var first Name
	var props *Dict
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			break
		}
		c := l.b[l.pos]
		switch {
		case c == '/':
			start := l.pos
			l.pos++
			for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
				l.pos++
			}
			if count == 0 {
				first = Name(l.b[start+1 : l.pos])
			}
			count++
			continue
		case c == '(':
			if err := l.skipLiteral(); err != nil {
				return nil, err
			}
			count++
			continue
		case c == '[':
			if err := l.skipArray(); err != nil {
				return nil, err
			}
			count++
			continue
		case c == '<':
			if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
				v, err := l.object(0)
				if err != nil {
					return nil, err
				}
				props, _ = v.(*Dict)
			} else if err := l.skipHex(); err != nil {
				return nil, err
			}
			count++
			continue
		case isDelim(c):
			return nil, fmt.Errorf("unexpected %q in page content", c)
		case c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.':
			// A number (no operator starts so): most of a page's
			// operands, skipped without being parsed.
			for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
				l.pos++
			}
			count++
			continue
		}
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		word := l.b[start:l.pos]
		if _, ok := number(word); ok || string(word) == "true" || string(word) == "false" || string(word) == "null" {
			count++
			continue
		}
		switch string(word) { // no copy: the compiler compares in place
		case "BDC", "BMC":
			op := string(word)
			if depth > 0 {
				if op != "BDC" || first != "Span" || count != 2 || props == nil ||
					props.Get("ActualText") == nil || props.Get("MCID") != nil {
					return nil, errors.New("marked content nested inside marked content (only a /Span with /ActualText and no /MCID may be)")
				}
				depth++
				break
			}
			depth = 1
			if count == 0 {
				return nil, fmt.Errorf("%s without a tag", op)
			}
			if first == "Artifact" {
				break
			}
			if op == "BMC" || count != 2 || props == nil {
				return nil, fmt.Errorf("/%s marked content without an MCID", first)
			}
			mcid, ok := props.Get("MCID").(Integer)
			if !ok {
				return nil, fmt.Errorf("/%s marked content without an MCID", first)
			}
			found = append(found, MarkedContent{Tag: first, MCID: int(mcid)})
		case "EMC":
			if depth == 0 {
				return nil, errors.New("EMC without marked content open")
			}
			depth--
		case "BI":
			return nil, errors.New("inline images are not supported")
		default:
			if paints(word) && depth == 0 {
				return nil, fmt.Errorf("%q paints outside any tag or artifact", word)
			}
		}
		count, first, props = 0, "", nil
	}
	if depth > 0 {
		return nil, errors.New("marked content left open at the end of the page")
	}
	return found, nil
}

// skipLiteral moves past a literal string without decoding it.
func (l *lexer) skipLiteral() error {
	start := l.pos
	l.pos++
	depth := 1
	for l.pos < len(l.b) {
		switch l.b[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return nil
			}
		}
		l.pos++
	}
	return fmt.Errorf("unterminated string at byte %d", start)
}

// skipHex moves past a hexadecimal string.
func (l *lexer) skipHex() error {
	start := l.pos
	for l.pos < len(l.b) {
		if l.b[l.pos] == '>' {
			l.pos++
			return nil
		}
		l.pos++
	}
	return fmt.Errorf("unterminated hex string at byte %d", start)
}

// skipArray moves past an array of numbers and strings (a TJ operand).
func (l *lexer) skipArray() error {
	start := l.pos
	l.pos++
	for depth := 1; ; {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return fmt.Errorf("unterminated array at byte %d", start)
		}
		var err error
		switch l.b[l.pos] {
		case '(':
			err = l.skipLiteral()
		case '<':
			err = l.skipHex()
		case '[':
			depth++
			l.pos++
		case ']':
			depth--
			l.pos++
			if depth == 0 {
				return nil
			}
		default:
			if depth > maxDepth {
				return errors.New("arrays nested too deeply")
			}
			n := l.pos
			for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
				l.pos++
			}
			if l.pos == n {
				l.pos++ // a stray delimiter: step over it
			}
		}
		if err != nil {
			return err
		}
	}
}
