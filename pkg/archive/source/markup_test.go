package source

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/markup"
)

// readBack parses a line of markup as the statement does and returns its
// text and whether any run was styled or linked.
func readBack(t *testing.T, line string) (string, []markup.Inline) {
	t.Helper()
	doc, probs := markup.Parse(line, markup.Options{})
	for _, p := range probs {
		if !p.Warning {
			t.Fatalf("markup %q: %s", line, p.Message)
		}
	}
	var text strings.Builder
	var runs []markup.Inline
	for _, b := range doc.Blocks {
		if b.Kind != markup.Paragraph {
			t.Fatalf("markup %q read back as a list", line)
		}
		for _, in := range b.Inlines {
			text.WriteString(in.Text)
			runs = append(runs, in)
		}
	}
	return text.String(), runs
}

func TestEscapeReadsBack(t *testing.T) {
	for _, s := range []string{
		"plain words", "a * b", "*not emphasis*", "**not strong**", "snake_case_name", "_under_",
		"[not a link](https://example.org)", "<https://example.org>", "AT&T", "&amp; &#169; &copy;",
		"back\\slash", "`code`", "Tom's \"quote\"", "50% of £3 — done!", "a_", "_a", "x ~y~ z", "1 < 2 > 0",
		"Email: simon_cross@example.org", "C:\\path\\to", "![img](x.png)",
	} {
		got, _ := readBack(t, Escape(s))
		if got != s {
			t.Errorf("Escape(%q) = %q reads back as %q", s, Escape(s), got)
		}
	}
}

func TestProtectLineStart(t *testing.T) {
	for _, s := range []string{"- not a list", "1. not a list", "2) nor this", "# not a heading", "> no quote", "---", "===", "+ plus", "12.5 per cent", "| a | b |"} {
		line := ProtectLineStart(Escape(s))
		got, _ := readBack(t, "First line\n"+line)
		if got != "First line "+s {
			t.Errorf("%q → %q reads back as %q", s, line, got)
		}
		got, _ = readBack(t, line)
		if got != s {
			t.Errorf("%q alone → %q reads back as %q", s, line, got)
		}
	}
}

func TestBuilderStylesReadBack(t *testing.T) {
	type part struct {
		text  string
		style Style
		link  string
	}
	for _, tc := range []struct {
		parts []part
		text  string
		bold  string // the text that should read back bold, if any
	}{
		{[]part{{"Read the ", 0, ""}, {"full report", Strong, ""}, {" today.", 0, ""}}, "Read the full report today.", "full report"},
		{[]part{{"word", 0, ""}, {"\"quoted\"", Strong, ""}, {"word", 0, ""}}, "word\"quoted\"word", ""},
		{[]part{{"See ", 0, ""}, {" our site ", 0, "https://example.org/a b"}, {".", 0, ""}}, "See our site .", ""},
		{[]part{{"Both ", 0, ""}, {"bold and italic", Strong | Emphasis, ""}}, "Both bold and italic", "bold and italic"},
		{[]part{{"  spaced \n out  ", 0, ""}}, "spaced out", ""},
		{[]part{{"The '", 0, ""}, {"Never, Ever Shake a Baby", 0, "#"}, {"' Campaign", 0, ""}}, "The 'Never, Ever Shake a Baby' Campaign", ""},
	} {
		var b Builder
		for _, p := range tc.parts {
			if p.link != "" {
				b.Link(p.text, p.link, p.style)
			} else {
				b.Text(p.text, p.style)
			}
		}
		line := b.String()
		got, runs := readBack(t, line)
		if got != tc.text {
			t.Errorf("%q reads back as %q, want %q", line, got, tc.text)
		}
		var bold string
		for _, r := range runs {
			if r.Style&markup.Strong != 0 {
				bold += r.Text
			}
		}
		if bold != tc.bold {
			t.Errorf("%q: bold %q, want %q", line, bold, tc.bold)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"a*b", "&amp;", "_x_", "[a](b)", "<a>", "\\", "1. x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" || strings.ContainsAny(s, "\x00") || !utf8Valid(s) {
			return
		}
		line := ProtectLineStart(Escape(s))
		got, _ := readBack(t, line)
		if got != s {
			t.Fatalf("%q → %q reads back as %q", s, line, got)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }
