package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shardRun renders shard sh of the inputs into out with a manifest at
// path (JSON or CSV by its name) and returns the manifest's path.
func shardRun(t *testing.T, ctx context.Context, inputs []string, out string, sh Shard, path string, opts map[string]string) string {
	t.Helper()
	m, err := CreateManifest(path)
	must(t, err)
	m.SetRun(ManifestRun{Shard: sh, Options: opts})
	f := &fake{fingerprint: "fp"}
	sum, _ := collect(t, ctx, Options{Inputs: inputs, OutDir: out, Shard: sh, Jobs: 1, Prepare: f.prepare, Report: m.Add})
	must(t, m.Commit(sum))
	return path
}

func readAll(t *testing.T, paths ...string) []*ShardManifest {
	t.Helper()
	var ms []*ShardManifest
	for _, p := range paths {
		m, err := ReadManifest(p)
		if err != nil {
			t.Fatalf("ReadManifest: %v", err)
		}
		ms = append(ms, m)
	}
	return ms
}

func gapsOf(t *testing.T, err error) string {
	t.Helper()
	var me *MergeError
	if !errors.As(err, &me) {
		t.Fatalf("MergeManifests: %v; want a *MergeError", err)
	}
	return me.Error()
}

func TestMergeShards(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 40, func(i int) bool { return i == 7 })
	opts := map[string]string{"layout": "", "pdf-standard": "ua-a"}
	// One shard's manifest as CSV, the others as JSON: merge reads both.
	var paths []string
	for i := 1; i <= 3; i++ {
		ext := ".json"
		if i == 2 {
			ext = ".csv"
		}
		paths = append(paths, shardRun(t, context.Background(), []string{in}, filepath.Join(dir, "out"), Shard{i, 3}, filepath.Join(dir, fmt.Sprintf("m%d%s", i, ext)), opts))
	}
	whole := shardRun(t, context.Background(), []string{in}, filepath.Join(dir, "whole"), Shard{}, filepath.Join(dir, "whole.json"), opts)
	ms := readAll(t, paths...)
	if ms[0].InputsDigest != ms[1].InputsDigest || ms[0].Inputs != 40 || ms[1].Shard != (Shard{2, 3}) {
		t.Fatalf("shards' runs differ: %+v, %+v", ms[0], ms[1])
	}
	mg, err := MergeManifests(ms)
	must(t, err)
	if s := mg.Summary; s.Rendered != 39 || s.Failed != 1 || s.Cancelled != 0 || mg.Inputs != 40 {
		t.Errorf("merged summary %+v; want 39 rendered, 1 failed", s)
	}
	for _, ext := range []string{".json", ".csv"} {
		out := filepath.Join(dir, "merged"+ext)
		must(t, mg.Write(out))
	}
	// The merged CSV is a manifest of the whole run, shard 1/1.
	if m := readAll(t, filepath.Join(dir, "merged.csv"))[0]; len(m.records) != 40 || m.Shard != (Shard{1, 1}) || m.InputsDigest != mg.InputsDigest || !mapsEqual(m.Options, opts) {
		t.Errorf("merged CSV: %d records, shard %s, %s, %v", len(m.records), m.Shard, m.InputsDigest, m.Options)
	}
	// The merged JSON lists the inputs sorted, as the unsharded run's
	// manifest does (a walk's order is sorted too), with the same records.
	var merged, single struct {
		Records []json.RawMessage `json:"records"`
		Summary summaryJSON       `json:"summary"`
		Run     runJSON           `json:"run"`
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "merged.json"))
	must(t, json.Unmarshal(raw, &merged))
	raw, _ = os.ReadFile(whole)
	must(t, json.Unmarshal(raw, &single))
	if len(merged.Records) != 40 || merged.Summary != single.Summary || merged.Run.InputsDigest != single.Run.InputsDigest || merged.Run.Merged != 3 || merged.Run.Shard != "1/1" {
		t.Errorf("merged %d records, %+v, %+v; want 40 as the single run's %+v, %+v", len(merged.Records), merged.Summary, merged.Run, single.Summary, single.Run)
	}
	var inputs []string
	for _, r := range merged.Records {
		var f recordFields
		must(t, json.Unmarshal(r, &f))
		inputs = append(inputs, f.Input)
	}
	if !slices.IsSorted(inputs) {
		t.Errorf("merged records not sorted by input: %v", inputs)
	}
	// A merged manifest is not a shard's: merging it again is refused.
	if _, err := ReadManifest(filepath.Join(dir, "merged.json")); err == nil || !strings.Contains(err.Error(), "already merged") {
		t.Errorf("a merged manifest read as a shard's: %v", err)
	}
}

