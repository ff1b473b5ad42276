package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pressroom/pressroom/pkg/archive"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
)

// WrongKind returns an error when a file given as a statement is something
// else, saying what it is and what to run instead, rather than the TOML
// parser's reading of a Word document. What a file is comes from
// archive.Sniff, the one place that decides. It returns nil for a
// statement, and for a .toml file that may be a statement with mistakes,
// whose own messages say more.
func WrongKind(file string, src []byte) diag.List {
	f := archive.Sniff(file, src)
	isTOML := strings.EqualFold(filepath.Ext(file), ".toml")
	pos := diag.Pos{File: file}
	var l diag.List
	switch {
	case f == archive.TOML:
		if layout.LooksLikeLayout(src) {
			l.Errorf(pos, fmt.Sprintf("a layout is given with --layout: pressroom render my-statement.toml --layout %s (pressroom check %s checks the layout itself)", file, file),
				"this is a layout file, not a statement")
		}
	case f == archive.Empty, (f == archive.Text || f == archive.Markdown) && isTOML:
		// The statement's own messages.
	case f == archive.UTF16Text && isTOML:
		l.Errorf(pos, "save it as UTF-8 (in most editors: Save as…, Encoding: UTF-8)",
			"this statement is saved as UTF-16; pressroom reads UTF-8")
	case f.Importable():
		l.Errorf(pos, "turn it into a statement first: pressroom import "+file,
			"this is %s, not a statement", f.Describe())
	case f == archive.PDF:
		l.Errorf(pos, "pressroom makes PDFs from statements (.toml files); to start one: pressroom new my-statement.toml",
			"this is a PDF, not a statement")
	case f == archive.LegacyWord, f == archive.RTF, f == archive.OpenDocument:
		l.Errorf(pos, "save it as a Word document (.docx) in Word or LibreOffice, then run pressroom import on that",
			"this is %s, not a statement", f.Describe())
	case f == archive.Binary && !isTOML:
		l.Errorf(pos, "a statement is a text file ending in .toml; to start one: pressroom new my-statement.toml",
			"this is %s (a picture or an archive?), not a statement", f.Describe())
	}
	return l
}
