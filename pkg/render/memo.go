package render

import (
	"bytes"
	"sync"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/hyphenate"
)

// memo is what setting text learns that the next document can use again:
// the hyphenation points of words and the kerning of character pairs,
// both fixed by the word (or pair) and its language (or font). A batch
// sets the same words in the same fonts document after document, and
// working them out again was a fifth of a warm render.
//
// A render takes a memo from memos and gives it back when it is done, so
// no two renders ever hold the same one: nothing is shared while it can
// change.
type memo struct {
	// words are hyphenation points by language tag, a NUL and the word.
	words map[string][]hyphenate.Break
	// kerns are kerning values by font and pair (a<<32 | b), in 1/1000 em.
	kerns map[*font.Font]map[uint64]float64
	// spare are the working memory of finished documents' breakers,
	// emptied, for the next document's (a breaker's slices grow to the
	// longest paragraph, about 100 KB, every document).
	spare []breakerMemory
	// raw is the buffer fpdf writes a tagged document into, for
	// pdfua.Finish to read.
	raw bytes.Buffer
}

// breakerMemory is the memory a breaker reuses text after text.
type breakerMemory struct {
	scratch breakScratch
	gbuf    []glyph
	glyphs  []glyph
	runs    []run
}

// Bounds on a memo, so that a long batch of varied releases does not
// grow one without end: past them it starts again empty.
const (
	memoWords = 1 << 15
	memoFonts = 64
	memoPairs = 1 << 14
	// A breaker's memory is kept only up to this many glyphs, for as
	// many breakers as a bilingual document has.
	memoGlyphs   = 1 << 14
	memoBreakers = 4
	memoRaw      = 4 << 20
)

// memos holds the idle memos. It is a bounded free list rather than a
// sync.Pool, which empties at garbage collections: a warm render
// collects about once, and a memo lost is its words and pairs worked out
// again (internal/deflate keeps its compressors the same way).
var memos memoList

// memoIdle is how many idle memos are kept: one for each render that
// can run at once on a large machine.
const memoIdle = 16

type memoList struct {
	mu   sync.Mutex
	idle []*memo
}

func newMemo() *memo {
	return &memo{words: map[string][]hyphenate.Break{}, kerns: map[*font.Font]map[uint64]float64{}}
}

// get returns an idle memo, or a new one.
func (l *memoList) get() *memo {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.idle); n > 0 {
		m := l.idle[n-1]
		l.idle = l.idle[:n-1]
		return m
	}
	return newMemo()
}

// put keeps m for the next render, unless enough are idle.
func (l *memoList) put(m *memo) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.idle) < memoIdle {
		l.idle = append(l.idle, m)
	}
}

// trim empties what has grown past its bound.
func (m *memo) trim() {
	if m.raw.Cap() > memoRaw {
		m.raw = bytes.Buffer{}
	}
	if len(m.words) > memoWords {
		clear(m.words)
	}
	if len(m.kerns) > memoFonts {
		clear(m.kerns)
	}
	for f, pairs := range m.kerns {
		if len(pairs) > memoPairs {
			delete(m.kerns, f)
		}
	}
}

// memo returns the faces' memo, taken from memos on first use.
func (fs *faces) memo() *memo {
	if fs.m == nil {
		fs.m = memos.get()
	}
	return fs.m
}

// newBreaker returns a breaker for the faces' document, with memory an
// earlier document's breaker used when there is some.
func (fs *faces) newBreaker() *breaker {
	b := &breaker{fs: fs}
	m := fs.memo()
	if n := len(m.spare); n > 0 {
		bm := m.spare[n-1]
		m.spare = m.spare[:n-1]
		b.scratch, b.gbuf, b.memo.glyphs, b.memo.runs = bm.scratch, bm.gbuf, bm.glyphs, bm.runs
	}
	fs.breakers = append(fs.breakers, b)
	return b
}

// recycle keeps the memory of the document's breakers for the next
// document's, then releases the memo. Nothing of the document may be
// used after it: its plan's text went through this memory.
func (fs *faces) recycle() {
	if fs.m == nil {
		return
	}
	for _, b := range fs.breakers {
		if len(fs.m.spare) >= memoBreakers || cap(b.gbuf) > memoGlyphs || cap(b.memo.glyphs) > memoGlyphs || cap(b.scratch.floats) > 4*memoGlyphs+2 {
			continue
		}
		sc := b.scratch
		sc.para = paragraph{}
		clear(b.gbuf[:cap(b.gbuf)])
		clear(b.memo.glyphs[:cap(b.memo.glyphs)])
		clear(b.memo.runs[:cap(b.memo.runs)])
		fs.m.spare = append(fs.m.spare, breakerMemory{scratch: sc, gbuf: b.gbuf[:0], glyphs: b.memo.glyphs[:0], runs: b.memo.runs[:0]})
	}
	fs.breakers = nil
	fs.release()
}

// release gives the memo back to memos; the faces must not set text
// after it.
func (fs *faces) release() {
	if fs.m != nil {
		fs.m.trim()
		memos.put(fs.m)
		fs.m = nil
	}
}
