package archive

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom/pkg/statement"
)

// FuzzImportText feeds plain text and Markdown to the whole import: it
// must never panic, and whatever it writes must be a statement that parses
// without errors (Import reads it back itself; this says so again).
func FuzzImportText(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/archive/*.txt")
	md, _ := filepath.Glob("../../testdata/archive/*.md")
	for _, file := range append(files, md...) {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(filepath.Ext(file), src)
		}
	}
	f.Add(".txt", []byte("PRESS RELEASE\n\nHeadline\n\nDate: 1 May 2020\n\nBody.\n"))
	f.Fuzz(func(t *testing.T, ext string, src []byte) {
		if ext != ".md" {
			ext = ".txt"
		}
		res, list := Import("fuzz"+ext, src)
		if res == nil {
			if !list.HasErrors() {
				t.Fatal("no result and no error")
			}
			return
		}
		if _, l := statement.Parse("imported.toml", res.Statement, statement.Options{}); l.HasErrors() {
			t.Fatalf("imported statement does not parse: %v\n%s", l, res.Statement)
		}
	})
}
