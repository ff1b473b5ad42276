package shaping

import (
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
)

// seedParagraphs are the text values of examples/seed-statement.toml, one
// string per paragraph, in key order: the seed's words, as the renderer
// would shape them if Latin went through the shaper too.
func seedParagraphs(tb testing.TB) []string {
	tb.Helper()
	var doc map[string]any
	if _, err := toml.DecodeFile("../../examples/seed-statement.toml", &doc); err != nil {
		tb.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, p := range strings.Split(v, "\n\n") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		case []map[string]any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(v[k])
			}
		}
	}
	walk(doc)
	return out
}

// urduParagraph is the Urdu sentences run together and repeated to about
// 300 words, a long paragraph of a release.
func urduParagraph() string {
	var parts []string
	for _, s := range sentences {
		if s.lang == "ur" && !strings.Contains(s.font, "Bold") {
			parts = append(parts, s.text)
		}
	}
	p := strings.Join(parts, " ")
	return strings.TrimSpace(strings.Repeat(p+" ", 5))
}

// Shaping every paragraph of the seed statement with Noto Sans Regular.
func BenchmarkShapeSeed(b *testing.B) {
	f := loadFace(b, "NotoSans-Regular.ttf")
	paras := seedParagraphs(b)
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			f.Shape(p, "en-GB", false)
		}
	}
}

// Shaping a paragraph of about 300 Urdu words in Noto Nastaliq Urdu, the
// most expensive of the bundled fonts (cursive attachment, cascades).
func BenchmarkShapeUrduParagraph(b *testing.B) {
	f := loadFace(b, "NotoNastaliqUrdu-Regular.ttf")
	p := urduParagraph()
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		f.Shape(p, "ur", true)
	}
}

// Splitting the Urdu paragraph into script and bidi segments.
func BenchmarkSegmentsUrduParagraph(b *testing.B) {
	p := urduParagraph()
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		Segments(p, true)
	}
}

// What a face costs before its first Shape, paid once per process per
// font (pkg/font's Font.Shaper): reading it (NewFace) and kerning a first
// pair, all a Latin face ever does. Noto Sans is the body font of every
// built-in layout; Noto Nastaliq Urdu has the largest layout tables of
// the bundled fonts. Parsing the whole font here instead (go-text's
// ParseTTF, as before) cost Noto Sans about 14 million instructions and
// 1 MB (callgrind); "full" is that parse, paid on a face's first Shape.
func BenchmarkNewFace(b *testing.B) {
	for _, file := range []string{"NotoSans-Regular.ttf", "NotoNastaliqUrdu-Regular.ttf"} {
		name := strings.TrimSuffix(file, ".ttf")
		data, err := os.ReadFile("../../fonts/" + file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := NewFace(data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/kern", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := NewFace(data)
				if err != nil {
					b.Fatal(err)
				}
				f.Kern(36, 57)
			}
		})
		b.Run(name+"/full", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := NewFace(data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := f.parsed(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Many renders shape with one Face at once: every goroutine gets what a
// lone call gets (run with -race, as CI does, this also checks that the
// shared parsed font is only read).
func TestShapeConcurrent(t *testing.T) {
	want := make([][]Glyph, len(sentences))
	for i, s := range sentences {
		want[i] = loadFace(t, s.font).Shape(s.text, s.lang, s.rtl)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16*len(sentences))
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range sentences {
				i := (k + g) % len(sentences)
				s := sentences[i]
				got := loadFace(t, s.font).Shape(s.text, s.lang, s.rtl)
				if !equalGlyphs(got, want[i]) {
					errs <- s.name
				}
				f := loadFace(t, "NotoSans-Regular.ttf")
				if a, ok := f.GlyphIndex('A'); !ok || f.Kern(a, 57) >= 0 {
					errs <- "Noto Sans A, V"
				}
				Segments(s.text, s.rtl)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: shaped concurrently, the glyphs differ from a lone call", name)
	}
}

func equalGlyphs(a, b []Glyph) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
