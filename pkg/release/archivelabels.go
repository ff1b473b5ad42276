package release

import "strings"

// LabelReading is how one language's table writes the lines pressroom
// import must recognise in an archived release: its labels and the
// forms of an embargo's time. Import reads them from here so that a
// language's wording has one home, this package's tables.
type LabelReading struct {
	// Lang is the table's tag ("pl", "en-GB").
	Lang string
	// Kind is the label above the headline ("Komunikat prasowy").
	Kind string
	// Embargoed is the embargo line around "{time}" ("Embargo: {time}",
	// "{time} تک اشاعت ممنوع").
	Embargoed string
	// AM and PM are CLDR's day periods, for a 12-hour time ("5:00 PM",
	// Arabic "5:00 م"); empty for English, whose forms import knows.
	AM, PM string
	// GMT, BST and UTC are the names the table writes those zones by
	// (Welsh "Amser Safonol Greenwich"), and OffsetPrefix what it writes
	// before any other offset ("GMT", French "UTC", Arabic "غرينتش").
	GMT, BST, UTC, OffsetPrefix string
}

// LabelReadings returns every table's reading, in a fixed order
// (British English first).
func LabelReadings() []LabelReading {
	out := make([]LabelReading, 0, len(supported))
	for _, tag := range supported {
		w := WordsFor(tag)
		r := LabelReading{Lang: w.Lang, Kind: w.Kind, Embargoed: w.Embargoed,
			GMT: w.ZoneName(Zone{Kind: GMT}), BST: w.ZoneName(Zone{Kind: BST, Offset: 3600}), UTC: w.ZoneName(Zone{Kind: UTC}),
			OffsetPrefix: "GMT"}
		if c := w.cldr; c != nil {
			r.AM, r.PM = c.AM, c.PM
			r.OffsetPrefix = strings.TrimSpace(strings.Replace(c.Zones.GMTFormat, "{0}", "", 1))
		}
		out = append(out, r)
	}
	return out
}
