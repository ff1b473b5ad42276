// Package release resolves a statement and its layout into the words a
// reader sees — kind label, release line, formatted date, headings,
// signatures set together, contact lines — once, so that the plain-text,
// HTML and e-mail renditions say exactly the same thing.
package release

import (
	"errors"
	"strings"
	"time"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Release is a statement with every default filled in from its layout,
// ready to be written out. It holds only values; renditions read it.
type Release struct {
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
	Date        string // the date in the layout's style
	ISODate     string // the date as YYYY-MM-DD, for machines
	Dateline    string
	Reference   string
	Keywords    []string

	Summary      markup.Doc
	Developments *statement.Developments
	Signatures   []Signature
	EndMark      string // "ENDS"
	Notes        *Section
	About        *Section
	Contacts     []Contact

	// Publisher is the layout's standing footer: who publishes, where
	// they are, and a notice the layout prints on every page.
	Publisher Publisher

	// Style is the layout's look, for renditions that can show colour.
	Style Style
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
}

// Default headings, used when neither the statement nor the layout names
// one.
const (
	DefaultNotesHeading = "Note to editors"
	DefaultEndMark      = "ENDS"
	defaultAboutPrefix  = "About "
)

// New resolves s in l: the layout supplies the defaults and the words
// (date style, release line, kind label, organisation, end mark).
func New(s *statement.Statement, l *layout.Layout) (*Release, error) {
	if s == nil || l == nil {
		return nil, errors.New("release: no statement or no layout")
	}
	org := l.OrganisationName(s)
	var embargoEnd time.Time
	if s.Embargo != nil {
		embargoEnd = l.EmbargoEnd(s.Embargo)
	}
	r := &Release{
		Lang:         s.Lang,
		Organisation: org,
		Kind:         l.KindLabel(s),
		ReleaseLine:  l.ReleaseLine(s.Embargo),
		Embargo:      s.Embargo,
		EmbargoEnd:   embargoEnd,
		Headline:     s.Headline,
		Subheadline:  s.Subheadline,
		DatePrefix:   l.Text.DatePrefix,
		Date:         l.FormatDate(s.Date),
		ISODate:      s.Date.Time().Format("2006-01-02"),
		Dateline:     s.Dateline,
		Reference:    s.Reference,
		Keywords:     s.Keywords,
		Summary:      s.Summary,
		Developments: s.Developments,
		Signatures:   GroupSignatories(s.Signatories, org),
		EndMark:      l.Text.EndMark,
		Contacts:     ResolveContacts(s.Contacts),
		Style: Style{
			Colours:     l.Colours,
			BodyFont:    l.Fonts.Body.Name,
			HeadingFont: l.Fonts.Heading.Name,
			Logo:        l.Logo,
		},
	}
	o := l.Organisation
	r.Publisher = Publisher{Name: o.Name, Registration: o.Registration, Notice: l.Text.FooterNotice}
	for _, line := range strings.Split(o.Address, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			r.Publisher.Address = append(r.Publisher.Address, line)
		}
	}
	if o.Phone != "" {
		r.Publisher.Lines = append(r.Publisher.Lines, ContactLine{Label: "Phone", Text: o.Phone, Href: telHref(o.Phone), Key: "organisation.phone"})
	}
	if o.Website != "" {
		r.Publisher.Lines = append(r.Publisher.Lines, ContactLine{Label: "Website", Text: o.Website, Href: webHref(o.Website), Key: "organisation.website"})
	}
	if r.Lang == "" {
		r.Lang = "en-GB"
	}
	if r.EndMark == "" {
		r.EndMark = DefaultEndMark
	}
	if s.Notes != nil {
		h := s.Notes.Heading
		if h == "" {
			h = DefaultNotesHeading
		}
		r.Notes = &Section{Heading: h, Body: s.Notes.Body}
	}
	if s.About != nil {
		h := s.About.Heading
		if h == "" {
			h = strings.TrimSpace(defaultAboutPrefix + org)
		}
		r.About = &Section{Heading: h, Body: s.About.Body}
	}
	return r, nil
}

// HeadingFontOrBody is the family headings are set in: the heading font,
// or the body font when the layout names none.
func (r *Release) HeadingFontOrBody() string {
	if r.Style.HeadingFont != "" {
		return r.Style.HeadingFont
	}
	return r.Style.BodyFont
}
