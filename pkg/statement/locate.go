package statement

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// BurntSushi/toml reports positions only for syntax errors, so the key
// locator below scans the file (already known to be valid TOML) once more
// and records where every key and every value starts. Paths name array
// elements and [[array tables]] by index: "contacts[1].email",
// "developments.items[0]".

// place is where a key, or an array element, and its value start.
type place struct {
	parts []string // the key path without indexes, as MetaData.Keys lists it
	key   int      // byte offset of the key (of a table header's last key); -1 for array elements
	value int      // byte offset of the value's first character; -1 for table headers
	// element is set for array values' elements: they are not keys to
	// BurntSushi/toml.
	element bool
	// implicit is set for tables that only a dotted key or a header's
	// leading parts create: BurntSushi/toml does not list them as keys.
	implicit bool
}

type locator struct {
	src    []byte
	i      int
	places map[string]place
	arrays map[string]int // last index of each [[array table]], by indexed path
}

// locateKeys scans valid TOML and returns every key path's place.
func locateKeys(src []byte) map[string]place {
	l := &locator{src: src, places: map[string]place{}, arrays: map[string]int{}}
	if len(src) >= 3 && string(src[:3]) == "\ufeff" {
		l.i = 3
	}
	l.document()
	return l.places
}

// record keeps the first place of a path, except that a table's own
// header wins over a dotted key or header that only implied it.
func (l *locator) record(path string, p place) {
	if old, ok := l.places[path]; ok && !(old.implicit && !p.implicit) {
		return
	}
	l.places[path] = p
}

func (l *locator) peek(k int) byte {
	if l.i+k < len(l.src) {
		return l.src[l.i+k]
	}
	return 0
}

// space skips blanks and, when lines is set, line ends and comments.
func (l *locator) space(lines bool) {
	for l.i < len(l.src) {
		switch c := l.src[l.i]; {
		case c == ' ' || c == '\t':
			l.i++
		case lines && (c == '\n' || c == '\r'):
			l.i++
		case lines && c == '#':
			for l.i < len(l.src) && l.src[l.i] != '\n' {
				l.i++
			}
		default:
			return
		}
	}
}

func (l *locator) document() {
	table, tableParts := "", []string(nil)
	for {
		l.space(true)
		if l.i >= len(l.src) {
			return
		}
		start := l.i
		if l.src[l.i] == '[' {
			array := l.peek(1) == '['
			l.i++
			if array {
				l.i++
			}
			l.space(false)
			parts, offs := l.key()
			l.space(false)
			l.i++ // ]
			if array {
				l.i++
			}
			table, tableParts = l.header(parts, offs, array)
			l.line()
			continue
		}
		parts, offs := l.key()
		if len(parts) == 0 { // not TOML after all: give up rather than loop
			if l.i == start {
				return
			}
			continue
		}
		l.space(false)
		if l.peek(0) == '=' {
			l.i++
		}
		l.space(false)
		path := l.implicit(table, tableParts, parts, offs)
		l.value(path, append(append([]string(nil), tableParts...), parts...), offs[len(offs)-1], false, 0)
		l.line()
	}
}

// line skips the rest of a line: blanks and a comment.
func (l *locator) line() {
	l.space(false)
	if l.peek(0) == '#' {
		for l.i < len(l.src) && l.src[l.i] != '\n' {
			l.i++
		}
	}
}

// header records a [table] or [[array table]] header and returns the
// indexed path of the table it opens and its plain parts.
func (l *locator) header(parts []string, offs []int, array bool) (string, []string) {
	path := ""
	for k, part := range parts {
		path = joinPath(path, part)
		last := k == len(parts)-1
		if last && array {
			if n, ok := l.arrays[path]; ok {
				l.arrays[path] = n + 1
			} else {
				l.arrays[path] = 0
			}
			l.record(path, place{parts: parts[:k+1], key: offs[k], value: -1})
			path += "[" + strconv.Itoa(l.arrays[path]) + "]"
			// Each element is a key to BurntSushi/toml as well.
			l.places[path] = place{parts: parts[:k+1], key: offs[k], value: -1}
			continue
		}
		if n, ok := l.arrays[path]; ok {
			path += "[" + strconv.Itoa(n) + "]"
			continue
		}
		l.record(path, place{parts: parts[:k+1], key: offs[k], value: -1, implicit: !last})
	}
	return path, parts
}

// implicit records the tables a dotted key creates and returns the full
// indexed path of the key.
func (l *locator) implicit(base string, baseParts, parts []string, offs []int) string {
	path := base
	all := append([]string(nil), baseParts...)
	for k, part := range parts {
		path = joinPath(path, part)
		all = append(all, part)
		if k < len(parts)-1 {
			l.record(path, place{parts: append([]string(nil), all...), key: offs[k], value: -1, implicit: true})
		}
	}
	return path
}

