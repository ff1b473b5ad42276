package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/batch"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
)

// seedArchive writes n variants of the seed statement under dir/YEAR/,
// each with its own headline and reference; those for which bad is true
// quote their date, an error with a hint.
func seedArchive(t *testing.T, dir string, n int, bad func(i int) bool) {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("..", "..", "examples", "seed-statement.toml"))
	if err != nil {
		t.Fatalf("the seed statement: %v", err)
	}
	for i := range n {
		s := strings.Replace(string(seed), `headline = "Publication of learning`, fmt.Sprintf(`headline = "No. %d: Publication of learning`, i), 1)
		s = strings.Replace(s, `reference = "BSCP 2020/21-01"`, fmt.Sprintf(`reference = "BSCP 2020/21-%03d"`, i), 1)
		if bad(i) {
			s = strings.Replace(s, "date = 2024-12-17", `date = "2024-12-17"`, 1)
		}
		path := filepath.Join(dir, fmt.Sprint(2015+i%10), fmt.Sprintf("statement-%03d.toml", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runCmd(args ...string) (int, string) {
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1734393600"
		}
		return ""
	}
	code := run(append([]string{"pressroom"}, args...), strings.NewReader(""), &stdout, &stderr, getenv)
	return code, stderr.String()
}

func countFiles(t *testing.T, dir, suffix string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, suffix) {
			n++
		}
		return nil
	})
	return n
}

// TestBatchRealStatements renders 200 variants of the seed statement with
// 10 bad ones in the middle through the real pipeline.
func TestBatchRealStatements(t *testing.T) {
	pdftest.NeedTool(t, "pdfinfo")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "archive"), filepath.Join(dir, "pdf")
	seedArchive(t, in, 200, func(i int) bool { return i >= 95 && i < 105 })

	code, stderr := runCmd("batch", in, "--out-dir", out, "--jobs", "2", "--manifest", filepath.Join(dir, "m.json"))
	if code != exitProblem {
		t.Errorf("exit code %d; want 1 for a batch with failures", code)
	}
	if !strings.Contains(stderr, "190 rendered, 0 unchanged, 10 failed") {
		t.Fatalf("summary missing or wrong:\n%s", tail(stderr))
	}
	failed := regexp.MustCompile(`(?m)^failed (.*statement-(\d+)\.toml)\n(.*statement-(\d+)\.toml):11:8: error: date must be a TOML date, not a string\n    hint: drop the quotes`).FindAllStringSubmatch(stderr, -1)
	if len(failed) != 10 {
		t.Errorf("%d failures reported with their diagnostic; want 10:\n%s", len(failed), tail(stderr))
	}
	for _, m := range failed {
		if m[2] != m[4] {
			t.Errorf("failure of %s reported with the diagnostic of %s", m[1], m[3])
		}
	}
	if n := countFiles(t, out, ".pdf"); n != 190 {
		t.Errorf("%d PDFs written; want 190", n)
	}
	if n := countFiles(t, out, ".tmp"); n != 0 {
		t.Errorf("%d temporary files left", n)
	}
	for _, i := range []int{0, 94, 105, 199} {
		path := filepath.Join(out, fmt.Sprint(2015+i%10), fmt.Sprintf("statement-%03d.pdf", i))
		pdf, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := pdftest.Info(t, pdf)["Title"]; !strings.HasPrefix(got, fmt.Sprintf("No. %d: ", i)) {
			t.Errorf("%s has title %q; want its own statement's headline", path, got)
		}
	}

	// A re-run renders nothing new.
	code, stderr = runCmd("batch", in, "--out-dir", out, "--jobs", "2")
	if code != exitProblem || !strings.Contains(stderr, "0 rendered, 190 unchanged, 10 failed") {
		t.Errorf("re-run: exit %d,\n%s", code, tail(stderr))
	}
}

// TestBatchRealInterrupted cancels a real batch part-way: what was written
// is complete, nothing partial is left, and a re-run does the rest.
func TestBatchRealInterrupted(t *testing.T) {
	pdftest.NeedTool(t, "qpdf")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "archive"), filepath.Join(dir, "pdf")
	seedArchive(t, in, 40, func(int) bool { return false })
	e := &env{layouts: layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())}
	prepare := e.batchPrepare("", batchScope([]string{in}, false), time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC), render.Options{Version: pressroom.Version}, renditions{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	sum, err := batch.Run(ctx, batch.Options{
		Inputs: []string{in}, OutDir: out, Jobs: 2, Prepare: prepare,
		Report: func(batch.Result) {
			if n++; n == 10 {
				cancel()
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Rendered < 10 || sum.Rendered >= 40 {
		t.Fatalf("interrupted run: %+v", sum)
	}
	if n := countFiles(t, out, ".tmp"); n != 0 {
		t.Errorf("%d temporary files left", n)
	}
	if got := countFiles(t, out, ".pdf"); got != sum.Rendered {
		t.Errorf("%d PDFs on disk, %d reported rendered", got, sum.Rendered)
	}
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".pdf") {
			pdf, _ := os.ReadFile(path)
			pdftest.Check(t, pdf)
		}
		return nil
	})
	sum2, err := batch.Run(context.Background(), batch.Options{Inputs: []string{in}, OutDir: out, Jobs: 2, Prepare: prepare})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.Unchanged != sum.Rendered || sum2.Rendered != 40-sum.Rendered {
		t.Errorf("re-run after the interrupt: %+v; want %d unchanged, %d rendered", sum2, sum.Rendered, 40-sum.Rendered)
	}
}

func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}
