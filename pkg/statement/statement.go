// Package statement reads a statement file (format version 1, see
// docs/statement-format.md) into a Statement, collecting every problem
// with its position.
package statement

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/encoding/charmap"

	"github.com/pressroom/pressroom/internal/tomlpos"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/shape"
)

// Limits that keep a hostile or mistaken file from costing the user time.
const (
	// MaxSize is the largest statement file accepted, in bytes.
	MaxSize = 1 << 20
	// MaxItems is the most list entries (developments, list items,
	// signatories, contacts, keywords) accepted in one file.
	MaxItems = 1000
	// MaxDepth is the deepest nesting of arrays, tables and dotted keys
	// accepted; the format itself needs 3 ([[contacts]] and its keys,
	// developments.items). Checked before parsing: the TOML parser and
	// the key locator cost far more than a file's size on deeper ones.
	MaxDepth = 8
	// MaxKeys is the most keys accepted in one file: MaxItems contacts
	// with every key set, and more.
	MaxKeys = 12_000
)

// MaxHeadline is the usual guide to a headline's length, in characters:
// longer ones rarely fit in two lines. The renderer warns about a longer
// headline when it does not fit two lines in the layout; the statement
// alone cannot tell.
const MaxHeadline = 65

// Options change how a statement is checked. The zero value is the default.
type Options struct {
	// Today is the date the date and embargo warnings compare against
	// (a date more than a year ahead, an embargo in the past). Zero skips
	// those warnings: the package never reads the clock.
	Today Date
}

// Parse reads the statement in src, naming it file in diagnostics. It
// returns the statement (nil when the file could not be read at all) and
// every diagnostic, sorted by position. The statement must not be rendered
// when the list has errors.
func Parse(file string, src []byte, opts Options) (*Statement, diag.List) {
	p := &parser{file: file, src: src, opts: opts}
	s := p.parse()
	p.list.Sort()
	return s, p.list
}

func (s *Statement) locate(f Field, off int) diag.Pos {
	if s.index == nil || f.quote < 0 {
		return f.Pos
	}
	line, col := s.index.Pos(f.text.Offset(max(off, 0)))
	return diag.Pos{File: s.File, Line: line, Col: col}
}

type parser struct {
	file   string
	src    []byte
	index  *tomlpos.Index
	opts   Options
	list   diag.List
	places map[string]tomlpos.Place
	stmt   *Statement
	items  int // list entries seen, against MaxItems
	// explained holds required keys whose absence an unknown-key error
	// already explains (a misspelt or misplaced key), so that one mistake
	// gives one message.
	explained map[string]bool
}

// at is the position of byte offset off; a negative offset means the
// whole file.
func (p *parser) at(off int) diag.Pos {
	if off < 0 {
		return diag.Pos{File: p.file}
	}
	line, col := p.index.Pos(off)
	return diag.Pos{File: p.file, Line: line, Col: col}
}

// keyAt is where the key of path is written; valueAt where its value is.
func (p *parser) keyAt(path string) diag.Pos {
	if pl, ok := p.places[path]; ok {
		if pl.Key >= 0 {
			return p.at(pl.Key)
		}
		return p.at(pl.Value)
	}
	return p.at(-1)
}

func (p *parser) valueAt(path string) diag.Pos {
	if pl, ok := p.places[path]; ok && pl.Value >= 0 {
		return p.at(pl.Value)
	}
	return p.keyAt(path)
}

// maxStrayNULs is the most zero bytes a text file may hold to be taken for
// a statement with stray characters rather than a binary file.
const maxStrayNULs = 3

// startsWithKey tells whether the first line that is not blank or a
// comment is a TOML key or table line, as a statement's is.
func startsWithKey(src []byte) bool {
	for _, line := range bytes.Split(src, []byte("\n")) {
		line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\ufeff")))
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		return line[0] == '[' || bytes.IndexByte(line, '=') > 0
	}
	return false
}

