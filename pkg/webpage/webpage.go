// Package webpage writes a release as one self-contained, accessible HTML
// page: semantic headings, lists and links, the layout's colours and font
// names in an inline style sheet, no scripts and nothing fetched from
// elsewhere, so a web team can publish it or paste it into a CMS.
package webpage

import (
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
)

//go:embed page.html.tmpl
var pageSource string

// page is parsed once, when the first page is written (not at start-up,
// which every command pays for); a parsed html/template is safe for
// concurrent use and never changed after this.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"sectionOf": func(id string, s *section) sectionRef { return sectionRef{ID: id, S: s} },
		// safeURL marks a contact link pressroom built itself (mailto:, tel:,
		// https:), which html/template would otherwise refuse for tel:.
		"safeURL": func(s string) template.URL { return template.URL(s) },
	}).Parse(pageSource))
})

// sectionRef is a section and the id its heading gets.
type sectionRef struct {
	ID string
	S  *section
}

// Write writes r to w as an HTML page.
func Write(w io.Writer, r *release.Release) error {
	return WriteAll(w, []*release.Release{r})
}

// WriteAll writes the releases of a bilingual release (in reading order:
// pipeline.Job.Halves) to w as one HTML page: the first one's masthead
// and footer, and each release in a <section> with its own lang and dir;
// the page's lang is the first's and its title names both headlines. One
// release gives the page Write gives.
func WriteAll(w io.Writer, rels []*release.Release) error {
	if len(rels) == 0 {
		return fmt.Errorf("write html: no release")
	}
	v := newView(rels[0])
	if len(rels) > 1 {
		var heads []string
		for i, r := range rels {
			p := newView(r)
			p.IDPrefix = fmt.Sprintf("%s-", langID(r.Lang, i))
			p.Dir = "ltr"
			if r.WordTable().RightToLeft() {
				p.Dir = "rtl"
			}
			v.Parts = append(v.Parts, p)
			heads = append(heads, r.Headline)
		}
		v.Title = strings.Join(heads, " / ") + " – " + v.Organisation
	}
	if err := page().Execute(w, v); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// langID makes a language tag an id prefix ("cy", "en-gb"), numbered
// when it is empty.
func langID(tag string, i int) string {
	var b strings.Builder
	for _, r := range strings.ToLower(tag) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return fmt.Sprintf("part%d", i+1)
	}
	return b.String()
}

// view is what the template reads: the release with its texts turned
// into pieces the template can print without logic of its own.
type view struct {
	*release.Release
	Summary     []block
	FirstIsPara bool // the summary opens with a paragraph, so the dateline joins it
	// DatelineMark is the dateline with the mark that joins it to the
	// first paragraph ("Birmingham –").
	DatelineMark string
	Developments []inline
	Notes, About *section
	Colours      colours
	// LogoSrc is the logo as a data: URL, so the page stays one file.
	LogoSrc template.URL
	LogoAlt string
	// Title is the page's title: the headline and the organisation.
	Title string
	// Parts are the releases of a bilingual page, each a section with
	// its language (Lang) and direction (Dir); IDPrefix keeps their
	// headings' ids apart. Empty for one release.
	Parts    []view
	Dir      string
	IDPrefix string
	// Joined is a release in a script whose letters join or reorder
	// (Arabic, Bengali …): letter-spacing would pull them apart.
	Joined bool
}

type section struct {
	Heading string
	Body    []block
}

// block is a paragraph (Inline) or a list (Items, Ordered, Start).
type block struct {
	Inline  []link
	List    bool
	Ordered bool
	Start   int
	Items   [][]block
}

// inline is one paragraph's pieces.
type inline = []link

// link is consecutive runs with the same target; Href is empty for text
// that is not linked.
type link struct {
	Href template.URL
	Runs []run
}

type run struct {
	Text          string
	Emphasis      bool
	Strong        bool
	LineBreakHere bool
	Lang          string // a passage in another language: its tag
}

// colours are CSS colours chosen from the layout so that text keeps a
// contrast of at least 4.5:1 (WCAG AA) against its background.
type colours struct {
	Background, Text, Muted, Accent, Primary, OnPrimary, Rule string
	// Mark is the wordmark's colour: on the band, or on the page when
	// the header has none; Headline the headline's (the primary colour,
	// as in the PDF).
	Mark, Headline string
}

