// Package render typesets a release (pkg/release: the statement's words,
// and every fixed word, resolved once) in a layout: first into a page
// plan (lines and boxes on pages, each knowing what part of the statement
// it is), then draws the plan as a PDF with fpdf. It sets no word of its
// own; the layout gives only the look and the geometry. Every fpdf import
// of pressroom is in this package.
//
// The layout step (Layout, in compose.go, typeset.go and paginate.go)
// breaks lines itself with widths measured from fpdf's own tables,
// switches to a fallback font for each character the main font lacks,
// and paginates like a typesetter: no heading last on a page, no widows
// or orphans, signatories, contact cards and list items kept whole. The
// drawing step (draw.go) walks the plan and hands every piece, with its
// Role, to one small canvas interface; a tagged-PDF writer wraps that
// interface to put each piece in marked content, building the structure
// tree from the plan's roles, blocks and lists (tagged.go).
package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pdfua"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Options change how a PDF is written. The zero value is the default: a
// tagged PDF/UA-1 and PDF/A-2b file dated by the statement.
type Options struct {
	// Created is the document's creation date. Zero means the statement's
	// date at midnight UTC; callers pass SOURCE_DATE_EPOCH here.
	Created time.Time
	// Version is pressroom's version, written as the PDF's creator.
	Version string
	// Plain writes an untagged PDF with no PDF/A claims
	// (--pdf-standard none).
	Plain bool
	// Cache, when set, shares decoded logos between the renders that use
	// it; nil prepares them for this document alone. (Fonts are parsed
	// for the PDF once, with the layout: see font.Font.PDF.)
	Cache *Cache
}

// Result describes a rendered PDF.
type Result struct {
	Pages int
	// Warnings found while typesetting (e.g. a release over two pages).
	Warnings diag.List
}

// Producer is written as every PDF's producer. It names no version of a
// library so that output stays byte-identical across dependency updates.
const Producer = "pressroom (fpdf)"

// Render typesets the release r in its layout l and writes the PDF to w.
// Every word it sets is r's; r.Statement, which release.New keeps, gives
// diagnostics their positions. Input problems (a character no font can
// show) come back as a *diag.ListError; nothing is written to w then.
func Render(w io.Writer, r *release.Release, l *layout.Layout, opts Options) (Result, error) {
	return RenderAll(w, []*release.Release{r}, l, opts)
}

// RenderAll typesets the releases one after the other in one PDF, in the
// order given: a bilingual release, each language a release of its own
// (pipeline.Job.Halves gives the order). Each half starts on a new page
// with the layout's first-page header, and is its own part of the
// structure tree (a Sect with the half's /Lang); the catalogue's /Lang
// is the first's. Page numbers ("Page N of M", in each half's language)
// count the whole document, and "- more -" is printed, in its half's
// language, on every page that the document continues after: the pages
// before a half's end mark, and the last page of every half but the last.
// The bookmarks are a tree per half under its headline, and the
// document's title is the headlines joined with " / ".
func RenderAll(w io.Writer, rels []*release.Release, l *layout.Layout, opts Options) (Result, error) {
	var buf bytes.Buffer
	res, err := render(&buf, rels, l, opts)
	if err != nil {
		return res, err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return res, fmt.Errorf("write pdf: %w", err)
	}
	return res, nil
}

// RenderStatement makes the release of s in l (release.New) and renders
// it: Render for callers that have no release of their own.
func RenderStatement(w io.Writer, s *statement.Statement, l *layout.Layout, opts Options) (Result, error) {
	r, err := newRelease(s, l)
	if err != nil {
		return Result{}, err
	}
	return Render(w, r, l, opts)
}

// Layout typesets r in l into a page plan without writing a PDF, for
// tests and tools that look at what the typesetter decided.
func Layout(r *release.Release, l *layout.Layout) (*Plan, error) {
	return LayoutAll([]*release.Release{r}, l)
}

// LayoutAll is Layout of the releases of a bilingual document (see
// RenderAll).
func LayoutAll(rels []*release.Release, l *layout.Layout) (*Plan, error) {
	d, err := newDocument(rels, l, nil)
	if err != nil {
		return nil, err
	}
	d.fs.release()
	return d.plan, nil
}

