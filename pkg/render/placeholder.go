package render

import (
	"regexp"
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/statement"
)

// placeholderText matches the marks writers leave for what is still to
// come: "TBC", "TBA", "XXX", "[insert quote]", "{{name}}", "Lorem ipsum".
// A release sent with one of these is an embarrassment, so it is worth a
// warning even though the PDF is fine.
var placeholderText = regexp.MustCompile(`\b(TBC|TBA|TBD|XX+)\b|\[(?i:insert|add|name|quote|tbc|tk)\b[^\]]*\]|\{\{[^}]*\}\}|(?i:lorem ipsum)`)

// placeholderWarnings finds placeholder text in every string of s.
func placeholderWarnings(s *statement.Statement) diag.List {
	var list diag.List
	for _, f := range s.Texts() {
		if !mayHavePlaceholder(f.Value) {
			continue
		}
		for _, m := range placeholderText.FindAllStringIndex(f.Value, 3) {
			list.Warnf(s.Locate(f.Key, m[0]), "replace it with the final text before sending the release",
				"%s looks like placeholder text: %q", statement.DisplayKey(f.Key), f.Value[m[0]:m[1]])
		}
	}
	return list
}

// mayHavePlaceholder reports whether v contains what every match of
// placeholderText starts with. The pattern has no literal prefix, so the
// regexp engine tries it at every position of every string: about a
// tenth of a render's CPU before this test, which skips nearly all text.
func mayHavePlaceholder(v string) bool {
	return strings.Contains(v, "TB") || strings.Contains(v, "XX") ||
		strings.Contains(v, "[") || strings.Contains(v, "{{") ||
		// Not "lorem ipsum": (?i) also matches the long s, ſ, which
		// strings.ToLower leaves alone; no letter of "lorem ip" has
		// another case outside ASCII.
		strings.Contains(strings.ToLower(v), "lorem ip")
}
