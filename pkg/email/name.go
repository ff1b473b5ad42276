package email

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds the headline's part of an attachment's file name, so
// that names stay readable in a mail program's list and well inside every
// file system's limit.
const maxSlug = 45

// AttachmentName is the PDF's file name: the ISO date and the headline as
// lowercase ASCII words joined by hyphens, cut at a word to at most 45
// characters: "2024-12-17-publication-of-learning-from-a-local-child.pdf".
// A headline whose letters are mostly of another script (Urdu, Bengali,
// Chinese) gives "press-release" and language, the release's language in
// English, instead: "2025-05-02-press-release-in-urdu.pdf", where the
// headline's few ASCII characters would give a name of digits alone.
// language is empty for an English release.
//
// The name stays ASCII: go-mail writes a non-ASCII name as RFC 2047
// encoded words inside the quoted filename parameter (not RFC 2231),
// which RFC 2047 section 5 forbids and some mail programs show as is, and
// newsroom systems and archives that the file is saved into often mangle
// such names. A name that gives the date, the kind and the language tells
// a journalist sent two language versions which is which, unopened.
func AttachmentName(isoDate, headline, language string) string {
	slug := ""
	if mostlyLatin(headline) {
		slug = Slug(headline, maxSlug)
	}
	if slug == "" {
		slug = "press-release"
		if l := Slug(language, maxSlug); l != "" {
			slug += "-in-" + l
		}
	}
	if isoDate == "" {
		return slug + ".pdf"
	}
	return isoDate + "-" + slug + ".pdf"
}

// mostlyLatin reports whether at least half of the letters of s are Latin
// ones, which a slug spells in ASCII.
func mostlyLatin(s string) bool {
	latin, letters := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.Is(unicode.Latin, r) {
			latin++
		}
	}
	return latin > 0 && 2*latin >= letters
}

// letters that do not decompose into an ASCII letter and a mark.
var spelled = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d",
	'&': "and",
}

// Slug turns s into lowercase ASCII words joined by hyphens, at most max
// characters long, cut where a word ends (or inside a single long word).
func Slug(s string, max int) string {
	var words []string
	var cur strings.Builder
	end := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			cur.WriteRune(unicode.ToLower(r))
		case r == '&':
			end()
			words = append(words, spelled[r])
		case spelled[r] != "":
			cur.WriteString(spelled[r])
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
			// accents drop away; "parents'" stays one word
		default:
			end()
		}
	}
	end()
	out := strings.Join(words, "-")
	if len(out) <= max {
		return out
	}
	cut := strings.LastIndexByte(out[:max+1], '-')
	if cut <= 0 {
		return out[:max]
	}
	return out[:cut]
}
