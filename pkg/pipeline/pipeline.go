// Package pipeline is pressroom's library entry point: it takes the bytes
// of a statement file (or of an archived release) to a Job — the
// statement, its layout and every diagnostic of every check — from which
// the PDF and the other renditions are made. Every front end (the
// command line, a web page, a library user) starts here, so a statement
// is valid or not alike everywhere and no rule is written twice.
//
// The package reads no environment and no clock: the date policy takes
// SOURCE_DATE_EPOCH's value and the time as arguments (Dates).
package pipeline

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pressroom/pressroom/pkg/archive"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pdfua/lint"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/render"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Options say how to load a statement. Layouts is required; the zero
// value of every other field is the default.
type Options struct {
	// Layouts resolves layout names and files; one Library per process
	// parses each font and decodes each logo once.
	Layouts *layout.Library
	// LayoutRef is a layout the user chose (--layout): a built-in name
	// or a file, used instead of the statement's own.
	LayoutRef string
	// Scope is where the files that a statement and its layout name may
	// be; the zero Scope allows any file.
	Scope layout.Scope
	// Today is the date "in the past" and "in the future" are judged
	// against (Dates.Today).
	Today time.Time
	// Import makes Load import an archived release (text, Markdown, a
	// web page, a Word document, an e-mail) before reading it; without
	// it such a file is refused with a message saying to import it.
	Import bool
}

// Job is one statement ready to be rendered: read, its layout resolved
// and every check run.
type Job struct {
	// Name is the statement as messages name it.
	Name      string
	Statement *statement.Statement
	Layout    *layout.Layout
	// Imported, for an archived release, is the statement file it was
	// imported as; nil for a statement file.
	Imported []byte
	// Translation is the same release in another language, when the
	// statement names one (translation = "…"): loaded from its file by
	// the same Load, its own layout and checks; nil otherwise. Halves
	// puts the two in reading order.
	Translation *Job
}

// Load reads a statement (name as messages name it, src its bytes), its
// layout (opts.LayoutRef, else the statement's layout key, else
// "default"), and runs every check that does not need a trial render:
// the statement's own, the layout's lint, the accessibility lint and the
// renderer's checks (fonts cover every character, the work is bounded).
// It returns the Job and every diagnostic; when the list has an error the
// Job is nil.
//
// When the statement names its translation, Load reads that file too
// (it must be in opts.Scope), loads it the same way, checks the pair
// (pair.go) and warns where the two versions differ (Differences); the
// translation's diagnostics carry its own file's positions.
func Load(name string, src []byte, opts Options) (*Job, diag.List) {
	job, list := load(name, src, opts)
	if job == nil || job.Statement.Translation == "" || job.Imported != nil {
		// An imported archive's statement names no translation.
		return job, list
	}
	t, tlist := loadTranslation(job, opts)
	list = append(list, tlist...)
	if t == nil || list.HasErrors() {
		return nil, list
	}
	job.Translation = t
	return job, list
}

// load is Load of one file, not following its translation.
func load(name string, src []byte, opts Options) (*Job, diag.List) {
	job := &Job{Name: name}
	var list diag.List
	if opts.Import && isArchive(name, src) {
		res, ilist := archive.Import(name, src)
		if res == nil || ilist.HasErrors() {
			return nil, ilist
		}
		// The statement's own problems are named on the imported form.
		job.Imported, src, list = res.Statement, res.Statement, res.Warnings(name)
		name += " (imported)"
	} else if l := WrongKind(name, src); l != nil {
		return nil, l
	}
	var today statement.Date
	if !opts.Today.IsZero() {
		// A zero Today skips the date warnings (year 1 would be a date).
		today = statement.Date{Year: opts.Today.Year(), Month: opts.Today.Month(), Day: opts.Today.Day()}
	}
	stmt, slist := statement.Parse(name, src, statement.Options{Today: today})
	list = append(list, slist...)
	if stmt == nil || list.HasErrors() {
		return nil, list
	}
	ref, dir, fromStatement := opts.LayoutRef, ".", false
	if ref == "" && stmt.Layout != "" {
		ref, dir, fromStatement = stmt.Layout, filepath.Dir(name), true
	}
	if ref == "" {
		ref = "default"
	}
	// A layout the statement names must be in scope too; one the user
	// named (--layout) may be anywhere.
	scope := opts.Scope
	scope.Named = fromStatement
	lay, layoutList := opts.Layouts.LoadIn(ref, dir, scope)
	for _, d := range layoutList {
		if fromStatement && d.Pos.File == ref && d.Pos.Line == 0 {
			d.Pos = stmt.Locate("layout", 0)
		}
		list.Add(d)
	}
	if lay == nil || list.HasErrors() {
		return nil, list
	}
	// The layout's lint (small text, poor contrast) and the accessibility
	// lint (vague link text, capitals, a logo without alt text) are the
	// user's to see whenever the statement is checked or rendered.
	list = append(list, lay.Lint()...)
	list = append(list, lint.Accessibility(stmt, lay)...)
	list = append(list, release.CheckLang(stmt, lay)...)
	list = append(list, render.Check(stmt, lay)...)
	for i := range list {
		if list[i].Key == "" {
			list[i].Key = stmt.KeyAt(list[i].Pos)
		}
	}
	if list.HasErrors() {
		return nil, list
	}
	job.Statement, job.Layout = stmt, lay
	return job, list
}

// isArchive reports whether a file given to Load with Import is an
// archived release to import rather than a statement.
func isArchive(name string, src []byte) bool {
	f := archive.Sniff(name, src)
	return f != archive.TOML && (f.Importable() || archive.IsArchiveName(name))
}

// Render typesets the job's PDF into w: with a translation, one
// bilingual PDF of both halves in reading order (Halves).
func (j *Job) Render(w io.Writer, opts render.Options) (render.Result, error) {
	rels, err := j.Releases()
	if err != nil {
		return render.Result{}, err
	}
	return render.RenderAll(w, rels, j.Layout, opts)
}

// Release is the job's words for the text, HTML and e-mail renditions
// (of this statement alone; Releases gives both halves of a pair).
func (j *Job) Release() (*release.Release, error) {
	return release.New(j.Statement, j.Layout)
}

// Inputs are the files the job was made from (its layout's files, and
// the translation with its layout's), which no output may overwrite.
func (j *Job) Inputs() []string {
	files := append([]string(nil), j.Layout.Files...)
	if t := j.Translation; t != nil {
		files = append(append(files, t.Name), t.Layout.Files...)
	}
	return files
}

// Check runs every check on one file, as `pressroom check` does: a layout
// file is checked as a layout (with its lint); a statement is loaded with
// Load and, when it is sound, typeset once to nowhere, so that what only
// typesetting finds (a release that does not fit its pages) is found by
// check too.
func Check(name string, src []byte, opts Options) diag.List {
	if layout.LooksLikeLayout(src) {
		// A layout is checked from its file, whose folder its logo and
		// fonts are found in; one on standard input is refused by Load
		// with a message saying what it is.
		if fi, err := os.Stat(name); err == nil && fi.Mode().IsRegular() {
			return opts.Layouts.CheckIn(name, opts.Scope)
		}
	}
	job, list := Load(name, src, opts)
	if job == nil {
		return list
	}
	res, err := job.Render(io.Discard, render.Options{Created: opts.Today})
	list = append(list, res.Warnings...)
	if err != nil {
		var le *diag.ListError
		if errors.As(err, &le) {
			list = append(list, le.List...)
		} else {
			list.Errorf(diag.Pos{File: name}, "", "cannot typeset the statement: %v", err)
		}
	}
	return list
}
