package statement

import (
	"fmt"
	"sort"
	"strings"
)

// String formats a date as TOML writes it: 2024-12-17.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// stripIndexes turns "contacts[1].email" into "contacts.email", the form
// the format's documentation uses.
func stripIndexes(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sortFields puts the texts in file order.
func sortFields(fields []Field) {
	sort.SliceStable(fields, func(i, j int) bool { return fields[i].quote < fields[j].quote })
}
