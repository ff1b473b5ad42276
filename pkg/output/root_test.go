package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func openRoot(t *testing.T) (string, *os.Root) {
	t.Helper()
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return dir, root
}

// TestWriteFileInCreatesAndReplaces: a name in folders yet to be made is
// written; a file replaced keeps its mode; no temporary file stays.
func TestWriteFileInCreatesAndReplaces(t *testing.T) {
	for _, o := range []Options{{}, {Flush: FlushNone, Tidy: TidyNone}, {Flush: FlushFile, Tidy: TidyFolder}} {
		dir, root := openRoot(t)
		name := filepath.Join("2024", "12", "a.pdf")
		if err := o.WriteFileIn(root, name, writeString("first")); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if b, _ := os.ReadFile(path); string(b) != "first" {
			t.Fatalf("%+v: file holds %q", o, b)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
			t.Errorf("%+v: a new file is %v, want 0644", o, fi.Mode().Perm())
		}
		os.Chmod(path, 0o600)
		if err := o.WriteFileIn(root, name, writeString("second")); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != "second" {
			t.Fatalf("%+v: file holds %q", o, b)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("%+v: a replaced file is %v, want its 0600 kept", o, fi.Mode().Perm())
		}
		onlyFiles(t, filepath.Join(dir, "2024", "12"), "a.pdf")
	}
}

// TestWriteFileInErrorKeepsOldFile: write's own error comes back as it
// is, and the old file and the folder are as they were.
func TestWriteFileInErrorKeepsOldFile(t *testing.T) {
	dir, root := openRoot(t)
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("old"), 0o644)
	boom := errors.New("boom")
	err := Options{}.WriteFileIn(root, "a.pdf", func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return boom
	})
	if err != boom {
		t.Fatalf("error %v; want the writer's own", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.pdf")); string(b) != "old" {
		t.Errorf("the old file now holds %q", b)
	}
	onlyFiles(t, dir, "a.pdf")
}

// TestWriteFileInStaysInRoot: a symlink inside the root that points out
// of it, and "..", are refused by os.Root; nothing is written outside,
// and no temporary file is left inside.
func TestWriteFileInStaysInRoot(t *testing.T) {
	dir, root := openRoot(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{filepath.Join("link", "a.pdf"), filepath.Join("link", "sub", "a.pdf"), filepath.Join("..", "a.pdf")} {
		called := false
		err := Options{}.WriteFileIn(root, name, func(w io.Writer) error { called = true; return nil })
		if err == nil || called {
			t.Errorf("WriteFileIn(%s) = %v, writer called %v; want a refusal before writing", name, err, called)
		}
	}
	onlyFiles(t, outside)
	onlyFiles(t, dir, "link")
	// A symlink to a file outside is replaced, never written through.
	target := filepath.Join(outside, "x.pdf")
	os.WriteFile(target, []byte("outside"), 0o644)
	os.Symlink(target, filepath.Join(dir, "x.pdf"))
	if err := (Options{}).WriteFileIn(root, "x.pdf", writeString("inside")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "outside" {
		t.Errorf("the file outside now holds %q", b)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "x.pdf")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("x.pdf is %v, %v; want a regular file in place of the symlink", fi.Mode(), err)
	}
}

// TestWriteFileInRefusesInputs: an input, by another name, is refused.
func TestWriteFileInRefusesInputs(t *testing.T) {
	dir, root := openRoot(t)
	in := filepath.Join(dir, "a.toml")
	os.WriteFile(in, []byte("headline"), 0o644)
	os.Link(in, filepath.Join(dir, "a.pdf"))
	var oe *Error
	if err := (Options{Inputs: []string{in}}).WriteFileIn(root, "a.pdf", writeString("pdf")); !errors.As(err, &oe) {
		t.Fatalf("error %v; want a refusal", err)
	}
	if b, _ := os.ReadFile(in); string(b) != "headline" {
		t.Errorf("the input now holds %q", b)
	}
}

// TestWriteFileInTidy: TidyOwn removes the target's stale temporary
// files, TidyFolder every stale one of ours in the folder, TidyNone none;
// recent ones and other names always stay.
func TestWriteFileInTidy(t *testing.T) {
	stale, fresh, other, notOurs := ".a.pdf.0123456789ab.tmp", ".a.pdf.ba9876543210.tmp", ".b.pdf.0123456789ab.tmp", ".a.pdf.notours.tmp"
	for tidy, want := range map[Tidy][]string{
		TidyOwn:    {other, fresh, notOurs, "a.pdf"},
		TidyFolder: {fresh, notOurs, "a.pdf"},
		TidyNone:   {stale, other, fresh, notOurs, "a.pdf"},
	} {
		dir, root := openRoot(t)
		for name, mtime := range map[string]time.Time{stale: time.Now().Add(-2 * StaleAfter), fresh: time.Now(), other: time.Now().Add(-2 * StaleAfter), notOurs: time.Now().Add(-2 * StaleAfter)} {
			p := filepath.Join(dir, name)
			os.WriteFile(p, []byte("half a PDF"), 0o600)
			os.Chtimes(p, mtime, mtime)
		}
		if err := (Options{Tidy: tidy}).WriteFileIn(root, "a.pdf", writeString("pdf")); err != nil {
			t.Fatal(err)
		}
		onlyFiles(t, dir, slices.Sorted(slices.Values(want))...)
	}
}

// BenchmarkWriteFileIn measures a 200 KB document written with each
// Flush (batch's --sync is FlushFile).
func BenchmarkWriteFileIn(b *testing.B) {
	data := make([]byte, 200<<10)
	for name, flush := range map[string]Flush{"all": FlushAll, "file": FlushFile, "none": FlushNone} {
		b.Run(name, func(b *testing.B) {
			root, err := os.OpenRoot(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer root.Close()
			b.ReportAllocs()
			o := Options{Flush: flush, Tidy: TidyNone}
			for b.Loop() {
				if err := o.WriteFileIn(root, "a.pdf", func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCreateTemp: a file written over a run is invisible at its target
// until Commit, keeps the target's mode, and Discard leaves the target
// as it was.
func TestCreateTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "manifest.csv")
	os.WriteFile(path, []byte("old"), 0o640)
	tmp, err := Options{}.CreateTemp(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(tmp, "a,b\n")
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("the target holds %q before Commit", b)
	}
	if !IsTempOf(filepath.Base(tmp.Name()), "manifest.csv") {
		t.Errorf("temporary name %s is not one of ours", tmp.Name())
	}
	io.WriteString(tmp, "1,2\n")
	if err := tmp.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "a,b\n1,2\n" {
		t.Errorf("the target holds %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v; want the target's 0640 kept", fi.Mode().Perm())
	}
	tmp, err = Options{}.CreateTemp(path)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(tmp, "half")
	tmp.Discard()
	if b, _ := os.ReadFile(path); string(b) != "a,b\n1,2\n" {
		t.Errorf("after Discard the target holds %q", b)
	}
	onlyFiles(t, dir, "manifest.csv")
}
