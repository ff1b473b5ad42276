package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Logos fpdf cannot take as they are render after passing check: an
// interlaced PNG (fpdf refuses it) and a CMYK JPEG (drawn as /DeviceCMYK
// under the sRGB output intent, which PDF/A-2 forbids) are re-encoded
// when the layout is loaded.
func TestLogosFpdfCannotTakeAsTheyAre(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "seed-statement.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, list := statement.Parse("seed-statement.toml", src, statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	for _, logo := range []string{"logo-interlaced.png", "logo-cmyk.jpg"} {
		t.Run(logo, func(t *testing.T) {
			abs, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "render", logo))
			file := filepath.Join(t.TempDir(), "brand.toml")
			layoutSrc := "extends = \"letterhead\"\n[logo]\nfile = '" + abs + "'\n"
			if err := os.WriteFile(file, []byte(layoutSrc), 0o644); err != nil {
				t.Fatal(err)
			}
			lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
			l, diags := lib.Load(file, "")
			if l == nil || diags.HasErrors() {
				t.Fatalf("layout: %v", diags)
			}
			if checked := Check(s, l); checked.HasErrors() {
				t.Fatalf("check: %v", checked)
			}
			for _, cache := range []*Cache{nil, NewCache()} {
				var pdf bytes.Buffer
				if _, err := RenderStatement(&pdf, s, l, Options{Cache: cache}); err != nil {
					t.Fatalf("render (cache %v): %v", cache != nil, err)
				}
				if bytes.Contains(pdf.Bytes(), []byte("/DeviceCMYK")) {
					t.Errorf("the PDF draws the logo as /DeviceCMYK")
				}
				if !bytes.Contains(pdf.Bytes(), []byte("/Subtype /Image")) {
					t.Errorf("the PDF has no image")
				}
				pdftest.Check(t, pdf.Bytes())
			}
		})
	}
}