func (p *parser) parse() *Statement {
	if len(p.src) <= MaxSize {
		p.index = tomlpos.NewIndex(p.src)
	}
	if len(p.src) == 0 || len(bytes.TrimSpace(p.src)) == 0 {
		p.list.Errorf(p.at(-1), `start with headline = "…", date = 2024-12-17 and summary = """…""" (see docs/statement-format.md)`,
			"the file is empty")
		return nil
	}
	if len(p.src) > MaxSize {
		p.list.Errorf(p.at(-1), "is this the right file? a statement is text only; pictures belong in the layout",
			"the file is larger than %d KiB, the most a statement may be", MaxSize/1024)
		return nil
	}
	if i := bytes.IndexByte(p.src, 0); i >= 0 {
		if n := bytes.Count(p.src, []byte{0}); n <= maxStrayNULs && utf8.Valid(p.src) && startsWithKey(p.src) {
			// A statement with a stray zero byte or two (a damaged save,
			// pasted text) has a character to delete, and is not a binary
			// file: say where each is.
			for j := i; j < len(p.src); j++ {
				if p.src[j] == 0 {
					p.list.Errorf(p.at(j), "delete it (it usually comes in with text pasted from another program)",
						"the file has an invisible control character (U+0000) here")
				}
			}
			return nil
		}
		p.list.Errorf(p.at(i), "give a statement written as plain text (UTF-8); pressroom new writes one to start from",
			"this is a binary file, not a statement (it has a zero byte at byte offset %d)", i)
		return nil
	}
	if !utf8.Valid(p.src) {
		p.badUTF8()
		return nil
	}
	if e := shape.Check(p.src, shape.Limits{Depth: MaxDepth, Keys: MaxKeys, What: "a statement"}); e != nil {
		p.list.Errorf(p.at(e.Offset), e.Hint, "%s", e.Message)
		return nil
	}
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(p.src)).Decode(&raw); err != nil {
		p.syntaxError(err)
		return nil
	}
	p.places = tomlpos.Locate(p.src, MaxDepth)
	p.stmt = &Statement{File: p.file, src: p.src, index: p.index, places: p.places}
	p.statement(raw)
	return p.stmt
}

// badUTF8 names every place (up to a few) where the file is not UTF-8:
// usually a £ or a curly quote saved by an older editor as Windows-1252.
func (p *parser) badUTF8() {
	const most = 5
	n := 0
	for i := 0; i < len(p.src); {
		r, w := utf8.DecodeRune(p.src[i:])
		if r == utf8.RuneError && w <= 1 {
			n++
			if n <= most {
				guess := ""
				if r := charmap.Windows1252.DecodeByte(p.src[i]); p.src[i] >= 0x80 && unicode.IsPrint(r) {
					guess = fmt.Sprintf(" (perhaps “%c” saved in an older encoding)", r)
				}
				p.list.Errorf(p.at(i), "save the file as UTF-8 (in most editors: Save as…, Encoding: UTF-8)",
					"the file is not valid UTF-8: byte 0x%02X at byte offset %d is not a character%s", p.src[i], i, guess)
			}
		}
		i += max(w, 1)
	}
	if n > most {
		p.list.Errorf(p.at(-1), "", "the file has %d more bytes that are not UTF-8", n-most)
	}
}

// syntaxError reports a TOML syntax error at its place, with a hint for
// the mistakes statement writers make most.
func (p *parser) syntaxError(err error) {
	var perr toml.ParseError
	if !errors.As(err, &perr) {
		p.list.Errorf(p.at(-1), "", "cannot read the file as TOML: %v", err)
		return
	}
	pos := p.at(tomlpos.ErrorOffset(p.src, perr))
	if pos.Line == 0 {
		pos = diag.Pos{File: p.file, Line: perr.Position.Line, Col: perr.Position.Col}
	}
	if p.unclosedText(perr.Message) {
		return
	}
	msg, plain := diag.TOMLMessage(perr.Message)
	line := ""
	if pos.Line >= 1 && pos.Line <= p.index.Lines() {
		start, end := p.index.Line(pos.Line)
		line = strings.TrimSpace(strings.TrimPrefix(string(p.src[start:end]), "\ufeff"))
	}
	hint := plain
	if hint == "" {
		hint = syntaxHint(msg, line)
	}
	if hint == "" && perr.Usage != "" {
		hint = strings.Join(strings.Fields(strings.SplitN(perr.Usage, "\n\n", 2)[0]), " ")
	}
	p.list.Errorf(pos, hint, "%s", msg)
}

