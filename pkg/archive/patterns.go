package archive

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/internal/lazyre"
)

// The words of archived releases that the recogniser knows. Each list is
// drawn from the house styles of UK public bodies' releases (see
// docs/import.md); Welsh forms are those the Welsh Government and Welsh
// councils print ("Nodiadau i olygyddion", "Diwedd").
var (
	// endMark is a line that ends a release's body.
	endMark = lazyre.New(`(?i)^[\s\[(*_–—-]*(?:ends?|end of (?:press )?release|diwedd|#{3}|-{3,}|\*{3})[\s\])*_–—.-]*$`)
	// furniture is a line that is about the document rather than part of
	// it: release instructions, page numbers, "more follows".
	furniture = lazyre.New(`(?i)^[\s*_]*(?:for immediate release|immediate release|for release immediately|i['’]w ryddhau ar unwaith|i['’]w gyhoeddi ar unwaith|` +
		`-+\s*more\s*-+|more follows|\(?more\)?|page \d+ of \d+|tudalen \d+ o \d+|` +
		`share this (?:page|article|story)|print this page|back to (?:top|news)|skip to (?:main )?content)[\s*_.:]*$`)
	// kindLabel is the label above a headline.
	kindLabel = lazyre.New(`(?i)^[\s*_]*((?:joint |partnership |media |press |news |public |holding |police |council )?(?:statement|release|notice|story|update|advisory|briefing|announcement)|news|` +
		`datganiad i['’]r wasg|datganiad(?: ar y cyd)?|newyddion)[\s*_:]*$`)
	// dateLabel introduces a date line.
	dateLabel = lazyre.New(`(?i)^[\s*_]*(?:date(?: of issue)?|dated|issued(?: on)?|published(?: on)?|release date|for (?:immediate )?release(?: on)?|dyddiad|cyhoeddwyd(?: ar)?)\s*[:\-–]?\s*`)
	// embargoLine is an embargo instruction.
	// Welsh releases write "Dan embargo tan …" or "O dan embargo".
	embargoLine = lazyre.New(`(?i)^[\s*_]*(?:embargo(?:ed)?|under embargo|strictly embargoed|not for (?:publication|release|broadcast) (?:before|until)|(?:o\s+)?dan\s+embargo)\b`)
	// refLine is a reference line in the header or a case reference in
	// the text: "Ref: BSCP 2020/21-01", "(Case Reference BSCP 2020/21-01)".
	refLine = lazyre.New(`\b(?i:case\s+|our\s+|press\s+release\s+)?(?i:ref(?:erence)?)(?i:\s+(?:no|number))?\.?\s*:?\s+([A-Z][A-Z0-9]*(?:[ /-]?[0-9][0-9A-Z/.-]*)+)`)
	// refLabel is a labelled reference line in the header: "Reference:
	// CTHP/PR/2025-003", "Ref: 123", "Cyfeirnod: …" (the label the Welsh
	// releases pressroom writes use). The label makes it sure, so the
	// reference may take any form.
	refLabel = lazyre.New(`(?i)^[\s*_]*(?:our\s+|press\s+release\s+)?(?:ref(?:erence)?|cyfeirnod)(?:\s+(?:no|number))?\.?\s*:\s*(\S.{0,60})$`)
	// notesHeading opens the note to editors.
	notesHeading = lazyre.New(`(?i)^[\s*_#]*(notes?\s+(?:to|for)\s+(?:editors?|news\s*desks?)|editor['’]?s['’]?\s+notes?|notes?|background(?:\s+(?:information|notes?))?(?:\s+for\s+editors)?|nodiadau\s+i(?:['’]r)?\s+olygyddion|nodyn\s+i(?:['’]r)?\s+olygyddion|nodiadau)[\s*_:.]*$`)
	// aboutHeading opens the boilerplate about an organisation.
	aboutHeading = lazyre.New(`(?i)^[\s*_#]*((?:about|ynglŷn â|ynghylch|am)\s+(.{2,80}?))[\s*_:.]*$`)
	// contactHeading is a line that introduces media contacts, alone
	// or followed by the contact on the same line.
	contactHeading = lazyre.New(`(?i)^[\s*_#]*((?:for\s+(?:further|more|all)\s+(?:media\s+)?(?:information|details|enquiries)(?:[^:]{0,60}?contact)?|` +
		`(?:media|press|news)\s+(?:enquiries|inquiries|contacts?|information|office|desk|team)(?:\s+(?:only|to|contact))?|` +
		`(?:contact|contacts|press\s+contact|enquiries|issued\s+by)|ymholiadau(?:['’]r)?\s+(?:cyfryngau|wasg)|cyswllt(?:\s+â['’]r\s+cyfryngau)?))\s*(?::|-|–|$)\s*`)
	// contactSentence is a sentence that ends by naming who to contact:
	// "For any media enquiries or interview requests please contact …".
	contactSentence = lazyre.New(`(?i)^(.{0,120}?\b(?:enquir|inquir|interview|further\s+information|more\s+information|further\s+details|media|press|journalist)[^.]{0,120}?\b(?:please\s+)?(?:contact|call|e-?mail|ring|speak to))\b[\s:,]*(.*)$`)
	// detailLine is one way to reach a contact: "Email: …", "Tel: …".
	detailLine = lazyre.New(`(?i)^[\s*_•-]*(e-?mail|e-bost|tel(?:ephone)?|ffôn\s+symudol|ffôn|phone|direct(?:\s+(?:line|dial))?|switchboard|mob(?:ile)?|symudol|cell|office|swyddfa|out\s+of\s+hours|website|web|gwefan|www|fax|x|twitter)\b\.?\s*(?:no\.?|number)?\s*[:.\-–]?\s*(.+)$`)
	// orgNoun marks a name as an organisation's: "Harrowby Vale Council",
	// "Northmoor Police", "Wessex Down Fire and Rescue Service".
	orgNoun = lazyre.New(`(?i)\b(?:council|partnership|trust|police|constabulary|department|ministry|authority|agency|nhs|university|college|school|foundation|charity|society|association|government|executive|llywodraeth|cyngor|heddlu|swyddfa|ltd|limited|plc|board|service|services|commission|office of|institute|centre)\b`)
	// labelStart finds where a labelled detail starts inside a line that
	// holds several: "Telephone: 01632 960 222  Email: comms@…".
	labelStart   = lazyre.New(`(?i)(?:^|\s)(?:e-?mail|e-bost|tel(?:ephone)?|ffôn\s+symudol|ffôn|phone|mob(?:ile)?|office|website|web|gwefan|fax)\s*:`)
	emailAddress = lazyre.New(`(?i)\b[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b`)
	phoneNumber  = lazyre.New(`(?:\+44\s?\(?0?\)?\s?|\(?0)[0-9][0-9 ()-]{7,14}[0-9]`)
	webAddress   = lazyre.New(`(?i)\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:]`)
	// orgWord marks words that name an organisation or a role, not a
	// person: a name line has none of them.
	orgWord = lazyre.New(`(?i)\b(?:council|partnership|trust|service|services|police|department|ministry|office|officer|manager|director|team|board|authority|agency|nhs|university|school|college|group|foundation|charity|society|association|government|llywodraeth|cyngor|ltd|limited|plc|chair|chairs|chief|executive|head|lead|spokesperson|communications|press|media|commissioner|constable|mayor|leader|member|cabinet|minister|secretary|swyddfa|heddlu|tîm|swyddog|cyfarwyddwr|prif|gweithredwr|cadeirydd|ymddiriedolaeth|gwasanaeth|gweinidog|arweinydd)\b`)
)

