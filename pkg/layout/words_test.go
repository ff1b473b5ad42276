package layout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWordsPerLanguage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "brand.toml")
	src := "extends = \"default\"\n[words.cy]\nimmediate = \"I'w ryddhau ar unwaith\"\n[words.fr]\nnotes-heading = \"Note aux rédactions\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l, diags := newLibrary().Load(file, "")
	if l == nil {
		t.Fatal(diags)
	}
	if l.Words["cy"]["immediate"] != "I'w ryddhau ar unwaith" || l.Words["fr"]["notes-heading"] != "Note aux rédactions" {
		t.Errorf("words = %v", l.Words)
	}

	bad := "extends = \"default\"\n[words.cy]\nimediate = \"x\"\n[words.\"not a tag\"]\nkind = \"x\"\n"
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags = newLibrary().Load(file, "")
	all := fmt.Sprint(diags)
	for _, want := range []string{"unknown key words.cy.imediate", "did you mean words.cy.immediate?", `"not a tag" is not a language tag`} {
		if !strings.Contains(all, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, all)
		}
	}
}
