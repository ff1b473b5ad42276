package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileCreates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new content")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new content" {
		t.Fatalf("file holds %q, %v; want the written content", got, err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm()&0o044 == 0 {
		t.Errorf("mode %v: others cannot read the output", fi.Mode())
	}
	onlyFiles(t, dir, "out.pdf")
}

func TestWriteFileErrorKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v does not wrap the writer's error", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old" {
		t.Errorf("existing file now holds %q; want it untouched", got)
	}
	onlyFiles(t, dir, "out.pdf")
}

func TestWriteFileErrorLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	err := WriteFile(filepath.Join(dir, "out.pdf"), func(w io.Writer) error { return errors.New("boom") })
	if err == nil {
		t.Fatal("no error")
	}
	onlyFiles(t, dir)
}

func TestWriteFileReplacesKeepingMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if string(got) != "new" || fi.Mode().Perm() != 0o640 {
		t.Errorf("got %q mode %v; want \"new\" with mode 0640", got, fi.Mode().Perm())
	}
	onlyFiles(t, dir, "out.pdf")
}

func TestWriteFileMissingFolder(t *testing.T) {
	dir := t.TempDir()
	called := false
	err := WriteFile(filepath.Join(dir, "nope", "out.pdf"), func(w io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Fatalf("err %v, writer called %v; want an error before writing", err, called)
	}
}

func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(want) {
		t.Fatalf("folder holds %q; want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("folder holds %q; want %q", got, want)
		}
	}
}

func TestWriteFileMissingFolderNamesIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nowhere", "out.pdf")
	err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	want := "the folder " + filepath.Join(dir, "nowhere") + " does not exist"
	if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("error = %q, want it to contain %q and no temporary name", err, want)
	}
}