// LayoutStatement is Layout of the release of s in l.
func LayoutStatement(s *statement.Statement, l *layout.Layout) (*Plan, error) {
	r, err := newRelease(s, l)
	if err != nil {
		return nil, err
	}
	return Layout(r, l)
}

func newRelease(s *statement.Statement, l *layout.Layout) (*release.Release, error) {
	if s == nil || l == nil {
		return nil, errors.New("render: no statement or no layout")
	}
	return release.New(s, l)
}

// document is one render in progress: its own fpdf instance and plan.
type document struct {
	pdf      *fpdf.Fpdf
	fs       *faces
	plan     *Plan
	warnings diag.List
}

func newDocument(rels []*release.Release, l *layout.Layout, cache *Cache) (d *document, err error) {
	defer errPanic(&err)
	if len(rels) == 0 || l == nil {
		return nil, errors.New("render: no release or no layout")
	}
	var list diag.List
	for _, r := range rels {
		if r == nil || r.Statement == nil {
			return nil, errors.New("render: no release or no statement")
		}
		list = append(list, Check(r.Statement, l)...)
	}
	if !list.HasErrors() {
		for _, r := range rels {
			list = append(list, CheckPDF(r.Statement, l)...)
		}
	}
	if list.HasErrors() {
		return nil, &diag.ListError{List: list}
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageSize(l).Wd, Ht: pageSize(l).Ht}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetCompression(true)
	fs := newFaces(pdf, l)
	var cs []*composer
	block := 0
	for _, r := range rels {
		c := newComposer(r, l, fs)
		// Block numbers group a paragraph's lines across pages: the
		// halves of one document must not share one.
		c.block = block
		c.br.rtl, c.br.lang = r.WordTable().RightToLeft(), r.Lang
		c.ts.lineHeight = fs.leading(c.ts.lineHeight, r.Headline, r.Lang, c.br.rtl)
		cs = append(cs, c)
		c.compose()
		block = c.block
	}
	plan := planAll(cs)
	mirrorParts(plan, cs)
	if fs.err != nil {
		return nil, fmt.Errorf("render: %w", fs.err)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("render: laying out: %w", err)
	}
	for _, c := range cs {
		if len(c.br.missing) > 0 {
			// Check finds these with their place in the file; this is the
			// safety net for text that does not come from the statement's
			// strings (the layout's wording, the organisation's name).
			var list diag.List
			seen := map[rune]bool{}
			for _, m := range c.br.missing {
				if !seen[m.r] {
					seen[m.r] = true
					list.Errorf(diag.Pos{File: c.r.Statement.File}, runeHint(m.r), "%s in %q cannot be shown: no font of the layout has it", describeRune(m.r), shorten(m.text, 60))
				}
			}
			return nil, &diag.ListError{List: list}
		}
	}
	if n := len(plan.Pages); n > MaxPages*len(rels) {
		var list diag.List
		pos, key := longestText(rels)
		list.Errorf(pos, limitHint, "the release would run to %s pages; a release may have at most %d (the longest text, %s, starts here)", thousands(n), MaxPages, key)
		return nil, &diag.ListError{List: list}
	}
	d = &document{pdf: pdf, fs: fs, plan: plan}
	for i, r := range rels {
		s := r.Statement
		d.warnings = append(d.warnings, placeholderWarnings(s)...)
		pages := plan.partPages(i)
		if n := len(pages); n > 2 {
			d.warnings.Warnf(diag.Pos{File: s.File}, "journalists read one or two pages: shorten the summary, or move background into [notes]",
				"the release runs to %d pages", n)
		}
		d.warnings = append(d.warnings, headlineWarning(s, pages)...)
	}
	return d, nil
}

func pageSize(l *layout.Layout) fpdf.SizeType {
	if l.Page.Width > 0 && l.Page.Height > 0 {
		return fpdf.SizeType{Wd: l.Page.Width, Ht: l.Page.Height}
	}
	return fpdf.SizeType{Wd: 210, Ht: 297}
}

