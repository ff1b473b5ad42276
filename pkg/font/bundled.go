package font

import (
	"slices"
	"strings"
)

// Family is a font family built into pressroom (the files are in the
// module's fonts/ folder, reached through pressroom.Fonts).
type Family struct {
	// Name is the family as a layout writes it, e.g. "Noto Naskh Arabic".
	Name string
	// Files are the regular, bold, italic and bold italic files, in that
	// order. A family without italics (every complex-script family, and
	// the fallbacks) repeats its upright files: those scripts are not set
	// in italic, and a slanted copy would be a fake.
	Files [4]string
	// Scripts are the ISO 15924 scripts (as pkg/shaping's Segments names
	// them) the family is the default fallback for; empty for the text
	// family, Noto Sans, whose Latin, Greek and Cyrillic come first anyway.
	Scripts []string
	// Langs narrows Scripts to these BCP 47 primary languages, when a
	// script has a family per language (Urdu's Nastaliq against Arabic's
	// Naskh); empty means any language.
	Langs []string
}

// bundled lists the built-in families; read-only. The order is the
// fallback order: for one script the first matching family wins, so a
// family for some languages comes before the family for all.
var bundled = []Family{
	{Name: "Noto Sans", Files: [4]string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"}},
	{Name: "Noto Sans Math", Files: four("NotoSansMath-Regular.ttf", "")},
	{Name: "Noto Sans Symbols 2", Files: four("NotoSansSymbols2-Regular.ttf", "")},
	// Urdu is written in Nastaliq; Arabic (and Urdu when a layout asks
	// for it) in Naskh.
	{Name: "Noto Nastaliq Urdu", Files: four("NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf"), Scripts: []string{"Arab"}, Langs: []string{"ur"}},
	{Name: "Noto Naskh Arabic", Files: four("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"), Scripts: []string{"Arab"}},
	{Name: "Noto Sans Bengali", Files: four("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"), Scripts: []string{"Beng"}},
	{Name: "Noto Sans Gurmukhi", Files: four("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"), Scripts: []string{"Guru"}},
	{Name: "Noto Sans Devanagari", Files: four("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"), Scripts: []string{"Deva"}},
	// Chinese: the one redistributable TrueType-outline CJK font (see
	// fonts/SOURCES.md); it also covers Bopomofo and Japanese kana, but
	// not Hangul.
	{Name: "Droid Sans Fallback", Files: four("DroidSansFallbackFull.ttf", ""), Scripts: []string{"Hani", "Bopo", "Hira", "Kana"}},
}

// four gives a family without italics its four styles: bold is regular
// when the family has no bold.
func four(regular, bold string) [4]string {
	if bold == "" {
		bold = regular
	}
	return [4]string{regular, bold, regular, bold}
}

// Bundled returns the built-in families, in fallback order. The slice is
// a copy; the families' slices are shared and must not be changed.
func Bundled() []Family {
	return append([]Family(nil), bundled...)
}

// BundledFamily returns the built-in family a layout names, ignoring case
// and runs of spaces ("noto  naskh arabic").
func BundledFamily(name string) (Family, bool) {
	name = strings.Join(strings.Fields(name), " ")
	for _, f := range bundled {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return Family{}, false
}

// BundledFor returns the built-in family pressroom falls back to for
// text in script (ISO 15924, e.g. "Arab") written in lang (BCP 47, e.g.
// "ur-PK"): Noto Nastaliq Urdu for Urdu, Noto Naskh Arabic for other
// Arabic-script text, and so on. false when no bundled family is meant
// for the script (Latin and the other scripts Noto Sans covers).
func BundledFor(script, lang string) (Family, bool) {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	for _, f := range bundled {
		if !slices.Contains(f.Scripts, script) {
			continue
		}
		if len(f.Langs) == 0 || slices.Contains(f.Langs, primary) {
			return f, true
		}
	}
	return Family{}, false
}
