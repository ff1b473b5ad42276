package output

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/hostile"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestWriteFileRefusesInputs: an output that is one of the inputs, by its
// own name, another spelling, a symlink or a hard link, is refused and the
// input is left as it was.
func TestWriteFileRefusesInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "council.toml")
	if err := os.WriteFile(in, []byte("headline = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym.pdf")
	hard := filepath.Join(dir, "hard.pdf")
	if err := os.Symlink("council.toml", sym); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{in, filepath.Join(dir, ".", "council.toml"), sym, hard} {
		called := false
		err := Options{Inputs: []string{"", in}}.WriteFile(out, func(w io.Writer) error { called = true; return nil })
		var oe *Error
		if !errors.As(err, &oe) || called || !strings.Contains(err.Error(), "made from") {
			t.Errorf("WriteFile(%s) = %v, writer called %v; want a refusal before writing", out, err, called)
		}
		if got, _ := os.ReadFile(in); string(got) != "headline = \"x\"\n" {
			t.Fatalf("input now holds %q", got)
		}
	}
	// Another file is written as before.
	if err := (Options{Inputs: []string{in}}).WriteFile(filepath.Join(dir, "council.pdf"), writeString("pdf")); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFileIntoFIFO: a named pipe the user names is written into, and
// stays a pipe.
func TestWriteFileIntoFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.pipe")
	hostile.Fifo(t, fifo)
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteFile(fifo, writeString("%PDF-1.7 through a pipe")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "%PDF-1.7 through a pipe" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the reader got nothing")
	}
	fi, err := os.Lstat(fifo)
	if err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Fatalf("%s is now %v, %v; want it still a pipe", fifo, fi.Mode(), err)
	}
	onlyFiles(t, dir, "out.pipe")
}

// TestWriteFileLongName: a name of up to NAME_MAX bytes can be written,
// and the temporary names of two long names that start alike differ.
func TestWriteFileLongName(t *testing.T) {
	dir := t.TempDir()
	for _, base := range []string{
		strings.Repeat("a", 250) + ".pdf",
		strings.Repeat("é", 125) + "1.pdf", // 255 bytes, two to a character
		strings.Repeat("a", 237) + ".pdf",  // 241 + 18: just too long for the plain pattern
	} {
		path := filepath.Join(dir, base)
		if err := WriteFile(path, writeString("x")); err != nil {
			t.Fatalf("%d-byte name: %v", len(base), err)
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != "x" {
			t.Fatalf("%d-byte name: %q, %v", len(base), b, err)
		}
		tmp := TempName(base)
		if len(tmp) > nameMax || !IsTempOf(tmp, base) {
			t.Errorf("TempName(%d bytes) = %d bytes, IsTempOf %v", len(base), len(tmp), IsTempOf(tmp, base))
		}
	}
	a, b := strings.Repeat("a", 250)+"1.pdf", strings.Repeat("a", 250)+"2.pdf"
	if IsTempOf(TempName(a), b) || stem(a) == stem(b) {
		t.Error("two long names that start alike share temporary names")
	}
	if TempName("x.pdf") == TempName("x.pdf") {
		t.Error("two temporary names for one file are the same")
	}
}

// TestWriteFileRemovesStaleTemporaries: a temporary file a killed run left
// for this target is removed when old; a recent one (maybe a live
// writer's), one for another target and a file of another pattern stay.
func TestWriteFileRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAfter)
	mk := func(name string, mtime time.Time) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half a PDF"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	stale := ".out.pdf.0123456789ab.tmp"
	fresh := ".out.pdf.ba9876543210.tmp"
	other := ".other.pdf.0123456789ab.tmp"
	notOurs := ".out.pdf.notours.tmp"
	mk(stale, old)
	mk(fresh, time.Now())
	mk(other, old)
	mk(notOurs, old)
	if err := WriteFile(filepath.Join(dir, "out.pdf"), writeString("pdf")); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, dir, other, fresh, notOurs, "out.pdf")
}

func TestIsTempOf(t *testing.T) {
	for name, want := range map[string]bool{
		".out.pdf.0123456789ab.tmp":  true,
		".out.pdf.0123456789AB.tmp":  false,
		".out.pdf.0123456789a.tmp":   false,
		"out.pdf.0123456789ab.tmp":   false,
		".out.pdf0123456789ab.tmp":   false,
		".xout.pdf.0123456789ab.tmp": false,
		".out.pdf.0123456789ab":      false,
	} {
		if got := IsTempOf(name, "out.pdf"); got != want {
			t.Errorf("IsTempOf(%q) = %v; want %v", name, got, want)
		}
	}
}
