package release

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

//go:generate go run ./internal/cldrgen -cldr $CLDR -o cldr_tables.go

// cldrLocale is what CLDR says about writing dates and times in one
// language (cldr_tables.go, generated from CLDR's JSON).
type cldrLocale struct {
	Months   [12]string // format context, wide: Polish "grudnia", not "grudzień"
	Weekdays [7]string  // Sunday first
	AM, PM   string
	// Patterns in CLDR's syntax: "d MMMM y", "EEEE, d MMMM y", "HH:mm",
	// and the glue "{1}, {0}" that sets a date ({1}) before a time ({0}).
	DateLong, DateFull, TimeShort, DateTimeFull string
	Numbering                                   string // "latn", "beng", …
	Digits                                      string // the ten digits when not "latn"
	Zones                                       cldrZones
}

// cldrZones is what CLDR's timeZoneNames.json says about the zones an
// embargo is written in: their names, and the localised GMT-offset
// format for any other offset.
type cldrZones struct {
	// GMT is the metazone GMT's standard name, BST the Europe/London
	// zone's daylight name, UTC the Etc/UTC zone's; an empty Long or
	// Short is a name CLDR does not give in this language.
	GMT, BST, UTC zoneName
	// GMTFormat ("GMT{0}", French "UTC{0}"), GMTZeroFormat ("GMT") and
	// HourFormat ("+HH:mm;-HH:mm") write an offset.
	GMTFormat, GMTZeroFormat, HourFormat string
}

// zoneName is one zone's long ("Amser Safonol Greenwich") and short
// ("GMT") name in one language.
type zoneName struct{ Long, Short string }

// format writes t by a CLDR date pattern. It knows the fields pressroom's
// patterns use: y, M…MMMM, d, E…EEEE, H, h, m, a, and quoted literals.
func (c *cldrLocale) format(pattern string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		ch := pattern[i]
		if ch == '\'' {
			j := i + 1
			for j < len(pattern) {
				if pattern[j] == '\'' {
					if j+1 < len(pattern) && pattern[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(pattern[j])
				j++
			}
			if j == i+1 && j < len(pattern) { // '' is a quote
				b.WriteByte('\'')
			}
			i = j + 1
			continue
		}
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
			_, size := utf8.DecodeRuneInString(pattern[i:])
			b.WriteString(pattern[i : i+size])
			i += size
			continue
		}
		n := 1
		for i+n < len(pattern) && pattern[i+n] == ch {
			n++
		}
		i += n
		switch ch {
		case 'y':
			if n == 2 {
				b.WriteString(c.digits(pad(t.Year()%100, 2)))
			} else {
				b.WriteString(c.digits(pad(t.Year(), n)))
			}
		case 'M', 'L':
			if n >= 3 {
				b.WriteString(c.Months[t.Month()-1])
			} else {
				b.WriteString(c.digits(pad(int(t.Month()), n)))
			}
		case 'd':
			b.WriteString(c.digits(pad(t.Day(), n)))
		case 'E', 'c':
			b.WriteString(c.Weekdays[t.Weekday()])
		case 'H':
			b.WriteString(c.digits(pad(t.Hour(), n)))
		case 'h':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			b.WriteString(c.digits(pad(h, n)))
		case 'm':
			b.WriteString(c.digits(pad(t.Minute(), n)))
		case 'a':
			if t.Hour() < 12 {
				b.WriteString(c.AM)
			} else {
				b.WriteString(c.PM)
			}
		}
	}
	return b.String()
}

func pad(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// digits writes the ASCII digits of s in the language's own digits when
// CLDR's default numbering system is not Latin (Bengali's is).
func (c *cldrLocale) digits(s string) string {
	if c == nil || c.Digits == "" {
		return s
	}
	d := []rune(c.Digits)
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return d[r-'0']
		}
		return r
	}, s)
}

// dateTime joins a date and a time by the language's glue.
func (c *cldrLocale) dateTime(date, clock string) string {
	return strings.NewReplacer("{1}", date, "{0}", clock).Replace(c.DateTimeFull)
}
