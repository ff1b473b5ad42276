// Command cldrgen writes pkg/release/cldr_tables.go from CLDR's own JSON
// (the npm packages cldr-dates-full, cldr-numbers-full and cldr-core,
// Unicode License v3, copied beside the output as CLDR-LICENSE.txt):
// month and weekday names, the long and full date patterns, the short
// time pattern, the date-time glue, AM/PM, the default digits, and the
// names of the zones an embargo is written in (GMT, British Summer Time,
// UTC, and the localised GMT-offset format) of every language pressroom
// has a table for. Which name an embargo line uses is pkg/release's rule
// (zones.go); this command copies what CLDR says, nothing more.
//
// For reading dates (pressroom import) it also writes every name CLDR
// gives a month and a weekday (format and stand-alone, wide and
// abbreviated: Polish "maja" and "maj"), those of the regional locales a
// language's writers in the UK use (Levant and Maghreb Arabic), the full,
// long and medium date patterns, and the digits a language writes (its
// default and its native numbering system: Urdu's ۰۱۲, Bengali's ০১২).
//
//	mkdir /tmp/cldr && cd /tmp/cldr && npm install cldr-dates-full@48.2.0 cldr-numbers-full@48.2.0 cldr-core@48.2.0
//	go run ./pkg/release/internal/cldrgen -cldr /tmp/cldr/node_modules -o pkg/release/cldr_tables.go
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
)

// Languages are CLDR's locale names for pressroom's tables.
var Languages = []string{"en", "en-GB", "cy", "ga", "gd", "fr", "de", "es", "it", "pl", "pt", "ro", "ur", "bn", "pa", "ar", "hi", "so", "zh"}

// Regional are the regional locales whose month names a language's
// readers also meet: Arabic in the UK is written by readers from the Gulf
// (ar's names), the Levant and Iraq ("كانون الثاني", "تموز") and the
// Maghreb ("جانفي", "ماي").
var Regional = map[string][]string{
	"ar": {"ar-SY", "ar-LB", "ar-JO", "ar-IQ", "ar-PS", "ar-MA", "ar-DZ", "ar-TN"},
	"ur": {"ur-IN"},
	"bn": {"bn-IN"},
}

func main() {
	dir := flag.String("cldr", "", "node_modules holding cldr-dates-full, cldr-numbers-full and cldr-core")
	out := flag.String("o", "cldr_tables.go", "the Go file to write")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "cldrgen:", err)
		os.Exit(1)
	}
}

// widths is one context of CLDR's month or day names.
type widths struct {
	Wide        map[string]string `json:"wide"`
	Abbreviated map[string]string `json:"abbreviated"`
}

type gregorian struct {
	Months struct {
		Format     widths `json:"format"`
		StandAlone widths `json:"stand-alone"`
	} `json:"months"`
	Days struct {
		Format     widths `json:"format"`
		StandAlone widths `json:"stand-alone"`
	} `json:"days"`
	DayPeriods struct {
		Format struct {
			Abbreviated map[string]string `json:"abbreviated"`
		} `json:"format"`
	} `json:"dayPeriods"`
	DateFormats     map[string]any `json:"dateFormats"`
	TimeFormats     map[string]any `json:"timeFormats"`
	DateTimeFormats map[string]any `json:"dateTimeFormats"`
}

// zoneNames is the part of CLDR's timeZoneNames.json an embargo line
// needs: the GMT metazone, the Europe/London zone (its daylight name is
// British Summer Time), Etc/UTC, and the localised GMT-offset format.
type zoneNames struct {
	GMTFormat     string `json:"gmtFormat"`
	GMTZeroFormat string `json:"gmtZeroFormat"`
	HourFormat    string `json:"hourFormat"`
	Metazone      struct {
		GMT names `json:"GMT"`
	} `json:"metazone"`
	Zone struct {
		Europe struct {
			London names `json:"London"`
		} `json:"Europe"`
		Etc struct {
			UTC names `json:"UTC"`
		} `json:"Etc"`
	} `json:"zone"`
}

type names struct {
	Long  map[string]string `json:"long"`
	Short map[string]string `json:"short"`
}

// numberingSystem is one of cldr-core's numberingSystems.json.
type numberingSystem struct {
	Type   string `json:"_type"`
	Digits string `json:"_digits"`
}

var days = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func readGregorian(dir, lang string) (gregorian, error) {
	var g struct {
		Main map[string]struct {
			Dates struct {
				Calendars struct{ Gregorian gregorian } `json:"calendars"`
			} `json:"dates"`
		} `json:"main"`
	}
	if err := readJSON(filepath.Join(dir, "cldr-dates-full", "main", lang, "ca-gregorian.json"), &g); err != nil {
		return gregorian{}, err
	}
	return g.Main[lang].Dates.Calendars.Gregorian, nil
}

