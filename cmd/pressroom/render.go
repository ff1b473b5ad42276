package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pipeline"
	"github.com/pressroom/pressroom/pkg/render"
	"github.com/pressroom/pressroom/pkg/statement"
)

func renderCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "turn a statement file into a press-release PDF",
		ArgsUsage: "FILE",
		Description: "Reads the statement, typesets it in its layout and writes the PDF next to it\n" +
			"(seed-statement.toml → seed-statement.pdf), or to -o FILE, or to standard output\n" +
			"with --stdout. A statement with errors produces no PDF: the errors are printed\n" +
			"as path:line:col with a hint, and the exit status is 1.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "o", Aliases: []string{"output"}, Usage: "write the PDF to `FILE` instead of next to the statement"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			&cli.BoolFlag{Name: "stdout", Usage: "write the PDF to standard output"},
			&cli.StringFlag{Name: "pdf-standard", Value: "ua-a", Usage: "the `STANDARD` to meet, ua-a: a tagged, accessible PDF/UA-1 and PDF/A-2b file; none: a plain PDF"},
			&cli.BoolFlag{Name: "text", Usage: "also write the plain-text rendition (.txt) beside the PDF"},
			&cli.BoolFlag{Name: "html", Usage: "also write the HTML page (.html) beside the PDF"},
			&cli.BoolFlag{Name: "eml", Usage: "also write an e-mail draft (.eml) with the PDF attached beside the PDF"},
			trustFlag(),
		},
		Action: func(c *cli.Context) error {
			args, err := trailingFlags(c)
			if err != nil {
				return err
			}
			e.trustPaths = c.Bool("trust-paths")
			switch {
			case len(args) == 0:
				return usageError{msg: "render needs a statement file", try: "pressroom new my-statement.toml && pressroom render my-statement.toml"}
			case len(args) > 1:
				return usageError{msg: fmt.Sprintf("render takes one statement file, not %d", len(args)),
					try: "pressroom batch " + strings.Join(args, " ")}
			}
			out := c.String("o")
			if out != "" && c.Bool("stdout") {
				return usageError{msg: "-o and --stdout both say where the PDF goes: give one", try: "pressroom render " + args[0] + " -o " + out}
			}
			std := c.String("pdf-standard")
			if std != "ua-a" && std != "none" {
				return usageError{msg: fmt.Sprintf("unknown --pdf-standard %q: use ua-a or none", std), try: "pressroom render --pdf-standard none " + args[0]}
			}
			if e.getenv("GOGC") == "" && e.getenv("GOMEMLIMIT") == "" {
				// One document, then the process ends: collecting garbage
				// along the way cost a fifth of a cold render's
				// instructions for under 2 MB less peak memory
				// (bench/README.md). The collector runs only if the heap
				// nears 128 MB (an unusually large statement).
				defer debug.SetGCPercent(debug.SetGCPercent(-1))
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(128 << 20))
			}
			extra := renditions{Text: c.Bool("text"), HTML: c.Bool("html"), EML: c.Bool("eml")}
			if args[0] == "-" && out == "" && (!c.Bool("stdout") || extra.any()) {
				// --text, --html and --eml go beside the PDF, or with
				// --stdout beside the statement, which has no name here.
				return usageError{msg: "a statement read from standard input has no file to write the PDF beside: give -o FILE.pdf or --stdout",
					try: "pressroom render - -o release.pdf < statement.toml"}
			}
			if c.Bool("stdout") && toTerminal(e.stdout) {
				fmt.Fprintf(e.stderr, "pressroom: refusing to write a PDF to the terminal: it is binary\n    hint: send it to a file or a program: pressroom render %s --stdout > release.pdf, or use -o\n", args[0])
				return exitError{code: exitProblem}
			}
			created, err := sourceDate(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom render " + args[0]}
			}
			today, err := clockToday(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom render " + args[0]}
			}
			return e.render(renderJob{
				file: args[0], out: out, stdout: c.Bool("stdout"), layoutRef: c.String("layout"), today: today,
				opts:  render.Options{Created: created, Version: pressroom.Version, Plain: std == "none"},
				extra: extra,
			})
		},
	}
}

