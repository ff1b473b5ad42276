package plaintext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release/releasetest"
)

func TestSeedText(t *testing.T) {
	got := String(releasetest.Seed())
	t.Log("\n" + got)
	for _, want := range []string{
		"Partnership statement\nFor immediate release\n\nPublication of learning",
		"Date: 17th December 2024\nReference: BSCP 2020/21-01\n\nBirmingham – Today we are publishing",
		// a placeholder shows only its text
		"- The 'Never, Ever Shake a Baby' Campaign launched in 2022\n",
		"- Working Together to Build Strong Family Foundations' Childhood Neglect\n  Strategy 2022/26\n",
		"The ICON Programme (https://iconcope.org) targeted",
		"families.\nThe Covid-19 pandemic", // hard line break
		"1. First, a numbered point long enough to need a second line when it is\n   wrapped at seventy-two columns.\n2. Second point.",
		"\nhttps://www.example.org/a/very/long/path/that/goes/on/and/on/beyond/seventy-two/columns/report.pdf.\n",
		"James Thomas and Richard North\nCo-Chairs\nBirmingham Safeguarding Children Partnership\n\nENDS\n\nNote to editors\n\nThe purpose",
		"About Birmingham Safeguarding Children Partnership\n\nThe Partnership",
		"For any media enquiries or interview requests\nSimon Cross\nBusiness Manager, Birmingham Safeguarding Children Partnership\nEmail: Simon.Cross@birminghamchildrenstrust.co.uk\nMobile: 07825 282 465\nOffice: 0121 464 2612\nWebsite: www.lscpbirmingham.org.uk\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	flow := strings.Join(strings.Fields(got), " ")
	for _, want := range []string{
		// a link whose text is its address shows it once
		"website (https://lscpbirmingham.org.uk). A copy",
		"the business manager (Simon.Cross@birminghamchildrenstrust.co.uk).",
	} {
		if !strings.Contains(flow, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for i, l := range strings.Split(got, "\n") {
		if n := utf8.RuneCountInString(l); n > Width && strings.ContainsRune(l, ' ') {
			t.Errorf("line %d is %d columns and could have been broken: %q", i+1, n, l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, l)
		}
	}
	if strings.Contains(got, "\n\n\n") || !strings.HasSuffix(got, "\n") || strings.HasSuffix(got, "\n\n") {
		t.Errorf("blank lines are not single, or the text does not end in one newline")
	}
}

func TestWrap(t *testing.T) {
	long := strings.Repeat("x", 80)
	tests := []struct {
		name, in    string
		first, rest string
		want        []string
	}{
		{"empty", "", "", "", []string{""}},
		{"fits", "a b c", "", "", []string{"a b c"}},
		{"long word alone", "a " + long + " b", "", "", []string{"a", long, "b"}},
		{"hanging", strings.Repeat("word ", 20), "- ", "  ", []string{
			"- word word word word word word word word word word word word word word",
			"  word word word word word word"}},
		{"exactly 72", strings.Repeat("y", 70) + " z", "", "", []string{strings.Repeat("y", 70) + " z"}},
		{"no-break space holds", strings.Repeat("y", 68) + " 12\u00a0kg", "", "", []string{strings.Repeat("y", 68), "12\u00a0kg"}},
	}
	for _, tt := range tests {
		got := wrap(plainWords(tt.in), tt.first, tt.rest)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func BenchmarkText(b *testing.B) {
	r := releasetest.Seed()
	b.ReportAllocs()
	for b.Loop() {
		_ = String(r)
	}
}

func TestNestedList(t *testing.T) {
	r := releasetest.Seed()
	r.Summary = markup.Doc{Blocks: []markup.Block{{Kind: markup.OrderedList, Start: 9, Items: []markup.Item{
		{Blocks: []markup.Block{
			{Kind: markup.Paragraph, Inlines: []markup.Inline{{Text: "Ninth, with points:"}}},
			{Kind: markup.BulletList, Items: []markup.Item{
				{Blocks: []markup.Block{{Kind: markup.Paragraph, Inlines: []markup.Inline{{Text: strings.Repeat("nested ", 12)}}}}},
			}},
		}},
		{Blocks: []markup.Block{{Kind: markup.Paragraph, Inlines: []markup.Inline{{Text: "Tenth."}}}}},
	}}}}
	got := String(r)
	want := "\n9.  Ninth, with points:\n    - nested nested nested nested nested nested nested nested nested\n      nested nested nested\n10. Tenth.\n"
	if !strings.Contains(got, want) {
		t.Errorf("nested list:\n%s\nwant\n%s", got, want)
	}
}

// FuzzWrap: any text wraps without losing or changing a word, and no
// line is longer than Width unless it is one word.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", "a b", strings.Repeat("word ", 40), "x\u00a0y z", "tab\there\nnew line", strings.Repeat("é", 100)} {
		f.Add(s, "- ", "  ")
	}
	f.Fuzz(func(t *testing.T, s, first, rest string) {
		if len(first) > 20 || len(rest) > 20 || strings.ContainsAny(first+rest, " \t\n\r") && strings.TrimSpace(first+rest) != "" {
			return
		}
		lines := wrap(plainWords(s), first, rest)
		var joined []string
		for i, l := range lines {
			prefix := rest
			if i == 0 {
				prefix = first
			}
			if !strings.HasPrefix(l, prefix) {
				t.Fatalf("line %d %q lacks its prefix %q", i, l, prefix)
			}
			body := strings.TrimPrefix(l, prefix)
			if utf8.RuneCountInString(l) > Width && strings.Contains(body, " ") {
				t.Fatalf("line %d is %d columns but could break: %q", i, utf8.RuneCountInString(l), l)
			}
			joined = append(joined, strings.FieldsFunc(body, isSpace)...)
		}
		var want []string
		for _, w := range plainWords(s) {
			want = append(want, w.text)
		}
		if strings.Join(joined, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("words changed: %q → %q", want, joined)
		}
	})
}

// A soft hyphen pasted from Word is not written into the e-mail text.
func TestSoftHyphenDropped(t *testing.T) {
	r := releasetest.Seed()
	r.Summary = markup.Doc{Blocks: []markup.Block{{Kind: markup.Paragraph, Inlines: []markup.Inline{{Text: "Multi\u00adagency safe\u00adguarding."}}}}}
	got := String(r)
	if strings.ContainsRune(got, '\u00ad') || !strings.Contains(got, "Multiagency safeguarding.") {
		t.Errorf("soft hyphens in the text:\n%q", got)
	}
}
