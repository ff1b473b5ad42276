package htmldoc

import (
	"fmt"
	"os"
	"testing"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// TestDump prints what Read makes of the page named by HTMLDOC_DUMP, to
// write a test or a want.toml from.
func TestDump(t *testing.T) {
	name := os.Getenv("HTMLDOC_DUMP")
	if name == "" {
		t.Skip("set HTMLDOC_DUMP=page.html to print what Read makes of a page")
	}
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(dump(doc))
}

func dump(doc *source.Doc) string {
	s := ""
	for _, e := range doc.Evidence {
		s += fmt.Sprintf("evidence %d %s = %q\n", e.Line, e.Key, e.Value)
	}
	for _, b := range doc.Blocks {
		s += fmt.Sprintf("%s level=%d ordered=%v role=%q\n", b.Kind, b.Level, b.Ordered, b.Role)
		for _, l := range b.Lines {
			s += fmt.Sprintf("   %4d | %s\n", l.Line, l.Text)
		}
	}
	for _, d := range doc.Dropped {
		s += fmt.Sprintf("dropped %d %s: %q\n", d.Line, d.Why, d.Text)
	}
	return s
}
