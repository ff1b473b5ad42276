package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRenameErrorWindowsHeldOpen maps the errors Windows gives for a
// rename over a file a PDF viewer holds open, faked here with the
// same error values os.Rename returns there (an *os.LinkError around a
// syscall.Errno).
func TestRenameErrorWindowsHeldOpen(t *testing.T) {
	rename := func(code uintptr) error {
		return &os.LinkError{Op: "rename", Old: `C:\Users\Jo Bloggs\Press\.déclaration été.pdf.tmp1`, New: `C:\Users\Jo Bloggs\Press\déclaration été.pdf`, Err: syscall.Errno(code)}
	}
	tests := []struct {
		name   string
		path   string
		err    error
		inUse  bool
		suffix string
	}{
		{"access denied (viewer opened it without FILE_SHARE_DELETE)", `C:\Users\Jo Bloggs\Press\déclaration été.pdf`, rename(5), true, "close the PDF and try again"},
		{"sharing violation", `déclaration été.pdf`, rename(32), true, "close the PDF and try again"},
		{"lock violation", `release.PDF`, rename(33), true, "close the PDF and try again"},
		{"the text rendition", `release.txt`, rename(32), true, "close the file and try again"},
		{"wrapped further", `release.pdf`, errors.Join(errors.New("context"), rename(32)), true, "close the PDF and try again"},
		{"file not found is not", `release.pdf`, rename(2), false, ""},
		{"disk full is not", `release.pdf`, rename(112), false, ""},
		{"no errno", `release.pdf`, errors.New("something else"), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renameError(tt.path, tt.err, windowsHeldOpen)
			var inUse *InUseError
			if errors.As(got, &inUse) != tt.inUse {
				t.Fatalf("InUseError: got %v, want %v (%v)", !tt.inUse, tt.inUse, got)
			}
			if !errors.Is(got, tt.err) {
				t.Errorf("%v does not wrap the system's error", got)
			}
			if !strings.HasPrefix(got.Error(), "write "+tt.path+": ") {
				t.Errorf("%q does not start with write and the path", got)
			}
			if tt.inUse && !strings.HasSuffix(got.Error(), tt.suffix) {
				t.Errorf("%q does not end with %q", got, tt.suffix)
			}
		})
	}
}

// TestWriteFileReplacesOpenFile: outside Windows, a file held open by a
// reader is replaced (the reader keeps the old contents), so heldOpen is
// never asked there. On Windows this is the case InUseError is for.
func TestWriteFileReplacesOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "déclaration été.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	viewer, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer viewer.Close()
	err = WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if os.PathSeparator == '\\' {
		// Go opens files with FILE_SHARE_DELETE, so even Windows allows
		// this rename; a PDF viewer does not (docs/windows.md).
		t.Logf("Windows: %v", err)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("got %q", b)
	}
	if b, _ := io.ReadAll(viewer); string(b) != "old" {
		t.Errorf("the open file reads %q, want the old contents", b)
	}
}
