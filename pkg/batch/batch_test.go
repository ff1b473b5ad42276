package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/diag"
)

// fake is a stand-in for the real pipeline: a statement is good unless a
// line holds BAD, which is an error at that line; its "PDF" is a header
// and the statement's bytes, so a test can tell which input made a file.
type fake struct {
	fingerprint string
	writes      atomic.Int64
	// block, when set, is called at the start of every Write.
	block func(file string)
	// halfway, when set, is called after half of the PDF is written; an
	// error from it fails the write.
	halfway func(ctx context.Context) error
}

func (f *fake) prepare(ctx context.Context, file string, src []byte) (Document, error) {
	var l diag.List
	for i, line := range strings.Split(string(src), "\n") {
		if c := strings.Index(line, "BAD"); c >= 0 {
			l.Errorf(diag.Pos{File: file, Line: i + 1, Col: c + 1}, "write GOOD instead", "this statement is bad")
		}
		if c := strings.Index(line, "WARN"); c >= 0 {
			l.Warnf(diag.Pos{File: file, Line: i + 1, Col: c + 1}, "", "this statement is odd")
		}
	}
	if !bytes.Contains(src, []byte("headline")) {
		l.Errorf(diag.Pos{File: file}, "", "headline is missing")
	}
	if l.HasErrors() {
		return Document{}, &diag.ListError{List: l}
	}
	return Document{
		Fingerprint: f.fingerprint,
		Warnings:    l,
		Write: func(w io.Writer) (int, diag.List, error) {
			f.writes.Add(1)
			if f.block != nil {
				f.block(file)
			}
			pdf := fakePDF(src)
			half := len(pdf) / 2
			if _, err := w.Write(pdf[:half]); err != nil {
				return 0, nil, err
			}
			if f.halfway != nil {
				if err := f.halfway(ctx); err != nil {
					return 0, nil, err
				}
			}
			_, err := w.Write(pdf[half:])
			return 1, nil, err
		},
	}, nil
}

func fakePDF(src []byte) []byte { return append([]byte("%PDF-fake\n"), src...) }

