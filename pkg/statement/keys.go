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

// closest returns the known key nearest to an unknown one, when it is near
// enough to be a slip of the keyboard: the same but for case, or within
// two edits (one for short keys).
func closest(key string, known []string) string {
	best, bestDist := "", 1<<30
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return k
		}
		d := editDistance(strings.ToLower(key), k)
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := 2
	if len([]rune(key)) <= 4 {
		limit = 1
	}
	// Plurals and singulars are the commonest slip: "contact", "signatory".
	for _, k := range known {
		if strings.HasPrefix(k, strings.ToLower(strings.TrimSuffix(key, "y"))) && len(k)-len(key) <= 3 && len(key) >= 4 {
			return k
		}
	}
	if bestDist <= limit {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20 // keys that long are not slips of the keyboard
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// sortFields puts the texts in file order.
func sortFields(fields []Field) {
	sort.SliceStable(fields, func(i, j int) bool { return fields[i].quote < fields[j].quote })
}
