package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/output"
)

// process does the work for one input: read, prepare, keep an up-to-date
// PDF or write a new one.
func (r *runner) process(ctx context.Context, j job) Result {
	res := Result{Index: j.index, Input: j.input}
	if j.rel != "" {
		res.Output = filepath.Join(r.opts.OutDir, filepath.FromSlash(j.rel))
	}
	if j.pre != nil {
		res.Status, res.Err = j.pre.Status, j.pre.Err
		return res
	}
	if ctx.Err() != nil {
		res.Status = Cancelled
		return res
	}
	fail := func(err error) Result {
		res.Status, res.Err = Failed, err
		r.state.forget(j.rel)
		return res
	}
	src, err := readStatement(j.path)
	if err != nil {
		return fail(fmt.Errorf("cannot read the statement: %w", err))
	}
	doc, err := r.opts.Prepare(ctx, j.input, src)
	if err != nil {
		if j.walked && !layout.LooksLikeStatement(src) {
			res.Status, res.Err = Skipped, errNotStatement
			return res
		}
		var le *diag.ListError
		if errors.As(err, &le) {
			res.Warnings = warningsOf(le.List)
		}
		return fail(err)
	}
	res.Warnings = warningsOf(doc.Warnings)
	res.Pair = doc.Pair
	if doc.Pair != "" && doc.PairRenders {
		if rel, ok := r.outputOf(doc.Pair); ok {
			res.Status, res.Output = Paired, filepath.Join(r.opts.OutDir, filepath.FromSlash(rel))
			return res
		}
	}
	if err := r.refuseInputs(j, doc, res.Output); err != nil {
		return fail(err)
	}
	if doc.Statement != nil && r.keep != nil {
		name := strings.TrimSuffix(filepath.FromSlash(j.rel), ".pdf") + ".toml"
		if err := writeInRoot(r.keep, name, r.opts.Sync, false, func(w io.Writer) error {
			_, err := w.Write(doc.Statement)
			return err
		}); err != nil {
			return fail(fmt.Errorf("keep the imported statement: %w", err))
		}
	}
	key := inputKey(doc.Fingerprint, src)
	if key != "" && !r.opts.Force {
		if e, ok := r.state.lookup(j.rel); ok && e.Key == key && r.onDisk(j.rel, e) && r.besideOnDisk(j.rel, doc.Beside) {
			res.Status, res.Pages, res.Bytes, res.SHA256 = Unchanged, e.Pages, e.Bytes, e.SHA256
			res.Warnings = append(res.Warnings, fromStateDiags(e.Warnings)...)
			return res
		}
	}
	var pages int
	var renderWarnings diag.List
	sum := sha256.New()
	size := &counter{}
	var pdf bytes.Buffer // kept only when After needs the bytes
	err = writeInRoot(r.root, filepath.FromSlash(j.rel), r.opts.Sync, r.firstIn(filepath.Dir(filepath.FromSlash(j.rel))), func(w io.Writer) error {
		var err error
		ws := []io.Writer{w, sum, size}
		if doc.After != nil {
			ws = append(ws, &pdf)
		}
		pages, renderWarnings, err = doc.Write(io.MultiWriter(ws...))
		return err
	})
	if err == nil && doc.After != nil {
		err = doc.After(res.Output, pdf.Bytes())
	}
	renderWarnings = warningsOf(renderWarnings)
	res.Warnings = append(res.Warnings, renderWarnings...)
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted while writing: the temporary file is gone and
			// the next run renders this one.
			res.Status, res.Warnings = Cancelled, nil
			return res
		}
		var le *diag.ListError
		if errors.As(err, &le) {
			res.Warnings = append(res.Warnings, warningsOf(le.List)...)
		}
		return fail(err)
	}
	res.Status, res.Pages, res.Bytes = Rendered, pages, size.n
	res.SHA256 = hex.EncodeToString(sum.Sum(nil))
	if key != "" {
		r.state.put(j.rel, stateEntry{Key: key, SHA256: res.SHA256, Bytes: res.Bytes, Pages: pages, Warnings: toStateDiags(renderWarnings)})
	} else {
		r.state.forget(j.rel)
	}
	return res
}

