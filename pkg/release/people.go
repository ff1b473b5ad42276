package release

import (
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/statement"
)

// Signature is one or more people who sign together: consecutive
// signatories with the same role and organisation, as the PDF sets them
// ("James Thomas and Richard North" / "Co-Chairs" / the organisation).
type Signature struct {
	Names        []string
	Role         string // plural when more than one name shares it
	Organisation string
}

// NamesText joins the names as a sentence does: "A", "A and B",
// "A, B and C".
func (s Signature) NamesText() string {
	switch n := len(s.Names); n {
	case 0:
		return ""
	case 1:
		return s.Names[0]
	default:
		return strings.Join(s.Names[:n-1], ", ") + " and " + s.Names[n-1]
	}
}

// GroupSignatories sets consecutive signatories with the same role and
// organisation together. A signatory without an organisation signs for
// org, the statement's organisation.
func GroupSignatories(people []statement.Signatory, org string) []Signature {
	var out []Signature
	var roles []string // the singular role of each group in out
	for _, p := range people {
		o := p.Organisation
		if o == "" {
			o = org
		}
		if n := len(out); n > 0 && roles[n-1] == p.Role && out[n-1].Organisation == o {
			out[n-1].Names = append(out[n-1].Names, p.Name)
			out[n-1].Role = Plural(p.Role)
			continue
		}
		out = append(out, Signature{Names: []string{p.Name}, Role: p.Role, Organisation: o})
		roles = append(roles, p.Role)
	}
	return out
}

// Plural makes a role plural for people who share it: "Co-Chair" →
// "Co-Chairs", "Director of Children's Services" → "Directors of
// Children's Services", "Deputy" → "Deputies". The noun is the last word
// before " of ", " for ", " at " or a comma, or else the last word.
func Plural(role string) string {
	end := len(role)
	for _, sep := range []string{",", " of ", " for ", " at ", " to ", " and "} {
		if i := strings.Index(role, sep); i > 0 && i < end {
			end = i
		}
	}
	noun, rest := role[:end], role[end:]
	lower := strings.ToLower(noun)
	switch {
	case noun == "":
		return role
	case !unicode.IsLetter(lastRune(noun)):
		return role
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "x"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		noun += "es"
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		noun = noun[:len(noun)-1] + "ies"
	default:
		noun += "s"
	}
	return noun + rest
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

// Contact is one media contact with its ways of reaching them as lines.
type Contact struct {
	Purpose      string
	Name         string
	Role         string
	Organisation string
	Lines        []ContactLine
}

// ContactLine is one way to reach a contact: a label, the value as the
// statement wrote it, and the link it becomes.
type ContactLine struct {
	Label string // "Email", "Phone", "Mobile", "Office", "Website"
	Text  string // as written: "07825 282 465"
	Href  string // "mailto:…", "tel:…" or "https://…"
}

// ResolveContacts turns the statement's contacts into lines, in the order
// email, phone, mobile, office, website.
func ResolveContacts(contacts []statement.Contact) []Contact {
	out := make([]Contact, 0, len(contacts))
	for _, c := range contacts {
		rc := Contact{Purpose: c.Purpose, Name: c.Name, Role: c.Role, Organisation: c.Organisation}
		add := func(label, text, href string) {
			if text != "" {
				rc.Lines = append(rc.Lines, ContactLine{Label: label, Text: text, Href: href})
			}
		}
		add("Email", c.Email, "mailto:"+c.Email)
		add("Phone", c.Phone, telHref(c.Phone))
		add("Mobile", c.Mobile, telHref(c.Mobile))
		add("Office", c.Office, telHref(c.Office))
		add("Website", c.Website, webHref(c.Website))
		out = append(out, rc)
	}
	return out
}

// telHref keeps a leading + and the digits: "0121 464 2612" →
// "tel:01214642612".
func telHref(number string) string {
	var b strings.Builder
	b.WriteString("tel:")
	for i, r := range strings.TrimSpace(number) {
		if (r == '+' && i == 0) || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// webHref makes "www.example.org" a secure link; a written scheme stays.
func webHref(site string) string {
	lower := strings.ToLower(site)
	if strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://") {
		return site
	}
	return "https://" + site
}
