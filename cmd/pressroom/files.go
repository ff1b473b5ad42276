package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/input"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/output"
	"github.com/pressroom/pressroom/pkg/statement"
)

// This file maps the commands' files onto pkg/input and pkg/output: which
// statement is read ("-" is standard input), which folders the files it
// names may be in, and which files no output may replace.

// stdinName names a statement read from standard input in messages.
const stdinName = "<stdin>"

// trustFlag lets the files named inside statements and layouts be
// anywhere; without it they must be in the folders the user gave.
func trustFlag() cli.Flag {
	return &cli.BoolFlag{Name: "trust-paths", Usage: "let a statement's layout and a layout's logo and fonts be files anywhere on the machine, not only in the statement's or layout's folder"}
}

// trustHint is the hint of a refusal of a file outside the user's folders.
const trustHint = "move the file into the statement's folder (or the layout's), or add --trust-paths if you trust the file that names it"

// readStatement reads the statement file, or standard input for "-",
// through input.ReadFile: a pipe, device or folder is refused, and a file
// over statement.MaxSize is refused unread. name is the file as messages
// name it.
func (e *env) readStatement(file string) (name string, src []byte, err error) {
	if file != "-" {
		src, err = input.ReadFile(file, statement.MaxSize, "statements")
		return file, src, err
	}
	src, err = io.ReadAll(io.LimitReader(e.stdin, statement.MaxSize+1))
	if err == nil && len(src) > statement.MaxSize {
		err = &input.Error{Path: stdinName, Reason: fmt.Sprintf("is more than %s; statements may be at most %s", input.Size(statement.MaxSize), input.Size(statement.MaxSize)), Hint: "is this the right file?"}
	}
	return stdinName, src, err
}

// readFailed is the diagnostic for a statement that cannot be read.
func readFailed(name string, err error) diag.List {
	hint := input.Hint(err)
	if hint == "" {
		hint = "check the file name and that you may read it"
	}
	var l diag.List
	l.Errorf(diag.Pos{File: name}, hint, "cannot read the statement: %s", input.Reason(err))
	return l
}

// scope is where the files named in the statement read from name and in
// its layout may be: the statement's folder tree (the working folder for
// standard input), unless --trust-paths.
func (e *env) scope(name string) layout.Scope {
	if e.trustPaths {
		return layout.Scope{}
	}
	dir := "."
	if name != stdinName {
		dir = filepath.Dir(name)
	}
	return layout.Scope{Roots: []string{dir}, Hint: trustHint}
}

// guard protects the statement read from name and its layout's files
// from being overwritten by an output.
func guard(name string, lay *layout.Layout) output.Options {
	o := output.Options{}
	if name != stdinName && name != "-" {
		o.Inputs = append(o.Inputs, name)
	}
	if lay != nil {
		o.Inputs = append(o.Inputs, lay.Files...)
	}
	return o
}

// checkOutputs refuses, before anything is written, an output in paths
// that guard says may not be written; it tells the user why.
func (e *env) checkOutputs(o output.Options, paths ...string) error {
	for _, p := range paths {
		if _, err := o.Check(p); err != nil {
			return e.writeFailed(err)
		}
	}
	return nil
}

// writeFailed tells the user an output could not be written, with the
// hint pkg/output gives for a refusal.
func (e *env) writeFailed(err error) error {
	fmt.Fprintf(e.stderr, "pressroom: %s\n", diag.Visible(err.Error()))
	var oe *output.Error
	if errors.As(err, &oe) && oe.Hint != "" {
		fmt.Fprintf(e.stderr, "    hint: %s\n", oe.Hint)
	}
	return exitError{code: exitProblem}
}

// toTerminal reports whether w is a terminal, where binary output (a PDF)
// would be garbage and could even be taken as terminal commands. A
// terminal is a character device; /dev/null is one too, and is fine.
func toTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	null, _ := os.Stat(os.DevNull)
	return isTerminalMode(fi, null)
}

func isTerminalMode(fi, null fs.FileInfo) bool {
	return fi.Mode()&fs.ModeCharDevice != 0 && (null == nil || !os.SameFile(fi, null))
}
