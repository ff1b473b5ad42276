package layout

import (
	"bufio"
	"bytes"
	"strings"
)

// LooksLikeLayout reports whether a TOML file is a layout rather than a
// statement, from its keys, so that `pressroom check FILE` can check either:
// a layout has a layout table ([page], [colours], [fonts] …) or a top-level
// extends key, and none of a statement's own keys (headline, summary, date
// at the top; [[contacts]], [[signatories]], [notes] …). It reads lines
// rather than parsing, so a layout with a syntax error is still told apart
// and its error reported as a layout's.
func LooksLikeLayout(src []byte) bool {
	layoutSigns, statementSigns := 0, 0
	top := true // before the first table header
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64<<10), maxFileSize)
	inMultiline := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.Count(line, `"""`)%2 == 1 || strings.Count(line, `'''`)%2 == 1 {
			inMultiline = !inMultiline
			if !inMultiline {
				continue
			}
		} else if inMultiline {
			continue
		}
		switch {
		case strings.HasPrefix(line, "["):
			top = false
			name := strings.Trim(line, "[] \t")
			if i := strings.IndexAny(name, "]#"); i >= 0 {
				name = strings.TrimSpace(name[:i])
			}
			name, _, _ = strings.Cut(name, ".")
			switch strings.TrimSpace(name) {
			case "page", "logo", "colours", "colors", "fonts", "type", "header", "text":
				layoutSigns++
			case "contacts", "signatories", "developments", "notes", "about":
				statementSigns++
			case "organisation":
				layoutSigns++ // a table only in a layout; text in a statement
			}
		case top:
			key, _, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			switch strings.Trim(strings.TrimSpace(key), `"'`) {
			case "extends", "colours", "page", "fonts", "logo":
				layoutSigns++
			case "headline", "summary", "date", "embargo", "dateline", "subheadline", "contacts", "signatories":
				statementSigns++
			}
		}
	}
	return layoutSigns > 0 && statementSigns == 0
}
