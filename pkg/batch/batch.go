// Package batch renders many statements in one run: it walks the inputs,
// renders them on a bounded pool of workers, reports each result in input
// order, skips statements whose PDF is up to date, and never writes outside
// the output folder or leaves a half-written file there.
//
// The per-document work (parse, resolve the layout, typeset) is a function
// the caller supplies in Options.Prepare, so this package holds only the
// machinery: inputs, ordering, files, state and manifest.
package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/pressroom/pressroom/pkg/diag"
)

// Status is what happened to one input.
type Status string

// The statuses a Result can have; the words appear in logs and manifests.
const (
	// Rendered: the PDF was written.
	Rendered Status = "rendered"
	// Unchanged: the PDF on disk was made from the same statement, layout,
	// assets, options and pressroom version, so it was kept.
	Unchanged Status = "unchanged"
	// Failed: the statement has errors, or its PDF could not be written.
	Failed Status = "failed"
	// Skipped: a file found in a folder that is not a statement (a layout
	// file, say), or a symlinked folder that is not followed.
	Skipped Status = "skipped"
	// Cancelled: the run was interrupted before this input was started.
	Cancelled Status = "cancelled"
	// Paired: the input is one half of a bilingual release whose other
	// half, an input of the same run, renders both into its PDF (the
	// Result's Output); nothing was written for this one.
	Paired Status = "paired"
)

// Document is one statement ready to be written, as Prepare returns it.
type Document struct {
	// Fingerprint names everything other than the statement's own bytes
	// that the PDF depends on: the resolved layout and its assets (font
	// and logo bytes), the render options and pressroom's version. Two
	// runs with the same statement bytes and the same fingerprint make
	// the same PDF, so the second may keep the first's file. An empty
	// fingerprint means "always render".
	Fingerprint string
	// Warnings found while preparing (statement and layout warnings).
	Warnings diag.List
	// Write typesets the PDF into w. It returns the page count and the
	// warnings found while typesetting; input problems come back as a
	// *diag.ListError.
	Write func(w io.Writer) (pages int, warnings diag.List, err error)
	// After, when set, is called once the PDF is in place, with its path
	// and bytes, to write other forms of the statement beside it (plain
	// text, HTML, an e-mail draft). Its error fails the input.
	After func(pdfPath string, pdf []byte) error
	// Statement, when set, is the statement the input was imported as
	// (an archived release); with Options.KeepStatements it is kept.
	Statement []byte
	// Beside lists the extensions of the files After writes (".txt"), so
	// that a PDF counts as up to date only when they are there too.
	Beside []string
	// Inputs are the files other than the statement that the PDF is made
	// from (the layout file, its fonts and logo): no output may replace
	// one of them, nor the statement.
	Inputs []string
	// Pair, for one half of a bilingual release, is the other half's
	// statement file (relative to the working folder, or absolute): the
	// PDF holds both.
	Pair string
	// PairRenders says the other half stands for the pair: when Pair is
	// an input of this run too (of any shard), this input is reported as
	// Paired, with that input's PDF as its output, and is not rendered,
	// so that each pair is rendered once. When Pair is not among the
	// inputs, this input renders the pair itself.
	PairRenders bool
}

// Prepare reads one statement: file names it in diagnostics and src holds
// its bytes. Input problems come back as a *diag.ListError. Prepare is
// called from several goroutines at once.
type Prepare func(ctx context.Context, file string, src []byte) (Document, error)

// Result is what happened to one input.
type Result struct {
	// Index is the input's place in the run, from 0, in the order inputs
	// were named and folders walked.
	Index int
	// Input is the statement's path as the user would write it.
	Input string
	// Output is the PDF's path (the output folder joined with the
	// input's relative path); empty when no output could be named.
	Output string
	Status Status
	Pages  int
	// Bytes and SHA256 describe the PDF on disk (rendered or unchanged).
	Bytes  int64
	SHA256 string
	// Warnings are every warning about the input, from all stages.
	Warnings diag.List
	// Pair is the other half's file of a bilingual release: rendered
	// with this input (Rendered, Unchanged), or the input that renders
	// this one (Paired).
	Pair string
	// Err says why the input failed or was skipped; for input problems it
	// is a *diag.ListError carrying every diagnostic with its position.
	Err error
}

