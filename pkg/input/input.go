// Package input is the one place pressroom opens a file to read it:
// statements, layouts, logos, fonts and batch state all come through
// ReadFile, so a named pipe, a device, a folder or a huge file is refused
// the same way, with the same words, wherever it is named.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Error is a file ReadFile refuses: what it is, or how big. Reason says
// it without the path, for a message that is already positioned on the
// file.
type Error struct {
	Path   string
	Reason string // "is a named pipe (FIFO), not a regular file"
	Hint   string // what to give instead
}

func (e *Error) Error() string { return e.Path + " " + e.Reason }

// ReadFile reads the regular file at path, refusing anything else (a
// named pipe, a device, a folder, a socket) and any file of more than
// limit bytes; what names such files in the plural ("statements", "logo
// files") for the message about size. The file is opened without waiting,
// so a named pipe with no writer is refused at once instead of hanging
// the run, and at most limit+1 bytes are ever read, so /dev/zero or a
// file that grows while it is read cost nothing.
//
// Errors are *Error for a refusal, else the *fs.PathError from the
// system (the file is missing, or may not be read).
func ReadFile(path string, limit int64, what string) ([]byte, error) {
	return read(path, limit, what, os.Stat, func(flag int) (*os.File, error) { return os.OpenFile(path, flag, 0) })
}

// ReadFileIn is ReadFile for the file name inside root, which it may not
// leave (batch's state file in its output folder).
func ReadFileIn(root *os.Root, name string, limit int64, what string) ([]byte, error) {
	return read(name, limit, what, root.Stat, func(flag int) (*os.File, error) { return root.OpenFile(name, flag, 0) })
}

func read(path string, limit int64, what string, stat func(string) (fs.FileInfo, error), open func(flag int) (*os.File, error)) ([]byte, error) {
	// Looking before opening names what a socket is (opening one fails
	// with "no such device or address"); looking again at the opened
	// file makes sure what is read is what was looked at.
	if fi, err := stat(path); err == nil {
		if err := check(path, fi); err != nil {
			return nil, err
		}
	}
	f, err := open(os.O_RDONLY | openFlags)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := check(path, fi); err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, tooBig(path, fi.Size(), limit, what)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: unwrap(err)}
	}
	if int64(len(data)) > limit {
		// It grew while being read.
		return nil, tooBig(path, int64(len(data)), limit, what)
	}
	return data, nil
}

func check(path string, fi fs.FileInfo) error {
	if reason, hint := Kind(fi.Mode()); reason != "" {
		return &Error{Path: path, Reason: reason, Hint: hint}
	}
	return nil
}

// Kind says why a file of mode m cannot be read as an input, and what to
// give instead; both are empty for a regular file.
func Kind(m fs.FileMode) (reason, hint string) {
	const plain = "name the file itself: pressroom reads only regular files"
	switch {
	case m.IsRegular():
		return "", ""
	case m.IsDir():
		return "is a folder, not a file", "name a file in it"
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe (FIFO), not a regular file", "save what the pipe gives into a file and name that file"
	case m&fs.ModeSocket != 0:
		return "is a socket, not a regular file", plain
	case m&fs.ModeCharDevice != 0:
		return "is a character device, not a regular file", plain
	case m&fs.ModeDevice != 0:
		return "is a block device, not a regular file", plain
	case m&fs.ModeIrregular != 0:
		return "is not a regular file", plain
	}
	return "is not a regular file", plain
}

func tooBig(path string, size, limit int64, what string) error {
	return &Error{
		Path:   path,
		Reason: fmt.Sprintf("is %s; %s may be at most %s", Size(size), what, Size(limit)),
		Hint:   "is this the right file?",
	}
}

// Size writes a byte count for people: "812 bytes", "12 MB", "1 MiB"
// (binary units when the number is an exact power of two's multiple, as
// limits are; decimal otherwise, as file managers show sizes).
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0 && n < 1<<20:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1e6:
		return fmt.Sprintf("%d MB", (n+5e5)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%d kB", (n+500)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Reason returns what is wrong with a file without its path, for a
// message already placed on that file: "it " and an *Error's Reason, the
// system's words for a *fs.PathError ("no such file or directory").
func Reason(err error) string {
	var ie *Error
	if errors.As(err, &ie) {
		return "it " + ie.Reason
	}
	return unwrap(err).Error()
}

// Hint returns what to do about err, when ReadFile knows.
func Hint(err error) string {
	var ie *Error
	if errors.As(err, &ie) {
		return ie.Hint
	}
	return ""
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
