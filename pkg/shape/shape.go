// Package shape measures how deeply a TOML file nests and how many keys it
// has, in one cheap pass before the file is parsed. A press statement or a
// layout is a page of settings; a file nesting arrays thousands deep or
// holding a hundred thousand keys is a mistake or an attack, and costs the
// TOML parser (and the key locators after it) time and memory far out of
// proportion to its size: 10,000 nested inline tables took BurntSushi/toml
// 45 s and 4.4 GB. Statements and layouts are both checked here, so the
// rule has one home.
package shape

import "fmt"

// Limits are the most a kind of file may use. Zero values mean no limit.
type Limits struct {
	// Depth is the deepest nesting of arrays, inline tables and dotted
	// key parts (a.b.c is three deep) allowed.
	Depth int
	// Keys is the most keys (each part of a dotted key, each table
	// header) allowed in the file.
	Keys int
	// What names the kind of file in messages: "a statement".
	What string
}

// Excess says which limit a file goes over and where.
type Excess struct {
	// Offset is the byte offset of the bracket, brace or key at which
	// the file first goes over the limit.
	Offset int
	// Message and Hint are written for the user.
	Message, Hint string
}

// Check scans src, which need not be valid TOML, and returns nil when it
// stays within lim, or the first limit it goes over. It reads each byte
// once and keeps one byte per open bracket, so it costs little even on a
// hostile file.
func Check(src []byte, lim Limits) *Excess {
	s := scan(src, lim)
	switch {
	case lim.Depth > 0 && s.maxDepth > lim.Depth:
		return &Excess{
			Offset:  s.depthAt,
			Message: fmt.Sprintf("arrays and tables nest %d deep; %s needs at most %d", s.maxDepth, lim.What, lim.Depth),
			Hint:    "close the brackets sooner: a list holds text or numbers, and a table holds keys, not tables inside tables",
		}
	case lim.Keys > 0 && s.keys > lim.Keys:
		return &Excess{
			Offset:  s.keysAt,
			Message: fmt.Sprintf("the file has %d keys; %s may have at most %d", s.keys, lim.What, lim.Keys),
			Hint:    fmt.Sprintf("is this the right file? %s needs far fewer", lim.What),
		}
	}
	return nil
}

type result struct {
	maxDepth, depthAt int
	keys, keysAt      int
}

// scan counts in one pass. It follows TOML just far enough to tell
// brackets and key parts from the same characters inside strings and
// comments, and a [table] header from an array value.
func scan(src []byte, lim Limits) result {
	var r result
	var open []byte // the brackets open around the current place: '[' or '{'
	keyParts := 0   // parts of the key (or header) being read
	inKey := true   // at a place where a key (or header) may start
	header := false // inside a [table] header
	headerParts := 0
	deepen := func(at, depth int) {
		if depth > r.maxDepth {
			r.maxDepth = depth
			if lim.Depth > 0 && depth == lim.Depth+1 {
				r.depthAt = at
			}
		}
	}
	countKey := func(at int) {
		r.keys++
		if lim.Keys > 0 && r.keys == lim.Keys+1 {
			r.keysAt = at
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '"' || c == '\'':
			switch {
			case header:
				headerParts++
				countKey(i)
				deepen(i, headerParts)
			case inKey:
				keyParts++
				countKey(i)
				deepen(i, headerParts+keyParts+len(open))
			}
			i = skipString(src, i) - 1
		case c == '\n':
			if len(open) == 0 {
				inKey, header, keyParts = true, false, 0
			}
		case c == ' ' || c == '\t' || c == '\r':
		case header:
			if c == ']' {
				header = false
				inKey = false
			} else if isBare(c) && (i == 0 || !isBare(src[i-1])) {
				headerParts++
				countKey(i)
				deepen(i, headerParts)
			}
		case inKey && len(open) == 0 && c == '[' && keyParts == 0:
			header = true
			headerParts = 0
			if i+1 < len(src) && src[i+1] == '[' {
				i++
			}
		case inKey && isBare(c):
			if i == 0 || !isBare(src[i-1]) {
				keyParts++
				countKey(i)
				deepen(i, headerParts+keyParts+len(open))
			}
		case c == '=':
			inKey = false
			keyParts = 0
		case c == '[' || c == '{':
			open = append(open, c)
			deepen(i, headerParts+len(open))
			inKey = c == '{'
		case c == ']' || c == '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			inKey = false
		case c == ',':
			inKey = len(open) > 0 && open[len(open)-1] == '{'
		}
	}
	return r
}

func isBare(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// skipString returns the offset just after the string whose opening quote
// is at src[i] (or the end of the line or file for an unclosed one).
func skipString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			if src[j] == '\\' && q == '"' {
				j++
				continue
			}
			if src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				j += 3
				for j < len(src) && src[j] == q { // up to two more quotes belong to the string
					j++
				}
				return j
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j + 1
		case '\n':
			return j
		}
	}
	return len(src)
}
