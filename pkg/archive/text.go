package archive

import (
	"strings"

	"github.com/pressroom/pressroom/internal/lazyre"
	"github.com/pressroom/pressroom/pkg/archive/source"
	"github.com/pressroom/pressroom/pkg/markup"
)

var (
	// numberLine is a numbered item: "1. ", "1) ", "(1) ", "a) ".
	numberLine = lazyre.New(`^(\s*)(?:\(?([0-9]{1,3})[.)]|\(?([a-z])\))\s+`)
	// hashHeading is a Markdown ATX heading.
	hashHeading = lazyre.New(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
)

// readText reads plain text and Markdown: blank lines separate
// paragraphs, list markers start list items, "#" lines are headings. Each
// line's inline markup (links, emphasis) is kept when the statement's
// markup reads it cleanly, and written as literal text otherwise.
func readText(src string, format string) *source.Doc {
	doc := &source.Doc{Format: format, Unit: source.Lines}
	lines := splitLines(src)
	skip := frontMatter(lines, doc)
	var para *source.Block
	flush := func() {
		if para != nil && len(para.Lines) > 0 {
			doc.Blocks = append(doc.Blocks, *para)
		}
		para = nil
	}
	for i, raw := range lines {
		n := i + 1
		if i < skip {
			continue
		}
		line := strings.TrimRight(raw, " \t\u00a0")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if m := hashHeading.FindStringSubmatch(line); m != nil && format == "markdown" {
			flush()
			kind := source.Heading
			if len(m[1]) == 1 && !hasKind(doc.Blocks, source.Title) {
				kind = source.Title
			}
			doc.Blocks = append(doc.Blocks, source.Block{Kind: kind, Level: len(m[1]),
				Lines: []source.Line{{Text: inlineText(m[2]), Line: n}}})
			continue
		}
		if m := numberLine.FindStringSubmatchIndex(line); m != nil && !looksLikeDateStart(line) {
			flush()
			para = &source.Block{Kind: source.ListItem, Ordered: true, Level: (m[3] - m[2]) / 2,
				Lines: []source.Line{{Text: inlineText(line[m[1]:]), Line: n}}}
			continue
		}
		if indent, rest, ok := bulletItem(line); ok && !endMark.MatchString(line) {
			flush()
			para = &source.Block{Kind: source.ListItem, Level: indent / 2,
				Lines: []source.Line{{Text: inlineText(rest), Line: n}}}
			continue
		}
		if para == nil {
			para = &source.Block{Kind: source.Paragraph}
		}
		para.Lines = append(para.Lines, source.Line{Text: inlineText(strings.TrimLeft(line, " \t")), Line: n})
	}
	flush()
	return doc
}

// frontMatter reads the YAML ("---") or TOML ("+++") block that static
// site generators and CMS exports put at the top of a Markdown file: its
// title, date and language are evidence, the rest is dropped and said.
// It returns how many lines the block takes.
func frontMatter(lines []string, doc *source.Doc) int {
	if len(lines) < 3 {
		return 0
	}
	fence := strings.TrimSpace(lines[0])
	if fence != "---" && fence != "+++" {
		return 0
	}
	end := -1
	for i := 1; i < len(lines) && i < 200; i++ {
		if strings.TrimSpace(lines[i]) == fence {
			end = i
			break
		}
	}
	if end < 0 {
		return 0
	}
	for i := 1; i < end; i++ {
		key, value, ok := strings.Cut(lines[i], ":")
		if fence == "+++" {
			key, value, ok = strings.Cut(lines[i], "=")
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		if !ok || value == "" {
			continue
		}
		ev := map[string]string{"title": source.EvidenceTitle, "date": source.EvidencePublished,
			"published": source.EvidencePublished, "pubdate": source.EvidencePublished, "publishdate": source.EvidencePublished,
			"lang": source.EvidenceLanguage, "language": source.EvidenceLanguage}[key]
		if ev != "" {
			doc.Evidence = append(doc.Evidence, source.Evidence{Key: ev, Value: value, Line: i + 1})
			continue
		}
		doc.Dropped = append(doc.Dropped, source.Drop{Line: i + 1, Text: strings.TrimSpace(lines[i]), Why: "front matter the statement has no key for"})
	}
	return end + 1
}

// bullets are the list markers archived texts use: Markdown's, the
// bullet characters Word pastes as text, an en dash typed as a bullet.
var bullets = []string{"- ", "* ", "+ ", "• ", "· ", "◦ ", "▪ ", "‣ ", "– ", "-\t", "*\t", "•\t", "•", "▪"}

// bulletItem reports whether line is a list item and returns its indent
// and text. A dash must be followed by white space ("-5 degrees" is not an
// item); Word's second-level "o " counts only when indented, since a
// Welsh line may start with the word "o".
func bulletItem(line string) (indent int, rest string, ok bool) {
	trimmed := strings.TrimLeft(line, " \t")
	indent = len(line) - len(trimmed)
	for _, m := range bullets {
		if strings.HasPrefix(trimmed, m) {
			rest = strings.TrimSpace(trimmed[len(m):])
			return indent, rest, rest != ""
		}
	}
	if indent > 0 && strings.HasPrefix(trimmed, "o ") {
		rest = strings.TrimSpace(trimmed[2:])
		return indent, rest, rest != ""
	}
	return 0, "", false
}

// looksLikeDateStart keeps "17. December" and "12.30pm" from being read as
// numbered items.
func looksLikeDateStart(line string) bool {
	_, ok := parseDate(strings.TrimSpace(line))
	return ok
}

func hasKind(blocks []source.Block, k source.Kind) bool {
	for _, b := range blocks {
		if b.Kind == k {
			return true
		}
	}
	return false
}

// splitLines splits on LF, CRLF and lone CR (old Mac files), so line
// numbers are the ones an editor shows.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// inlineText writes one line of an archived text in the statement's
// markup. A line that the statement's markup reads cleanly (the seed's
// "[Never, Ever Shake a Baby](#)", "<https://…>") is kept as written; a
// line it would refuse (raw HTML, a stray backtick) is written as literal
// text, so that every character is kept.
func inlineText(line string) string {
	line = strings.TrimSpace(line)
	protected := source.ProtectLineStart(line)
	if plainOnly(line) {
		return protected
	}
	doc, probs := markup.Parse(protected, markup.Options{InlineOnly: true})
	clean := len(doc.Blocks) == 1 && doc.Blocks[0].Kind == markup.Paragraph
	for _, p := range probs {
		if !p.Warning {
			clean = false
		}
	}
	if clean {
		return protected
	}
	var b source.Builder
	b.Text(line, 0)
	return source.ProtectLineStart(b.String())
}

// plainOnly reports whether a line holds nothing the statement's markup
// would read as markup (no emphasis, link, escape, entity, code or address
// characters), so it reads back as written without being parsed: most
// lines of most releases.
func plainOnly(line string) bool {
	if strings.ContainsAny(line, "\\*_[]<>&`!@~|:") || strings.Contains(line, "www.") {
		return false
	}
	return line == source.ProtectLineStart(line)
}

// plainText is what a line of markup says, without the markup: the words
// the recogniser matches its rules against.
func plainText(line string) string {
	if plainOnly(line) {
		return strings.TrimSpace(line)
	}
	doc, _ := markup.Parse(source.ProtectLineStart(line), markup.Options{InlineOnly: true})
	var b strings.Builder
	var walk func(bs []markup.Block)
	walk = func(bs []markup.Block) {
		for _, blk := range bs {
			for _, in := range blk.Inlines {
				b.WriteString(in.Text)
			}
			for _, it := range blk.Items {
				walk(it.Blocks)
			}
		}
	}
	walk(doc.Blocks)
	if b.Len() == 0 {
		return strings.TrimSpace(line)
	}
	return strings.TrimSpace(b.String())
}