// reading writes one DateReading: every name CLDR gives each month and
// weekday in lang and its regional locales, in a fixed order and once
// each, the full, long and medium date patterns, and the digits.
func reading(dir, lang string, cal gregorian, defaultSystem, native string, systems map[string]numberingSystem) (string, error) {
	cals := []gregorian{cal}
	for _, reg := range Regional[lang] {
		c, err := readGregorian(dir, reg)
		if err != nil {
			return "", err
		}
		cals = append(cals, c)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\t{Lang: %q,\n\t\tMonths: [12][]string{\n", lang)
	// A name may stand for one month only, or a date could not be read back.
	owner := map[string]int{}
	for m := 1; m <= 12; m++ {
		var names []string
		for _, c := range cals {
			for _, w := range []map[string]string{c.Months.Format.Wide, c.Months.StandAlone.Wide, c.Months.Format.Abbreviated, c.Months.StandAlone.Abbreviated} {
				names = appendNew(names, w[fmt.Sprint(m)])
			}
		}
		if len(names) == 0 {
			return "", fmt.Errorf("%s: no names for month %d", lang, m)
		}
		for _, s := range names {
			k := strings.ToLower(s)
			if o, ok := owner[k]; ok && o != m {
				return "", fmt.Errorf("%s: %q names months %d and %d", lang, s, o, m)
			}
			owner[k] = m
		}
		fmt.Fprintf(&b, "\t\t\t%s,\n", quoteList(names))
	}
	b.WriteString("\t\t},\n\t\tWeekdays: [7][]string{\n")
	for _, d := range days {
		var names []string
		for _, w := range []map[string]string{cal.Days.Format.Wide, cal.Days.StandAlone.Wide, cal.Days.Format.Abbreviated, cal.Days.StandAlone.Abbreviated} {
			names = appendNew(names, w[d])
		}
		if len(names) == 0 {
			return "", fmt.Errorf("%s: no names for weekday %s", lang, d)
		}
		fmt.Fprintf(&b, "\t\t\t%s,\n", quoteList(names))
	}
	b.WriteString("\t\t},\n\t\tPatterns: []string{")
	for _, k := range []string{"full", "long", "medium"} {
		s, err := str(cal.DateFormats, k)
		if err != nil {
			return "", fmt.Errorf("%s: %v", lang, err)
		}
		fmt.Fprintf(&b, "%q, ", s)
	}
	b.WriteString("},\n")
	var seen []string
	for _, ns := range []string{defaultSystem, native} {
		if ns == "" || ns == "latn" {
			continue
		}
		sys, ok := systems[ns]
		if !ok || sys.Type != "numeric" || len([]rune(sys.Digits)) != 10 {
			return "", fmt.Errorf("%s: numbering system %q has no ten digits", lang, ns)
		}
		seen = appendNew(seen, sys.Digits)
	}
	if len(seen) > 0 {
		fmt.Fprintf(&b, "\t\tDigits: %s,\n", "[]string"+quoteList(seen))
	}
	b.WriteString("\t},\n")
	return b.String(), nil
}

// quoteList writes names as the elements of a Go composite literal.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, s := range names {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "{" + strings.Join(q, ", ") + "}"
}

// appendNew appends s to list unless it is empty or already there.
func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func str(m map[string]any, k string) (string, error) {
	s, ok := m[k].(string)
	if !ok {
		return "", fmt.Errorf("%s is not a string", k)
	}
	return s, nil
}

func run(dir, out string) error {
	var version struct {
		Version string `json:"version"`
	}
	if err := readJSON(filepath.Join(dir, "cldr-dates-full", "package.json"), &version); err != nil {
		return err
	}
	var systems struct {
		Supplemental struct {
			NumberingSystems map[string]numberingSystem `json:"numberingSystems"`
		} `json:"supplemental"`
	}
	if err := readJSON(filepath.Join(dir, "cldr-core", "supplemental", "numberingSystems.json"), &systems); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by pkg/release/internal/cldrgen from CLDR %s (npm cldr-dates-full, cldr-numbers-full, cldr-core: main/LANG/ca-gregorian.json, timeZoneNames.json, numbers.json, supplemental/numberingSystems.json); DO NOT EDIT.\n", version.Version)
	b.WriteString("// The data is Unicode's, under the Unicode License v3: see CLDR-LICENSE.txt.\n\npackage release\n\n")
	fmt.Fprintf(&b, "// cldrVersion is the CLDR release the tables below come from.\nconst cldrVersion = %q\n\n", version.Version)
	b.WriteString("// cldrLocales holds, for each language, what CLDR says about writing dates and times.\nvar cldrLocales = map[string]*cldrLocale{\n")
	var readings []string
	for _, lang := range Languages {
		cal, err := readGregorian(dir, lang)
		if err != nil {
			return err
		}
		var n struct {
			Main map[string]struct {
				Numbers struct {
					Default string `json:"defaultNumberingSystem"`
					Other   struct {
						Native string `json:"native"`
					} `json:"otherNumberingSystems"`
				} `json:"numbers"`
			} `json:"main"`
		}
		if err := readJSON(filepath.Join(dir, "cldr-numbers-full", "main", lang, "numbers.json"), &n); err != nil {
			return err
		}
		var z struct {
			Main map[string]struct {
				Dates struct {
					TimeZoneNames zoneNames `json:"timeZoneNames"`
				} `json:"dates"`
			} `json:"main"`
		}
		if err := readJSON(filepath.Join(dir, "cldr-dates-full", "main", lang, "timeZoneNames.json"), &z); err != nil {
			return err
		}
		tz := z.Main[lang].Dates.TimeZoneNames
		if tz.GMTFormat == "" || tz.GMTZeroFormat == "" || !strings.Contains(tz.HourFormat, ";") {
			return fmt.Errorf("%s: timeZoneNames.json has no GMT format", lang)
		}
		r, err := reading(dir, lang, cal, n.Main[lang].Numbers.Default, n.Main[lang].Numbers.Other.Native, systems.Supplemental.NumberingSystems)
		if err != nil {
			return err
		}
		readings = append(readings, r)
		fmt.Fprintf(&b, "\t%q: {\n", lang)
		b.WriteString("\t\tMonths: [12]string{")
		for m := 1; m <= 12; m++ {
			s := cal.Months.Format.Wide[fmt.Sprint(m)]
			if s == "" {
				return fmt.Errorf("%s: no month %d", lang, m)
			}
			fmt.Fprintf(&b, "%q, ", s)
		}
		b.WriteString("},\n\t\tWeekdays: [7]string{")
		for _, d := range days {
			s := cal.Days.Format.Wide[d]
			if s == "" {
				return fmt.Errorf("%s: no weekday %s", lang, d)
			}
			fmt.Fprintf(&b, "%q, ", s)
		}
		b.WriteString("},\n")
		fmt.Fprintf(&b, "\t\tAM: %q, PM: %q,\n", cal.DayPeriods.Format.Abbreviated["am"], cal.DayPeriods.Format.Abbreviated["pm"])
		for _, f := range []struct {
			name string
			m    map[string]any
			key  string
		}{{"DateLong", cal.DateFormats, "long"}, {"DateFull", cal.DateFormats, "full"}, {"TimeShort", cal.TimeFormats, "short"}, {"DateTimeFull", cal.DateTimeFormats, "full"}} {
			s, err := str(f.m, f.key)
			if err != nil {
				return fmt.Errorf("%s: %v", lang, err)
			}
			fmt.Fprintf(&b, "\t\t%s: %q,\n", f.name, s)
		}
		ns := n.Main[lang].Numbers.Default
		if ns != "latn" {
			sys, ok := systems.Supplemental.NumberingSystems[ns]
			if !ok || sys.Type != "numeric" || len([]rune(sys.Digits)) != 10 {
				return fmt.Errorf("%s: numbering system %q has no ten digits", lang, ns)
			}
			fmt.Fprintf(&b, "\t\tNumbering: %q, Digits: %q,\n", ns, sys.Digits)
		} else {
			fmt.Fprintf(&b, "\t\tNumbering: %q,\n", ns)
		}
		fmt.Fprintf(&b, "\t\tZones: cldrZones{GMTFormat: %q, GMTZeroFormat: %q, HourFormat: %q,\n", tz.GMTFormat, tz.GMTZeroFormat, tz.HourFormat)
		fmt.Fprintf(&b, "\t\t\tGMT: zoneName{Long: %q, Short: %q},\n", tz.Metazone.GMT.Long["standard"], tz.Metazone.GMT.Short["standard"])
		fmt.Fprintf(&b, "\t\t\tBST: zoneName{Long: %q, Short: %q},\n", tz.Zone.Europe.London.Long["daylight"], tz.Zone.Europe.London.Short["daylight"])
		fmt.Fprintf(&b, "\t\t\tUTC: zoneName{Long: %q, Short: %q}},\n", tz.Zone.Etc.UTC.Long["standard"], tz.Zone.Etc.UTC.Short["standard"])
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// cldrDateReadings holds, for each language, every name and pattern CLDR has for reading a date written in it.\nvar cldrDateReadings = []DateReading{\n")
	for _, r := range readings {
		b.WriteString(r)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("format: %v\n%s", err, b.String())
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	lic, err := os.ReadFile(filepath.Join(dir, "cldr-dates-full", "LICENSE"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(filepath.Dir(out), "CLDR-LICENSE.txt"), lic, 0o644)
}
