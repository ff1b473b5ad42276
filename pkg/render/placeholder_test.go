package render

import "testing"

// TestMayHavePlaceholder: the quick test placeholderWarnings runs first
// never skips a string the pattern matches.
func TestMayHavePlaceholder(t *testing.T) {
	for _, s := range []string{
		"Quote TBC.", "TBA", "on TBD", "XXX", "call XX", "[insert quote]", "[Name of minister]",
		"[TK]", "{{name}}", "Lorem ipsum dolor", "LOREM IPSUM", "lorem ipſum", "LOREM IPſUM",
		"plain text", "TB", "[link](https://x)", "{x}",
	} {
		if placeholderText.MatchString(s) && !mayHavePlaceholder(s) {
			t.Errorf("%q is placeholder text, but mayHavePlaceholder skips it", s)
		}
	}
	if mayHavePlaceholder("Today we are publishing a review.") {
		t.Error("plain text is not skipped")
	}
}
