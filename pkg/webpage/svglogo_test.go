package webpage

import (
	"encoding/base64"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release/releasetest"
	"github.com/pressroom/pressroom/pkg/vector"
)

// An SVG logo is shown as the SVG pressroom writes from the parsed
// drawing: the file's ids, classes, comments, metadata and anything
// else not drawn are gone, and what is left parses to the same shapes.
func TestSVGLogoIsRewritten(t *testing.T) {
	file := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://example.org/x" viewBox="0 0 40 20" id="secret-id">
<!-- a comment from the designer -->
<metadata><x:note>internal note</x:note></metadata>
<style>.brand { fill: #004b8d }</style>
<g class="brand" x:tracking="https://tracker.example.org/pixel">
  <rect width="40" height="20" rx="3"/>
</g>
</svg>`
	d, err := vector.Parse([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	r := releasetest.Seed()
	r.Style.Logo = &layout.Logo{Path: "logo.svg", Vector: d, Data: []byte(file), Format: "svg", Alt: "Harrowby Council logo"}
	var b strings.Builder
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	// html/template writes "+" as &#43; in attributes, as browsers read it.
	m := regexp.MustCompile(`<img src="([^"]*)" alt="Harrowby Council logo">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no logo image with its alt text in the page")
	}
	b64, ok := strings.CutPrefix(html.UnescapeString(m[1]), "data:image/svg+xml;base64,")
	if !ok {
		t.Fatalf("the logo is %.40s…, not an SVG data URL", html.UnescapeString(m[1]))
	}
	svg, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"secret-id", "comment", "internal note", "tracker", "brand", "metadata", "style"} {
		if strings.Contains(string(svg), bad) {
			t.Errorf("the page's SVG keeps %q from the file:\n%s", bad, svg)
		}
	}
	again, err := vector.Parse(svg)
	if err != nil {
		t.Fatalf("the page's SVG does not parse: %v", err)
	}
	if len(again.Shapes) != 1 || again.Shapes[0].Fill.Colour != (vector.Colour{R: 0, G: 0x4b, B: 0x8d}) {
		t.Errorf("the page's SVG draws %d shapes, first filled %v; want the one #004b8d rectangle", len(again.Shapes), again.Shapes[0].Fill.Colour)
	}
}
