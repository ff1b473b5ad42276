package render

import (
	"bytes"
	"testing"

	pressroom "github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
)

// maxTaggedSize is the most bytes each example's tagged PDF may take:
// the issue 13 goal for the seed (20 KB), and for the others about 7 %
// over their size after it, room for kerning. Before object streams, a
// cross-reference stream and a compact sRGB profile (issue 13) they took:
// embargoed 41,904, holding 28,338, seed 34,412, custom brand 42,156
// (Welsh 38,130), Welsh embargoed 36,206, holding 27,976 and seed 34,463
// bytes; after them, and before compressed XMP and fpdf's patches 16-19
// (subsets without cmap, OS/2 and post, /W and one ToUnicode for the
// codes shown, short font IDs): 26,305, 18,951, 22,538, 30,970 (28,712),
// 22,672, 18,741 and 21,398; after: 22,121, 14,973, 18,764, 26,941
// (24,602), 18,457, 14,647 and 17,243.
var maxTaggedSize = map[string]int{
	"embargoed-press-release":    23_700,
	"holding-statement":          16_000,
	"seed-statement":             20_000,
	"custom-brand-statement":     28_800,
	"custom-brand-statement.cy":  26_300,
	"cy-embargoed-press-release": 19_700,
	"cy-holding-statement":       15_700,
	"cy-seed-statement":          18_500,
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
