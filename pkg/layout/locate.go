package layout

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/diag"
)

// spot is where a key and its value start in a layout file.
type spot struct {
	key, value diag.Pos
}

// locateKeys finds where each key of a TOML file is written, by dotted name
// ("colours.primary"; a table header gives its own name). BurntSushi/toml
// keeps key positions to itself, so this small scanner reads just enough
// TOML — tables, dotted and quoted keys, inline tables, strings, arrays and
// comments — to place them. It is only called on files the TOML parser has
// accepted, so it need not report errors; on anything odd it stops early,
// and a key it did not place is reported at the start of the file.
func locateKeys(file string, src []byte) map[string]spot {
	s := &keyScanner{file: file, src: src, line: 1, col: 1, found: map[string]spot{}}
	s.document()
	return s.found
}

type keyScanner struct {
	file      string
	src       []byte
	off       int
	line, col int
	found     map[string]spot
}

func (s *keyScanner) pos() diag.Pos { return diag.Pos{File: s.file, Line: s.line, Col: s.col} }

func (s *keyScanner) peek() byte {
	if s.off >= len(s.src) {
		return 0
	}
	return s.src[s.off]
}

func (s *keyScanner) advance() {
	if s.off >= len(s.src) {
		return
	}
	if s.src[s.off] == '\n' {
		s.line++
		s.col = 1
		s.off++
		return
	}
	_, n := utf8.DecodeRune(s.src[s.off:])
	s.off += n
	s.col++
}

// hasPrefix compares in place: converting the rest of the file to a
// string at every call made scanning a long string value quadratic.
func (s *keyScanner) hasPrefix(p string) bool { return bytes.HasPrefix(s.src[s.off:], []byte(p)) }

// space skips blanks, and with newlines also line ends and comments.
func (s *keyScanner) space(newlines bool) {
	for s.off < len(s.src) {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '#':
			for s.off < len(s.src) && s.peek() != '\n' {
				s.advance()
			}
		case c == '\n' && newlines:
			s.advance()
		default:
			return
		}
	}
}

func (s *keyScanner) record(name string, key, value diag.Pos) {
	if _, ok := s.found[name]; !ok {
		s.found[name] = spot{key: key, value: value}
	}
}

func (s *keyScanner) document() {
	prefix := ""
	for guard := 0; s.off < len(s.src) && guard < len(s.src)+1; guard++ {
		s.space(true)
		if s.off >= len(s.src) {
			return
		}
		start := s.off
		if s.peek() == '[' {
			at := s.pos()
			s.advance()
			if s.peek() == '[' {
				s.advance()
			}
			s.space(false)
			name, ok := s.key()
			if !ok {
				return
			}
			s.record(name, at, at)
			prefix = name + "."
			for s.off < len(s.src) && s.peek() != '\n' {
				s.advance()
			}
		} else if !s.keyValue(prefix) {
			return
		}
		if s.off == start {
			return
		}
	}
}

// keyValue reads `key = value` and records the key under prefix.
func (s *keyScanner) keyValue(prefix string) bool {
	at := s.pos()
	name, ok := s.key()
	if !ok {
		return false
	}
	// Each table a dotted key passes through is defined here too.
	parts := strings.Split(name, ".")
	for i := 1; i < len(parts); i++ {
		s.record(prefix+strings.Join(parts[:i], "."), at, at)
	}
	s.space(false)
	if s.peek() != '=' {
		return false
	}
	s.advance()
	s.space(false)
	s.record(prefix+name, at, s.pos())
	return s.value(prefix + name + ".")
}

// key reads a bare, quoted or dotted key and returns it joined by dots.
func (s *keyScanner) key() (string, bool) {
	var parts []string
	for {
		s.space(false)
		var part string
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			v, ok := s.quoted()
			if !ok {
				return "", false
			}
			part = v
		default:
			start := s.off
			for s.off < len(s.src) {
				c := s.peek()
				if c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
					s.advance()
					continue
				}
				break
			}
			if s.off == start {
				return "", false
			}
			part = string(s.src[start:s.off])
		}
		parts = append(parts, part)
		s.space(false)
		if s.peek() != '.' {
			return strings.Join(parts, "."), true
		}
		s.advance()
	}
}

// quoted reads a one-line basic or literal string and returns its text with
// the simple escapes undone (enough for key names).
func (s *keyScanner) quoted() (string, bool) {
	q := s.peek()
	s.advance()
	var b strings.Builder
	for s.off < len(s.src) {
		c := s.peek()
		switch {
		case c == q:
			s.advance()
			return b.String(), true
		case c == '\n':
			return "", false
		case c == '\\' && q == '"':
			s.advance()
			b.WriteByte(s.peek())
			s.advance()
		default:
			b.WriteByte(c)
			s.off++
			if c < 0x80 || c >= 0xC0 {
				s.col++
			}
		}
	}
	return "", false
}

// value skips one value; an inline table's keys are recorded under prefix.
func (s *keyScanner) value(prefix string) bool {
	switch c := s.peek(); {
	case s.hasPrefix(`"""`) || s.hasPrefix(`'''`):
		delim := string(s.src[s.off : s.off+3])
		for range 3 {
			s.advance()
		}
		for s.off < len(s.src) {
			if s.peek() == '\\' && delim == `"""` {
				s.advance()
				s.advance()
				continue
			}
			if s.hasPrefix(delim) {
				for range 3 {
					s.advance()
				}
				// Up to two more quotes belong to the string.
				for s.peek() == delim[0] {
					s.advance()
				}
				return true
			}
			s.advance()
		}
		return false
	case c == '"' || c == '\'':
		_, ok := s.quoted()
		return ok
	case c == '[':
		s.advance()
		for {
			s.space(true)
			switch s.peek() {
			case 0:
				return false
			case ']':
				s.advance()
				return true
			case ',':
				s.advance()
			default:
				if !s.value(prefix) {
					return false
				}
			}
		}
	case c == '{':
		s.advance()
		for {
			s.space(false)
			switch s.peek() {
			case '}':
				s.advance()
				return true
			case ',':
				s.advance()
			default:
				if !s.keyValue(prefix) {
					return false
				}
			}
		}
	default:
		start := s.off
		for s.off < len(s.src) {
			switch s.peek() {
			case '\n', ',', ']', '}', '#':
				return s.off > start
			}
			s.advance()
		}
		return s.off > start
	}
}

// withKeys names, in each diagnostic that has none, the key written at its
// position, for --format json: the messages were written against positions,
// and the locator is the one place that knows which key is where.
func withKeys(list diag.List, spots map[string]spot) diag.List {
	at := map[diag.Pos]string{}
	for k, sp := range spots {
		for _, p := range []diag.Pos{sp.key, sp.value} {
			if p.Line > 0 && (at[p] == "" || len(k) > len(at[p])) {
				// A table header and its first key can share a
				// position only through odd spacing; the longer name
				// is the more precise.
				at[p] = k
			}
		}
	}
	for i := range list {
		if list[i].Key == "" {
			list[i].Key = at[list[i].Pos]
		}
	}
	return list
}
