package render

import (
	"bytes"
	"testing"

	pressroom "github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
)

// maxTaggedSize is the most bytes each example's tagged PDF may take:
// the issue 13 goal for the seed (20 KB), and about 5 % over their size
// for the others. Before object streams, a cross-reference stream and a
// compact sRGB profile (issue 13) they took: embargoed 41,904, holding
// 28,338, seed 34,412, custom brand 42,156 (Welsh 38,130), Welsh
// embargoed 36,206, holding 27,976 and seed 34,463 bytes (the Welsh
// examples of that time, not today's twins); after them, and before
// compressed XMP and fpdf's patches 18-22 (font subsets without cmap,
// OS/2 and post, /W and one ToUnicode CMap for the codes shown, short
// font IDs), the seed took 22,538 bytes; after them, with kerning: seed
// 18,946, .cy 19,644, .de 20,266; embargoed 22,337, 22,189, 23,709;
// holding 15,037, 16,083, 16,214; custom brand 27,110 (Welsh 27,201).
var maxTaggedSize = map[string]int{
	"embargoed-press-release":    23_500,
	"holding-statement":          15_800,
	"seed-statement":             20_000,
	"custom-brand-statement":     28_500,
	"custom-brand-statement.cy":  28_600,
	"embargoed-press-release.cy": 23_300,
	"embargoed-press-release.de": 24_900,
	"holding-statement.cy":       16_900,
	"holding-statement.de":       17_000,
	"seed-statement.cy":          20_600,
	"seed-statement.de":          21_300,
}

// TestTaggedExampleSizes guards the size of every example's tagged PDF.
func TestTaggedExampleSizes(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, file := range exampleFiles(t) {
		name := exampleName(file)
		t.Run(name, func(t *testing.T) {
			s, l := parseFile(t, lib, file)
			var buf bytes.Buffer
			if _, err := RenderStatement(&buf, s, l, Options{Version: pressroom.Version}); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes", name, buf.Len())
			limit, ok := maxTaggedSize[name]
			if !ok {
				t.Fatalf("no size limit for example %s: add one to maxTaggedSize", name)
			}
			if buf.Len() > limit {
				t.Errorf("tagged PDF is %d bytes; want at most %d", buf.Len(), limit)
			}
		})
	}
}