func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 30, func(int) bool { return false })
	other := filepath.Join(dir, "other")
	writeArchive(t, other, 31, func(int) bool { return false })
	opts := map[string]string{"pdf-standard": "ua-a"}
	run := func(name string, inputs []string, sh Shard, opts map[string]string) string {
		return shardRun(t, context.Background(), inputs, filepath.Join(dir, "out-"+name), sh, filepath.Join(dir, name+".json"), opts)
	}
	s1 := run("s1", []string{in}, Shard{1, 3}, opts)
	s2 := run("s2", []string{in}, Shard{2, 3}, opts)
	s3 := run("s3", []string{in}, Shard{3, 3}, opts)
	s3other := run("s3other", []string{other}, Shard{3, 3}, opts)
	s3plain := run("s3plain", []string{in}, Shard{3, 3}, map[string]string{"pdf-standard": "none"})
	s2of2 := run("s2of2", []string{in}, Shard{2, 2}, opts)

	// An interrupted shard: cancelled once 3 inputs have started.
	ctx, cancel := context.WithCancel(context.Background())
	m, err := CreateManifest(filepath.Join(dir, "s2cut.json"))
	must(t, err)
	m.SetRun(ManifestRun{Shard: Shard{2, 3}, Options: opts})
	started := 0
	f := &fake{fingerprint: "fp", block: func(string) {
		if started++; started == 3 {
			cancel()
		}
	}}
	sum, results := collect(t, ctx, Options{Inputs: []string{in}, OutDir: filepath.Join(dir, "out-cut"), Shard: Shard{2, 3}, Jobs: 1, Prepare: f.prepare, Report: m.Add})
	must(t, m.Commit(sum))
	var notStarted []string
	for _, r := range results {
		if r.Status == Cancelled {
			notStarted = append(notStarted, r.Input)
		}
	}
	if !sum.Interrupted || len(notStarted) == 0 {
		t.Fatalf("the cut shard was not interrupted: %+v", sum)
	}
	s2cut := filepath.Join(dir, "s2cut.json")

	for _, tc := range []struct {
		name  string
		paths []string
		want  []string
	}{
		{"mismatched digests", []string{s1, s2, s3other}, []string{"s3other.json comes from another list of inputs than " + s1 + " (31 inputs, sha256:"}},
		{"other options", []string{s1, s2, s3plain}, []string{`s3plain.json was rendered with other options than ` + s1 + ` (pdf-standard "none" instead of "ua-a")`}},
		{"other shard count", []string{s1, s2of2}, []string{"s1.json is shard 1/3 but " + s2of2 + " is shard 2/2"}},
		{"missing shard", []string{s1, s3}, []string{"no manifest for shard 2/3: the run's other shards hold", "of its 30 inputs", "run it (--shard 2/3, or the same job index again)"}},
		{"missing shards", []string{s2}, []string{"no manifest for shards 1/3, 3/3: ", "run them (--shard 1/3"}},
		{"duplicate shard", []string{s1, s2, s2, s3}, []string{"shard 2/3 is given 2 times: " + s2 + ", " + s2}},
		{"interrupted shard", []string{s1, s2cut, s3}, append([]string{fmt.Sprintf("shard 2/3 (%s) was interrupted: %d of its inputs were not rendered; run shard 2/3 again", s2cut, len(notStarted))}, notStarted...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mg, err := MergeManifests(readAll(t, tc.paths...))
			if err == nil {
				t.Fatalf("merged: %+v", mg.Summary)
			}
			msg := gapsOf(t, err)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("merge says:\n%s\nwant …%s…", msg, w)
				}
			}
		})
	}
	// Re-running the interrupted shard completes the set.
	s2again := shardRun(t, context.Background(), []string{in}, filepath.Join(dir, "out-cut"), Shard{2, 3}, filepath.Join(dir, "s2again.json"), opts)
	if mg, err := MergeManifests(readAll(t, s1, s2again, s3)); err != nil || mg.Summary.Rendered+mg.Summary.Unchanged != 30 {
		t.Errorf("after the re-run: %v", err)
	}
}

