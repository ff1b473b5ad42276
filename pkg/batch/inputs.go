package batch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pressroom/pressroom/pkg/archive"
	"github.com/pressroom/pressroom/pkg/input"
	"github.com/pressroom/pressroom/pkg/statement"
)

// job is one input on its way to a worker.
type job struct {
	index int
	// input is the path as the user would write it; path is where to read
	// it (input, made absolute against the working folder).
	input, path string
	// rel is the PDF's path inside the output folder, slash-separated;
	// empty when the input cannot have one (it was refused).
	rel string
	// shardKey decides the shard of an input that has no PDF path (rel):
	// its path relative to the folder it was found in.
	shardKey string
	// walked is set for files found by walking a folder: such a file may
	// be something other than a statement (a layout file).
	walked bool
	// where says how the input was given (as argument 2, as line 3 of
	// standard input, in folder archive), for the message about a file given twice.
	where string
	// pre, when set, is the input's result, decided before any work.
	pre *Result
}

// errStop ends a walk when the run is stopped.
var errStop = errors.New("stopped")

// produce finds the inputs, in order, and hands them to the workers. It
// returns early when ctx is cancelled.
func (r *runner) produce(ctx context.Context, todo chan<- job) {
	p := &producer{r: r, ctx: ctx, todo: todo, seen: map[string]string{}, given: map[string]string{}}
	p.reportFound = r.opts.Found != nil && !r.counts()
	defer func() {
		if p.reportFound {
			r.opts.Found(p.next, p.err == nil)
		}
	}()
	p.run()
}

// counts says whether a second walk counts the inputs for Found. The walk
// that feeds the workers runs only a window ahead of them, so the number
// it has found is no total; when every input can be walked twice (none is
// stdin), a walk that only counts runs alongside, and a progress display
// has its total at once.
func (r *runner) counts() bool {
	return r.opts.Found != nil && !slices.Contains(r.opts.Inputs, "-")
}

// count walks the inputs as produce does, only counting, and tells Found.
func (r *runner) count(ctx context.Context) {
	p := &producer{r: r, ctx: ctx, counting: true}
	p.run()
	if p.err == nil {
		r.opts.Found(p.next, true)
	}
}

func (p *producer) run() {
	var lines []stdinLine
	var readErr error
	if !p.counting && slices.Contains(p.r.opts.Inputs, "-") {
		// Standard input is read to its end before any job is handed
		// on: whether one half of a bilingual pair is rendered or only
		// "paired" depends on whether the other half is an input, which
		// may come on a later line, and the answer must not depend on
		// how fast the workers are.
		lines, readErr = p.readStdin()
	}
	for i, in := range p.r.opts.Inputs {
		if p.err != nil {
			return
		}
		if in == "-" {
			p.stdin(lines, readErr)
			lines, readErr = nil, nil // a second "-" finds standard input used up
			continue
		}
		p.named(in, fmt.Sprintf("as argument %d", i+1))
	}
}

// stdinLine is one path read from standard input.
type stdinLine struct {
	n    int // line number, from 1
	text string
}

// maxStdinPaths is the most paths standard input may list. They are all
// read before the run starts (so that a bilingual pair listed there
// renders once), so an endless stream (yes | pressroom batch -) must
// stop somewhere; a million is far beyond any archive.
const maxStdinPaths = 1_000_000

// readStdin reads the paths on standard input and records, in r.listed,
// the PDF path of each that can have one.
func (p *producer) readStdin() ([]stdinLine, error) {
	if p.r.opts.Stdin == nil {
		return nil, nil
	}
	p.r.listed = map[string]string{}
	var lines []stdinLine
	sc := bufio.NewScanner(p.r.opts.Stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if len(lines) == maxStdinPaths {
			return lines, fmt.Errorf("line %d: standard input lists more than 1,000,000 paths; the rest were not read (split the list, or use --shard)", n)
		}
		lines = append(lines, stdinLine{n, line})
		path := p.abs(line)
		if rel, err := filepath.Rel(p.r.work, path); err == nil && filepath.IsLocal(rel) {
			if _, dup := p.r.listed[path]; !dup {
				p.r.listed[path] = pdfName(rel)
			}
		}
	}
	return lines, sc.Err()
}

type producer struct {
	r    *runner
	ctx  context.Context
	todo chan<- job
	// counting makes a producer that only counts its jobs.
	counting bool
	// reportFound is set when this producer tells Found how many inputs
	// it has found (no counting producer runs).
	reportFound bool
	next        int
	// seen maps each output path to the input that claimed it, so that
	// two inputs never overwrite each other's PDF.
	seen map[string]string
	// given maps each input file (absolute) handed on to where it was
	// given, so that a file given twice is rendered once.
	given map[string]string
	err   error // set once the run is stopped
}

