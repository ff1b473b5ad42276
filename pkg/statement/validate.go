package statement

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/runenames"

	"github.com/pressroom/pressroom/internal/tomlpos"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/markup"
)

// The keys the format knows, at each level.
var (
	topKeys = []string{"layout", "organisation", "kind", "headline", "subheadline", "date", "dateline",
		"embargo", "reference", "lang", "translation", "keywords", "summary", "developments", "signatories", "notes", "about", "contacts"}
	developmentsKeys = []string{"intro", "items"}
	signatoryKeys    = []string{"name", "role", "organisation"}
	sectionKeys      = []string{"heading", "body"}
	contactKeys      = []string{"purpose", "name", "role", "organisation", "email", "phone", "mobile", "office", "website"}
)

func (p *parser) statement(raw map[string]any) {
	s := p.stmt
	p.explain(raw)
	p.unknownKeys("", raw, topKeys)
	p.countItems(raw)
	if p.items > MaxItems {
		p.list.Errorf(p.at(-1), "split the release, or shorten its lists",
			"the statement has %d list entries, more than the %d a statement may have", p.items, MaxItems)
		return
	}

	s.Layout, _ = p.str(raw, "", "layout", false)
	s.Organisation, _ = p.str(raw, "", "organisation", false)
	s.Kind, _ = p.str(raw, "", "kind", false)
	if h, ok := p.str(raw, "", "headline", true); ok {
		s.Headline = h
	}
	s.Subheadline, _ = p.str(raw, "", "subheadline", false)
	p.date(raw)
	s.Dateline, _ = p.str(raw, "", "dateline", false)
	p.embargo(raw)
	s.Reference, _ = p.str(raw, "", "reference", false)
	s.Lang = "en-GB"
	if lang, ok := p.str(raw, "", "lang", false); ok {
		if validLangTag(lang) {
			s.Lang = lang
		} else {
			p.errorf("lang", p.valueAt("lang"), `write a language tag such as lang = "en-GB" (or "cy" for Welsh)`,
				"lang %q is not a language tag", lang)
		}
	}
	s.Keywords = p.strList(raw, "", "keywords")
	p.translation(raw)
	if text, ok := p.str(raw, "", "summary", true); ok {
		s.Summary = p.markup("summary", text, false)
	}
	p.developments(raw)
	p.signatories(raw)
	s.Notes = p.section(raw, "notes")
	s.About = p.section(raw, "about")
	p.contacts(raw)
	sortFields(s.fields)
	if p.items > MaxItems {
		p.list.Errorf(p.at(-1), "split the release, or shorten its lists",
			"the statement has %d list entries, more than the %d a statement may have", p.items, MaxItems)
	}
}

// explain notes the required keys that are present in the wrong place or
// under a slightly wrong name.
func (p *parser) explain(raw map[string]any) {
	p.explained = map[string]bool{}
	for k := range raw {
		if !slices.Contains(topKeys, k) {
			p.explained[diag.Suggest(k, topKeys)] = true
		}
	}
	var inTable func(path string, t map[string]any, known []string)
	inTable = func(path string, t map[string]any, known []string) {
		for k := range t {
			switch {
			case slices.Contains(known, k):
			case slices.Contains(topKeys, k):
				p.explained[k] = true
			default:
				p.explained[tomlpos.JoinPath(path, diag.Suggest(k, known))] = true
			}
		}
	}
	for key, known := range map[string][]string{"developments": developmentsKeys, "notes": sectionKeys, "about": sectionKeys,
		"signatories": signatoryKeys, "contacts": contactKeys} {
		switch t := raw[key].(type) {
		case map[string]any:
			inTable(key, t, known)
		case []map[string]any:
			for i, x := range t {
				inTable(fmt.Sprintf("%s[%d]", key, i), x, known)
			}
		}
	}
}

// countItems counts every list entry of the file before anything costly is
// done with them.
func (p *parser) countItems(v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			p.countItems(x)
		}
	case []map[string]any:
		p.items += len(v)
		for _, x := range v {
			p.countItems(x)
		}
	case []any:
		p.items += len(v)
		for _, x := range v {
			p.countItems(x)
		}
	}
}

