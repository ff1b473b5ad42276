package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/batch"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/pipeline"
	"github.com/pressroom/pressroom/pkg/render"
)

func batchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "render many statements (files, folders of *.toml, or - for paths on stdin) into a folder of PDFs",
		ArgsUsage: "INPUT... --out-dir DIR",
		// batch merge joins the shards' manifests; any other first
		// argument is an input (name a folder called merge ./merge).
		Subcommands:     []*cli.Command{batchMergeCommand(e)},
		HideHelpCommand: true,
		Description:     batchDescription,
		Flags:           batchFlags(),
		Action: func(c *cli.Context) error {
			inputs, err := trailingFlags(c)
			if err != nil {
				return err
			}
			if len(inputs) == 0 {
				return usageError{msg: "batch needs at least one statement file or folder", try: "pressroom batch archive/ --out-dir pdf/"}
			}
			outDir := c.String("out-dir")
			if outDir == "" {
				return usageError{msg: "batch needs --out-dir, the folder to write the PDFs into", try: "pressroom batch " + strings.Join(inputs, " ") + " --out-dir pdf/"}
			}
			if msg := outDirFile(outDir); msg != "" {
				return usageError{msg: msg, try: "pressroom batch " + strings.Join(inputs, " ") + " --out-dir pdf/"}
			}
			jobs := c.Int("jobs")
			if jobs < 1 {
				return usageError{msg: fmt.Sprintf("--jobs %d: give at least 1", jobs), try: "pressroom batch --jobs 2 " + strings.Join(inputs, " ") + " --out-dir " + outDir}
			}
			shard, manifest, err := e.batchShard(c, inputs, outDir)
			if err != nil {
				return err
			}
			if c.Bool("quiet") && c.Bool("verbose") {
				return usageError{msg: "--quiet and --verbose cannot both be given", try: "pressroom batch --verbose " + strings.Join(inputs, " ") + " --out-dir " + outDir}
			}
			today, err := clockToday(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom batch " + strings.Join(inputs, " ") + " --out-dir " + outDir}
			}
			created, err := sourceDate(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom batch " + strings.Join(inputs, " ") + " --out-dir " + outDir}
			}
			std := c.String("pdf-standard")
			if std != "ua-a" && std != "none" {
				return usageError{msg: fmt.Sprintf("unknown --pdf-standard %q: use ua-a or none", std), try: "pressroom batch --pdf-standard none " + strings.Join(inputs, " ") + " --out-dir " + outDir}
			}
			mode := logLines
			switch {
			case c.Bool("quiet"):
				mode = logQuiet
			case c.Bool("verbose"):
				mode = logVerbose
			case isTerminal(e.stderr, e.getenv):
				mode = logBar
			}
			if e.getenv("GOGC") == "" {
				// A document allocates about 2.6 MB and keeps nothing, while
				// the run keeps about 20 MB live (fonts, layout, state).
				// Collecting at 5× the live heap instead of 2× costs about
				// 60 MB more and saves about a fifth of the CPU time
				// (measured in bench/README.md). Memory stays flat.
				defer debug.SetGCPercent(debug.SetGCPercent(400))
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return e.batch(ctx, batchRun{
				opts: batch.Options{
					Inputs: inputs, Stdin: e.stdin, OutDir: outDir, Jobs: jobs, KeepStatements: c.String("keep-toml"),
					Force: c.Bool("force"), FailFast: c.Bool("fail-fast"), Shard: shard, Sync: c.Bool("sync"),
					Prepare: e.batchPrepare(c.String("layout"), batchScope(inputs, c.Bool("trust-paths")), today,
						// One cache for the run: fonts parsed and logos decoded once.
						render.Options{Created: created, Version: pressroom.Version, Plain: std == "none", Cache: render.NewCache()},
						renditions{Text: c.Bool("text"), HTML: c.Bool("html"), EML: c.Bool("eml")}),
				},
				manifest: manifest,
				run: batch.ManifestRun{Shard: shard, Options: map[string]string{
					// What changes the bytes written, or which inputs fail.
					"layout": c.String("layout"), "pdf-standard": std,
					"text": fmt.Sprint(c.Bool("text")), "html": fmt.Sprint(c.Bool("html")), "eml": fmt.Sprint(c.Bool("eml")),
					"trust-paths": fmt.Sprint(c.Bool("trust-paths")), "SOURCE_DATE_EPOCH": e.getenv("SOURCE_DATE_EPOCH"),
					"pressroom": pressroom.Version,
				}},
				mode: mode,
				stop: stop,
			})
		},
	}
}

