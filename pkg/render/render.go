// Package render typesets a statement in a layout: first into a page plan
// (lines and boxes on pages, each knowing what part of the statement it
// is), then draws the plan as a PDF with fpdf. Every fpdf import of
// pressroom is in this package.
package render

import (
	"errors"
	"io"
	"time"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Options change how a PDF is written. The zero value is the default: a
// tagged PDF/UA-1 and PDF/A-2b file dated by the statement.
type Options struct {
	// Created is the document's creation date. Zero means the statement's
	// date at midnight UTC; callers pass SOURCE_DATE_EPOCH here.
	Created time.Time
	// Version is pressroom's version, written as the PDF's creator.
	Version string
	// Plain writes an untagged PDF with no PDF/A claims
	// (--pdf-standard none).
	Plain bool
}

// Result describes a rendered PDF.
type Result struct {
	Pages int
	// Warnings found while typesetting (e.g. a release over two pages).
	Warnings diag.List
}

// Render typesets s in l and writes the PDF to w. Input problems (a
// character no font can show) come back as a *diag.ListError; nothing is
// written to w then.
func Render(w io.Writer, s *statement.Statement, l *layout.Layout, opts Options) (Result, error) {
	// TODO(issue 3): implemented by the render work.
	return Result{}, errors.New("rendering is not implemented yet")
}

// Check reports what the statement needs of the layout: every character no
// font of the layout can show, as an error at its place in the file.
func Check(s *statement.Statement, l *layout.Layout) diag.List {
	return nil
}
