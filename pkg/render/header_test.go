package render

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
)

func testLogo(t testing.TB) *layout.Logo {
	t.Helper()
	data, err := os.ReadFile("../../examples/custom-brand/logo.png")
	if err != nil {
		t.Skipf("no example logo: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return &layout.Logo{Path: "logo.png", Image: img, Data: data, Format: "png", Width: 28, Align: "left", Alt: "Example Partnership logo", Wordmark: true}
}

// Every header style, with and without a logo, lays out cleanly, keeps
// the organisation's name as text where it is shown, and embeds the logo
// once however many pages there are.
func TestHeaderStyles(t *testing.T) {
	for _, style := range []layout.HeaderStyle{"band", "letterhead", "rule"} {
		for _, withLogo := range []bool{false, true} {
			name := string(style)
			if withLogo {
				name += "-logo"
			}
			t.Run(name, func(t *testing.T) {
				l := testLayout(t)
				l.Header = style
				l.Text.FooterNotice = "Example Partnership, 1 High Street, Birmingham B1 1AA. Registered charity 1234567."
				if style == "rule" {
					l.Colours.Background = layout.Colour{R: 0xfb, G: 0xf8, B: 0xf1} // a warm paper
				}
				if withLogo {
					l.Logo = testLogo(t)
				}
				s, _ := parseFile(t, layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts()), "../../testdata/render/ten-pages.toml")
				p, err := LayoutStatement(s, l)
				if err != nil {
					t.Fatal(err)
				}
				for _, pr := range append(planProblems(p), splitProblems(p)...) {
					t.Error(pr)
				}
				var buf bytes.Buffer
				if _, err := RenderStatement(&buf, s, l, Options{}); err != nil {
					t.Fatal(err)
				}
				keep(t, "header-"+name+".pdf", buf.Bytes())
				pdftest.Check(t, buf.Bytes())
				if withLogo {
					// The logo and, for its transparency, a soft mask.
					if n := bytes.Count(buf.Bytes(), []byte("/Subtype /Image")); n < 1 || n > 2 {
						t.Errorf("%d image objects; want the logo once", n)
					}
				}
				txt := pdftest.Text(t, buf.Bytes()).Raw
				if !strings.Contains(txt, "Birmingham Safeguarding Children Partnership") {
					t.Error("wordmark text missing")
				}
				if !strings.Contains(txt, "registered charity 1234567") && !strings.Contains(txt, "Registered charity 1234567") {
					t.Error("footer notice missing")
				}
			})
		}
	}
}

// A layout's page size and its page-number switch are obeyed.
func TestLetterWithoutPageNumbers(t *testing.T) {
	l := testLayout(t)
	l.Page = layout.Page{Size: "Letter", Width: 215.9, Height: 279.4, Top: 19, Right: 19, Bottom: 19, Left: 19}
	l.PageNumbers = false
	var buf bytes.Buffer
	res, err := RenderStatement(&buf, seedStatement(), l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 2 {
		t.Fatalf("%d pages; the test needs two", res.Pages)
	}
	info := pdftest.Info(t, buf.Bytes())
	if !strings.HasPrefix(info["Page size"], "612 x 792 pts (letter)") {
		t.Errorf("page size %q; want US Letter", info["Page size"])
	}
	if txt := pdftest.Text(t, buf.Bytes()).Raw; strings.Contains(txt, "Page 1 of") {
		t.Error("page numbers printed although the layout turns them off")
	}
}
