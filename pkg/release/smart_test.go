package release

import (
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// The sentences are from (or written after) releases by UK councils,
// safeguarding partnerships, NHS trusts, police forces and regulators.
func TestSmarten(t *testing.T) {
	cases := []struct{ in, want string }{
		// double quotes
		{`"We are determined to learn from this," said the Co-Chair.`, `“We are determined to learn from this,” said the Co-Chair.`},
		{`The review found that practice was "not good enough".`, `The review found that practice was “not good enough”.`},
		{`He added: "Every child deserves to be safe."`, `He added: “Every child deserves to be safe.”`},
		{`("Early Help") hubs opened in 2022.`, `(“Early Help”) hubs opened in 2022.`},
		{`"Right care, right place" - our new approach.`, `“Right care, right place” – our new approach.`},
		{`The so-called "postcode lottery" must end.`, `The so-called “postcode lottery” must end.`},
		{`"Yes."`, `“Yes.”`},
		{`She said:"Thank you."`, `She said:”Thank you.”`},
		// quotes within quotes
		{`"The 'Never, Ever Shake a Baby' campaign is working," she said.`, `“The ‘Never, Ever Shake a Baby’ campaign is working,” she said.`},
		{`"Parents told us: 'We didn't know where to turn.'"`, `“Parents told us: ‘We didn’t know where to turn.’”`},
		{`"'Safe Sleep' week starts today," said the chief nurse.`, `“‘Safe Sleep’ week starts today,” said the chief nurse.`},
		{`'Think Family' is the council's approach.`, `‘Think Family’ is the council’s approach.`},
		{`The 'Stay Well This Winter' campaign returns.`, `The ‘Stay Well This Winter’ campaign returns.`},
		{`Residents said the scheme was 'a lifeline'.`, `Residents said the scheme was ‘a lifeline’.`},
		{`'Right Care, Right Person' (RCRP) begins in May.`, `‘Right Care, Right Person’ (RCRP) begins in May.`},
		// apostrophes
		{`The council's budget for 2024/25 has been agreed.`, `The council’s budget for 2024/25 has been agreed.`},
		{`We don't underestimate the challenge.`, `We don’t underestimate the challenge.`},
		{`It's a day we'll never forget.`, `It’s a day we’ll never forget.`},
		{`Parents' evenings will go ahead as planned.`, `Parents’ evenings will go ahead as planned.`},
		{`The children's services directorate was rated good.`, `The children’s services directorate was rated good.`},
		{`Councillor O'Brien welcomed the decision.`, `Councillor O’Brien welcomed the decision.`},
		{`St James's Park station will close.`, `St James’s Park station will close.`},
		{`Councillor Jones' statement follows.`, `Councillor Jones’ statement follows.`},
		{`Dr Harris's report was published today.`, `Dr Harris’s report was published today.`},
		{`The Trusts' joint board met on Tuesday.`, `The Trusts’ joint board met on Tuesday.`},
		{`Ofsted's inspectors visited in March.`, `Ofsted’s inspectors visited in March.`},
		{`We've listened to residents' views.`, `We’ve listened to residents’ views.`},
		{`King's College Hospital NHS Foundation Trust`, `King’s College Hospital NHS Foundation Trust`},
		{`The '90s estate will be rebuilt.`, `The ’90s estate will be rebuilt.`},
		{`Since the '80s the library has served the town.`, `Since the ’80s the library has served the town.`},
		{`The class of '24 graduated.`, `The class of ’24 graduated.`},
		{`Rock 'n' roll night at the civic hall.`, `Rock ’n’ roll night at the civic hall.`},
		{`It was the 1990's biggest flood.`, `It was the 1990’s biggest flood.`},
		{`Councillors' and officers' expenses are published.`, `Councillors’ and officers’ expenses are published.`},
		// dashes
		{`Open 9am - 5pm, Monday to Friday.`, `Open 9am – 5pm, Monday to Friday.`},
		{`The plan covers 2022-26.`, `The plan covers 2022–26.`},
		{`Our strategy for 2023-2028 is out for consultation.`, `Our strategy for 2023–2028 is out for consultation.`},
		{`(2019-20) figures are attached.`, `(2019–20) figures are attached.`},
		{`Birmingham -- The partnership today published its review.`, `Birmingham – The partnership today published its review.`},
		{`The results--published today--show a rise.`, `The results–published today–show a rise.`},
		{`The results---published today---show a rise.`, `The results—published today—show a rise.`},
		{`It is, in short - a scandal.`, `It is, in short – a scandal.`},
		{`A well-known, long-standing charity.`, `A well-known, long-standing charity.`},
		{`Co-Chair and vice-chair`, `Co-Chair and vice-chair`},
		{`Aged 11-16`, `Aged 11-16`},
		{`Call 0800-123-4567 for help.`, `Call 0800-123-4567 for help.`},
		{`Reference BSCP 2020/21-01 applies.`, `Reference BSCP 2020/21-01 applies.`},
		{`A record 2,000-strong turnout.`, `A record 2,000-strong turnout.`},
		{`The date 2024-12-17 is fixed.`, `The date 2024-12-17 is fixed.`},
		// ellipsis
		{`And the results... speak for themselves.`, `And the results… speak for themselves.`},
		{`"We were shocked..." she said.`, `“We were shocked…” she said.`},
		{`Wait...`, `Wait…`},
		// never inside addresses, numbers or code
		{`See https://www.gov.uk/guidance/child-safeguarding--review for details.`, `See https://www.gov.uk/guidance/child-safeguarding--review for details.`},
		{`Visit www.lscpbirmingham.org.uk/reviews--2024 now.`, `Visit www.lscpbirmingham.org.uk/reviews--2024 now.`},
		{`E-mail o'neill--press@example.gov.uk today.`, `E-mail o'neill--press@example.gov.uk today.`},
		{`"press.office@birmingham.gov.uk" is the address.`, `“press.office@birmingham.gov.uk” is the address.`},
		{`Run pressroom --layout plain to see it.`, `Run pressroom --layout plain to see it.`},
		{`The field ref_no--old is gone.`, `The field ref_no--old is gone.`},
		{`Call +44(0)121-464-2612 today.`, `Call +44(0)121-464-2612 today.`},
		{`The file is at data/2024/report--final.csv here.`, `The file is at data/2024/report--final.csv here.`},
		{`Set key="value" in the file.`, `Set key="value" in the file.`},
		// mixed
		{`"It's been a difficult year," said Ms Jones - "but we're proud."`, `“It’s been a difficult year,” said Ms Jones – “but we’re proud.”`},
		{`The 'Early Help' offer (2021-24) ... was expanded.`, `The ‘Early Help’ offer (2021–24) … was expanded.`},
		{`Already curly: “kept” and ‘kept’ – don’t change.`, `Already curly: “kept” and ‘kept’ – don’t change.`},
		{``, ``},
	}
	if len(cases) < 60 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		if got := Smarten(c.in); got != c.want {
			t.Errorf("Smarten(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// A quote at a run's end is read with the next run's letters, and a link's
// target is never changed.
func TestSmartenRuns(t *testing.T) {
	ins := []markup.Inline{
		{Text: "The '"},
		{Text: "Never, Ever Shake a Baby", Link: "https://example.org/it's--here"},
		{Text: "' Campaign launched in 2022-23."},
	}
	got := smartenInlines(ins)
	want := []string{"The ‘", "Never, Ever Shake a Baby", "’ Campaign launched in 2022–23."}
	for i := range want {
		if got[i].Text != want[i] {
			t.Errorf("run %d: %q, want %q", i, got[i].Text, want[i])
		}
	}
	if got[1].Link != ins[1].Link {
		t.Errorf("link target changed: %q", got[1].Link)
	}
	if ins[0].Text != "The '" {
		t.Error("the statement's runs were changed")
	}
}

// The layout switches smart punctuation off; the statement is never
// changed.
func TestSmartPunctuationSwitch(t *testing.T) {
	for _, on := range []bool{true, false} {
		s := &statement.Statement{Headline: `Council's "fair deal" -- agreed`}
		r, err := New(s, &layout.Layout{SmartPunctuation: on})
		if err != nil {
			t.Fatal(err)
		}
		want := s.Headline
		if on {
			want = `Council’s “fair deal” – agreed`
		}
		if r.Headline != want {
			t.Errorf("smart-punctuation = %t: headline %q, want %q", on, r.Headline, want)
		}
		if s.Headline != `Council's "fair deal" -- agreed` {
			t.Errorf("statement changed: %q", s.Headline)
		}
	}
}

// Smart punctuation over a whole statement's words, as a cold render of
// the seed sets them (every line of the seed file as one text).
func BenchmarkSmartenSeed(b *testing.B) {
	data, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Smarten(l)
		}
	}
}
