package render

import (
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
)

// BenchmarkBreakSeedBody sets the seed statement's body paragraphs as a
// new document does (a new breaker: its word cache and working memory
// empty), hyphenated and justified as the layout asks: glyphs, kerning,
// both passes of the line breaker and the spans of each line. It guards
// the breaker's reuse of its slices within a document and the
// hyphenation cache.
func BenchmarkBreakSeedBody(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	s, l := parseFile(b, lib, "../../examples/seed-statement.toml")
	r, err := release.New(s, l)
	if err != nil {
		b.Fatal(err)
	}
	c := newComposer(r, l, newFaces(fpdf.New("P", "mm", "A4", ""), l))
	paras := bodyParagraphs(c)
	opt := c.setOptions(RoleParagraph)
	if len(paras) < 3 || !opt.hyphenate {
		b.Fatalf("%d paragraphs, hyphenate %v: not the seed's body", len(paras), opt.hyphenate)
	}
	b.ReportAllocs()
	for b.Loop() {
		br := &breaker{fs: c.fs, rtl: c.br.rtl, lang: c.br.lang}
		for _, runs := range paras {
			br.setWith(runs, c.width, opt)
		}
	}
}
