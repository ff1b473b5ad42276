// Package layout reads brand layouts — page, colours, fonts, logo, wording —
// from TOML files, built-in or the user's, and resolves them into a Layout
// ready to render with.
package layout

import (
	"io/fs"
	"sync"

	"github.com/pressroom/pressroom/pkg/diag"
)

// Library loads layouts and keeps what it has loaded, so that a process
// rendering many statements parses each font and decodes each logo once.
// It is safe for concurrent use; the Layouts it returns are read-only.
type Library struct {
	builtins fs.FS // the built-in layouts: NAME.toml at its root
	fonts    fs.FS // the bundled fonts: *.ttf at its root

	mu     sync.Mutex
	loaded map[string]*Layout
}

// NewLibrary returns a library over the built-in layouts and bundled fonts.
func NewLibrary(builtins, fonts fs.FS) *Library {
	return &Library{builtins: builtins, fonts: fonts, loaded: map[string]*Layout{}}
}

// Load returns the layout named by ref: a built-in name ("default") or a
// path to a layout file, relative to the folder dir (the statement's folder
// when the name came from a statement; the working folder for a flag). The
// list holds every problem in the layout file with its position; the
// layout is nil when it has errors.
func (lib *Library) Load(ref, dir string) (*Layout, diag.List) {
	// TODO(issue 4): implemented by the layout work.
	var l diag.List
	l.Errorf(diag.Pos{File: ref}, "", "layouts are not implemented yet")
	return nil, l
}