// onDisk reports whether the PDF the state describes is still there,
// unaltered: a PDF deleted or edited since is rendered again.
func (r *runner) onDisk(rel string, e stateEntry) bool {
	// Looked at before opening: opening a named pipe put in its place
	// would wait for a writer.
	if fi, err := r.root.Stat(filepath.FromSlash(rel)); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := r.root.Open(filepath.FromSlash(rel))
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != e.Bytes {
		return false
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == e.SHA256
}

// refuseInputs fails an input whose PDF, or a file written beside it,
// would replace the statement or a file of its layout (an input named
// x.pdf, or an output folder that is the input folder).
func (r *runner) refuseInputs(j job, doc Document, pdfPath string) error {
	keep := output.Options{Inputs: append([]string{j.path}, doc.Inputs...)}
	paths := []string{pdfPath}
	for _, ext := range doc.Beside {
		paths = append(paths, strings.TrimSuffix(pdfPath, ".pdf")+ext)
	}
	for _, p := range paths {
		if _, err := keep.Check(p); err != nil {
			var oe *output.Error
			if errors.As(err, &oe) {
				return &hinted{msg: err.Error(), hint: "choose another --out-dir, or rename the statement"}
			}
			return err
		}
	}
	return nil
}

// firstIn reports whether dir, in the output folder, is written into for
// the first time in this run: then its stale temporary files are looked
// for, once, not for every document.
func (r *runner) firstIn(dir string) bool {
	_, seen := r.tidied.LoadOrStore(dir, true)
	return !seen
}

// besideOnDisk reports whether the files written beside the PDF are there.
func (r *runner) besideOnDisk(rel string, exts []string) bool {
	base := strings.TrimSuffix(filepath.FromSlash(rel), ".pdf")
	for _, ext := range exts {
		if fi, err := r.root.Stat(base + ext); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// writeInRoot writes name inside root with output.Options.WriteFileIn:
// the name holds the old file or the complete new one, never part of one,
// and no name, "..", or symlink can make it write outside the output
// folder. sync flushes the file to disk before the rename (the --sync
// flag: a disk flush per document). The folder is not flushed: that would
// cost another flush per document and only makes sure that the new file,
// not the old, is there after a power cut; the next run renders it again.
// tidy removes the stale temporary files a killed run left in name's
// folder (all the temporary files in the output folder are pressroom's
// own). Errors of the file system are put in the output folder's words;
// write's own come back as they are.
func writeInRoot(root *os.Root, name string, sync, tidy bool, write func(io.Writer) error) error {
	o := output.Options{Flush: output.FlushNone, Tidy: output.TidyNone}
	if sync {
		o.Flush = output.FlushFile
	}
	if tidy {
		o.Tidy = output.TidyFolder
	}
	var werr error
	err := o.WriteFileIn(root, name, func(w io.Writer) error {
		werr = write(w)
		return werr
	})
	switch {
	case err == nil:
		return nil
	case werr != nil:
		return werr
	}
	return rootError(name, err)
}

// rootError explains a refusal of os.Root in the user's terms.
func rootError(name string, err error) error {
	if strings.Contains(err.Error(), "escapes") {
		return &hinted{
			msg:  fmt.Sprintf("refusing to write %s: a symlink in the output folder leads outside it", filepath.ToSlash(name)),
			hint: "remove the symlink from the output folder, or choose another --out-dir",
		}
	}
	return fmt.Errorf("cannot write %s in the output folder: %w", filepath.ToSlash(name), unwrapPath(err))
}

// counter counts the bytes written through it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

func warningsOf(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Warning {
			out = append(out, d)
		}
	}
	return out
}

// hinted is an error about an input that can name its fix.
type hinted struct{ msg, hint string }

func (e *hinted) Error() string { return e.msg }

// hintFor names the fix an error carries, if any.
func hintFor(err error) string {
	var h *hinted
	if errors.As(err, &h) {
		return h.hint
	}
	return ""
}