// outDirFile says what is wrong with an --out-dir that is a file, or lies
// under one, where making the folder would fail with only "not a
// directory"; empty otherwise (a missing folder is made by the run).
func outDirFile(dir string) string {
	want := filepath.Clean(dir)
	for p := want; ; {
		if fi, err := os.Stat(p); err == nil {
			switch {
			case fi.IsDir():
				return ""
			case p == want:
				return fmt.Sprintf("--out-dir %s is a file, not a folder: give a folder to write the PDFs into (it is made if it does not exist)", dir)
			default:
				return fmt.Sprintf("--out-dir %s cannot be made: %s is a file, not a folder; give a path made of folders only", dir, p)
			}
		}
		up := filepath.Dir(p)
		if up == p {
			return ""
		}
		p = up
	}
}

// shardPlaceholder in a --manifest name becomes the shard, as 2-of-4, so
// that the workers of one command line write one manifest each.
const shardPlaceholder = "{shard}"

// manifestWithShard puts the placeholder before the extension.
func manifestWithShard(name string) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + shardPlaceholder + ext
}

// shardsFlag repeats --shards N for a try: line.
func shardsFlag(c *cli.Context) string {
	if !c.IsSet("shards") {
		return ""
	}
	return fmt.Sprintf(" --shards %d", c.Int("shards"))
}

func shardOrWhole(sh batch.Shard) batch.Shard {
	if sh == (batch.Shard{}) {
		return batch.Shard{Index: 1, Count: 1}
	}
	return sh
}

// logMode is how a batch tells the user what it does.
type logMode int

const (
	logLines   logMode = iota // one line per file (stderr is not a terminal)
	logBar                    // a progress bar, problems printed above it
	logQuiet                  // failures and the summary only
	logVerbose                // one line per file with pages and size
)

type batchRun struct {
	opts     batch.Options
	manifest string
	run      batch.ManifestRun
	mode     logMode
	// stop restores the default signal handling, so that a second Ctrl-C
	// ends the program at once.
	stop func()
}

func (e *env) batch(ctx context.Context, b batchRun) error {
	var manifest *batch.Manifest
	if b.manifest != "" {
		m, err := batch.CreateManifest(b.manifest)
		if err != nil {
			return err
		}
		m.SetRun(b.run)
		manifest = m
	}
	log := newBatchLog(e.stderr, b.mode)
	b.opts.Found = log.found
	b.opts.Report = func(r batch.Result) {
		if manifest != nil {
			manifest.Add(r)
		}
		log.result(r)
	}
	finished := make(chan struct{})
	defer close(finished)
	go func() {
		select {
		case <-ctx.Done():
			b.stop()
			log.printf("interrupted: finishing the documents being written (press Ctrl-C again to stop at once)\n")
		case <-finished:
		}
	}()

	start := time.Now()
	sum, err := batch.Run(ctx, b.opts)
	elapsed := time.Since(start)
	log.close(sum.Interrupted)
	if manifest != nil {
		if err != nil {
			manifest.Discard()
		} else if merr := manifest.Commit(sum); merr != nil {
			err = merr
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, summaryLine(sum, elapsed, b.opts.Shard))
	if sum.Warnings > 0 && b.mode != logVerbose {
		fmt.Fprintf(e.stderr, "hint: --verbose lists the warnings, and --manifest FILE.json records them\n")
	}
	if sum.Total() == 0 && sum.OtherShards == 0 {
		// An empty result is most often the wrong folder: say what batch
		// looks for rather than report success at nothing.
		fmt.Fprintf(e.stderr, "hint: no statements (*.toml) or archived releases (.txt, .md, .html, .docx, .eml, .mbox) were found in %s\n", strings.Join(b.opts.Inputs, " "))
	}
	switch {
	case sum.Interrupted:
		fmt.Fprintf(e.stderr, "interrupted: run the same command again to continue; PDFs already written are kept\n")
		return exitError{code: exitInterrupted}
	case sum.StoppedEarly:
		fmt.Fprintf(e.stderr, "stopped at the first failure (--fail-fast)\n")
		return exitError{code: exitProblem}
	case sum.Failed > 0:
		return exitError{code: exitProblem}
	}
	return nil
}

func summaryLine(s batch.Summary, elapsed time.Duration, sh batch.Shard) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d rendered, %d unchanged, %d failed", s.Rendered, s.Unchanged, s.Failed)
	if s.Paired > 0 {
		fmt.Fprintf(&b, ", %d paired (rendered with their translation)", s.Paired)
	}
	if s.Skipped > 0 {
		fmt.Fprintf(&b, ", %d skipped", s.Skipped)
	}
	if s.Cancelled > 0 {
		fmt.Fprintf(&b, ", %d not started", s.Cancelled)
	}
	fmt.Fprintf(&b, ", %s", plural(s.Warnings, "warning"))
	secs := elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Rendered+s.Unchanged+s.Failed) / secs
	}
	fmt.Fprintf(&b, " in %.2f s (%.1f documents/s)", secs, rate)
	if sh.Count > 1 {
		fmt.Fprintf(&b, "; shard %s, %d inputs left to other shards", sh, s.OtherShards)
	}
	return b.String()
}