// writeArchive writes n statements under root/YEAR/NNN.toml; those whose number
// is in bad hold an error on line 2, column 5.
func writeArchive(t *testing.T, root string, n int, bad func(i int) bool) []string {
	t.Helper()
	var rels []string
	for i := range n {
		rel := filepath.Join(fmt.Sprint(2000+i%7), fmt.Sprintf("%03d.toml", i))
		body := fmt.Sprintf("headline = \"statement %d\"\n", i)
		if bad(i) {
			body += "x = BAD\n"
		} else {
			body += "x = 1\n"
		}
		writeFile(t, filepath.Join(root, rel), body)
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	return rels
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// collect runs a batch and returns its summary and results.
func collect(t *testing.T, ctx context.Context, opts Options) (Summary, []Result) {
	t.Helper()
	var results []Result
	report := opts.Report
	opts.Report = func(r Result) {
		results = append(results, r)
		if report != nil {
			report(r)
		}
	}
	sum, err := Run(ctx, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum, results
}

// files lists every file under dir, slash-separated, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func pdfs(t *testing.T, dir string) []string {
	var out []string
	for _, f := range files(t, dir) {
		if strings.HasSuffix(f, ".pdf") {
			out = append(out, f)
		}
	}
	return out
}

func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	for _, f := range files(t, dir) {
		if strings.HasSuffix(f, ".tmp") {
			t.Errorf("temporary file %s left behind", f)
		}
	}
}

func TestBatchKeepsGoingAndReportsInOrder(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "archive"), filepath.Join(dir, "out")
	isBad := func(i int) bool { return i >= 95 && i < 105 }
	rels := writeArchive(t, in, 200, isBad)
	f := &fake{fingerprint: "fake 1"}
	opts := Options{Inputs: []string{in}, OutDir: out, Jobs: 4, Prepare: f.prepare}

	sum, results := collect(t, context.Background(), opts)
	var aFailure string
	if sum.Rendered != 190 || sum.Failed != 10 || sum.Total() != 200 {
		t.Fatalf("summary %+v; want 190 rendered, 10 failed of 200", sum)
	}
	for i, r := range results {
		want := filepath.Join(in, rels[i])
		if r.Index != i || r.Input != want {
			t.Fatalf("result %d is #%d %s; want %s (results must come in input order)", i, r.Index, r.Input, want)
		}
		if r.Status == Failed {
			aFailure = r.Input
			d := r.Diagnostics()
			if len(d) != 1 || d[0].String() != want+":2:5: error: this statement is bad\n    hint: write GOOD instead" {
				t.Errorf("failed %s reports %q; want its diagnostic with position and hint", r.Input, d)
			}
			if r.Output != "" {
				if _, err := os.Stat(r.Output); err == nil {
					t.Errorf("a failed statement has a PDF at %s", r.Output)
				}
			}
			continue
		}
		got, err := os.ReadFile(r.Output)
		src, _ := os.ReadFile(r.Input)
		if err != nil || !bytes.Equal(got, fakePDF(src)) {
			t.Errorf("%s: PDF %s does not hold its render (%v)", r.Input, r.Output, err)
		}
		if r.Bytes != int64(len(got)) || r.SHA256 == "" {
			t.Errorf("%s: result says %d bytes, sha %q; file has %d", r.Input, r.Bytes, r.SHA256, len(got))
		}
	}
	if n := len(pdfs(t, out)); n != 190 {
		t.Errorf("%d PDFs in the output folder; want 190", n)
	}
	if !slices.Contains(pdfs(t, out), "2003/010.pdf") {
		t.Errorf("output names do not keep the input's folders: %v", pdfs(t, out)[:3])
	}
	noTemporaryFiles(t, out)

	// A re-run writes nothing new, reports the same failures again.
	before := f.writes.Load()
	sum, _ = collect(t, context.Background(), opts)
	if sum.Unchanged != 190 || sum.Failed != 10 || sum.Rendered != 0 || f.writes.Load() != before {
		t.Errorf("re-run: %+v and %d new writes; want 190 unchanged, 10 failed, nothing written", sum, f.writes.Load()-before)
	}

	// Fix a bad statement: only it is rendered.
	writeFile(t, aFailure, "headline = \"fixed\"\n")
	sum, _ = collect(t, context.Background(), opts)
	if sum.Rendered != 1 || sum.Unchanged != 190 || sum.Failed != 9 {
		t.Errorf("after one fix: %+v; want 1 rendered, 190 unchanged, 9 failed", sum)
	}
}

func TestBatchRendersAgainWhatChanged(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArchive(t, in, 6, func(int) bool { return false })
	f := &fake{fingerprint: "layout A"}
	opts := Options{Inputs: []string{in}, OutDir: out, Jobs: 2, Prepare: f.prepare}
	collect(t, context.Background(), opts)

	pdfList := pdfs(t, out)
	os.Remove(filepath.Join(out, pdfList[0]))                                                               // deleted
	os.WriteFile(filepath.Join(out, pdfList[1]), []byte("edited"), 0o644)                                   // edited
	writeFile(t, filepath.Join(in, strings.TrimSuffix(pdfList[2], ".pdf")+".toml"), "headline = \"new\"\n") // statement changed
	_, results := collect(t, context.Background(), opts)
	var rendered []string
	for _, r := range results {
		if r.Status == Rendered {
			rel, _ := filepath.Rel(out, r.Output)
			rendered = append(rendered, filepath.ToSlash(rel))
		}
	}
	if want := pdfList[:3]; !slices.Equal(rendered, want) {
		t.Errorf("rendered %v; want exactly the deleted, edited and changed ones %v", rendered, want)
	}

	f.fingerprint = "layout B" // the layout or an asset changed
	sum, _ := collect(t, context.Background(), opts)
	if sum.Rendered != 6 {
		t.Errorf("after a layout change: %+v; want all 6 rendered", sum)
	}
	opts.Force = true
	sum, _ = collect(t, context.Background(), opts)
	if sum.Rendered != 6 {
		t.Errorf("with Force: %+v; want all 6 rendered", sum)
	}
}

