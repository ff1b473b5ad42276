package archive

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/lazyre"
	"github.com/pressroom/pressroom/pkg/archive/docx"
	"github.com/pressroom/pressroom/pkg/archive/source"
)

// block is a source block with the plain text of each line, which the
// rules match against.
type block struct {
	source.Block
	plain []string
}

func (b block) plainText() string { return strings.Join(b.plain, " ") }

// recogniser decides, block by block, what each part of an archived
// release is. Its rules run in reading order: the header (label, headline,
// date), the body, then the tail (signatures, notes, About, contacts).
type recogniser struct {
	doc    *source.Doc
	blocks []block
	d      Draft
	found  []Finding
	drops  []Dropped
	// body holds the blocks of the summary, in order.
	body []block
	// headerContacts are contact lines found above the headline.
	headerContacts []block
	// orgs are the organisations named so far, for splitting "Partnership
	// Business Manager" into a role and an organisation.
	orgs []string
}

// recognise reads doc into a Draft, with every decision and every
// dropped piece.
func recognise(doc *source.Doc) (*Draft, []Finding, []Dropped) {
	r := &recogniser{doc: doc}
	r.d.Layout = "default"
	for _, b := range doc.Blocks {
		b = typedListItem(b)
		nb := block{Block: b}
		for _, l := range b.Lines {
			nb.plain = append(nb.plain, plainText(l.Text))
		}
		r.blocks = append(r.blocks, nb)
	}
	for _, d := range doc.Dropped {
		r.drops = append(r.drops, Dropped{Line: d.Line, Text: shorten(d.Text), Why: d.Why})
	}
	r.evidence()
	i := r.header()
	i = r.dateline(i)
	i = r.readBody(i)
	r.tail(i)
	r.finishBody()
	r.findReference()
	r.fallbacks()
	r.tables()
	return &r.d, r.found, r.drops
}

// tables says, at its first row, that a Word table was read as rows, one
// line each, under the field its rows went to: the reader joined cells,
// and a person should check the lines against the document.
func (r *recogniser) tables() {
	for _, e := range r.doc.Evidence {
		if e.Key != docx.EvidenceTable {
			continue
		}
		field, row := "summary", ""
		for _, b := range r.doc.Blocks {
			if b.FirstLine() == e.Line {
				row = b.Text()
				break
			}
		}
		holds := func(blocks []string) bool {
			for _, s := range blocks {
				if row != "" && strings.Contains(s, row) {
					return true
				}
			}
			return false
		}
		switch {
		case r.d.Notes != nil && holds(r.d.Notes.Body):
			field = "notes"
		case r.d.About != nil && holds(r.d.About.Body):
			field = "about"
		case r.d.Developments != nil && holds(r.d.Developments.Items):
			field = "developments"
		}
		r.note(field, e.Line, Likely, "a Word table read as %s: check the lines against the document", e.Value)
	}
}

func (r *recogniser) note(field string, line int, c Confidence, format string, args ...any) {
	r.found = append(r.found, Finding{Field: field, Line: line, Confidence: c, Why: fmt.Sprintf(format, args...)})
}

func (r *recogniser) drop(line int, text, why string) {
	r.drops = append(r.drops, Dropped{Line: line, Text: shorten(text), Why: why})
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "…"
	}
	return s
}

// evidence takes what the source states outside its body.
func (r *recogniser) evidence() {
	for _, e := range r.doc.Evidence {
		v := strings.TrimSpace(e.Value)
		if v == "" {
			continue
		}
		switch e.Key {
		case source.EvidenceKind:
			if r.d.Kind == "" {
				r.d.Kind = sentenceCase(v)
				r.note("kind", e.Line, Sure, "the page's document type")
			}
		case source.EvidenceFrom:
			if r.d.Organisation == "" && !strings.HasPrefix(r.doc.Format, "eml") {
				r.d.Organisation = v
				r.orgs = append(r.orgs, v)
				r.note("organisation", e.Line, Sure, "the page's \"From\"")
			}
		case source.EvidencePublished:
			if r.d.Date.Year == 0 {
				if m, ok := findDate(v); ok {
					r.d.Date = m.Date
					r.note("date", e.Line, Sure, "the page's published date")
				}
			}
		case source.EvidenceLanguage:
			lang := strings.ToLower(v)
			if r.d.Lang == "" && lang != "" && !strings.HasPrefix(lang, "en") {
				// "cy-GB" says no more than "cy": Welsh is written in
				// Britain. Other regions are kept ("pt-BR").
				r.d.Lang = strings.TrimSuffix(strings.TrimSuffix(v, "-GB"), "-gb")
				r.note("lang", e.Line, Sure, "the language the %s declares", r.doc.Format)
			}
		}
	}
}

