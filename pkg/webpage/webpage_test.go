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
		`Mobile: <a href="tel:07825282465">07825 282 465</a>`,
		`Website: <a href="https://www.lscpbirmingham.org.uk">www.lscpbirmingham.org.uk</a>`,
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