// batchLog prints what a batch does, as lines or above a progress bar.
// result is called from one goroutine, found from another.
type batchLog struct {
	w    io.Writer
	mode logMode

	progress *mpb.Progress
	bar      *mpb.Bar

	mu       sync.Mutex
	failures int
	// notStarted counts the inputs not started, in result (one goroutine).
	notStarted int
}

// maxNotStarted is how many inputs not started are named one by one.
const maxNotStarted = 10

func newBatchLog(stderr io.Writer, mode logMode) *batchLog {
	l := &batchLog{w: stderr, mode: mode}
	start := time.Now()
	if mode == logBar {
		l.progress = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(32), mpb.WithRefreshRate(120*time.Millisecond))
		l.bar = l.progress.AddBar(0,
			mpb.PrependDecorators(
				decor.Name("rendering "),
				decor.CountersNoUnit("%d/%d", decor.WCSyncWidth),
			),
			mpb.AppendDecorators(
				decor.AverageSpeed(0, " %.1f docs/s", decor.WCSyncWidth),
				decor.Any(func(s decor.Statistics) string { return etaText(s.Current, s.Total, time.Since(start)) }),
				decor.Any(func(decor.Statistics) string {
					l.mu.Lock()
					defer l.mu.Unlock()
					if l.failures == 0 {
						return ""
					}
					return "  " + plural(l.failures, "failure")
				}),
			),
		)
	}
	return l
}

// found moves the bar's total as the walk finds inputs.
func (l *batchLog) found(n int, complete bool) {
	if l.bar != nil {
		l.bar.SetTotal(int64(n), false)
	}
}

