package archive

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

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

// dateMatch is a date found in a text and where it stood.
type dateMatch struct {
	Date       Date
	Start, End int // byte offsets in the text
	// Numeric is set for 17/12/2024-style dates, whose day and month a
	// reader must take on trust (pressroom reads them day first, as UK
	// releases write them).
	Numeric bool
}

// maxDateText is how much of a text findDate reads: its callers pass a
// line of a header (an embargo line, a Date field, a page's date), and
// reading a whole paragraph by every language's patterns would cost
// milliseconds for nothing.
const maxDateText = 1024

// findDate returns the first date written in s, in any of the forms
// releases use: in words, by any language's CLDR patterns and names
// (datenames.go), or in figures, ISO or day first, in any digits. Only
// the first maxDateText bytes of s are read.
func findDate(s string) (dateMatch, bool) {
	if len(s) > maxDateText {
		cut := maxDateText
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	t := loadDateTables()
	if !t.hasDigit(s) {
		return dateMatch{}, false
	}
	best := dateMatch{Start: -1}
	try := func(m dateMatch) {
		if best.Start < 0 || m.Start < best.Start || m.Start == best.Start && m.End > best.End {
			best = m
		}
	}
	for _, f := range t.forms {
		eachMatch(f.re, s, func(m []int) bool {
			dm, ok := f.build(t, s, m)
			if ok {
				try(dm)
			}
			return ok
		})
	}
	eachMatch(t.iso, s, func(m []int) bool {
		dm, ok := valid(t.number(s[m[4]:m[5]]), t.number(s[m[6]:m[7]]), t.number(s[m[8]:m[9]]), m[2], m[3])
		if ok {
			try(dm)
		}
		return ok
	})
	eachMatch(t.numeric, s, func(m []int) bool {
		if s[m[6]:m[7]] != s[m[10]:m[11]] {
			return false
		}
		y := t.number(s[m[12]:m[13]])
		if utf8.RuneCountInString(s[m[12]:m[13]]) == 2 {
			y += 2000
		}
		dm, ok := valid(y, t.number(s[m[8]:m[9]]), t.number(s[m[4]:m[5]]), m[2], m[3])
		dm.Numeric = true
		if ok {
			try(dm)
		}
		return ok
	})
	return best, best.Start >= 0
}

// build reads the date form f matched at m.
func (f dateForm) build(t *dateTables, s string, m []int) (dateMatch, bool) {
	var mo int
	if f.numericMonth {
		mo = t.number(s[m[2*f.month]:m[2*f.month+1]])
	} else {
		month, ok := f.months[foldName(s[m[2*f.month]:m[2*f.month+1]])]
		if !ok {
			return dateMatch{}, false
		}
		if f.month2 > 0 && m[2*f.month2] >= 0 {
			// Both names of "تموز/ يوليو" must name the same month.
			if again, ok := f.months[foldName(s[m[2*f.month2]:m[2*f.month2+1]])]; !ok || again != month {
				return dateMatch{}, false
			}
		}
		mo = int(month)
	}
	return valid(t.number(s[m[2*f.year]:m[2*f.year+1]]), mo, t.number(s[m[2*f.day]:m[2*f.day+1]]), m[2], m[3])
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

// maxDateLine is the longest a line that is only a date can be, in
// characters ("Wednesday, 17th of September 2024", "বৃহস্পতিবার, ১৮ সেপ্টেম্বর, ২০২৫").
const maxDateLine = 100

// parseDate reads s when s is a date and nothing else (a weekday, commas
// and a final full stop allowed).
func parseDate(s string) (dateMatch, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if utf8.RuneCountInString(s) > maxDateLine {
		return dateMatch{}, false
	}
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
