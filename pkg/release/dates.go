package release

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// FormatDate writes d in a layout's date style with w's month names:
// "17th December 2024" (ordinal), "17 December 2024" (day-month),
// "December 17, 2024" (month-day) or "2024-12-17" (iso). The date prefix
// is the caller's.
//
// Every language but English writes its date as CLDR's long format says
// ("17 Rhagfyr 2024", "17. Dezember 2024", "17 grudnia 2024") whatever
// the style but "iso"; American English writes month-day.
func (w *Words) FormatDate(d statement.Date, style layout.DateStyle) string {
	style = w.style(style)
	if w.cldr != nil && style != "iso" {
		return w.cldr.format(w.cldr.DateLong, d.Time())
	}
	switch style {
	case "iso":
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	case "month-day":
		return fmt.Sprintf("%s %d, %d", w.month(d.Month), d.Day, d.Year)
	case "day-month":
		return fmt.Sprintf("%d %s %d", d.Day, w.month(d.Month), d.Year)
	default:
		return fmt.Sprintf("%d%s %s %d", d.Day, w.Ordinal(d.Day), w.month(d.Month), d.Year)
	}
}

// ReleaseLine is the line that says when the release may be published:
// the layout's immediate wording (possibly empty) without an embargo, else
// its embargoed wording with {time} replaced by the time, its zone, the
// weekday and the date, e.g. "00:01 GMT, Tuesday 17th December 2024".
//
// An embargo written with an offset is shown in that offset: GMT or
// British Summer Time when the offset is the one UK time has at that
// moment, else UTC or the offset itself. An embargo written without one
// is taken to be in the layout's embargo zone (UK time for the built-in
// layouts). The zone is named as the language names it (ZoneName).
func (w *Words) ReleaseLine(e *statement.Embargo, l *layout.Layout) string {
	immediate, embargoed := w.Immediate, w.Embargoed
	if w.fromLayout && !w.resolved {
		immediate, embargoed = l.Text.Immediate, l.Text.Embargoed
	}
	if e == nil {
		return immediate
	}
	return fill(embargoed, "time", w.EmbargoTime(e, l))
}

// style is the date style w writes for a layout's: the layout's in
// British English, CLDR's (or month-day) elsewhere, "iso" everywhere.
func (w *Words) style(s layout.DateStyle) layout.DateStyle {
	if w.dateStyle != "" && s != "iso" {
		return layout.DateStyle(w.dateStyle)
	}
	return s
}

// EmbargoTime writes the embargo moment as ReleaseLine does.
func (w *Words) EmbargoTime(e *statement.Embargo, l *layout.Layout) string {
	wall, z := embargoWall(e, l.Text.Zone())
	zone := w.ZoneName(z)
	d := statement.Date{Year: wall.Year(), Month: wall.Month(), Day: wall.Day()}
	style := w.style(l.DateStyle)
	if c := w.cldr; c != nil {
		clock := c.format(c.TimeShort, wall) + " " + zone
		switch {
		case style == "iso":
			return w.FormatDate(d, style) + " " + clock
		case w.embargoAt != "":
			day := w.weekday(wall.Weekday())
			if w.lowerWeekday {
				day = lowerFirst(day)
			}
			return fill(w.embargoAt, "time", c.format(c.TimeShort, wall), "zone", zone, "weekday", day, "date", w.FormatDate(d, style))
		}
		return c.dateTime(c.format(c.DateFull, wall), clock)
	}
	clock := fmt.Sprintf("%02d:%02d %s", wall.Hour(), wall.Minute(), zone)
	switch style {
	case "iso":
		return w.FormatDate(d, style) + " " + clock
	case "month-day":
		return fmt.Sprintf("%s, %s, %s", clock, w.weekday(wall.Weekday()), w.FormatDate(d, style))
	default:
		return fmt.Sprintf("%s, %s %s", clock, w.weekday(wall.Weekday()), w.FormatDate(d, style))
	}
}

// lowerFirst lower-cases the first letter: "Dydd Mawrth" → "dydd Mawrth".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// EmbargoEnd returns the instant the embargo ends: the moment itself when
// the statement gave a zone, else its clock reading in the layout's
// embargo zone (UK time unless the layout says otherwise) — the same
// reading ReleaseLine prints, so the PDF and an e-mail's "EMBARGOED:"
// subject always agree.
func EmbargoEnd(e *statement.Embargo, zone layout.Zone) time.Time {
	if e.HasZone {
		return e.Time
	}
	wall, _ := embargoWall(e, zone)
	if zone.UK {
		if ukSummerWall(wall) {
			return wall.Add(-time.Hour)
		}
		return wall
	}
	return wall.Add(-time.Duration(zone.Offset) * time.Second)
}

// embargoWall returns the embargo's clock time as it will be shown and
// its zone.
func embargoWall(e *statement.Embargo, zone layout.Zone) (time.Time, Zone) {
	t := e.Time
	if e.HasZone {
		_, off := t.Zone()
		utc := t.UTC()
		switch {
		case off == 0 && !ukSummer(utc):
			return t, Zone{Kind: GMT}
		case off == 3600 && ukSummer(utc):
			return t, Zone{Kind: BST, Offset: 3600}
		}
		return t, offsetZone(off)
	}
	// A local date-time: its clock reading is in the layout's zone. Time
	// carries that reading as if it were UTC.
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	if zone.UK {
		if ukSummerWall(wall) {
			return wall, Zone{Kind: BST, Offset: 3600}
		}
		return wall, Zone{Kind: GMT}
	}
	return wall, offsetZone(zone.Offset)
}

func offsetZone(off int) Zone {
	if off == 0 {
		return Zone{Kind: UTC}
	}
	return Zone{Kind: Offset, Offset: off}
}

// lastSunday returns the day of month of the last Sunday of month in year.
func lastSunday(year int, month time.Month) int {
	last := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC)
	return last.Day() - int(last.Weekday())
}

// ukSummer reports whether the moment t falls in British Summer Time: from
// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October (the rule since 1996). pkg/ computes this itself so that no
// time zone database is needed and output never depends on the machine.
func ukSummer(t time.Time) bool {
	t = t.UTC()
	y := t.Year()
	start := time.Date(y, time.March, lastSunday(y, time.March), 1, 0, 0, 0, time.UTC)
	end := time.Date(y, time.October, lastSunday(y, time.October), 1, 0, 0, 0, time.UTC)
	return !t.Before(start) && t.Before(end)
}

// ukSummerWall reports whether a UK clock reading (carried as UTC) is in
// British Summer Time. Clocks go forward from 01:00 to 02:00 on the last
// Sunday of March, so a reading from 01:00 to 01:59 that day does not
// exist; it is taken as GMT. They go back from 02:00 to 01:00 on the last
// Sunday of October, so a reading from 01:00 to 01:59 that day happens
// twice; it is taken as the first, BST. Both rules are fixed so the
// output never varies.
func ukSummerWall(wall time.Time) bool {
	y := wall.Year()
	start := time.Date(y, time.March, lastSunday(y, time.March), 2, 0, 0, 0, time.UTC)
	end := time.Date(y, time.October, lastSunday(y, time.October), 2, 0, 0, 0, time.UTC)
	return !wall.Before(start) && wall.Before(end)
}
