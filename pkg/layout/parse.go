package layout

import (
	"golang.org/x/text/language"

	"bytes"
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/pressroom/pressroom/internal/tomlpos"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/shape"
)

// maxFileSize is the largest layout file accepted: a layout is a page of
// settings, so anything bigger is a mistake (a statement or an image).
const maxFileSize = 256 << 10

// Limits on a layout's shape, checked before parsing (see pkg/shape): the
// deepest layout key is three deep (fonts.body.regular), and every
// layout key set once is about a hundred.
const (
	maxDepth = 8
	maxKeys  = 1000
)

// source is one parsed layout file: the user's or a built-in.
type source struct {
	name    string // the file as messages name it
	builtin bool   // paths in it are read from the built-in layouts
	dir     string // the folder its relative paths start from
	scope   Scope  // the folders its paths may lead into (files only)
	tree    map[string]any
	spots   map[string]spot
}

// setting is one value of the merged layout and the file that set it.
type setting struct {
	v   any
	src *source
	key string // dotted, e.g. "colours.primary"
}

func (s setting) keyPos() diag.Pos   { return s.src.spotOf(s.key).key }
func (s setting) valuePos() diag.Pos { return s.src.spotOf(s.key).value }

func (src *source) spotOf(key string) spot {
	if sp, ok := src.spots[key]; ok {
		return sp
	}
	return spot{key: diag.Pos{File: src.name}, value: diag.Pos{File: src.name}}
}

// parseSource reads one layout file's TOML. Syntax errors come back with
// their position; the source is nil then.
func parseSource(name string, data []byte) (*source, diag.List) {
	var l diag.List
	if len(data) > maxFileSize {
		l.Errorf(diag.Pos{File: name}, "a layout file is a page of settings; check that this is the right file",
			"the layout file is %d KB, more than the %d KB a layout may be", len(data)/1024, maxFileSize/1024)
		return nil, l
	}
	if !utf8.Valid(data) {
		l.Errorf(diag.Pos{File: name}, "save the file as UTF-8", "the layout file is not UTF-8 text")
		return nil, l
	}
	if e := shape.Check(data, shape.Limits{Depth: maxDepth, Keys: maxKeys, What: "a layout"}); e != nil {
		l.Errorf(offsetPos(name, data, e.Offset), e.Hint, "%s", e.Message)
		return nil, l
	}
	tree := map[string]any{}
	if _, err := toml.Decode(string(data), &tree); err != nil {
		var pe toml.ParseError
		pos := diag.Pos{File: name}
		msg := err.Error()
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line, pe.Position.Col
			if off := tomlpos.ErrorOffset(data, pe); off >= 0 {
				pos = offsetPos(name, data, off)
			}
			msg = pe.Message
		}
		text, hint := diag.TOMLMessage(msg)
		if hint == "" {
			hint = syntaxHint(msg)
		}
		l.Errorf(pos, hint, "%s", text)
		return nil, l
	}
	return &source{name: name, tree: tree, spots: locateKeys(name, data)}, nil
}

// offsetPos is the position of byte offset off in data.
func offsetPos(name string, data []byte, off int) diag.Pos {
	off = max(0, min(off, len(data)))
	return diag.Pos{File: name, Line: bytes.Count(data[:off], []byte("\n")) + 1, Col: runeCol(data, off)}
}

// runeCol turns a byte offset into the column, in characters, on its line.
func runeCol(data []byte, off int) int {
	off = max(0, min(off, len(data)))
	start := off
	for start > 0 && data[start-1] != '\n' {
		start--
	}
	return utf8.RuneCount(data[start:off]) + 1
}

func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "expected value but found") || strings.Contains(msg, "bare keys cannot contain"):
		return `put text in double quotes, e.g. name = "Riverside Council"`
	case strings.Contains(msg, "strings cannot contain newlines"):
		return `end the text with a " on the same line, or use """ before and after text of several lines`
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "Key") && strings.Contains(msg, "already"):
		return "each key may be set once; remove one of them"
	}
	return ""
}

// The keys a layout file may hold. Tables group them; a value inside a
// table is replaced as a whole when a layout extends another.
var schema = map[string][]string{
	"":             {"description", "extends"},
	"page":         {"size", "margin-top", "margin-right", "margin-bottom", "margin-left", "page-numbers"},
	"organisation": {"name", "address", "website", "phone", "registration"},
	"logo":         {"file", "width", "place", "alt", "wordmark"},
	"colours":      {"primary", "on-primary", "accent", "text", "muted", "rule", "background"},
	"fonts":        {"body", "heading", "fallbacks"},
	"type":         {"body", "headline", "subheadline", "heading", "label", "small", "line-height", "paragraph-space", "align", "smart-punctuation", "hyphenate"},
	"header":       {"style"},
	"text":         {"kind", "immediate", "embargoed", "embargo-zone", "end-mark", "more-mark", "footer-notice", "date-style", "date-prefix"},
}

