package statement

import (
	"strings"
	"testing"
)

func BenchmarkParseSeed(b *testing.B) {
	src := readExample(b, "seed-statement.toml")
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, list := Parse("seed.toml", src, today); list.HasErrors() {
			b.Fatal(list)
		}
	}
}

// BenchmarkParseLargest parses a statement just under MaxSize: a summary
// of many paragraphs and 900 developments items, the worst a user can send
// that is not refused outright.
func BenchmarkParseLargest(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("headline = \"h\"\ndate = 2024-12-17\n[developments]\nitems = [\n")
	for i := 0; i < 900; i++ {
		sb.WriteString("  \"An item with **strong** text and a [link](https://example.org/x)\",\n")
	}
	sb.WriteString("]\n[notes]\nbody = \"\"\"\n")
	para := "A paragraph of *ordinary* text with a link to https://example.org and “quotes” – dashes.\n\n"
	for sb.Len()+len(para)+10 < MaxSize {
		sb.WriteString(para)
	}
	sb.WriteString("\"\"\"\n")
	src := []byte("summary = \"s\"\n" + sb.String())
	if len(src) > MaxSize {
		src = src[:MaxSize]
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, list := Parse("big.toml", src, today); list.HasErrors() {
			b.Fatal(list[0])
		}
	}
}

func BenchmarkParseTooLarge(b *testing.B) {
	src := []byte(strings.Repeat("# padding\n", MaxSize/10+1))
	b.ReportAllocs()
	for b.Loop() {
		Parse("big.toml", src, today)
	}
}
