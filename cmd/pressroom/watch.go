package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pipeline"
	"github.com/pressroom/pressroom/pkg/render"
)

// settle is how long watch waits after the last change before it
// renders: an editor's save is often several events (write, rename,
// chmod), and one render for them is enough.
const settle = 150 * time.Millisecond

func watchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     "render a statement again every time it (or its layout) is saved",
		ArgsUsage: "FILE",
		Description: "Renders the statement as render does, then watches its folder and renders it\n" +
			"again whenever the statement, its layout file, or a font or logo the layout\n" +
			"names is saved. Problems are printed as check prints them; while the statement\n" +
			"has errors, the last good PDF stays in place. Stop it with Ctrl-C.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "o", Aliases: []string{"output"}, Usage: "write the PDF to `FILE` instead of next to the statement"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			&cli.StringFlag{Name: "pdf-standard", Value: "ua-a", Usage: "the `STANDARD` to meet, ua-a: a tagged, accessible PDF/UA-1 and PDF/A-2b file; none: a plain PDF"},
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
				return usageError{msg: "watch needs a statement file", try: "pressroom new my-statement.toml && pressroom watch my-statement.toml"}
			case len(args) > 1:
				return usageError{msg: fmt.Sprintf("watch takes one statement file, not %d", len(args)), try: "pressroom watch " + args[0]}
			case args[0] == "-":
				return usageError{msg: "watch needs a file to watch, not standard input", try: "pressroom watch statement.toml"}
			}
			std := c.String("pdf-standard")
			if std != "ua-a" && std != "none" {
				return usageError{msg: fmt.Sprintf("unknown --pdf-standard %q: use ua-a or none", std), try: "pressroom watch --pdf-standard none " + args[0]}
			}
			created, err := sourceDate(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom watch " + args[0]}
			}
			today, err := clockToday(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom watch " + args[0]}
			}
			if _, err := os.Stat(args[0]); err != nil {
				return usageError{msg: fmt.Sprintf("cannot watch %s: %v", args[0], errors.Unwrap(err)), try: "pressroom new " + args[0]}
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return e.watch(ctx, renderJob{
				file: args[0], out: c.String("o"), layoutRef: c.String("layout"), today: today,
				opts: render.Options{Created: created, Version: pressroom.Version, Plain: std == "none"},
			}, nil)
		},
	}
}

// watch renders j, then renders it again after every change to the
// statement or the files of its layout, until ctx is done (Ctrl-C),
// when it returns the interrupted exit code. A render with errors
// writes nothing, so the last good PDF stays. rendered, when not nil,
// is told after each render (for tests).
func (e *env) watch(ctx context.Context, j renderJob, rendered func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", j.file, err)
	}
	defer w.Close()

	watched := map[string]bool{} // absolute paths of the files that count
	dirs := map[string]bool{}    // folders added to the watcher
	once := func() {
		// A fresh library, so that a changed layout file, font or logo
		// is read again rather than taken from the last render's cache.
		e.layouts = layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
		e.renderOnce(j)
		files := e.watchFiles(j)
		for f := range watched {
			delete(watched, f)
		}
		for _, f := range files {
			watched[f] = true
			// Editors save by writing a new file and renaming it over
			// the old one, which ends a watch on the file itself: watch
			// its folder and pick its name out of the events.
			if d := filepath.Dir(f); !dirs[d] {
				if err := w.Add(d); err != nil {
					fmt.Fprintf(e.stderr, "pressroom: cannot watch %s: %v\n", diag.Path(d), err)
					continue
				}
				dirs[d] = true
			}
		}
		if rendered != nil {
			rendered()
		}
	}
	once()
	fmt.Fprintf(e.stderr, "watching %s for changes; press Ctrl-C to stop\n", diag.Path(j.file))

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	changed := "" // the file whose change the timer waits to render
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintf(e.stderr, "stopped watching %s\n", diag.Path(j.file))
			return exitError{code: exitInterrupted}
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if watched[filepath.Clean(ev.Name)] && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Chmod) != 0 {
				changed = ev.Name
				timer.Reset(settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(e.stderr, "pressroom: watching %s: %v\n", diag.Path(j.file), err)
		case <-timer.C:
			if _, err := os.Stat(j.file); err != nil {
				// Between an editor's rename and its write: the next
				// event brings the file back.
				continue
			}
			fmt.Fprintf(e.stderr, "%s changed: rendering %s again\n", diag.Path(shownPath(changed)), diag.Path(j.file))
			once()
		}
	}
}

// shownPath is path relative to the working folder when it lies inside
// it, as the user named it.
func shownPath(path string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return path
}

// renderOnce renders j as render does and prints what happened; a
// statement with errors writes nothing and leaves the last PDF.
func (e *env) renderOnce(j renderJob) {
	err := e.render(j)
	var ee exitError
	switch {
	case err == nil, errors.As(err, &ee):
		// render printed the diagnostics and what it wrote.
	default:
		fmt.Fprintf(e.stderr, "pressroom: %s\n", diag.Visible(err.Error()))
	}
}

// watchFiles are the absolute paths whose changes call for a render: the
// statement, and when it loads far enough to name them its layout's
// files (the layout file, its fonts and logo) and its translation with
// that one's layout files, since a bilingual PDF holds both.
func (e *env) watchFiles(j renderJob) []string {
	files := []string{j.file}
	if name, src, err := e.readStatement(j.file); err == nil {
		job, _ := pipeline.Load(name, src, pipeline.Options{Layouts: e.layouts, LayoutRef: j.layoutRef, Scope: e.scope(name), Today: j.today})
		if job != nil {
			files = append(files, job.Inputs()...)
		}
	}
	var out []string
	for _, f := range files {
		if strings.HasPrefix(f, "builtin:") {
			continue
		}
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		if !slices.Contains(out, abs) {
			out = append(out, abs)
		}
	}
	return out
}