func TestBatchInterruptedLeavesNoPartialFileAndResumes(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArchive(t, in, 100, func(int) bool { return false })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var started atomic.Int64
	f := &fake{fingerprint: "fp"}
	// The 30th document to start cancels the run half-way through its
	// own write: it and the others being written must leave no file.
	f.halfway = func(ctx context.Context) error {
		if started.Add(1) == 30 {
			cancel()
		}
		return ctx.Err()
	}
	manifest := filepath.Join(dir, "m.json")
	m, err := CreateManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	var counted atomic.Bool
	opts := Options{Inputs: []string{in}, OutDir: out, Jobs: 3, Prepare: f.prepare, Report: m.Add,
		Found: func(n int, complete bool) { counted.Store(counted.Load() || complete && n == 100) }}
	sum, results := collect(t, ctx, opts)
	if err := m.Commit(sum); err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Rendered >= 100 || sum.Rendered == 0 || sum.Failed != 0 {
		t.Fatalf("interrupted run: %+v; want some rendered, none failed, interrupted", sum)
	}
	// Every input is accounted for: those the walk had not reached were
	// not started either.
	if sum.Total() != 100 {
		t.Errorf("interrupted run: %+v; want the 100 inputs counted, the rest as not started", sum)
	}
	noTemporaryFiles(t, out)
	done := map[string]bool{}
	for _, r := range results {
		if r.Status == Rendered {
			done[r.Output] = true
		}
	}
	for _, p := range pdfs(t, out) {
		path := filepath.Join(out, p)
		got, _ := os.ReadFile(path)
		src, _ := os.ReadFile(filepath.Join(in, strings.TrimSuffix(p, ".pdf")+".toml"))
		if !bytes.Equal(got, fakePDF(src)) {
			t.Errorf("%s is partial after the interrupt", p)
		}
		if !done[path] {
			t.Errorf("%s exists but the run did not report it rendered", p)
		}
	}
	if len(done) != sum.Rendered {
		t.Errorf("%d rendered reported, %d PDFs on disk", sum.Rendered, len(done))
	}
	var mf struct {
		Records []ManifestRecord `json:"records"`
	}
	b, _ := os.ReadFile(manifest)
	if err := json.Unmarshal(b, &mf); err != nil {
		t.Fatalf("manifest after an interrupt is not JSON: %v\n%s", err, b)
	}
	if len(mf.Records) != len(results) {
		t.Errorf("manifest has %d records; the run reported %d", len(mf.Records), len(results))
	}

	// A re-run completes the job without redoing what was done.
	f.halfway = nil
	sum2, _ := collect(t, context.Background(), opts)
	if sum2.Unchanged != sum.Rendered || sum2.Rendered != 100-sum.Rendered || sum2.Failed != 0 {
		t.Errorf("re-run: %+v; want %d unchanged and %d rendered", sum2, sum.Rendered, 100-sum.Rendered)
	}
	if n := len(pdfs(t, out)); n != 100 {
		t.Errorf("%d PDFs after the re-run; want 100", n)
	}
}