func render(w io.Writer, rels []*release.Release, l *layout.Layout, opts Options) (res Result, err error) {
	defer errPanic(&err)
	d, err := newDocument(rels, l, opts.Cache)
	if err != nil {
		return Result{}, err
	}
	defer d.fs.recycle()
	r := rels[0]
	pdf := d.pdf
	created := opts.Created
	if created.IsZero() {
		created = r.Statement.Date.Time()
	}
	created = created.UTC()
	// A bilingual document's title, author and subject name it in both
	// languages ("Welsh / English"), as its halves do.
	title := joinDistinct(rels, func(r *release.Release) string { return r.Headline })
	author := joinDistinct(rels, func(r *release.Release) string { return r.Organisation })
	subject := joinDistinct(rels, func(r *release.Release) string { return r.Kind })
	var keywords []string
	for _, r := range rels {
		for _, k := range r.Keywords {
			if !slices.Contains(keywords, k) {
				keywords = append(keywords, k)
			}
		}
	}
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(author, true)
	pdf.SetSubject(subject, true)
	if len(keywords) > 0 {
		pdf.SetKeywords(strings.Join(keywords, ", "), true)
	}
	creator := "pressroom"
	if opts.Version != "" {
		creator += " " + opts.Version
	}
	pdf.SetCreator(creator, true)
	pdf.SetProducer(Producer, true)
	lang := langOf(r)
	pdf.SetLang(lang)

	pc := &pdfCanvas{pdf: pdf, fs: d.fs, plan: d.plan, logo: l.Logo, cache: opts.Cache}
	if !opts.Plain {
		// The default: tagged PDF/UA-1 and PDF/A-2b (tagged.go).
		meta := pdfua.Metadata{Title: title, Author: author, Subject: subject,
			Keywords: keywords, Creator: creator, Producer: Producer, Lang: lang, Created: created}
		if len(rels) > 1 {
			for _, r := range rels {
				meta.Versions = append(meta.Versions, pdfua.Version{Lang: langOf(r), Title: r.Headline, Subject: r.Kind})
			}
		}
		var words []*release.Words
		for _, r := range rels {
			words = append(words, r.WordTable())
		}
		if err := drawTagged(w, d.plan, pc, words, meta); err != nil {
			return Result{}, err
		}
		return Result{Pages: len(d.plan.Pages), Warnings: d.warnings}, nil
	}
	draw(d.plan, pc)
	if err := pdf.Error(); err != nil {
		return Result{}, fmt.Errorf("render: drawing: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return Result{}, fmt.Errorf("render: writing: %w", err)
	}
	return Result{Pages: len(d.plan.Pages), Warnings: d.warnings}, nil
}

// langOf is a release's language tag, en-GB when it has none.
func langOf(r *release.Release) string {
	if r.Lang == "" {
		return "en-GB"
	}
	return r.Lang
}

// joinDistinct joins the releases' values of f with " / ", each once.
func joinDistinct(rels []*release.Release, f func(*release.Release) string) string {
	var parts []string
	for _, r := range rels {
		if v := f(r); v != "" && !slices.Contains(parts, v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " / ")
}

// headlineWarning warns about a headline over statement.MaxHeadline
// characters that the layout cannot set in two lines. The character count
// is the usual guide, but it is a proxy for the harm, which is a headline
// running to three lines or more: a 71-character headline that sets in
// two lines in this layout (the seed's) is fine and gets no warning.
func headlineWarning(s *statement.Statement, pages []Page) diag.List {
	var list diag.List
	chars := utf8.RuneCountInString(s.Headline)
	if chars <= statement.MaxHeadline {
		return list
	}
	lines := 0
	for _, page := range pages {
		for _, it := range page.Items {
			if it.Role == RoleHeadline {
				lines++
			}
		}
	}
	if lines > 2 {
		list.Warnf(s.Locate("headline", 0), "shorten it, and move the detail into subheadline",
			"headline is %d characters long and sets in %d lines; over %d characters rarely fits in two", chars, lines, statement.MaxHeadline)
	}
	return list
}
