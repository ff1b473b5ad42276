package hyphenate

import _ "embed" // the tables below

// Each language's table (table.go), made from its hyph-utf8 patterns
// (.pat.txt) and header (.licence, for the hyphenmins) by buildTable.
// The pattern files themselves are not embedded: the binary carries
// only the tables, which are derived from them under the same licences.
// TestTables fails when a table is not what the patterns beside it make.
//
// Strings, not an embed.FS: its ReadFile copies, and a string is read
// in place, from the binary's read-only data.

//go:generate go test -run ^TestTables$ -update .

// regenerate is the command that remakes the tables from the patterns.
const regenerate = "go generate ./pkg/hyphenate"

//go:embed patterns/hyph-cy.tab
var tabCy string

//go:embed patterns/hyph-de-1996.tab
var tabDe1996 string

//go:embed patterns/hyph-en-gb.tab
var tabEnGb string

//go:embed patterns/hyph-en-us.tab
var tabEnUs string

//go:embed patterns/hyph-es.tab
var tabEs string

//go:embed patterns/hyph-fr.tab
var tabFr string

//go:embed patterns/hyph-ga.tab
var tabGa string

//go:embed patterns/hyph-it.tab
var tabIt string

//go:embed patterns/hyph-pl.tab
var tabPl string

//go:embed patterns/hyph-pt.tab
var tabPt string

// tables are the embedded tables, by hyph-utf8 name.
var tables = map[string]string{
	"cy":      tabCy,
	"de-1996": tabDe1996,
	"en-gb":   tabEnGb,
	"en-us":   tabEnUs,
	"es":      tabEs,
	"fr":      tabFr,
	"ga":      tabGa,
	"it":      tabIt,
	"pl":      tabPl,
	"pt":      tabPt,
}