func TestReadManifestRefusesGarbage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, body, want string }{
		{"empty.json", "", "not the JSON of one"},
		{"text.json", "hello", "not the JSON of one"},
		{"list.json", "[1,2]", "not the JSON of one"},
		{"norecords.json", `{"summary":{}}`, `no "records" list`},
		{"unfinished.json", `{"records":[]}`, `no "summary"`},
		{"old.json", `{"records":[],"summary":{}}`, `no "run"`},
		{"badshard.json", `{"records":[],"summary":{},"run":{"shard":"x","inputs_digest":"sha256:00"}}`, `its shard "x" is not I/N`},
		{"baddigest.json", `{"records":[],"summary":{},"run":{"shard":"1/2","inputs_digest":"md5"}}`, `inputs digest "md5"`},
		{"badrecord.json", `{"records":[{"input":"a","status":"great"}],"summary":{},"run":{"shard":"1/2","inputs_digest":"sha256:00"}}`, `record 1 (a) has the status "great"`},
		{"noinput.json", `{"records":[{"status":"rendered"}],"summary":{},"run":{"shard":"1/2","inputs_digest":"sha256:00"}}`, `record 1 has no input`},
		{"empty.csv", "", "no CSV header"},
		{"other.csv", "a,b\n1,2\n", `its header is "a,b"`},
		{"old.csv", "input,output,status,pages,bytes,sha256,warnings,error\n", "no run columns"},
		{"norecords.csv", "input,output,status,pages,bytes,sha256,warnings,error,shard,inputs,inputs_digest,options\n", "it has no records"},
		{"short.csv", "input,output,status,pages,bytes,sha256,warnings,error,shard,inputs,inputs_digest,options\na,b\n", "wrong number of fields"},
		{"mixed.csv", "input,output,status,pages,bytes,sha256,warnings,error,shard,inputs,inputs_digest,options\n" +
			"a,a.pdf,rendered,1,9,x,,,1/2,2,sha256:00,\nb,b.pdf,rendered,1,9,x,,,2/2,2,sha256:00,\n", "record 2 names another run"},
		{"manifest.txt", "", "ends in .json or .csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			writeFile(t, path, tc.body)
			_, err := ReadManifest(path)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("ReadManifest(%s): %v; want %s: …%s…", tc.name, err, path, tc.want)
			}
		})
	}
	if _, err := ReadManifest(filepath.Join(dir, "absent.json")); err == nil || !strings.Contains(err.Error(), "absent.json") {
		t.Errorf("a missing manifest: %v", err)
	}
	if _, err := ReadManifest(dir + "/x.json/"); err == nil {
		t.Errorf("a folder read as a manifest")
	}
}

func TestFlatLines(t *testing.T) {
	in := "a.toml:1:2: error: bad\n    hint: write good\na.toml:3:1: error: worse"
	if got, want := flatLines(in), "a.toml:1:2: error: bad (hint: write good) | a.toml:3:1: error: worse"; got != want {
		t.Errorf("flatLines = %q; want %q", got, want)
	}
}

func TestOptionsCellRoundTrip(t *testing.T) {
	opts := map[string]string{"layout": `my "house" style.toml`, "text": "true", "empty": "", "pdf-standard": "ua-a"}
	got, err := parseOptionsCell(optionsCell(opts))
	if err != nil || !mapsEqual(got, opts) {
		t.Errorf("round trip: %v, %v; want %v", got, err, opts)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestShardsNeverWriteOneFile: inputs that would make the same PDF (x.toml
// and x.md) fall to one shard, which refuses the second, so shards sharing
// an out-dir never write the same file; so do PDFs whose names differ only
// in case (one file on some file systems), as in a run of one shard; and
// every shard's digest is the same.
func TestShardsNeverWriteOneFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeArchive(t, in, 20, func(int) bool { return false })
	writeFile(t, filepath.Join(in, "x.toml"), "headline = \"x\"\n")
	writeFile(t, filepath.Join(in, "x.md"), "headline = \"x, in Markdown\"\n")
	writeFile(t, filepath.Join(in, "Y.toml"), "headline = \"Y\"\n")
	writeFile(t, filepath.Join(in, "y.toml"), "headline = \"y\"\n")
	out := filepath.Join(dir, "out")
	byPDF := map[string][]string{}
	shardOf := map[string]int{}
	digests := map[string]bool{}
	failed := 0
	for i := 1; i <= 4; i++ {
		f := &fake{fingerprint: "fp"}
		sum, results := collect(t, context.Background(), Options{Inputs: []string{in}, OutDir: out, Shard: Shard{i, 4}, Jobs: 1, Prepare: f.prepare})
		digests[sum.InputsDigest] = true
		if sum.Inputs != 24 {
			t.Errorf("shard %d/4 counts %d inputs in the run; want 24", i, sum.Inputs)
		}
		for _, r := range results {
			if r.Status == Rendered {
				byPDF[r.Output] = append(byPDF[r.Output], r.Input)
				shardOf[filepath.Base(r.Input)] = i
			}
			if r.Status == Failed && strings.Contains(r.Err.Error(), "is also the output of") {
				failed++
			}
		}
	}
	for pdf, ins := range byPDF {
		if len(ins) > 1 {
			t.Errorf("%s written by %v", pdf, ins)
		}
	}
	if failed != 1 || len(digests) != 1 || len(byPDF) != 23 {
		t.Errorf("%d PDFs, %d inputs refused as another's output, %d digests; want 23, 1 and 1", len(byPDF), failed, len(digests))
	}
	if shardOf["Y.toml"] != shardOf["y.toml"] {
		t.Errorf("Y.toml went to shard %d, y.toml to %d", shardOf["Y.toml"], shardOf["y.toml"])
	}
}