func TestBatchNeverWritesOutsideOutDir(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	outside := filepath.Join(dir, "outside")
	out := filepath.Join(work, "out")
	writeFile(t, filepath.Join(outside, "secret.toml"), "headline = \"outside\"\n")
	writeFile(t, filepath.Join(outside, "sub", "deep.toml"), "headline = \"outside\"\n")
	writeFile(t, filepath.Join(work, "archive", "2019", "ok.toml"), "headline = \"ok\"\n")
	writeFile(t, filepath.Join(work, "archive", "2020", "ok.toml"), "headline = \"ok\"\n")
	writeFile(t, filepath.Join(work, "ok.toml"), "headline = \"ok\"\n")
	writeFile(t, filepath.Join(work, "other", "2019", "ok.toml"), "headline = \"ok\"\n")
	// A symlink in the tree to a file outside it, and one to a folder.
	must(t, os.Symlink(filepath.Join(outside, "secret.toml"), filepath.Join(work, "archive", "2019", "link.toml")))
	must(t, os.Symlink(filepath.Join(outside, "sub"), filepath.Join(work, "archive", "linkdir")))
	// A symlink inside the output folder that leads out of it.
	must(t, os.MkdirAll(out, 0o755))
	must(t, os.Symlink(outside, filepath.Join(out, "2020")))

	stdin := strings.Join([]string{
		"../outside/secret.toml",
		filepath.Join(outside, "secret.toml"),
		"archive/../../outside/secret.toml",
		"ok.toml",
		filepath.Join(work, "other", "2019", "ok.toml"),
	}, "\n")
	f := &fake{fingerprint: "fp"}
	_, results := collect(t, context.Background(), Options{
		Inputs: []string{filepath.Join(work, "archive"), "-"}, Stdin: strings.NewReader(stdin),
		WorkDir: work, OutDir: out, Jobs: 2, Prepare: f.prepare,
	})
	got := map[string]Result{}
	for _, r := range results {
		got[r.Input] = r
	}
	expect := func(input string, status Status, msg string) {
		t.Helper()
		r, ok := got[input]
		if !ok {
			t.Errorf("%s not reported; results: %v", input, results)
			return
		}
		if r.Status != status || (msg != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), msg))) {
			t.Errorf("%s: %s %v; want %s with %q", input, r.Status, r.Err, status, msg)
		}
	}
	arch := filepath.Join(work, "archive")
	expect(filepath.Join(arch, "2019", "ok.toml"), Rendered, "")
	expect(filepath.Join(arch, "2019", "link.toml"), Failed, "refusing a symlink that leads outside")
	expect(filepath.Join(arch, "linkdir"), Failed, "refusing a symlink that leads outside")
	expect(filepath.Join(arch, "2020", "ok.toml"), Failed, "a symlink in the output folder leads outside it")
	expect("../outside/secret.toml", Failed, "outside the working folder")
	expect(filepath.Join(outside, "secret.toml"), Failed, "outside the working folder")
	expect("archive/../../outside/secret.toml", Failed, "outside the working folder")
	expect("ok.toml", Rendered, "")
	// An absolute path inside the working folder keeps its folders.
	expect(filepath.Join(work, "other", "2019", "ok.toml"), Rendered, "")
	if r := got[filepath.Join(work, "other", "2019", "ok.toml")]; r.Output != filepath.Join(out, "other", "2019", "ok.pdf") {
		t.Errorf("absolute stdin path written to %s", r.Output)
	}
	for input, hint := range map[string]string{
		filepath.Join(arch, "2020", "ok.toml"):   "remove the symlink from the output folder",
		"../outside/secret.toml":                 "run pressroom from a folder that holds the statements",
		filepath.Join(arch, "2019", "link.toml"): "name that file or folder as an input of its own",
	} {
		if d := got[input].Diagnostics(); len(d) != 1 || !strings.HasPrefix(d[0].Hint, hint) || d[0].Pos.File != input {
			t.Errorf("%s: diagnostics %v; want one on the input with hint %q", input, d, hint)
		}
	}
	if fs := files(t, outside); !slices.Equal(fs, []string{"secret.toml", "sub/deep.toml"}) {
		t.Errorf("the folder outside now holds %v", fs)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestShardsPartitionTheInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 60, func(int) bool { return false })
	all := map[string]int{}
	for i := 1; i <= 3; i++ {
		out := filepath.Join(dir, fmt.Sprint("out", i))
		sh, err := ParseShard(fmt.Sprintf("%d/3", i))
		must(t, err)
		f := &fake{fingerprint: "fp"}
		sum, _ := collect(t, context.Background(), Options{Inputs: []string{in}, OutDir: out, Shard: sh, Prepare: f.prepare})
		if sum.Rendered+sum.OtherShards != 60 || sum.Rendered < 5 {
			t.Errorf("shard %d/3: %+v; want its share of 60, the rest counted as other shards", i, sum)
		}
		for _, p := range pdfs(t, out) {
			all[p]++
		}
	}
	if len(all) != 60 {
		t.Errorf("the shards rendered %d distinct statements; want all 60", len(all))
	}
	for p, n := range all {
		if n != 1 {
			t.Errorf("%s rendered by %d shards", p, n)
		}
	}
	for _, bad := range []string{"0/3", "4/3", "1/0", "x/3", "3", "-1/2", "0/0"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
}

