package webpage

import (
	"io"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release/releasetest"
)

func TestSeedPage(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, releasetest.Seed()); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		`<html lang="en-GB">`,
		`<title>Publication of learning from a Local Child Safeguarding Practice Review – Birmingham Safeguarding Children Partnership</title>`,
		`<h1>Publication of learning from a Local Child Safeguarding Practice Review</h1>`,
		// escaped, not markup
		`<p class="subheadline">Learning for agencies &amp; families &lt;after&gt; a baby was hurt</p>`,
		`<time datetime="2024-12-17">Date: 17th December 2024</time>`,
		`<p><span class="dateline">Birmingham –</span> Today we are publishing`,
		`<em>&#39;failed to take reasonable steps to protect her baby&#39;</em>`,
		`<li>The &#39;Never, Ever Shake a Baby&#39; Campaign launched in 2022</li>`,
		`The <a href="https://iconcope.org">ICON Programme</a> targeted`,
		`delivering <strong>Early Help</strong> and`,
		`families.<br>`,
		`<ol>
<li>First, a numbered point`,
		`<p class="signature">James Thomas and Richard North<br>
Co-Chairs<br>
Birmingham Safeguarding Children Partnership</p>`,
		`<p class="ends">ENDS</p>`,
		`<h2 id="notes">Note to editors</h2>`,
		`<h2 id="about">About Birmingham Safeguarding Children Partnership</h2>`,
		`<a href="mailto:Simon.Cross@birminghamchildrenstrust.co.uk">the business manager</a>`,
		`Mobile: <a href="tel:07825282465" dir="ltr">07825 282 465</a>`,
		`Website: <a href="https://www.lscpbirmingham.org.uk" dir="ltr">www.lscpbirmingham.org.uk</a>`,
		`font-family: "Noto Sans"`,
		`<meta name="keywords" content="safeguarding, LCSPR">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "ZgotmplZ", "src=", "@import", "url(", "http://"} {
		if strings.Contains(got, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
}

func TestReadableColours(t *testing.T) {
	white := layout.Colour{R: 255, G: 255, B: 255}
	pale := layout.Colour{R: 0xff, G: 0xcc, B: 0x00} // yellow: about 1.6:1 on white
	if c := layout.Contrast(pale, white); c >= 4.5 {
		t.Fatalf("test colour already readable: %.2f", c)
	}
	got := readable(pale, white)
	if c := layout.Contrast(got, white); c < 4.5 {
		t.Errorf("readable(%v) = %v, contrast %.2f < 4.5", pale, got, c)
	}
	dark := layout.Colour{R: 0x1d, G: 0x3c, B: 0x6e}
	if got := readable(dark, white); got != dark {
		t.Errorf("a readable colour was changed: %v → %v", dark, got)
	}
	if got := readable(dark, dark); layout.Contrast(got, dark) < 4.5 {
		t.Errorf("text on its own colour stays unreadable: %v", got)
	}
}

func BenchmarkPage(b *testing.B) {
	r := releasetest.Seed()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// The page's header is the PDF's: a band of the primary colour only when
// the layout has one, the name in the colour the PDF sets it in, the logo
// on no tile of its own.
func TestMastheadFollowsLayout(t *testing.T) {
	for _, tc := range []struct{ header, class, mark string }{
		{"band", "masthead masthead-band", "#ffffff"},
		{"letterhead", "masthead masthead-letterhead", "#1d5c4d"},
		{"rule", "masthead masthead-rule", "#1d5c4d"},
	} {
		r := releasetest.Seed()
		r.Style.Header = tc.header
		r.Style.Wordmark = true
		r.Style.Colours.Primary = layout.Colour{R: 0x1d, G: 0x5c, B: 0x4d}
		r.Style.Colours.OnPrimary = layout.Colour{R: 255, G: 255, B: 255}
		r.Style.Colours.Background = layout.Colour{R: 255, G: 255, B: 255}
		var b strings.Builder
		if err := Write(&b, r); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		if !strings.Contains(page, `<header class="`+tc.class+`">`) {
			t.Errorf("%s: no %q header", tc.header, tc.class)
		}
		if !strings.Contains(page, ".masthead { padding: 1rem; color: "+tc.mark+"; }") {
			t.Errorf("%s: wordmark not in %s", tc.header, tc.mark)
		}
		if !strings.Contains(page, "<span>"+r.Organisation+"</span>") {
			t.Errorf("%s: no wordmark", tc.header)
		}
		if strings.Contains(page, "background: #ffffff; padding: 0.25rem") {
			t.Errorf("%s: the logo sits on a white tile", tc.header)
		}
	}
}

// The page hyphenates the body as the PDF does, by the page's language,
// only when the layout hyphenates; never headings, names or addresses.
func TestHyphenationFollowsLayout(t *testing.T) {
	const rule = `article > p:not([class]), article li, section p, section li { hyphens: auto; }`
	for _, on := range []bool{true, false} {
		r := releasetest.Seed()
		r.Style.Hyphenate = on
		var b strings.Builder
		if err := Write(&b, r); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), rule); got != on {
			t.Errorf("layout hyphenate = %v: the page's hyphens rule is there: %v", on, got)
		}
	}
}
