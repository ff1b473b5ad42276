package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/batch"
)

// pressroomExe is the test binary under the name pressroom: run as that,
// TestMain's testscript.RunMain calls run, as the real program does.
func pressroomExe(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Skipf("cannot find the test binary: %v", err)
	}
	link := filepath.Join(t.TempDir(), "pressroom")
	if err := os.Symlink(self, link); err != nil {
		t.Skipf("cannot link the test binary: %v", err)
	}
	return link
}

// workerEnv is this process's environment without any job runner's
// variables (the test may itself run in CI), plus SOURCE_DATE_EPOCH and
// the given ones.
func workerEnv(vars ...string) []string {
	runner := append(batch.RunnerVars(), batch.ShardsVar)
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if slices.Contains(runner, name) || strings.HasPrefix(name, "SLURM_") || strings.HasPrefix(name, "AWS_BATCH_") ||
			strings.HasPrefix(name, "CI_NODE") || strings.HasPrefix(name, "CIRCLE_NODE") || strings.HasPrefix(name, "BUILDKITE_PARALLEL") ||
			strings.HasPrefix(name, "CLOUD_RUN_TASK") || name == "SOURCE_DATE_EPOCH" {
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "SOURCE_DATE_EPOCH=1734393600"), vars...)
}

// smallArchive writes n short statements under dir/YEAR/.
func smallArchive(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		path := filepath.Join(dir, fmt.Sprint(2015+i%8), fmt.Sprintf("s%03d.toml", i))
		must(t, os.MkdirAll(filepath.Dir(path), 0o755))
		body := fmt.Sprintf("headline = \"Statement %d\"\ndate = 2024-12-17\nsummary = \"Summary number %d.\"\n", i, i)
		must(t, os.WriteFile(path, []byte(body), 0o644))
	}
}

// runIn runs pressroom in process, in dir, and returns its exit code and
// stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	wd, err := os.Getwd()
	must(t, err)
	must(t, os.Chdir(dir))
	defer os.Chdir(wd)
	return runCmd(args...)
}

