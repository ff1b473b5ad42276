package render

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// TestCheckScripts: text in a script the layout has no font for is one
// message for the script, however many of its characters there are; the
// built-in layouts fall back to the bundled font of each script, so a
// statement in Bengali, Urdu or Arabic checks clean.
func TestCheckScripts(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	builtin, ll := lib.Load("default", ".")
	if ll.HasErrors() {
		t.Fatal(ll)
	}
	custom := testLayout(t) // Noto Sans and two symbol fonts, no fallback by script
	const mixed = "Our Bengali leaflet: আমরা আজ একটি ঘোষণা করছি। and in Arabic: مرحبا بكم"
	for _, tc := range []struct {
		name, lang, summary string
		l                   *layout.Layout
		want                []string
	}{
		{"custom layout", "en-GB", mixed, custom, []string{
			"stmt.toml:4:33: error: Bengali text needs a font with the Bengali script: no font of the layout has it (20 characters, the first in summary)",
			"stmt.toml:4:73: error: Arabic text needs a font with the Arabic script: no font of the layout has it (8 characters, the first in summary)",
		}},
		{"built-in layout", "en-GB", mixed, builtin, nil},
		{"Bengali", "bn", "আমরা আজ একটি ঘোষণা করছি", builtin, nil},
		{"Urdu", "ur", "ہم آج ایک اعلان کر رہے ہیں", builtin, nil},
		{"Hindi", "hi", "हम आज एक घोषणा कर रहे हैं", builtin, nil},
		{"Welsh", "cy", "Helo", builtin, nil},
		// No bundled font has Hangul: one error for the script, not one
		// per syllable.
		{"Korean in an English release", "en-GB", "In Korean: 안내문을 읽어 주세요", builtin, []string{
			"stmt.toml:4:23: error: Hangul text needs a font with the Hangul script: no font of the layout has it (9 characters, the first in summary)",
		}},
	} {
		src := "headline = \"Test\"\ndate = 2024-12-17\nlang = \"" + tc.lang + "\"\nsummary = \"" + tc.summary + "\"\n"
		s, list := statement.Parse("stmt.toml", []byte(src), statement.Options{})
		if s == nil || list.HasErrors() {
			t.Fatalf("%s: %v", tc.name, list)
		}
		var got []string
		for _, d := range append(Check(s, tc.l), CheckPDF(s, tc.l)...) {
			if d.Severity == diag.Error {
				got = append(got, strings.SplitN(d.String(), "\n", 2)[0])
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
