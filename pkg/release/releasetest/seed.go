// Package releasetest builds releases by hand for the renditions' tests,
// so they can run before (and independently of) statement parsing.
package releasetest

import (
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

func para(runs ...markup.Inline) markup.Block {
	return markup.Block{Kind: markup.Paragraph, Inlines: runs}
}

func text(s string) markup.Inline { return markup.Inline{Text: s} }

func link(s, href string) markup.Inline { return markup.Inline{Text: s, Link: href} }

func placeholder(s string) markup.Inline { return markup.Inline{Text: s, Placeholder: true} }

// Seed is the real statement the format was drawn from, with an
// emphasis, a hard line break, lists, an About section and a long
// address added so that every feature is exercised.
func Seed() *release.Release {
	org := "Birmingham Safeguarding Children Partnership"
	return &release.Release{
		Lang:          "en-GB",
		Organisation:  org,
		Kind:          "Partnership statement",
		ReleaseLine:   "For immediate release",
		Headline:      "Publication of learning from a Local Child Safeguarding Practice Review",
		Subheadline:   "Learning for agencies & families <after> a baby was hurt",
		DatePrefix:    "Date: ",
		Date:          "17th December 2024",
		ISODate:       "2024-12-17",
		Dateline:      "Birmingham",
		Reference:     "BSCP 2020/21-01",
		ReferenceLine: "Reference: BSCP 2020/21-01",
		Keywords:      []string{"safeguarding", "LCSPR"},
		Summary: markup.Doc{Blocks: []markup.Block{
			para(text("Today we are publishing a Local Child Safeguarding Practice Review that identifies the learning for safeguarding partners in relation to a one-month-old baby who sustained non-accidental injuries whilst in his parents' care. Both parents were convicted of causing or allowing serious physical harm to a child. The father received a custodial sentence and, the mother a suspended sentence as she had "),
				markup.Inline{Text: "'failed to take reasonable steps to protect her baby'", Style: markup.Emphasis},
				text(".")),
			para(text("The baby has made a good recovery, and they have remained in a safe and appropriate home since their injuries came to light.")),
			para(text("This independent review explores the devastating consequences of shaking a baby, identifying significant learning for agencies working with and supporting vulnerable families."),
				markup.Inline{Text: "", LineBreak: true},
				text("The Covid-19 pandemic and lengthy criminal proceedings has delayed completion of the review.")),
			{Kind: markup.OrderedList, Start: 1, Items: []markup.Item{
				{Blocks: []markup.Block{para(text("First, a numbered point long enough to need a second line when it is wrapped at seventy-two columns."))}},
				{Blocks: []markup.Block{para(text("Second point."))}},
			}},
			para(text("A very long address: "), link("https://www.example.org/a/very/long/path/that/goes/on/and/on/beyond/seventy-two/columns/report.pdf", "https://www.example.org/a/very/long/path/that/goes/on/and/on/beyond/seventy-two/columns/report.pdf"), text(".")),
		}},
		Developments: &statement.Developments{
			Intro: "Developments to the Safeguarding Partnership system include:",
			Items: [][]markup.Inline{
				{text("The '"), placeholder("Never, Ever Shake a Baby"), text("' Campaign launched in 2022")},
				{placeholder("Working Together to Build Strong Family Foundations' Childhood Neglect Strategy 2022/26")},
				{text("The "), link("ICON Programme", "https://iconcope.org"), text(" targeted at parents and carers to enable them to access support, advice and guidance particularly when a baby persistently cries")},
				{text("Development of District Hubs, delivering "), markup.Inline{Text: "Early Help", Style: markup.Strong}, text(" and Family Support across the city")},
			},
		},
		Signatures: release.GroupSignatories([]statement.Signatory{
			{Name: "James Thomas", Role: "Co-Chair"},
			{Name: "Richard North", Role: "Co-Chair", Organisation: org},
		}, org),
		EndMark: "ENDS",
		Notes: &release.Section{Heading: "Note to editors", Body: markup.Doc{Blocks: []markup.Block{
			para(text("The purpose of an LCSPR is to establish whether any lessons can be learnt by professional services to help ensure children are better protected in future.")),
			para(text("The LCSPR is published on the Partnership's website ("), link("https://lscpbirmingham.org.uk", "https://lscpbirmingham.org.uk"), text("). A copy can be downloaded from the table on the webpage (Case Reference BSCP 2020/21-01).")),
			{Kind: markup.BulletList, Items: []markup.Item{
				{Blocks: []markup.Block{para(text("Write to "), link("the business manager", "mailto:Simon.Cross@birminghamchildrenstrust.co.uk"), text("."))}},
				{Blocks: []markup.Block{para(text("Ring the Children's Advice and Support Service on 0121 303 1888."))}},
			}},
		}}},
		About: &release.Section{Heading: "About " + org, Body: markup.Doc{Blocks: []markup.Block{
			para(text("The Partnership brings together the council, the police and the NHS.")),
		}}},
		Contacts: release.ResolveContacts([]statement.Contact{{
			Purpose: "For any media enquiries or interview requests",
			Name:    "Simon Cross",
			Role:    "Business Manager, Birmingham Safeguarding Children Partnership",
			Email:   "Simon.Cross@birminghamchildrenstrust.co.uk",
			Mobile:  "07825 282 465",
			Office:  "0121 464 2612",
			Website: "www.lscpbirmingham.org.uk",
		}}),
		Style: release.Style{
			Colours: layout.Colours{
				Primary: layout.Colour{R: 0x1d, G: 0x3c, B: 0x6e}, OnPrimary: layout.Colour{R: 255, G: 255, B: 255},
				Accent: layout.Colour{R: 0xa3, G: 0x1f, B: 0x34}, Text: layout.Colour{R: 0x1a, G: 0x1a, B: 0x1a},
				Muted: layout.Colour{R: 0x5a, G: 0x5a, B: 0x5a}, Rule: layout.Colour{R: 0xcc, G: 0xcc, B: 0xcc},
				Background: layout.Colour{R: 255, G: 255, B: 255},
			},
			BodyFont: "Noto Sans", HeadingFont: "Noto Sans",
		},
	}
}