func TestLayoutFilesInATreeAreSkipped(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.toml"), "headline = \"a\"\n")
	writeFile(t, filepath.Join(in, "brand.toml"), "name = \"brand\"\n[colours]\nprimary = \"#123456\"\n")
	writeFile(t, filepath.Join(in, "broken.toml"), "name = \"brand\"\nBAD\n")
	writeFile(t, filepath.Join(in, ".hidden.toml"), "headline = BAD\n")
	writeFile(t, filepath.Join(in, ".git", "x.toml"), "headline = BAD\n")
	writeFile(t, filepath.Join(in, "notes.txt"), "BAD\n")
	f := &fake{fingerprint: "fp"}
	sum, results := collect(t, context.Background(), Options{Inputs: []string{in}, OutDir: out, Prepare: f.prepare})
	var got []string
	for _, r := range results {
		got = append(got, filepath.Base(r.Input)+" "+string(r.Status))
	}
	// A .txt file is an archived release to import: one that is not a
	// release fails with its reasons, where a layout is only skipped.
	want := []string{"a.toml rendered", "brand.toml skipped", "broken.toml failed", "notes.txt failed"}
	if !slices.Equal(got, want) || sum.Skipped != 1 {
		t.Errorf("results %v; want %v", got, want)
	}
	// Named on its own, a layout file is checked as a statement.
	sum, _ = collect(t, context.Background(), Options{Inputs: []string{filepath.Join(in, "brand.toml")}, OutDir: out, Prepare: func(ctx context.Context, file string, src []byte) (Document, error) {
		var l diag.List
		l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "", "headline is missing")
		return Document{}, &diag.ListError{List: l}
	}})
	if sum.Failed != 1 {
		t.Errorf("a layout named as input: %+v; want it failed", sum)
	}
}

func TestNamedFilesAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	writeFile(t, filepath.Join(dir, "a", "x.toml"), "headline = \"a\"\n")
	writeFile(t, filepath.Join(dir, "b", "x.toml"), "headline = \"b\"\n")
	f := &fake{fingerprint: "fp"}
	sum, results := collect(t, context.Background(), Options{
		Inputs: []string{filepath.Join(dir, "a", "x.toml"), filepath.Join(dir, "b", "x.toml"), filepath.Join(dir, "missing.toml")},
		OutDir: out, Prepare: f.prepare,
	})
	if sum.Rendered != 1 || sum.Failed != 2 {
		t.Fatalf("%+v; want 1 rendered, 2 failed", sum)
	}
	if results[0].Output != filepath.Join(out, "x.pdf") {
		t.Errorf("a named file is written to %s; want its base name in the output folder", results[0].Output)
	}
	if err := results[1].Err; err == nil || !strings.Contains(err.Error(), "x.pdf is also the output of") {
		t.Errorf("second x.toml: %v; want a clash reported", err)
	}
	if err := results[2].Err; err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

func TestFailFastStops(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 100, func(i int) bool { return i == 10 })
	f := &fake{fingerprint: "fp"}
	sum, results := collect(t, context.Background(), Options{Inputs: []string{in}, OutDir: filepath.Join(dir, "out"), Jobs: 2, FailFast: true, Prepare: f.prepare})
	if sum.Failed != 1 || !sum.StoppedEarly || sum.Interrupted || sum.Cancelled == 0 || sum.Total() != 100 {
		t.Errorf("fail-fast: %+v; want a stop after the first failure, the rest not started", sum)
	}
	for i, r := range results {
		if r.Index != i {
			t.Fatalf("results out of order after a stop")
		}
	}
}