// isNameLine reports whether s reads as one person's name, or two or
// three joined by "and"/"&": two to four capitalised words each, with
// titles such as "Dr" or "Cllr" allowed, and no organisation words.
func isNameLine(s string) bool {
	_, ok := splitNames(s)
	return ok
}

// splitNames splits "James Thomas and Richard North" into names.
func splitNames(s string) ([]string, bool) {
	s = strings.TrimSpace(strings.Trim(s, ",;"))
	if s == "" || len(s) > 120 || orgWord.MatchString(s) || strings.ContainsAny(s, "@:0123456789/()") {
		return nil, false
	}
	parts := regexp.MustCompile(`\s*(?:,\s*|\s+and\s+|\s*&\s*|\s+a\s+)\s*`).Split(s, -1)
	var names []string
	for _, p := range parts {
		if p == "" {
			continue
		}
		if !isOneName(p) {
			return nil, false
		}
		names = append(names, p)
	}
	return names, len(names) > 0 && len(names) <= 4
}

var nameTitles = map[string]bool{"dr": true, "cllr": true, "councillor": true, "prof": true, "professor": true, "sir": true,
	"dame": true, "mr": true, "mrs": true, "ms": true, "miss": true, "rev": true, "revd": true, "lord": true, "lady": true, "baroness": true, "dr.": true, "mr.": true, "mrs.": true}

