package diag

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the word of known nearest to word when it is near enough
// to be a slip of the keyboard or a spelling ("sumary" → "summary",
// "colors" → "colours", "contact" → "contacts"), for a "did you mean"
// hint; otherwise "". Case does not count, and "_" is taken for "-".
func Suggest(word string, known []string) string {
	lw := strings.ToLower(word)
	best, bestDist := "", 1<<30
	for _, k := range known {
		if strings.EqualFold(k, word) {
			return k
		}
		if d := editDistance(lw, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := 2
	if utf8.RuneCountInString(word) <= 4 {
		limit = 1
	}
	if bestDist <= limit {
		return best
	}
	// A word cut short or run on is the other common slip: plurals and
	// singulars ("signatory", "contact"), "head" for "heading".
	if len(lw) >= 4 {
		stem := strings.TrimSuffix(lw, "y")
		for _, k := range known {
			if strings.HasPrefix(k, stem) && len(k)-len(lw) <= 3 {
				return k
			}
		}
		for _, k := range known {
			if len(k) > 2 && strings.HasPrefix(lw, k) && len(lw)-len(k) <= 3 {
				return k
			}
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b in runes, with
// "_" and "-" counted as the same.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20 // words that long are not slips of the keyboard
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
			if ra[i-1] == rb[j-1] || (ra[i-1] == '_' && rb[j-1] == '-') {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
