// Package release resolves a statement and its layout into the words a
// reader sees — kind label, release line, formatted date, headings,
// signatures set together, contact lines, the end mark, the footer's
// reference and page numbers — once, so that the PDF, plain-text, HTML
// and e-mail renditions say exactly the same thing. The fixed words come
// from one table per language (Words, chosen by WordsFor); the layout
// adds its own wording (release line, marks, date style and zone) as
// data.
package release

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Release is a statement with every default filled in from its layout,
// ready to be written out. It holds only values; renditions read it.
type Release struct {
	// Statement is what the release was made from: its positions are
	// where diagnostics point, and its values what metadata reads.
	Statement *statement.Statement
	// Words is the table of fixed words the release was made with.
	Words *Words

	Lang         string // language tag, e.g. "en-GB"
	Organisation string // who issues it, defaulted from the layout
	Kind         string // the label above the headline
	ReleaseLine  string // "For immediate release", "Embargoed until …" or empty
	Embargo      *statement.Embargo
	// EmbargoEnd is the instant the embargo ends, read in the layout's
	// embargo zone; zero when there is no embargo.
	EmbargoEnd  time.Time
	Headline    string
	Subheadline string
	DatePrefix  string // e.g. "Date: "; may be empty
	Date        string // the date in the layout's style; empty when there is none
	ISODate     string // the date as YYYY-MM-DD, for machines; empty when there is none
	Dateline    string
	Reference   string
	// ReferenceLine is "Reference: …" as the text renditions print it,
	// FooterReference "Ref: …" as the PDF's footer does; empty when there
	// is no reference.
	ReferenceLine, FooterReference string
	Keywords                       []string

	Summary      markup.Doc
	Developments *statement.Developments
	Signatures   []Signature
	EndMark      string // "ENDS": the layout's end mark, or the table's when it names none
	Notes        *Section
	About        *Section
	Contacts     []Contact
	// ContactsHeading is "Media contact" or "Media contacts"; empty when
	// there are none.
	ContactsHeading string

	// Pages holds the words only a paged rendition (the PDF) prints.
	Pages Pages

	// Publisher is the layout's standing footer: who publishes, where
	// they are, and a notice the layout prints on every page.
	Publisher Publisher

	// Style is the layout's look, for renditions that can show colour.
	Style Style
}

// Pages are the words a paged rendition prints that the others do not.
type Pages struct {
	// EndMark is the layout's end mark as it is: empty means the PDF
	// prints none.
	EndMark string
	// More is the layout's "- more -" at the foot of every page but the
	// last; empty for none.
	More string
	// RunningHeader heads every page after the first: the headline,
	// shortened, and the date.
	RunningHeader string
}

// Section is the note to editors or the About text with its heading
// resolved.
type Section struct {
	Heading string
	Body    markup.Doc
}

// Publisher is the organisation's details from the layout, printed at
// the foot of a release. Empty fields are not shown.
type Publisher struct {
	Name         string
	Address      []string // lines
	Lines        []ContactLine
	Registration string
	Notice       string // a standing notice, e.g. a helpline
}

// Style is the part of a layout's look that survives outside a PDF.
type Style struct {
	Colours     layout.Colours
	BodyFont    string // family name, e.g. "Noto Sans"
	HeadingFont string
	// Logo is the layout's logo (shared, read-only), nil for none.
	Logo *layout.Logo
	// Header is the top of page 1 as the PDF draws it: "band",
	// "letterhead" or "rule", so that a web page can match it.
	Header string
	// Wordmark is true when the organisation's name is set as the mark:
	// there is no logo, or the layout asks for the name beside it.
	Wordmark bool
	// LogoRight puts the logo at the right of the header (never in a
	// letterhead, which keeps the right for the address).
	LogoRight bool
	// Hyphenate is the layout's [type] hyphenate: the web page lets the
	// browser hyphenate the body by the page's language too.
	Hyphenate bool
}

// runningHeadline is how many characters of the headline the running
// header keeps.
const runningHeadline = 70

