package archive

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/internal/lazyre"
)

// readContacts reads the contact blocks line by line: a lead-in gives the
// purpose, labelled lines ("Email:", "Tel:") and bare addresses and
// numbers give the ways to reach someone, and name, role and organisation
// lines give who they are. A new name after a contact with a way to reach
// it starts the next contact.
func (r *recogniser) readContacts(blocks []block) {
	var cur *DraftContact
	var curLine int
	purpose, purposeLine, purposeWhy := "", 0, ""
	inAddress := false
	var purposeSure Confidence
	flush := func() {
		if cur == nil {
			return
		}
		if cur.Email == "" && cur.Phone == "" && cur.Mobile == "" && cur.Office == "" && cur.Website == "" {
			// A contact with no way to reach them fails check; keep
			// its words in the report rather than invent a way.
			r.drop(curLine, strings.Trim(strings.Join([]string{cur.Purpose, cur.Name, cur.Role, cur.Organisation}, " "), " "),
				"a contact with no e-mail, phone or website")
		} else {
			r.d.Contacts = append(r.d.Contacts, *cur)
		}
		cur = nil
	}
	start := func(line int) {
		flush()
		cur = &DraftContact{Purpose: purpose}
		curLine = line
		if purpose != "" {
			r.note(fmt.Sprintf("contacts[%d].purpose", len(r.d.Contacts)), purposeLine, purposeSure, "%s", purposeWhy)
		}
		purpose = ""
	}
	k := func() string { return fmt.Sprintf("contacts[%d]", len(r.d.Contacts)) }
	for _, b := range blocks {
		for li, whole := range b.plain {
			for _, p := range splitDetails(whole) {
				p = strings.TrimSpace(p)
				line := b.Lines[li].Line
				if p == "" {
					continue
				}
				// A lead-in: "Media enquiries:", "For any media enquiries …
				// please contact …".
				if m := contactHeading.FindStringSubmatchIndex(p); m != nil && words(p[:m[3]]) <= 10 && !detailLine.MatchString(p) {
					flush()
					purpose = strings.TrimSpace(strings.TrimRight(p[m[2]:m[3]], ":-– "))
					purposeLine, purposeSure, purposeWhy = line, Sure, "the lead-in above the contact"
					if rest := strings.TrimSpace(p[m[1]:]); rest != "" {
						start(line)
						r.describe(cur, rest, line, k())
					}
					continue
				}
				if m := issuedBy.FindStringSubmatch(p); m != nil {
					flush()
					purpose, purposeLine, purposeSure, purposeWhy = strings.TrimSpace(m[1]), line, Sure, "the \"Issued by\" line"
					start(line)
					r.describe(cur, m[2], line, k())
					continue
				}
				if m := contactSentence.FindStringSubmatch(p); m != nil && (cur == nil || cur.Name != "") {
					flush()
					purpose = strings.TrimSpace(m[1])
					purposeLine, purposeSure, purposeWhy = line, Likely, "the sentence that asks the reader to contact"
					if rest := strings.TrimSpace(m[2]); rest != "" {
						start(line)
						r.describe(cur, rest, line, k())
					}
					continue
				}
				if m := detailLine.FindStringSubmatch(p); m != nil && fitsLabel(strings.ToLower(m[1]), m[2]) {
					if cur == nil {
						start(line)
					}
					r.detail(cur, strings.ToLower(m[1]), strings.TrimSpace(m[2]), line, k(), p)
					continue
				}
				if e := emailAddress.FindString(p); e != "" && words(p) <= 3 {
					if cur == nil {
						start(line)
					}
					r.set(&cur.Email, e, line, k()+".email", Likely, "an e-mail address on its own line", p)
					continue
				}
				if w := webAddress.FindString(p); w != "" && words(p) <= 3 {
					if cur == nil {
						start(line)
					}
					r.set(&cur.Website, w, line, k()+".website", Likely, "a web address on its own line", p)
					continue
				}
				if ph := phoneNumber.FindString(p); ph != "" && words(p) <= 6 {
					if cur == nil {
						start(line)
					}
					field, target := phoneField(cur, ph)
					r.set(target, strings.TrimSpace(ph), line, k()+"."+field, Likely, "a phone number on its own line", p)
					continue
				}
				// A postal address over several lines ("2 Marsham Quay",
				// "London", "SW1P 4XX"): the statement has no key for it.
				if streetLine.MatchString(p) || inAddress && !postcode.MatchString(p) && words(p) <= 4 || postcode.MatchString(p) && words(p) <= 3 {
					inAddress = !postcode.MatchString(p)
					r.drop(line, p, "a postal address: the statement has no key for one")
					continue
				}
				inAddress = false
				// Who they are.
				if cur != nil && hasWay(cur) && (cur.Name != "" || isNameLine(firstPart(p))) {
					start(line)
				}
				if cur == nil {
					start(line)
				}
				r.describe(cur, p, line, k())
			}
		}
		// A contact card ends with its block.
		if b.Role != "" && cur != nil && hasWay(cur) {
			flush()
		}
	}
	flush()
}

