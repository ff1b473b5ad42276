package render

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// TestCheckScripts: a script pressroom cannot shape is one message for
// the script, however many of its characters there are; a statement in
// such a language is one message at lang.
func TestCheckScripts(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, ll := lib.Load("default", ".")
	if ll.HasErrors() {
		t.Fatal(ll)
	}
	for _, tc := range []struct {
		lang, summary string
		want          []string
	}{
		{"en-GB", "Our Bengali leaflet: আমরা আজ একটি ঘোষণা করছি, and in Arabic: مرحبا بكم",
			[]string{
				"stmt.toml:4:33: error: Bengali text (19 characters, the first in summary) cannot be set in a PDF yet: pressroom does not yet shape scripts whose letters combine",
				"stmt.toml:4:73: error: Arabic-script text (8 characters, the first in summary) cannot be set in a PDF yet: pressroom does not yet shape right-to-left scripts or join their letters",
			}},
		{"bn", "আমরা আজ একটি ঘোষণা করছি",
			[]string{`stmt.toml:3:9: error: lang = "bn": pressroom cannot set Bengali (the Bengali script) in a PDF yet: it does not shape scripts whose letters combine`}},
		{"ur", "Hello",
			[]string{`stmt.toml:3:9: error: lang = "ur": pressroom cannot set Urdu (the Arabic script of Urdu) in a PDF yet: it does not shape right-to-left scripts or join their letters`}},
		{"cy", "Helo", nil},
	} {
		src := "headline = \"Test\"\ndate = 2024-12-17\nlang = \"" + tc.lang + "\"\nsummary = \"" + tc.summary + "\"\n"
		s, list := statement.Parse("stmt.toml", []byte(src), statement.Options{})
		if s == nil || list.HasErrors() {
			t.Fatalf("%s: %v", tc.lang, list)
		}
		var got []string
		for _, d := range append(Check(s, l), CheckPDF(s, l)...) {
			got = append(got, strings.SplitN(d.String(), "\n", 2)[0])
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.lang, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
