package render

import (
	"regexp"

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
		for _, m := range placeholderText.FindAllStringIndex(f.Value, 3) {
			list.Warnf(s.Locate(f.Key, m[0]), "replace it with the final text before sending the release",
				"%s looks like placeholder text: %q", statement.DisplayKey(f.Key), f.Value[m[0]:m[1]])
		}
	}
	return list
}
