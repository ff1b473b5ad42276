package batch

import (
	"os"
	"path/filepath"
	"testing"
)

// outputOf finds a pair's other file among the run's inputs, as the walk
// would: named as an input, or inside a folder named as one (not under a
// dot-folder, and only a statement or archived release); a file elsewhere
// is not an input.
func TestOutputOf(t *testing.T) {
	work := t.TempDir()
	for _, f := range []string{"arch/2019/a.cy.toml", "arch/.hidden/b.toml", "arch/notes.pdf", "one/c.toml", "else/d.toml"} {
		p := filepath.Join(work, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &runner{work: work, opts: Options{Inputs: []string{"arch", "one/c.toml", "-"}}}
	for _, tc := range []struct {
		path, want string
		ok         bool
	}{
		{"arch/2019/a.cy.toml", "2019/a.cy.pdf", true},
		{filepath.Join(work, "arch/2019/a.cy.toml"), "2019/a.cy.pdf", true},
		{"one/c.toml", "c.pdf", true},
		{"arch/.hidden/b.toml", "", false},
		{"arch/notes.pdf", "", false},
		{"else/d.toml", "", false},
		{"arch/missing.toml", "", false},
	} {
		got, ok := r.outputOf(tc.path)
		if got != tc.want || ok != tc.ok {
			t.Errorf("outputOf(%s) = %q, %v; want %q, %v", tc.path, got, ok, tc.want, tc.ok)
		}
	}
}
