package markup

import (
	"regexp"
	"strings"
)

// Near misses: text a writer meant as markup that CommonMark reads as
// plain text. Each is a warning, since the text still renders, but not as
// the writer expects.

// looseLink is "[text] (address)": the space between ] and ( makes it two
// pieces of plain text, brackets and all.
var looseLink = regexp.MustCompile(`\[([^\]\n]+)\][ \t]+\(([^()\s]+)\)`)

// looseLinks warns about each "[text] (address)" in the source.
func (p *parser) looseLinks() {
	for _, m := range looseLink.FindAllSubmatchIndex(p.src, -1) {
		if m[0] > 0 && p.src[m[0]-1] == '!' {
			continue // an image, refused on its own
		}
		text, addr := string(p.src[m[2]:m[3]]), string(p.src[m[4]:m[5]])
		p.warnf(m[0], "remove the space: ["+text+"]("+addr+")",
			"[%s] (%s) is not a link: there is a space between ] and (", text, addr)
	}
}

// bareDomain is a web address written without www. or https://, such as
// example.gov.uk/help: goldmark's Linkify (like most e-mail programs) links
// only those two forms, so the address would be set as plain text. The
// top-level domains are the ones UK public bodies name; a word with a dot
// and another ending (report.pdf) is not an address.
var bareDomain = regexp.MustCompile(`(?i)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:uk|com|org|net|gov|info|eu|io|scot|wales|cymru|london|ie|edu|int)(?:/[^\s<>()\[\]"]*)?`)

// bareDomains warns about each bare web address in raw, plain text at off
// that is not part of a link.
func (p *parser) bareDomains(off int, raw []byte) {
	for _, m := range bareDomain.FindAllIndex(raw, -1) {
		start, end := m[0], m[1]
		if start > 0 && strings.ContainsRune("@./:-_\\", rune(raw[start-1])) || isWordByte(raw, start-1) || isWordByte(raw, end) {
			continue // part of an e-mail address, a longer word or an address already linked
		}
		addr := strings.TrimRight(string(raw[start:end]), ".,;:!?'")
		if strings.HasPrefix(strings.ToLower(addr), "www.") {
			continue
		}
		p.warnf(off+start, "write https://"+addr+" to make it a link",
			"%s is not made a link: only addresses starting with www. or https:// are", addr)
	}
}

func isWordByte(b []byte, i int) bool {
	if i < 0 || i >= len(b) {
		return false
	}
	c := b[i]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80
}
