package layout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/hostile"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
)

// loadQuick fails the test when loading hangs, as it did on a named pipe.
func loadQuick(t *testing.T, f func() diag.List) diag.List {
	t.Helper()
	done := make(chan diag.List, 1)
	go func() { done <- f() }()
	select {
	case l := <-done:
		return l
	case <-time.After(10 * time.Second):
		t.Fatal("loading hangs")
		return nil
	}
}

// TestLoadRefusesOddFiles: a layout, logo or font that is a pipe or a
// device is refused at once, naming what it is, with nothing read.
func TestLoadRefusesOddFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.png")
	hostile.Fifo(t, fifo)
	layoutFIFO := filepath.Join(dir, "pipe.toml")
	hostile.Fifo(t, layoutFIFO)
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("logo.toml", "[logo]\nfile = \"pipe.png\"\nalt = \"x\"\n")
	write("font.toml", "[fonts.body]\nregular = \"pipe.png\"\n")
	cases := []struct {
		ref, want string
	}{
		{"pipe.toml", "cannot read the layout file: it is a named pipe (FIFO), not a regular file"},
		{"logo.toml", "logo.file: cannot read " + fifo + ": it is a named pipe (FIFO)"},
		{"font.toml", "fonts.body.regular: cannot read " + fifo + ": it is a named pipe (FIFO)"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases, struct{ ref, want string }{"/dev/zero", "it is a character device, not a regular file"})
	}
	for _, tc := range cases {
		l := loadQuick(t, func() diag.List { _, l := newLibrary().Load(tc.ref, dir); return l })
		if !strings.Contains(dump(l), tc.want) {
			t.Errorf("Load(%s): %s\nwant %q", tc.ref, dump(l), tc.want)
		}
	}
}

// TestLoadInScope: a layout loaded for a statement may name files in its
// own folder and the folders the user gave, and nothing else: not by an
// absolute path, "..", or a symlink. The refusal is at the key, with the
// scope's hint.
func TestLoadInScope(t *testing.T) {
	base := t.TempDir()
	archive := filepath.Join(base, "archive")
	brand := filepath.Join(archive, "brand")
	secret := filepath.Join(base, "secret")
	for _, d := range []string{brand, secret} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	logo, err := os.ReadFile(filepath.Join("..", "..", "examples", "custom-brand", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(archive, "logo.png"), filepath.Join(brand, "logo.png"), filepath.Join(secret, "logo.png")} {
		os.WriteFile(p, logo, 0o644)
	}
	os.Symlink(filepath.Join(secret, "logo.png"), filepath.Join(brand, "link.png"))
	layoutWith := func(name, file string) string {
		p := filepath.Join(brand, name)
		os.WriteFile(p, []byte("[logo]\nfile = \""+file+"\"\nalt = \"Logo\"\n"), 0o644)
		return p
	}
	scope := layout.Scope{Roots: []string{archive}, Hint: "add --trust-paths"}
	for _, tc := range []struct {
		file string
		ok   bool
	}{
		{"logo.png", true},
		{"../logo.png", true},
		{filepath.Join(secret, "logo.png"), false},
		{"../../secret/logo.png", false},
		{"link.png", false},
	} {
		name := layoutWith("l"+strings.NewReplacer("/", "_", ".", "_").Replace(tc.file)+".toml", tc.file)
		lay, l := newLibrary().LoadIn(name, "", scope)
		if tc.ok {
			if lay == nil || l.HasErrors() {
				t.Errorf("logo %s: %s; want it allowed", tc.file, dump(l))
			} else if len(lay.Files) != 2 || lay.Files[0] != name {
				t.Errorf("logo %s: Files = %q; want the layout and the logo", tc.file, lay.Files)
			}
			continue
		}
		got := dump(l)
		if lay != nil || !strings.Contains(got, ":2:8: error: logo.file: ") || !strings.Contains(got, "outside the folders "+archive+", "+brand) || !strings.Contains(got, "hint: add --trust-paths") {
			t.Errorf("logo %s: %s; want a refusal at logo.file with the hint", tc.file, got)
		}
		// Without a scope, anything goes.
		if lay, l := newLibrary().Load(name, ""); lay == nil || l.HasErrors() {
			t.Errorf("logo %s without a scope: %s", tc.file, dump(l))
		}
	}
}

func dump(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// TestLoadInNamed: a layout file named in a statement must itself be in
// scope; one the user names may be anywhere.
func TestLoadInNamed(t *testing.T) {
	base := t.TempDir()
	stmts := filepath.Join(base, "statements")
	os.MkdirAll(stmts, 0o755)
	outside := filepath.Join(base, "elsewhere.toml")
	os.WriteFile(outside, []byte("extends = \"plain\"\n"), 0o644)
	scope := layout.Scope{Roots: []string{stmts}, Hint: "add --trust-paths", Named: true}
	lay, l := newLibrary().LoadIn("../elsewhere.toml", stmts, scope)
	if lay != nil || len(l) != 1 || l[0].Pos.File != "../elsewhere.toml" || l[0].Pos.Line != 0 ||
		l[0].Message != "the layout file ../elsewhere.toml is outside the folder "+stmts || l[0].Hint != "add --trust-paths" {
		t.Errorf("named outside: %s", dump(l))
	}
	scope.Named = false
	if lay, l := newLibrary().LoadIn("../elsewhere.toml", stmts, scope); lay == nil || l.HasErrors() {
		t.Errorf("given by the user: %s", dump(l))
	}
}