// printf writes a message, above the bar when there is one.
func (l *batchLog) printf(format string, args ...any) {
	if l.progress != nil {
		if _, err := fmt.Fprintf(l.progress, format, args...); err == nil {
			return
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format, args...)
}

func (l *batchLog) result(r batch.Result) {
	if r.Status == batch.Failed {
		l.mu.Lock()
		l.failures++
		l.mu.Unlock()
	}
	var b strings.Builder
	switch {
	case r.Status == batch.Failed:
		fmt.Fprintf(&b, "failed %s\n", diag.Path(r.Input))
		writeDiags(&b, r.Diagnostics())
	case r.Status == batch.Skipped && l.mode != logQuiet:
		fmt.Fprintf(&b, "skipped %s: %s\n", diag.Path(r.Input), diag.Visible(r.Err.Error()))
		if ds := r.Diagnostics(); len(ds) == 1 && ds[0].Hint != "" {
			fmt.Fprintf(&b, "    hint: %s\n", diag.Visible(ds[0].Hint))
		}
	case l.mode == logLines, l.mode == logVerbose:
		switch r.Status {
		case batch.Paired:
			fmt.Fprintf(&b, "paired %s → %s (rendered with %s)\n", diag.Path(r.Input), diag.Path(r.Output), diag.Path(r.Pair))
		case batch.Rendered, batch.Unchanged:
			fmt.Fprintf(&b, "%s %s → %s", r.Status, diag.Path(r.Input), diag.Path(r.Output))
			if r.Pair != "" {
				fmt.Fprintf(&b, " (with %s)", diag.Path(r.Pair))
			}
			if l.mode == logVerbose {
				fmt.Fprintf(&b, " (%s, %.1f kB)", plural(r.Pages, "page"), float64(r.Bytes)/1000)
			} else if len(r.Warnings) > 0 {
				fmt.Fprintf(&b, " (%s)", plural(len(r.Warnings), "warning"))
			}
			b.WriteString("\n")
		case batch.Cancelled:
			// After a stop every input left is reported; a few name
			// the place, the summary counts them and the manifest
			// lists them all.
			if l.notStarted++; l.notStarted <= maxNotStarted {
				fmt.Fprintf(&b, "not started %s\n", diag.Path(r.Input))
			} else if l.notStarted == maxNotStarted+1 {
				b.WriteString("not started: the others too (the summary counts them; --manifest lists them)\n")
			}
		}
	}
	// Warnings of an archive are many and mostly old news: listed with
	// --verbose (and in the manifest), counted otherwise.
	if l.mode == logVerbose {
		writeDiags(&b, r.Warnings)
	}
	if b.Len() > 0 {
		l.printf("%s", b.String())
	}
	// An input not started is not progress: counting it would run the
	// bar to the end as if the run had finished.
	if l.bar != nil && r.Status != batch.Cancelled {
		l.bar.Increment()
	}
}

// etaText is the bar's estimate of the time left, from the average so far;
// before the first document is done there is no average to go on.
func etaText(done, total int64, elapsed time.Duration) string {
	if done <= 0 || total <= 0 || done > total {
		return "  ETA --:--"
	}
	left := (elapsed / time.Duration(done) * time.Duration(total-done)).Round(time.Second)
	return fmt.Sprintf("  ETA %02d:%02d", int(left.Minutes()), int(left.Seconds())%60)
}

func writeDiags(b *strings.Builder, l diag.List) {
	for _, d := range l {
		// Flush left, so editors and CI logs recognise path:line:col.
		fmt.Fprintln(b, d.String())
	}
}

// close finishes the bar: complete when the run went through, left where
// it stopped when it was interrupted.
func (l *batchLog) close(interrupted bool) {
	if l.progress == nil {
		return
	}
	if interrupted {
		l.bar.Abort(false)
	} else {
		l.bar.SetTotal(-1, true)
	}
	l.progress.Wait()
}

// isTerminal reports whether w is a terminal that can redraw a progress bar.
func isTerminal(w io.Writer, getenv func(string) string) bool {
	f, ok := w.(*os.File)
	if !ok || getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// sourceDate is the PDFs' creation date by the pipeline's date policy:
// SOURCE_DATE_EPOCH, or zero so each PDF takes its statement's date.
func sourceDate(getenv func(string) string) (time.Time, error) {
	d, err := pipeline.DatesFrom(getenv("SOURCE_DATE_EPOCH"), time.Now())
	return d.Created, err
}

// batchPrepare is the real per-document work: parse, resolve the layout
// (from --layout or the statement), and typeset on Write. The layouts come
// from the process's one Library, so fonts and logos are loaded once.
func (e *env) batchPrepare(layoutRef string, scope layout.Scope, today time.Time, opts render.Options, want renditions) batch.Prepare {
	prints := &pipeline.Fingerprints{Options: opts, Version: pressroom.Version}
	if want.any() {
		// The other forms depend on the same statement and layout; asking
		// for a new one renders again so it is written.
		prints.Extra = fmt.Sprintf("text=%v html=%v eml=%v", want.Text, want.HTML, want.EML)
	}
	var beside []string
	for _, r := range []struct {
		on  bool
		ext string
	}{{want.Text, ".txt"}, {want.HTML, ".html"}, {want.EML, ".eml"}} {
		if r.on {
			beside = append(beside, r.ext)
		}
	}
	return func(ctx context.Context, file string, src []byte) (batch.Document, error) {
		job, list := pipeline.Load(file, src, pipeline.Options{Layouts: e.layouts, LayoutRef: layoutRef, Scope: scope, Today: today, Import: true})
		if job == nil {
			list.Sort()
			return batch.Document{}, &diag.ListError{List: list}
		}
		lay := job.Layout
		doc := batch.Document{
			Fingerprint: prints.Of(lay),
			Statement:   job.Imported,
			Warnings:    list,
			Inputs:      job.Inputs(),
			Write: func(w io.Writer) (int, diag.List, error) {
				res, err := job.Render(w, opts)
				return res.Pages, res.Warnings, err
			},
		}
		if want.any() {
			doc.Beside = beside
			doc.After = func(pdfPath string, pdf []byte) error {
				_, err := writeRenditions(e, job, guardJob(file, job), pdfPath, pdf, want)
				return err
			}
		}
		if t := job.Translation; t != nil {
			// The bilingual PDF is made from the translation too: a
			// change to it renders the pair again.
			sum := sha256.Sum256(t.Statement.Source())
			if doc.Fingerprint != "" {
				doc.Fingerprint += " translation=" + hex.EncodeToString(sum[:])
			}
			doc.Pair, doc.PairRenders = t.Name, !job.Leads()
		}
		return doc, nil
	}
}

// batchScope is where the files named in an archive's statements and
// layouts may be: the folders given as inputs (a file's own folder; the
// working folder for paths on standard input), unless --trust-paths.
func batchScope(inputs []string, trust bool) layout.Scope {
	if trust {
		return layout.Scope{}
	}
	sc := layout.Scope{Hint: "move the file into the folders given to batch, or add --trust-paths if you trust the archive"}
	for _, in := range inputs {
		switch fi, err := os.Stat(in); {
		case in == "-":
			sc.Roots = append(sc.Roots, ".")
		case err == nil && fi.IsDir():
			sc.Roots = append(sc.Roots, in)
		default:
			sc.Roots = append(sc.Roots, filepath.Dir(in))
		}
	}
	return sc
}

// batchDescription is batch's help text.
const batchDescription = "Renders every statement named, found in a folder (walked for *.toml and for\n" +
	"archived releases — .txt, .md, .html, .docx, .eml, .mbox — which are imported on the\n" +
	"fly, as pressroom import does; dotfiles are skipped, and .doc, .rtf and .odt files are\n" +
	"reported as skipped, with what to do) or listed one path per line on standard\n" +
	"input (-). Each PDF keeps the input's path relative to the folder named:\n" +
	"archive/2019/x.toml becomes DIR/2019/x.pdf. Nothing is written outside DIR.\n\n" +
	"A bad file is reported with its problems and the run goes on; the exit code is 1\n" +
	"when any file failed. A re-run keeps PDFs that are up to date (same statement,\n" +
	"layout, fonts, logo and pressroom version; see DIR/.pressroom-state.json, or\n" +
	"DIR/.pressroom-state.I-of-N.json for --shard I/N).\n" +
	"Ctrl-C stops cleanly: documents being written finish, and a re-run continues.\n\n" +
	"A TOML file found in a folder with none of headline, date and summary (a layout\n" +
	"file, say) is skipped and reported as skipped.\n\n" +
	"--shard spreads an archive over machines; pressroom batch merge checks and joins\n" +
	"their manifests (docs/scale.md)."

// batchFlags are batch's flags.
func batchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "out-dir", Aliases: []string{"o"}, Usage: "the folder `DIR` to write the PDFs into (created if needed)"},
		&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of each statement's own"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), DefaultText: "one per CPU", Usage: "render `N` documents at once"},
		&cli.BoolFlag{Name: "force", Usage: "render every statement, even when its PDF is up to date"},
		&cli.BoolFlag{Name: "fail-fast", Usage: "stop at the first file that fails"},
		&cli.StringFlag{Name: "manifest", Usage: "write one record per input to `FILE`.json or FILE.csv; {shard} in the name becomes the shard (2-of-4), so each worker writes its own for batch merge"},
		&cli.StringFlag{Name: "shard", Usage: "render only slice `I/N` of the inputs (e.g. 2/8), for spreading an archive over machines; auto: the slice the job runner gives this worker (Kubernetes, AWS Batch, Slurm, GNU parallel, GitLab, CircleCI, Buildkite, Cloud Run; see docs/scale.md)"},
		&cli.IntFlag{Name: "shards", Usage: "with --shard auto: the number of slices `N`, for runners that give only the worker's index (Kubernetes, GNU parallel); or set " + batch.ShardsVar},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only failures and the summary"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print one line per file with pages, size and every warning, instead of a progress bar"},
		&cli.StringFlag{Name: "pdf-standard", Value: "ua-a", Usage: "the `STANDARD` to meet, ua-a: tagged, accessible PDF/UA-1 and PDF/A-2b files; none: plain PDFs"},
		&cli.BoolFlag{Name: "text", Usage: "also write each release as plain text (.txt) beside its PDF"},
		&cli.BoolFlag{Name: "html", Usage: "also write each release as a web page (.html) beside its PDF"},
		&cli.BoolFlag{Name: "eml", Usage: "also write each release as an e-mail draft (.eml) with its PDF attached"},
		&cli.StringFlag{Name: "keep-toml", Usage: "also write the statement of each imported archive file (.txt, .md, .html, .docx, .eml, .mbox) into `DIR`"},
		&cli.BoolFlag{Name: "sync", Usage: "flush each PDF to disk before moving it into place (slower; guards against power cuts)"},
		trustFlag(),
	}
}

