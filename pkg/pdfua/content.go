package pdfua

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
)

// maxDecoded bounds what one stream may decompress to, so that a
// malformed file cannot exhaust memory.
const maxDecoded = 64 << 20

// decode returns a stream's data with its filter undone. Only FlateDecode
// without a predictor (what fpdf writes) and no filter are supported.
func decode(s *stream) ([]byte, error) {
	var filter any = s.dict.get("Filter")
	if a, ok := filter.(array); ok {
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
		return s.data, nil
	case name("FlateDecode"):
		if s.dict.get("DecodeParms") != nil {
			return nil, errors.New("FlateDecode parameters are not supported")
		}
		r, err := zlib.NewReader(bytes.NewReader(s.data))
		if err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
		out, err := io.ReadAll(io.LimitReader(r, maxDecoded+1))
		if err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
		if len(out) > maxDecoded {
			return nil, errors.New("stream too large when decompressed")
		}
		return out, nil
	}
	return nil, fmt.Errorf("stream filter %v is not supported", filter)
}

// markedContent is one BDC sequence with an MCID found in a page.
type markedContent struct {
	tag  name
	mcid int
}

// paints lists the operators that put marks on the page (ISO 32000-1,
// tables 59, 60, 77, 107 and 87): each must be inside marked content.
func paints(op keyword) bool {
	switch op {
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
		"Tj", "TJ", "'", "\"":
		return true
	}
	return false
}

// scanContent reads a page's content and returns its tagged marked
// content in order. It fails when marked content nests or is left open,
// or when anything is painted outside marked content: PDF/UA requires all
// content to be either tagged or an artifact, and never both.
func scanContent(data []byte) ([]markedContent, error) {
	l := &lexer{b: data}
	var found []markedContent
	var operands []any
	open := false
	for {
		tok, err := l.token()
		if err == errEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		op, isOp := tok.(keyword)
		if !isOp || op == "true" || op == "false" || op == "null" {
			v, err := l.objectFrom(tok, 0)
			if err != nil {
				return nil, err
			}
			operands = append(operands, v)
			continue
		}
		switch op {
		case "BDC", "BMC":
			if open {
				return nil, errors.New("marked content nested inside marked content")
			}
			open = true
			if op == "BMC" || len(operands) != 2 {
				if len(operands) == 0 || operands[0] != name("Artifact") {
					return nil, fmt.Errorf("%s marked content without an MCID", op)
				}
				break
			}
			tag, _ := operands[0].(name)
			if tag == "Artifact" {
				break
			}
			props, ok := operands[1].(*dict)
			if !ok {
				return nil, errors.New("marked content properties given by name are not supported")
			}
			mcid, ok := props.get("MCID").(integer)
			if !ok {
				return nil, fmt.Errorf("/%s marked content without an MCID", tag)
			}
			found = append(found, markedContent{tag: tag, mcid: int(mcid)})
		case "EMC":
			if !open {
				return nil, errors.New("EMC without marked content open")
			}
			open = false
		case "BI":
			return nil, errors.New("inline images are not supported")
		default:
			if paints(op) && !open {
				return nil, fmt.Errorf("%q paints outside any tag or artifact", string(op))
			}
		}
		operands = operands[:0]
	}
	if open {
		return nil, errors.New("marked content left open at the end of the page")
	}
	return found, nil
}