// TestBatchShardAutoAtScale is issue 17's test: four workers started at
// once, each by another job runner's variables, into one out-dir; one of
// them is interrupted half way, merge names what it left, a re-run with
// the same index completes the set, and the PDFs equal a single run's
// byte for byte.
func TestBatchShardAutoAtScale(t *testing.T) {
	start := time.Now()
	// 400 statements take about 4 s on two busy cores; under -race
	// (.ci/run) about 40 s, so fewer there.
	n := 400
	if testing.Short() || raceEnabled {
		n = 80
	}
	exe := pressroomExe(t)
	dir := t.TempDir()
	smallArchive(t, filepath.Join(dir, "in"), n)

	code, stderr := runIn(t, dir, "batch", "in", "--out-dir", "single", "--jobs", "1", "--quiet")
	if code != 0 {
		t.Fatalf("single run: exit %d\n%s", code, stderr)
	}

	workers := []struct {
		runner string
		env    []string
	}{
		{"Kubernetes Indexed Job", []string{"JOB_COMPLETION_INDEX=0", "PRESSROOM_SHARDS=4"}},
		{"AWS Batch array job", []string{"AWS_BATCH_JOB_ARRAY_INDEX=1", "AWS_BATCH_JOB_ARRAY_SIZE=4"}},
		{"Slurm job array", []string{"SLURM_ARRAY_TASK_ID=7", "SLURM_ARRAY_TASK_MIN=3", "SLURM_ARRAY_TASK_MAX=9", "SLURM_ARRAY_TASK_STEP=2", "SLURM_ARRAY_TASK_COUNT=4"}},
		{"GNU parallel", []string{"PARALLEL_SEQ=4", "PRESSROOM_SHARDS=4"}},
	}
	const cut = 2 // the Slurm worker, shard 3/4, is interrupted
	args := []string{"batch", "--shard", "auto", "in", "--out-dir", "shared", "--manifest", "shared/manifest.{shard}.json", "--jobs", "1"}
	command := func(i int) *exec.Cmd {
		cmd := exec.Command(exe, args...)
		cmd.Dir, cmd.Env = dir, workerEnv(workers[i].env...)
		return cmd
	}
	var wg sync.WaitGroup
	codes := make([]int, len(workers))
	logs := make([]string, len(workers))
	for i := range workers {
		cmd := command(i)
		// Nothing goes to stdout; stderr is kept (and, for the worker to
		// interrupt, read line by line).
		var buf bytes.Buffer
		var lines *bufio.Scanner
		if i == cut {
			pipe, err := cmd.StderrPipe()
			must(t, err)
			lines = bufio.NewScanner(pipe)
		} else {
			cmd.Stderr = &buf
		}
		must(t, cmd.Start())
		wg.Go(func() {
			if lines != nil {
				// Interrupt once a few documents are written.
				rendered := 0
				for lines.Scan() {
					buf.WriteString(lines.Text() + "\n")
					if strings.HasPrefix(lines.Text(), "rendered ") {
						if rendered++; rendered == 3 {
							cmd.Process.Signal(syscall.SIGINT)
						}
					}
				}
			}
			cmd.Wait()
			codes[i], logs[i] = cmd.ProcessState.ExitCode(), buf.String()
		})
	}
	wg.Wait()
	for i, w := range workers {
		want := 0
		if i == cut {
			want = exitInterrupted
		}
		if codes[i] != want {
			t.Errorf("worker %d (%s): exit %d, want %d\n%s", i, w.runner, codes[i], want, logs[i])
		}
		if from := fmt.Sprintf("shard %d/4 from %s (", i+1, w.runner); !strings.Contains(logs[i], from) {
			t.Errorf("worker %d does not say %q (%d bytes):\n%s", i, from, len(logs[i]), logs[i])
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	// Merge names every input the interrupted shard did not render.
	manifests := []string{"shared/manifest.1-of-4.json", "shared/manifest.2-of-4.json", "shared/manifest.3-of-4.json", "shared/manifest.4-of-4.json"}
	code, stderr = runIn(t, dir, append([]string{"batch", "merge", "merged.json"}, manifests...)...)
	if code != 1 || !strings.Contains(stderr, "shard 3/4 (shared/manifest.3-of-4.json) was interrupted") {
		t.Fatalf("merge with an interrupted shard: exit %d\n%s", code, stderr)
	}
	var notStarted []string
	for _, line := range strings.Split(logs[cut], "\n") {
		if in, ok := strings.CutPrefix(line, "not started "); ok && !strings.Contains(line, ":") {
			notStarted = append(notStarted, in)
		}
	}
	missing := regexp.MustCompile(`(?m)^  (in/\S+)$`).FindAllStringSubmatch(stderr, -1)
	named := map[string]bool{}
	for _, m := range missing {
		named[m[1]] = true
	}
	if count := regexp.MustCompile(`was interrupted: (\d+) of its inputs`).FindStringSubmatch(stderr); len(notStarted) == 0 || count == nil || count[1] != fmt.Sprint(len(missing)) {
		t.Errorf("merge names %d inputs; the shard said %d were not started:\n%s", len(missing), len(notStarted), stderr)
	}
	for _, in := range notStarted {
		if !named[filepath.ToSlash(in)] {
			t.Errorf("merge does not name %s, which the shard did not start", in)
		}
	}
	for _, m := range missing {
		if _, err := os.Stat(filepath.Join(dir, "shared", strings.TrimSuffix(strings.TrimPrefix(m[1], "in/"), ".toml")+".pdf")); err == nil {
			t.Errorf("merge names %s as missing, but its PDF is there", m[1])
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "merged.json")); err == nil {
		t.Errorf("merge wrote merged.json despite the gap")
	}

	// The same worker again (same index) completes the set.
	out, err := command(cut).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run of shard 3/4: %v\n%s", err, out)
	}
	code, stderr = runIn(t, dir, append([]string{"batch", "merge", "merged.json"}, manifests...)...)
	if want := fmt.Sprintf("merged 4 shards into merged.json: %d inputs, each once: ", n); code != 0 || !strings.Contains(stderr, want) {
		t.Fatalf("merge: exit %d\n%s\nwant …%s…", code, stderr, want)
	}
	var merged struct {
		Records []struct {
			Input  string
			Status batch.Status
		} `json:"records"`
		Summary struct{ Rendered, Unchanged, Failed, Cancelled int }
	}
	raw, err := os.ReadFile(filepath.Join(dir, "merged.json"))
	must(t, err)
	must(t, json.Unmarshal(raw, &merged))
	seen := map[string]bool{}
	for _, r := range merged.Records {
		if seen[r.Input] || (r.Status != batch.Rendered && r.Status != batch.Unchanged) {
			t.Errorf("merged record %s: %s, seen before: %v", r.Input, r.Status, seen[r.Input])
		}
		seen[r.Input] = true
	}
	if len(seen) != n || merged.Summary.Rendered+merged.Summary.Unchanged != n {
		t.Errorf("merged manifest: %d inputs, %+v; want %d rendered or unchanged", len(seen), merged.Summary, n)
	}

	// The PDFs are the single run's, byte for byte, and nothing else is
	// left in the shared folder but the shards' state files and manifests.
	single := files(t, filepath.Join(dir, "single"))
	shared := files(t, filepath.Join(dir, "shared"))
	var sharedPDFs []string
	for _, f := range shared {
		switch {
		case strings.HasSuffix(f, ".pdf"):
			sharedPDFs = append(sharedPDFs, f)
		case regexp.MustCompile(`^(\.pressroom-state\.[1-4]-of-4\.json|manifest\.[1-4]-of-4\.json)$`).MatchString(f):
		default:
			t.Errorf("unexpected file in the shared folder: %s", f)
		}
	}
	if !slices.Equal(sharedPDFs, pdfsOf(single)) || len(sharedPDFs) != n {
		t.Fatalf("the shards wrote %d PDFs, the single run %d", len(sharedPDFs), len(pdfsOf(single)))
	}
	for _, f := range sharedPDFs {
		a, _ := os.ReadFile(filepath.Join(dir, "single", f))
		b, _ := os.ReadFile(filepath.Join(dir, "shared", f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the single run and the shards", f)
		}
	}
	t.Logf("%d statements, 4 workers: %.1f s", n, time.Since(start).Seconds())
}

func pdfsOf(files []string) []string {
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, ".pdf") {
			out = append(out, f)
		}
	}
	return out
}

// files lists every file under dir, slash-separated, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	must(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	}))
	slices.Sort(out)
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
