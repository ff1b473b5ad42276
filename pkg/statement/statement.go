// Package statement reads a statement file (format version 1, see the
// README) into a Statement, collecting every problem with its position.
package statement

import (
	"github.com/pressroom/pressroom/pkg/diag"
)

// Limits that keep a hostile or mistaken file from costing the user time.
const (
	// MaxSize is the largest statement file accepted, in bytes.
	MaxSize = 1 << 20
	// MaxItems is the most list entries (developments, list items,
	// signatories, contacts, keywords) accepted in one file.
	MaxItems = 1000
)

// Options change how a statement is checked. The zero value is the default.
type Options struct {
	// Today is the date the date and embargo warnings compare against
	// (a date more than a year ahead, an embargo in the past). Zero skips
	// those warnings: the package never reads the clock.
	Today Date
}

// Parse reads the statement in src, naming it file in diagnostics. It
// returns the statement (nil when the file could not be read at all) and
// every diagnostic, sorted by position. The statement must not be rendered
// when the list has errors.
func Parse(file string, src []byte, opts Options) (*Statement, diag.List) {
	// TODO(issue 2): implemented by the statement work.
	var l diag.List
	l.Errorf(diag.Pos{File: file}, "", "statement parsing is not implemented yet")
	return nil, l
}

func (s *Statement) locate(f Field, off int) diag.Pos { return f.Pos }
