package archive

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/release"
)

// Embargo is the local date and time a release is embargoed until, and
// the zone the text named, if any: "GMT", "BST", "UTC" or an offset
// ("+02:00").
type Embargo struct {
	Date         Date
	Hour, Minute int
	Zone         string
}

// embargoTables is what reads an embargo line in every language
// pressroom has a table for, built once from pkg/release's tables (the
// one home of each language's "embargoed" label, day periods and zone
// names) and never changed after.
type embargoTables struct {
	// labels is a line that starts or ends as a table's embargo label
	// does around its time ("Sperrfrist: …", "… تک اشاعت ممنوع").
	labels *regexp.Regexp
	// zones are the zone names, longest first, each with the zone it is.
	zones []zoneWord
	// offset is a zone written as an offset ("GMT+2", "UTC+02:00",
	// Irish "MAG+2", Arabic "غرينتش+2").
	offset *regexp.Regexp
	// periods are the day periods ("PM", Arabic "م"), each with
	// whether it is the afternoon.
	periods []zoneWord
}

type zoneWord struct {
	name, zone string
}

var loadEmbargoTables = sync.OnceValue(buildEmbargoTables)

func buildEmbargoTables() *embargoTables {
	t := &embargoTables{}
	var labels []string
	seen := map[string]bool{}
	prefixes := []string{"GMT", "UTC"}
	add := func(list *[]zoneWord, name, zone string) {
		name = strings.TrimSpace(name)
		if name != "" && !seen[zone+"\x00"+strings.ToLower(name)] {
			seen[zone+"\x00"+strings.ToLower(name)] = true
			*list = append(*list, zoneWord{strings.ToLower(name), zone})
		}
	}
	for _, r := range release.LabelReadings() {
		before, after, ok := strings.Cut(r.Embargoed, "{time}")
		if !ok {
			continue
		}
		if b := strings.TrimSpace(before); b != "" {
			labels = append(labels, `^[\s*_]*`+spaced(b))
		}
		if a := strings.TrimSpace(after); a != "" {
			labels = append(labels, spaced(a)+`[\s*_.]*$`)
		}
		add(&t.zones, r.GMT, "GMT")
		add(&t.zones, r.BST, "BST")
		add(&t.zones, r.UTC, "UTC")
		if p := strings.TrimSpace(r.OffsetPrefix); p != "" && !slices.Contains(prefixes, p) {
			prefixes = append(prefixes, p)
		}
		if r.AM != "" {
			add(&t.periods, r.AM, "am")
			add(&t.periods, r.PM, "pm")
		}
	}
	slices.Sort(labels)
	labels = slices.Compact(labels)
	t.labels = regexp.MustCompile(`(?i)` + strings.Join(labels, "|"))
	// Longest first, so that "Amser Safonol Greenwich" is not read as a
	// shorter name inside it.
	longest := func(a, b zoneWord) int { return len(b.name) - len(a.name) }
	slices.SortStableFunc(t.zones, longest)
	slices.SortStableFunc(t.periods, longest)
	var quoted []string
	for _, p := range prefixes {
		quoted = append(quoted, regexp.QuoteMeta(p))
	}
	t.offset = regexp.MustCompile(`(?i)(?:` + strings.Join(quoted, "|") + `)\s?([+−-])([0-9]{1,2})(?::?([0-5][0-9]))?`)
	return t
}

// spaced quotes a label for a regexp, letting any run of spaces in it
// be any run of spaces in the line.
func spaced(label string) string {
	var parts []string
	for _, f := range strings.Fields(label) {
		parts = append(parts, regexp.QuoteMeta(f))
	}
	return strings.Join(parts, `\s+`)
}

// isEmbargoLine reports whether s is an embargo instruction: in English
// and Welsh as real releases write them (embargoLine), or as any of
// pressroom's tables writes its own.
func isEmbargoLine(s string) bool {
	return embargoLine.MatchString(s) || loadEmbargoTables().labels.MatchString(s)
}