// unclosedText reports text between triple quotes that the file never
// closes, where it was opened: TOML finds out only at the end of the
// file, which may be far from the key at fault. The opening quotes are
// the last in the file, as any after them would have closed the text.
func (p *parser) unclosedText(msg string) bool {
	if !strings.Contains(msg, "unexpected EOF") {
		return false
	}
	for _, delim := range []string{`"""`, `'''`} {
		if !strings.Contains(msg, delim) {
			continue
		}
		off := bytes.LastIndex(p.src, []byte(delim))
		if off < 0 {
			return false
		}
		start := bytes.LastIndexByte(p.src[:off], '\n') + 1
		key, _, _ := strings.Cut(string(p.src[start:off]), "=")
		what := "the text"
		if key = strings.TrimSpace(strings.TrimPrefix(key, "\ufeff")); key != "" {
			what = "the text of " + key + ","
		}
		p.list.Errorf(p.at(off), fmt.Sprintf("end the text with %s on a line of its own, after its last line", delim),
			"%s opened with %s here, is never closed", what, delim)
		return true
	}
	return false
}

// syntaxHint names the fix for the TOML mistakes statement writers make
// most, from BurntSushi/toml's message and the line it is on.
func syntaxHint(msg, line string) string {
	key, value, _ := strings.Cut(line, "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	switch {
	case strings.HasPrefix(line, "date") || strings.HasPrefix(line, "embargo"):
		return "write dates as year-month-day without quotes: date = 2024-12-17, embargo = 2024-12-17T00:01:00"
	case strings.Contains(msg, "has already been defined") || strings.Contains(msg, "duplicate"):
		return "each key may appear once; for a second signatory or contact, start a new [[signatories]] or [[contacts]]"
	case strings.Contains(msg, "to end table name"):
		return "close the table name with ]: [notes], or [[contacts]] for a list entry"
	case strings.Contains(msg, `expected value but found '\n'`):
		return fmt.Sprintf(`give a value after the =, e.g. %s = "…"`, key)
	case strings.Contains(msg, "expected value but found"):
		// Curly quotes around the text are the quotes the writer meant
		// (a word processor's); inside, a straight " would end the text.
		value = strings.TrimSuffix(strings.TrimPrefix(value, "“"), "”")
		value = strings.TrimSuffix(strings.TrimPrefix(value, "‘"), "’")
		return fmt.Sprintf(`text goes in quotes: %s = "%s"`, key, strings.ReplaceAll(value, `"`, "”"))
	case strings.Count(line, `"`) > 2 && (strings.Contains(msg, "top-level item") || strings.Contains(msg, "but got")) && !strings.Contains(line, `" "`):
		return `a " inside a "…" string ends it: use curly quotes “…”, or write the text in '…' or """…"""`
	case strings.Count(line, "'") > 2 && (strings.Contains(msg, "top-level item") || strings.Contains(msg, "but got")):
		return `a ' inside a '…' string ends it: use a curly apostrophe ’, or write the text in "…"`
	case strings.Contains(msg, "expected a comma"):
		return `separate the entries of a list with commas: ["…", "…"]`
	case strings.Contains(msg, "top-level item to end"):
		// Text after a closing quote: the writer's words ran past it.
		return fmt.Sprintf(`after the closing quote only a comment (# …) may follow: put all the text inside the quotes, %s = "…"`, key)
	case strings.Contains(msg, "newline") || strings.Contains(msg, "unexpected EOF"):
		return `text over several lines goes between triple quotes: summary = """ … """`
	case strings.Contains(msg, "expected '.' or '='"):
		return `write key = value, for example summary = "…"`
	}
	return ""
}
