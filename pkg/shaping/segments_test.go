package shaping

import (
	"fmt"
	"strings"
	"testing"
)

// segText renders segments as "Script/level:text" pieces for messages.
func segText(text string, segs []Segment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%s/%d:%q", s.Script, s.Level, text[s.Start:s.End])
	}
	return b.String()
}

// An Urdu sentence with an acronym, a phone number and an e-mail address:
// the Latin and each group of digits keep their own left-to-right order
// (an even level inside the right-to-left paragraph), the spaces and
// punctuation between Urdu words stay Urdu, and the pieces cover the text
// in order. The spaces between the digit groups are right to left (UBA
// rule N1: numbers count as R for the neutrals between them), so the
// groups display as "4567 123 0300", as in a browser; keeping the number
// whole takes an isolate (U+2066 … U+2069) around it in the text.
func TestSegmentsMixedUrdu(t *testing.T) {
	text := "مزید معلومات کے لیے NHS کو 0300 123 4567 پر فون کریں یا safeguarding@birmingham.gov.uk پر لکھیں۔"
	segs := Segments(text, true)
	want := []struct {
		text   string
		script string
		level  uint8
	}{
		{"مزید معلومات کے لیے ", "Arab", 1},
		{"NHS", "Latn", 2},
		{" کو ", "Arab", 1},
		{"0300", "Zyyy", 2},
		{" ", "Zyyy", 1},
		{"123", "Zyyy", 2},
		{" ", "Zyyy", 1},
		{"4567", "Zyyy", 2},
		{" پر فون کریں یا ", "Arab", 1},
		{"safeguarding@birmingham.gov.uk", "Latn", 2},
		{" پر لکھیں۔", "Arab", 1},
	}
	if len(segs) != len(want) {
		t.Fatalf("got %d segments, want %d:\n%s", len(segs), len(want), segText(text, segs))
	}
	end := 0
	for i, s := range segs {
		if s.Start != end {
			t.Errorf("segment %d starts at %d, the previous ended at %d", i, s.Start, end)
		}
		end = s.End
		w := want[i]
		if got := text[s.Start:s.End]; got != w.text || s.Script != w.script || s.Level != w.level {
			t.Errorf("segment %d: %s/%d:%q, want %s/%d:%q", i, s.Script, s.Level, got, w.script, w.level, w.text)
		}
	}
	if end != len(text) {
		t.Errorf("segments end at %d of %d bytes", end, len(text))
	}
	// Displayed right to left: the first Urdu words rightmost, each Latin
	// piece (one segment, drawn left to right) where it stands.
	levels := make([]uint8, len(segs))
	for i, s := range segs {
		levels[i] = s.Level
	}
	if got, want := fmt.Sprint(VisualOrder(levels)), "[10 9 8 7 6 5 4 3 2 1 0]"; got != want {
		t.Errorf("visual order %s, want %s", got, want)
	}
}

// In a left-to-right paragraph, an Urdu phrase and a Bengali word are
// their own segments; a space between two scripts at one level goes with
// the script before it, and leading punctuation with the script after it.
func TestSegmentsScriptsInEnglish(t *testing.T) {
	text := "“Call 0121 303 1888” — in Urdu: فوری رابطہ کریں, in Bengali: যোগাযোগ."
	segs := Segments(text, false)
	got := segText(text, segs)
	want := `Latn/0:"“Call 0121 303 1888” — in Urdu: " | Arab/1:"فوری رابطہ کریں" | Latn/0:", in Bengali: " | Beng/0:"যোগাযোগ."`
	if got != want {
		t.Errorf("segments\n got %s\nwant %s", got, want)
	}
	if segs := Segments("", true); len(segs) != 0 {
		t.Errorf("empty text: %v", segs)
	}
	// Only common characters: one segment with no script of its own.
	if got := segText("0121 303", Segments("0121 303", false)); got != `Zyyy/0:"0121 303"` {
		t.Errorf("digits only: %s", got)
	}
}

// Rule L2 on levels: reverse from the highest level down to the lowest
// odd one.
func TestVisualOrder(t *testing.T) {
	for _, c := range []struct {
		levels []uint8
		want   string
	}{
		{nil, "[]"},
		{[]uint8{0, 0, 0}, "[0 1 2]"},
		{[]uint8{1, 1, 1}, "[2 1 0]"},
		{[]uint8{0, 1, 1, 0}, "[0 2 1 3]"},
		{[]uint8{1, 2, 2, 1}, "[3 1 2 0]"},
		{[]uint8{0, 1, 2, 1, 0}, "[0 3 2 1 4]"},
		{[]uint8{2, 2, 1}, "[2 0 1]"},
	} {
		if got := fmt.Sprint(VisualOrder(c.levels)); got != c.want {
			t.Errorf("VisualOrder(%v) = %s, want %s", c.levels, got, c.want)
		}
	}
}

// With the number in a left-to-right isolate its groups stay in order:
// one segment at level 2, the isolate marks going with the Urdu around.
func TestSegmentsIsolatedNumber(t *testing.T) {
	text := "NHS کو \u20660300 123 4567\u2069 پر فون کریں"
	got := segText(text, Segments(text, true))
	want := `Latn/2:"NHS" | Arab/1:" کو \u2066" | Zyyy/2:"0300 123 4567" | Arab/1:"\u2069 پر فون کریں"`
	if got != want {
		t.Errorf("segments\n got %s\nwant %s", got, want)
	}
}

// Any text, broken UTF-8, bidi controls and newlines included, gives
// segments that cover it in order without gaps, none at level 0 in a
// right-to-left paragraph, and VisualOrder a permutation of them.
func FuzzSegments(f *testing.F) {
	for _, s := range []string{
		"مزید معلومات کے لیے NHS کو 0300 123 4567 پر فون کریں",
		"“Call 0121 303 1888” — فوری رابطہ کریں, যোগাযোগ.",
		"\u202bRLE \u202aLRE\u202c\u202c \u2067isolate\u2069 \u200f\u200e",
		"\xff\xfe ab (قوس) [x]",
		"ہر بچے\nکو محفوظ\u2029abc",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, rtl bool) {
		segs := Segments(text, rtl)
		end := 0
		levels := make([]uint8, len(segs))
		for i, s := range segs {
			if s.Start != end || s.End <= s.Start || len(s.Script) != 4 || (rtl && s.Level == 0) {
				t.Fatalf("segment %d %+v after %d in %q", i, s, end, text)
			}
			end = s.End
			levels[i] = s.Level
		}
		if end != len(text) {
			t.Fatalf("segments end at %d of %d in %q", end, len(text), text)
		}
		seen := make([]bool, len(segs))
		for _, i := range VisualOrder(levels) {
			if i < 0 || i >= len(segs) || seen[i] {
				t.Fatalf("VisualOrder(%v) is no permutation", levels)
			}
			seen[i] = true
		}
	})
}

// A hard line break (a newline, or U+2029) inside a paragraph does not
// end its direction: the Urdu after it is right to left too, and the
// break goes with the script before it.
func TestSegmentsAfterNewline(t *testing.T) {
	for _, sep := range []string{"\n", "\u2029", "\r\n"} {
		text := "ہر بچے" + sep + "کو NHS"
		got := segText(text, Segments(text, true))
		want := segText(text, []Segment{
			{0, len("ہر بچے" + sep + "کو "), "Arab", 1},
			{len("ہر بچے" + sep + "کو "), len(text), "Latn", 2},
		})
		if got != want {
			t.Errorf("segments\n got %s\nwant %s", got, want)
		}
	}
}
