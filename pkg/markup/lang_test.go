package markup

import (
	"strings"
	"testing"
)

// TestLangPassage: [words](lang:en) marks a passage in another language;
// a bad tag is an error at the link.
func TestLangPassage(t *testing.T) {
	src := "Dywedodd: [We are *delighted*](lang:en), a [diolch](https://example.org)."
	d, problems := Parse(src, Options{})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	var got []string
	for _, in := range d.Blocks[0].Inlines {
		got = append(got, in.Text+"|"+in.Lang+"|"+in.Link)
	}
	want := "Dywedodd: ||,We are |en|,delighted|en|,, a ||,diolch||https://example.org,.||"
	if strings.Join(got, ",") != want {
		t.Errorf("runs %q, want %q", strings.Join(got, ","), want)
	}
	if d.Blocks[0].Inlines[1].Offset != strings.Index(src, "We are") {
		t.Errorf("offset %d", d.Blocks[0].Inlines[1].Offset)
	}
	_, problems = Parse("A [passage](lang:english).", Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "is not a language tag") {
		t.Errorf("problems %v", problems)
	}
}
