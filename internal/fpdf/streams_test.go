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
	obj    int // object number
	dict   string
	stored []byte
	data   []byte
}

var streamDict = regexp.MustCompile(`(?s)(\d+) 0 obj\s*<<((?:[^<>]|<<[^<>]*>>)*?/Length (\d+)(?:[^<>]|<<[^<>]*>>)*?)>>\s*stream\r?\n`)

// pdfStreams finds every stream of pdf by its /Length (fpdf writes no
// indirect lengths) and inflates the FlateDecode ones.
func pdfStreams(tb testing.TB, pdf []byte) []pdfStream {
	tb.Helper()
	var out []pdfStream
	for _, m := range streamDict.FindAllSubmatchIndex(pdf, -1) {
		n, err := strconv.Atoi(string(pdf[m[6]:m[7]]))
		if err != nil || m[1]+n > len(pdf) {
			tb.Fatalf("stream at %d: bad /Length", m[0])
		}
		obj, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		s := pdfStream{obj: obj, dict: string(pdf[m[4]:m[5]]), stored: pdf[m[1] : m[1]+n]}
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

// referencedStreams returns the streams that pdf refers to as key (such as
// "/ToUnicode"), in order.
func referencedStreams(tb testing.TB, pdf []byte, streams []pdfStream, key string) []pdfStream {
	tb.Helper()
	byObj := map[int]pdfStream{}
	for _, s := range streams {
		byObj[s.obj] = s
	}
	var out []pdfStream
	for _, m := range regexp.MustCompile(regexp.QuoteMeta(key)+` (\d+) 0 R`).FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		s, ok := byObj[n]
		if !ok {
			tb.Fatalf("%s %d 0 R: no such stream", key, n)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		tb.Fatalf("no %s streams", key)
	}
	return out
}