// batchShard reads --shard (I/N, or auto from the job runner's
// environment) and --manifest, whose {shard} becomes the shard, so each
// worker writes its own manifest.
func (e *env) batchShard(c *cli.Context, inputs []string, outDir string) (batch.Shard, string, error) {
	var shard batch.Shard
	auto := c.String("shard") == "auto"
	if c.IsSet("shards") && !auto {
		return batch.Shard{}, "", usageError{msg: "--shards goes with --shard auto, for runners that give only the worker's index", try: "pressroom batch --shard auto --shards 4 " + strings.Join(inputs, " ") + " --out-dir " + outDir}
	}
	manifest := c.String("manifest")
	if manifest != "" {
		if ext := strings.ToLower(filepath.Ext(manifest)); ext != ".json" && ext != ".csv" {
			return batch.Shard{}, "", usageError{msg: fmt.Sprintf("--manifest %s: the name must end in .json or .csv", manifest), try: "pressroom batch --manifest manifest.json " + strings.Join(inputs, " ") + " --out-dir " + outDir}
		}
		if auto && !strings.Contains(manifest, shardPlaceholder) {
			// Every worker runs the same command line.
			return batch.Shard{}, "", usageError{msg: fmt.Sprintf("--manifest %s with --shard auto: every shard would write that one file; put %s in the name, which becomes the shard (2-of-4)", manifest, shardPlaceholder),
				try: "pressroom batch --shard auto" + shardsFlag(c) + " --manifest " + manifestWithShard(manifest) + " " + strings.Join(inputs, " ") + " --out-dir " + outDir}
		}
	}
	switch s := c.String("shard"); {
	case auto:
		if c.Int("shards") < 0 {
			return batch.Shard{}, "", usageError{msg: fmt.Sprintf("--shards %d: give the number of slices, 1 or more", c.Int("shards")), try: "pressroom batch --shard auto --shards 4 " + strings.Join(inputs, " ") + " --out-dir " + outDir}
		}
		a, err := batch.ShardFromEnv(e.getenv, c.Int("shards"))
		if err != nil {
			n := 4
			if c.Int("shards") > 0 {
				n = c.Int("shards")
			}
			return batch.Shard{}, "", usageError{msg: err.Error(), try: fmt.Sprintf("pressroom batch --shard 1/%d %s --out-dir %s", n, strings.Join(inputs, " "), outDir)}
		}
		shard = a.Shard
		fmt.Fprintf(e.stderr, "shard %s from %s\n", shard, a.From)
	case s != "":
		var err error
		if shard, err = batch.ParseShard(s); err != nil {
			return batch.Shard{}, "", usageError{msg: err.Error(), try: "pressroom batch --shard 1/4 " + strings.Join(inputs, " ") + " --out-dir " + outDir}
		}
	}
	manifest = strings.ReplaceAll(manifest, shardPlaceholder, strings.ReplaceAll(shardOrWhole(shard).String(), "/", "-of-"))
	return shard, manifest, nil
}