// TestReorderWindowBoundsWork checks that memory stays flat: while the first
// document is stuck, the others may run only a bounded distance ahead.
func TestReorderWindowBoundsWork(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	rels := writeArchive(t, in, 300, func(int) bool { return false })
	first := filepath.Join(in, rels[0])
	release := make(chan struct{})
	var started atomic.Int64
	f := &fake{fingerprint: "fp"}
	f.block = func(file string) {
		started.Add(1)
		if file == first {
			<-release
		}
	}
	var ahead int64
	go func() {
		// Free the first document once the others have stopped moving.
		last := int64(-1)
		for {
			time.Sleep(50 * time.Millisecond)
			if n := started.Load(); n == last {
				ahead = n
				close(release)
				return
			} else {
				last = n
			}
		}
	}()
	sum, _ := collect(t, context.Background(), Options{Inputs: []string{in}, OutDir: filepath.Join(dir, "out"), Jobs: 2, Prepare: f.prepare})
	if sum.Rendered != 300 {
		t.Fatalf("%+v", sum)
	}
	if window := int64(4*2 + 16); ahead > window || ahead < 2 {
		t.Errorf("%d documents started while the first was stuck; want more than one and at most the window, %d", ahead, window)
	}
}

func TestManifestCSV(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 5, func(i int) bool { return i == 2 })
	writeFile(t, filepath.Join(in, "w.toml"), "headline = \"x\"\ny = WARN\n")
	// The manifest's folder does not exist yet, like an --out-dir.
	path := filepath.Join(dir, "out", "m.csv")
	m, err := CreateManifest(path)
	must(t, err)
	f := &fake{fingerprint: "fp"}
	sum, _ := collect(t, context.Background(), Options{Inputs: []string{in}, OutDir: filepath.Join(dir, "out"), Prepare: f.prepare, Report: m.Add})
	must(t, m.Commit(sum))
	fh, err := os.Open(path)
	must(t, err)
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	must(t, err)
	if len(rows) != 7 || !slices.Equal(rows[0], append(manifestColumns, runColumns...)) {
		t.Fatalf("manifest has %d rows, header %v; want header and 6 records", len(rows), rows[0])
	}
	for _, row := range rows[1:] {
		if run := row[8:]; run[0] != "1/1" || run[1] != "6" || run[2] != sum.InputsDigest {
			t.Errorf("row's run columns %q; want 1/1, 6 inputs, %s", run, sum.InputsDigest)
		}
	}
	var statuses []string
	for _, row := range rows[1:] {
		statuses = append(statuses, row[2])
		if row[2] == "rendered" && (len(row[5]) != 64 || row[4] == "0") {
			t.Errorf("rendered row without size or sha256: %v", row)
		}
		if row[2] == "failed" && !strings.HasSuffix(row[7], ":2:5: error: this statement is bad (hint: write GOOD instead)") {
			t.Errorf("failed row without its diagnostic: %v", row)
		}
		if strings.HasSuffix(row[0], "w.toml") && !strings.Contains(row[6], ":2:5: warning: this statement is odd") {
			t.Errorf("warning row without its warning: %v", row)
		}
	}
	// One record a line, for spreadsheets and line tools.
	if raw, _ := os.ReadFile(path); bytes.Count(raw, []byte("\n")) != 7 {
		t.Errorf("the manifest has %d lines, want 7 (a header and 6 records):\n%s", bytes.Count(raw, []byte("\n")), raw)
	}
	if want := []string{"rendered", "rendered", "failed", "rendered", "rendered", "rendered"}; !slices.Equal(statuses, want) {
		t.Errorf("statuses %v; want %v", statuses, want)
	}
	if _, err := CreateManifest(filepath.Join(dir, "m.txt")); err == nil {
		t.Errorf("a manifest named .txt was accepted")
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	f := &fake{}
	for _, opts := range []Options{
		{OutDir: t.TempDir()},
		{Prepare: f.prepare},
		{Prepare: f.prepare, OutDir: t.TempDir(), Shard: Shard{Index: 3, Count: 2}},
	} {
		if _, err := Run(context.Background(), opts); err == nil {
			t.Errorf("Run(%+v) accepted", opts)
		}
	}
	// An output folder that is a file.
	file := filepath.Join(t.TempDir(), "file")
	must(t, os.WriteFile(file, nil, 0o644))
	if _, err := Run(context.Background(), Options{Prepare: f.prepare, OutDir: file}); err == nil || errors.Is(err, nil) {
		t.Errorf("an output folder that is a file was accepted")
	}
}

