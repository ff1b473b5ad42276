package archive

import (
	"testing"
	"time"

	pressroom "github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Every embargo line pressroom writes, in every language it has a table
// for and every date style, import reads back as an embargo line, to the
// moment and zone it was written with: UK winter and summer time (the
// layout's zone), and an offset the statement gave.
func TestEmbargoReadsWhatPressroomWrites(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	base, ll := lib.Load("default", ".")
	if ll.HasErrors() {
		t.Fatal(ll)
	}
	plus2 := time.FixedZone("", 2*3600)
	moments := []struct {
		e    statement.Embargo
		want Embargo
	}{
		{statement.Embargo{Time: time.Date(2026, 1, 15, 0, 1, 0, 0, time.UTC)}, Embargo{Date{2026, 1, 15}, 0, 1, "GMT"}},
		{statement.Embargo{Time: time.Date(2026, 7, 9, 17, 30, 0, 0, time.UTC)}, Embargo{Date{2026, 7, 9}, 17, 30, "BST"}},
		{statement.Embargo{Time: time.Date(2026, 3, 3, 9, 5, 0, 0, plus2), HasZone: true}, Embargo{Date{2026, 3, 3}, 9, 5, "+02:00"}},
	}
	for _, r := range release.LabelReadings() {
		w := release.WordsFor(r.Lang)
		for _, style := range []layout.DateStyle{"ordinal", "day-month", "month-day", "iso"} {
			l := *base
			l.DateStyle = style
			for _, m := range moments {
				line := w.ReleaseLine(&m.e, &l)
				if !isEmbargoLine(line) {
					t.Errorf("%s (%s): %q is not read as an embargo line", r.Lang, style, line)
					continue
				}
				got, ok := findEmbargoTime(line)
				if !ok {
					t.Errorf("%s (%s): %q: no date and time read", r.Lang, style, line)
					continue
				}
				if got != m.want {
					t.Errorf("%s (%s): %q read as %+v, want %+v", r.Lang, style, line, got, m.want)
				}
			}
		}
	}
}
