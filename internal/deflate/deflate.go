// Package deflate is the one home of how pressroom compresses a PDF's
// streams (/FlateDecode): one zlib level, and one pool of compressors
// shared by the page writer (internal/fpdf) and the finishing pass
// (internal/pdf, pkg/pdfua).
//
// The two used to keep a pool each, at levels 5 and 6. A compressor
// holds about 450 KiB of tables, so a cold render allocated and faulted
// in two of them (about 400 of its 3,150 page faults) to save 72 bytes
// on the seed statement; a render now needs one.
package deflate

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// Level is the zlib level of every compressed stream pressroom writes,
// with github.com/klauspost/compress rather than compress/zlib. On the
// seed statement (font subsets, pages, maps, XMP, object streams) its
// level 5 writes 8 % fewer bytes than the standard library's BestSpeed
// for 30 % fewer instructions; levels 1-4 save less, and levels 6 and up
// cost more for under 1 % fewer bytes (internal/fpdf/PATCHES.md, patch
// 11).
const Level = 5

// writers holds idle zlib writers at Level. Reset gives the same output
// as a new writer, and a writer is used by one goroutine between Get
// and Put, so renders running side by side never share one.
//
// It is a free list rather than a sync.Pool: a pool empties at every
// garbage collection, and a warm render collects about once, so most
// renders built a new writer (450 KiB of tables to allocate and clear,
// a quarter of a render's allocation). At most maxIdle writers wait.
var writers struct {
	mu   sync.Mutex
	idle []*zlib.Writer
}

// maxIdle is how many idle writers are kept: one for each render that
// can run at once on a large machine.
const maxIdle = 16

func getWriter() *zlib.Writer {
	writers.mu.Lock()
	if n := len(writers.idle); n > 0 {
		zw := writers.idle[n-1]
		writers.idle = writers.idle[:n-1]
		writers.mu.Unlock()
		return zw
	}
	writers.mu.Unlock()
	zw, err := zlib.NewWriterLevel(nil, Level)
	if err != nil {
		panic(err) // only for a bad level, a constant
	}
	return zw
}

func putWriter(zw *zlib.Writer) {
	zw.Reset(nil) // drop the last output buffer
	writers.mu.Lock()
	if len(writers.idle) < maxIdle {
		writers.idle = append(writers.idle, zw)
	}
	writers.mu.Unlock()
}

// AppendTo compresses src with zlib and appends it to dst. Writing to a
// bytes.Buffer cannot fail, so neither can this.
func AppendTo(dst *bytes.Buffer, src []byte) {
	zw := getWriter()
	defer putWriter(zw)
	zw.Reset(dst)
	zw.Write(src) //nolint:errcheck // a bytes.Buffer does not fail
	zw.Close()    //nolint:errcheck
}

// Bytes returns src compressed with zlib.
func Bytes(src []byte) []byte {
	var out bytes.Buffer
	// Text and font programs deflate to a half or less; growing once
	// beats growing several times.
	out.Grow(len(src)/2 + 64)
	AppendTo(&out, src)
	return out.Bytes()
}
