package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runMan(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"pressroom", "man"}, args...), strings.NewReader(""), &out, &errb, func(string) string { return "" }); code != exitOK {
		t.Fatalf("pressroom man %v: exit %d, stderr %q", args, code, errb.String())
	}
	return out.String()
}

// TestMan: the manual page is roff for section 1, names every command and
// every flag that --help names, and is the same every time.
func TestMan(t *testing.T) {
	page := runMan(t)
	if !strings.Contains(page, ".TH pressroom 1") {
		t.Errorf("no .TH header:\n%.200s", page)
	}
	for _, c := range commands(&env{}) {
		if !strings.Contains(page, "\n.SH "+c.Name+"\n") {
			t.Errorf("the page has no section for %s", c.Name)
		}
		for _, f := range c.Flags {
			long := f.Names()[0]
			for _, n := range f.Names() {
				if len(n) > len(long) {
					long = n
				}
			}
			if !strings.Contains(page, "--"+long) {
				t.Errorf("%s --%s is not on the page", c.Name, long)
			}
		}
	}
	if again := runMan(t); again != page {
		t.Error("a second run gave a different page")
	}

	path := filepath.Join(t.TempDir(), "man page", "pressroom.1")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if out := runMan(t, "-o", path); out != "" {
		t.Errorf("-o also printed %q", out)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != page {
		t.Errorf("-o wrote %d bytes (%v), want the page", len(b), err)
	}
}