// flatten turns a file's tree into settings by dotted key, reporting
// unknown keys and tables with a "did you mean".
func flatten(src *source, out map[string]setting, l *diag.List) {
	for _, k := range slices.Sorted(maps.Keys(src.tree)) {
		v := src.tree[k]
		if k == "words" {
			flattenWords(src, v, out, l)
			continue
		}
		if fields, isTable := schema[k]; isTable && k != "" {
			m, ok := v.(map[string]any)
			if !ok {
				sp := src.spotOf(k)
				l.Errorf(sp.key, fmt.Sprintf("write it as a table: [%s] on its own line, then its keys", k),
					"%s must be a table, not %s", k, describe(v))
				continue
			}
			for _, f := range slices.Sorted(maps.Keys(m)) {
				key := k + "." + f
				if !slices.Contains(fields, f) {
					unknownKey(src, key, fields, k+".", l)
					continue
				}
				out[key] = setting{v: m[f], src: src, key: key}
			}
			continue
		}
		if slices.Contains(schema[""], k) {
			out[k] = setting{v: v, src: src, key: k}
			continue
		}
		var all []string
		for t := range schema {
			if t != "" {
				all = append(all, t)
			}
		}
		all = append(all, schema[""]...)
		all = append(all, "words")
		unknownKey(src, k, all, "", l)
	}
}

// WordKeys are the labels a layout may set for one language under
// [words.TAG]: kind to date-prefix are [text]'s wording, which a
// statement in English takes from [text]; footer-notice and registration
// are the organisation's own ([text] and [organisation]), kept in every
// language unless set for it; the rest are the words pressroom adds
// itself (docs/languages.md).
var WordKeys = []string{
	"kind", "immediate", "embargoed", "embargo-subject", "end-mark", "more-mark", "date-prefix",
	"notes-heading", "about-heading", "contact-heading", "contacts-heading",
	"reference", "footer-reference", "page-number",
	"email", "phone", "mobile", "office", "website",
	"and", "email-link", "phone-link", "web-link",
	"footer-notice", "registration",
}

// flattenWords reads [words.TAG] tables: one table of labels per
// language tag.
func flattenWords(src *source, v any, out map[string]setting, l *diag.List) {
	m, ok := v.(map[string]any)
	if !ok {
		l.Errorf(src.spotOf("words").key, `write one table per language: [words.cy] on its own line, then its labels`,
			"words must be a table, not %s", describe(v))
		return
	}
	for _, tag := range slices.Sorted(maps.Keys(m)) {
		t, ok := m[tag].(map[string]any)
		if !ok {
			l.Errorf(src.spotOf("words."+tag).key, fmt.Sprintf(`write the labels under [words.%s]`, tag),
				"words.%s must be a table, not %s", tag, describe(m[tag]))
			continue
		}
		if _, err := language.Parse(tag); err != nil {
			l.Errorf(src.spotOf("words."+tag).key, `name the language by its BCP 47 tag, e.g. [words.cy] or [words.fr]`,
				"words.%s: %q is not a language tag", tag, tag)
			continue
		}
		for _, f := range slices.Sorted(maps.Keys(t)) {
			key := "words." + tag + "." + f
			if !slices.Contains(WordKeys, f) {
				unknownKey(src, key, WordKeys, "words."+tag+".", l)
				continue
			}
			out[key] = setting{v: t[f], src: src, key: key}
		}
	}
}

func unknownKey(src *source, key string, known []string, prefix string, l *diag.List) {
	last := key[len(prefix):]
	hint := ""
	if best := diag.Suggest(last, known); best != "" {
		hint = fmt.Sprintf("did you mean %s?", prefix+best)
	} else {
		sorted := append([]string(nil), known...)
		sort.Strings(sorted)
		if prefix == "" {
			hint = "a layout file holds: " + strings.Join(sorted, ", ")
		} else {
			hint = fmt.Sprintf("[%s] holds: %s", strings.TrimSuffix(prefix, "."), strings.Join(sorted, ", "))
		}
	}
	l.Errorf(src.spotOf(key).key, hint, "unknown key %s", key)
}

// describe names a TOML value's type in the user's words.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", x)
	case int64:
		return fmt.Sprintf("the number %d", x)
	case float64:
		return fmt.Sprintf("the number %g", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	default:
		return "a date or time"
	}
}

// decoder reads typed values out of the merged settings, collecting a
// diagnostic for each one that is wrong.
type decoder struct {
	file string // the layout file, for problems of the whole file
	set  map[string]setting
	diag *diag.List
}

func (d *decoder) missing(key string) {
	d.diag.Errorf(diag.Pos{File: d.file}, fmt.Sprintf("add %s under [%s]", lastPart(key), strings.TrimSuffix(key, "."+lastPart(key))), "the layout does not set %s", key)
}

