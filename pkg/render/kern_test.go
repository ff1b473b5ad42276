package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
)

// TestKerningMatchesHarfBuzz: the headlines of the examples (the 22 pt
// lines where loose pairs show: "Wa", "Ty", "AV") are measured and drawn
// with the font's own kerning: each character's advance plus its
// adjustment is the advance HarfBuzz's hb-shape gives it in the same font
// (ligatures off, since pressroom sets Latin a character at a time), and
// each span is as wide as the advances it draws.
func TestKerningMatchesHarfBuzz(t *testing.T) {
	hb := uatest.NeedTool(t, "hb-shape")
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	dir := t.TempDir()
	kerned := 0
	for _, file := range exampleFiles(t) {
		s, l := parseFile(t, lib, file)
		p, err := LayoutStatement(s, l)
		if err != nil {
			t.Fatal(err)
		}
		fs := newFaces(fpdf.New("P", "mm", "A4", ""), l)
		for _, pg := range p.Pages {
			for _, it := range pg.Items {
				if it.Role != RoleHeadline && it.Role != RoleKindLabel {
					continue
				}
				for _, sp := range it.Spans {
					f := p.Faces[sp.Face]
					n := fs.number(f)
					path := filepath.Join(dir, f.Name+".ttf")
					if err := os.WriteFile(path, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					upem := unitsPerEm(t, f.Data)
					want := hbShapeFeatures(t, hb, path, sp.Text, "-liga,-clig,-dlig")
					runes := []rune(sp.Text)
					if len(want) != len(runes) {
						t.Fatalf("%q: %d characters, hb-shape %d glyphs", sp.Text, len(runes), len(want))
					}
					total := 0.0
					for i, r := range runes {
						adv := fs.runeWidth(n, r, 1000/pt) // 1/1000 em at 1000/pt points: the width in mm is the units
						k := 0.0
						if sp.kern != nil {
							k = sp.kern[i]
						}
						if k != 0 {
							kerned++
						}
						total += (adv + k) * sp.Size / 1000 * pt
						if got := units(adv+k, upem); got != want[i].Ax {
							t.Errorf("%q in %s: %q advances %d with kerning %g, hb-shape %d", sp.Text, f.Name, string(r), got, k, want[i].Ax)
						}
					}
					if d := total - sp.W; d > 1e-6 || d < -1e-6 {
						t.Errorf("%q: span is %.4f mm wide, its kerned advances %.4f mm", sp.Text, sp.W, total)
					}
				}
			}
		}
	}
	if kerned == 0 {
		t.Error("no kerning in any headline")
	}
}
