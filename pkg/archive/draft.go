package archive

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/pkg/statement"
)

// Draft is a statement as the recogniser read it from an archived
// release: every text in the statement's markup, ready to be written as
// TOML.
type Draft struct {
	Layout       string
	Organisation string
	Kind         string
	Headline     string
	Subheadline  string
	Date         Date
	Dateline     string
	Embargo      *Embargo
	Reference    string
	Lang         string

	Summary      []string // paragraphs and lists, each one block of markup
	Developments *DraftDevelopments
	Signatories  []DraftSignatory
	Notes        *DraftSection
	About        *DraftSection
	Contacts     []DraftContact
}

// DraftDevelopments is the list a release announces.
type DraftDevelopments struct {
	Intro string
	Items []string
}

// DraftSignatory is one person who signs the release.
type DraftSignatory struct{ Name, Role, Organisation string }

// DraftSection is the note to editors or the About text.
type DraftSection struct {
	Heading string
	Body    []string // blocks of markup
}

// DraftContact is one media contact.
type DraftContact struct {
	Purpose, Name, Role, Organisation     string
	Email, Phone, Mobile, Office, Website string
}

// Confidence says how sure the recogniser is of a decision.
type Confidence int

const (
	// Sure means the source said so: a label ("Date:", "Email:"), a
	// style (Word's Title), a known heading ("Notes to editors").
	Sure Confidence = iota
	// Likely means a rule of layout decided it: the first short line
	// under the label is the headline; the lines under the body that read
	// as a name and a role are a signature.
	Likely
	// Guess means the rule is weak and the value wants a look: a
	// reference found in the text, a language told from its words.
	Guess
)

// String is the word used in reports: sure, likely or guess.
func (c Confidence) String() string {
	switch c {
	case Likely:
		return "likely"
	case Guess:
		return "guess"
	}
	return "sure"
}

// MarshalText gives the word in JSON.
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Finding is one decision of the recogniser: which field a value went
// to, from where, and how sure it is.
type Finding struct {
	// Field is the statement key ("headline", "contacts[0].email").
	Field      string     `json:"field"`
	Line       int        `json:"line,omitempty"`
	Confidence Confidence `json:"confidence"`
	// Why is the rule, in a few words ("the line under the label").
	Why string `json:"why"`
}

// Key is the finding's field as the user counts it, the way check's
// messages and the statement's own list entries name it: the first
// [[contacts]] is "contacts[1]" (Field counts from 0).
func (f Finding) Key() string { return statement.DisplayKey(f.Field) }

// Dropped is a piece of the source left out of the statement, and why.
type Dropped struct {
	Line int    `json:"line,omitempty"`
	Text string `json:"text"`
	Why  string `json:"why"`
}

// Field returns the value a finding names ("headline",
// "contacts[0].email", "signatories[1]"), shortened for a report.
func (d *Draft) Field(key string) string {
	var v string
	var idx int
	head, sub, _ := strings.Cut(key, ".")
	name := head
	if i := strings.IndexByte(head, '['); i > 0 {
		name = head[:i]
		fmt.Sscanf(head[i:], "[%d]", &idx)
	}
	switch name {
	case "layout":
		v = d.Layout
	case "organisation":
		v = d.Organisation
	case "kind":
		v = d.Kind
	case "headline":
		v = d.Headline
	case "subheadline":
		v = d.Subheadline
	case "date":
		if d.Date.Year != 0 {
			v = d.Date.String()
		}
	case "dateline":
		v = d.Dateline
	case "embargo":
		if d.Embargo != nil {
			v = fmt.Sprintf("%sT%02d:%02d", d.Embargo.Date, d.Embargo.Hour, d.Embargo.Minute)
			if d.Embargo.Zone != "" {
				v += " " + d.Embargo.Zone // the zone the line named, as the statement will carry it
			}
		}
	case "reference":
		v = d.Reference
	case "lang":
		v = d.Lang
	case "summary":
		if len(d.Summary) > 0 {
			v = d.Summary[0]
		}
	case "developments":
		if d.Developments != nil {
			v = fmt.Sprintf("%s (%d items)", d.Developments.Intro, len(d.Developments.Items))
		}
	case "signatories":
		if idx < len(d.Signatories) {
			s := d.Signatories[idx]
			v = s.Name
			switch sub {
			case "role":
				v = s.Role
			case "organisation":
				v = s.Organisation
			}
		}
	case "notes", "about":
		s := d.Notes
		if name == "about" {
			s = d.About
		}
		if s != nil {
			v = s.Heading
			// A section with no heading of its own (notes guessed from
			// text after the contacts) is shown by its text, not as "".
			if (sub == "body" || v == "") && len(s.Body) > 0 {
				v = s.Body[0]
			}
		}
	case "contacts":
		if idx < len(d.Contacts) {
			c := d.Contacts[idx]
			v = map[string]string{"purpose": c.Purpose, "name": c.Name, "role": c.Role, "organisation": c.Organisation,
				"email": c.Email, "phone": c.Phone, "mobile": c.Mobile, "office": c.Office, "website": c.Website}[sub]
		}
	}
	return shorten(v)
}
