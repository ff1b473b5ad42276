package render

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

var (
	outDir = flag.String("out", "", "also write every rendered PDF into this folder, to look at")
)

// testLayout is a complete layout built from the bundled fonts, standing
// in for the built-in default while tests need a layout of their own.
func testLayout(t testing.TB) *layout.Layout {
	t.Helper()
	load := func(name string) *font.Font {
		data, err := fs.ReadFile(pressroom.Fonts(), name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := font.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return f
	}
	body := layout.Family{Name: "Noto Sans",
		Regular: load("NotoSans-Regular.ttf"), Bold: load("NotoSans-Bold.ttf"),
		Italic: load("NotoSans-Italic.ttf"), BoldItalic: load("NotoSans-BoldItalic.ttf")}
	return &layout.Layout{
		Name: "test",
		Page: layout.Page{Size: "A4", Width: 210, Height: 297, Top: 18, Right: 20, Bottom: 16, Left: 20},
		Organisation: layout.Organisation{Name: "Example Partnership", Address: "1 High Street\nBirmingham B1 1AA",
			Website: "www.example.org.uk", Phone: "0121 000 0000"},
		Colours: layout.Colours{
			Primary: layout.Colour{R: 0x1d, G: 0x35, B: 0x57}, OnPrimary: layout.Colour{R: 255, G: 255, B: 255},
			Accent: layout.Colour{R: 0x00, G: 0x5e, B: 0xa5}, Text: layout.Colour{R: 0x1a, G: 0x1a, B: 0x1a},
			Muted: layout.Colour{R: 0x55, G: 0x55, B: 0x55}, Rule: layout.Colour{R: 0xb8, G: 0xc2, B: 0xcc},
			Background: layout.Colour{R: 255, G: 255, B: 255},
		},
		Fonts: layout.Fonts{Body: body, Heading: body,
			Fallbacks: []*font.Font{load("NotoSansMath-Regular.ttf"), load("NotoSansSymbols2-Regular.ttf")}},
		Type:   layout.TypeScale{Body: 11, Headline: 22, Subheadline: 14, Heading: 13, Label: 9.5, Small: 8.5, LineHeight: 1.4, Paragraph: 3.2},
		Header: "band",
		Text: layout.Wording{Kind: "Press release", Immediate: "For immediate release", Embargoed: "Embargoed until {time}",
			EmbargoZone: "UK time", EndMark: "ENDS", MoreMark: "- more -"},
		DateStyle:   "ordinal",
		Align:       "left",
		PageNumbers: true,
	}
}

func text(s string) []markup.Inline { return []markup.Inline{{Text: s}} }

func para(ins ...markup.Inline) markup.Block {
	return markup.Block{Kind: markup.Paragraph, Inlines: ins}
}

func doc(blocks ...markup.Block) markup.Doc { return markup.Doc{Blocks: blocks} }

// seedStatement is the real statement of /work/shared/seed-statement.txt,
// built by hand while the statement parser is not there.
func seedStatement() *statement.Statement {
	return &statement.Statement{
		File:         "seed-statement.toml",
		Organisation: "Birmingham Safeguarding Children Partnership",
		Kind:         "Partnership statement",
		Headline:     "Publication of learning from a Local Child Safeguarding Practice Review",
		Date:         statement.Date{Year: 2024, Month: 12, Day: 17},
		Reference:    "BSCP 2020/21-01",
		Lang:         "en-GB",
		Keywords:     []string{"safeguarding", "practice review", "Birmingham"},
		Summary: doc(
			para(markup.Inline{Text: "Today we are publishing a Local Child Safeguarding Practice Review that identifies the learning for safeguarding partners in relation to a one-month-old baby who sustained non-accidental injuries whilst in his parents' care. Both parents were convicted of causing or allowing serious physical harm to a child. The father received a custodial sentence and, the mother a suspended sentence as she had 'failed to take reasonable steps to protect her baby'."}),
			para(markup.Inline{Text: "The baby has made a good recovery, and they have remained in a safe and appropriate home since their injuries came to light."}),
			para(markup.Inline{Text: "This independent review explores the devastating consequences of shaking a baby, identifying significant learning for agencies working with and supporting vulnerable families. The review highlighted the importance of fully understanding the parents needs and capacity to care for a newborn baby. The Covid-19 pandemic and lengthy criminal proceedings has delayed completion of the review. However, in the intervening period agencies have embedded the emerging learning to improve services and enhance safeguarding practice."}),
		),
		Developments: &statement.Developments{
			Intro: "Developments to the Safeguarding Partnership system include:",
			Items: [][]markup.Inline{
				{{Text: "The '"}, {Text: "Never, Ever Shake a Baby", Placeholder: true}, {Text: "' Campaign launched in 2022"}},
				{{Text: "Working Together to Build Strong Family Foundations' Childhood Neglect Strategy 2022/26", Placeholder: true}},
				{{Text: "The "}, {Text: "ICON Programme", Placeholder: true}, {Text: " targeted at parents and carers to enable them to access support, advice and guidance particularly when a baby persistently cries"}},
				text("Development of District Hubs, delivering Early Help and Family Support across the city"),
			},
		},
		Signatories: []statement.Signatory{
			{Name: "James Thomas", Role: "Co-Chair", Organisation: "Birmingham Safeguarding Children Partnership"},
			{Name: "Richard North", Role: "Co-Chair", Organisation: "Birmingham Safeguarding Children Partnership"},
		},
		Notes: &statement.Section{Body: doc(
			para(markup.Inline{Text: "The purpose of an LCSPR is to establish whether any lessons can be learnt by professional services to help ensure children are better protected in future."}),
			para(markup.Inline{Text: "The LCSPR is published on the Partnership's website ("}, markup.Inline{Text: "https://lscpbirmingham.org.uk", Link: "https://lscpbirmingham.org.uk"},
				markup.Inline{Text: "). A copy can be downloaded from the table on the webpage (Case Reference BSCP 2020/21-01). A copy has been forwarded to the National Case Review Repository hosted by the NSPCC."}),
			para(markup.Inline{Text: "If you are concerned about a child living in Birmingham, please ring Birmingham Children's Trust's Children's Advice and Support Service on 0121 303 1888."}),
		)},
		Contacts: []statement.Contact{{
			Purpose: "For any media enquiries or interview requests please contact",
			Name:    "Simon Cross",
			Role:    "Business Manager, Birmingham Safeguarding Children Partnership",
			Email:   "Simon.Cross@birminghamchildrenstrust.co.uk",
			Mobile:  "07825 282 465",
			Office:  "0121 464 2612",
			Website: "www.lscpbirmingham.org.uk",
		}},
	}
}

// keep writes pdf into -out, when given, to be looked at.
func keep(t testing.TB, name string, pdf []byte) {
	t.Helper()
	if *outDir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*outDir, name), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
