package fpdf_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// pdfStream is one stream object of a PDF written by fpdf: its dictionary,
// its bytes as stored and, when it is compressed, as inflated.
type pdfStream struct {
	dict   string
	stored []byte
	data   []byte
}

var streamDict = regexp.MustCompile(`(?s)<<((?:[^<>]|<<[^<>]*>>)*?/Length (\d+)(?:[^<>]|<<[^<>]*>>)*?)>>\s*stream\r?\n`)

// pdfStreams finds every stream of pdf by its /Length (fpdf writes no
// indirect lengths) and inflates the FlateDecode ones.
func pdfStreams(tb testing.TB, pdf []byte) []pdfStream {
	tb.Helper()
	var out []pdfStream
	for _, m := range streamDict.FindAllSubmatchIndex(pdf, -1) {
		n, err := strconv.Atoi(string(pdf[m[4]:m[5]]))
		if err != nil || m[1]+n > len(pdf) {
			tb.Fatalf("stream at %d: bad /Length", m[0])
		}
		s := pdfStream{dict: string(pdf[m[2]:m[3]]), stored: pdf[m[1] : m[1]+n]}
		s.data = s.stored
		if bytes.Contains([]byte(s.dict), []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(s.stored))
			if err != nil {
				tb.Fatalf("stream <<%s>>: %v", s.dict, err)
			}
			if s.data, err = io.ReadAll(zr); err != nil {
				tb.Fatalf("stream <<%s>>: %v", s.dict, err)
			}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		tb.Fatal("no streams found")
	}
	return out
}
