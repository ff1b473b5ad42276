package render

import (
	"bytes"
	"testing"

	pressroom "github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
)

// maxTaggedSize is the most bytes each example's tagged PDF may take.
// Before object streams, a cross-reference stream and a compact sRGB
// profile (issue 13) they took: embargoed 41,904, holding 28,338, seed
// 34,412, custom brand 42,156 (Welsh 38,130), Welsh embargoed 36,206,
// holding 27,976 and seed 34,463 bytes (the Welsh examples of
// that time, not today's twins).
var maxTaggedSize = map[string]int{
	"embargoed-press-release":    27_500,
	"holding-statement":          20_000,
	"seed-statement":             23_500,
	"custom-brand-statement":     32_000,
	"custom-brand-statement.cy":  32_000,
	"embargoed-press-release.cy": 27_500,
	"embargoed-press-release.de": 29_000,
	"holding-statement.cy":       21_000,
	"holding-statement.de":       21_000,
	"seed-statement.cy":          24_500,
	"seed-statement.de":          25_000,
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
