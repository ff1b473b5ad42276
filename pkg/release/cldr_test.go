package release

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// cldrJSON is the part of CLDR's ca-gregorian.json and numbers.json the
// tables come from, read straight from testdata/cldr.
type cldrJSON struct {
	months, days map[string]string
	long, full   string
	numbering    string
	digits       string
}

func readCLDR(t *testing.T, lang string) cldrJSON {
	t.Helper()
	var g map[string]map[string]struct {
		Dates struct {
			Calendars struct {
				Gregorian struct {
					Months struct {
						Format struct{ Wide map[string]string } `json:"format"`
					} `json:"months"`
					Days struct {
						Format struct{ Wide map[string]string } `json:"format"`
					} `json:"days"`
					DateFormats map[string]any `json:"dateFormats"`
				} `json:"gregorian"`
			} `json:"calendars"`
		} `json:"dates"`
	}
	var n map[string]map[string]struct {
		Numbers struct {
			Default string `json:"defaultNumberingSystem"`
		} `json:"numbers"`
	}
	var ns struct {
		Supplemental struct {
			NumberingSystems map[string]struct {
				Digits string `json:"_digits"`
			} `json:"numberingSystems"`
		} `json:"supplemental"`
	}
	for file, v := range map[string]any{
		filepath.Join(lang, "ca-gregorian.json"): &g,
		filepath.Join(lang, "numbers.json"):      &n,
		"numberingSystems.json":                  &ns,
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "cldr", file))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	cal := g["main"][lang].Dates.Calendars.Gregorian
	c := cldrJSON{months: cal.Months.Format.Wide, days: cal.Days.Format.Wide, numbering: n["main"][lang].Numbers.Default}
	c.long, _ = cal.DateFormats["long"].(string)
	c.full, _ = cal.DateFormats["full"].(string)
	if c.numbering != "latn" {
		c.digits = ns.Supplemental.NumberingSystems[c.numbering].Digits
	}
	return c
}

// expand writes 17 December 2024 by a CLDR long pattern the simple way,
// for the patterns these languages have: quoted text, MMMM, d, y.
func (c cldrJSON) expand(pattern string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(pattern); i++ {
		switch {
		case pattern[i] == '\'':
			quoted = !quoted
		case quoted:
			b.WriteByte(pattern[i])
		case strings.HasPrefix(pattern[i:], "MMMM"):
			b.WriteString(c.months["12"])
			i += 3
		case pattern[i] == 'M':
			b.WriteString("12")
		case pattern[i] == 'd':
			b.WriteString("17")
		case pattern[i] == 'y':
			b.WriteString("2024")
		default:
			b.WriteByte(pattern[i])
		}
	}
	s := b.String()
	if c.digits != "" {
		d := []rune(c.digits)
		s = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return d[r-'0']
			}
			return r
		}, s)
	}
	return s
}

// expandDigits writes ASCII digits in the language's default digits.
func (c cldrJSON) expandDigits(s string) string {
	if c.digits == "" {
		return s
	}
	d := []rune(c.digits)
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return d[r-'0']
		}
		return r
	}, s)
}

func TestDatesAgreeWithCLDR(t *testing.T) {
	d := statement.Date{Year: 2024, Month: time.December, Day: 17}
	for tag, tb := range tables {
		c := readCLDR(t, tb.cldr)
		w := WordsFor(tag)
		for m := 1; m <= 12; m++ {
			if got, want := w.Months[m-1], c.months[pad(m, 1)]; got != want {
				t.Errorf("%s: month %d = %q, CLDR says %q", tag, m, got, want)
			}
		}
		for i, k := range []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
			if got, want := w.Weekdays[i], c.days[k]; got != want {
				t.Errorf("%s: weekday %s = %q, CLDR says %q", tag, k, got, want)
			}
		}
		for _, style := range []layout.DateStyle{"ordinal", "day-month", "month-day"} {
			if got, want := w.FormatDate(d, style), c.expand(c.long); got != want {
				t.Errorf("%s: FormatDate(%s) = %q, CLDR's long format gives %q", tag, style, got, want)
			}
		}
		if got := w.FormatDate(d, "iso"); got != "2024-12-17" {
			t.Errorf("%s: iso = %q", tag, got)
		}
	}
	// American English is CLDR's "en".
	if got, want := WordsFor("en-US").FormatDate(d, "ordinal"), readCLDR(t, "en").expand(readCLDR(t, "en").long); got != want {
		t.Errorf("en-US: %q, CLDR says %q", got, want)
	}
}

