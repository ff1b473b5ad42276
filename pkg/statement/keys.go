package statement

import (
	"fmt"
	"sort"
	"strings"
)

// String formats a date as TOML writes it: 2024-12-17.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

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