// emit hands one job on, unless it belongs to another shard; it waits for
// room in the reorder window, so the results ahead of the oldest unfinished
// one stay few.
func (p *producer) emit(j job) {
	if p.err != nil {
		return
	}
	if !p.counting {
		// Every input of every shard goes into the digest, so that all
		// the shards of one run have the same.
		in := filepath.ToSlash(j.input)
		fmt.Fprintf(p.r.digest, "%d:%s\n", len(in), in)
		p.r.inputs++
	}
	// An input's shard is decided by its PDF's path when it has one, so
	// that two inputs that would write the same PDF (x.toml and x.md)
	// fall to the same shard, which refuses the second: shards sharing an
	// output folder never write the same file. Lowercased, as PDFs whose
	// names differ only in case are one file on some file systems.
	switch {
	case j.rel != "":
		j.shardKey = strings.ToLower(j.rel)
	case j.shardKey == "":
		j.shardKey = filepath.ToSlash(j.input)
	}
	if !p.r.opts.Shard.Has(j.shardKey) {
		if !p.counting {
			p.r.otherShards++
		}
		return
	}
	if p.counting {
		if p.next++; p.next%100 == 0 {
			if p.ctx.Err() != nil {
				p.err = errStop
				return
			}
			p.r.opts.Found(p.next, false)
		}
		return
	}
	if j.rel != "" && j.pre == nil {
		if first, again := p.given[j.path]; again {
			// The same file given twice is one input: rendered once,
			// the second mention said and counted, not failed — nothing
			// is wrong with the file, and its PDF is written.
			j.pre = &Result{Status: Skipped, Err: &hinted{
				msg:  fmt.Sprintf("given twice (%s, then %s): rendered once", first, j.where),
				hint: "give each file once",
			}}
			j.rel = ""
		} else if first, dup := p.seen[j.rel]; dup {
			j.pre = &Result{Status: Failed, Err: fmt.Errorf("%s is also the output of %s: rename one of them, or render them in separate runs", j.rel, first)}
			j.rel = ""
		} else {
			p.seen[j.rel] = j.input
			p.given[j.path] = j.where
		}
	}
	if p.ctx.Err() != nil && j.pre == nil {
		// Stopped: the walk goes on to the end, handing on the rest as
		// not started, so that the summary, the manifest and the digest
		// account for every input. The workers pass them straight on.
		j.pre = &Result{Status: Cancelled}
	}
	p.r.window <- struct{}{}
	j.index = p.next
	p.todo <- j
	p.next++
	if p.reportFound {
		p.r.opts.Found(p.next, false)
	}
}

func (p *producer) failed(input string, err error) {
	p.emit(job{input: input, pre: &Result{Status: Failed, Err: err}})
}

// abs makes a path absolute against the working folder.
func (p *producer) abs(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(p.r.work, path)
}

// named handles an input given as an argument: a file keeps its base name
// in the output folder, a folder is walked.
func (p *producer) named(in, where string) {
	path := p.abs(in)
	fi, err := os.Stat(path)
	if err != nil {
		p.failed(in, fmt.Errorf("cannot read the statement: %w", unwrapPath(err)))
		return
	}
	if fi.IsDir() {
		p.walk(in, path)
		return
	}
	p.emit(job{input: in, path: path, rel: pdfName(filepath.Base(path)), shardKey: filepath.Base(path), where: where})
}

// stdin handles "-": one path per line. A relative path keeps its folders
// in the output folder (so `find archive -name '*.toml'` mirrors the
// tree); a path that leads outside the working folder has no place there
// and is refused.
func (p *producer) stdin(lines []stdinLine, readErr error) {
	for _, l := range lines {
		line := l.text
		path := p.abs(line)
		rel, err := filepath.Rel(p.r.work, path)
		if err != nil || !filepath.IsLocal(rel) {
			p.failed(line, &hinted{
				msg:  "refusing a path outside the working folder: its PDF would have no place in the output folder",
				hint: "run pressroom from a folder that holds the statements, or name their folder as an input",
			})
			continue
		}
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			p.failed(line, errors.New("it is a folder: name folders as arguments, not on standard input"))
			continue
		}
		p.emit(job{input: line, path: path, rel: pdfName(rel), shardKey: filepath.ToSlash(rel), where: fmt.Sprintf("as line %d of standard input", l.n)})
		if p.err != nil {
			return
		}
	}
	if readErr != nil {
		p.failed("-", fmt.Errorf("reading paths from standard input: %w", readErr))
	}
}

