package render

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// The layout writes dates, the release line, the kind and the
// organisation (pkg/layout's wording), so that every rendition of a
// statement says them the same way.

func formatDate(d statement.Date, l *layout.Layout) string { return l.FormatDate(d) }

func releaseLine(s *statement.Statement, l *layout.Layout) string { return l.ReleaseLine(s.Embargo) }

func organisation(s *statement.Statement, l *layout.Layout) string { return l.OrganisationName(s) }

// kindLabel is the label above the headline, in capitals.
func kindLabel(s *statement.Statement, l *layout.Layout) string {
	return strings.ToUpper(l.KindLabel(s))
}

// signatoryGroup is consecutive signatories who share a role and an
// organisation, set as one block: "James Thomas and Richard North",
// "Co-Chairs", "Birmingham Safeguarding Children Partnership".
type signatoryGroup struct {
	names        []string
	role         string
	organisation string
	first        int // index of the first signatory, for its key
}

func groupSignatories(s *statement.Statement, l *layout.Layout) []signatoryGroup {
	var groups []signatoryGroup
	for i, sg := range s.Signatories {
		org := sg.Organisation
		if org == "" {
			org = organisation(s, l)
		}
		if n := len(groups); n > 0 && groups[n-1].role == sg.Role && groups[n-1].organisation == org {
			groups[n-1].names = append(groups[n-1].names, sg.Name)
			continue
		}
		groups = append(groups, signatoryGroup{names: []string{sg.Name}, role: sg.Role, organisation: org, first: i})
	}
	return groups
}

// joinedNames joins "A", "A and B", "A, B and C".
func (g signatoryGroup) joinedNames() string {
	n := len(g.names)
	if n == 1 {
		return g.names[0]
	}
	return strings.Join(g.names[:n-1], ", ") + " and " + g.names[n-1]
}

// joinedRole is the role, made plural for a group.
func (g signatoryGroup) joinedRole() string {
	if len(g.names) < 2 {
		return g.role
	}
	return pluralRole(g.role)
}

// pluralRole makes a job title plural at its head noun: "Co-Chair" →
// "Co-Chairs", "Chair of the Board" → "Chairs of the Board", "Deputy" →
// "Deputies". A title that already reads as plural is kept.
func pluralRole(role string) string {
	head, tail := role, ""
	for _, sep := range []string{" of ", " for ", " to ", " at ", ", ", " - ", " – "} {
		if i := strings.Index(head, sep); i > 0 {
			head, tail = head[:i], head[i:]+tail
		}
	}
	if head == "" {
		return role
	}
	words := strings.Fields(head)
	if len(words) == 0 {
		return role
	}
	last := words[len(words)-1]
	lower := strings.ToLower(last)
	switch {
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

// contactLine is one way to reach a media contact: the label, the text as
// the user wrote it, and the link target made from it.
type contactLine struct {
	label, text, target, key string
}

func contactLines(c statement.Contact, i int) []contactLine {
	var out []contactLine
	key := fmt.Sprintf("contacts[%d].", i)
	if c.Email != "" {
		out = append(out, contactLine{"Email", c.Email, "mailto:" + c.Email, key + "email"})
	}
	for _, p := range []struct{ label, v, k string }{
		{"Phone", c.Phone, "phone"}, {"Mobile", c.Mobile, "mobile"}, {"Office", c.Office, "office"},
	} {
		if p.v != "" {
			out = append(out, contactLine{p.label, p.v, telURI(p.v), key + p.k})
		}
	}
	if c.Website != "" {
		out = append(out, contactLine{"Website", c.Website, webURI(c.Website), key + "website"})
	}
	return out
}

// telURI makes a tel: link from a number as written: spaces, dots,
// dashes and brackets go, a leading + stays.
func telURI(number string) string {
	// "+44 (0)121 …": the bracketed trunk zero is dialled only from
	// inside the country, never after the country code.
	if strings.HasPrefix(strings.TrimSpace(number), "+") {
		number = strings.ReplaceAll(number, "(0)", "")
	}
	var b strings.Builder
	b.WriteString("tel:")
	for _, r := range number {
		if r >= '0' && r <= '9' || r == '+' && b.Len() == 4 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// webURI adds https:// to a website written without a scheme.
func webURI(site string) string {
	lower := strings.ToLower(site)
	if strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://") {
		return site
	}
	return "https://" + site
}
