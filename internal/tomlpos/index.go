package tomlpos

import (
	"sort"
	"unicode/utf8"
)

// Index turns byte offsets into lines and columns, counted in characters
// from 1, quickly, even on a file of one long line: it remembers, every
// markEvery bytes, how many characters precede that point on its line. A
// byte order mark takes no column.
type Index struct {
	src    []byte
	starts []int // byte offset at which each line starts
	marks  []int // characters from the line's start to each mark
}

const markEvery = 4096

// NewIndex indexes src.
func NewIndex(src []byte) *Index {
	l := &Index{src: src, starts: []int{0}}
	col := 0
	for i := 0; i < len(src); {
		if i%markEvery == 0 {
			l.marks = append(l.marks, col)
		}
		c := src[i]
		switch {
		case c == '\n':
			l.starts = append(l.starts, i+1)
			col = 0
		case c < utf8.RuneSelf || utf8.RuneStart(c):
			col++
		}
		i++
	}
	// A byte order mark takes no column.
	if len(src) >= 3 && string(src[:3]) == "\ufeff" {
		for k := range l.marks {
			if k*markEvery < l.lineEnd(0) && k > 0 {
				l.marks[k]--
			}
		}
	}
	return l
}

// Lines is the number of lines: line ends plus one.
func (l *Index) Lines() int { return len(l.starts) }

// Line returns the offsets at which line n (from 1) starts and ends; its
// end is the next line's start (after the line end) or the end of src.
func (l *Index) Line(n int) (start, end int) { return l.starts[n-1], l.lineEnd(n - 1) }

func (l *Index) lineEnd(k int) int {
	if k+1 < len(l.starts) {
		return l.starts[k+1]
	}
	return len(l.src)
}

// Pos returns the line and column (in characters, from 1) of byte off.
func (l *Index) Pos(off int) (line, col int) {
	off = max(0, min(off, len(l.src)))
	k := sort.Search(len(l.starts), func(k int) bool { return l.starts[k] > off }) - 1
	from := l.starts[k]
	base := 0
	if m := off / markEvery; m*markEvery > from && m < len(l.marks) {
		from, base = m*markEvery, l.marks[m]
		// A mark may fall inside a character, which base already counts.
		for from < off && !utf8.RuneStart(l.src[from]) {
			from++
		}
	} else if k == 0 && len(l.src) >= 3 && string(l.src[:3]) == "\ufeff" && off >= 3 {
		from = 3
	}
	return k + 1, base + utf8.RuneCount(l.src[from:off]) + 1
}

// Offset returns the byte offset of line and col (from 1, in characters),
// the inverse of Pos; a column past the line's end gives an offset past
// it, at most the end of src. It returns -1 for a line that is not there.
func (l *Index) Offset(line, col int) int {
	if line < 1 || line > len(l.starts) {
		return -1
	}
	off := l.starts[line-1]
	if line == 1 && len(l.src) >= 3 && string(l.src[:3]) == "\ufeff" {
		off += 3 // a byte order mark takes no column
	}
	for c := 1; c < col && off < len(l.src); c++ {
		_, w := utf8.DecodeRune(l.src[off:])
		off += w
	}
	return off
}