// Diagnostics returns every error diagnostic of a failed or skipped
// result; an error that carries no positions becomes one diagnostic on the
// input's path.
func (r Result) Diagnostics() diag.List {
	if r.Err == nil {
		return nil
	}
	var le *diag.ListError
	if errors.As(r.Err, &le) {
		var l diag.List
		for _, d := range le.List {
			if d.Severity == diag.Error {
				l.Add(d)
			}
		}
		if len(l) > 0 {
			return l
		}
	}
	var l diag.List
	l.Errorf(diag.Pos{File: r.Input}, hintFor(r.Err), "%v", r.Err)
	return l
}

// Options control a run. Inputs, OutDir and Prepare are required; the
// zero value of every other field is the default.
type Options struct {
	// Inputs are statement files or archived releases, folders (walked
	// for *.toml and archived releases, dotfiles skipped) and "-", which reads one path per line from Stdin.
	Inputs []string
	// Stdin is read when an input is "-".
	Stdin io.Reader
	// WorkDir is the folder relative paths are taken from; it decides which
	// paths read from Stdin are inside the working folder. Empty means the
	// process's working folder.
	WorkDir string
	// OutDir receives the PDFs; it is created if needed. Nothing is ever
	// written outside it.
	OutDir string
	// KeepStatements, when set, is a folder that receives the statement
	// of every imported archive input, under the input's relative path
	// with .toml, so the imports can be edited and rendered again.
	KeepStatements string
	// Jobs is how many documents are rendered at once; zero means one per
	// CPU.
	Jobs int
	// Force renders every statement, even when its PDF is up to date.
	Force bool
	// FailFast stops the run at the first failed input.
	FailFast bool
	// Shard, when set, renders only one deterministic slice of the inputs.
	Shard Shard
	// Prepare does the per-document work.
	Prepare Prepare
	// Report, when set, receives every result in input order, from one
	// goroutine.
	Report func(Result)
	// Found, when set, is told how many inputs of this shard have been
	// found so far, and whether the search is complete, so that a progress
	// display can show a total. It is called from another goroutine than
	// Report.
	Found func(n int, complete bool)
	// Sync flushes each PDF to disk before it is renamed into place. It
	// guards against a power cut, not an interrupt (a rename is atomic
	// either way), and costs a disk flush per document.
	Sync bool
}

// Summary counts what a run did.
type Summary struct {
	Rendered, Unchanged, Failed, Skipped, Cancelled int
	// Paired counts the halves of bilingual releases rendered with
	// their other half.
	Paired int
	// Warnings counts warnings over all inputs.
	Warnings int
	// OtherShards counts inputs left to other shards.
	OtherShards int
	// Interrupted is set when the context was cancelled before the run
	// finished (but not when FailFast stopped it).
	Interrupted bool
	// StoppedEarly is set when FailFast stopped the run.
	StoppedEarly bool
	// Inputs counts the inputs of every shard, and InputsDigest is a hash
	// of their list ("sha256:…" over each input's path, in the order
	// found): every shard of one run, given the same inputs, has the
	// same, so manifests of different runs cannot be mixed.
	Inputs       int
	InputsDigest string
}

// count adds one input of status st.
func (s *Summary) count(st Status) {
	switch st {
	case Rendered:
		s.Rendered++
	case Unchanged:
		s.Unchanged++
	case Failed:
		s.Failed++
	case Skipped:
		s.Skipped++
	case Cancelled:
		s.Cancelled++
	case Paired:
		s.Paired++
	}
}

// Total is the number of inputs of this shard that were reported.
func (s Summary) Total() int {
	return s.Rendered + s.Unchanged + s.Failed + s.Skipped + s.Cancelled + s.Paired
}

