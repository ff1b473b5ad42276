package render

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/vector"
)

// realSVGs is what pressroom does with each real brand SVG of
// testdata/svg/real (README.md there gives each file's source): refused
// is empty for a logo that must be drawn as vectors and match Chromium,
// else the words the refusal must contain. Every file in the folder is
// listed, so the README's table and the test cannot drift apart.
var realSVGs = map[string]string{
	"apache.svg":        "",
	"debian.svg":        "",
	"duckduckgo.svg":    "",
	"eclipse.svg":       "",
	"google-bard.svg":   "",
	"google-gemini.svg": "",
	"jekyll.svg":        "",
	"kraken.svg":        "",
	"memcached.svg":     "",
	"microsoft.svg":     "",
	"mozilla.svg":       "",
	"postgresql.svg":    "",
	"python.svg":        "",
	"scala.svg":         "",
	"sublimetext.svg":   "",
	"visa.svg":          "",
	"w3c.svg":           "",
	// Gradient stops that fade (stop-opacity below 1, in 46 of
	// gilbarbara/logos' 1,863 files), drawn as soft masks.
	"angular.svg":       "",
	"cypress-icon.svg":  "",
	"dart.svg":          "",
	"firefox.svg":       "",
	"flutter.svg":       "",
	"neovim.svg":        "",
	"netflix-icon.svg":  "",
	"supabase-icon.svg": "",
	"visual-studio.svg": "",
	"vivaldi-icon.svg":  "",
	"xcode.svg":         "",
	// <mask> (in 52 of the same files): shapes cut out by a mask of
	// white shapes, as Sketch writes them, some with gradients that fade.
	"chrome-web-store.svg":       "",
	"visual-studio-code.svg":     "",
	"nodejs.svg":                 "",
	"storybook-icon.svg":         "",
	"less.svg":                   "",
	"microsoft-power-bi.svg":     "",
	"google-cloud-functions.svg": "",
	"dialogflow.svg":             "",
	"crossplane-icon.svg":        "",
	"nodejs-icon-alt.svg":        "",
	"webix-icon.svg":             "",
	// What real logos need that pressroom refuses: filter (9 of the
	// same files, 25 once their masks are drawn), a mask on a group
	// with a masked element inside (2).
	"brackets.svg":     "filter",
	"lateral-icon.svg": "a masked element inside",
}

// position is line:column in a message.
var position = regexp.MustCompile(`:\d+:\d+: `)

