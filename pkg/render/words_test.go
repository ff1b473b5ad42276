package render

import (
	"testing"

	"github.com/pressroom/pressroom/pkg/statement"
)

func TestPluralRole(t *testing.T) {
	for in, want := range map[string]string{
		"Co-Chair":                        "Co-Chairs",
		"Chair of the Board":              "Chairs of the Board",
		"Deputy":                          "Deputies",
		"Director of Children's Services": "Directors of Children's Services",
		"Chairman":                        "Chairmen",
		"Governors":                       "Governors",
		"Head of Press, Communications":   "Heads of Press, Communications",
		"Business Manager":                "Business Managers",
		"Cabinet Member for Communities":  "Cabinet Members for Communities",
		"Witness":                         "Witnesses",
		"":                                "",
	} {
		if got := pluralRole(in); got != want {
			t.Errorf("pluralRole(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestGroupSignatories(t *testing.T) {
	s := &statement.Statement{Organisation: "Org", Signatories: []statement.Signatory{
		{Name: "A", Role: "Co-Chair"}, {Name: "B", Role: "Co-Chair", Organisation: "Org"}, {Name: "C", Role: "Co-Chair"},
		{Name: "D", Role: "Director"},
		{Name: "E", Role: "Director", Organisation: "Other"},
	}}
	l := testLayout(t)
	groups := groupSignatories(s, l)
	if len(groups) != 3 {
		t.Fatalf("%d groups; want 3: %+v", len(groups), groups)
	}
	for i, want := range [][3]string{{"A, B and C", "Co-Chairs", "Org"}, {"D", "Director", "Org"}, {"E", "Director", "Other"}} {
		g := groups[i]
		if got := [3]string{g.joinedNames(), g.joinedRole(), g.organisation}; got != want {
			t.Errorf("group %d = %q; want %q", i, got, want)
		}
	}
}

func TestContactLinks(t *testing.T) {
	c := statement.Contact{Email: "a.b@example.org", Phone: "+44 (0)121 303-1888", Mobile: "07825 282 465", Office: "0121.464.2612", Website: "www.example.org"}
	var got []string
	for _, cl := range contactLines(c, 0) {
		got = append(got, cl.text+" -> "+cl.target)
	}
	want := []string{
		"a.b@example.org -> mailto:a.b@example.org",
		"+44 (0)121 303-1888 -> tel:+441213031888",
		"07825 282 465 -> tel:07825282465",
		"0121.464.2612 -> tel:01214642612",
		"www.example.org -> https://www.example.org",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q; want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q; want %q", got[i], want[i])
		}
	}
	if u := webURI("HTTP://Example.org/x"); u != "HTTP://Example.org/x" {
		t.Errorf("a website with a scheme was changed to %q", u)
	}
}
