package release

import (
	"strconv"
	"strings"
	"time"
)

// Words is every fixed word and pattern a release prints, in one
// language: headings, labels, the names of months and weekdays, and the
// patterns of the lines pressroom writes around the statement's own
// words. The layout's wording (text.immediate, text.embargoed, end and
// more marks, date style and zone) is the organisation's choice and comes
// on top; these are the words no layout names.
//
// WordsFor is the one place a language's table is chosen, so that
// another language is a new table there and nothing else.
type Words struct {
	Lang string // the table's tag: "en-GB", "cy"
	Name string // its language in English: "Welsh"

	// The layout's wording. An English statement takes these from the
	// layout's [text]; any other language from its table. A layout's
	// [words.TAG] sets any label for one language.
	Kind           string // "Press release"
	Immediate      string // "For immediate release"
	Embargoed      string // "Embargoed until {time}"
	EmbargoSubject string // "EMBARGOED: ", before an e-mail's subject while the embargo holds
	MoreMark       string // "- more -"
	DatePrefix     string // "Date: "; empty for none
	// The organisation's own words from the layout, in every language
	// unless the layout's [words.TAG] gives them in that one.
	FooterNotice, Registration string

	NotesHeading    string // "Note to editors"
	AboutHeading    string // "About {organisation}"
	ContactHeading  string // "Media contact": one contact
	ContactsHeading string // "Media contacts": more than one
	EndMark         string // "ENDS", when the layout names none (text renditions)
	Reference       string // "Reference: {reference}", in the text renditions
	FooterReference string // "Ref: {reference}", the PDF's footer
	PageNumber      string // "Page {page} of {pages}"
	DatelineSep     string // " – " between the dateline and the first paragraph
	RunningSep      string // " — " between the headline and the date in the running header
	LabelSep        string // ": " between a contact label and its value
	NameSep         string // ", " between the names of people who sign together
	And             string // " and " before the last of them
	// Plural makes a job title plural, for people who sign together:
	// "Co-Chair" → "Co-Chairs".
	Plural func(role string) string

	// How a link annotation describes where it goes (its /Contents),
	// for a listener: an e-mail address, a phone number, and a web link
	// whose text is not its address.
	EmailLink string // "Email {address}"
	PhoneLink string // "Phone {number}"
	WebLink   string // "{text} ({address})"

	// Contact labels, in the order contact lines are written.
	Email, Phone, Mobile, Office, Website string

	Months   [12]string // January …
	Weekdays [7]string  // Sunday …
	// Ordinal is the suffix of a day of the month in the "ordinal" date
	// style: "st" for 1, "nd" for 2.
	Ordinal func(day int) string

	// fromLayout: the layout's [text] wording and date style apply (English).
	fromLayout bool
	// resolved: the wording fields hold the layout's choice (New).
	resolved bool
	// dateStyle, when set, replaces the layout's date style but "iso"
	// (American English writes month-day).
	dateStyle    string
	cldr         *cldrLocale // dates by CLDR, for every table but English
	unchecked    []string
	script       string
	rtl          bool
	shaped       bool
	embargoAt    string
	lowerWeekday bool
	andBefore    func(next string) string
}

// english is the table pressroom has always printed.
func english() *Words {
	w := &Words{
		Lang:            "en-GB",
		Name:            "British English",
		Kind:            "Press release",
		Immediate:       "For immediate release",
		Embargoed:       "Embargoed until {time}",
		EmbargoSubject:  "EMBARGOED: ",
		MoreMark:        "- more -",
		fromLayout:      true,
		NotesHeading:    "Note to editors",
		AboutHeading:    "About {organisation}",
		ContactHeading:  "Media contact",
		ContactsHeading: "Media contacts",
		EndMark:         "ENDS",
		Reference:       "Reference: {reference}",
		FooterReference: "Ref: {reference}",
		PageNumber:      "Page {page} of {pages}",
		DatelineSep:     " – ",
		RunningSep:      " — ",
		LabelSep:        ": ",
		NameSep:         ", ",
		And:             " and ",
		Plural:          Plural,
		EmailLink:       "Email {address}",
		PhoneLink:       "Phone {number}",
		WebLink:         "{text} ({address})",
		Email:           "Email", Phone: "Phone", Mobile: "Mobile", Office: "Office", Website: "Website",
		Ordinal: englishOrdinal,
	}
	for m := range w.Months {
		w.Months[m] = time.Month(m + 1).String()
	}
	for d := range w.Weekdays {
		w.Weekdays[d] = time.Weekday(d).String()
	}
	return w
}

func englishOrdinal(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// month names m; a month out of range (a zero date) as Go writes it.
func (w *Words) month(m time.Month) string {
	if m >= time.January && m <= time.December {
		return w.Months[m-1]
	}
	return m.String()
}

func (w *Words) weekday(d time.Weekday) string {
	if d >= time.Sunday && d <= time.Saturday {
		return w.Weekdays[d]
	}
	return d.String()
}

// fill replaces each {name} in pattern by its value, given as name, value
// pairs: fill(p, "page", "1", "pages", "2"). It replaces in one pass, so
// a value that holds "{pages}" is printed as it is.
func fill(pattern string, pairs ...string) string {
	if len(pairs) == 2 {
		return strings.ReplaceAll(pattern, "{"+pairs[0]+"}", pairs[1])
	}
	old := make([]string, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		old = append(old, "{"+pairs[i]+"}", pairs[i+1])
	}
	return strings.NewReplacer(old...).Replace(pattern)
}

// LinkDescription is what a link annotation's /Contents says: where the
// link goes, in words a listener can follow.
func (w *Words) LinkDescription(text, target string) string {
	text = strings.Join(strings.Fields(text), " ")
	switch {
	case strings.HasPrefix(target, "mailto:"):
		return fill(w.EmailLink, "address", strings.TrimPrefix(target, "mailto:"))
	case strings.HasPrefix(target, "tel:"):
		if text != "" {
			return fill(w.PhoneLink, "number", text)
		}
		return fill(w.PhoneLink, "number", strings.TrimPrefix(target, "tel:"))
	}
	bare := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(target, "https://"), "http://"), "/")
	if text == "" || strings.EqualFold(strings.TrimSuffix(text, "/"), bare) || strings.EqualFold(text, target) {
		return target
	}
	return fill(w.WebLink, "text", text, "address", target)
}

// PageOf is the footer's "Page 2 of 3".
func (w *Words) PageOf(page, pages int) string {
	return fill(w.PageNumber, "page", w.cldr.digits(strconv.Itoa(page)), "pages", w.cldr.digits(strconv.Itoa(pages)))
}
