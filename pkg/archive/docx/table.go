package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// EvidenceTable is the key of the Evidence that says a table was read as
// rows: its Value says how ("4 rows, one line each, …"), its Line is the
// first row's paragraph. The import report says so at that paragraph,
// so that the user checks the rows against the document.
const EvidenceTable = "docx-table"

// maxCell is the longest cell, in characters, that a data table holds:
// a label or a figure, not a sentence.
const maxCell = 60

// table is an open w:tbl: for each row, the blocks each cell produced
// (as indexes into walker.blocks).
type table struct {
	rows   []row
	nested bool // it holds a table: layout
}

type row struct {
	header bool // w:tblHeader: the row repeats on each page
	cells  []cellSpan
}

type cellSpan struct{ from, to int }

func (w *walker) startTable(local string) {
	switch local {
	case "tbl":
		if n := len(w.tables); n > 0 {
			w.tables[n-1].nested = true
		}
		w.tables = append(w.tables, &table{})
	case "tr":
		if t := w.table(); t != nil {
			t.rows = append(t.rows, row{})
		}
	case "tc":
		if t := w.table(); t != nil && len(t.rows) > 0 {
			r := &t.rows[len(t.rows)-1]
			r.cells = append(r.cells, cellSpan{from: len(w.blocks), to: -1})
		}
	case "tblHeader":
		if t := w.table(); t != nil && len(t.rows) > 0 && w.parent() == "trPr" {
			t.rows[len(t.rows)-1].header = true
		}
	}
}

func (w *walker) endTable(local string) {
	t := w.table()
	if t == nil {
		return
	}
	switch local {
	case "tc":
		if len(t.rows) > 0 {
			r := &t.rows[len(t.rows)-1]
			if len(r.cells) > 0 {
				r.cells[len(r.cells)-1].to = len(w.blocks)
			}
		}
	case "tbl":
		w.tables = w.tables[:len(w.tables)-1]
		w.readTable(t)
	}
}

func (w *walker) table() *table {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// readTable reads a data table as one paragraph per row. A table is data
// when it has two rows or more and each row has two short one-line cells
// or more (a label and its figure); anything else (a cell of several
// lines, such as two contacts side by side) is layout, and its
// paragraphs are read one by one as before.
func (w *walker) readTable(t *table) {
	if t.nested || len(t.rows) < 2 {
		return
	}
	// The cells' blocks must be all the blocks the table made, one after
	// another: anything else (a paragraph between cells in a damaged
	// file) is read as it stands.
	start, next := -1, -1
	rows := make([][]string, len(t.rows))
	for i, r := range t.rows {
		for _, c := range r.cells {
			if start < 0 {
				start, next = c.from, c.from
			}
			if c.from != next || c.to < c.from {
				return
			}
			next = c.to
			switch c.to - c.from {
			case 0:
				rows[i] = append(rows[i], "") // an empty cell
				continue
			case 1:
			default:
				return
			}
			b := w.blocks[c.from]
			if b.Kind != source.Paragraph || len(b.Lines) != 1 || utf8.RuneCountInString(b.Lines[0].Text) > maxCell {
				return
			}
			rows[i] = append(rows[i], b.Lines[0].Text)
		}
		if len(filled(rows[i])) < 2 {
			return
		}
	}
	if start < 0 || next != len(w.blocks) {
		return
	}
	header := headerRow(t, rows)
	var out []indexedBlock
	for i, cells := range rows {
		if i == 0 && header != nil {
			continue
		}
		n := w.blocks[t.rows[i].cells[0].from].n
		for _, c := range t.rows[i].cells {
			if c.to > c.from {
				n = w.blocks[c.from].n
				break
			}
		}
		out = append(out, indexedBlock{n: n, Block: source.Block{Kind: source.Paragraph,
			Lines: []source.Line{{Text: joinRow(cells, header), Line: n}}}})
	}
	w.blocks = append(w.blocks[:start], out...)
	what := strconv.Itoa(len(out)) + " rows"
	if len(out) == 1 {
		what = "1 row"
	}
	what += ", one line each, its first cell the label of the others"
	if header != nil {
		var names []string
		for _, h := range filled(header) {
			names = append(names, unstrong(h))
		}
		what += ", and each value followed by its column's heading from the header row \"" + strings.Join(names, " | ") + "\""
	}
	w.tableNotes = append(w.tableNotes, source.Evidence{Key: EvidenceTable, Value: what, Line: out[0].n})
}

// headerRow returns the first row's cells when they label the columns of
// a table of three columns or more: Word marks the row as a header, its
// headings are bold, or its first cell is empty (the corner above the
// rows' labels). A two-column table's header ("Service", "Number") says
// nothing the label of each row does not.
func headerRow(t *table, rows [][]string) []string {
	first := rows[0]
	if len(first) < 3 || len(filled(first[1:])) != len(first)-1 {
		return nil
	}
	for _, r := range rows[1:] {
		if len(r) != len(first) || len(filled(r)) != len(r) {
			return nil // an empty cell: the values would take the wrong labels
		}
	}
	if t.rows[0].header || first[0] == "" {
		return first
	}
	for _, c := range first {
		if unstrong(c) == c {
			return nil
		}
	}
	return first
}

// filled returns the cells that hold text.
func filled(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// joinRow writes one row as a line a journalist can quote: the first cell
// is the label of the others ("Referrals: 4,210"); under a header, each
// value is followed by its column's heading ("Referrals: 4,210 (2023),
// 4,800 (2024)"), so that no figure is read without what it counts.
func joinRow(cells, header []string) string {
	if header == nil {
		cells = filled(cells)
	}
	label := cells[0]
	sep := ": "
	if strings.HasSuffix(label, ":") || strings.HasSuffix(label, ":**") {
		sep = " "
	}
	var vals []string
	for j, v := range cells[1:] {
		if header != nil {
			v += " (" + unstrong(header[j+1]) + ")"
		}
		vals = append(vals, v)
	}
	joiner := " – "
	if header != nil {
		joiner = ", "
	}
	return label + sep + strings.Join(vals, joiner)
}