// Real brand SVGs, from a public collection rather than written for
// pressroom, either look in the PDF as Chromium draws them (within the
// same limits as testdata/svg's) or are refused with a message naming
// the file, the line and column, and the element or attribute.
func TestRealSVGLogos(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "svg", "real", "*.svg"))
	drawn := 0
	for _, file := range files {
		refused, listed := realSVGs[filepath.Base(file)]
		if !listed {
			t.Errorf("%s is not in realSVGs (nor, likely, in testdata/svg/real/README.md)", file)
			continue
		}
		if refused == "" {
			drawn++
		}
	}
	if len(files) != len(realSVGs) {
		t.Errorf("testdata/svg/real has %d SVGs, realSVGs lists %d", len(files), len(realSVGs))
	}
	if drawn < 10 {
		t.Fatalf("%d real SVGs are expected to render, want at least 10", drawn)
	}

	t.Run("refused", func(t *testing.T) {
		for _, file := range files {
			want := realSVGs[filepath.Base(file)]
			if want == "" {
				continue
			}
			t.Run(filepath.Base(file), func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				_, err = vector.Parse(data)
				var verr *vector.Error
				if !errors.As(err, &verr) {
					t.Fatalf("vector.Parse: %v, want a *vector.Error about %s", err, want)
				}
				if verr.Line == 0 || !strings.Contains(verr.Msg, want) || verr.Hint == "" {
					t.Errorf("refusal %d:%d %q (hint %q), want a line, %q and a hint", verr.Line, verr.Col, verr.Msg, verr.Hint, want)
				}
				// What a user sees: the layout's diagnostic names the file too.
				_, diags := loadLogoLayout(t, file)
				var buf bytes.Buffer
				if err := diags.Write(&buf); err != nil {
					t.Fatal(err)
				}
				msg := buf.String()
				if !diags.HasErrors() || !strings.Contains(msg, filepath.Base(file)) || !strings.Contains(msg, want) || !position.MatchString(msg) {
					t.Errorf("the layout's diagnostic does not say file:line:col and %q:\n%s", want, msg)
				}
				t.Logf("%s", msg)
			})
		}
	})

	t.Run("drawn", func(t *testing.T) {
		pdftoppm := pdftest.NeedTool(t, "pdftoppm")
		chromium := needChromium(t)
		s := seedFromFile(t)
		for _, file := range files {
			if realSVGs[filepath.Base(file)] != "" {
				continue
			}
			name := strings.TrimSuffix(filepath.Base(file), ".svg")
			t.Run(name, func(t *testing.T) {
				l := svgLayout(t, file)
				if l.Logo == nil || l.Logo.Vector == nil {
					t.Fatal("the layout's logo was not read as vectors")
				}
				var pdf bytes.Buffer
				if _, err := RenderStatement(&pdf, s, l, Options{}); err != nil {
					t.Fatal(err)
				}
				pdftest.Check(t, pdf.Bytes())
				keep(t, "svg-real-"+name+".pdf", pdf.Bytes())
				if bytes.Contains(pdf.Bytes(), []byte("/Subtype /Image")) {
					t.Error("the SVG logo was embedded as an image, not drawn as vectors")
				}
				box := logoBox(t, s, l)
				got := rasterisePDF(t, pdftoppm, pdf.Bytes(), box)
				want := rasteriseSVG(t, chromium, file, box)
				mean, block := compare(t, got, want)
				t.Logf("%s: mean difference %.2f, worst block %.1f", name, mean, block)
				if mean > maxMeanDiff || block > maxBlockDiff {
					savePNG(t, "real-"+name+"-pdf.png", got)
					savePNG(t, "real-"+name+"-chromium.png", want)
					t.Errorf("the PDF's logo differs from Chromium's rendering: mean %.2f (limit %g), worst 10×10 block %.1f (limit %g); -out DIR keeps both PNGs",
						mean, maxMeanDiff, block, maxBlockDiff)
				}
				if *outDir != "" {
					savePNG(t, "real-"+name+"-pdf.png", got)
					savePNG(t, "real-"+name+"-chromium.png", want)
				}
			})
		}
	})
}

// An SVG that would fetch something from the network is refused, where
// the reference is: a <use>, a gradient or an <image> pointing at
// another file by xlink:href (TestHostileFiles in pkg/vector covers
// <script>, entities, billion laughs and a 100 MB file).
func TestRealSVGExternalReferences(t *testing.T) {
	head := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">` + "\n"
	for name, body := range map[string]string{
		"use":      `<use xlink:href="http://example.org/logo.svg#mark"/>`,
		"gradient": `<linearGradient id="g" xlink:href="http://example.org/g.svg#a"/><rect width="5" height="5" fill="url(#g)"/>`,
		"image":    `<image xlink:href="http://example.org/logo.png" width="10" height="10"/>`,
		"fill":     `<rect width="5" height="5" fill="url(http://example.org/g.svg#a)"/>`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := vector.Parse([]byte(head + body + "\n</svg>\n"))
			var verr *vector.Error
			if !errors.As(err, &verr) {
				t.Fatalf("vector.Parse: %v, want a refusal", err)
			}
			t.Logf("%d:%d: %s (%s)", verr.Line, verr.Col, verr.Msg, verr.Hint)
			if verr.Line != 2 {
				t.Errorf("the refusal is at line %d, want 2 (where the reference is)", verr.Line)
			}
		})
	}
}

// loadLogoLayout is svgLayout without its stop on errors: the layout
// and the diagnostics of loading it with file as its logo.
func loadLogoLayout(t *testing.T, file string) (*layout.Layout, diag.List) {
	t.Helper()
	abs, _ := filepath.Abs(file)
	lf := filepath.Join(t.TempDir(), "brand.toml")
	src := "extends = \"plain\"\n[logo]\nfile = '" + abs + "'\nwidth = 50\nalt = \"Test logo\"\nwordmark = false\n"
	if err := os.WriteFile(lf, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	return lib.Load(lf, "")
}
