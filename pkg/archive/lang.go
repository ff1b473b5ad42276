package archive

import (
	"fmt"
	"strings"
	"unicode"
)

// scriptLangs are the scripts that tell a release's language on their
// own, among those pressroom has tables for: a text mostly in Bengali
// letters is Bengali. Arabic script is Urdu's or Arabic's (arabicLang).
var scriptLangs = []struct {
	script *unicode.RangeTable
	name   string
	lang   string
}{
	{unicode.Bengali, "Bengali", "bn"},
	{unicode.Gurmukhi, "Gurmukhi", "pa"},
	{unicode.Devanagari, "Devanagari", "hi"},
	{unicode.Han, "Han", "zh"},
	{unicode.Arabic, "Arabic", ""},
}

// Letters of the Arabic script that one of Urdu and Arabic writes and
// the other does not: Urdu's barree yeh, noon ghunna, retroflex ṭ, ḍ, ṛ,
// its heh goal, Persian yeh and keheh; Arabic's teh marbuta, yeh, kaf
// and heh.
const (
	urduLetters   = "ےںٹڈڑہیک"
	arabicLetters = "ةيكه"
)

// polishLetters are the letters Polish writes and English, Welsh and the
// other Latin-script languages pressroom imports do not.
const polishLetters = "ąćęłńśźżĄĆĘŁŃŚŹŻ"

// guessLang tells a release's language from its text, for the languages
// whose script or letters say it, and why; "" when the text does not say.
// Welsh is told by its words (isWelsh).
func guessLang(text string) (lang, why string) {
	counts := make([]int, len(scriptLangs))
	letters := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for i, s := range scriptLangs {
			if unicode.Is(s.script, r) {
				counts[i]++
				break
			}
		}
	}
	for i, s := range scriptLangs {
		// Most of the letters, and enough of them to be more than a
		// name or a quoted line.
		if counts[i] < 20 || 2*counts[i] <= letters {
			continue
		}
		if s.lang != "" {
			return s.lang, fmt.Sprintf("the text is written in the %s script", s.name)
		}
		return arabicLang(text)
	}
	if isPolish(text) {
		return "pl", "the text reads as Polish: its letters ą, ę, ł, ś, ż and its commonest words"
	}
	return "", ""
}

// arabicLang tells Urdu from Arabic by the letters only one of them
// writes.
func arabicLang(text string) (lang, why string) {
	urdu, arabic := 0, 0
	for _, r := range text {
		switch {
		case strings.ContainsRune(urduLetters, r):
			urdu++
		case strings.ContainsRune(arabicLetters, r):
			arabic++
		}
	}
	if urdu > arabic {
		return urduOrPunjabi(text)
	}
	return "ar", "the text is written in the Arabic script, with Arabic's letters ة, ي, ك, ه"
}

// Punjabi written in the Arabic script (Shahmukhi, as Pakistan's
// Punjab writes it) has Urdu's letters too. It is told by the letter
// only it writes, ݨ (its retroflex n), and by its commonest words where
// Urdu writes others: the possessive دا, دی, دے (Urdu کا, کی, کے), نوں
// (کو), توں (سے), وچ (میں), تے (اور, پر), نیں and سی (ہیں, تھا), وی
// (بھی), ایہہ and اوہ (یہ, وہ), نال (ساتھ), ساڈا (ہمارا) — the grammar
// of Punjabi, any Shahmukhi primer.
var (
	punjabiWords = map[string]bool{"دا": true, "دی": true, "دے": true, "نوں": true, "توں": true, "وچ": true, "تے": true, "نیں": true,
		"سی": true, "وی": true, "ایہہ": true, "اوہ": true, "نال": true, "ساڈا": true, "ساڈی": true, "ساڈے": true, "اے": true}
	urduWords = map[string]bool{"کا": true, "کی": true, "کے": true, "کو": true, "سے": true, "میں": true, "اور": true, "پر": true,
		"ہیں": true, "تھا": true, "تھی": true, "بھی": true, "یہ": true, "وہ": true, "ساتھ": true, "ہمارا": true, "ہمارے": true, "ہے": true}
)

// punjabiNoon is ݨ, the letter Shahmukhi writes and Urdu does not.
const punjabiNoon = 'ݨ'

// urduOrPunjabi tells Punjabi in the Arabic script (pa-Arab) from Urdu
// by ݨ and by their commonest words, and says why it chose either.
func urduOrPunjabi(text string) (lang, why string) {
	noon := strings.Count(text, string(punjabiNoon))
	pa, ur := 0, 0
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, "،۔؛:؟!\"'“”‘’()")
		switch {
		case punjabiWords[w]:
			pa++
		case urduWords[w]:
			ur++
		}
	}
	if noon >= 2 && pa >= ur || pa >= 5 && pa > 2*ur {
		return "pa-Arab", fmt.Sprintf("the text is written in the Arabic script as Punjabi writes it (Shahmukhi): %d ݨ, and %d of Punjabi's commonest words (دا، دی، دے، نوں، توں، وچ، تے) to %d of Urdu's (کا، کی، کے، کو، سے، میں، اور)", noon, pa, ur)
	}
	return "ur", fmt.Sprintf("the text is written in the Arabic script, with Urdu's letters ے, ں, ٹ, ہ, ی, ک; read as Urdu, not Punjabi (Shahmukhi): %d ݨ, and %d of Urdu's commonest words (کا، کی، کے، کو، سے، میں، اور) to %d of Punjabi's (دا، دی، دے، نوں، توں، وچ، تے)", noon, ur, pa)
}

// isPolish tells Polish text by its letters and its commonest short
// words, as isWelsh tells Welsh.
func isPolish(text string) bool {
	letters, polish, english := 0, 0, 0
	for _, r := range text {
		if strings.ContainsRune(polishLetters, r) {
			letters++
		}
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch strings.Trim(w, ".,;:!?\"'„”“‘’()") {
		case "i", "w", "z", "na", "się", "jest", "do", "że", "nie", "oraz", "dla", "od", "przez", "po", "są", "który", "która", "które", "roku", "się,", "ze", "we", "jak", "także", "będzie":
			polish++
		case "the", "and", "of", "to", "is", "was", "with", "for", "that", "this", "are", "be", "on", "by", "will":
			english++
		}
	}
	return letters >= 5 && polish >= 8 && polish > 2*english
}
