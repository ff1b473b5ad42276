package layout

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/pressroom/pressroom/pkg/shape"
)

// LooksLikeLayout reports whether a TOML file is a layout rather than a
// statement, from its keys, so that `pressroom check FILE` can check either:
// a layout has a layout table ([page], [colours], [fonts] …) or a top-level
// extends key, and none of a statement's own keys (headline, summary, date
// at the top; [[contacts]], [[signatories]], [notes] …). It reads lines
// rather than parsing, so a layout with a syntax error is still told apart
// and its error reported as a layout's.
func LooksLikeLayout(src []byte) bool {
	layoutSigns, statementSigns := signs(src)
	return layoutSigns > 0 && statementSigns == 0
}

// LooksLikeStatement reports whether a TOML file found in a folder is a
// statement rather than another tool's file (a layout, a project's
// settings): a statement has at least one of its own keys (headline,
// summary, date at the top; [[contacts]], [notes] …). A file that is not
// valid TOML counts as a statement, so that its errors are reported rather
// than the file passed over. It and LooksLikeLayout read the same signs.
func LooksLikeStatement(src []byte) bool {
	// A file too deep for either kind is not decoded here: the TOML
	// parser's cost on it is what the limit guards against.
	if shape.Check(src, shape.Limits{Depth: maxDepth, Keys: maxKeys * 20}) != nil {
		return true
	}
	var top map[string]any
	if _, err := toml.Decode(string(src), &top); err != nil {
		return true
	}
	_, statementSigns := signs(src)
	return statementSigns > 0
}

// signs counts the keys and tables that only a layout, or only a
// statement, has.
func signs(src []byte) (layoutSigns, statementSigns int) {
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
	return layoutSigns, statementSigns
}