// typedMarker is a list marker typed into a paragraph of a web page or a
// Word document ("1. ", "2) ", "• "), as the reader wrote it: escaped.
var typedMarker = lazyre.New(`^(?:([0-9]{1,3})\\?[.)]|[•·▪‣])\s+`)

// typedListItem makes a one-line paragraph that starts with a typed list
// marker a list item, as the text reader does with such lines: numbered
// notes to editors are often typed, not styled.
func typedListItem(b source.Block) source.Block {
	if b.Kind != source.Paragraph || len(b.Lines) != 1 {
		return b
	}
	m := typedMarker.FindStringSubmatchIndex(b.Lines[0].Text)
	if m == nil || m[1] == len(b.Lines[0].Text) {
		return b
	}
	line := b.Lines[0]
	line.Text = source.ProtectLineStart(line.Text[m[1]:])
	return source.Block{Kind: source.ListItem, Ordered: m[2] >= 0, Role: b.Role, Lines: []source.Line{line}}
}

// header reads the label, headline, subheadline, date, embargo and
// reference above the body, and returns the index of the body's first
// block.
func (r *recogniser) header() int {
	title := -1
	for i, b := range r.blocks {
		if i > 10 {
			break
		}
		if b.Kind == source.Title {
			title = i
			break
		}
	}
	for i := 0; i < len(r.blocks); i++ {
		b := &r.blocks[i]
		if b.Kind == source.ListItem || b.Kind == source.Heading && r.d.Headline != "" {
			return i
		}
		if b.Role == source.ContactCard {
			return i
		}
		if r.d.Headline != "" && (b.Kind == source.Subtitle || b.Role == source.Lede) && r.d.Subheadline == "" {
			r.d.Subheadline = plainJoin(b.Block)
			r.note("subheadline", b.FirstLine(), Sure, "the %s's standfirst", r.doc.Format)
			continue
		}
		if b.Role == source.Label && r.d.Headline == "" {
			r.d.Kind = sentenceCase(b.plainText())
			r.note("kind", b.FirstLine(), Sure, "the label above the title")
			continue
		}
		for li := 0; li < len(b.plain); li++ {
			p := strings.TrimSpace(b.plain[li])
			line := b.Lines[li].Line
			if r.headerParts(p, line) {
				continue
			}
			switch {
			case p == "":
				continue
			case furniture.MatchString(p) || endMark.MatchString(p):
				r.drop(line, p, "release instruction")
				continue
			case r.d.Headline == "" && isKindLabel(p) && words(p) <= 5:
				if r.d.Kind == "" {
					r.d.Kind = sentenceCase(strings.Trim(p, " *_:"))
					r.note("kind", line, Sure, "the label above the headline")
				} else {
					r.drop(line, p, "a second label")
				}
				continue
			case isEmbargoLine(p) && words(p) <= 20:
				if e, ok := findEmbargoTime(p); ok && r.d.Embargo == nil {
					r.d.Embargo = &e
					r.note("embargo", line, Sure, "the embargo line")
					continue
				}
				if r.d.Embargo == nil {
					// "EMBARGOED" with no time: keep the words where a
					// person will see them, and say so.
					r.drop(line, p, "an embargo with no date and time: set embargo = YYYY-MM-DDTHH:MM:00 by hand")
					continue
				}
				r.drop(line, p, "a second embargo line")
				continue
			case r.headerDate(p, line):
				continue
			case r.headerContact(b, li):
				continue
			case r.headerReference(p, line):
				continue
			case r.headerDateline(p, line):
				continue
			case r.d.Headline == "" && (title < 0 || i == title):
				if title < 0 && !headlineShaped(b, li) {
					return r.splitAt(i, li)
				}
				r.takeHeadline(b, li, i == title)
				li = len(b.plain)
				continue
			case r.d.Headline == "" && i < title:
				// Above a styled title: a letterhead or a running head.
				if r.d.Organisation == "" && orgWord.MatchString(p) && words(p) <= 10 {
					r.d.Organisation = p
					r.orgs = append(r.orgs, p)
					r.note("organisation", line, Likely, "the letterhead above the title")
				}
				r.drop(line, p, "above the title (letterhead)")
				continue
			}
			return r.splitAt(i, li)
		}
	}
	return len(r.blocks)
}

// partSep separates the parts of a header line such as "Press release ·
// 3 March 2025" or "NEWS | 12 April 2022".
var partSep = lazyre.New(`\s+[·|•]\s+|\s+[–—-]\s+|\s{3,}|\t+`)

