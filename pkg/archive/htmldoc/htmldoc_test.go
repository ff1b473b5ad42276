package htmldoc

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// body is enough running text for a page to hold a release.
const body = `<p>The council has agreed a new plan for the town centre that will bring empty shops back into use over the next three years.</p>`

// blocks writes a doc's blocks one a line as "kind[/role][ level][ ordered]@line: text".
func blocks(doc *source.Doc) string {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		b.WriteString(blk.Kind.String())
		if blk.Role != source.NoRole {
			b.WriteString("/" + string(blk.Role))
		}
		if blk.Kind == source.Heading || blk.Kind == source.ListItem {
			fmt.Fprintf(&b, " %d", blk.Level)
		}
		if blk.Ordered {
			b.WriteString(" ordered")
		}
		for i, l := range blk.Lines {
			if i == 0 {
				fmt.Fprintf(&b, "@%d: %s", l.Line, l.Text)
			} else {
				fmt.Fprintf(&b, " / @%d: %s", l.Line, l.Text)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func evidence(doc *source.Doc) string {
	var b strings.Builder
	for _, e := range doc.Evidence {
		fmt.Fprintf(&b, "%s=%s@%d\n", e.Key, e.Value, e.Line)
	}
	return b.String()
}

func drops(doc *source.Doc) string {
	var b strings.Builder
	for _, d := range doc.Dropped {
		fmt.Fprintf(&b, "%s@%d: %s\n", d.Why, d.Line, d.Text)
	}
	return b.String()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name                    string
		page                    string
		blocks, evidence, drops string // each line must be there; "" checks nothing
		exact                   bool   // blocks must be exactly these
	}{
		{
			name: "inline markup, entities and no-break spaces",
			page: "<html><body><main><h1>Title</h1>\n" +
				"<p>A <strong>bold</strong> and <em>italic</em> word, a <b><i>both</i></b>, &amp; &pound;5&nbsp;million; <a href=\"https://example.org/a\">a link</a> and a literal *star* [bracket].</p>\n" + body + "</main></body></html>",
			blocks: "title@1: Title\n" +
				`paragraph@2: A **bold** and *italic* word, a ***both***, & £5 million; [a link](https://example.org/a) and a literal \*star\* \[bracket\].` + "\n",
		},
		{
			name:   "br splits a block into lines, each with its line",
			page:   "<html><body><main><h1>T</h1>\n<p>Jane Smith<br>\nPress Officer<br>Tel: 01632 960 001</p>\n" + body + "</main></body></html>",
			blocks: "paragraph@2: Jane Smith / @3: Press Officer / @3: Tel: 01632 960 001\n",
		},
		{
			name: "headings, nested and ordered lists, quotes",
			page: "<main><h1>T</h1>\n<h2>Section</h2>\n<ul>\n<li>one\n<ul><li>one a</li></ul></li>\n<li><p>two</p></li>\n</ul>\n<ol><li>first</li><li>second</li></ol>\n" +
				"<blockquote><p>Quoted words.</p></blockquote>\n" + body + "</main>",
			blocks: "title@1: T\nheading 2@2: Section\nlist item 0@4: one\nlist item 1@5: one a\nlist item 0@6: two\n" +
				"list item 0 ordered@8: first\nlist item 0 ordered@8: second\nparagraph/quote@9: Quoted words.\n",
		},
		{
			name:   "text that looks like a list marker stays literal",
			page:   "<main><h1>T</h1><p>1. Not a list</p><p>- nor this</p>" + body + "</main>",
			blocks: "paragraph@1: 1\\. Not a list\nparagraph@1: \\- nor this\n",
		},
		{
			name:   "relative links are kept without a base",
			page:   `<main><h1>T</h1><p>See <a href="/news/1">the news</a> and <a href="#">a placeholder</a>.</p>` + body + "</main>",
			blocks: "paragraph@1: See [the news](/news/1) and [a placeholder](#).\n",
		},
		{
			name:   "relative links resolve against <base>",
			page:   `<head><base href="https://www.example.org/news/"></head><main><h1>T</h1><p>See <a href="item-2">the item</a>, <a href="mailto:a@example.org">mail</a>.</p>` + body + "</main>",
			blocks: "paragraph@1: See [the item](https://www.example.org/news/item-2), [mail](mailto:a@example.org).\n",
		},
		{
			name:   "relative links resolve against the canonical address",
			page:   `<head><link rel="canonical" href="https://www.example.org/news/x"></head><main><h1>T</h1><p><a href="/a b">spaced</a></p>` + body + "</main>",
			blocks: "paragraph@1: [spaced](https://www.example.org/a%20b)\n",
		},
		{
			name: "GOV.UK page",
			page: `<!DOCTYPE html>
<html lang="en">
<head><title>Headline - GOV.UK</title><meta name="govuk:format" content="press_release">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-12-17T09:30:00+00:00"}</script></head>
<body>
<a href="#main" class="govuk-skip-link">Skip to main content</a>
<main id="main">
<div class="gem-c-title"><span class="gem-c-title__context">Press release</span>
<h1 class="gem-c-title__text">Headline</h1></div>
<p class="gem-c-lead-paragraph">The lede.</p>
<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/org/a">Department A</a> and <a href="/org/b">Agency B</a></dd>
<dt>Published</dt><dd>17 December 2024</dd></dl></div>
<div class="govspeak">` + body + `
<div class="contact"><h3>Press office</h3><div class="vcard"><p class="email"><span class="type">Email</span> <a href="mailto:p@example.org">p@example.org</a></p><p class="tel"><span class="type">Telephone</span> 01632 960 000</p></div></div>
</div>
<div class="gem-c-share-links"><h2>Share this page</h2></div>
</main>
<footer class="govuk-footer">© Crown copyright</footer>
</body></html>`,
			exact: true,
			blocks: "paragraph/label@8: Press release\ntitle@9: Headline\nsubtitle/lede@10: The lede.\n" +
				"paragraph@13: The council has agreed a new plan for the town centre that will bring empty shops back into use over the next three years.\n" +
				"paragraph/contact@14: Press office / @14: Email [p@example.org](mailto:p@example.org) / @14: Telephone 01632 960 000\n",
			evidence: "lang=en@2\ntitle=Headline - GOV.UK@3\nkind=Press release@8\nfrom=Department A@11\nfrom=Agency B@11\npublished=17 December 2024@12\nkind=Press release@3\npublished=2024-12-17@4\n",
			drops:    "skip link@6: Skip to main content\npage metadata@11: From: Department A and Agency B Published 17 December 2024\nshare links@16: Share this page\nfooter@18: © Crown copyright\n",
		},
		{
			name: "CMS page: article chosen, furniture dropped with reasons, time near the title",
			page: `<html><body>
<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<nav><a href="/">Home</a></nav>
<div class="breadcrumbs"><a href="/">Home</a> &gt; News</div>
<article>
<header><h1>Council news</h1><p class="meta">Posted on <time datetime="2025-03-04T09:00">4 March 2025</time></p></header>
` + body + `
<div class="social-share"><a href="#">Facebook</a></div>
</article>
<aside><h2>Related</h2><a href="/x">Other news</a></aside>
<footer>Council footer</footer>
</body></html>`,
			exact:    true,
			blocks:   "title@6: Council news\nparagraph@7: The council has agreed a new plan for the town centre that will bring empty shops back into use over the next three years.\n",
			evidence: "published=2025-03-04@6\n",
			drops:    "cookie banner@2: We use cookies. Accept\nnavigation@3: Home\nbreadcrumbs@4: Home > News\npublished date@6: Posted on 4 March 2025\nshare links@8: Facebook\nsidebar@10: Related Other news\nfooter@11: Council footer\n",
		},
		{
			name: "no main or article: readability scoring finds the text",
			page: `<body><div id="menu"><a href="/a">A</a> <a href="/b">B</a></div>
<div class="wrap"><div class="story"><h1>Headline</h1>` + body + body + `</div><div class="links"><a href="/c">Another story with a long link title</a></div></div>
</body>`,
			blocks: "title@2: Headline\n",
			drops:  "navigation@1: A B\n",
		},
		{
			name:     "a date line before the body is evidence, not a block",
			page:     "<main><h1>T</h1>\n<p><b>Date:</b> 17th December 2024</p>\n" + body + "<p>Date: 1 May 2020</p></main>",
			exact:    true,
			blocks:   "title@1: T\nparagraph@3: The council has agreed a new plan for the town centre that will bring empty shops back into use over the next three years.\nparagraph@3: Date: 1 May 2020\n",
			evidence: "published=17th December 2024@2\n",
			drops:    "published date@2: Date: 17th December 2024\n",
		},
		{
			name:   "a contact class on an inline element does not split the paragraph",
			page:   `<main><h1>T</h1><p>Call <a class="contact-phone" href="tel:01632960001">01632 960 001</a> today.</p>` + body + "</main>",
			blocks: "paragraph@1: Call [01632 960 001](tel:01632960001) today.\n",
		},
		{
			name: "tables, definition lists, figures and preformatted text",
			page: "<main><h1>T</h1>" + body + "\n<table><tr><th>Year</th><th>Homes</th></tr>\n<tr><td>2024</td><td>1,200</td></tr></table>\n" +
				"<dl><dt>Cost</dt><dd>£5 million</dd></dl>\n<figure><img src=a.jpg alt=\"not visible\"><figcaption>The new centre</figcaption></figure>\n<pre>line one\nline two</pre></main>",
			blocks: "paragraph@2: Year Homes\nparagraph@3: 2024 1,200\nparagraph@4: Cost\nparagraph@4: £5 million\nparagraph@5: The new centre\nparagraph@6: line one / @7: line two\n",
		},
		{
			name:     "Welsh page: language, Cyhoeddwyd ar, Oddi wrth",
			page:     "<html lang=cy><body><main><h1>Teitl</h1>\n<div class=gem-c-metadata><p>Oddi wrth: Swyddfa Cymru</p><p>Cyhoeddwyd ar 1 Mawrth 2011</p></div>" + body + "</main></body></html>",
			evidence: "lang=cy@1\nfrom=Swyddfa Cymru@2\npublished=1 Mawrth 2011@2\n",
		},
		{
			name:   "title and standfirst are plain text",
			page:   `<main><h1><a href="/news/1">The <em>big</em> news</a></h1><p class="standfirst">A <strong>short</strong> <a href="/x">summary</a>.</p>` + body + "</main>",
			blocks: "title@1: The big news\nsubtitle/lede@1: A short summary.\n",
		},
		{
			name: "div soup: divs written as paragraphs are scored too",
			page: `<body><div class="top"><div><a href="/a">Services</a> <a href="/b">News</a> <a href="/c">Contact</a></div></div>
<div class="x"><div><b>Headline in bold</b></div><div>The council has agreed a new plan for the town centre, with new homes, shops and a market square.<br>It will bring empty shops back into use over the next three years.</div><div>Work starts in May.</div></div>
<div class="y"><div>Copyright the council</div></div></body>`,
			blocks: "paragraph@2: The council has agreed a new plan for the town centre, with new homes, shops and a market square. / @2: It will bring empty shops back into use over the next three years.\n",
			drops:  "outside the main content@1: Services News Contact\noutside the main content@3: Copyright the council\n",
		},
		{
			name:     "windows-1252 declared",
			page:     "<html><head><meta charset=windows-1252></head><body><main><h1>\x93Quoted\x94 \xa35</h1>" + body + "</main></body></html>",
			blocks:   "title@1: “Quoted” £5\n",
			evidence: "",
		},
		{
			name:   "undeclared UTF-8 read as UTF-8",
			page:   "<main><h1>Café – “news”</h1>" + body + "</main>",
			blocks: "title@1: Café – “news”\n",
		},
		{
			name:   "scripts, styles, hidden text and forms leave no words",
			page:   `<main><h1>T</h1><script>var x = "script words";</script><style>p{}</style><p>Visible <span class="visually-hidden">hidden</span><span hidden>gone</span><svg><text>svg</text></svg>text.</p><form><button>Send</button></form>` + body + "</main>",
			blocks: "paragraph@1: Visible text.\n",
			drops:  "form@1: Send\n",
		},
		{
			name:   "a heading in a contact card is one of its lines",
			page:   "<main><h1>T</h1>" + body + "\n<div class=\"vcard\"><h3>Media</h3><p>Ann Lee</p><ul><li>a@example.org</li><li>01632 960 001</li></ul></div></main>",
			blocks: "paragraph/contact@2: Media / @2: Ann Lee / @2: a@example.org / @2: 01632 960 001\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read([]byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != "html" || doc.Unit != source.Lines {
				t.Errorf("format %q unit %q", doc.Format, doc.Unit)
			}
			check := func(what, got, want string, exact bool) {
				if exact {
					if got != want {
						t.Errorf("%s:\n%s\nwant:\n%s", what, got, want)
					}
					return
				}
				for _, line := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
					if line != "" && !strings.Contains("\n"+got, "\n"+line+"\n") {
						t.Errorf("%s miss %q; got:\n%s", what, line, got)
					}
				}
			}
			check("blocks", blocks(doc), tt.blocks, tt.exact)
			check("evidence", evidence(doc), tt.evidence, tt.exact && tt.evidence != "")
			check("drops", drops(doc), tt.drops, tt.exact && tt.drops != "")
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"plain text", "PRESS RELEASE\n\nThe council has agreed a new plan.\n", "not a web page: it has no HTML tags"},
		{"empty", "", "not a web page: it has no HTML tags"},
		{"text with autolinks", "See <https://www.example.org/a> and <press@example.org>.\n" + strings.Repeat("The council has agreed a new plan. ", 10), "not a web page: it has no HTML tags"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<p>", "not a web page: it holds binary data"},
		{"no release", "<html><body><nav><a href=/>Home</a></nav><main><h1>Page not found</h1><p>Sorry.</p></main></body></html>", "no release found on the page: its main content has fewer than 20 words"},
		{"only furniture", "<html><body><div class=cookie-banner>" + strings.Repeat("We use cookies to make this site work. ", 20) + "</div><footer>" + body + "</footer></body></html>", "no release found"},
		{"too deep", strings.Repeat("<div>", 1000) + body, "the page could not be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read([]byte(tt.page))
			if err == nil {
				t.Fatalf("no error; blocks:\n%s", blocks(doc))
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if doc != nil {
				t.Error("a doc with the error")
			}
		})
	}
}

// TestLargePage reads a 10 MB page: it must take seconds and memory in
// proportion to the page.
func TestLargePage(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a 10 MB page (not with -short or -race)")
	}
	var b bytes.Buffer
	b.WriteString("<html><body><nav><a href=/>Home</a></nav><main><h1>Big</h1>\n")
	for b.Len() < 10<<20 {
		b.WriteString("<p>The council has agreed a <strong>new plan</strong> for the <a href=\"/town\">town centre</a> &amp; its shops.</p>\n<ul><li>one</li><li>two</li></ul>\n")
	}
	b.WriteString("</main><footer>Footer</footer></body></html>")
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, err := Read(b.Bytes())
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d MB page: %d blocks in %v, %d MB allocated", b.Len()>>20, len(doc.Blocks), took, alloc>>20)
	if took > 30*time.Second {
		t.Errorf("took %v", took)
	}
	if alloc > 100*uint64(b.Len()) {
		t.Errorf("allocated %d MB for a %d MB page", alloc>>20, b.Len()>>20)
	}
}

