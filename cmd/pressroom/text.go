package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/output"
	"github.com/pressroom/pressroom/pkg/pipeline"
	"github.com/pressroom/pressroom/pkg/plaintext"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
	"github.com/pressroom/pressroom/pkg/webpage"
)

func textCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "text",
		Usage:     "write a statement as plain text, ready to paste into an e-mail",
		ArgsUsage: "FILE",
		Description: "Writes the release as plain text wrapped at 72 columns: kind, release line,\n" +
			"headline, date, body, signatures, ENDS, notes and contacts. Links show as\n" +
			"their text followed by the address in brackets. Without -o the text goes to\n" +
			"standard output. A statement with a translation gives both languages, Welsh\n" +
			"first, with a line \"* * *\" between them (--separate: a file for each).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT.txt` instead of standard output"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			separateFlag(".txt"),
			trustFlag(),
		},
		Action: func(c *cli.Context) error {
			file, err := oneFile(c, "pressroom new my-statement.toml && pressroom text my-statement.toml -o release.txt")
			if err != nil {
				return err
			}
			e.trustPaths = c.Bool("trust-paths")
			in, err := e.loadRelease(c.Command.Name, file, c.String("layout"))
			if err != nil {
				return err
			}
			return e.emitRelease(in, file, c.String("output"), ".txt", c.Bool("separate"), plaintext.WriteAll)
		},
	}
}

// loaded is a statement read for a rendition, with its layout, the
// release resolved from both, and the warnings already shown.
type loaded struct {
	release *release.Release
	// releases are the halves of a bilingual statement in reading order
	// (the statement alone when it names no translation).
	releases []*release.Release
	job      *pipeline.Job
	stmt     *statement.Statement
	layout   *layout.Layout
	warnings diag.List
}

// loadRelease reads file and its layout (layoutRef, else the statement's
// own, else the default) as render does, so a statement is valid or not
// alike for every output, and resolves them into a release. Problems are
// printed as path:line:col on stderr, warnings too; an error means the
// user has been told and the command should exit with exitProblem.
// command names the command for the try: line of a usage error.
func (e *env) loadRelease(command, file, layoutRef string) (loaded, error) {
	today, err := clockToday(e.getenv)
	if err != nil {
		return loaded{}, usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom " + command + " " + file}
	}
	job, list := e.loadJob(file, layoutRef, today)
	list.Sort()
	list.Write(e.stderr)
	if job == nil || list.HasErrors() {
		return loaded{}, exitError{code: exitProblem}
	}
	r, err := job.Release()
	if err != nil {
		return loaded{}, fmt.Errorf("%s: %w", file, err)
	}
	rels, err := job.Releases()
	if err != nil {
		return loaded{}, fmt.Errorf("%s: %w", file, err)
	}
	return loaded{release: r, releases: rels, job: job, stmt: job.Statement, layout: job.Layout, warnings: list}, nil
}

// separateFlag is --separate of text and html.
func separateFlag(ext string) cli.Flag {
	return &cli.BoolFlag{Name: "separate", Usage: "for a statement with a translation, write one file per language (beside each statement, or OUT.LANG" + ext + " with -o) instead of one with both"}
}

// emitRelease writes a rendition of the loaded statement: both languages
// in one file (write given every half, in reading order), or with
// separate one file per language named by separateName.
func (e *env) emitRelease(in loaded, file, out, ext string, separate bool, write func(io.Writer, []*release.Release) error) error {
	keep := guardJob(file, in.job)
	if !separate || in.job.Translation == nil {
		return e.emit(out, keep, func(w io.Writer) error { return write(w, in.releases) })
	}
	return e.emitHalves(in, file, out, ext, func(_ *pipeline.Job, r *release.Release) (func(io.Writer) error, error) {
		return func(w io.Writer) error { return write(w, []*release.Release{r}) }, nil
	})
}

// emitHalves writes one file per language of a bilingual statement, each
// named by separateName, after checking that none of the names is an
// input; writeHalf says what to write for one half.
func (e *env) emitHalves(in loaded, file, out, ext string, writeHalf func(*pipeline.Job, *release.Release) (func(io.Writer) error, error)) error {
	keep := guardJob(file, in.job)
	halves := in.job.Halves()
	paths := make([]string, 0, len(halves))
	for _, h := range halves {
		paths = append(paths, separateName(out, ext, h))
	}
	if err := e.checkOutputs(keep, paths...); err != nil {
		return err
	}
	for i, h := range halves {
		r, err := h.Release()
		if err != nil {
			return err
		}
		write, err := writeHalf(h, r)
		if err != nil {
			return err
		}
		if err := e.emit(paths[i], keep, write); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", diag.Path(paths[i]))
	}
	return nil
}

// emit writes through write to path, atomically, or to stdout when path
// is empty or "-"; keep says which files path may not be.
func (e *env) emit(path string, keep output.Options, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		_, err := e.stdout.Write(b.Bytes())
		return err
	}
	if err := keep.WriteFile(path, write); err != nil {
		return e.writeFailed(err)
	}
	return nil
}

// renditions says which forms writeRenditions writes beside a PDF.
type renditions struct {
	Text, HTML, EML bool
}

// any reports whether any form is asked for.
func (r renditions) any() bool { return r.Text || r.HTML || r.EML }

// paths lists the files writeRenditions writes beside the PDF pdfPath.
func (r renditions) paths(pdfPath string) []string {
	base := strings.TrimSuffix(pdfPath, ".pdf")
	var out []string
	for _, f := range []struct {
		on  bool
		ext string
	}{{r.Text, ".txt"}, {r.HTML, ".html"}, {r.EML, ".eml"}} {
		if f.on {
			out = append(out, base+f.ext)
		}
	}
	return out
}

// writeRenditions writes the asked-for forms of the job beside a PDF:
// base+".txt", base+".html" and base+".eml" (base is the PDF's path
// without ".pdf"); a job with a translation gives bilingual ones, as the
// PDF is. The .eml is a draft with no recipients and pdf, the PDF's
// bytes, attached; it is dated like the PDF (SOURCE_DATE_EPOCH or the
// statement's date). Each file is written atomically, and never over one
// of keep's inputs. It returns the paths written. render
// --text/--html/--eml and batch call it.
func writeRenditions(e *env, job *pipeline.Job, keep output.Options, base string, pdf []byte, want renditions) ([]string, error) {
	if !want.any() {
		return nil, nil
	}
	rels, err := job.Releases()
	if err != nil {
		return nil, err
	}
	base = strings.TrimSuffix(base, ".pdf")
	var written []string
	if want.Text {
		p := base + ".txt"
		if err := keep.WriteFile(p, func(w io.Writer) error { return plaintext.WriteAll(w, rels) }); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	if want.HTML {
		p := base + ".html"
		if err := keep.WriteFile(p, func(w io.Writer) error { return webpage.WriteAll(w, rels) }); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	if want.EML {
		p := base + ".eml"
		m, err := buildEmail(e, rels, pdf, emailFlags{})
		if err != nil {
			return written, err
		}
		if err := keep.WriteFile(p, func(w io.Writer) error { _, err := m.WriteTo(w); return err }); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}
