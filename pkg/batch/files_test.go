package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/hostile"

	"github.com/pressroom/pressroom/pkg/output"
)

// TestBatchRemovesStaleTemporaries: temporary files a killed run left in
// the output folder are removed by the next run when old; a recent one
// (maybe a live run's) stays. A 250-character name is written.
func TestBatchRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "archive"), filepath.Join(dir, "out")
	long := strings.Repeat("n", 246) + ".toml"
	for _, name := range []string{"a.toml", long} {
		if err := os.MkdirAll(in, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), []byte("headline\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(out, 0o755)
	old := time.Now().Add(-2 * output.StaleAfter)
	stale := output.TempName("a.pdf")
	fresh := output.TempName("a.pdf")
	for name, mtime := range map[string]time.Time{stale: old, fresh: time.Now()} {
		p := filepath.Join(out, name)
		os.WriteFile(p, []byte("half a PDF"), 0o644)
		os.Chtimes(p, mtime, mtime)
	}
	f := &fake{fingerprint: "fake 1"}
	sum, err := Run(context.Background(), Options{Inputs: []string{in}, OutDir: out, Jobs: 1, Prepare: f.prepare})
	if err != nil || sum.Rendered != 2 {
		t.Fatalf("summary %+v, %v; want 2 rendered", sum, err)
	}
	if _, err := os.Stat(filepath.Join(out, stale)); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if _, err := os.Stat(filepath.Join(out, fresh)); err != nil {
		t.Error("a recent temporary file was removed")
	}
	if _, err := os.Stat(filepath.Join(out, strings.TrimSuffix(long, ".toml")+".pdf")); err != nil {
		t.Errorf("the long name was not written: %v", err)
	}
}

// TestBatchPipeInPlaceOfPDF: a named pipe where an up-to-date PDF was is
// rendered over, not opened (which waited for a writer).
func TestBatchPipeInPlaceOfPDF(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "archive"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.toml"), []byte("headline\n"), 0o644)
	f := &fake{fingerprint: "fake 1"}
	opts := Options{Inputs: []string{in}, OutDir: out, Jobs: 1, Prepare: f.prepare}
	if _, err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(out, "a.pdf")
	os.Remove(pdf)
	hostile.Fifo(t, pdf)
	done := make(chan Summary, 1)
	go func() { sum, _ := Run(context.Background(), opts); done <- sum }()
	select {
	case sum := <-done:
		if sum.Rendered != 1 {
			t.Errorf("summary %+v; want the PDF rendered again", sum)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the run hangs on a pipe in the output folder")
	}
}