// headerParts reads a header line made of a label and a date.
func (r *recogniser) headerParts(p string, line int) bool {
	parts := partSep.Split(p, -1)
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, part := range parts {
		part = strings.Trim(part, " *_")
		rest := part
		if m := dateLabel.FindStringIndex(part); m != nil {
			rest = part[m[1]:]
		}
		_, isDate := parseDate(rest)
		if !isDate && !(isKindLabel(part) && words(part) <= 5) && !furniture.MatchString(part) {
			return false
		}
	}
	for _, part := range parts {
		part = strings.Trim(part, " *_")
		if furniture.MatchString(part) {
			r.drop(line, part, "release instruction")
			continue
		}
		if !r.headerDate(part, line) && r.d.Kind == "" {
			r.d.Kind = sentenceCase(part)
			r.note("kind", line, Sure, "the label above the headline")
		}
	}
	return true
}

// splitAt makes line li of block i the start of its own block, so the
// body starts there.
func (r *recogniser) splitAt(i, li int) int {
	if li > 0 {
		b := &r.blocks[i]
		b.Lines = b.Lines[li:]
		b.plain = b.plain[li:]
	}
	return i
}

// headlineShaped reports whether line li of b can be a headline when no
// style says so: short, and not a sentence of running text.
func headlineShaped(b *block, li int) bool {
	p := strings.TrimSpace(b.plain[li])
	if b.Kind == source.Heading || b.Kind == source.Title {
		return true
	}
	n := words(p)
	if n == 0 || n > 30 {
		return false
	}
	// A headline rarely ends in a full stop; a first paragraph of more
	// than a dozen words that does is the body.
	if strings.HasSuffix(p, ".") && n > 12 {
		return false
	}
	return !emailAddress.MatchString(p) && !detailLine.MatchString(p)
}

// takeHeadline sets the headline from line li of b; the rest of the
// block's lines continue a wrapped headline (when the next line starts in
// lower case) or are the subheadline.
func (r *recogniser) takeHeadline(b *block, li int, styled bool) {
	line := b.Lines[li].Line
	parts := []string{b.plain[li]}
	rest := b.Lines[li+1:]
	restPlain := b.plain[li+1:]
	for len(restPlain) > 0 && startsLower(restPlain[0]) {
		parts = append(parts, restPlain[0])
		rest, restPlain = rest[1:], restPlain[1:]
	}
	r.d.Headline = strings.Join(parts, " ")
	switch {
	case styled:
		r.note("headline", line, Sure, "the %s's title", r.doc.Format)
	case b.Kind == source.Heading:
		r.note("headline", line, Sure, "the first heading")
	default:
		r.note("headline", line, Likely, "the first short line of the release")
	}
	if len(rest) > 0 {
		r.d.Subheadline = strings.Join(restPlain, " ")
		r.note("subheadline", rest[0].Line, Likely, "the line under the headline")
	}
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return r >= 'a' && r <= 'z'
}

// headerDate takes a date line above the body: "Date: 17th December
// 2024", "Tuesday 17 December 2024", "Published 17/12/2024".
func (r *recogniser) headerDate(p string, line int) bool {
	rest := p
	labelled := false
	if m := dateLabel.FindStringIndex(p); m != nil && m[1] > 0 {
		rest, labelled = p[m[1]:], true
	}
	m, ok := parseDate(rest)
	if !ok {
		return false
	}
	if r.d.Date.Year != 0 {
		if r.d.Date != m.Date {
			r.drop(line, p, fmt.Sprintf("a second date (the statement keeps %s)", r.d.Date))
		} else {
			r.drop(line, p, "the date again")
		}
		return true
	}
	r.d.Date = m.Date
	c, why := Sure, "the date line"
	if !labelled {
		c, why = Likely, "a line that is only a date"
	}
	if m.Numeric {
		c, why = Likely, why+", read day first (17/12 is 17 December)"
	}
	r.note("date", line, c, "%s", why)
	return true
}

// headerContact takes a contact printed above the headline, as some
// house styles do ("Contact: Fiona Grant", "Tel: …"): the lines join the
// contacts read at the end.
func (r *recogniser) headerContact(b *block, li int) bool {
	p := strings.TrimSpace(b.plain[li])
	m := detailLine.FindStringSubmatch(p)
	isDetail := m != nil && fitsLabel(strings.ToLower(m[1]), m[2])
	isLead := false
	if h := contactHeading.FindStringSubmatchIndex(p); h != nil && words(p[:h[3]]) <= 4 && strings.TrimSpace(p[h[1]:]) != "" {
		isLead = true
	}
	if !isDetail && !isLead {
		return false
	}
	r.headerContacts = append(r.headerContacts, block{
		Block: source.Block{Kind: source.Paragraph, Lines: []source.Line{b.Lines[li]}},
		plain: []string{p},
	})
	return true
}