// New resolves s in l: the layout supplies the defaults and its wording
// (date style, release line, kind label, organisation, marks), the
// statement's language the table of fixed words.
func New(s *statement.Statement, l *layout.Layout) (*Release, error) {
	if s == nil || l == nil {
		return nil, errors.New("release: no statement or no layout")
	}
	w := WordsFor(s.Lang)
	endMark := w.resolve(l, s.Lang)
	org := OrganisationName(s, l)
	var embargoEnd time.Time
	if s.Embargo != nil {
		embargoEnd = EmbargoEnd(s.Embargo, l.Text.Zone())
	}
	r := &Release{
		Statement:    s,
		Words:        w,
		Lang:         s.Lang,
		Organisation: org,
		Kind:         w.Kind,
		ReleaseLine:  w.ReleaseLine(s.Embargo, l),
		Embargo:      s.Embargo,
		EmbargoEnd:   embargoEnd,
		Headline:     s.Headline,
		Subheadline:  s.Subheadline,
		DatePrefix:   w.DatePrefix,
		Dateline:     s.Dateline,
		Reference:    s.Reference,
		Keywords:     s.Keywords,
		Summary:      s.Summary,
		Developments: s.Developments,
		Signatures:   w.Signatures(s.Signatories, org),
		EndMark:      endMark,
		Contacts:     w.Contacts(s.Contacts),
		Style: Style{
			Colours:     l.Colours,
			BodyFont:    l.Fonts.Body.Name,
			HeadingFont: l.Fonts.Heading.Name,
			Logo:        l.Logo,
			Header:      string(l.Header),
			Wordmark:    l.Logo == nil || l.Logo.Wordmark,
			LogoRight:   l.Logo != nil && l.Logo.Align == "right" && l.Header != "letterhead",
			Hyphenate:   l.Hyphenate,
		},
	}
	if r.Style.Header == "" {
		r.Style.Header = "band"
	}
	if !s.Date.IsZero() {
		r.Date = w.FormatDate(s.Date, l.DateStyle)
		r.ISODate = s.Date.Time().Format("2006-01-02")
	}
	if s.Reference != "" {
		r.ReferenceLine = fill(w.Reference, "reference", s.Reference)
		r.FooterReference = fill(w.FooterReference, "reference", s.Reference)
	}
	if s != nil && strings.TrimSpace(s.Kind) != "" {
		r.Kind = s.Kind
	}
	r.Pages = Pages{EndMark: endMark, More: w.MoreMark, RunningHeader: Shorten(s.Headline, runningHeadline)}
	if r.Date != "" {
		r.Pages.RunningHeader += w.RunningSep + r.Date
	}
	o := l.Organisation
	r.Publisher = Publisher{Name: o.Name, Registration: w.Registration, Notice: w.FooterNotice}
	for _, line := range strings.Split(o.Address, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			r.Publisher.Address = append(r.Publisher.Address, line)
		}
	}
	if o.Phone != "" {
		r.Publisher.Lines = append(r.Publisher.Lines, ContactLine{Label: w.Phone, Lead: w.Phone + w.LabelSep, Text: o.Phone, Href: telHref(o.Phone), Key: "organisation.phone"})
	}
	if o.Website != "" {
		r.Publisher.Lines = append(r.Publisher.Lines, ContactLine{Label: w.Website, Lead: w.Website + w.LabelSep, Text: o.Website, Href: webHref(o.Website), Key: "organisation.website"})
	}
	if r.Lang == "" {
		r.Lang = "en-GB"
	}
	if r.EndMark == "" {
		r.EndMark = w.EndMark
	}
	if s.Notes != nil {
		h := s.Notes.Heading
		if h == "" {
			h = w.NotesHeading
		}
		r.Notes = &Section{Heading: h, Body: s.Notes.Body}
	}
	if s.About != nil {
		h := s.About.Heading
		if h == "" {
			h = strings.TrimSpace(fill(w.AboutHeading, "organisation", org))
		}
		r.About = &Section{Heading: h, Body: s.About.Body}
	}
	switch len(r.Contacts) {
	case 0:
	case 1:
		r.ContactsHeading = w.ContactHeading
	default:
		r.ContactsHeading = w.ContactsHeading
	}
	if l.SmartPunctuation && canSetSmart(l) && smartLanguage(r.Lang) {
		r.smarten()
	}
	return r, nil
}

