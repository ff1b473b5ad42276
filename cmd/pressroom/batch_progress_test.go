package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/batch"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
)

// TestBatchInterruptReport checks what a user sees after Ctrl-C: exit 130,
// and a summary in which every input not rendered counts as not started.
func TestBatchInterruptReport(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "archive"), filepath.Join(dir, "pdf")
	seedArchive(t, in, 30, func(int) bool { return false })
	var stderr bytes.Buffer
	e := &env{stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" },
		layouts: layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())}
	prepare := e.batchPrepare("", batchScope([]string{in}, false), time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC), render.Options{Version: pressroom.Version}, renditions{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int64
	err := e.batch(ctx, batchRun{
		opts: batch.Options{Inputs: []string{in}, OutDir: out, Jobs: 1,
			Prepare: func(ctx context.Context, file string, src []byte) (batch.Document, error) {
				if n.Add(1) == 5 {
					cancel()
				}
				return prepare(ctx, file, src)
			}},
		mode: logQuiet, stop: func() {},
	})
	var ee exitError
	if !errors.As(err, &ee) || ee.code != exitInterrupted {
		t.Errorf("err = %v, want exit %d", err, exitInterrupted)
	}
	m := regexp.MustCompile(`(\d+) rendered, 0 unchanged, 0 failed, (\d+) not started`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no summary with inputs not started:\n%s", stderr.String())
	}
	rendered, _ := strconv.Atoi(m[1])
	notStarted, _ := strconv.Atoi(m[2])
	if rendered+notStarted != 30 {
		t.Errorf("summary counts %d rendered and %d not started, want 30 in all:\n%s", rendered, notStarted, stderr.String())
	}
}

// TestBatchBarAfterInterrupt checks that the bar stays where the run
// stopped, rather than running to the end as if it had finished.
func TestBatchBarAfterInterrupt(t *testing.T) {
	l := newBatchLog(io.Discard, logBar)
	l.found(3, true)
	l.result(batch.Result{Status: batch.Rendered, Input: "a.toml", Output: "a.pdf"})
	l.result(batch.Result{Status: batch.Cancelled, Input: "b.toml"})
	l.result(batch.Result{Status: batch.Cancelled, Input: "c.toml"})
	l.close(true)
	if l.bar.Completed() || l.bar.Current() != 1 {
		t.Errorf("the bar after an interrupt is at %d, completed %v; want it left at 1 of 3", l.bar.Current(), l.bar.Completed())
	}
}

func TestETAText(t *testing.T) {
	for _, tt := range []struct {
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		{0, 51, 0, "  ETA --:--"},
		{0, 51, 3 * time.Second, "  ETA --:--"},
		{1, 51, 2 * time.Second, "  ETA 01:40"},
		{50, 51, 50 * time.Second, "  ETA 00:01"},
		{3, 0, time.Second, "  ETA --:--"},
	} {
		if got := etaText(tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("etaText(%d, %d, %v) = %q, want %q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}