// TestFoundGivesTheTotalEarly checks that a progress display learns the
// total while the work is still going, not only at the end.
func TestFoundGivesTheTotalEarly(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 150, func(int) bool { return false })
	writeFile(t, filepath.Join(dir, "extra.toml"), "headline = \"x\"\n")
	var mu sync.Mutex
	total, complete, reportedBeforeTotal := 0, false, 0
	reported := 0
	f := &fake{fingerprint: "fp"}
	sh := Shard{Index: 2, Count: 3}
	sum, _ := collect(t, context.Background(), Options{
		Inputs: []string{in, filepath.Join(dir, "extra.toml")}, OutDir: filepath.Join(dir, "out"), Jobs: 1, Shard: sh, Prepare: f.prepare,
		Found: func(n int, c bool) {
			mu.Lock()
			defer mu.Unlock()
			if complete {
				t.Errorf("Found(%d, %v) after the total was complete", n, c)
			}
			total, complete = n, c
			if c {
				reportedBeforeTotal = reported
			}
		},
		Report: func(Result) {
			mu.Lock()
			reported++
			mu.Unlock()
		},
	})
	if !complete || total != sum.Total() {
		t.Errorf("Found said %d (complete %v); the run reported %d", total, complete, sum.Total())
	}
	if reportedBeforeTotal == sum.Total() {
		t.Logf("the total came only at the end (a slow machine?)")
	}

	// With paths on stdin the total is known only when they have all
	// been read.
	total, complete = 0, false
	stdin := strings.NewReader("in/2000/000.toml\nin/2001/001.toml\n")
	sum, _ = collect(t, context.Background(), Options{
		Inputs: []string{"-"}, Stdin: stdin, WorkDir: dir, OutDir: filepath.Join(dir, "out2"), Prepare: f.prepare,
		Found: func(n int, c bool) { total, complete = n, c },
	})
	if !complete || total != 2 || sum.Rendered != 2 {
		t.Errorf("stdin: Found said %d (complete %v), %+v", total, complete, sum)
	}
}

// TestFilesBesideThePDF checks the hook that writes other forms (text,
// HTML, e-mail) beside each PDF, and that a missing one is written again.
func TestFilesBesideThePDF(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeArchive(t, in, 4, func(int) bool { return false })
	f := &fake{fingerprint: "fp"}
	var failOn atomic.Value
	failOn.Store("")
	prepare := func(ctx context.Context, file string, src []byte) (Document, error) {
		doc, err := f.prepare(ctx, file, src)
		doc.Beside = []string{".txt"}
		doc.After = func(pdfPath string, pdf []byte) error {
			if !bytes.Equal(pdf, fakePDF(src)) {
				t.Errorf("After for %s got other bytes than the PDF's", file)
			}
			if s := failOn.Load().(string); s != "" && strings.HasSuffix(file, s) {
				return errors.New("cannot write the text")
			}
			return os.WriteFile(strings.TrimSuffix(pdfPath, ".pdf")+".txt", src, 0o644)
		}
		return doc, err
	}
	opts := Options{Inputs: []string{in}, OutDir: out, Prepare: prepare}
	sum, results := collect(t, context.Background(), opts)
	if sum.Rendered != 4 {
		t.Fatalf("%+v", sum)
	}
	txt := strings.TrimSuffix(results[1].Output, ".pdf") + ".txt"
	if _, err := os.Stat(txt); err != nil {
		t.Fatalf("no text beside the PDF: %v", err)
	}
	os.Remove(txt)
	sum, _ = collect(t, context.Background(), opts)
	if sum.Rendered != 1 || sum.Unchanged != 3 {
		t.Errorf("after removing one text file: %+v; want its statement rendered again", sum)
	}
	failOn.Store(filepath.Base(results[2].Input))
	opts.Force = true
	sum, got := collect(t, context.Background(), opts)
	if sum.Failed != 1 || got[2].Status != Failed || !strings.Contains(got[2].Err.Error(), "cannot write the text") {
		t.Errorf("an After error: %+v, %v; want that input failed", sum, got[2].Err)
	}
}
