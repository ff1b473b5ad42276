package release_test

import (
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

func TestFormatDate(t *testing.T) {
	d := statement.Date{Year: 2024, Month: time.December, Day: 17}
	for _, tc := range []struct {
		style layout.DateStyle
		date  statement.Date
		want  string
	}{
		{"ordinal", d, "17th December 2024"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 1}, "1st March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 2}, "2nd March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 3}, "3rd March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 11}, "11th March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 12}, "12th March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 13}, "13th March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 21}, "21st March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 22}, "22nd March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 23}, "23rd March 2025"},
		{"ordinal", statement.Date{Year: 2025, Month: time.March, Day: 31}, "31st March 2025"},
		{"day-month", d, "17 December 2024"},
		{"month-day", d, "December 17, 2024"},
		{"iso", d, "2024-12-17"},
		{"iso", statement.Date{Year: 2025, Month: time.March, Day: 1}, "2025-03-01"},
	} {
		if got := release.WordsFor("en-GB").FormatDate(tc.date, tc.style); got != tc.want {
			t.Errorf("%s: FormatDate(%v) = %q, want %q", tc.style, tc.date, got, tc.want)
		}
	}
}

func TestReleaseLine(t *testing.T) {
	lon := func(y int, m time.Month, d, h, min int) *statement.Embargo {
		return &statement.Embargo{Time: time.Date(y, m, d, h, min, 0, 0, time.UTC)}
	}
	off := func(y int, m time.Month, d, h, min int, offset int) *statement.Embargo {
		return &statement.Embargo{Time: time.Date(y, m, d, h, min, 0, 0, time.FixedZone("", offset)), HasZone: true}
	}
	for _, tc := range []struct {
		name  string
		style layout.DateStyle
		zone  string
		e     *statement.Embargo
		want  string
	}{
		{"none", "day-month", "UK", nil, "For immediate release"},
		{"local winter", "day-month", "UK", lon(2024, 12, 17, 0, 1), "Embargoed until 00:01 GMT, Tuesday 17 December 2024"},
		{"local summer", "ordinal", "UK", lon(2025, 7, 1, 9, 30), "Embargoed until 09:30 BST, Tuesday 1st July 2025"},
		// 2025: BST from Sunday 30 March to Sunday 26 October.
		{"day before BST", "day-month", "UK", lon(2025, 3, 29, 12, 0), "Embargoed until 12:00 GMT, Saturday 29 March 2025"},
		{"clocks go forward: 00:59 is GMT", "day-month", "UK", lon(2025, 3, 30, 0, 59), "Embargoed until 00:59 GMT, Sunday 30 March 2025"},
		{"clocks go forward: the missing hour is taken as GMT", "day-month", "UK", lon(2025, 3, 30, 1, 30), "Embargoed until 01:30 GMT, Sunday 30 March 2025"},
		{"clocks go forward: 02:00 is BST", "day-month", "UK", lon(2025, 3, 30, 2, 0), "Embargoed until 02:00 BST, Sunday 30 March 2025"},
		{"clocks go back: the repeated hour is taken as BST", "day-month", "UK", lon(2025, 10, 26, 1, 30), "Embargoed until 01:30 BST, Sunday 26 October 2025"},
		{"clocks go back: 02:00 is GMT", "day-month", "UK", lon(2025, 10, 26, 2, 0), "Embargoed until 02:00 GMT, Sunday 26 October 2025"},
		{"local in a UTC layout", "day-month", "UTC", lon(2025, 7, 1, 9, 30), "Embargoed until 09:30 UTC, Tuesday 1 July 2025"},
		{"local in a fixed-offset layout", "day-month", "+02:00", lon(2025, 7, 1, 9, 30), "Embargoed until 09:30 UTC+02:00, Tuesday 1 July 2025"},
		{"offset +00:00 in winter is GMT", "day-month", "UK", off(2024, 12, 17, 0, 1, 0), "Embargoed until 00:01 GMT, Tuesday 17 December 2024"},
		{"offset +01:00 in summer is BST", "day-month", "UK", off(2025, 7, 1, 9, 30, 3600), "Embargoed until 09:30 BST, Tuesday 1 July 2025"},
		{"offset +00:00 in summer is UTC", "day-month", "UK", off(2025, 7, 1, 9, 30, 0), "Embargoed until 09:30 UTC, Tuesday 1 July 2025"},
		{"offset +01:00 in winter is not BST", "day-month", "UK", off(2024, 12, 17, 0, 1, 3600), "Embargoed until 00:01 UTC+01:00, Tuesday 17 December 2024"},
		{"other offset", "day-month", "UK", off(2025, 7, 1, 9, 30, -5*3600), "Embargoed until 09:30 UTC-05:00, Tuesday 1 July 2025"},
		{"month-day", "month-day", "UK", lon(2024, 12, 17, 0, 1), "Embargoed until 00:01 GMT, Tuesday, December 17, 2024"},
		{"iso", "iso", "UK", lon(2024, 12, 17, 0, 1), "Embargoed until 2024-12-17 00:01 GMT"},
	} {
		l := &layout.Layout{DateStyle: tc.style, Text: layout.Wording{
			Immediate: "For immediate release", Embargoed: "Embargoed until {time}", EmbargoZone: tc.zone,
		}}
		if got := release.WordsFor("en-GB").ReleaseLine(tc.e, l); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestKindAndOrganisation(t *testing.T) {
	l := &layout.Layout{Text: layout.Wording{Kind: "Press release"}, Organisation: layout.Organisation{Name: "Press Office"}}
	if got := release.KindLabel(&statement.Statement{}, l); got != "Press release" {
		t.Errorf("KindLabel(no kind) = %q", got)
	}
	if got := release.KindLabel(&statement.Statement{Kind: "Partnership statement"}, l); got != "Partnership statement" {
		t.Errorf("KindLabel(kind) = %q", got)
	}
	if got := release.OrganisationName(&statement.Statement{}, l); got != "Press Office" {
		t.Errorf("OrganisationName(none) = %q", got)
	}
	if got := release.OrganisationName(&statement.Statement{Organisation: "Riverside Council"}, l); got != "Riverside Council" {
		t.Errorf("OrganisationName(set) = %q", got)
	}
}

func TestEmbargoEnd(t *testing.T) {
	local := func(y int, m time.Month, d, h, min int) *statement.Embargo {
		return &statement.Embargo{Time: time.Date(y, m, d, h, min, 0, 0, time.UTC)}
	}
	tests := []struct {
		zone string
		e    *statement.Embargo
		want time.Time
	}{
		// UK time: GMT in winter, BST (UTC+1) in summer.
		{"UK time", local(2024, 12, 17, 0, 1), time.Date(2024, 12, 17, 0, 1, 0, 0, time.UTC)},
		{"UK time", local(2025, 6, 18, 0, 1), time.Date(2025, 6, 17, 23, 1, 0, 0, time.UTC)},
		{"", local(2025, 6, 18, 0, 1), time.Date(2025, 6, 17, 23, 1, 0, 0, time.UTC)},
		// A fixed offset.
		{"+02:00", local(2025, 6, 18, 9, 0), time.Date(2025, 6, 18, 7, 0, 0, 0, time.UTC)},
		{"UTC", local(2025, 6, 18, 9, 0), time.Date(2025, 6, 18, 9, 0, 0, 0, time.UTC)},
		// A zone in the statement wins over the layout's.
		{"UK time", &statement.Embargo{Time: time.Date(2025, 6, 18, 9, 0, 0, 0, time.FixedZone("", -5*3600)), HasZone: true},
			time.Date(2025, 6, 18, 14, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		l := &layout.Layout{Text: layout.Wording{EmbargoZone: tc.zone}}
		if got := release.EmbargoEnd(tc.e, l.Text.Zone()); !got.Equal(tc.want) {
			t.Errorf("zone %q, embargo %v: EmbargoEnd = %v, want %v", tc.zone, tc.e.Time, got.UTC(), tc.want)
		}
	}
}
