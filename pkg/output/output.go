// Package output writes files safely: a reader of the target path sees
// either the old file or the complete new one, never a half-written file,
// and a failed write leaves nothing behind.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile calls write with a temporary file in path's folder, flushes it
// to disk and renames it over path. The temporary file sits in the same
// folder so that the rename is atomic. When write or any later step fails,
// the temporary file is removed and an existing file at path is left as
// it was.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return fmt.Errorf("write %s: no file name", path)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		// The temporary name means nothing to the user: name the folder.
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write %s: the folder %s does not exist (create it first)", path, filepath.Clean(dir))
		}
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("write %s: no permission to write in the folder %s", path, filepath.Clean(dir))
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file 0600; an output file should be readable
	// like any file the user creates.
	if err := tmp.Chmod(filePerm(path)); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// Flushing the folder makes the rename itself survive a crash; not
	// every system can open a folder for that, which is not an error.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// filePerm keeps the mode of a file being replaced; a new file gets 0644,
// the mode most umasks give a new file (CreateTemp made it 0600).
func filePerm(path string) os.FileMode {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		return fi.Mode().Perm()
	}
	return 0o644
}