// headerReference takes "Ref: ABC/123" above the body.
func (r *recogniser) headerReference(p string, line int) bool {
	m := refLabel.FindStringSubmatchIndex(p)
	if m == nil {
		m = refLine.FindStringSubmatchIndex(p)
	}
	if m == nil || m[0] > 2 || words(p) > 6 {
		return false
	}
	if r.d.Reference == "" {
		r.d.Reference = strings.TrimSpace(p[m[2]:m[3]])
		r.note("reference", line, Sure, "the reference line")
	}
	return true
}

// datelinePrefix is "LONDON, 12/04/2022 – " or "Cardiff (17 December
// 2024): ": a place, perhaps a date, and a dash or colon.
var datelinePrefix = lazyre.New(`^([\p{Lu}][\p{L}.'’ -]{1,40}?(?:,\s*[\p{Lu}][\p{L}.]{1,20})?)\s*(?:[,(]\s*([^–—:()]{6,40}?)\)?)?\s*(?:[–—:]|\s-)\s*`)

// headerDateline takes a line that is only "LONDON, 12 April 2022".
func (r *recogniser) headerDateline(p string, line int) bool {
	place, rest, ok := strings.Cut(p, ",")
	if !ok || words(place) > 4 || r.d.Dateline != "" {
		return false
	}
	m, ok := parseDate(rest)
	if !ok || !isPlace(place) {
		return false
	}
	r.d.Dateline = strings.TrimSpace(place)
	r.note("dateline", line, Likely, "a place and a date on a line of their own")
	if r.d.Date.Year == 0 {
		r.d.Date = m.Date
		r.note("date", line, Likely, "the date beside the place")
	}
	return true
}

func isPlace(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || orgWord.MatchString(s) {
		return false
	}
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !(r >= 'A' && r <= 'Z') && !strings.EqualFold(w, "upon") && !strings.EqualFold(w, "on") {
			return false
		}
	}
	return true
}

// dateline takes "LONDON, 12/04/2022 – " off the first body paragraph.
func (r *recogniser) dateline(i int) int {
	if i >= len(r.blocks) || r.blocks[i].Kind != source.Paragraph || r.d.Dateline != "" {
		return i
	}
	b := &r.blocks[i]
	p := b.plain[0]
	m := datelinePrefix.FindStringSubmatchIndex(p)
	if m == nil {
		return i
	}
	place := strings.TrimSpace(p[m[2]:m[3]])
	var date dateMatch
	hasDate := false
	if m[4] >= 0 {
		date, hasDate = parseDate(p[m[4]:m[5]])
		if !hasDate {
			return i
		}
	}
	if !isPlace(place) || !hasDate && place != strings.ToUpper(place) {
		return i
	}
	prefix := p[:m[1]]
	text := b.Lines[0].Text
	if !strings.HasPrefix(text, prefix) {
		return i // markup inside the prefix: leave the paragraph whole
	}
	b.Lines[0].Text = strings.TrimSpace(text[len(prefix):])
	b.plain[0] = strings.TrimSpace(p[len(prefix):])
	r.d.Dateline = place
	r.note("dateline", b.Lines[0].Line, Likely, "the place before the first paragraph")
	if hasDate {
		if r.d.Date.Year == 0 {
			r.d.Date = date.Date
			r.note("date", b.Lines[0].Line, Likely, "the date in the dateline")
		} else if r.d.Date != date.Date {
			r.drop(b.Lines[0].Line, prefix, fmt.Sprintf("the dateline's date differs from %s", r.d.Date))
		}
	}
	return i
}

// readBody collects the summary's blocks up to the first section of the
// tail, and returns where the tail starts.
func (r *recogniser) readBody(i int) int {
	for ; i < len(r.blocks); i++ {
		b := r.blocks[i]
		p := strings.TrimSpace(b.plainText())
		if len(b.plain) == 1 && endMark.MatchString(p) {
			r.drop(b.FirstLine(), p, "end mark")
			return i + 1
		}
		if len(b.plain) == 1 && furniture.MatchString(p) {
			r.drop(b.FirstLine(), p, "release instruction")
			continue
		}
		if r.sectionStart(b) != "" {
			return i
		}
		if n := r.signatureAt(i); n > 0 && r.tailFollows(i+n) {
			return i
		}
		r.body = append(r.body, r.withoutFurniture(b))
	}
	return i
}

