package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/hostile"
)

const plainStatement = `organisation = "Example Council"
headline = "Library opening hours extended"
date = 2024-12-17
summary = "The central library will open until 8pm on weekdays from January."

[[contacts]]
email = "press@example.gov.uk"
`

// runQuick runs pressroom and fails the test if it hangs, as it did on a
// named pipe.
func runQuick(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(append([]string{"pressroom"}, args...), strings.NewReader(""), &out, &errb, fixedEnv)
	}()
	select {
	case code = <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("pressroom %s hangs", strings.Join(args, " "))
	}
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, path, src string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNamedPipesAreRefused: a named pipe as statement, layout or logo is
// refused at once, naming what it is, where it hung before.
func TestNamedPipesAreRefused(t *testing.T) {
	dir := t.TempDir()
	pipe := hostile.Fifo(t, filepath.Join(dir, "pipe.toml"))
	hostile.Fifo(t, filepath.Join(dir, "pipe.png"))
	withLayout := writeFile(t, filepath.Join(dir, "layout-pipe.toml"), "layout = \"pipe.toml\"\n"+plainStatement)
	writeFile(t, filepath.Join(dir, "logo-layout.toml"), "[logo]\nfile = \"pipe.png\"\nalt = \"x\"\n")
	withLogo := writeFile(t, filepath.Join(dir, "logo-pipe.toml"), "layout = \"logo-layout.toml\"\n"+plainStatement)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", pipe}, pipe + ": error: cannot read the statement: it is a named pipe (FIFO), not a regular file"},
		{[]string{"check", pipe}, "it is a named pipe (FIFO)"},
		{[]string{"text", pipe}, "it is a named pipe (FIFO)"},
		{[]string{"render", withLayout}, "cannot read the layout file: it is a named pipe (FIFO)"},
		{[]string{"render", withLogo}, "logo.file: cannot read " + filepath.Join(dir, "pipe.png") + ": it is a named pipe (FIFO)"},
	} {
		code, _, stderr := runQuick(t, tc.args...)
		if code != exitProblem || !strings.Contains(stderr, tc.want) {
			t.Errorf("pressroom %s: exit %d, stderr:\n%s\nwant exit 1 and %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}

// TestBatchNamedPipes: a named pipe among batch's inputs fails alone, and
// one as the state file is passed over; the rest of the run goes on.
func TestBatchNamedPipes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "archive")
	writeFile(t, filepath.Join(in, "a.toml"), plainStatement)
	hostile.Fifo(t, filepath.Join(in, "b.toml"))
	writeFile(t, filepath.Join(in, "c.toml"), plainStatement)
	out := filepath.Join(dir, "pdf")
	os.MkdirAll(out, 0o755)
	hostile.Fifo(t, filepath.Join(out, ".pressroom-state.json"))
	code, _, stderr := runQuick(t, "batch", in, "--out-dir", out, "-j", "1")
	if code != exitProblem || !strings.Contains(stderr, "2 rendered, 0 unchanged, 1 failed") ||
		!strings.Contains(stderr, "b.toml: error: cannot read the statement: it is a named pipe (FIFO), not a regular file") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if fi, err := os.Stat(filepath.Join(out, ".pressroom-state.json")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the state file was not saved: %v", err)
	}
}

// TestRenderIntoPipe: -o a named pipe writes into it, as a shell's
// redirection would, and leaves it a pipe.
func TestRenderIntoPipe(t *testing.T) {
	dir := t.TempDir()
	stmt := writeFile(t, filepath.Join(dir, "s.toml"), plainStatement)
	pipe := hostile.Fifo(t, filepath.Join(dir, "out.pdf"))
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(pipe)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	code, _, stderr := runQuick(t, "render", stmt, "-o", pipe)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	select {
	case b := <-got:
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("the pipe's reader got %d bytes, not a PDF", len(b))
		}
	case <-time.After(10 * time.Second):
		// The reader is left waiting: the pipe was replaced by a file.
		t.Error("the pipe's reader got nothing")
	}
	if fi, err := os.Lstat(pipe); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a pipe: %v %v", pipe, fi.Mode(), err)
	}
}

