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

func TestEmbargoLines(t *testing.T) {
	l := &layout.Layout{Text: layout.Wording{Immediate: "For immediate release", Embargoed: "Embargoed until {time}", EmbargoZone: "UK", EndMark: "ENDS", MoreMark: "- more -"}, DateStyle: "ordinal"}
	e := &statement.Embargo{Time: time.Date(2024, 12, 17, 0, 1, 0, 0, time.UTC)}
	for lang, want := range map[string]string{
		"en-GB": "Embargoed until 00:01 GMT, Tuesday 17th December 2024",
		"en-US": "Embargoed until 00:01 GMT, Tuesday, December 17, 2024",
		"cy":    "Dan embargo 00:01 GMT dydd Mawrth 17 Rhagfyr 2024",
		"fr":    "Sous embargo jusqu'au mardi 17 décembre 2024, 00:01 GMT",
		"de":    "Sperrfrist: Dienstag, 17. Dezember 2024, 00:01 GMT",
		"pl":    "Embargo: wtorek, 17 grudnia 2024 00:01 GMT",
	} {
		w := WordsFor(lang)
		w.resolve(l, lang)
		if got := w.ReleaseLine(e, l); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
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
