package diag

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"headline", "subheadline", "summary", "date", "contacts", "signatories", "colours", "body-text", "kind"}
	for word, want := range map[string]string{
		"sumary":       "summary",
		"Headline":     "headline",
		"colors":       "colours",
		"contact":      "contacts",
		"signatory":    "signatories",
		"body_text":    "body-text",
		"dat":          "date",
		"kinds":        "kind",
		"xyz":          "",
		"organisation": "",
		"":             "",
	} {
		if got := Suggest(word, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
}