// key reads a possibly dotted key and returns its parts and their offsets.
func (l *locator) key() ([]string, []int) {
	var parts []string
	var offs []int
	for {
		l.space(false)
		start := l.i
		switch l.peek(0) {
		case '"', '\'':
			v, _, end := readString(l.src, l.i, -1)
			parts = append(parts, string(v))
			l.i = end
		default:
			for l.i < len(l.src) && isBareKey(l.src[l.i]) {
				l.i++
			}
			if l.i == start {
				return parts, offs
			}
			parts = append(parts, string(l.src[start:l.i]))
		}
		offs = append(offs, start)
		l.space(false)
		if l.peek(0) != '.' {
			return parts, offs
		}
		l.i++
	}
}

func isBareKey(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value records the value at l.i under path and skips it. depth counts
// the arrays and inline tables around it: values nested deeper than
// MaxDepth (which Parse refuses before locating) are skipped without
// building their paths, which would cost the square of the depth.
func (l *locator) value(path string, parts []string, keyOff int, element bool, depth int) {
	keep := depth <= MaxDepth
	if keep {
		p := place{parts: parts, key: keyOff, value: l.i, element: element}
		if element {
			p.key = -1
		}
		l.places[path] = p
	}
	switch l.peek(0) {
	case '"', '\'':
		_, _, l.i = readString(l.src, l.i, -1)
	case '[':
		l.i++
		for n := 0; ; n++ {
			l.space(true)
			if l.i >= len(l.src) || l.src[l.i] == ']' {
				l.i++
				return
			}
			before := l.i
			sub := ""
			if keep {
				sub = path + "[" + strconv.Itoa(n) + "]"
			}
			l.value(sub, parts, -1, true, depth+1)
			l.space(true)
			if l.peek(0) == ',' {
				l.i++
			} else if l.i == before {
				l.i++ // not TOML: never loop in place
			}
		}
	case '{':
		l.i++
		for {
			l.space(true)
			if l.i >= len(l.src) || l.src[l.i] == '}' {
				l.i++
				return
			}
			before := l.i
			kparts, offs := l.key()
			if len(kparts) == 0 {
				if l.i == before {
					l.i++
				}
				continue
			}
			l.space(false)
			if l.peek(0) == '=' {
				l.i++
			}
			l.space(false)
			if keep {
				sub := l.implicit(path, parts, kparts, offs)
				l.value(sub, append(append([]string(nil), parts...), kparts...), offs[len(offs)-1], false, depth+1)
			} else {
				l.value("", nil, -1, false, depth+1)
			}
			l.space(true)
			if l.peek(0) == ',' {
				l.i++
			} else if l.i == before {
				l.i++ // not TOML: never loop in place
			}
		}
	default:
		for l.i < len(l.src) && !strings.ContainsRune(",]}#\r\n", rune(l.src[l.i])) {
			l.i++
		}
	}
}

// joinPath adds a key to a path. A key that could be mistaken for path
// syntax is quoted, so that "a.b" (one quoted key) and a.b (two) differ.
func joinPath(base, part string) string {
	if part == "" || strings.ContainsAny(part, ".[]\"") {
		part = strconv.Quote(part)
	}
	if base == "" {
		return part
	}
	return base + "." + part
}

// segment says that, from decoded byte dec on, the decoded value follows
// the source byte for byte from offset src, until the next segment.
type segment struct{ dec, src int }

// readString decodes the TOML string (basic, literal, or either multi-line)
// whose opening quote is at src[pos]. It returns the decoded value, the
// offset in src of the decoded byte at index want (the closing quote when
// want is the value's length or more; -1 when want is -1), and the offset
// just after the closing quote.
func readString(src []byte, pos, want int) (value []byte, at, end int) {
	value, segs, closing, end := stringMap(src, pos)
	at = -1
	if want >= 0 {
		at = mapOffset(segs, closing, len(value), want)
	}
	return value, at, end
}

// mapOffset turns an offset in a decoded string into a file offset.
func mapOffset(segs []segment, closing, length, want int) int {
	if want >= length || len(segs) == 0 {
		return closing
	}
	k := sort.Search(len(segs), func(k int) bool { return segs[k].dec > want }) - 1
	if k < 0 {
		return closing
	}
	return min(segs[k].src+want-segs[k].dec, closing)
}

// stringMap decodes the TOML string whose opening quote is at src[pos],
// following BurntSushi/toml exactly (first newline trimmed, line-ending
// backslashes, escapes), and returns the value, the segments that map it
// back to the file, the offset of the closing quote and the offset just
// after it.
func stringMap(src []byte, pos int) (value []byte, segs []segment, closing, end int) {
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

// lines turns byte offsets into lines and columns quickly, even on a
// file of one long line: it remembers, every markEvery bytes, how many
// characters precede that point on its line.
type lines struct {
	src    []byte
	starts []int // byte offset at which each line starts
	marks  []int // characters from the line's start to each mark
}

const markEvery = 4096

func newLines(src []byte) *lines {
	l := &lines{src: src, starts: []int{0}}
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

func (l *lines) lineEnd(k int) int {
	if k+1 < len(l.starts) {
		return l.starts[k+1]
	}
	return len(l.src)
}

// pos returns the line and column (in characters, from 1) of byte off.
func (l *lines) pos(off int) (line, col int) {
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
