package release

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/golden"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// TestLanguageTable writes one statement's words in every language
// pressroom has a table for — every label, the date, the embargo line in
// winter, in summer and at another offset, and a page number — into
// testdata/languages.txt, and compares. It is the file to read when
// reviewing a language: a person has read every line of it (-update
// rewrites it; read the diff before committing).
func TestLanguageTable(t *testing.T) {
	l := &layout.Layout{Text: layout.Wording{Immediate: "For immediate release", Embargoed: "Embargoed until {time}", EmbargoZone: "UK", EndMark: "ENDS", MoreMark: "- more -"}, DateStyle: "ordinal"}
	date := statement.Date{Year: 2024, Month: time.December, Day: 17}
	embargoes := []struct {
		name string
		e    *statement.Embargo
	}{
		{"winter", &statement.Embargo{Time: time.Date(2024, 12, 17, 0, 1, 0, 0, time.UTC)}},
		{"summer", &statement.Embargo{Time: time.Date(2025, 7, 1, 9, 30, 0, 0, time.UTC)}},
		{"+02:00", &statement.Embargo{Time: time.Date(2025, 7, 1, 9, 30, 0, 0, time.FixedZone("", 7200)), HasZone: true}},
		{"UTC", &statement.Embargo{Time: time.Date(2025, 7, 1, 9, 30, 0, 0, time.UTC), HasZone: true}},
	}
	var b bytes.Buffer
	for _, tag := range supported {
		w := WordsFor(tag)
		w.resolve(l, tag)
		fmt.Fprintf(&b, "== %s (%s)\n", tag, w.Name)
		fmt.Fprintf(&b, "date: %s\n", w.FormatDate(date, l.DateStyle))
		for _, e := range embargoes {
			fmt.Fprintf(&b, "embargo, %s: %s\n", e.name, w.ReleaseLine(e.e, l))
		}
		fmt.Fprintf(&b, "page: %s\n", w.PageOf(1, 2))
		fmt.Fprintf(&b, "about: %s\n", fill(w.AboutHeading, "organisation", "Cyngor Bro Dyfnant"))
		for _, k := range layout.WordKeys {
			v, _ := w.Label(k)
			fmt.Fprintf(&b, "%s: %q\n", k, v)
		}
		b.WriteString("\n")
	}
	file := filepath.Join("testdata", "languages.txt")
	if golden.Update() {
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		got, wl := bytes.Split(b.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := range max(len(got), len(wl)) {
			var g, w []byte
			if i < len(got) {
				g = got[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if !bytes.Equal(g, w) {
				t.Fatalf("%s differs at line %d:\n  want: %s\n  got:  %s\n(run with -update if the change is meant, and read it)", file, i+1, w, g)
			}
		}
	}
}
