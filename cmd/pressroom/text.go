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
	"github.com/pressroom/pressroom/pkg/plaintext"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

func textCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "text",
		Usage:     "write a statement as plain text, ready to paste into an e-mail",
		ArgsUsage: "FILE",
		Description: "Writes the release as plain text wrapped at 72 columns: kind, release line,\n" +
			"headline, date, body, signatures, ENDS, notes and contacts. Links show as\n" +
			"their text followed by the address in brackets. Without -o the text goes to\n" +
			"standard output.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT.txt` instead of standard output"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
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
			return e.emit(c.String("output"), guard(file, in.layout), func(w io.Writer) error { return plaintext.Write(w, in.release) })
		},
	}
}

// oneFile returns the command's single statement file, or a usage error
// whose try: line is example. Flags may follow the file, as in
// "pressroom text seed.toml -o seed.txt".
func oneFile(c *cli.Context, example string) (string, error) {
	args, err := trailingFlags(c)
	if err != nil {
		return "", err
	}
	switch len(args) {
	case 1:
		return args[0], nil
	case 0:
		return "", usageError{msg: c.Command.Name + " needs a statement file", try: example}
	default:
		return "", usageError{msg: fmt.Sprintf("%s takes one statement file, not %d", c.Command.Name, len(args)), try: example}
	}
}

// loaded is a statement read for a rendition, with its layout, the
// release resolved from both, and the warnings already shown.
type loaded struct {
	release  *release.Release
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
	stmt, lay, list := e.loadForRender(file, layoutRef, today)
	list.Sort()
	list.Write(e.stderr)
	if stmt == nil || lay == nil || list.HasErrors() {
		return loaded{}, exitError{code: exitProblem}
	}
	r, err := release.New(stmt, lay)
	if err != nil {
		return loaded{}, fmt.Errorf("%s: %w", file, err)
	}
	return loaded{release: r, stmt: stmt, layout: lay, warnings: list}, nil
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

// writeRenditions writes the asked-for forms of stmt in lay beside a PDF:
// base+".txt", base+".html" and base+".eml" (base is the PDF's path
// without ".pdf"). The .eml is a draft with no recipients and pdf, the
// PDF's bytes, attached; it is dated like the PDF (SOURCE_DATE_EPOCH or
// the statement's date). Each file is written atomically, and never over
// one of keep's inputs. It returns the paths written. render
// --text/--html/--eml and batch call it.
func writeRenditions(e *env, stmt *statement.Statement, lay *layout.Layout, keep output.Options, base string, pdf []byte, want renditions) ([]string, error) {
	if !want.any() {
		return nil, nil
	}
	r, err := release.New(stmt, lay)
	if err != nil {
		return nil, err
	}
	base = strings.TrimSuffix(base, ".pdf")
	var written []string
	if want.Text {
		p := base + ".txt"
		if err := keep.WriteFile(p, func(w io.Writer) error { return plaintext.Write(w, r) }); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	if want.HTML {
		p := base + ".html"
		if err := keep.WriteFile(p, func(w io.Writer) error { return writeHTML(w, r) }); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	if want.EML {
		p := base + ".eml"
		m, err := buildEmail(e, r, pdf, emailFlags{})
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