// findEmbargoTime reads the time of day, the date and the zone of an
// embargo line ("EMBARGOED UNTIL 00:01 1 June 2015", "Embargoed: 00.01
// hours, Thursday 9 January 2025", "Dan embargo 00:01 Amser Safonol
// Greenwich dydd Iau 15 Ionawr 2026", "۱۲:۰۱ AM GMT …"), in any of the
// tables' digits.
func findEmbargoTime(s string) (Embargo, bool) {
	d, ok := findDate(s)
	if !ok {
		return Embargo{}, false
	}
	e := Embargo{Date: d.Date}
	// The time is read outside the date, so that "17.12.2024" is not
	// seventeen minutes past twelve, in ASCII digits.
	dt := loadDateTables()
	rest := asciiDigits(dt, s[:d.Start]+" \x00 "+s[d.End:])
	m := clockTime.FindStringSubmatchIndex(rest)
	if m == nil {
		return Embargo{}, false
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return rest[m[2*i]:m[2*i+1]]
	}
	et := loadEmbargoTables()
	switch {
	case group(1) != "":
		e.Hour, _ = strconv.Atoi(group(1))
		e.Minute, _ = strconv.Atoi(group(2))
		period := group(3)
		if period == "" {
			period = et.period(rest[m[1]:])
		}
		e.Hour = twelveHour(e.Hour, period)
	case group(4) != "":
		e.Hour, _ = strconv.Atoi(group(4))
		e.Minute, _ = strconv.Atoi(group(5))
	case group(6) != "":
		e.Hour, _ = strconv.Atoi(group(6))
		e.Hour = twelveHour(e.Hour, group(7))
	case strings.EqualFold(group(8), "midnight"):
		e.Hour = 0
	default:
		e.Hour = 12
	}
	if e.Hour > 23 {
		return Embargo{}, false
	}
	e.Zone = et.zone(rest)
	return e, true
}

// asciiDigits writes every digit of the tables' digit sets as 0–9.
func asciiDigits(t *dateTables, s string) string {
	return strings.Map(func(r rune) rune {
		if v, ok := t.digits[r]; ok {
			return '0' + rune(v)
		}
		return r
	}, s)
}

// period reads a day period written right after a time ("5:00 PM",
// Arabic "5:00 م"), as "am" or "pm"; "" when none is.
func (t *embargoTables) period(after string) string {
	after = strings.ToLower(strings.TrimLeft(after, " \u00a0\u202f"))
	for _, p := range t.periods {
		if rest, ok := strings.CutPrefix(after, p.name); ok && !startsWithLetter(rest) {
			return p.zone
		}
	}
	return ""
}

// zone reads the zone an embargo line names: an offset ("UTC+02:00",
// "GMT+2"), else a zone's name in any table's language; "" for none.
func (t *embargoTables) zone(s string) string {
	if m := t.offset.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		min, _ := strconv.Atoi(m[3])
		if h < 24 {
			sign := "+"
			if m[1] != "+" {
				sign = "-"
			}
			if h == 0 && min == 0 {
				return "UTC"
			}
			return fmt.Sprintf("%s%02d:%02d", sign, h, min)
		}
	}
	low := strings.ToLower(s)
	for _, z := range t.zones {
		for i := 0; i < len(low); {
			j := strings.Index(low[i:], z.name)
			if j < 0 {
				break
			}
			at := i + j
			if !endsWithLetter(low[:at]) && !startsWithLetter(low[at+len(z.name):]) {
				return z.zone
			}
			i = at + len(z.name)
		}
	}
	return ""
}

// startsWithLetter and endsWithLetter say whether a name found in a
// line is part of a longer word. Chinese writes no spaces between words,
// so a Han character is never part of the same word.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return wordLetter(r)
}

func endsWithLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return wordLetter(r)
}

func wordLetter(r rune) bool {
	return (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) && !unicode.Is(unicode.Han, r)
}
