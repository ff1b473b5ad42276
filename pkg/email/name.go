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
func AttachmentName(isoDate, headline string) string {
	slug := Slug(headline, maxSlug)
	if slug == "" {
		slug = "press-release"
	}
	if isoDate == "" {
		return slug + ".pdf"
	}
	return isoDate + "-" + slug + ".pdf"
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