func isOneName(p string) bool {
	words := strings.Fields(p)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	caps := 0
	for i, w := range words {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if i == 0 && nameTitles[lw] || nameTitles[lw+"."] {
			continue
		}
		if lw == "de" || lw == "van" || lw == "von" || lw == "ap" || lw == "ab" || lw == "le" || lw == "la" || lw == "da" {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
				return false
			}
		}
		caps++
	}
	return caps >= 2
}

// singular turns a plural role shared by several signatories ("Co-Chairs",
// "Joint Chief Executives") into each one's role.
func singular(role string) string {
	words := strings.Fields(role)
	if len(words) == 0 {
		return role
	}
	// The plural noun is the last word before any "of …" phrase.
	at := len(words) - 1
	for i, w := range words {
		if i > 0 && (strings.EqualFold(w, "of") || strings.EqualFold(w, "for")) {
			at = i - 1
			break
		}
	}
	w := words[at]
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	words[at] = w
	return strings.Join(words, " ")
}

// sentenceCase writes a label in capitals ("PARTNERSHIP STATEMENT") as
// the statement format's kind is written ("Partnership statement").
func sentenceCase(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	lower := strings.ToLower(s)
	if s != strings.ToUpper(s) && s != lower && !isTitleCase(s) {
		return s // already mixed case as the author wrote it
	}
	r := []rune(lower)
	r[0] = unicode.ToUpper(r[0])
	out := string(r)
	// Proper nouns that labels carry.
	for _, p := range []string{"NHS", "GOV.UK", "UK", "Welsh", "English"} {
		out = regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(p)+`\b`).ReplaceAllString(out, p)
	}
	return out
}

func isTitleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// words counts the words of s.
func words(s string) int { return len(strings.Fields(s)) }

// welshShare tells Welsh text from English by their commonest short words.
func isWelsh(text string) bool {
	welsh, english := 0, 0
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()")
		switch w {
		case "yn", "yr", "y", "mae", "wedi", "gyda", "ac", "ein", "hefyd", "bydd", "sydd", "i'r", "o'r", "ar", "am", "gan", "eu", "fod", "hyn", "cyngor", "ni", "dros", "rhaid",
			// words no English sentence uses, so that a short Welsh
			// release (a holding statement) reaches the count too
			"ei", "bod", "ond", "sy'n", "i'w", "heddiw", "dywedodd", "rydym", "yng", "ym", "neu", "hwn", "hon", "oedd", "eleni":
			welsh++
		case "the", "and", "of", "to", "is", "was", "with", "for", "that", "this", "are", "be", "on", "by", "will":
			english++
		}
	}
	return welsh >= 10 && welsh > 2*english
}
