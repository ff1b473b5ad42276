package webpage_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/plaintext"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
	"github.com/pressroom/pressroom/pkg/webpage"
)

// FuzzRenditions: any statement that parses without errors becomes text
// and HTML without a panic, the text is valid UTF-8 and every line that
// could break is within 72 columns.
func FuzzRenditions(f *testing.F) {
	files, _ := filepath.Glob("../../examples/*.toml")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("headline = \"x\"\ndate = 2025-01-01\nsummary = \"1. a\\n\\n   - b\\n\\n2. [c](#) <https://d.example>\"\n"))
	l, list := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts()).Load("default", ".")
	if list.HasErrors() {
		f.Fatal(list)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, list := statement.Parse("f.toml", src, statement.Options{})
		if s == nil || list.HasErrors() {
			return
		}
		r, err := release.New(s, l)
		if err != nil {
			t.Fatal(err)
		}
		text := plaintext.String(r)
		if !utf8.ValidString(text) {
			t.Fatal("text is not UTF-8")
		}
		for _, line := range strings.Split(text, "\n") {
			if utf8.RuneCountInString(line) > plaintext.Width && strings.Contains(strings.TrimLeft(line, " -0123456789."), " ") {
				t.Fatalf("line could have been broken: %q", line)
			}
		}
		if err := webpage.Write(io.Discard, r); err != nil {
			t.Fatal(err)
		}
	})
}
