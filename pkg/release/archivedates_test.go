package release

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// Every month name CLDR gives, in each width and context, and the
// language's native digits, are in the tables import reads dates by,
// checked against CLDR's own JSON in testdata/cldr.
func TestDateReadingsHoldCLDRNames(t *testing.T) {
	type widths struct {
		Wide        map[string]string `json:"wide"`
		Abbreviated map[string]string `json:"abbreviated"`
	}
	readings := DateReadings()
	if len(readings) != len(cldrLocales) {
		t.Fatalf("%d date readings for %d languages", len(readings), len(cldrLocales))
	}
	for _, r := range readings {
		file := filepath.Join("testdata", "cldr", r.Lang, "ca-gregorian.json")
		b, err := os.ReadFile(file)
		if os.IsNotExist(err) {
			continue // en-GB: its zone names only
		}
		if err != nil {
			t.Fatal(err)
		}
		var g map[string]map[string]struct {
			Dates struct {
				Calendars struct {
					Gregorian struct {
						Months      map[string]widths `json:"months"`
						DateFormats map[string]any    `json:"dateFormats"`
					} `json:"gregorian"`
				} `json:"calendars"`
			} `json:"dates"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		cal := g["main"][r.Lang].Dates.Calendars.Gregorian
		for ctx, w := range cal.Months {
			for m := 1; m <= 12; m++ {
				for _, name := range []string{w.Wide[strconv.Itoa(m)], w.Abbreviated[strconv.Itoa(m)]} {
					if name != "" && !slices.Contains(r.Months[m-1], name) {
						t.Errorf("%s: month %d has no %s name %q", r.Lang, m, ctx, name)
					}
				}
			}
		}
		for _, k := range []string{"full", "long", "medium"} {
			if p, _ := cal.DateFormats[k].(string); !slices.Contains(r.Patterns, p) {
				t.Errorf("%s: no %s pattern %q", r.Lang, k, p)
			}
		}
		if d := cldrLocales[r.Lang].Digits; d != "" && !slices.Contains(r.Digits, d) {
			t.Errorf("%s: default digits %q missing from %q", r.Lang, d, r.Digits)
		}
	}
	// A native numbering system that is not the default: Urdu writes
	// Latin digits by default and ۰۱۲ natively.
	for _, r := range readings {
		if r.Lang == "ur" && !slices.Contains(r.Digits, "۰۱۲۳۴۵۶۷۸۹") {
			t.Errorf("ur: no Extended Arabic-Indic digits in %q", r.Digits)
		}
	}
}