func FuzzRead(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "*.html"))
	for _, p := range pages {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("<main><h1>T</h1>" + body + "</main>"))
	f.Add([]byte(`<table><tr><td>a<td>b</table><pre>x
y</pre><ol><li><ul><li>deep</ul></ol><blockquote><div class=vcard><ul><li>x</ul></div></blockquote>`))
	f.Add([]byte("<meta charset=utf-16><p>x"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := read(src)
		if err != nil {
			if doc != nil {
				t.Fatal("a doc with an error")
			}
			return
		}
		for _, b := range doc.Blocks {
			if len(b.Lines) == 0 {
				t.Fatal("a block with no lines")
			}
			for _, l := range b.Lines {
				if strings.TrimSpace(l.Text) == "" || l.Line < 0 {
					t.Fatalf("empty line or bad line number: %+v", l)
				}
				if !utf8Valid(l.Text) {
					t.Fatalf("invalid UTF-8: %q", l.Text)
				}
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(corpusDir, "govuk-press-release-sea-walls.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Read(src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPathologicalPages reads pages built to make a careless reader
// quadratic: deep nesting, thousands of labels, times and headings.
func TestPathologicalPages(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("1 MB pages (not with -short or -race)")
	}
	const size = 1 << 20
	fill := func(head, unit, tail string) []byte {
		var b bytes.Buffer
		b.WriteString(head)
		for b.Len() < size {
			b.WriteString(unit)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
	deep := strings.Repeat(`<div class="label meta">`, 500) + "x " + strings.Repeat("</div>", 500)
	pages := map[string][]byte{
		"deep nesting":     fill("<main><h1>T</h1>"+body, deep, "</main>"),
		"labels":           fill("<main>", `<span class="label">a</span>`, "<h1>T</h1>"+body+"</main>"),
		"times":            fill("<body><div>", `<time datetime="2020-01-01">1 January 2020</time>`, "</div><main><h1>T</h1>"+body+"</main></body>"),
		"h1s":              fill("<body>", "<header><h1>Logo</h1></header>", "<main>"+body+"</main></body>"),
		"metadata":         fill(`<main><h1>T</h1>`+body+`<div class="gem-c-metadata">`, "<div><p>Nothing</p></div>", "</div></main>"),
		"scripts in label": fill(`<main><div class="label">`, "<script>x</script>  \n", "</div><h1>T</h1>"+body+"</main>"),
		"articles":         fill("<body>", "<article><p>one two three</p></article>", "<main><h1>T</h1>"+body+"</main></body>"),
		"unclosed":         fill("<main><h1>T</h1>"+body, "<b><i><a href=x><p>word ", "</main>"),
	}
	// Bounded in bytes allocated, not seconds, so a busy machine cannot
	// fail it: a reader that went back over the page for each element
	// would allocate many times the page's size (x/net/html rebuilding
	// unclosed formatting elements takes about 200 times already).
	for name, page := range pages {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Read(page)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d KB page, %d MB allocated (err %v)", name, len(page)>>10, alloc>>20, err)
		if alloc > uint64(len(page))*400 {
			t.Errorf("%s: %d MB allocated for a %d KB page", name, alloc>>20, len(page)>>10)
		}
	}
}
