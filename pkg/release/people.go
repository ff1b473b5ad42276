package release

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/statement"
)

// Signature is one or more people who sign together: consecutive
// signatories with the same role and organisation, as the PDF sets them
// ("James Thomas and Richard North" / "Co-Chairs" / the organisation).
type Signature struct {
	Names []string
	// Text is the names joined as a sentence does, in the release's
	// language: "A", "A and B", "A, B and C".
	Text         string
	Role         string // plural when more than one name shares it
	Organisation string
	First        int // index of the first signatory in the statement, for its key
}

// NamesText is Text, or for a signature put together by hand the names
// joined in British English.
func (s Signature) NamesText() string {
	if s.Text != "" || len(s.Names) == 0 {
		return s.Text
	}
	return english().JoinNames(s.Names)
}

// JoinNames joins names as a sentence does: "A", "A and B", "A, B and C".
func (w *Words) JoinNames(names []string) string {
	switch n := len(names); n {
	case 0:
		return ""
	case 1:
		return names[0]
	default:
		and := w.And
		if w.andBefore != nil {
			and = w.andBefore(names[n-1])
		}
		return strings.Join(names[:n-1], w.NameSep) + and + names[n-1]
	}
}

// GroupSignatories sets consecutive signatories with the same role and
// organisation together, in British English. A signatory without an
// organisation signs for org, the statement's organisation.
func GroupSignatories(people []statement.Signatory, org string) []Signature {
	return english().Signatures(people, org)
}

// Signatures sets consecutive signatories with the same role and
// organisation together, their names joined and their role made plural
// with w's words. A signatory without an organisation signs for org, the
// statement's organisation.
func (w *Words) Signatures(people []statement.Signatory, org string) []Signature {
	var out []Signature
	var roles []string // the singular role of each group in out
	for i, p := range people {
		o := p.Organisation
		if o == "" {
			o = org
		}
		// A language without a rule for plural titles signs each person
		// on their own.
		if n := len(out); n > 0 && w.Plural != nil && roles[n-1] == p.Role && out[n-1].Organisation == o {
			out[n-1].Names = append(out[n-1].Names, p.Name)
			out[n-1].Role = w.Plural(p.Role)
			continue
		}
		out = append(out, Signature{Names: []string{p.Name}, Role: p.Role, Organisation: o, First: i})
		roles = append(roles, p.Role)
	}
	for i := range out {
		out[i].Text = w.JoinNames(out[i].Names)
	}
	return out
}

// Plural makes a job title plural at its head noun: "Co-Chair" →
// "Co-Chairs", "Chair of the Board" → "Chairs of the Board", "Deputy" →
// "Deputies", "Chairman" → "Chairmen". A title that already reads as
// plural is kept.
func Plural(role string) string {
	head, tail := role, ""
	for _, sep := range []string{" of ", " for ", " to ", " at ", ", ", " - ", " – "} {
		if i := strings.Index(head, sep); i > 0 {
			head, tail = head[:i], head[i:]+tail
		}
	}
	words := strings.Fields(head)
	if len(words) == 0 {
		return role
	}
	last := words[len(words)-1]
	lower := strings.ToLower(last)
	switch {
	case !unicode.IsLetter(lastRune(lower)):
		return role
	case strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss"):
		return role // already plural, or a title such as "Governors"
	case strings.HasSuffix(lower, "ss"), strings.HasSuffix(lower, "x"),
		strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"):
		last += "es"
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		last = last[:len(last)-1] + "ies"
	case strings.HasSuffix(lower, "man") && !strings.HasSuffix(lower, "human"):
		last = last[:len(last)-2] + "en"
	default:
		last += "s"
	}
	words[len(words)-1] = last
	return strings.Join(words, " ") + tail
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
	Lead  string // the label as printed before the value: "Email: "
	Text  string // as written: "07825 282 465"
	Href  string // "mailto:…", "tel:…" or "https://…"
	Key   string // the statement key it came from: "contacts[0].email"
}

// ResolveContacts turns the statement's contacts into lines, in the order
// email, phone, mobile, office, website, labelled in British English.
func ResolveContacts(contacts []statement.Contact) []Contact {
	return english().Contacts(contacts)
}

// Contacts turns the statement's contacts into lines, in the order
// email, phone, mobile, office, website, labelled with w's words.
func (w *Words) Contacts(contacts []statement.Contact) []Contact {
	out := make([]Contact, 0, len(contacts))
	for i, c := range contacts {
		rc := Contact{Purpose: c.Purpose, Name: c.Name, Role: c.Role, Organisation: c.Organisation}
		add := func(label, key, text, href string) {
			if text != "" {
				rc.Lines = append(rc.Lines, ContactLine{Label: label, Lead: label + w.LabelSep, Text: text, Href: href,
					Key: "contacts[" + strconv.Itoa(i) + "]." + key})
			}
		}
		add(w.Email, "email", c.Email, "mailto:"+c.Email)
		add(w.Phone, "phone", c.Phone, telHref(c.Phone))
		add(w.Mobile, "mobile", c.Mobile, telHref(c.Mobile))
		add(w.Office, "office", c.Office, telHref(c.Office))
		add(w.Website, "website", c.Website, webHref(c.Website))
		out = append(out, rc)
	}
	return out
}

// telHref keeps a leading + and the digits of the number a phone field
// gives: "0121 464 2612" → "tel:01214642612". A field may hold more than
// one number, or words around one ("029 2087 2000 / 029 2087 2087",
// "24 hours: 0300 123 1234", "… ext. 123"): the link dials the first
// number of six digits or more (else the longest), never the digits of
// several run together, which would dial no one.
func telHref(number string) string {
	var best string
	for _, run := range phoneRuns(number) {
		if digits := strings.TrimPrefix(run, "+"); len(digits) >= 6 {
			best = run
			break
		}
		if len(run) > len(best) {
			best = run
		}
	}
	return "tel:" + best
}

// phoneRuns splits a phone field into the numbers written in it, each
// as its digits (with a leading + kept). A number runs over digits and
// the spaces, dashes, dots and bracketed digit groups ("(0121)", the
// trunk "(0)") written inside numbers; anything else ends it.
func phoneRuns(s string) []string {
	var runs []string
	var b strings.Builder
	intl := false // the number started with +: a bracketed (0) is not dialled
	end := func() {
		if d := strings.TrimPrefix(b.String(), "+"); d != "" {
			runs = append(runs, b.String())
		}
		b.Reset()
		intl = false
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && b.Len() == 0:
			b.WriteRune(r)
			intl = true
		case r == '(':
			j := i + 1
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == ' ') {
				j++
			}
			group := strings.TrimSpace(string(rs[i+1 : min(j, len(rs))]))
			if j == len(rs) || rs[j] != ')' || group == "" {
				end()
				continue
			}
			if !(intl && group == "0") {
				b.WriteString(strings.ReplaceAll(group, " ", ""))
			}
			i = j
		case b.Len() > 0 && strings.ContainsRune(" \u00a0\u202f-\u2010\u2011.", r):
			// a space, dash or dot between the digit groups of one number
		default:
			end()
		}
	}
	end()
	return runs
}

// webHref makes "www.example.org" a secure link; a written scheme stays.
func webHref(site string) string {
	lower := strings.ToLower(site)
	if strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://") {
		return site
	}
	return "https://" + site
}