// fitsLabel reports whether a labelled line's value is what its label
// promises: a number after "Tel", an address after "Email", a web address
// after "Website". "Swyddfa'r Wasg" starts with the word for office but
// is the press office's name.
func fitsLabel(label, value string) bool {
	value = strings.TrimSpace(value)
	switch {
	case strings.HasPrefix(label, "e") && label != "x":
		return emailAddress.MatchString(value)
	case label == "website" || label == "web" || label == "gwefan" || label == "www":
		return !strings.Contains(strings.TrimSpace(value), " ") && strings.Contains(value, ".")
	case label == "x" || label == "twitter":
		return strings.HasPrefix(value, "@") || strings.Contains(value, "/")
	}
	return strings.IndexAny(value, "0123456789") >= 0
}

// splitDetails splits a line that holds several labelled details into
// one piece each, so that "Telephone: 01632 960 222  Email: comms@…"
// gives a phone and an e-mail address.
func splitDetails(line string) []string {
	idx := labelStart.FindAllStringIndex(line, -1)
	if len(idx) < 2 {
		return []string{line}
	}
	var out []string
	prev := 0
	for _, m := range idx[1:] {
		out = append(out, line[prev:m[0]])
		prev = m[0]
	}
	return append(out, line[prev:])
}

func hasWay(c *DraftContact) bool {
	return c.Email != "" || c.Phone != "" || c.Mobile != "" || c.Office != "" || c.Website != ""
}

func firstPart(p string) string {
	first, _, _ := strings.Cut(p, ",")
	return strings.TrimSpace(first)
}

// onPhrase is " on 01632 960123", " at press@example.org", " or", " by
// e-mail" in a running description of a contact.
var onPhrase = lazyre.New(`(?i)\s*\b(?:on|at|or|by|via|tel|e-?mail|telephone|phone|mobile)\b\s*[:.]?\s*$`)

