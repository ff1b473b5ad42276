// Package output writes files safely: a reader of the target path sees
// either the old file or the complete new one, never a half-written file,
// and a failed write leaves nothing behind. It is also the one place that
// decides what may be written at all: never over a file the output is made
// from, never by renaming over a device, and never into a block device.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Options say what WriteFile and WriteFileIn must protect and how they
// write; the zero value protects nothing beyond what every write is
// refused (devices, folders), flushes every file and its folder to disk
// and removes the
// target's own stale temporary files.
type Options struct {
	// Inputs are the files the output is made from (the statement, its
	// layout file, logo and fonts). WriteFile refuses to write over any
	// of them, by whatever name, symlink or hard link the target reaches
	// it.
	Inputs []string
	// Flush says what is flushed to disk; the rename is atomic either
	// way, for a reader and on an interrupt.
	Flush Flush
	// Tidy says which stale temporary files (left by a killed run, see
	// StaleAfter) a write removes from the target's folder.
	Tidy Tidy
}

// Flush says how much of a write is flushed to disk, against a power cut.
// Each flush costs a disk flush per file (several times the cost of
// writing a 200 KB PDF, see BenchmarkWriteFileIn), which a run of
// thousands of documents may choose not to pay.
type Flush int

const (
	// FlushAll flushes the file before the rename and the folder after
	// it: after a power cut the target is the complete new file.
	FlushAll Flush = iota
	// FlushFile flushes only the file: after a power cut the target is
	// the old file or the complete new one, never an empty or partial
	// one.
	FlushFile
	// FlushNone flushes nothing: after a power cut the target may be
	// empty or partial (an interrupt still leaves old or new).
	FlushNone
)

// Tidy says which stale temporary files a write removes.
type Tidy int

const (
	// TidyOwn removes the target's own stale temporary files.
	TidyOwn Tidy = iota
	// TidyFolder removes every stale temporary file of pkg/output's
	// names in the target's folder, for a folder only pressroom writes
	// in; a caller writing many files there asks for it once.
	TidyFolder
	// TidyNone removes none.
	TidyNone
)

// Error is a write refused before anything was written: Reason says why
// (without the path) and Hint what to write instead.
type Error struct {
	Path   string
	Reason string
	Hint   string
}

func (e *Error) Error() string { return fmt.Sprintf("refusing to write %s: %s", e.Path, e.Reason) }

// WriteFile is Options{}.WriteFile.
func WriteFile(path string, write func(io.Writer) error) error {
	return Options{}.WriteFile(path, write)
}

// WriteFile calls write with a temporary file in path's folder, flushes it
// to disk and renames it over path. The temporary file sits in the same
// folder so that the rename is atomic. When write or any later step fails,
// the temporary file is removed and an existing file at path is left as
// it was.
//
// When path is a named pipe or a character device (/dev/stdout, a
// terminal, /dev/null), write goes straight into it: renaming over it
// would replace the device with a file. Any other kind of file that is not
// a regular file (a block device, a socket, a folder) is refused, as is
// any of o.Inputs; a refusal is an *Error and calls write not at all.
func (o Options) WriteFile(path string, write func(io.Writer) error) error {
	direct, err := o.Check(path)
	if err != nil {
		return err
	}
	if direct {
		return writeDirect(path, write)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	err = o.replace(osFolder{}, dir, base, write)
	var te *tempError
	var inUse *InUseError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &inUse):
		return err
	case !errors.As(err, &te):
		return fmt.Errorf("write %s: %w", path, err)
	case errors.Is(te.err, fs.ErrNotExist):
		// The temporary name means nothing to the user: name the folder.
		return fmt.Errorf("write %s: the folder %s does not exist (create it first)", path, filepath.Clean(dir))
	case errors.Is(te.err, fs.ErrPermission):
		return fmt.Errorf("write %s: no permission to write in the folder %s", path, filepath.Clean(dir))
	}
	return fmt.Errorf("write %s: %w", path, te.err)
}

// Check says whether WriteFile may write path, and how: direct is true
// when path is a pipe or character device to write straight into. The
// error is an *Error for a refusal. Commands that write several files
// call it for each before writing any, so a refusal leaves nothing
// written.
func (o Options) Check(path string) (direct bool, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		// Nothing there (or nothing we may look at): the write itself
		// will say what is wrong.
		return false, nil
	}
	if err := o.refuseInputs(path, fi); err != nil {
		return false, err
	}
	return target(path, fi)
}

// target decides how a file fi that exists at path is written: a regular
// file is replaced, a pipe or a terminal-like character device written
// into, anything else refused. A name under /dev or /proc (/dev/stdout,
// /dev/fd/1) is the system's: it is written into, never renamed over,
// even when it leads to a regular file (a shell's redirection).
func target(path string, fi fs.FileInfo) (direct bool, err error) {
	m := fi.Mode()
	system := false
	if abs, err := filepath.Abs(path); err == nil {
		system = strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/")
	}
	switch {
	case m.IsRegular():
		return system, nil
	case m.IsDir():
		return false, &Error{Path: path, Reason: "it is a folder", Hint: "name a file, e.g. " + filepath.Join(path, "release.pdf")}
	case m&fs.ModeNamedPipe != 0:
		return true, nil
	case m&fs.ModeCharDevice != 0:
		if !streamDevice(fi) {
			return false, &Error{Path: path, Reason: "it is a device, not a file or a terminal", Hint: "name a file"}
		}
		return true, nil
	case m&fs.ModeDevice != 0:
		return false, &Error{Path: path, Reason: "it is a block device (a disk); writing would destroy what it holds", Hint: "name a file"}
	case m&fs.ModeSocket != 0:
		return false, &Error{Path: path, Reason: "it is a socket, not a file", Hint: "name a file"}
	}
	return false, &Error{Path: path, Reason: "it is not a regular file", Hint: "name a file"}
}

// writeDirect writes into a pipe or device the user named, as a shell's
// redirection would: there is nothing to rename, and the reader sees the
// bytes as they come.
func writeDirect(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