// withoutFurniture drops lines of a block that are release instructions.
func (r *recogniser) withoutFurniture(b block) block {
	keep := b
	keep.Lines, keep.plain = nil, nil
	for k, p := range b.plain {
		if furniture.MatchString(p) {
			r.drop(b.Lines[k].Line, p, "release instruction")
			continue
		}
		keep.Lines = append(keep.Lines, b.Lines[k])
		keep.plain = append(keep.plain, p)
	}
	return keep
}

// tailFollows reports whether nothing but the tail of a release (end
// marks, sections, contacts) comes from block i on.
func (r *recogniser) tailFollows(i int) bool {
	for ; i < len(r.blocks); i++ {
		b := r.blocks[i]
		p := strings.TrimSpace(b.plainText())
		switch {
		case len(b.plain) == 1 && (endMark.MatchString(p) || furniture.MatchString(p)):
			return true
		case r.sectionStart(b) != "":
			return true
		case r.signatureAt(i) > 0:
			continue
		}
		return false
	}
	return true
}

// sectionStart says which section of the tail block b opens, if any:
// "notes", "about" or "contacts".
func (r *recogniser) sectionStart(b block) string {
	if len(b.plain) == 0 {
		return ""
	}
	first := strings.TrimSpace(b.plain[0])
	if b.Role == source.ContactCard {
		return "contacts"
	}
	if b.Kind == source.ListItem {
		return ""
	}
	if notesHeading.MatchString(first) {
		return "notes"
	}
	if m := aboutHeading.FindStringSubmatch(first); m != nil && words(first) <= 10 && !strings.HasSuffix(first, ".") {
		return "about"
	}
	if m := contactHeading.FindStringSubmatchIndex(first); m != nil && words(first[:m[3]]) <= 10 {
		return "contacts"
	}
	if contactSentence.MatchString(first) && r.reachable(b) {
		return "contacts"
	}
	if detailLine.MatchString(first) && words(first) <= 12 {
		return "contacts"
	}
	// A short block with a labelled way to reach someone under its first
	// line ("Issued by the press office" / "Tel: …").
	if len(b.plain) <= 6 {
		for _, p := range b.plain[1:] {
			if m := detailLine.FindStringSubmatch(p); m != nil && fitsLabel(strings.ToLower(m[1]), m[2]) && words(p) <= 12 {
				return "contacts"
			}
		}
	}
	return ""
}

// reachable reports whether a block names a way to reach someone (or is
// followed by lines that do), so that "please contact" opens contacts.
func (r *recogniser) reachable(b block) bool {
	t := b.plainText()
	if emailAddress.MatchString(t) || phoneNumber.MatchString(t) {
		return true
	}
	// The details may follow in the next block.
	for i, x := range r.blocks {
		if x.FirstLine() == b.FirstLine() && i+1 < len(r.blocks) {
			n := r.blocks[i+1].plainText()
			return emailAddress.MatchString(n) || phoneNumber.MatchString(n) || detailLine.MatchString(n)
		}
	}
	return false
}

// signatureAt returns how many blocks from i make a signature (names,
// role, organisation), or 0.
func (r *recogniser) signatureAt(i int) int {
	lines, n := r.signatureLines(i)
	if len(lines) < 2 || len(lines) > 3 || !isNameLine(lines[0]) {
		return 0
	}
	for _, l := range lines[1:] {
		if words(l) > 10 || strings.HasSuffix(l, ".") || strings.ContainsAny(l, "@0123456789") || isNameLine(l) {
			return 0
		}
	}
	return n
}

// signatureLines gathers the lines of a possible signature: one block of
// lines, or (in Word, where each line is a paragraph) up to three
// one-line blocks.
func (r *recogniser) signatureLines(i int) ([]string, int) {
	b := r.blocks[i]
	if b.Kind != source.Paragraph {
		return nil, 0
	}
	if len(b.plain) > 1 {
		return b.plain, 1
	}
	lines := []string{b.plain[0]}
	n := 1
	for j := i + 1; j < len(r.blocks) && j < i+3; j++ {
		x := r.blocks[j]
		if x.Kind != source.Paragraph || len(x.plain) != 1 || r.doc.Unit != source.Paragraphs {
			break
		}
		if r.sectionStart(x) != "" || endMark.MatchString(x.plain[0]) {
			break
		}
		lines = append(lines, x.plain[0])
		n++
	}
	return lines, n
}

