package docx

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// tbl writes a table: each row a list of cells, each cell its paragraphs.
func tbl(header bool, rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl><w:tblPr/>")
	for i, row := range rows {
		b.WriteString("<w:tr>")
		if header && i == 0 {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for _, cell := range row {
			b.WriteString("<w:tc><w:tcPr/>" + cell + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

func cells(texts ...string) []string {
	var out []string
	for _, t := range texts {
		if t == "" {
			out = append(out, p("", ""))
			continue
		}
		out = append(out, p("", r(t)))
	}
	return out
}

func TestTables(t *testing.T) {
	contact := func(lines ...string) string {
		var runs string
		for i, l := range lines {
			if i > 0 {
				runs += `<w:r><w:br/></w:r>`
			}
			runs += r(l)
		}
		return p("", runs)
	}
	for _, tc := range []struct {
		name  string
		body  string
		want  []blk
		notes []source.Evidence
	}{
		{"key figures: label and figure on one line",
			p("", r("Key figures")) + tbl(false, cells("Referrals", "4,210"), cells("Children seen", "1,380"), cells("Waiting time:", "6 weeks")) + p("", r("after")),
			[]blk{{source.Paragraph, 0, false, "Key figures", 1}, {source.Paragraph, 0, false, "Referrals: 4,210", 2}, {source.Paragraph, 0, false, "Children seen: 1,380", 4}, {source.Paragraph, 0, false, "Waiting time: 6 weeks", 6}, {source.Paragraph, 0, false, "after", 8}},
			[]source.Evidence{{Key: EvidenceTable, Value: "3 rows, one line each, its first cell the label of the others", Line: 2}}},
		{"a header row labels each value",
			tbl(true, cells("Service", "2023", "2024"), cells("Referrals", "4,210", "4,800"), cells("Children seen", "1,380", "1,512")),
			[]blk{{source.Paragraph, 0, false, "Referrals: 4,210 (2023), 4,800 (2024)", 4}, {source.Paragraph, 0, false, "Children seen: 1,380 (2023), 1,512 (2024)", 7}},
			[]source.Evidence{{Key: EvidenceTable, Value: `2 rows, one line each, its first cell the label of the others, and each value followed by its column's heading from the header row "Service | 2023 | 2024"`, Line: 4}}},
		{"a bold first row is a header too",
			tbl(false, []string{p("", rp(`<w:b/>`, "Area")), p("", rp(`<w:b/>`, "Homes")), p("", rp(`<w:b/>`, "Cost"))}, cells("North", "120", "£2m"), cells("South", "80", "£1.5m")),
			[]blk{{source.Paragraph, 0, false, "North: 120 (Homes), £2m (Cost)", 4}, {source.Paragraph, 0, false, "South: 80 (Homes), £1.5m (Cost)", 7}},
			[]source.Evidence{{Key: EvidenceTable, Value: `2 rows, one line each, its first cell the label of the others, and each value followed by its column's heading from the header row "Area | Homes | Cost"`, Line: 4}}},
		{"an empty corner above the labels makes a header",
			tbl(false, cells("", "2023", "2024"), cells("Referrals", "4,210", "4,800")),
			[]blk{{source.Paragraph, 0, false, "Referrals: 4,210 (2023), 4,800 (2024)", 4}},
			[]source.Evidence{{Key: EvidenceTable, Value: `1 row, one line each, its first cell the label of the others, and each value followed by its column's heading from the header row "2023 | 2024"`, Line: 4}}},
		{"three columns without a header are joined with dashes",
			tbl(false, cells("Mon", "8am", "7pm"), cells("Sat", "8am", "5pm")),
			[]blk{{source.Paragraph, 0, false, "Mon: 8am – 7pm", 1}, {source.Paragraph, 0, false, "Sat: 8am – 5pm", 4}},
			[]source.Evidence{{Key: EvidenceTable, Value: "2 rows, one line each, its first cell the label of the others", Line: 1}}},
		{"contacts side by side are layout",
			tbl(false, []string{contact("Lucy Brennan", "Communications Manager", "Tel: 01632 960 233"), contact("Amir Shah", "Mobile: 07700 900 461")}) + p("", r("after")),
			[]blk{{source.Paragraph, 0, false, "Lucy Brennan\nCommunications Manager\nTel: 01632 960 233", 1}, {source.Paragraph, 0, false, "Amir Shah\nMobile: 07700 900 461", 2}, {source.Paragraph, 0, false, "after", 3}}, nil},
		{"two rows of contact blocks are layout",
			tbl(false, []string{p("", r("Lucy Brennan")) + p("", r("01632 960 233")), p("", r("Amir Shah")) + p("", r("07700 900 461"))}, cells("Press office", "Out of hours")),
			[]blk{{source.Paragraph, 0, false, "Lucy Brennan", 1}, {source.Paragraph, 0, false, "01632 960 233", 2}, {source.Paragraph, 0, false, "Amir Shah", 3}, {source.Paragraph, 0, false, "07700 900 461", 4}, {source.Paragraph, 0, false, "Press office", 5}, {source.Paragraph, 0, false, "Out of hours", 6}}, nil},
		{"a row with one filled cell is layout",
			tbl(false, cells("Referrals", "4,210"), cells("Total", "")),
			[]blk{{source.Paragraph, 0, false, "Referrals", 1}, {source.Paragraph, 0, false, "4,210", 2}, {source.Paragraph, 0, false, "Total", 3}}, nil},
		{"a sentence in a cell is layout",
			tbl(false, cells("Referrals", "4,210"), cells("Note", "The figures for 2024 include referrals from the two new school nursing teams.")),
			[]blk{{source.Paragraph, 0, false, "Referrals", 1}, {source.Paragraph, 0, false, "4,210", 2}, {source.Paragraph, 0, false, "Note", 3}, {source.Paragraph, 0, false, "The figures for 2024 include referrals from the two new school nursing teams.", 4}}, nil},
		{"one row is layout",
			tbl(false, cells("Lucy Brennan", "Amir Shah")),
			[]blk{{source.Paragraph, 0, false, "Lucy Brennan", 1}, {source.Paragraph, 0, false, "Amir Shah", 2}}, nil},
		{"a table in a table is layout; the inner one is read",
			tbl(false, []string{tbl(false, cells("A", "1"), cells("B", "2")), p("", r("side"))}, cells("x", "y")),
			[]blk{{source.Paragraph, 0, false, "A: 1", 1}, {source.Paragraph, 0, false, "B: 2", 3}, {source.Paragraph, 0, false, "side", 5}, {source.Paragraph, 0, false, "x", 6}, {source.Paragraph, 0, false, "y", 7}},
			[]source.Evidence{{Key: EvidenceTable, Value: "2 rows, one line each, its first cell the label of the others", Line: 1}}},
		{"a list item in a cell is layout",
			tbl(false, []string{num("1", "0", "one"), p("", r("1"))}, cells("two", "2")),
			[]blk{{source.ListItem, 0, false, "one", 1}, {source.Paragraph, 0, false, "1", 2}, {source.Paragraph, 0, false, "two", 3}, {source.Paragraph, 0, false, "2", 4}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(docxOf(t, tc.body))
			if err != nil {
				t.Fatal(err)
			}
			g := got(d)
			if len(g) != len(tc.want) {
				t.Fatalf("got %d blocks, want %d:\n%+v", len(g), len(tc.want), g)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("block %d:\n got %+v\nwant %+v", i, g[i], tc.want[i])
				}
			}
			var notes []source.Evidence
			for _, e := range d.Evidence {
				if e.Key == EvidenceTable {
					notes = append(notes, e)
				}
			}
			if len(notes) != len(tc.notes) {
				t.Fatalf("table notes %+v, want %+v", notes, tc.notes)
			}
			for i := range notes {
				if notes[i] != tc.notes[i] {
					t.Errorf("table note %d:\n got %+v\nwant %+v", i, notes[i], tc.notes[i])
				}
			}
		})
	}
}
