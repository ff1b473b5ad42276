package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileIn writes name, a path inside root, as WriteFile writes a path:
// through a temporary file beside it and a rename, with the same
// temporary names, clean-up, modes and flushing (o.Flush, o.Tidy).
// Going through root, no name, "..", or symlink can make it write outside
// root's folder. It creates name's folders inside root as needed. It
// refuses o.Inputs like WriteFile, but writes no device: a name that is
// not a regular file is replaced by the rename.
//
// Errors are left as root and write return them, for the caller to put
// in its own words: only it knows what root's folder is called. A refusal
// of o.Inputs is an *Error.
func (o Options) WriteFileIn(root *os.Root, name string, write func(io.Writer) error) error {
	if len(o.Inputs) > 0 {
		if fi, err := root.Stat(name); err == nil {
			if err := o.refuseInputs(name, fi); err != nil {
				return err
			}
		}
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	} else if err := root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	err := o.replace(root, dir, base, write)
	if te := (*tempError)(nil); errors.As(err, &te) {
		return te.err
	}
	return err
}

// folder is what replace needs of the file system: the system's (for
// paths) or an os.Root's (for names inside it).
type folder interface {
	OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error)
	Open(name string) (*os.File, error)
	Stat(name string) (fs.FileInfo, error)
	Rename(oldname, newname string) error
	Remove(name string) error
}

// osFolder is the system's file system as a folder.
type osFolder struct{}

func (osFolder) OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}
func (osFolder) Open(name string) (*os.File, error)    { return os.Open(name) }
func (osFolder) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (osFolder) Rename(oldname, newname string) error  { return os.Rename(oldname, newname) }
func (osFolder) Remove(name string) error              { return os.Remove(name) }

// tempError is a failure to create the temporary file: the folder is
// missing or may not be written in.
type tempError struct{ err error }

func (e *tempError) Error() string { return e.err.Error() }

// Temp is a file being written in place of another, its target: a
// temporary file beside it (made 0600, so nobody reads it half-written),
// which Commit renames over the target and Discard removes. WriteFile and
// WriteFileIn write through one; an output written in pieces over a run
// (a manifest, a record at a time) uses one directly.
type Temp struct {
	*os.File
	o      Options
	f      folder
	dir    string // the target's folder, in f
	target string // the target, in f
	name   string // the temporary file, in f
}

// CreateTemp starts writing path: it makes the temporary file in path's
// folder and removes stale ones (o.Tidy). It makes no check of path
// (Check does); a failure to create the file is returned as the file
// system gave it.
func (o Options) CreateTemp(path string) (*Temp, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	return o.newTemp(osFolder{}, dir, base)
}

func (o Options) newTemp(f folder, dir, base string) (*Temp, error) {
	tmp, err := createTemp(f, dir, base)
	if err != nil {
		return nil, err
	}
	switch o.Tidy {
	case TidyOwn:
		removeStale(f, dir, base, tmp)
	case TidyFolder:
		removeStale(f, dir, "", tmp)
	}
	return &Temp{File: tmp, o: o, f: f, dir: dir, target: filepath.Join(dir, base), name: filepath.Join(dir, filepath.Base(tmp.Name()))}, nil
}

// Commit gives the file the mode the target had (or 0644), flushes it to
// disk (unless o.Flush is FlushNone), renames it over the target and
// flushes the folder so the rename survives a crash too (with FlushAll).
// On failure the temporary file is removed and the target left as it was.
func (t *Temp) Commit() (err error) {
	defer func() {
		if err != nil {
			t.Discard()
		}
	}()
	// The temporary file is made 0600; an output file should be readable
	// like any file the user creates.
	if err := t.Chmod(filePerm(t.f, t.target)); err != nil {
		return err
	}
	if t.o.Flush != FlushNone {
		if err := t.Sync(); err != nil {
			return err
		}
	}
	if err := t.Close(); err != nil {
		return err
	}
	if err := t.f.Rename(t.name, t.target); err != nil {
		if heldOpen(err) {
			// On Windows a PDF viewer holding the target makes the
			// rename fail: say so, not the system's words.
			return renameError(t.target, err, heldOpen)
		}
		return err
	}
	// Not every system can open a folder to flush it, which is not an
	// error.
	if t.o.Flush == FlushAll {
		if d, derr := t.f.Open(t.dir); derr == nil {
			_ = d.Sync()
			d.Close()
		}
	}
	return nil
}

// Discard closes and removes the temporary file, leaving the target as it
// was.
func (t *Temp) Discard() {
	t.Close()
	t.f.Remove(t.name)
}

// replace is the one way a file is written in place: write's bytes go
// through a buffer into a Temp, which is committed. Errors are unwrapped;
// a failure to create the temporary file is a *tempError.
func (o Options) replace(f folder, dir, base string, write func(io.Writer) error) error {
	t, err := o.newTemp(f, dir, base)
	if err != nil {
		return &tempError{err}
	}
	bw := bufio.NewWriterSize(t, 64<<10)
	if err := write(bw); err != nil {
		t.Discard()
		return err
	}
	if err := bw.Flush(); err != nil {
		t.Discard()
		return err
	}
	return t.Commit()
}

// filePerm keeps the mode of a file being replaced; a new file gets 0644,
// the mode most umasks give a new file (the temporary file is 0600).
func filePerm(f folder, path string) os.FileMode {
	if fi, err := f.Stat(path); err == nil && fi.Mode().IsRegular() {
		return fi.Mode().Perm()
	}
	return 0o644
}

// refuseInputs refuses fi, the file at path, when it is one of o.Inputs.
func (o Options) refuseInputs(path string, fi fs.FileInfo) error {
	for _, in := range o.Inputs {
		if in == "" {
			continue
		}
		if ifi, err := os.Stat(in); err == nil && os.SameFile(fi, ifi) {
			reason := fmt.Sprintf("it is the same file as %s, which the output is made from", in)
			if filepath.Clean(in) == filepath.Clean(path) {
				reason = "it is a file the output is made from"
			}
			return &Error{Path: path, Reason: reason, Hint: "choose another name for the output"}
		}
	}
	return nil
}
