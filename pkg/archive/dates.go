package archive

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/lazyre"
)

// Date is a calendar date found in a release.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String writes the date as TOML writes a local date.
func (d Date) String() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// months maps the month names releases use to months: English in full and
// abbreviated, and Welsh, with the soft-mutated forms Welsh takes after
// "o" and "ar" ("ar Fawrth"): the names are those of TermCymru and the
// Welsh Government's own releases ("1 Mawrth 2011", "Cyhoeddwyd ar …").
var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"ionawr": 1, "chwefror": 2, "mawrth": 3, "fawrth": 3, "ebrill": 4, "mai": 5, "fai": 5,
	"mehefin": 6, "fehefin": 6, "gorffennaf": 7, "orffennaf": 7, "awst": 8, "medi": 9, "fedi": 9,
	"hydref": 10, "tachwedd": 11, "dachwedd": 11, "rhagfyr": 12, "ragfyr": 12,
}

const (
	monthName = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|` +
		`Ionawr|Chwefror|Mawrth|Fawrth|Ebrill|Mai|Fai|Mehefin|Fehefin|Gorffennaf|Orffennaf|Awst|Medi|Fedi|Hydref|Tachwedd|Dachwedd|Rhagfyr|Ragfyr)\.?`
	weekday = `(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|` +
		`Dydd\s+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul))\.?,?\s+)?`
	ordinal = `(?:st|nd|rd|th|af|ain|ed|fed|ydd)?`
)

var (
	// "Tuesday 17th December 2024", "17 Dec. 2024", "1 Mawrth 2011"
	dayMonthYear = lazyre.New(`(?i)\b` + weekday + `([0-3]?[0-9])` + ordinal + `(?:\s+of)?\s+` + monthName + `,?\s+([12][0-9]{3})\b`)
	// "December 17, 2024", "Tuesday, December 17th, 2024"
	monthDayYear = lazyre.New(`(?i)\b` + weekday + monthName + `\s+([0-3]?[0-9])` + ordinal + `,?\s+([12][0-9]{3})\b`)
	// 2024-12-17, also with a time after it
	isoDate = lazyre.New(`\b([12][0-9]{3})-([01][0-9])-([0-3][0-9])\b`)
	// 17/12/2024, 17.12.2024, 17-12-24: UK day-first
	numericDate = lazyre.New(`\b([0-3]?[0-9])([/.-])([01]?[0-9])([/.-])([12][0-9]{3}|[0-9]{2})\b`)
)

// dateMatch is a date found in a text and where it stood.
type dateMatch struct {
	Date       Date
	Start, End int // byte offsets in the text
	// Numeric is set for 17/12/2024-style dates, whose day and month a
	// reader must take on trust (pressroom reads them day first, as UK
	// releases write them).
	Numeric bool
}

// findDate returns the first date written in s, in any of the forms
// releases use.
func findDate(s string) (dateMatch, bool) {
	best := dateMatch{Start: -1}
	try := func(m dateMatch, ok bool) {
		if ok && (best.Start < 0 || m.Start < best.Start) {
			best = m
		}
	}
	if m := dayMonthYear.FindStringSubmatchIndex(s); m != nil {
		try(build(s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]], m[0], m[1]))
	}
	if m := monthDayYear.FindStringSubmatchIndex(s); m != nil {
		try(build(s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]], m[0], m[1]))
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		try(valid(y, mo, d, m[0], m[1]))
	}
	if m := numericDate.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[6]:m[7]])
		y, _ := strconv.Atoi(s[m[10]:m[11]])
		if y < 100 {
			y += 2000
		}
		dm, ok := valid(y, mo, d, m[0], m[1])
		dm.Numeric = true
		try(dm, ok)
	}
	return best, best.Start >= 0
}

func build(year, month, day string, start, end int) (dateMatch, bool) {
	mo, ok := months[strings.ToLower(strings.TrimSuffix(month, "."))]
	if !ok {
		return dateMatch{}, false
	}
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	return valid(y, int(mo), d, start, end)
}

// valid keeps a date only if the calendar has it and it is one a release
// could carry (1900–2199): "31 February" or "0001" is not a date.
func valid(y, m, d, start, end int) (dateMatch, bool) {
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 {
		return dateMatch{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return dateMatch{}, false
	}
	return dateMatch{Date: Date{y, time.Month(m), d}, Start: start, End: end}, true
}

// parseDate reads s when s is a date and nothing else (a weekday, commas
// and a final full stop allowed).
func parseDate(s string) (dateMatch, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	m, ok := findDate(s)
	if !ok || strings.TrimSpace(s[:m.Start]) != "" || strings.Trim(s[m.End:], " ,.") != "" {
		return dateMatch{}, false
	}
	return m, true
}

// mailDate reads an e-mail's Date header, or the date of a message
// forwarded inline, which mailers write in words ("Sent: Monday, 13
// January 2025 17:40", "Date: Mon, 13 Jan 2025 at 17:40").
func mailDate(s string) (Date, bool) {
	t, err := mail.ParseDate(s)
	if err != nil {
		if m, ok := findDate(s); ok {
			return m.Date, true
		}
		return Date{}, false
	}
	if _, ok := valid(t.Year(), int(t.Month()), t.Day(), 0, 0); !ok {
		return Date{}, false
	}
	return Date{t.Year(), t.Month(), t.Day()}, true
}

// clockTime is "00:01", "00.01", "0001 hours", "12.01am", "9am", "noon",
// "midnight" in an embargo line.
var clockTime = lazyre.New(`(?i)\b(?:([0-2]?[0-9])[:.]([0-5][0-9])\s*(am|pm|a\.m\.|p\.m\.)?|([0-2][0-9])([0-5][0-9])\s*(?:hrs|hours)|([01]?[0-9])\s*(am|pm|a\.m\.|p\.m\.)|(midnight|noon|midday))`)

// Embargo is the local date and time a release is embargoed until, and
// the zone the text named, if any ("GMT", "BST").
type Embargo struct {
	Date         Date
	Hour, Minute int
	Zone         string
}

// findEmbargoTime reads the time of day and the date of an embargo line
// ("EMBARGOED UNTIL 00:01 1 June 2015", "Embargoed: 00.01 hours,
// Thursday 9 January 2025").
func findEmbargoTime(s string) (Embargo, bool) {
	d, ok := findDate(s)
	if !ok {
		return Embargo{}, false
	}
	e := Embargo{Date: d.Date}
	m := clockTime.FindStringSubmatch(s)
	if m == nil {
		return Embargo{}, false
	}
	switch {
	case m[1] != "":
		e.Hour, _ = strconv.Atoi(m[1])
		e.Minute, _ = strconv.Atoi(m[2])
		e.Hour = twelveHour(e.Hour, m[3])
	case m[4] != "":
		e.Hour, _ = strconv.Atoi(m[4])
		e.Minute, _ = strconv.Atoi(m[5])
	case m[6] != "":
		e.Hour, _ = strconv.Atoi(m[6])
		e.Hour = twelveHour(e.Hour, m[7])
	case strings.EqualFold(m[8], "midnight"):
		e.Hour = 0
	default:
		e.Hour = 12
	}
	if e.Hour > 23 {
		return Embargo{}, false
	}
	up := strings.ToUpper(s)
	for _, z := range []string{"GMT", "BST", "UTC"} {
		if regexp.MustCompile(`\b` + z + `\b`).MatchString(up) {
			e.Zone = z
		}
	}
	return e, true
}

func twelveHour(h int, ampm string) int {
	switch strings.ToLower(strings.ReplaceAll(ampm, ".", "")) {
	case "am":
		if h == 12 {
			return 0
		}
	case "pm":
		if h < 12 {
			return h + 12
		}
	}
	return h
}
