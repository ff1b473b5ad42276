package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/pipeline"
)

func checkCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check statement files and explain every problem in them",
		ArgsUsage: "FILE...",
		Description: "Reads each statement file, checks it against the statement format and its layout,\n" +
			"and prints every problem as path:line:col with a hint. Exits 0 when there are\n" +
			"no errors (warnings allowed), 1 when any file has an error.\n\n" +
			"A statement that names its translation (translation = \"statement.cy.toml\") is\n" +
			"checked with it: the problems of both files, and a warning in each where the\n" +
			"two versions differ in date, embargo, developments or contacts.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "print problems as `FORMAT`: text (on stderr) or json (on stdout)"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			trustFlag(),
		},
		Action: func(c *cli.Context) error {
			e.trustPaths = c.Bool("trust-paths")
			files := c.Args().Slice()
			if len(files) == 0 {
				return usageError{msg: "check needs at least one statement file", try: "pressroom new my-statement.toml && pressroom check my-statement.toml"}
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageError{msg: fmt.Sprintf("unknown --format %q: use text or json", format), try: "pressroom check --format json " + files[0]}
			}
			today, err := clockToday(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom check " + files[0]}
			}
			return e.check(files, format, c.String("layout"), today)
		},
	}
}

// fileReport is what check found in one file; its JSON form is part of the
// command's interface for scripts and editors.
type fileReport struct {
	File        string    `json:"file"`
	Errors      int       `json:"errors"`
	Warnings    int       `json:"warnings"`
	Diagnostics diag.List `json:"diagnostics"`
}

func (e *env) check(files []string, format, layoutRef string, today time.Time) error {
	lists := make([]diag.List, len(files))
	for i, file := range files {
		lists[i] = e.checkFile(file, layoutRef, today)
	}
	lists = ownFiles(files, lists)
	var reports []fileReport
	totalErrors, totalWarnings := 0, 0
	for i, file := range files {
		list := lists[i]
		if file == "-" {
			file = stdinName
		}
		list.Sort()
		errs, warns := list.Count()
		totalErrors += errs
		totalWarnings += warns
		if list == nil {
			list = diag.List{}
		}
		reports = append(reports, fileReport{File: file, Errors: errs, Warnings: warns, Diagnostics: list})
	}
	switch format {
	case "json":
		out := struct {
			Files    []fileReport `json:"files"`
			Errors   int          `json:"errors"`
			Warnings int          `json:"warnings"`
		}{reports, totalErrors, totalWarnings}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	default:
		for _, r := range reports {
			if err := r.Diagnostics.Write(e.stderr); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "%s: %s\n", diag.Path(r.File), countWords(r.Errors, r.Warnings))
		}
		if len(reports) > 1 {
			fmt.Fprintf(e.stderr, "%d files: %s\n", len(reports), countWords(totalErrors, totalWarnings))
		}
	}
	if totalErrors > 0 {
		return exitError{code: exitProblem}
	}
	return nil
}

// ownFiles puts each diagnostic under the file it is in, when that file
// is among those checked, and gives each once: checking a statement
// checks its translation too, so checking both files of a pair finds the
// translation's problems twice.
func ownFiles(files []string, lists []diag.List) []diag.List {
	index := map[string]int{}
	for i, f := range files {
		if _, ok := index[filepath.Clean(f)]; !ok && f != "-" {
			index[filepath.Clean(f)] = i
		}
	}
	type key struct {
		pos           diag.Pos
		sev, msg, key string
	}
	seen := map[key]bool{}
	out := make([]diag.List, len(lists))
	for i, list := range lists {
		for _, d := range list {
			k := key{d.Pos, d.Severity.String(), d.Message, d.Key}
			if seen[k] {
				continue
			}
			seen[k] = true
			to := i
			if j, ok := index[filepath.Clean(d.Pos.File)]; ok && d.Pos.File != "" {
				to = j
			}
			out[to] = append(out[to], d)
		}
	}
	return out
}

// checkFile runs every check on one file. A layout file is checked as a
// layout (with its lint); a statement is checked itself, then, when it is
// sound, with its layout, the fonts' coverage and a trial render.
func (e *env) checkFile(file, layoutRef string, today time.Time) diag.List {
	name, src, err := e.readStatement(file)
	if err != nil {
		return unreadable(name, err)
	}
	return pipeline.Check(name, src, pipeline.Options{Layouts: e.layouts, LayoutRef: layoutRef, Scope: e.scope(name), Today: today})
}

// clockToday is the date used for "in the future" and "in the past"
// warnings, by the pipeline's date policy: SOURCE_DATE_EPOCH when set, so
// that builds and tests are reproducible, otherwise the clock.
func clockToday(getenv func(string) string) (time.Time, error) {
	d, err := pipeline.DatesFrom(getenv("SOURCE_DATE_EPOCH"), time.Now())
	return d.Today, err
}
