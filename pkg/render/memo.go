package render

import (
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
	// kerns are kerning values by font and pair, in 1/1000 em.
	kerns map[*font.Font]map[[2]rune]float64
}

// Bounds on a memo, so that a long batch of varied releases does not
// grow one without end: past them it starts again empty.
const (
	memoWords = 1 << 15
	memoFonts = 64
	memoPairs = 1 << 14
)

var memos = sync.Pool{New: func() any {
	return &memo{words: map[string][]hyphenate.Break{}, kerns: map[*font.Font]map[[2]rune]float64{}}
}}

// trim empties what has grown past its bound.
func (m *memo) trim() {
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

// memo returns the faces' memo, taken from the pool on first use.
func (fs *faces) memo() *memo {
	if fs.m == nil {
		fs.m = memos.Get().(*memo)
	}
	return fs.m
}

// release gives the memo back to the pool; the faces must not set text
// after it.
func (fs *faces) release() {
	if fs.m != nil {
		fs.m.trim()
		memos.Put(fs.m)
		fs.m = nil
	}
}
