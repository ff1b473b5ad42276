package output

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
)

// InUseError is a rename over an existing output that the system refused
// because another program holds the file open: on Windows, a PDF viewer
// keeps the PDF it shows open and locked, so rendering again fails until
// the viewer closes it. Err is the system's error.
type InUseError struct {
	Path string
	Err  error
}

func (e *InUseError) Error() string {
	what := "the file"
	if strings.EqualFold(filepath.Ext(e.Path), ".pdf") {
		what = "the PDF"
	}
	return fmt.Sprintf("write %s: the file is open in another program (a PDF viewer?) or read-only: close %s and try again", e.Path, what)
}

func (e *InUseError) Unwrap() error { return e.Err }

// Windows's error codes (winerror.h) for a rename over a file that another
// process has open: MoveFileEx gives ERROR_ACCESS_DENIED when the target
// is open without FILE_SHARE_DELETE (as PDF viewers open it), and the
// sharing or lock violation when it is locked. ERROR_ACCESS_DENIED is also
// a read-only target, which the message names too.
const (
	errorAccessDenied     = 5
	errorSharingViolation = 32
	errorLockViolation    = 33
)

// windowsHeldOpen reports whether err carries one of those codes. It is
// compiled everywhere so that the mapping is tested on every system; only
// Windows uses it (heldOpen).
func windowsHeldOpen(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch uintptr(errno) {
	case errorAccessDenied, errorSharingViolation, errorLockViolation:
		return true
	}
	return false
}

// renameError is the error for a failed rename of the finished temporary
// file over path; heldOpen says whether the system's error means that
// another program holds path open.
func renameError(path string, err error, heldOpen func(error) bool) error {
	if heldOpen(err) {
		return &InUseError{Path: path, Err: err}
	}
	return fmt.Errorf("write %s: %w", path, err)
}