// TestDatesRead are the dates a person has read, from the issue.
func TestDatesRead(t *testing.T) {
	d := statement.Date{Year: 2024, Month: time.December, Day: 17}
	for lang, want := range map[string]string{
		"cy":    "17 Rhagfyr 2024",
		"cy-GB": "17 Rhagfyr 2024",
		"fr":    "17 décembre 2024",
		"de":    "17. Dezember 2024",
		"pl":    "17 grudnia 2024",
		"en-US": "December 17, 2024",
		"en-GB": "17th December 2024",
		"en":    "17th December 2024",
		"es":    "17 de diciembre de 2024",
		"bn":    "১৭ ডিসেম্বর, ২০২৪",
		"zh":    "2024年12月17日",
	} {
		if got := WordsFor(lang).FormatDate(d, "ordinal"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestEmbargoLines are embargo lines a person has read, in winter (GMT)
// and in summer (British Summer Time), each zone named as the language
// names it.
func TestEmbargoLines(t *testing.T) {
	l := &layout.Layout{Text: layout.Wording{Immediate: "For immediate release", Embargoed: "Embargoed until {time}", EmbargoZone: "UK", EndMark: "ENDS", MoreMark: "- more -"}, DateStyle: "ordinal"}
	winter := &statement.Embargo{Time: time.Date(2024, 12, 17, 0, 1, 0, 0, time.UTC)}
	summer := &statement.Embargo{Time: time.Date(2025, 7, 1, 9, 30, 0, 0, time.UTC)}
	plus2 := &statement.Embargo{Time: time.Date(2025, 7, 1, 9, 30, 0, 0, time.FixedZone("", 7200)), HasZone: true}
	for _, tc := range []struct {
		lang string
		e    *statement.Embargo
		want string
	}{
		{"en-GB", winter, "Embargoed until 00:01 GMT, Tuesday 17th December 2024"},
		{"en-GB", summer, "Embargoed until 09:30 BST, Tuesday 1st July 2025"},
		{"en-US", winter, "Embargoed until 00:01 GMT, Tuesday, December 17, 2024"},
		{"cy", winter, "Dan embargo 00:01 Amser Safonol Greenwich dydd Mawrth 17 Rhagfyr 2024"},
		{"cy", summer, "Dan embargo 09:30 Amser Haf Prydain dydd Mawrth 1 Gorffennaf 2025"},
		{"cy", plus2, "Dan embargo 09:30 GMT+2 dydd Mawrth 1 Gorffennaf 2025"},
		{"ga", winter, "Faoi lánchosc go dtí Dé Máirt 17 Nollaig 2024 00:01 MAG"},
		{"ga", summer, "Faoi lánchosc go dtí Dé Máirt 1 Iúil 2025 09:30 ASB"},
		{"fr", winter, "Sous embargo jusqu'au mardi 17 décembre 2024, 00:01 heure moyenne de Greenwich"},
		{"fr", plus2, "Sous embargo jusqu'au mardi 1 juillet 2025, 09:30 UTC+2"},
		{"de", winter, "Sperrfrist: Dienstag, 17. Dezember 2024, 00:01 Mittlere Greenwich-Zeit"},
		{"de", summer, "Sperrfrist: Dienstag, 1. Juli 2025, 09:30 Britische Sommerzeit"},
		{"pl", winter, "Embargo: wtorek, 17 grudnia 2024 00:01 czas uniwersalny"},
	} {
		w := WordsFor(tc.lang)
		w.resolve(l, tc.lang)
		if got := w.ReleaseLine(tc.e, l); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// cldrZonesJSON is the part of CLDR's timeZoneNames.json the zone names
// come from, read straight from testdata/cldr/LANG/timeZoneNames.json (an
// extract of the file, its structure kept).
type cldrZonesJSON struct {
	GMTFormat     string `json:"gmtFormat"`
	GMTZeroFormat string `json:"gmtZeroFormat"`
	HourFormat    string `json:"hourFormat"`
	Metazone      map[string]struct {
		Long, Short map[string]string
	} `json:"metazone"`
	Zone map[string]map[string]struct {
		Long, Short map[string]string
	} `json:"zone"`
}

func readCLDRZones(t *testing.T, lang string) cldrZonesJSON {
	t.Helper()
	var z map[string]map[string]struct {
		Dates struct {
			TimeZoneNames cldrZonesJSON `json:"timeZoneNames"`
		} `json:"dates"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "cldr", lang, "timeZoneNames.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &z); err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	return z["main"][lang].Dates.TimeZoneNames
}

// TestZonesAgreeWithCLDR checks the zone every language's embargo line
// names against CLDR's own timeZoneNames.json: the language's own
// abbreviation when it has one English does not, else its own long
// name, else CLDR's GMT format for the offset.
func TestZonesAgreeWithCLDR(t *testing.T) {
	en, enGB := readCLDRZones(t, "en"), readCLDRZones(t, "en-GB")
	type pick func(z cldrZonesJSON) (long, short string)
	zones := []struct {
		zone   Zone
		names  pick
		offset string // the offset in CLDR's short GMT format, before digits
	}{
		{Zone{Kind: GMT}, func(z cldrZonesJSON) (string, string) {
			return z.Metazone["GMT"].Long["standard"], z.Metazone["GMT"].Short["standard"]
		}, ""},
		{Zone{Kind: BST, Offset: 3600}, func(z cldrZonesJSON) (string, string) {
			return z.Zone["Europe"]["London"].Long["daylight"], z.Zone["Europe"]["London"].Short["daylight"]
		}, "+1"},
		{Zone{Kind: UTC}, func(z cldrZonesJSON) (string, string) {
			return z.Zone["Etc"]["UTC"].Long["standard"], z.Zone["Etc"]["UTC"].Short["standard"]
		}, ""},
	}
	for tag, tb := range tables {
		c, z := readCLDR(t, tb.cldr), readCLDRZones(t, tb.cldr)
		w := WordsFor(tag)
		gmt := func(offset string) string {
			if offset == "" {
				return z.GMTZeroFormat
			}
			pos, neg, _ := strings.Cut(z.HourFormat, ";")
			p := pos
			if offset[0] == '-' {
				p = neg
			}
			h, m, _ := strings.Cut(offset[1:], ":")
			if m == "" {
				p = strings.Replace(p, ":mm", "", 1)
			}
			p = strings.NewReplacer("HH", h, "mm", m).Replace(p)
			return c.expandDigits(strings.Replace(z.GMTFormat, "{0}", p, 1))
		}
		for _, zn := range zones {
			long, short := zn.names(z)
			enLong, enShort := zn.names(en)
			gbLong, gbShort := zn.names(enGB)
			want := gmt(zn.offset)
			switch {
			case short != "" && short != enShort && short != gbShort:
				want = short
			case long != "" && long != enLong && long != gbLong:
				want = long
			}
			if got := w.ZoneName(zn.zone); got != want {
				t.Errorf("%s: zone %v = %q, CLDR says %q", tag, zn.zone, got, want)
			}
		}
		for off, text := range map[int]string{7200: "+2", -(5*3600 + 1800): "-5:30"} {
			if got, want := w.ZoneName(Zone{Kind: Offset, Offset: off}), gmt(text); got != want {
				t.Errorf("%s: offset %d = %q, CLDR's GMT format gives %q", tag, off, got, want)
			}
		}
	}
	// English writes what it always has, which is CLDR en-GB's short names.
	for kind, want := range map[ZoneKind]string{GMT: enGB.Metazone["GMT"].Short["standard"], BST: enGB.Zone["Europe"]["London"].Short["daylight"], UTC: enGB.Zone["Etc"]["UTC"].Short["standard"]} {
		if got := WordsFor("en-GB").ZoneName(Zone{Kind: kind, Offset: 3600 * int(kind%2)}); got != want {
			t.Errorf("en-GB: zone %d = %q, CLDR en-GB says %q", kind, got, want)
		}
	}
}

func TestLabelKeys(t *testing.T) {
	w := WordsFor("cy")
	for _, k := range layout.WordKeys {
		if w.label(k) == nil {
			t.Errorf("layout.WordKeys has %q, which Words has no field for", k)
		}
	}
	for tag, tb := range tables {
		for _, k := range strings.Fields(tb.unchecked) {
			if w.label(k) == nil {
				t.Errorf("%s: unchecked names %q, not a label", tag, k)
			}
		}
		for k := range tb.labels {
			if w.label(k) == nil {
				t.Errorf("%s: label %q is not a label", tag, k)
			}
		}
	}
}

func TestMatchLang(t *testing.T) {
	for lang, want := range map[string]Match{
		"":        {"en-GB", "British English", true},
		"en-GB":   {"en-GB", "British English", true},
		"en":      {"en-GB", "British English", true},
		"en-US":   {"en-US", "American English", true},
		"cy":      {"cy", "Welsh", true},
		"cy-GB":   {"cy", "Welsh", true},
		"pa-Guru": {"pa", "Punjabi (Gurmukhi)", true},
		"pa":      {"pa", "Punjabi (Gurmukhi)", true},
		"zh-Hant": {"zh", "Chinese (Simplified)", false},
		"tlh":     {"en-GB", "British English", false},
		"fr-CA":   {"fr", "French", true},
	} {
		if got := MatchLang(lang); got != want {
			t.Errorf("MatchLang(%q) = %+v, want %+v", lang, got, want)
		}
	}
}