// resolve sets w's wording from the layout: an English table takes the
// layout's [text] as it is; another language keeps its own, but prints
// no release line, end mark or "- more -" where the layout prints none.
// Then the layout's [words.TAG] for w's language win. It returns the end
// mark the PDF prints (empty for none); w.EndMark is what the text
// renditions print.
func (w *Words) resolve(l *layout.Layout, lang string) (endMark string) {
	t := l.Text
	w.FooterNotice, w.Registration = t.FooterNotice, l.Organisation.Registration
	if w.fromLayout {
		w.Kind, w.Immediate, w.Embargoed, w.MoreMark, w.DatePrefix = t.Kind, t.Immediate, t.Embargoed, t.MoreMark, t.DatePrefix
		endMark = t.EndMark
		if t.EndMark != "" {
			w.EndMark = t.EndMark
		}
	} else {
		if t.Immediate == "" {
			w.Immediate = ""
		}
		if t.MoreMark == "" {
			w.MoreMark = ""
		}
		if t.EndMark != "" {
			endMark = w.EndMark
		}
	}
	for _, tag := range slices.Sorted(maps.Keys(l.Words)) {
		if !w.setBy(tag, lang) {
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(l.Words[tag])) {
			p := w.label(key)
			if p == nil {
				continue
			}
			*p = l.Words[tag][key]
			switch key {
			case "and":
				w.andBefore = nil
			case "end-mark":
				endMark = *p
			}
		}
	}
	w.resolved = true
	return endMark
}

// setBy reports whether a layout's [words.TAG] applies to a statement
// in lang that got w: TAG is the statement's own tag, or one that gets
// w's table exactly ([words.cy] for cy-GB; never [words.xx], which falls
// back, for English).
func (w *Words) setBy(tag, lang string) bool {
	if strings.EqualFold(tag, lang) {
		return true
	}
	m := MatchLang(tag)
	return m.Exact && m.Tag == w.Lang
}

// KindLabel is the label above the headline: the statement's kind, else
// the layout's.
func KindLabel(s *statement.Statement, l *layout.Layout) string {
	if s != nil && strings.TrimSpace(s.Kind) != "" {
		return s.Kind
	}
	return l.Text.Kind
}

// OrganisationName is who issues the statement: the statement's
// organisation, else the layout's.
func OrganisationName(s *statement.Statement, l *layout.Layout) string {
	if s != nil && strings.TrimSpace(s.Organisation) != "" {
		return s.Organisation
	}
	return l.Organisation.Name
}

// DatelineLead is what opens the first paragraph when the statement has a
// dateline ("Birmingham – "); empty when it has none.
func (r *Release) DatelineLead() string {
	if r.Dateline == "" {
		return ""
	}
	return r.Dateline + r.words().DatelineSep
}

// PageNumber is the footer's "Page 2 of 3".
func (r *Release) PageNumber(page, pages int) string { return r.words().PageOf(page, pages) }

// WordTable is the release's table of words; a release built by hand
// without one gets its language's.
func (r *Release) WordTable() *Words { return r.words() }

func (r *Release) words() *Words {
	if r.Words == nil {
		return WordsFor(r.Lang)
	}
	return r.Words
}

// Shorten cuts text to at most n characters at a word boundary, with an
// ellipsis.
func Shorten(text string, n int) string {
	runes := []rune(text)
	if len(runes) <= n {
		return text
	}
	cut := string(runes[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + "…"
}

// HeadingFontOrBody is the family headings are set in: the heading font,
// or the body font when the layout names none.
func (r *Release) HeadingFontOrBody() string {
	if r.Style.HeadingFont != "" {
		return r.Style.HeadingFont
	}
	return r.Style.BodyFont
}
