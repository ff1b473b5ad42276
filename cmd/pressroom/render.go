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
	"github.com/pressroom/pressroom/pkg/output"
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
			"as path:line:col with a hint, and the exit status is 1.\n\n" +
			"A statement that names its translation (translation = \"statement.cy.toml\") gives\n" +
			"one bilingual PDF, Welsh first when one half is Welsh, else the file named first;\n" +
			"--separate writes one PDF per language instead: each beside its own statement,\n" +
			"or with -o OUT.pdf as OUT.LANG.pdf (OUT.cy.pdf, OUT.en-GB.pdf).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "o", Aliases: []string{"output"}, Usage: "write the PDF to `FILE` instead of next to the statement"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			&cli.BoolFlag{Name: "stdout", Usage: "write the PDF to standard output"},
			&cli.StringFlag{Name: "pdf-standard", Value: "ua-a", Usage: "the `STANDARD` to meet, ua-a: a tagged, accessible PDF/UA-1 and PDF/A-2b file; none: a plain PDF"},
			&cli.BoolFlag{Name: "text", Usage: "also write the plain-text rendition (.txt) beside the PDF"},
			&cli.BoolFlag{Name: "html", Usage: "also write the HTML page (.html) beside the PDF"},
			&cli.BoolFlag{Name: "eml", Usage: "also write an e-mail draft (.eml) with the PDF attached beside the PDF"},
			&cli.BoolFlag{Name: "separate", Usage: "for a statement with a translation, write one PDF per language instead of one bilingual PDF"},
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
			if c.Bool("separate") && c.Bool("stdout") {
				return usageError{msg: "--separate writes one PDF per language, and standard output can take one: give -o OUT.pdf (OUT.cy.pdf, OUT.en-GB.pdf) or neither",
					try: "pressroom render --separate " + args[0]}
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
				extra: extra, separate: c.Bool("separate"),
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
	// separate writes one PDF per language of a bilingual statement.
	separate bool
}

// render parses, checks and typesets one statement (with its
// translation, when it names one). Diagnostics are printed as check
// prints them; with any error no file is written.
func (e *env) render(j renderJob) error {
	job, list := e.loadJob(j.file, j.layoutRef, j.today)
	if job == nil || list.HasErrors() {
		return e.renderFailed(j.file, list)
	}
	if j.separate && job.Translation != nil {
		return e.renderSeparate(j, job, list)
	}
	out := j.out
	if out == "" {
		out = strings.TrimSuffix(j.file, filepath.Ext(j.file)) + ".pdf"
	}
	// Every output is checked before any is written: none may replace
	// the statement, its translation or a file of their layouts.
	keep := guardJob(j.file, job)
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
		res, err = job.Render(w, j.opts)
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
		return e.renderOrWriteFailed(j.file, list, err)
	}
	list.Sort()
	if err := list.Write(e.stderr); err != nil {
		return err
	}
	if !j.stdout {
		fmt.Fprintf(e.stderr, "wrote %s (%s)\n", diag.Path(out), plural(res.Pages, "page"))
	}
	written, err := writeRenditions(e, job, keep, out, pdf.Bytes(), j.extra)
	for _, p := range written {
		fmt.Fprintf(e.stderr, "wrote %s\n", diag.Path(p))
	}
	if err != nil {
		return e.writeFailed(err)
	}
	return nil
}

// renderSeparate writes each language of a bilingual statement as a PDF
// of its own (render --separate), each in its own layout, named by
// separateName; the renditions asked for go beside each.
func (e *env) renderSeparate(j renderJob, job *pipeline.Job, list diag.List) error {
	keep := guardJob(j.file, job)
	halves := job.Halves()
	var targets []string
	for _, h := range halves {
		out := separateName(j.out, ".pdf", h)
		targets = append(append(targets, out), j.extra.paths(out)...)
	}
	if err := e.checkOutputs(keep, targets...); err != nil {
		return err
	}
	type done struct {
		out   string
		pages int
		pdf   []byte
	}
	var made []done
	for _, h := range halves {
		out := separateName(j.out, ".pdf", h)
		var res render.Result
		var pdf bytes.Buffer
		err := keep.WriteFile(out, func(w io.Writer) error {
			var err error
			res, err = h.Alone().Render(io.MultiWriter(w, &pdf), j.opts)
			return err
		})
		list = append(list, res.Warnings...)
		if err != nil {
			return e.renderOrWriteFailed(j.file, list, err)
		}
		made = append(made, done{out, res.Pages, pdf.Bytes()})
	}
	list.Sort()
	if err := list.Write(e.stderr); err != nil {
		return err
	}
	for i, d := range made {
		fmt.Fprintf(e.stderr, "wrote %s (%s)\n", diag.Path(d.out), plural(d.pages, "page"))
		written, err := writeRenditions(e, halves[i].Alone(), keep, d.out, d.pdf, j.extra)
		for _, p := range written {
			fmt.Fprintf(e.stderr, "wrote %s\n", diag.Path(p))
		}
		if err != nil {
			return e.writeFailed(err)
		}
	}
	return nil
}

// separateName is where --separate writes the half h of a bilingual
// statement, as a file ending in ext: beside h's own statement under its
// stem (statement.cy.toml → statement.cy.pdf), or, when the user gave
// out, out with the half's language before the extension (out.pdf →
// out.cy.pdf).
func separateName(out, ext string, h *pipeline.Job) string {
	if out == "" {
		return strings.TrimSuffix(h.Name, filepath.Ext(h.Name)) + ext
	}
	return strings.TrimSuffix(out, ext) + "." + h.Statement.Lang + ext
}

// loadJob reads the statement (and its translation, when it names one)
// with its layout through pipeline.Load: every check, as check runs it.
func (e *env) loadJob(file, layoutRef string, today time.Time) (*pipeline.Job, diag.List) {
	name, src, err := e.readStatement(file)
	if err != nil {
		return nil, unreadable(name, err)
	}
	return pipeline.Load(name, src, pipeline.Options{Layouts: e.layouts, LayoutRef: layoutRef, Scope: e.scope(name), Today: today})
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

// guardJob is guard for a job: its translation and the translation's
// layout files may not be overwritten either.
func guardJob(name string, job *pipeline.Job) output.Options {
	o := guard(name, job.Layout)
	o.Inputs = append(o.Inputs, job.Inputs()...)
	return o
}

// renderOrWriteFailed reports a render that did not finish: the
// problems typesetting found (a *diag.ListError), with the warnings so
// far, or else the write's error after them.
func (e *env) renderOrWriteFailed(file string, list diag.List, err error) error {
	var le *diag.ListError
	if errors.As(err, &le) {
		return e.renderFailed(file, append(list, le.List...))
	}
	list.Sort()
	list.Write(e.stderr)
	return e.writeFailed(err)
}
