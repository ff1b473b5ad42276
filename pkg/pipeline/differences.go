package pipeline

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Differences warns where the two versions of a bilingual release
// disagree on facts that must be the same in both languages: the date,
// the embargo, how many developments there are, and the media contacts
// (how many; each one's name, e-mail address and phone numbers). Each
// difference gives a warning in each file, at the place in that file,
// naming the place in the other.
func Differences(a, b *statement.Statement) diag.List {
	var list diag.List
	// both adds a warning at pa in a and at pb in b.
	both := func(key string, pa, pb diag.Pos, what, va, vb, hint string) {
		list.Add(diag.Diagnostic{Pos: pa, Severity: diag.Warning, Key: statement.DisplayKey(key), Hint: hint,
			Message: fmt.Sprintf("%s is %s here but %s in the translation (%s)", what, va, vb, pb)})
		list.Add(diag.Diagnostic{Pos: pb, Severity: diag.Warning, Key: statement.DisplayKey(key), Hint: hint,
			Message: fmt.Sprintf("%s is %s here but %s in the translation (%s)", what, vb, va, pa)})
	}
	const same = "make both versions say the same: the two languages are one release"
	if a.Date != b.Date {
		both("date", a.KeyPos("date"), b.KeyPos("date"), "the date", a.Date.String(), b.Date.String(), same)
	}
	if ea, eb := embargoText(a.Embargo), embargoText(b.Embargo); ea != eb {
		both("embargo", orDate(a, "embargo"), orDate(b, "embargo"), "the embargo", ea, eb, same)
	}
	if na, nb := developments(a), developments(b); na != nb {
		both("developments.items", orDate(a, "developments.items"), orDate(b, "developments.items"), "the number of developments",
			fmt.Sprint(na), fmt.Sprint(nb), "give each version the same developments, one item for each")
	}
	if len(a.Contacts) != len(b.Contacts) {
		both("contacts", orDate(a, "contacts"), orDate(b, "contacts"), "the number of media contacts",
			fmt.Sprint(len(a.Contacts)), fmt.Sprint(len(b.Contacts)), "give each version the same contacts, in the same order")
	}
	for i := range min(len(a.Contacts), len(b.Contacts)) {
		ca, cb := a.Contacts[i], b.Contacts[i]
		for _, f := range []struct {
			key    string
			va, vb string
			norm   func(string) string
		}{
			{"name", ca.Name, cb.Name, strings.TrimSpace},
			{"email", ca.Email, cb.Email, strings.ToLower},
			{"phone", ca.Phone, cb.Phone, digits},
			{"mobile", ca.Mobile, cb.Mobile, digits},
			{"office", ca.Office, cb.Office, digits},
		} {
			if f.norm(f.va) == f.norm(f.vb) {
				continue
			}
			key := fmt.Sprintf("contacts[%d].%s", i, f.key)
			both(key, contactPos(a, i, f.key), contactPos(b, i, f.key),
				fmt.Sprintf("contact %d's %s", i+1, f.key), shown(f.va), shown(f.vb), same)
		}
	}
	return list
}

// embargoText is an embargo as the warning shows it.
func embargoText(e *statement.Embargo) string {
	switch {
	case e == nil:
		return "none"
	case e.HasZone:
		return e.Time.Format("2006-01-02T15:04:05Z07:00")
	}
	return e.Time.Format("2006-01-02T15:04:05")
}

func developments(s *statement.Statement) int {
	if s.Developments == nil {
		return 0
	}
	return len(s.Developments.Items)
}

// orDate is where key is written, or the date's place when the file has
// no such key (a warning must point somewhere in each file).
func orDate(s *statement.Statement, key string) diag.Pos {
	if p := s.KeyPos(key); p.Line > 0 {
		return p
	}
	return s.KeyPos("date")
}

// contactPos is where a contact's field is, or the contact's header.
func contactPos(s *statement.Statement, i int, field string) diag.Pos {
	if p := s.KeyPos(fmt.Sprintf("contacts[%d].%s", i, field)); p.Line > 0 {
		return p
	}
	return orDate(s, fmt.Sprintf("contacts[%d]", i))
}

// digits keeps a phone number's digits and a leading +, so that
// "01632 960 400" and "01632960400" are the same number.
func digits(s string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		if unicode.IsDigit(r) || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func shown(s string) string {
	if s == "" {
		return "not given"
	}
	return fmt.Sprintf("%q", s)
}
