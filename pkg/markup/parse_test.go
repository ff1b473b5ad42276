package markup

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// dump writes a Doc compactly: paragraphs as P(...), runs as text with
// *…* for emphasis, **…** for strong, [text](target) for links,
// [text](#) for placeholders and \n for hard breaks.
func dump(d Doc) string {
	var b strings.Builder
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, bl := range bs {
			switch bl.Kind {
			case Paragraph:
				b.WriteString("P(")
				for _, in := range bl.Inlines {
					t := in.Text
					if in.Style&Emphasis != 0 {
						t = "*" + t + "*"
					}
					if in.Style&Strong != 0 {
						t = "**" + t + "**"
					}
					switch {
					case in.Link != "":
						t = "[" + t + "](" + in.Link + ")"
					case in.Placeholder:
						t = "[" + t + "](#)"
					}
					b.WriteString(t)
					if in.LineBreak {
						b.WriteString(`\n`)
					}
				}
				b.WriteString(")")
			case BulletList, OrderedList:
				if bl.Kind == OrderedList {
					fmt.Fprintf(&b, "OL%d{", bl.Start)
				} else {
					b.WriteString("UL{")
				}
				for _, it := range bl.Items {
					b.WriteString("I{")
					blocks(it.Blocks)
					b.WriteString("}")
				}
				b.WriteString("}")
			}
		}
	}
	blocks(d.Blocks)
	return b.String()
}

func TestParseKeeps(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Hello, world.", "P(Hello, world.)"},
		{"one\ntwo", "P(one two)"},
		{"one\n   two", "P(one two)"},
		{"first\n\nsecond", "P(first)P(second)"},
		{"line\\\nbreak", `P(line\nbreak)`},
		{"*em* and **strong** and ***both***", "P(*em* and **strong** and ***both***)"},
		{"[the site](https://example.org/a?b=c)", "P([the site](https://example.org/a?b=c))"},
		{"The '[Never, Ever Shake a Baby](#)' Campaign", "P(The '[Never, Ever Shake a Baby](#)' Campaign)"},
		{"[empty]()", "P([empty](#))"},
		{"(<https://lscpbirmingham.org.uk>).", "P(([https://lscpbirmingham.org.uk](https://lscpbirmingham.org.uk)).)"},
		{"see https://a.example/x.", "P(see [https://a.example/x](https://a.example/x).)"},
		{"mail Simon.Cross@example.co.uk now", "P(mail [Simon.Cross@example.co.uk](mailto:Simon.Cross@example.co.uk) now)"},
		{"visit www.example.org.uk", "P(visit [www.example.org.uk](https://www.example.org.uk))"},
		{"call [0121 464 2612](tel:+441214642612)", "P(call [0121 464 2612](tel:+441214642612))"},
		{"- a\n- b", "UL{I{P(a)}I{P(b)}}"},
		{"3. c\n4. d", "OL3{I{P(c)}I{P(d)}}"},
		{"- a\n  - nested", "UL{I{P(a)UL{I{P(nested)}}}}"},
		{"5 \\* 3 \\_x\\_", "P(5 * 3 _x_)"},
		{"“Curly” – £5, €6, ŵ", "P(“Curly” – £5, €6, ŵ)"},
		{"~~strike~~ & co", "P(~~strike~~ & co)"},
	}
	for _, tt := range tests {
		doc, probs := Parse(tt.src, Options{})
		for _, p := range probs {
			if !p.Warning {
				t.Errorf("Parse(%q): unexpected error %q", tt.src, p.Message)
			}
		}
		if got := dump(doc); got != tt.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tt.src, got, tt.want)
		}
		checkOffsets(t, tt.src, doc)
		checkNothingLost(t, tt.src, doc, probs)
	}
}