type renderJob struct {
	file, out, layoutRef string
	stdout               bool
	today                time.Time
	opts                 render.Options
	// extra lists the renditions written beside the PDF (--text, --html,
	// --eml); with --stdout they go beside the statement.
	extra renditions
}

// render parses, checks and typesets one statement. Diagnostics are
// printed as check prints them; with any error no file is written.
func (e *env) render(j renderJob) error {
	stmt, lay, list := e.loadForRender(j.file, j.layoutRef, j.today)
	if list.HasErrors() {
		return e.renderFailed(j.file, list)
	}
	out := j.out
	if out == "" {
		out = strings.TrimSuffix(j.file, filepath.Ext(j.file)) + ".pdf"
	}
	// Every output is checked before any is written: none may replace
	// the statement or a file of its layout.
	keep := guard(j.file, lay)
	var targets []string
	if !j.stdout {
		targets = append(targets, out)
	}
	if err := e.checkOutputs(keep, append(targets, j.extra.paths(out)...)...); err != nil {
		return err
	}
	var res render.Result
	// The e-mail draft attaches the very bytes written, so keep a copy
	// when renditions are wanted.
	var pdf bytes.Buffer
	write := func(w io.Writer) error {
		var err error
		if j.extra.any() {
			w = io.MultiWriter(w, &pdf)
		}
		res, err = render.RenderStatement(w, stmt, lay, j.opts)
		return err
	}
	var err error
	if j.stdout {
		err = write(e.stdout)
	} else {
		err = keep.WriteFile(out, write)
	}
	list = append(list, res.Warnings...)
	if err != nil {
		var le *diag.ListError
		if errors.As(err, &le) {
			list = append(list, le.List...)
			return e.renderFailed(j.file, list)
		}
		list.Sort()
		list.Write(e.stderr)
		return e.writeFailed(err)
	}
	list.Sort()
	if err := list.Write(e.stderr); err != nil {
		return err
	}
	if !j.stdout {
		fmt.Fprintf(e.stderr, "wrote %s (%s)\n", diag.Path(out), plural(res.Pages, "page"))
	}
	written, err := writeRenditions(e, stmt, lay, keep, out, pdf.Bytes(), j.extra)
	for _, p := range written {
		fmt.Fprintf(e.stderr, "wrote %s\n", diag.Path(p))
	}
	if err != nil {
		return e.writeFailed(err)
	}
	return nil
}

func (e *env) renderFailed(file string, list diag.List) error {
	list.Sort()
	list.Write(e.stderr)
	errs, warns := list.Count()
	fmt.Fprintf(e.stderr, "%s: %s; no PDF written\n", diag.Path(file), countWords(errs, warns))
	return exitError{code: exitProblem}
}

// loadForRender reads the statement and its layout (--layout, else the
// statement's layout key, else "default"), lints the layout and checks
// that its fonts can show every character. check, render and the
// renditions all start here.
func (e *env) loadForRender(file, layoutRef string, today time.Time) (*statement.Statement, *layout.Layout, diag.List) {
	name, src, err := e.readStatement(file)
	if err != nil {
		return nil, nil, unreadable(name, err)
	}
	return e.prepareStatement(name, src, layoutRef, today, e.scope(name))
}

// prepareStatement is loadForRender on a statement already read: the
// pipeline's Load with this run's layouts and layout choice. The layout
// the statement names, and the files that layout names, must be in scope.
func (e *env) prepareStatement(file string, src []byte, layoutRef string, today time.Time, scope layout.Scope) (*statement.Statement, *layout.Layout, diag.List) {
	job, list := pipeline.Load(file, src, pipeline.Options{Layouts: e.layouts, LayoutRef: layoutRef, Scope: scope, Today: today})
	if job == nil {
		return nil, nil, list
	}
	return job.Statement, job.Layout, list
}
