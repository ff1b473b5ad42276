package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestControlCharactersInPaths checks that a file name with an escape
// sequence or a carriage return in it reaches the terminal quoted: an
// archive from elsewhere can have any names.
func TestControlCharactersInPaths(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\x1b[2J\rb.toml")
	if err := os.WriteFile(name, []byte("headline = 1\n"), 0o644); err != nil {
		t.Skip("the file system refuses the name:", err)
	}
	for _, args := range [][]string{
		{"pressroom", "check", name},
		{"pressroom", "render", name},
		{"pressroom", "check", name + "-missing"},
		{"pressroom", "batch", dir, "--out-dir", filepath.Join(dir, "out"), "--quiet"},
	} {
		var stdout, stderr bytes.Buffer
		run(args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		out := stdout.String() + stderr.String()
		if strings.ContainsAny(out, "\x1b\r") {
			t.Errorf("%s printed a raw control character:\n%q", args[1], out)
		}
		if !strings.Contains(out, `\x1b[2J\rb.toml`) {
			t.Errorf("%s did not name the file quoted:\n%s", args[1], out)
		}
	}
}