// takeSignature records the signatories of the signature at block i.
func (r *recogniser) takeSignature(i int) int {
	lines, n := r.signatureLines(i)
	line := r.blocks[i].FirstLine()
	names, _ := splitNames(lines[0])
	role := strings.TrimSpace(lines[1])
	org := ""
	if len(lines) > 2 {
		org = strings.TrimSpace(lines[2])
	}
	if len(names) > 1 {
		role = singular(role)
	}
	for _, name := range names {
		k := len(r.d.Signatories)
		r.d.Signatories = append(r.d.Signatories, DraftSignatory{Name: name, Role: role, Organisation: org})
		why := "a name, a role and an organisation under the body"
		if len(names) > 1 {
			why = fmt.Sprintf("one of %d names sharing the role %q", len(names), lines[1])
		}
		r.note(fmt.Sprintf("signatories[%d]", k), line, Likely, "%s", why)
		if org != "" {
			r.note(fmt.Sprintf("signatories[%d].organisation", k), line+len(lines)-1, Likely, "the line under the role")
		}
	}
	if org != "" {
		r.orgs = append(r.orgs, org)
	}
	return n
}

// tail reads signatures, notes, About and contacts after the body.
func (r *recogniser) tail(i int) {
	section := ""
	var contactBlocks []block
	for ; i < len(r.blocks); i++ {
		b := r.blocks[i]
		p := strings.TrimSpace(b.plainText())
		if len(b.plain) == 1 && (endMark.MatchString(p) || furniture.MatchString(p)) {
			r.drop(b.FirstLine(), p, "end mark")
			continue
		}
		if s := r.sectionStart(b); s != "" {
			section = s
			b = r.openSection(s, b)
			if len(b.plain) == 0 {
				continue
			}
			if s == "contacts" {
				contactBlocks = append(contactBlocks, b)
				continue
			}
		} else if section == "" || section == "contacts" && !r.contactish(b) {
			if n := r.signatureAt(i); n > 0 && section == "" {
				i += r.takeSignature(i) - 1
				continue
			}
			if section == "contacts" {
				// Text after the contacts that is not a contact: a
				// paragraph of the notes, with no heading of its own.
				section = "notes"
				if r.d.Notes == nil {
					r.d.Notes = &DraftSection{}
					r.note("notes", b.FirstLine(), Guess, "text after the contacts")
				}
			} else if section == "" {
				section = "notes"
				r.d.Notes = &DraftSection{}
				r.note("notes", b.FirstLine(), Guess, "text after the end of the body, with no heading")
			}
		}
		switch section {
		case "notes":
			r.d.Notes.Body = append(r.d.Notes.Body, blockMarkup(b))
			r.noteBlock(b)
		case "about":
			r.d.About.Body = append(r.d.About.Body, blockMarkup(b))
			r.noteBlock(b)
		case "contacts":
			contactBlocks = append(contactBlocks, b)
		}
	}
	r.readContacts(append(r.headerContacts, contactBlocks...))
	r.mergeSectionLists()
}

// contactish reports whether a block continues a contact: a way to reach
// someone, a name, or a short role line.
func (r *recogniser) contactish(b block) bool {
	if b.Role == source.ContactCard {
		return true
	}
	for _, p := range b.plain {
		if detailLine.MatchString(p) || emailAddress.MatchString(p) || phoneNumber.MatchString(p) && words(p) <= 8 || isNameLine(strings.SplitN(p, ",", 2)[0]) {
			return true
		}
	}
	return len(b.plain) > 0 && words(b.plainText()) <= 8 && !strings.HasSuffix(b.plainText(), ".")
}

func (r *recogniser) noteBlock(b block) {}

// openSection records a section's heading and returns what is left of
// the block after it.
func (r *recogniser) openSection(s string, b block) block {
	first := strings.TrimSpace(b.plain[0])
	line := b.FirstLine()
	rest := b
	switch s {
	case "notes":
		if r.d.Notes == nil {
			r.d.Notes = &DraftSection{}
		}
		r.d.Notes.Heading = sentenceCase(strings.TrimRight(strings.Trim(first, " *_#"), ":. "))
		r.note("notes", line, Sure, "the heading %q", first)
		r.note("notes.body", line+1, Likely, "the text under the heading")
		rest.Lines, rest.plain = b.Lines[1:], b.plain[1:]
	case "about":
		m := aboutHeading.FindStringSubmatch(first)
		if r.d.About == nil {
			r.d.About = &DraftSection{}
		}
		r.d.About.Heading = strings.TrimSpace(strings.TrimRight(m[1], ":. "))
		if org := strings.TrimSpace(m[2]); org != "" && !strings.EqualFold(org, "us") {
			r.orgs = append(r.orgs, strings.TrimPrefix(strings.TrimPrefix(org, "the "), "The "))
		}
		r.note("about", line, Sure, "the heading %q", first)
		r.note("about.body", line+1, Likely, "the text under the heading")
		rest.Lines, rest.plain = b.Lines[1:], b.plain[1:]
	}
	return rest
}