// Run renders the inputs and returns what it did. It returns an error only
// when the run cannot start or its state cannot be saved; problems with
// single inputs are results. When ctx is cancelled, Run stops taking new
// inputs, lets the documents being written finish, reports the ones not
// started as Cancelled, saves its state and returns.
func Run(ctx context.Context, opts Options) (Summary, error) {
	if opts.Prepare == nil {
		return Summary{}, errors.New("batch: no Prepare function")
	}
	if opts.OutDir == "" {
		return Summary{}, errors.New("batch: no output folder")
	}
	if err := opts.Shard.Valid(); err != nil {
		return Summary{}, err
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	work := opts.WorkDir
	if work == "" {
		wd, err := os.Getwd()
		if err != nil {
			return Summary{}, fmt.Errorf("batch: working folder: %w", err)
		}
		work = wd
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return Summary{}, fmt.Errorf("create the output folder %s: %w", opts.OutDir, unwrapPath(err))
	}
	root, err := os.OpenRoot(opts.OutDir)
	if err != nil {
		return Summary{}, fmt.Errorf("open the output folder %s: %w", opts.OutDir, unwrapPath(err))
	}
	defer root.Close()
	var keep *os.Root
	if opts.KeepStatements != "" {
		if err := os.MkdirAll(opts.KeepStatements, 0o755); err != nil {
			return Summary{}, fmt.Errorf("create the folder for imported statements %s: %w", opts.KeepStatements, unwrapPath(err))
		}
		if keep, err = os.OpenRoot(opts.KeepStatements); err != nil {
			return Summary{}, fmt.Errorf("open the folder for imported statements %s: %w", opts.KeepStatements, unwrapPath(err))
		}
		defer keep.Close()
	}
	st, err := loadState(root, opts.Shard)
	if err != nil {
		return Summary{}, err
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	r := &runner{
		opts: opts, work: work, root: root, keep: keep, state: st,
		// The window bounds how far finished results may run ahead of
		// the oldest unfinished one, and so the reorder buffer's size.
		window: make(chan struct{}, 4*jobs+16),
		digest: sha256.New(),
	}
	todo := make(chan job, jobs)
	done := make(chan Result, jobs)

	go func() {
		defer close(todo)
		r.produce(runCtx, todo)
	}()
	var wg, counting sync.WaitGroup
	if r.counts() {
		counting.Go(func() { r.count(runCtx) })
	}
	for range jobs {
		wg.Go(func() {
			for j := range todo {
				res := r.process(runCtx, j)
				if res.Status == Failed && opts.FailFast {
					// Stop here, not when the result's turn comes: the
					// inputs after it must not start.
					r.failedFast.Store(true)
					stop()
				}
				done <- res
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	sum := r.collect(done)
	stop()
	counting.Wait()
	// A cancel that came after the last input was taken interrupted
	// nothing.
	// (The walk goes on to the end after a cancel, so every input not
	// started is among the results.)
	sum.Interrupted = ctx.Err() != nil && sum.Cancelled > 0
	sum.StoppedEarly = r.failedFast.Load()
	sum.OtherShards = r.otherShards
	sum.Inputs = r.inputs
	sum.InputsDigest = "sha256:" + hex.EncodeToString(r.digest.Sum(nil))
	if err := st.save(root); err != nil {
		return sum, err
	}
	return sum, nil
}

// runner holds what the goroutines of one run share; every field is either
// read-only during the run or guarded as noted.
type runner struct {
	opts   Options
	work   string
	root   *os.Root
	keep   *os.Root // Options.KeepStatements, or nil
	state  *state
	window chan struct{}

	// Written by the producer only, read after it has finished.
	otherShards int
	inputs      int       // every shard's
	digest      hash.Hash // of every shard's inputs
	// listed maps each path read from Stdin (absolute) to its PDF's path
	// in the output folder, so that outputOf finds a pair's other half
	// there. Written by the producer before it hands on any job, then
	// read-only.
	listed map[string]string
	// Set by the worker that met the first failure under FailFast.
	failedFast atomic.Bool
	// tidied holds the output folders whose stale temporary files have
	// been looked for.
	tidied sync.Map
}

// collect puts results back in input order, reports them, records them in
// the state and counts them.
func (r *runner) collect(done <-chan Result) Summary {
	var sum Summary
	pending := map[int]Result{}
	next := 0
	sinceSave := 0
	for res := range done {
		pending[res.Index] = res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-r.window
			sum.count(res.Status)
			_, w := res.Warnings.Count()
			sum.Warnings += w
			if r.opts.Report != nil {
				r.opts.Report(res)
			}
			// Saving now and then means a run killed outright (SIGKILL,
			// power cut) loses little of what it knew.
			if sinceSave++; sinceSave >= 1000 {
				sinceSave = 0
				_ = r.state.save(r.root)
			}
		}
	}
	return sum
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