// describe reads a description of who a contact is: "Simon Cross,
// Business Manager", "Birmingham Safeguarding Children Partnership
// Business Manager, Simon Cross", "Press Office on 01632 960000", or a
// line of role or organisation under a name.
func (r *recogniser) describe(c *DraftContact, p string, line int, key string) {
	// Ways to reach them written into the description.
	for _, e := range emailAddress.FindAllString(p, -1) {
		r.set(&c.Email, e, line, key+".email", Likely, "an e-mail address in the contact's line", p)
		p = strings.Replace(p, e, "", 1)
	}
	for _, w := range webAddress.FindAllString(p, -1) {
		r.set(&c.Website, w, line, key+".website", Likely, "a web address in the contact's line", p)
		p = strings.Replace(p, w, "", 1)
	}
	for _, ph := range phoneNumber.FindAllString(p, -1) {
		field, target := phoneField(c, ph)
		r.set(target, strings.TrimSpace(ph), line, key+"."+field, Likely, "a phone number in the contact's line", p)
		p = strings.Replace(p, ph, "", 1)
	}
	p = strings.TrimSpace(p)
	for {
		q := strings.TrimSpace(strings.Trim(onPhrase.ReplaceAllString(p, ""), ",;:.–- "))
		if q == p {
			break
		}
		p = q
	}
	p = strings.Trim(p, "()")
	if p == "" {
		return
	}
	parts := strings.Split(p, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	name := -1
	for i, part := range parts {
		if isOneName(part) && !orgWord.MatchString(part) {
			name = i
			break
		}
	}
	if name >= 0 && c.Name == "" {
		c.Name = parts[name]
		r.note(key+".name", line, Likely, "a name among the contact's words")
		parts = append(parts[:name], parts[name+1:]...)
	}
	if len(parts) == 0 {
		return
	}
	parts = r.dropAddress(parts, line, p)
	if n := len(parts); n >= 2 && c.Organisation == "" && orgNoun.MatchString(parts[n-1]) {
		// "Communications Team, Harrowby Vale Council": the last part
		// names the organisation.
		c.Organisation = parts[n-1]
		r.note(key+".organisation", line, Likely, "the organisation after the role")
		parts = parts[:n-1]
	}
	rest := strings.Join(parts, ", ")
	switch {
	case c.Role == "":
		c.Role = r.roleFirst(rest)
		r.note(key+".role", line, Likely, "the words beside the name")
	case c.Organisation == "":
		c.Organisation = rest
		r.note(key+".organisation", line, Likely, "the line under the role")
	default:
		c.Role += ", " + rest
		r.note(key+".role", line, Guess, "a further line of the contact, added to the role")
	}
}

// issuedBy is "Issued by the Communications Department, …", a footer
// that names who to contact.
var issuedBy = lazyre.New(`(?i)^((?:issued|published|released)\s+by)\s+(?:the\s+)?(.+)$`)

// streetLine is the first line of a postal address: "2 Marsham Quay",
// "10A High Street".
var streetLine = lazyre.New(`^[0-9]{1,4}[A-Za-z]?,?\s+\p{Lu}\p{L}+(?:\s+\p{L}+){0,4}$`)

// postcode is a UK postcode ("SW1P 4XX", "B1 1BB").
var postcode = lazyre.New(`\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b`)

// dropAddress takes a postal address out of a contact's parts — from the
// first part that starts with a house number to the part with the
// postcode — and reports it: the statement has no key for an address.
func (r *recogniser) dropAddress(parts []string, line int, src string) []string {
	end := -1
	for i, p := range parts {
		if postcode.MatchString(p) {
			end = i
		}
	}
	if end < 0 {
		return parts
	}
	start := end
	for i := end; i >= 0; i-- {
		if p := strings.TrimSpace(parts[i]); p != "" && p[0] >= '0' && p[0] <= '9' {
			start = i
		}
	}
	if start > end {
		return parts
	}
	r.drop(line, strings.Join(parts[start:end+1], ", "), "a postal address: the statement has no key for one")
	return append(append([]string(nil), parts[:start]...), parts[end+1:]...)
}

// roleFirst writes "Birmingham Safeguarding Children Partnership Business
// Manager" as "Business Manager, Birmingham Safeguarding Children
// Partnership" when it starts with an organisation the release names.
func (r *recogniser) roleFirst(s string) string {
	for _, org := range r.orgs {
		if org != "" && len(s) > len(org)+1 && strings.HasPrefix(s, org+" ") {
			return strings.TrimSpace(s[len(org):]) + ", " + org
		}
	}
	return s
}

// detail reads one labelled line ("Mobile: 07700 900123").
func (r *recogniser) detail(c *DraftContact, label, value string, line int, key, src string) {
	value = strings.TrimSpace(value)
	switch {
	case strings.HasPrefix(label, "e") && label != "x":
		if e := emailAddress.FindString(value); e != "" {
			r.set(&c.Email, e, line, key+".email", Sure, "the \"Email\" line", src)
			return
		}
	case strings.HasPrefix(label, "mob") || label == "cell" || strings.HasSuffix(label, "symudol"):
		r.set(&c.Mobile, value, line, key+".mobile", Sure, "the \"Mobile\" line", src)
		return
	case label == "office" || label == "swyddfa":
		r.set(&c.Office, value, line, key+".office", Sure, "the \"Office\" line", src)
		return
	case strings.HasPrefix(label, "tel") || label == "phone" || label == "ffôn" || strings.HasPrefix(label, "direct") || label == "switchboard" || strings.HasPrefix(label, "out"):
		field, target := "phone", &c.Phone
		if *target != "" && c.Office == "" {
			field, target = "office", &c.Office
		}
		r.set(target, value, line, key+"."+field, Sure, fmt.Sprintf("the %q line", label), src)
		return
	case label == "website" || label == "web" || label == "gwefan" || label == "www":
		if label == "www" {
			value = "www" + value
			if !strings.HasPrefix(value, "www.") {
				value = "www." + strings.TrimPrefix(value, "www")
			}
		}
		r.set(&c.Website, value, line, key+".website", Sure, "the \"Website\" line", src)
		return
	}
	r.drop(line, src, "a way to reach the contact that the statement has no key for ("+label+")")
}

// set fills a contact field once; a second value for the same field is
// reported, not written over the first.
func (r *recogniser) set(field *string, value string, line int, key string, c Confidence, why, src string) {
	value = strings.TrimSpace(strings.TrimPrefix(value, "mailto:"))
	if *field != "" {
		if *field != value {
			r.drop(line, src, fmt.Sprintf("a second %s for the same contact", key[strings.LastIndex(key, ".")+1:]))
		}
		return
	}
	*field = value
	r.note(key, line, c, "%s", why)
}

// phoneField chooses where a bare number goes: mobiles (07…, +44 7…) to
// mobile, others to phone, then office.
func phoneField(c *DraftContact, number string) (string, *string) {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, number)
	mobile := strings.HasPrefix(digits, "07") || strings.HasPrefix(digits, "447")
	switch {
	case mobile && c.Mobile == "":
		return "mobile", &c.Mobile
	case c.Phone == "":
		return "phone", &c.Phone
	case c.Office == "":
		return "office", &c.Office
	}
	return "phone", &c.Phone
}