// TestLayoutIsDevZero: layout = "/dev/zero" read ten gigabytes; now it is
// refused as outside the statement's folder, and with --trust-paths as a
// device, unread.
func TestLayoutIsDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	stmt := writeFile(t, filepath.Join(dir, "s.toml"), "layout = \"/dev/zero\"\n"+plainStatement)
	code, _, stderr := runQuick(t, "check", stmt)
	if code != exitProblem || !strings.Contains(stderr, stmt+":1:11: error: the layout file /dev/zero is outside the folder "+dir) || !strings.Contains(stderr, "--trust-paths") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = runQuick(t, "check", "--trust-paths", stmt)
	if code != exitProblem || !strings.Contains(stderr, "cannot read the layout file: it is a character device, not a regular file") {
		t.Errorf("--trust-paths: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestBatchLayoutOutsideArchive: a statement of an archive cannot make
// batch read a layout outside the input folders, nor can that layout's
// logo lead out through a symlink.
func TestBatchLayoutOutsideArchive(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "archive")
	writeFile(t, filepath.Join(dir, "secret", "layout.toml"), "extends = \"plain\"\n")
	writeFile(t, filepath.Join(in, "out.toml"), "layout = \"../secret/layout.toml\"\n"+plainStatement)
	writeFile(t, filepath.Join(in, "brand", "layout.toml"), "[logo]\nfile = \"logo.png\"\nalt = \"x\"\n")
	os.Symlink(filepath.Join(dir, "secret", "layout.toml"), filepath.Join(in, "brand", "logo.png"))
	writeFile(t, filepath.Join(in, "link.toml"), "layout = \"brand/layout.toml\"\n"+plainStatement)
	writeFile(t, filepath.Join(in, "ok.toml"), plainStatement)
	code, _, stderr := runQuick(t, "batch", in, "--out-dir", filepath.Join(dir, "pdf"))
	for _, want := range []string{
		"1 rendered, 0 unchanged, 2 failed",
		filepath.Join(in, "out.toml") + ":1:11: error: the layout file ../secret/layout.toml is outside the folder " + in,
		"brand/layout.toml:2:8: error: logo.file: " + filepath.Join(in, "brand", "logo.png") + " leads (through a symlink) to " + filepath.Join(dir, "secret", "layout.toml"),
		"hint: move the file into the folders given to batch, or add --trust-paths if you trust the archive",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != exitProblem {
		t.Errorf("exit %d", code)
	}
}

// TestRenderLongName: a 250-character file name can be written (the
// temporary name no longer goes over NAME_MAX).
func TestRenderLongName(t *testing.T) {
	dir := t.TempDir()
	stmt := writeFile(t, filepath.Join(dir, "s.toml"), plainStatement)
	out := filepath.Join(dir, strings.Repeat("x", 246)+".pdf")
	if code, _, stderr := runQuick(t, "render", stmt, "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
}

// TestToTerminal: a character device is a terminal, except /dev/null.
func TestToTerminal(t *testing.T) {
	null, err := os.Stat(os.DevNull)
	if err != nil {
		t.Skip("no", os.DevNull)
	}
	if isTerminalMode(null, null) {
		t.Error("/dev/null counts as a terminal")
	}
	if !isTerminalMode(fakeInfo{fs.ModeDevice | fs.ModeCharDevice | 0o620}, null) {
		t.Error("a character device (a tty) does not count as a terminal")
	}
	if isTerminalMode(fakeInfo{0o644}, null) || isTerminalMode(fakeInfo{fs.ModeNamedPipe}, null) {
		t.Error("a file or a pipe counts as a terminal")
	}
	if toTerminal(&bytes.Buffer{}) {
		t.Error("a buffer counts as a terminal")
	}
}

type fakeInfo struct{ mode fs.FileMode }

func (f fakeInfo) Name() string       { return "tty" }
func (f fakeInfo) Size() int64        { return 0 }
func (f fakeInfo) Mode() fs.FileMode  { return f.mode }
func (f fakeInfo) ModTime() time.Time { return time.Time{} }
func (f fakeInfo) IsDir() bool        { return false }
func (f fakeInfo) Sys() any           { return nil }

// TestStatementTooBig: a statement over the limit is refused unread, with
// its size and the limit.
func TestStatementTooBig(t *testing.T) {
	dir := t.TempDir()
	big := writeFile(t, filepath.Join(dir, "big.toml"), strings.Repeat("# padding\n", 1_200_000))
	code, _, stderr := runQuick(t, "check", big)
	want := big + ": error: cannot read the statement: it is 12 MB; statements may be at most 1 MiB"
	if code != exitProblem || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %q", code, stderr, want)
	}
}