// mergeSectionLists joins the list items that blockMarkup wrote one by
// one into one list per run, in notes and About.
func (r *recogniser) mergeSectionLists() {
	for _, s := range []*DraftSection{r.d.Notes, r.d.About} {
		if s != nil {
			s.Body = joinLists(s.Body)
		}
	}
}

// finishBody turns the body's blocks into the summary, and the list that
// ends it, after a line ending in a colon, into the developments.
func (r *recogniser) finishBody() {
	body := r.body
	end := len(body)
	start := end
	for start > 0 && body[start-1].Kind == source.ListItem && body[start-1].Level == 0 {
		start--
	}
	if start < end && start > 0 {
		intro := body[start-1]
		p := strings.TrimSpace(intro.plainText())
		if intro.Kind == source.Paragraph && len(intro.plain) == 1 && strings.HasSuffix(p, ":") && intro.Lines[0].Text == source.ProtectLineStart(p) {
			dev := &DraftDevelopments{Intro: p}
			for _, it := range body[start:end] {
				dev.Items = append(dev.Items, strings.Join(textLines(it), " "))
			}
			r.d.Developments = dev
			r.note("developments", intro.FirstLine(), Likely, "a line ending in a colon and the list under it, at the end of the body")
			body = body[:start-1]
		}
	}
	for _, b := range body {
		r.d.Summary = append(r.d.Summary, blockMarkup(b))
	}
	r.d.Summary = joinLists(r.d.Summary)
	if len(body) > 0 {
		r.note("summary", body[0].FirstLine(), Likely, "the paragraphs between the headline and the end of the body (%d blocks)", len(body))
	}
}

func textLines(b block) []string {
	out := make([]string, len(b.Lines))
	for i, l := range b.Lines {
		out[i] = l.Text
	}
	return out
}

// listMarker marks a list item written by blockMarkup, so that joinLists
// can join consecutive items into one list.
const listMarker = "\x00item\x00"

// blockMarkup writes one block as markup: a paragraph's lines, a heading
// as a bold line (the statement has no headings), a list item as one
// "- " or "1. " line.
func blockMarkup(b block) string {
	switch b.Kind {
	case source.ListItem:
		indent := strings.Repeat("   ", b.Level)
		marker := "- "
		if b.Ordered {
			marker = "1. "
		}
		return listMarker + indent + marker + strings.Join(textLines(b), " ")
	case source.Heading, source.Title:
		text := strings.Join(textLines(b), " ")
		if text == source.ProtectLineStart(b.plainText()) {
			var sb source.Builder
			sb.Text(b.plainText(), source.Strong)
			return sb.String()
		}
		return source.ProtectLineStart(text)
	}
	lines := textLines(b)
	for i := range lines {
		lines[i] = source.ProtectLineStart(lines[i])
	}
	return strings.Join(lines, "\n")
}

// joinLists joins consecutive list items into one block each, numbering
// ordered items in order.
func joinLists(blocks []string) []string {
	var out []string
	for _, b := range blocks {
		if !strings.HasPrefix(b, listMarker) {
			out = append(out, b)
			continue
		}
		item := strings.TrimPrefix(b, listMarker)
		if n := len(out); n > 0 && strings.HasPrefix(out[n-1], listMarker) {
			out[n-1] += "\n" + item
			continue
		}
		out = append(out, listMarker+item)
	}
	for i, b := range out {
		if strings.HasPrefix(b, listMarker) {
			out[i] = renumber(strings.TrimPrefix(b, listMarker))
		}
	}
	return out
}

// renumber numbers a list's top-level ordered items 1, 2, 3.
func renumber(list string) string {
	lines := strings.Split(list, "\n")
	n := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "1. ") {
			n++
			lines[i] = fmt.Sprintf("%d. %s", n, l[3:])
		}
	}
	return strings.Join(lines, "\n")
}

