package tomlpos

import (
	"strconv"
	"strings"
)

// Place is where a key, or an array element, and its value start, as
// byte offsets in the file.
type Place struct {
	// Parts is the key path without indexes, as MetaData.Keys lists it.
	Parts []string
	// Key is the offset of the key: of a dotted key's last part, of a
	// table header's last key; -1 for array elements.
	Key int
	// Value is the offset of the value's first character; -1 for tables
	// (headers, and the tables a dotted key passes through).
	Value int
	// Start is where the line or inline-table entry that names the key
	// begins: a table header's opening bracket, or a dotted key's first
	// part; -1 for array elements.
	Start int
	// Element is set for array values' elements: they are not keys to
	// BurntSushi/toml.
	Element bool
	// Implicit is set for tables that only a dotted key or a header's
	// leading parts create: BurntSushi/toml does not list them as keys.
	Implicit bool
}

// FromHeader reports whether the place was named by a table header
// ([table] or [[array table]]) rather than by a key and value.
func (p Place) FromHeader(src []byte) bool {
	return p.Start >= 0 && p.Start < len(src) && src[p.Start] == '['
}

type locator struct {
	src      []byte
	i        int
	maxDepth int
	places   map[string]Place
	arrays   map[string]int // last index of each [[array table]], by indexed path
}

// Locate scans the TOML file src and returns the place of every key, by
// indexed path: array elements and [[array tables]] are named by index
// ("contacts[1].email", "developments.items[0]"), and a key that could be
// mistaken for path syntax is quoted (see JoinPath). Values nested in more
// than maxDepth arrays and inline tables are skipped without building
// their paths, which would cost the square of the depth; the callers
// refuse such files before parsing them (pkg/shape). A byte order mark is
// skipped.
func Locate(src []byte, maxDepth int) map[string]Place {
	l := &locator{src: src, maxDepth: maxDepth, places: map[string]Place{}, arrays: map[string]int{}}
	if len(src) >= 3 && string(src[:3]) == "\ufeff" {
		l.i = 3
	}
	l.document()
	return l.places
}

// record keeps the first place of a path, except that a table's own
// header wins over a dotted key or header that only implied it.
func (l *locator) record(path string, p Place) {
	if old, ok := l.places[path]; ok && !(old.Implicit && !p.Implicit) {
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
			table, tableParts = l.header(parts, offs, start, array)
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
		l.value(path, append(append([]string(nil), tableParts...), parts...), offs[len(offs)-1], offs[0], false, 0)
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
// indexed path of the table it opens and its plain parts; start is the
// offset of its opening bracket.
func (l *locator) header(parts []string, offs []int, start int, array bool) (string, []string) {
	path := ""
	for k, part := range parts {
		path = JoinPath(path, part)
		last := k == len(parts)-1
		if last && array {
			if n, ok := l.arrays[path]; ok {
				l.arrays[path] = n + 1
			} else {
				l.arrays[path] = 0
			}
			l.record(path, Place{Parts: parts[:k+1], Key: offs[k], Value: -1, Start: start})
			path += "[" + strconv.Itoa(l.arrays[path]) + "]"
			// Each element is a key to BurntSushi/toml as well.
			l.places[path] = Place{Parts: parts[:k+1], Key: offs[k], Value: -1, Start: start}
			continue
		}
		if n, ok := l.arrays[path]; ok {
			path += "[" + strconv.Itoa(n) + "]"
			continue
		}
		l.record(path, Place{Parts: parts[:k+1], Key: offs[k], Value: -1, Start: start, Implicit: !last})
	}
	return path, parts
}

// implicit records the tables a dotted key creates and returns the full
// indexed path of the key.
func (l *locator) implicit(base string, baseParts, parts []string, offs []int) string {
	path := base
	all := append([]string(nil), baseParts...)
	for k, part := range parts {
		path = JoinPath(path, part)
		all = append(all, part)
		if k < len(parts)-1 {
			l.record(path, Place{Parts: append([]string(nil), all...), Key: offs[k], Value: -1, Start: offs[0], Implicit: true})
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
			s := ReadString(l.src, l.i)
			parts = append(parts, string(s.Value))
			l.i = s.End
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
// l.maxDepth are skipped without building their paths, which would cost
// the square of the depth. keyOff and start are the key's Key and Start.
func (l *locator) value(path string, parts []string, keyOff, start int, element bool, depth int) {
	keep := depth <= l.maxDepth
	if keep {
		p := Place{Parts: parts, Key: keyOff, Value: l.i, Start: start, Element: element}
		if element {
			p.Key, p.Start = -1, -1
		}
		l.places[path] = p
	}
	switch l.peek(0) {
	case '"', '\'':
		l.i = skipString(l.src, l.i)
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
			l.value(sub, parts, -1, -1, true, depth+1)
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
				l.value(sub, append(append([]string(nil), parts...), kparts...), offs[len(offs)-1], offs[0], false, depth+1)
			} else {
				l.value("", nil, -1, -1, false, depth+1)
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

// JoinPath adds a key to an indexed path. A key that could be mistaken for
// path syntax is quoted, so that "a.b" (one quoted key) and a.b (two)
// differ.
func JoinPath(base, part string) string {
	if part == "" || strings.ContainsAny(part, ".[]\"") {
		part = strconv.Quote(part)
	}
	if base == "" {
		return part
	}
	return base + "." + part
}