// walk emits every *.toml and archived release (.txt, .md, .html, .docx,
// .eml) under the folder, in lexical order, skipping
// dotfiles and dot-folders. A symlink is followed only to a file inside
// the folder; one that leads out is refused, and a symlinked folder is
// reported and not followed.
func (p *producer) walk(in, dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		p.failed(in, fmt.Errorf("cannot read the folder: %w", unwrapPath(err)))
		return
	}
	walkErr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if p.err != nil {
			return errStop
		}
		rel, rerr := filepath.Rel(dir, path)
		if rerr != nil || !filepath.IsLocal(rel) && rel != "." {
			return nil // cannot happen: WalkDir stays under dir
		}
		input := filepath.Join(in, rel)
		if err != nil {
			p.failed(input, fmt.Errorf("cannot read: %w", unwrapPath(err)))
			if d != nil && d.IsDir() && rel != "." {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		key := filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(path)
			if err != nil {
				if isTOML(path) {
					p.emit(job{input: input, shardKey: key, pre: &Result{Status: Failed, Err: fmt.Errorf("cannot read the statement: a broken symlink: %w", unwrapPath(err))}})
				}
				return nil
			}
			if within, _ := filepath.Rel(real, target); !filepath.IsLocal(within) {
				if isTOML(path) || isDir(target) {
					p.emit(job{input: input, shardKey: key, pre: &Result{Status: Failed, Err: &hinted{
						msg:  fmt.Sprintf("refusing a symlink that leads outside %s (to %s)", in, target),
						hint: "name that file or folder as an input of its own",
					}}})
				}
				return nil
			}
			if isDir(target) {
				p.emit(job{input: input, shardKey: key, pre: &Result{Status: Skipped, Err: errors.New("a symlinked folder is not followed: name it as an input of its own")}})
				return nil
			}
		}
		if reason, hint, ok := archive.Unread(path); ok {
			// A release kept as .doc, .rtf or .odt is said, not passed over.
			p.emit(job{input: input, shardKey: key, pre: &Result{Status: Skipped, Err: &hinted{msg: reason, hint: hint}}})
			return nil
		}
		if !isTOML(path) && !archive.IsArchiveName(path) {
			return nil
		}
		p.emit(job{input: input, path: path, rel: pdfName(rel), shardKey: key, walked: true, where: "in folder " + in})
		return nil
	})
	if walkErr != nil && !errors.Is(walkErr, errStop) {
		p.failed(in, fmt.Errorf("cannot read the folder: %w", unwrapPath(walkErr)))
	}
}

func isTOML(path string) bool { return strings.EqualFold(filepath.Ext(path), ".toml") }

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// pdfName turns a statement's relative path into its PDF's:
// 2019/x.toml → 2019/x.pdf.
func pdfName(rel string) string {
	return filepath.ToSlash(strings.TrimSuffix(rel, filepath.Ext(rel)) + ".pdf")
}

// readStatement reads a statement through input.ReadFile: a named pipe
// or device among the inputs is refused at once (the run goes on), and a
// huge file unread. The error says what is wrong without the path, which
// the result already names.
func readStatement(path string) ([]byte, error) {
	limit, what := int64(statement.MaxSize), "statements"
	if archive.IsArchiveName(path) {
		// An archived release is imported first; import has its own,
		// larger limits for web pages and Word files.
		limit, what = archive.MaxFileSize, "archived releases"
	}
	src, err := input.ReadFile(path, limit, what)
	if err != nil {
		if h := input.Hint(err); h != "" {
			return nil, &hinted{msg: input.Reason(err), hint: h}
		}
		return nil, errors.New(input.Reason(err))
	}
	return src, nil
}

// errNotStatement is the reason a file found in a folder is skipped.
var errNotStatement = errors.New("not a statement (it has none of headline, date and summary): a layout or another tool's file? name it as an input of its own to check it as a statement")

// outputOf returns the PDF path, inside the output folder, of the file at
// path when it is an input of this run, in any shard: named as an input,
// or found by walking a folder named as one (a statement or archived
// release, with no dot-named file or folder on the way), or read from
// standard input (read to its end before any job starts).
func (r *runner) outputOf(path string) (string, bool) {
	if !filepath.IsAbs(path) {
		path = filepath.Join(r.work, path)
	}
	want, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	for _, in := range r.opts.Inputs {
		if in == "-" {
			if rel, ok := r.listed[path]; ok {
				return rel, true
			}
			continue
		}
		dir := in
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(r.work, dir)
		}
		fi, err := os.Stat(dir)
		switch {
		case err != nil:
			continue
		case !fi.IsDir():
			if os.SameFile(fi, want) {
				return pdfName(filepath.Base(dir)), true
			}
			continue
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || !filepath.IsLocal(rel) || !isTOML(path) && !archive.IsArchiveName(path) {
			continue
		}
		hidden := false
		for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
			hidden = hidden || strings.HasPrefix(part, ".")
		}
		if !hidden {
			return pdfName(rel), true
		}
	}
	return "", false
}
