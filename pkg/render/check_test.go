package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

const checkSrc = `headline = "Costs fell −12 % → on target ✓"
date = 2024-12-17
summary = """
A first line. \u0007

A snowman ☃ is fine, an emoji 🙂 is not, nor 🙂 again.
"""

[[contacts]]
name = "Press Office"
email = "press@example.org"
phone = "0121 000 0000"
`

func TestCheckNamesEachMissingCharacter(t *testing.T) {
	s, list := statement.Parse("stmt.toml", []byte(checkSrc), statement.Options{})
	if s == nil || list.HasErrors() {
		t.Fatalf("the test statement does not parse: %v", list)
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, ll := lib.Load("default", ".")
	if ll.HasErrors() {
		t.Fatal(ll)
	}
	got := Check(s, l)
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	all := strings.Join(lines, "\n")
	want := []string{
		`stmt.toml:6:31: error: U+1F642 "🙂" in summary cannot be shown: no font of the layout has it (2 times in this text)`,
		"hint: write it in words or delete it",
		// A one-line field refuses a control character when the statement
		// is parsed; the multi-line texts leave it to this check.
		`stmt.toml:4:15: error: U+0007 (a control character) in summary cannot be shown`,
		"hint: delete the invisible control character",
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("check output lacks %q; got:\n%s", w, all)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d diagnostics; want 2 (−, → and ✓ come from the fallback fonts, ☃ too):\n%s", len(got), all)
	}

	// Render refuses, and writes nothing.
	var buf bytes.Buffer
	_, err := Render(&buf, s, l, Options{})
	var le *diag.ListError
	if !errors.As(err, &le) || len(le.List) != 2 || buf.Len() != 0 {
		t.Errorf("Render: err %v, %d bytes written; want the two errors and nothing written", err, buf.Len())
	}
}

func TestPlaceholderTextWarns(t *testing.T) {
	src := "headline = \"Opening of the new centre on TBC\"\ndate = 2024-12-17\nsummary = \"\"\"\nThe centre opens. [Insert quote from the chair]\n\nTBA: XXX and TBCs of the Tbc.\n\"\"\"\n[[contacts]]\nemail = \"a@b.org\"\nname = \"TBC\"\n"
	s, list := statement.Parse("p.toml", []byte(src), statement.Options{})
	if s == nil || list.HasErrors() {
		t.Fatalf("does not parse: %v", list)
	}
	var got []string
	for _, d := range placeholderWarnings(s) {
		got = append(got, d.Pos.String()+" "+d.Message)
	}
	want := []string{
		`p.toml:1:42 headline looks like placeholder text: "TBC"`,
		`p.toml:4:19 summary looks like placeholder text: "[Insert quote from the chair]"`,
		`p.toml:6:1 summary looks like placeholder text: "TBA"`,
		`p.toml:6:6 summary looks like placeholder text: "XXX"`,
		// Lists are counted from 1, as the user counts them.
		`p.toml:10:9 contacts[1].name looks like placeholder text: "TBC"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
