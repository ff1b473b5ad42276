package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pressroom/pressroom/pkg/diag"
)

// unreadable explains a statement that could not be read; a folder gets
// the commands that take folders.
func unreadable(file string, err error) diag.List {
	var l diag.List
	if st, serr := os.Stat(file); serr == nil && st.IsDir() {
		l.Errorf(diag.Pos{File: file}, fmt.Sprintf("render every statement in it: pressroom batch %s --out-dir pdf (or check them: pressroom check %s)",
			file, filepath.Join(file, "*.toml")), "this is a folder, not a statement file")
		return l
	}
	return readFailed(file, err)
}