func (d *decoder) str(key string) string {
	s, ok := d.set[key]
	if !ok {
		d.missing(key)
		return ""
	}
	v, ok := s.v.(string)
	if !ok {
		d.diag.Errorf(s.valuePos(), fmt.Sprintf(`put it in double quotes: %s = "…"`, lastPart(key)),
			"%s must be text, not %s", key, describe(s.v))
		return ""
	}
	return v
}

// choice reads a string that must be one of the options.
func (d *decoder) choice(key string, options ...string) string {
	v := d.str(key)
	s, ok := d.set[key]
	if !ok {
		return options[0]
	}
	if _, isStr := s.v.(string); !isStr {
		return options[0]
	}
	for _, o := range options {
		if strings.EqualFold(v, o) {
			return o
		}
	}
	quoted := make([]string, len(options))
	for i, o := range options {
		quoted[i] = fmt.Sprintf("%q", o)
	}
	hint := "write one of " + strings.Join(quoted, ", ")
	if best := diag.Suggest(v, options); best != "" {
		hint = fmt.Sprintf("did you mean %q?", best)
	}
	d.diag.Errorf(s.valuePos(), hint, "%s must be one of %s, not %q", key, strings.Join(quoted, ", "), v)
	return options[0]
}

func (d *decoder) boolean(key string) bool {
	s, ok := d.set[key]
	if !ok {
		d.missing(key)
		return false
	}
	v, ok := s.v.(bool)
	if !ok {
		d.diag.Errorf(s.valuePos(), fmt.Sprintf("write %s = true or %s = false, without quotes", lastPart(key), lastPart(key)),
			"%s must be true or false, not %s", key, describe(s.v))
	}
	return v
}

// number reads a number between lo and hi, in the given unit.
func (d *decoder) number(key string, lo, hi float64, unit string) float64 {
	s, ok := d.set[key]
	if !ok {
		d.missing(key)
		return lo
	}
	var v float64
	switch x := s.v.(type) {
	case int64:
		v = float64(x)
	case float64:
		v = x
	default:
		hint := fmt.Sprintf("write a number without quotes, e.g. %s = %g", lastPart(key), lo)
		if str, isStr := s.v.(string); isStr {
			if m := numberWithUnit.FindStringSubmatch(strings.TrimSpace(str)); m != nil {
				hint = fmt.Sprintf("write the number alone, without quotes or units: %s = %s", lastPart(key), m[1])
			}
		}
		d.diag.Errorf(s.valuePos(), hint, "%s must be a number (%s), not %s", key, unit, describe(s.v))
		return lo
	}
	if math.IsNaN(v) || v < lo || v > hi {
		d.diag.Errorf(s.valuePos(), fmt.Sprintf("write a number from %g to %g", lo, hi),
			"%s is %g %s, outside %g–%g %s", key, v, unit, lo, hi, unit)
		return lo
	}
	return v
}

var numberWithUnit = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*[a-z]*$`)

var hexColour = regexp.MustCompile(`^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$`)

// colour reads "#RRGGBB" or "#RGB".
func (d *decoder) colour(key string) Colour {
	v := d.str(key)
	s, ok := d.set[key]
	if !ok {
		return Colour{}
	}
	if _, isStr := s.v.(string); !isStr {
		return Colour{}
	}
	c, err := ParseColour(v)
	if err != nil {
		hint := fmt.Sprintf(`write it as "#" and six hex digits, e.g. %s = "#1F3A5F"`, lastPart(key))
		if named, ok := namedColours[strings.ToLower(strings.TrimSpace(v))]; ok {
			hint = fmt.Sprintf(`write %s = "%s" for %s`, lastPart(key), named, strings.ToLower(v))
		} else if len(v) == 6 || len(v) == 3 {
			if _, err := ParseColour("#" + v); err == nil {
				hint = fmt.Sprintf(`start it with "#": %s = "#%s"`, lastPart(key), v)
			}
		}
		d.diag.Errorf(s.valuePos(), hint, "%s: %q is not a colour", key, v)
	}
	return c
}

// namedColours turns a few colour words into hex for the hint; the file
// must still say hex, so that the brand colour is exact.
var namedColours = map[string]string{
	"black": "#000000", "white": "#FFFFFF", "navy": "#1F3A5F", "red": "#C62828",
	"blue": "#1565C0", "green": "#2E7D32", "teal": "#0E6E74", "grey": "#5F6B76", "gray": "#5F6B76",
}

// ParseColour reads "#RRGGBB" or "#RGB".
func ParseColour(s string) (Colour, error) {
	if !hexColour.MatchString(s) {
		return Colour{}, fmt.Errorf("%q is not a colour: write \"#RRGGBB\"", s)
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	var c [3]uint8
	for i := range c {
		c[i] = hexByte(h[2*i])<<4 | hexByte(h[2*i+1])
	}
	return Colour{c[0], c[1], c[2]}, nil
}

func hexByte(b byte) uint8 {
	switch {
	case b >= '0' && b <= '9':
		return b - '0'
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10
	default:
		return b - 'A' + 10
	}
}

// String writes the colour as "#RRGGBB".
func (c Colour) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

func lastPart(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}