// checkOffsets asserts that every run's text is found in the source at its
// offset (a soft break's space stands for the line end), which is what
// lets a later stage point at the exact character.
func checkOffsets(t *testing.T, src string, doc Doc) {
	t.Helper()
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			if b.Offset < 0 || b.Offset > len(src) {
				t.Errorf("%q: block offset %d out of range", src, b.Offset)
			}
			for _, in := range b.Inlines {
				if !sameText(src, in) {
					t.Errorf("%q: run %q at offset %d does not match the source", src, in.Text, in.Offset)
				}
			}
			for _, it := range b.Items {
				blocks(it.Blocks)
			}
		}
	}
	blocks(doc.Blocks)
}

// sameText reports whether the run's text is in the source at its offset,
// byte for byte, a space standing for a line end where a soft break was.
func sameText(src string, in Inline) bool {
	if in.Offset < 0 {
		return false
	}
	for i := 0; i < len(in.Text); i++ {
		j := in.Offset + i
		switch {
		case j < len(src) && src[j] == in.Text[i]:
		case in.Text[i] == ' ' && (j >= len(src) || src[j] == '\n' || src[j] == '\r'):
		default:
			return false
		}
	}
	return true
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		src     string
		opts    Options
		offset  int
		warning bool
		message string
	}{
		{"# Heading", Options{}, 0, false, "headings are not allowed"},
		{"text\n\n## Heading", Options{}, 6, false, "headings are not allowed"},
		{"Title\n=====", Options{}, 0, false, "a line of = or - under text makes a heading"},
		{"![logo](logo.png)", Options{}, 0, false, "images are not allowed"},
		{"a <b>bold</b>", Options{}, 2, false, "raw HTML (<b>) is not allowed"},
		{"<div>\nx\n</div>", Options{}, 0, false, "raw HTML is not allowed"},
		{"use `code`", Options{}, 4, false, "code (text in backticks)"},
		{"text\n\n    code", Options{}, 10, false, "lines indented by four or more spaces"},
		{"```\ncode\n```", Options{}, 0, false, "code blocks are not allowed"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", Options{}, 0, false, "tables are not allowed"},
		{"> quoted", Options{}, 0, false, "block quotes"},
		{"a\n\n---", Options{}, 3, false, "horizontal rule"},
		{"[x](javascript:alert(1))", Options{}, 0, false, "links to javascript: addresses are not allowed"},
		{"ok [x](file:///etc/passwd)", Options{}, 3, false, "links to file: addresses"},
		{"[x](data:text/html,hi)", Options{}, 0, false, "links to data: addresses"},
		{"[x](www.example.org)", Options{}, 0, false, `link address "www.example.org" is not a full address`},
		{"<ftp://example.org>", Options{}, 1, false, "links to ftp: addresses"},
		{"a [Campaign](#) b", Options{}, 2, true, `placeholder link "Campaign" has no address`},
		{"[x]()", Options{}, 0, true, "placeholder link"},
		{"see [](https://a.example)", Options{}, 4, false, "a link with no text"},
		{"[x](https://a.example \"title\")", Options{}, 0, false, "link titles are not allowed"},
		{"[r]: https://a.example\n\n[x][r]", Options{}, 0, false, "link reference definitions"},
		{"- a\n- b", Options{InlineOnly: true}, 0, false, "a list is not allowed inside a developments item"},
		{"one\n\ntwo", Options{InlineOnly: true}, 5, false, "must be a single paragraph"},
		{"Read [the report] (https://a.example/r) now", Options{}, 5, true, "[the report] (https://a.example/r) is not a link: there is a space"},
		{"Details at example.gov.uk/help.", Options{}, 11, true, "example.gov.uk/help is not made a link"},
		{"*See* gov.uk for more", Options{}, 6, true, "gov.uk is not made a link"},
	}
	for _, tt := range tests {
		_, probs := Parse(tt.src, tt.opts)
		found := false
		for _, p := range probs {
			if strings.Contains(p.Message, tt.message) {
				found = true
				if p.Offset != tt.offset || p.Warning != tt.warning {
					t.Errorf("Parse(%q): %q at offset %d warning=%v, want offset %d warning=%v",
						tt.src, p.Message, p.Offset, p.Warning, tt.offset, tt.warning)
				}
				if p.Hint == "" {
					t.Errorf("Parse(%q): %q has no hint", tt.src, p.Message)
				}
			}
		}
		if !found {
			t.Errorf("Parse(%q): no problem containing %q; got %+v", tt.src, tt.message, probs)
		}
	}
}

