package layout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
)

// Every built-in and bad layout looks like a layout, every example
// statement does not.
func TestLooksLikeLayout(t *testing.T) {
	layouts, _ := filepath.Glob("../../layouts/*.toml")
	bad, _ := filepath.Glob("../../testdata/layouts/*.toml")
	lint, _ := filepath.Glob("../../testdata/layouts/lint/*.toml")
	statements, _ := filepath.Glob("../../examples/*.toml")
	custom := []string{"../../examples/custom-brand/layout.toml"}
	if len(layouts) < 3 || len(statements) < 3 {
		t.Fatalf("found %d layouts and %d statements", len(layouts), len(statements))
	}
	check := func(files []string, want bool) {
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if got := layout.LooksLikeLayout(src); got != want {
				// Files with only a top-level key (extends-unknown,
				// unknown-top-key, table-as-value) still say extends or
				// a table; a miss here is a real gap.
				t.Errorf("LooksLikeLayout(%s) = %t, want %t", f, got, want)
			}
		}
	}
	check(layouts, true)
	check(bad, true)
	check(lint, true)
	check(custom, true)
	check(statements, false)
	check([]string{"../../examples/custom-brand/statement.toml"}, false)
}

func TestLooksLikeStatement(t *testing.T) {
	for src, want := range map[string]bool{
		"headline = \"x\"\n":                         true,
		"[[contacts]]\nname = \"x\"\n":               true,
		"name = \"brand\"\n[colours]\nprimary = 1\n": false,
		"[tool.poetry]\nname = \"x\"\n":              false,
		"name = \"brand\"\nBAD\n":                    true, // not TOML: its errors are reported
		strings.Repeat("[", 100000):                  true, // not decoded at all
	} {
		if got := layout.LooksLikeStatement([]byte(src)); got != want {
			t.Errorf("LooksLikeStatement(%.30q) = %v, want %v", src, got, want)
		}
	}
}