// unknownKeys reports every key of table that the format does not have at
// path, suggesting the closest known key.
func (p *parser) unknownKeys(path string, table map[string]any, known []string) {
	for _, k := range slices.Sorted(maps.Keys(table)) {
		if slices.Contains(known, k) {
			continue
		}
		full := tomlpos.JoinPath(path, k)
		where := "at the top of the file"
		if path != "" {
			where = "in [" + stripIndexes(path) + "]"
			if strings.Contains(path, "[") {
				where = "in [[" + stripIndexes(path) + "]]"
			}
		}
		hint := ""
		switch {
		case path != "" && slices.Contains(topKeys, k):
			hint = fmt.Sprintf("%s belongs at the top of the file, before the first [table]: move it up", k)
		case diag.Suggest(k, known) != "":
			hint = fmt.Sprintf("did you mean %s?", diag.Suggest(k, known))
		default:
			hint = "the keys allowed here are: " + strings.Join(known, ", ")
		}
		p.errorf(full, p.keyAt(full), hint, "unknown key %q %s", k, where)
	}
}

// errorf and warnf add a diagnostic about the value at path, naming its
// key for --format json.
func (p *parser) errorf(path string, pos diag.Pos, hint, format string, args ...any) {
	p.list.Add(diag.Diagnostic{Pos: pos, Key: userKey(path), Severity: diag.Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (p *parser) warnf(path string, pos diag.Pos, hint, format string, args ...any) {
	p.list.Add(diag.Diagnostic{Pos: pos, Key: userKey(path), Severity: diag.Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// str reads an optional or required string at path.key and records it as
// a text of the statement.
func (p *parser) str(table map[string]any, path, key string, required bool) (string, bool) {
	full := tomlpos.JoinPath(path, key)
	v, ok := table[key]
	if !ok {
		if required {
			p.missing(path, key)
		}
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		p.wrongType(full, key, v, "text in quotes", fmt.Sprintf("%s = \"…\"", key))
		return "", false
	}
	if required && strings.TrimSpace(s) == "" {
		p.errorf(full, p.valueAt(full), fmt.Sprintf("write the %s between the quotes", key), "%s is empty", userKey(full))
		return "", false
	}
	p.field(full, s)
	if key != "summary" && key != "body" {
		if p.oneLine(full, s) && !slices.Contains([]string{"layout", "lang", "translation", "email", "website", "phone", "mobile", "office"}, key) {
			p.plainText(full, s)
		}
	}
	return s, true
}

// oneLine refuses a line break, tab or other control character in a text
// that is set as one line (a headline, a name): check would pass it and
// the renderer would draw it as a box or break the line where the layout
// has no room for it. A tab is the usual one, pasted from a word processor.
func (p *parser) oneLine(path, s string) bool {
	for i, r := range s {
		what, hint := "", ""
		switch {
		case r == '\t':
			what, hint = "a tab", "replace the tab with a space"
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			what = "a line break"
			if r != '\n' {
				what = fmt.Sprintf("a line break (%s)", runeName(r))
			}
			hint = fmt.Sprintf("write %s on one line, with a space instead of the line break (only summary, developments items and the bodies may have several lines)", stripIndexes(path))
		case r == '\r':
			what = "a line break (carriage return)"
			hint = fmt.Sprintf("write %s on one line, with a space instead of the line break", stripIndexes(path))
		case unicode.IsControl(r):
			what, hint = fmt.Sprintf("a control character (%s)", runeName(r)), "delete it: it is not a character that can be printed"
		default:
			continue
		}
		p.list.Add(diag.Diagnostic{Pos: p.stmt.Locate(path, i), Severity: diag.Error, Key: userKey(path),
			Message: fmt.Sprintf("%s has %s in it", userKey(path), what), Hint: hint})
		return false
	}
	return true
}

// Markup written in a plain-text field, where it is printed as it is.
var (
	strongText = regexp.MustCompile(`\*\*[^*\s][^*]*\*\*`)
	emText     = regexp.MustCompile(`(?:^|[^\w*])(\*[^*\s][^*]*\*|_[^_\s][^_]*_)(?:[^\w*]|$)`)
	linkText   = regexp.MustCompile(`\[[^\]]+\]\([^)]*\)`)
)

// plainText warns about markup in a one-line text: a headline or a name is
// set in the layout's own style, and its asterisks and brackets would be
// printed as they are.
func (p *parser) plainText(path, s string) {
	what, hint := "", ""
	at := -1
	if m := linkText.FindStringIndex(s); m != nil {
		at, what, hint = m[0], s[m[0]:m[1]], "write the words alone, and put the link in summary"
	} else if m := strongText.FindStringIndex(s); m != nil {
		at, what, hint = m[0], s[m[0]:m[1]], "remove the asterisks: the layout sets "+stripIndexes(path)+" in its own style"
	} else if m := emText.FindStringSubmatchIndex(s); m != nil {
		at, what, hint = m[2], s[m[2]:m[3]], "remove the "+s[m[2]:m[2]+1]+" signs: the layout sets "+stripIndexes(path)+" in its own style"
	}
	if at < 0 {
		return
	}
	p.list.Add(diag.Diagnostic{Pos: p.stmt.Locate(path, at), Severity: diag.Warning, Key: userKey(path),
		Message: fmt.Sprintf("%s: %s will be printed as it is: markup is read only in summary, developments items and the bodies", userKey(path), what),
		Hint:    hint})
}

// invisible refuses format characters (Unicode category Cf: bidi controls,
// zero-width spaces and joiners, soft hyphens) in an address or number.
// They are invisible on the page but change where a link goes or which
// number is dialled, and a right-to-left override can make one address
// look like another.
func (p *parser) invisible(path, s, again string) {
	for i, r := range s {
		if unicode.Is(unicode.Cf, r) {
			p.list.Add(diag.Diagnostic{Pos: p.stmt.Locate(path, i), Severity: diag.Error, Key: userKey(path),
				Message: fmt.Sprintf("%s has an invisible character (%s) in it", userKey(path), runeName(r)),
				Hint:    "delete it: " + again})
			return
		}
	}
}

// runeName names a character as "U+202E RIGHT-TO-LEFT OVERRIDE".
func runeName(r rune) string {
	if name := runenames.Name(r); name != "" && !strings.HasPrefix(name, "<") {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}

// KeyAt returns the key whose value holds pos, as the user writes it
// ("contacts[1].email"), or "" when pos is in no text of the statement.
// Later stages (the renderer's checks, the accessibility lint) point into
// values with Locate; KeyAt gives their diagnostics the key for
// --format json without each of them having to.
func (s *Statement) KeyAt(pos diag.Pos) string {
	if s == nil || s.index == nil || pos.File != s.File {
		return ""
	}
	off := s.index.Offset(pos.Line, pos.Col)
	if off < 0 {
		return ""
	}
	for _, f := range s.fields {
		if f.quote >= 0 && off >= f.quote && off <= f.text.Closing {
			return userKey(f.Key)
		}
	}
	return ""
}

// DisplayKey writes a key as Texts and Locate name it ("contacts[0].email")
// the way messages show it to the user, who counts list entries from 1
// ("contacts[1].email").
func DisplayKey(key string) string { return userKey(key) }

// userKey writes a key path as a user counts: "contacts[0].email" is the
// first contact's, so it becomes "contacts[1].email".
func userKey(path string) string {
	var b strings.Builder
	for {
		before, rest, ok := strings.Cut(path, "[")
		b.WriteString(before)
		if !ok {
			return b.String()
		}
		index, after, _ := strings.Cut(rest, "]")
		var n int
		fmt.Sscanf(index, "%d", &n)
		fmt.Fprintf(&b, "[%d]", n+1)
		path = after
	}
}

// field records a string value for Texts and Locate.
func (p *parser) field(path, value string) {
	f := Field{Key: path, Value: value, quote: -1}
	if pl, ok := p.places[path]; ok && pl.Value >= 0 {
		f.quote = pl.Value
		f.text = tomlpos.ReadString(p.src, pl.Value)
		if string(f.text.Value) != value {
			// The locator and BurntSushi/toml disagree: better no
			// position than a wrong one.
			f.quote, f.text = -1, tomlpos.String{}
		}
	}
	f.Pos = p.at(f.quote)
	p.stmt.fields = append(p.stmt.fields, f)
}

func (p *parser) missing(path, key string) {
	examples := map[string]string{
		"headline": `headline = "…"`,
		"date":     "date = 2024-12-17",
		"summary":  `summary = """…"""`,
		"items":    `items = ["…", "…"]`,
		"name":     `name = "…"`,
		"body":     `body = """…"""`,
	}
	if p.explained[tomlpos.JoinPath(path, key)] {
		return
	}
	if path == "" {
		p.errorf(key, p.at(-1), "add "+examples[key]+" at the top of the file", "%s is missing", key)
		return
	}
	under := "under [" + path + "]"
	if strings.Contains(path, "[") {
		under = "under this [[" + stripIndexes(path) + "]]"
	}
	p.errorf(tomlpos.JoinPath(path, key), p.keyAt(path), "add "+examples[key]+" "+under, "%s has no %s", describeTable(path), key)
}

// describeTable names a table in words: "[notes]", "[[contacts]] number 2".
func describeTable(path string) string {
	name, index, ok := strings.Cut(path, "[")
	if !ok {
		return "[" + path + "]"
	}
	var n int
	fmt.Sscanf(index, "%d]", &n)
	return fmt.Sprintf("[[%s]] number %d", name, n+1)
}

func (p *parser) wrongType(path, key string, v any, want, example string) {
	p.errorf(path, p.valueAt(path), "write "+example, "%s must be %s, not %s", userKey(path), want, typeName(v))
}

// typeName says what a TOML value is, in a user's words.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time"
		}
		return "a date and time"
	case []map[string]any:
		return "a list of tables ([[…]])"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func (p *parser) date(raw map[string]any) {
	v, ok := raw["date"]
	if !ok {
		p.missing("", "date")
		return
	}
	switch v := v.(type) {
	case time.Time:
		if v.Location().String() != "date-local" {
			p.errorf("date", p.valueAt("date"), fmt.Sprintf("write the day only: date = %s", v.Format("2006-01-02")),
				"date must be a date without a time")
			return
		}
		d := Date{Year: v.Year(), Month: v.Month(), Day: v.Day()}
		if !saneYear(d.Year) {
			p.list.Add(diag.Diagnostic{Pos: p.valueAt("date"), Severity: diag.Error, Key: "date",
				Message: fmt.Sprintf("date %s is outside the years %d to %d", v.Format("2006-01-02"), minYear, maxYear),
				Hint:    "write the date of issue, year-month-day: date = 2024-12-17"})
			return
		}
		p.stmt.Date = d
		if !p.opts.Today.IsZero() && d.Time().After(p.opts.Today.Time().AddDate(1, 0, 0)) {
			p.warnf("date", p.valueAt("date"), "check the year",
				"date %s is more than a year after today (%s)", d, p.opts.Today)
		}
	case string:
		example := "2024-12-17"
		if d, ok := guessDate(v); ok {
			example = d.Format("2006-01-02")
		}
		p.errorf("date", p.valueAt("date"), "drop the quotes: date = "+example,
			"date must be a TOML date, not a string")
	default:
		p.wrongType("date", "date", v, "a date", "date = 2024-12-17")
	}
}

// The years a date or embargo may have. A release is dated around today;
// a year such as 0001 is a typing slip, and the renderer's date styles
// (weekday names, ordinal days) are not defined that far from now.
const (
	minYear = 1900
	maxYear = 2200
)

func saneYear(y int) bool { return y >= minYear && y <= maxYear }

// guessDate reads the ways people write dates in quotes, to suggest the
// TOML form of the same day.
func guessDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2/1/2006", "02/01/2006", "2 January 2006", "2 Jan 2006", "January 2, 2006", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	// "17th December 2024"
	for _, suffix := range []string{"st ", "nd ", "rd ", "th "} {
		if i := strings.Index(s, suffix); i > 0 && i <= 2 {
			if t, err := time.Parse("2 January 2006", s[:i]+" "+s[i+len(suffix):]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func (p *parser) embargo(raw map[string]any) {
	v, ok := raw["embargo"]
	if !ok {
		return
	}
	const example = "embargo = 2025-01-09T00:01:00"
	switch v := v.(type) {
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			p.errorf("embargo", p.valueAt("embargo"), fmt.Sprintf("add the time: embargo = %sT00:01:00", v.Format("2006-01-02")),
				"embargo needs a time as well as a date")
			return
		case "time-local":
			p.errorf("embargo", p.valueAt("embargo"), "add the date: "+example, "embargo needs a date as well as a time")
			return
		}
		if !saneYear(v.Year()) {
			p.list.Add(diag.Diagnostic{Pos: p.valueAt("embargo"), Severity: diag.Error, Key: "embargo",
				Message: fmt.Sprintf("embargo %s is outside the years %d to %d", v.Format("2006-01-02"), minYear, maxYear),
				Hint:    "write the moment the release may be published: " + example})
			return
		}
		e := &Embargo{HasZone: v.Location().String() != "datetime-local"}
		if e.HasZone {
			e.Time = v
		} else {
			e.Time = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), time.UTC)
		}
		p.stmt.Embargo = e
		day := Date{Year: v.Year(), Month: v.Month(), Day: v.Day()}
		if !p.opts.Today.IsZero() && day.Time().Before(p.opts.Today.Time()) {
			p.warnf("embargo", p.valueAt("embargo"), "update the embargo, or remove it if the release is already public",
				"embargo %s has already passed (today is %s)", day, p.opts.Today)
		}
	case string:
		example := example
		if t, ok := guessDate(v); ok {
			example = "embargo = " + t.Format("2006-01-02") + "T00:01:00"
		}
		p.errorf("embargo", p.valueAt("embargo"), "drop the quotes and give the time: "+example,
			"embargo must be a TOML date and time, not a string")
	default:
		p.wrongType("embargo", "embargo", v, "a date and time", example)
	}
}

// validLangTag accepts the shape of a BCP 47 language tag: a language of
// two or three letters, then subtags of one to eight letters or digits.
func validLangTag(s string) bool {
	parts := strings.Split(s, "-")
	if n := len(parts[0]); n < 2 || n > 3 || !allOf(parts[0], isLetter) {
		return false
	}
	for _, sub := range parts[1:] {
		if len(sub) < 1 || len(sub) > 8 || !allOf(sub, func(r rune) bool { return isLetter(r) || r >= '0' && r <= '9' }) {
			return false
		}
	}
	return true
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func allOf(s string, f func(rune) bool) bool {
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

// strList reads an optional list of strings.
func (p *parser) strList(table map[string]any, path, key string) []string {
	full := tomlpos.JoinPath(path, key)
	v, ok := table[key]
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		p.wrongType(full, key, v, "a list of strings", key+` = ["…", "…"]`)
		return nil
	}
	var out []string
	for i, x := range list {
		item := fmt.Sprintf("%s[%d]", full, i)
		s, ok := x.(string)
		if !ok {
			p.errorf(item, p.valueAt(item), `put each entry in quotes: `+key+` = ["…", "…"]`,
				"%s must be a list of strings, but entry %d is %s", full, i+1, typeName(x))
			continue
		}
		p.field(item, s)
		p.oneLine(item, s)
		out = append(out, s)
	}
	return out
}

// markup parses a text and maps its problems to the file.
func (p *parser) markup(path, text string, inlineOnly bool) markup.Doc {
	// A text of thousands of list lines is refused before it is parsed,
	// which is where the time would go.
	if n := countListMarkers(text); p.items+n > MaxItems {
		p.items += n
		return markup.Doc{}
	}
	p.joinedLines(path)
	doc, probs := markup.Parse(text, markup.Options{InlineOnly: inlineOnly})
	p.items += countListItems(doc.Blocks)
	if len(probs) > maxProblemsPerText {
		rest := probs[maxProblemsPerText:]
		probs = probs[:maxProblemsPerText]
		d := diag.Diagnostic{Pos: p.stmt.Locate(path, rest[0].Offset), Severity: diag.Warning, Key: userKey(path),
			Message: fmt.Sprintf("%d more problems in %s are not listed", len(rest), userKey(path)),
			Hint:    "fix the ones above and run check again"}
		for _, pr := range rest {
			if !pr.Warning {
				d.Severity = diag.Error
			}
		}
		p.list.Add(d)
	}
	for _, pr := range probs {
		pos := p.stmt.Locate(path, pr.Offset)
		// The markup package does not know which key its text came from.
		d := diag.Diagnostic{Pos: pos, Severity: diag.Error, Key: userKey(path), Message: userKey(path) + ": " + pr.Message, Hint: pr.Hint}
		if pr.Warning {
			d.Severity = diag.Warning
		}
		p.list.Add(d)
	}
	return doc
}

// joinedLines warns about each line of a """…""" text that ends in a
// single backslash: TOML joins it to the next line, dropping the line end
// and the next line's indentation, where the writer most likely wanted the
// markup's line break.
func (p *parser) joinedLines(path string) {
	pl, ok := p.places[path]
	if !ok || pl.Value < 0 || !bytes.HasPrefix(p.src[pl.Value:], []byte(`"""`)) {
		return
	}
	closing := tomlpos.ReadString(p.src, pl.Value).Closing
	for i := pl.Value + 3; i < closing; i++ {
		if p.src[i] != '\\' {
			continue
		}
		n := 0
		for i+n < closing && p.src[i+n] == '\\' {
			n++
		}
		j := i + n
		for j < closing && (p.src[j] == ' ' || p.src[j] == '\t') {
			j++
		}
		if n%2 == 1 && j < closing && (p.src[j] == '\n' || p.src[j] == '\r') {
			p.warnf(path, p.at(i+n-1), `for a line break, end the line with \\ (two backslashes) inside """…"""`,
				"a \\ at the end of a line joins it to the next line in TOML")
		}
		i = j - 1
	}
}

// maxProblemsPerText is the most markup problems listed for one text: a
// text pasted from a web page can have thousands, and the first few say
// what is wrong.
const maxProblemsPerText = 20

// countListMarkers counts the lines that start like a list item ("- ",
// "* ", "+ ", "1. ", "1) "); it may count a few lines that are not.
func countListMarkers(text string) int {
	n := 0
	for line := range strings.Lines(text) {
		line = strings.TrimLeft(line, " \t")
		digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
		rest := line[digits:]
		switch {
		case digits == 0 && rest != "" && strings.ContainsRune("-*+", rune(rest[0])):
			rest = rest[1:]
		case digits > 0 && digits <= 9 && rest != "" && (rest[0] == '.' || rest[0] == ')'):
			rest = rest[1:]
		default:
			continue
		}
		if rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' {
			n++
		}
	}
	return n
}

func countListItems(blocks []markup.Block) int {
	n := 0
	for _, b := range blocks {
		n += len(b.Items)
		for _, it := range b.Items {
			n += countListItems(it.Blocks)
		}
	}
	return n
}

// table reads an optional table at key; wrong shapes are reported.
func (p *parser) table(raw map[string]any, key, example string) (map[string]any, bool) {
	v, ok := raw[key]
	if !ok {
		return nil, false
	}
	t, ok := v.(map[string]any)
	if !ok {
		hint := "write " + example
		if _, isArray := v.([]map[string]any); isArray {
			hint = fmt.Sprintf("write [%s] with single brackets, once", key)
		}
		p.errorf(key, p.valueAt(key), hint, "%s must be a table, not %s", key, typeName(v))
		return nil, false
	}
	return t, true
}

// tables reads an optional array of tables at key.
func (p *parser) tables(raw map[string]any, key string) ([]map[string]any, bool) {
	v, ok := raw[key]
	if !ok {
		return nil, false
	}
	switch t := v.(type) {
	case []map[string]any:
		return t, true
	case []any:
		// An array of inline tables decodes as []any.
		var out []map[string]any
		for i, x := range t {
			m, ok := x.(map[string]any)
			if !ok {
				p.errorf(fmt.Sprintf("%s[%d]", key, i), p.valueAt(fmt.Sprintf("%s[%d]", key, i)), fmt.Sprintf("write a [[%s]] table for each entry", key),
					"%s must be a list of tables ([[%s]]), but entry %d is %s", key, key, i+1, typeName(x))
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	hint := fmt.Sprintf("write [[%s]] with double brackets, once for each entry", key)
	p.errorf(key, p.valueAt(key), hint, "%s must be a list of tables ([[%s]]), not %s", key, key, typeName(v))
	return nil, false
}

func (p *parser) developments(raw map[string]any) {
	t, ok := p.table(raw, "developments", "[developments] on a line of its own, then intro and items")
	if !ok {
		return
	}
	p.unknownKeys("developments", t, developmentsKeys)
	d := &Developments{}
	d.Intro, _ = p.str(t, "developments", "intro", false)
	v, ok := t["items"]
	if !ok && p.explained["developments.items"] {
		return
	}
	if !ok {
		p.errorf("developments", p.keyAt("developments"), `add items = ["…", "…"] under [developments], or remove the table`,
			"developments has no items")
		return
	}
	list, ok := v.([]any)
	if !ok {
		hint := `write items = ["…", "…"]`
		if s, isString := v.(string); isString {
			hint = fmt.Sprintf("put the text in a list: items = [%q]", truncate(s, 30))
		}
		p.errorf("developments.items", p.valueAt("developments.items"), hint, "developments.items must be a list of strings, not %s", typeName(v))
		return
	}
	if len(list) == 0 {
		p.errorf("developments.items", p.valueAt("developments.items"), `write at least one item: items = ["…"], or remove [developments]`,
			"developments has no items")
		return
	}
	for i, x := range list {
		path := fmt.Sprintf("developments.items[%d]", i)
		s, ok := x.(string)
		if !ok {
			p.errorf(path, p.valueAt(path), `put each item in quotes: items = ["…", "…"]`,
				"developments.items must be a list of strings, but item %d is %s", i+1, typeName(x))
			continue
		}
		if strings.TrimSpace(s) == "" {
			p.errorf(path, p.valueAt(path), "write the item's text, or remove the empty entry", "%s is empty", userKey(path))
			continue
		}
		p.field(path, s)
		doc := p.markup(path, s, true)
		var inlines []markup.Inline
		if len(doc.Blocks) > 0 {
			inlines = doc.Blocks[0].Inlines
		}
		d.Items = append(d.Items, inlines)
	}
	p.stmt.Developments = d
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func (p *parser) signatories(raw map[string]any) {
	list, ok := p.tables(raw, "signatories")
	if !ok {
		return
	}
	for i, t := range list {
		path := fmt.Sprintf("signatories[%d]", i)
		p.unknownKeys(path, t, signatoryKeys)
		var s Signatory
		s.Name, _ = p.str(t, path, "name", true)
		s.Role, _ = p.str(t, path, "role", false)
		s.Organisation, _ = p.str(t, path, "organisation", false)
		p.stmt.Signatories = append(p.stmt.Signatories, s)
	}
}

func (p *parser) section(raw map[string]any, key string) *Section {
	t, ok := p.table(raw, key, "["+key+"] on a line of its own, then body")
	if !ok {
		return nil
	}
	p.unknownKeys(key, t, sectionKeys)
	sec := &Section{}
	sec.Heading, _ = p.str(t, key, "heading", false)
	body, ok := p.str(t, key, "body", true)
	if !ok {
		return nil
	}
	sec.Body = p.markup(key+".body", body, false)
	return sec
}

func (p *parser) contacts(raw map[string]any) {
	list, ok := p.tables(raw, "contacts")
	if !ok {
		if _, present := raw["contacts"]; !present && !p.explained["contacts"] {
			p.warnf("contacts", p.at(-1), `add a [[contacts]] table with the email or phone number of your press office`,
				"the statement has no contacts: journalists will not know whom to ask")
		}
		return
	}
	for i, t := range list {
		path := fmt.Sprintf("contacts[%d]", i)
		p.unknownKeys(path, t, contactKeys)
		var c Contact
		get := func(key string) string { v, _ := p.str(t, path, key, false); return v }
		c.Purpose, c.Name, c.Role, c.Organisation = get("purpose"), get("name"), get("role"), get("organisation")
		c.Email, c.Phone, c.Mobile, c.Office, c.Website = get("email"), get("phone"), get("mobile"), get("office"), get("website")
		p.invisible(path+".email", c.Email, "type the address again")
		p.invisible(path+".website", c.Website, "type the address again")
		for _, k := range []string{"phone", "mobile", "office"} {
			p.invisible(path+"."+k, map[string]string{"phone": c.Phone, "mobile": c.Mobile, "office": c.Office}[k], "type the number again")
		}
		if c.Email == "" && c.Phone == "" && c.Mobile == "" && c.Office == "" && c.Website == "" {
			p.errorf(path, p.keyAt(path), `add at least one of email, phone, mobile, office or website, e.g. email = "press@example.org.uk"`,
				"%s has no way to reach them", userKey(path))
		}
		if lower := strings.ToLower(c.Email); strings.HasPrefix(lower, "mailto:") {
			p.errorf(path+".email", p.valueAt(path+".email"), fmt.Sprintf("write the address alone: email = %q", c.Email[len("mailto:"):]),
				"%s starts with mailto:, which pressroom adds itself", userKey(path+".email"))
		} else if c.Email != "" && (!strings.Contains(c.Email, "@") || strings.ContainsAny(c.Email, " \t\n")) {
			p.errorf(path+".email", p.valueAt(path+".email"), `write one address such as email = "press@example.org.uk"`,
				"%s %q is not an e-mail address", userKey(path+".email"), c.Email)
		}
		for _, k := range []string{"phone", "mobile", "office"} {
			if v := map[string]string{"phone": c.Phone, "mobile": c.Mobile, "office": c.Office}[k]; v != "" && !strings.ContainsAny(v, "0123456789") {
				p.errorf(path+"."+k, p.valueAt(path+"."+k), fmt.Sprintf(`write the number as it should be dialled, e.g. %s = "0121 464 2612"`, k),
					"%s %q is not a phone number", userKey(path+"."+k), v)
			}
		}
		if w := c.Website; w != "" {
			if scheme, _, ok := strings.Cut(w, "://"); ok && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
				p.errorf(path+".website", p.valueAt(path+".website"), `write a web address such as website = "www.example.org.uk"`,
					"%s %q is not a web address", userKey(path+".website"), w)
			}
		}
		p.stmt.Contacts = append(p.stmt.Contacts, c)
	}
}

// translation reads the translation key: the file of the same release in
// another language. What that file holds (and that it exists) is for
// pipeline.Load to check, which reads it; here only the value's shape.
func (p *parser) translation(raw map[string]any) {
	t, ok := p.str(raw, "", "translation", false)
	if !ok {
		return
	}
	switch {
	case strings.TrimSpace(t) == "":
		p.errorf("translation", p.valueAt("translation"), `name the statement file of the other language, relative to this one: translation = "statement.cy.toml"`,
			"translation is empty")
	case strings.TrimSpace(t) != t:
		p.errorf("translation", p.valueAt("translation"), fmt.Sprintf("drop the spaces: translation = %q", strings.TrimSpace(t)),
			"translation %q starts or ends with a space", t)
	default:
		p.stmt.Translation = t
	}
}
