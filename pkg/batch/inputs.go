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

	"github.com/BurntSushi/toml"

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
	// shardKey decides the input's shard: its path relative to the folder
	// it was found in.
	shardKey string
	// walked is set for files found by walking a folder: such a file may
	// be something other than a statement (a layout file).
	walked bool
	// pre, when set, is the input's result, decided before any work.
	pre *Result
}

// errStop ends a walk when the run is stopped.
var errStop = errors.New("stopped")

// produce finds the inputs, in order, and hands them to the workers. It
// returns early when ctx is cancelled.
func (r *runner) produce(ctx context.Context, todo chan<- job) {
	p := &producer{r: r, ctx: ctx, todo: todo, seen: map[string]string{}}
	p.reportFound = r.opts.Found != nil && !r.counts()
	defer func() {
		r.walkStopped = p.err != nil
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
		r.counted.Store(int64(p.next))
		r.opts.Found(p.next, true)
	}
}

func (p *producer) run() {
	for _, in := range p.r.opts.Inputs {
		if p.err != nil {
			return
		}
		if in == "-" {
			p.stdin()
			continue
		}
		p.named(in)
	}
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
	err  error // set once the run is stopped
}

// emit hands one job on, unless it belongs to another shard; it waits for
// room in the reorder window, so the results ahead of the oldest unfinished
// one stay few.
func (p *producer) emit(j job) {
	if p.err != nil {
		return
	}
	if j.shardKey == "" {
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
		if first, dup := p.seen[j.rel]; dup {
			j.pre = &Result{Status: Failed, Err: fmt.Errorf("%s is also the output of %s: rename one of them, or render them in separate runs", j.rel, first)}
			j.rel = ""
		} else {
			p.seen[j.rel] = j.input
		}
	}
	select {
	case p.r.window <- struct{}{}:
	case <-p.ctx.Done():
		p.err = errStop
		return
	}
	j.index = p.next
	select {
	case p.todo <- j:
		p.next++
		if p.reportFound {
			p.r.opts.Found(p.next, false)
		}
	case <-p.ctx.Done():
		<-p.r.window
		p.err = errStop
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
func (p *producer) named(in string) {
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
	p.emit(job{input: in, path: path, rel: pdfName(filepath.Base(path)), shardKey: filepath.Base(path)})
}

// stdin handles "-": one path per line. A relative path keeps its folders
// in the output folder (so `find archive -name '*.toml'` mirrors the
// tree); a path that leads outside the working folder has no place there
// and is refused.
func (p *producer) stdin() {
	if p.r.opts.Stdin == nil {
		return
	}
	sc := bufio.NewScanner(p.r.opts.Stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
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
		p.emit(job{input: line, path: path, rel: pdfName(rel), shardKey: filepath.ToSlash(rel)})
		if p.err != nil {
			return
		}
	}
	if err := sc.Err(); err != nil {
		p.failed("-", fmt.Errorf("reading paths from standard input: %w", err))
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
		if !isTOML(path) && !archive.IsArchiveName(path) {
			return nil
		}
		p.emit(job{input: input, path: path, rel: pdfName(rel), shardKey: key, walked: true})
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

// looksLikeStatement is the rule that tells a statement from another TOML
// file (a layout, say) found while walking a folder: a statement has at
// least one of its required keys headline, date and summary. A file that
// is not valid TOML counts as a statement, so its errors are reported.
func looksLikeStatement(src []byte) bool {
	var top map[string]toml.Primitive
	if _, err := toml.Decode(string(src), &top); err != nil {
		return true
	}
	_, h := top["headline"]
	_, d := top["date"]
	_, s := top["summary"]
	return h || d || s
}
