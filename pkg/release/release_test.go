package release

import (
	"os"
	"reflect"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

func TestGroupSignatories(t *testing.T) {
	org := "Birmingham Safeguarding Children Partnership"
	got := GroupSignatories([]statement.Signatory{
		{Name: "James Thomas", Role: "Co-Chair"},
		{Name: "Richard North", Role: "Co-Chair", Organisation: org},
		{Name: "Ann Lee", Role: "Co-Chair", Organisation: "West Midlands Police"},
		{Name: "A", Role: "Director of Children's Services"},
		{Name: "B", Role: "Director of Children's Services"},
		{Name: "C", Role: "Director of Children's Services"},
		{Name: "D", Role: "Co-Chair"},
	}, org)
	want := []Signature{
		{Names: []string{"James Thomas", "Richard North"}, Text: "James Thomas and Richard North", Role: "Co-Chairs", Organisation: org, First: 0},
		{Names: []string{"Ann Lee"}, Text: "Ann Lee", Role: "Co-Chair", Organisation: "West Midlands Police", First: 2},
		{Names: []string{"A", "B", "C"}, Text: "A, B and C", Role: "Directors of Children's Services", Organisation: org, First: 3},
		{Names: []string{"D"}, Text: "D", Role: "Co-Chair", Organisation: org, First: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	if s := got[2].NamesText(); s != "A, B and C" {
		t.Errorf("NamesText = %q", s)
	}
	// A signature put together by hand joins its names in English.
	if s := (Signature{Names: []string{"A", "B"}}).NamesText(); s != "A and B" {
		t.Errorf("NamesText of a hand-made signature = %q", s)
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{
		"Co-Chair": "Co-Chairs", "Deputy": "Deputies", "Chairman": "Chairmen", "Boss": "Bosses",
		"Chair of the Board": "Chairs of the Board", "Governors": "Governors", "Human": "Humans",
		"Chief Executive, NHS Trust": "Chief Executives, NHS Trust", "": "", "Member (2)": "Member (2)",
		"Director of Children's Services": "Directors of Children's Services", "Witness": "Witnesses",
		"Head of Press, Communications": "Heads of Press, Communications", "Cabinet Member for Communities": "Cabinet Members for Communities",
	} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveContacts(t *testing.T) {
	got := ResolveContacts([]statement.Contact{{Name: "S", Email: "s@example.org", Phone: "+44 (0)121 464-2612", Website: "HTTP://x.example"}})
	want := []ContactLine{
		{Label: "Email", Lead: "Email: ", Text: "s@example.org", Href: "mailto:s@example.org", Key: "contacts[0].email"},
		{Label: "Phone", Lead: "Phone: ", Text: "+44 (0)121 464-2612", Href: "tel:+441214642612", Key: "contacts[0].phone"},
		{Label: "Website", Lead: "Website: ", Text: "HTTP://x.example", Href: "HTTP://x.example", Key: "contacts[0].website"},
	}
	if !reflect.DeepEqual(got[0].Lines, want) {
		t.Errorf("got  %+v\nwant %+v", got[0].Lines, want)
	}
	// Every number form a statement may hold becomes a dialable link.
	for text, href := range map[string]string{
		"07825 282 465": "tel:07825282465", "0121.464.2612": "tel:01214642612",
		"+44 (0)121 303-1888": "tel:+441213031888", "(0121) 303 1888": "tel:01213031888",
		// A field holding two numbers, or words around one, dials the
		// first whole number, never the digits of both run together.
		"029 2087 2000 / 029 2087 2087":              "tel:02920872000",
		"0300 123 1234 or 0300 123 4567":             "tel:03001231234",
		"01632 960 418 (out of hours 07700 900 000)": "tel:01632960418",
		"0121 464 2612, ext. 123":                    "tel:01214642612",
		"24 hours: 0300 123 1234":                    "tel:03001231234",
		"Tel: 0121\u00a0464\u00a02612":               "tel:01214642612",
		"116 123":                                    "tel:116123",
		"101":                                        "tel:101",
	} {
		if got := telHref(text); got != href {
			t.Errorf("telHref(%q) = %q, want %q", text, got, href)
		}
	}
	if got := webHref("www.example.org"); got != "https://www.example.org" {
		t.Errorf("webHref(www.example.org) = %q", got)
	}
}

// TestNewFromExample resolves a real statement in the default layout.
func TestNewFromExample(t *testing.T) {
	src, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, list := statement.Parse("seed-statement.toml", src, statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	l, list := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts()).Load("default", ".")
	if list.HasErrors() {
		t.Fatal(list)
	}
	r, err := New(s, l)
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != "Partnership statement" || r.Date != "17th December 2024" || r.ISODate != "2024-12-17" ||
		r.EndMark != "ENDS" || r.Notes == nil || r.Notes.Heading != "Note to editors" || r.Lang != "en-GB" {
		t.Errorf("resolved %+v", r)
	}
	if len(r.Signatures) != 1 || r.Signatures[0].NamesText() != "James Thomas and Richard North" || r.Signatures[0].Role != "Co-Chairs" {
		t.Errorf("signatures %+v", r.Signatures)
	}
	if r.Style.BodyFont == "" {
		t.Error("no body font name")
	}
	// The words only the PDF prints come from the same release.
	if r.ContactsHeading != "Media contact" || r.ReferenceLine != "Reference: BSCP 2020/21-01" ||
		r.FooterReference != "Ref: BSCP 2020/21-01" || r.DatelineLead() != "" || r.PageNumber(1, 2) != "Page 1 of 2" {
		t.Errorf("contacts heading %q, reference %q / %q, dateline lead %q", r.ContactsHeading, r.ReferenceLine, r.FooterReference, r.DatelineLead())
	}
	if r.Pages.EndMark != "ENDS" || r.Pages.More != "- more -" ||
		r.Pages.RunningHeader != "Publication of learning from a Local Child Safeguarding Practice… — 17th December 2024" {
		t.Errorf("pages %+v", r.Pages)
	}
	if r.Statement != s || r.Words == nil {
		t.Error("the release does not keep its statement and words")
	}
	// No date, no reference, two contacts, no organisation anywhere.
	s.Date, s.Reference, s.Organisation = statement.Date{}, "", ""
	s.Contacts = append(s.Contacts, s.Contacts[0])
	s.About = &statement.Section{}
	bare := *l
	bare.Organisation.Name = ""
	r, err = New(s, &bare)
	if err != nil {
		t.Fatal(err)
	}
	if r.Date != "" || r.ISODate != "" || r.ReferenceLine != "" || r.FooterReference != "" ||
		r.ContactsHeading != "Media contacts" || r.About.Heading != "About" ||
		r.Pages.RunningHeader != "Publication of learning from a Local Child Safeguarding Practice…" {
		t.Errorf("bare release: %+v", r)
	}
}

func TestLinkDescription(t *testing.T) {
	w := WordsFor("en-GB")
	for _, tc := range []struct{ text, target, want string }{
		{"Simon", "mailto:s@example.org", "Email s@example.org"},
		{"0121 464 2612", "tel:01214642612", "Phone 0121 464 2612"},
		{"", "tel:01214642612", "Phone 01214642612"},
		{"www.example.org", "https://www.example.org/", "https://www.example.org/"},
		{"the  report", "https://example.org/r.pdf", "the report (https://example.org/r.pdf)"},
		// Words in braces in the link's text are the writer's, not a pattern.
		{"see {address}", "https://example.org", "see {address} (https://example.org)"},
	} {
		if got := w.LinkDescription(tc.text, tc.target); got != tc.want {
			t.Errorf("LinkDescription(%q, %q) = %q, want %q", tc.text, tc.target, got, tc.want)
		}
	}
	if got := w.PageOf(2, 3); got != "Page 2 of 3" {
		t.Errorf("PageOf = %q", got)
	}
}