func newView(r *release.Release) view {
	v := view{Release: r, Summary: blocks(r.Summary), Title: r.Headline + " – " + r.Organisation}
	v.FirstIsPara = len(v.Summary) > 0 && !v.Summary[0].List
	v.Joined = r.WordTable().Shaped()
	v.DatelineMark = strings.TrimRight(r.DatelineLead(), " ")
	if d := r.Developments; d != nil {
		for _, item := range d.Items {
			v.Developments = append(v.Developments, links(item))
		}
	}
	if s := r.Notes; s != nil {
		v.Notes = &section{Heading: s.Heading, Body: blocks(s.Body)}
	}
	if s := r.About; s != nil {
		v.About = &section{Heading: s.Heading, Body: blocks(s.Body)}
	}
	if lg := r.Style.Logo; lg != nil && lg.Vector != nil {
		// An SVG logo is written back from its parsed drawing (paths,
		// colours, gradients), never copied from the file, and shown
		// through <img>, where no script of an SVG would run anyway.
		v.LogoSrc = template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(lg.Vector.SVG()))
		v.LogoAlt = lg.Alt
	} else if lg != nil && len(lg.Data) > 0 && (lg.Format == "png" || lg.Format == "jpeg") {
		// Built from the layout's own image bytes, never from user text.
		v.LogoSrc = template.URL("data:image/" + lg.Format + ";base64," + base64.StdEncoding.EncodeToString(lg.Data))
		v.LogoAlt = lg.Alt
	}
	c := r.Style.Colours
	bg := c.Background
	if bg == (layout.Colour{}) && c.Text == (layout.Colour{}) {
		// An unset palette: black on white.
		bg = layout.Colour{R: 255, G: 255, B: 255}
	}
	primaryText := readable(c.OnPrimary, c.Primary)
	v.Colours = colours{
		Background: css(bg),
		Text:       css(readable(c.Text, bg)),
		Muted:      css(readable(c.Muted, bg)),
		Accent:     css(readable(c.Accent, bg)),
		Primary:    css(c.Primary),
		OnPrimary:  css(primaryText),
		Rule:       css(c.Rule),
		Headline:   css(readable(c.Primary, bg)),
	}
	v.Colours.Mark = v.Colours.Headline
	if r.Style.Header == "band" {
		v.Colours.Mark = v.Colours.OnPrimary
	}
	return v
}

func blocks(d markup.Doc) []block {
	out := make([]block, 0, len(d.Blocks))
	for _, b := range d.Blocks {
		out = append(out, toBlock(b))
	}
	return out
}

func toBlock(b markup.Block) block {
	if b.Kind == markup.Paragraph {
		return block{Inline: links(b.Inlines)}
	}
	nb := block{List: true, Ordered: b.Kind == markup.OrderedList, Start: b.Start}
	for _, item := range b.Items {
		var ib []block
		for _, x := range item.Blocks {
			ib = append(ib, toBlock(x))
		}
		nb.Items = append(nb.Items, ib)
	}
	return nb
}

// links groups runs by target, so that a link styled in parts is one
// <a>. Placeholder links carry no target and are set as text.
func links(runs []markup.Inline) []link {
	var out []link
	for _, r := range runs {
		href := template.URL(r.Link) // the statement allows only http, https, mailto and tel
		if n := len(out); n == 0 || out[n-1].Href != href {
			out = append(out, link{Href: href})
		}
		n := len(out)
		out[n-1].Runs = append(out[n-1].Runs, run{
			Text: r.Text, Emphasis: r.Style&markup.Emphasis != 0, Strong: r.Style&markup.Strong != 0,
			LineBreakHere: r.LineBreak, Lang: r.Lang,
		})
	}
	return out
}

func css(c layout.Colour) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// readable returns fg, or fg moved towards black or white just far enough
// to reach a contrast of 4.5:1 with bg. A layout may choose a light accent
// for print; on screen the words must still be legible.
func readable(fg, bg layout.Colour) layout.Colour {
	if layout.Contrast(fg, bg) >= 4.5 {
		return fg
	}
	target := layout.Colour{}
	if bg.Luminance() < 0.18 {
		target = layout.Colour{R: 255, G: 255, B: 255}
	}
	for step := 1; step <= 20; step++ {
		t := float64(step) / 20
		c := layout.Colour{R: mix(fg.R, target.R, t), G: mix(fg.G, target.G, t), B: mix(fg.B, target.B, t)}
		if layout.Contrast(c, bg) >= 4.5 {
			return c
		}
	}
	return target
}

func mix(a, b uint8, t float64) uint8 {
	return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t))
}