// findReference looks for a reference in the header first, then in the
// text ("(Case Reference BSCP 2020/21-01)").
func (r *recogniser) findReference() {
	if r.d.Reference != "" {
		return
	}
	for _, b := range r.blocks {
		for k, p := range b.plain {
			if m := refLine.FindStringSubmatch(p); m != nil {
				r.d.Reference = strings.TrimRight(m[1], ".,;:)")
				r.note("reference", b.Lines[k].Line, Guess, "a reference named in the text")
				return
			}
		}
	}
}

// fallbacks fills what the body did not give from the evidence around
// it: an e-mail's subject and date, the organisation that signs.
func (r *recogniser) fallbacks() {
	for _, e := range r.doc.Evidence {
		switch e.Key {
		case source.EvidenceSubject, source.EvidenceTitle:
			if r.d.Headline == "" {
				if h := subjectHeadline(e.Value); h != "" {
					r.d.Headline = h
					r.note("headline", e.Line, Likely, "the %s", e.Key)
				}
			}
		case source.EvidenceDate:
			if r.d.Date.Year == 0 {
				if d, ok := mailDate(e.Value); ok {
					r.d.Date = d
					r.note("date", e.Line, Guess, "the e-mail's Date header (the text gives no date)")
				}
			}
		}
	}
	if r.d.Date.Year == 0 && r.d.Embargo != nil {
		r.d.Date = r.d.Embargo.Date
		r.note("date", 0, Likely, "the embargo's date (the release gives no other)")
	}
	if r.d.Organisation == "" {
		r.organisationFromTitle()
	}
	if r.d.Organisation == "" {
		switch {
		case len(r.d.Signatories) > 0 && r.d.Signatories[0].Organisation != "":
			r.d.Organisation = r.d.Signatories[0].Organisation
			r.note("organisation", 0, Likely, "the organisation of the first signatory")
		case r.d.About != nil && len(r.orgs) > 0:
			r.d.Organisation = r.orgs[len(r.orgs)-1]
			r.note("organisation", 0, Likely, "the About heading")
		default:
			for _, c := range r.d.Contacts {
				if c.Organisation != "" {
					r.d.Organisation = c.Organisation
					r.note("organisation", 0, Likely, "the organisation of the media contact")
					break
				}
			}
		}
	}
	if r.d.Lang == "" {
		var all strings.Builder
		for _, b := range r.blocks {
			all.WriteString(b.plainText())
			all.WriteByte(' ')
		}
		if isWelsh(all.String()) {
			r.d.Lang = "cy"
			r.note("lang", 0, Guess, "the text reads as Welsh")
		} else if lang, why := guessLang(all.String()); lang != "" {
			r.d.Lang = lang
			r.note("lang", 0, Guess, "%s", why)
		}
	}
}

// titleSep separates the parts of a page title.
var titleSep = lazyre.New(`\s+[|–—-]\s+`)

// organisationFromTitle takes the site's name from a page title of the
// form "Headline - Organisation" or "Organisation - News - Headline", as
// content systems write it: the part at the other end from the headline.
func (r *recogniser) organisationFromTitle() {
	for _, e := range r.doc.Evidence {
		if e.Key != source.EvidenceTitle || r.d.Headline == "" {
			continue
		}
		parts := titleSep.Split(strings.TrimSpace(e.Value), -1)
		if len(parts) < 2 {
			continue
		}
		site := ""
		switch {
		case strings.EqualFold(strings.TrimSpace(parts[0]), r.d.Headline):
			site = parts[len(parts)-1]
		case strings.EqualFold(strings.TrimSpace(parts[len(parts)-1]), r.d.Headline):
			site = parts[0]
		}
		site = strings.TrimSpace(site)
		if site != "" && words(site) <= 10 && !strings.EqualFold(site, "GOV.UK") {
			r.d.Organisation = site
			r.note("organisation", e.Line, Likely, "the site's name in the page title")
			return
		}
	}
}

// subjectHeadline takes "PRESS RELEASE: Council opens library" or "Fwd:
// …" apart to the headline.
func subjectHeadline(s string) string {
	s = strings.TrimSpace(s)
	for {
		before := s
		for _, p := range []string{"fwd:", "fw:", "re:", "press release:", "news release:", "media release:", "embargoed:", "statement:", "for immediate release:", "datganiad i'r wasg:"} {
			if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
				s = strings.TrimSpace(s[len(p):])
			}
		}
		if m := kindPrefix().FindStringIndex(s); m != nil {
			s = strings.TrimSpace(s[m[1]:])
		}
		if s == before {
			return s
		}
	}
}

// plainJoin is a block's plain text on one line.
func plainJoin(b source.Block) string {
	var parts []string
	for _, l := range b.Lines {
		parts = append(parts, plainText(l.Text))
	}
	return strings.Join(parts, " ")
}