// TestNoNearMissWarnings checks that the near-miss warnings keep to near
// misses: linked addresses, e-mail addresses and file names are left alone.
func TestNoNearMissWarnings(t *testing.T) {
	for _, src := range []string{
		"See www.example.gov.uk/help or https://example.gov.uk/help.",
		"Write to press@example.gov.uk today.",
		"Read [the report](https://example.gov.uk/r) and report.pdf, e.g. No.10.",
		"[Never, Ever Shake a Baby](#) and [x](https://a.example) (see below)",
	} {
		if _, probs := Parse(src, Options{}); len(probs) > 0 && !strings.Contains(probs[0].Message, "placeholder") || len(probs) > 1 {
			t.Errorf("Parse(%q) = %+v, want no warnings", src, probs)
		}
	}
}

// FuzzMarkup checks that no text makes Parse panic, that every run points
// at its text in the source, and that no problem points outside it.
func FuzzMarkup(f *testing.F) {
	for _, s := range []string{
		"Hello *world*", "- a\n- b\n\n1. c", "[x](#) <https://a.b> www.c.d e@f.gh",
		"# h\n\n> q\n\n```\nc\n```\n\n| a |\n|---|\n", "a\\\nb  \nc", "<b>x</b> ![i](j) `k`",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	// Every text of the examples and of the bad-statement corpus is a
	// seed too.
	for _, pattern := range []string{"../../examples/*.toml", "../../testdata/statements/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			var v any
			if _, err := toml.DecodeFile(file, &v); err != nil {
				continue
			}
			for _, text := range stringsIn(v) {
				f.Add(text, false)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string, inlineOnly bool) {
		doc, probs := Parse(src, Options{InlineOnly: inlineOnly})
		for _, p := range probs {
			if p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("problem %q at offset %d outside the text (%d bytes)", p.Message, p.Offset, len(src))
			}
			if p.Message == "" {
				t.Fatalf("problem with no message at %d", p.Offset)
			}
		}
		if utf8.ValidString(src) {
			checkOffsets(t, src, doc)
			checkNothingLost(t, src, doc, probs)
		}
	})
}

// listMarkers matches the list markers that start a line, several when
// lists are nested on one line ("1. 2. item", "- 1) item").
var listMarkers = regexp.MustCompile(`(?m)^(?:[ \t>]*(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$))+`)

// stringsIn returns every string in a decoded TOML value.
func stringsIn(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var out []string
		for _, x := range v {
			out = append(out, stringsIn(x)...)
		}
		return out
	case []map[string]any:
		var out []string
		for _, x := range v {
			out = append(out, stringsIn(x)...)
		}
		return out
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, stringsIn(x)...)
		}
		return out
	}
	return nil
}

// checkNothingLost asserts that, in a text with no errors and no links
// (whose addresses are not text), every letter and digit of the source is
// in some run: markup may take punctuation and spaces, never words.
func checkNothingLost(t *testing.T, src string, doc Doc, probs []Problem) {
	t.Helper()
	for _, p := range probs {
		if !p.Warning {
			return
		}
	}
	if strings.ContainsAny(src, "(<:@&") || strings.Contains(strings.ToLower(src), "www.") {
		return
	}
	covered := make([]bool, len(src)+1)
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			for _, in := range b.Inlines {
				for i := in.Offset; i < in.Offset+len(in.Text) && i < len(covered); i++ {
					covered[i] = true
				}
			}
			for _, it := range b.Items {
				blocks(it.Blocks)
			}
		}
	}
	blocks(doc.Blocks)
	// The numbers of an ordered list are markup: the renderer numbers
	// items from the list's Start.
	for _, m := range listMarkers.FindAllStringIndex(src, -1) {
		for i := m[0]; i < m[1]; i++ {
			covered[i] = true
		}
	}
	for i, r := range src {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !covered[i] {
			t.Fatalf("%q: %q at offset %d is in no run", src, r, i)
		}
	}
}
