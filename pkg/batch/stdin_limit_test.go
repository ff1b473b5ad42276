package batch

import (
	"io"
	"strings"
	"testing"
)

// endless is standard input that never ends: yes a.toml | pressroom batch -.
type endless struct{ line string }

func (e endless) Read(p []byte) (int, error) {
	n := 0
	for n+len(e.line) <= len(p) {
		n += copy(p[n:], e.line)
	}
	return n, nil
}

var _ io.Reader = endless{}

// An endless list of paths on standard input stops at maxStdinPaths with
// an error naming the line, instead of growing without end before the
// run could start.
func TestEndlessStdinStops(t *testing.T) {
	p := &producer{r: &runner{opts: Options{Stdin: endless{"a.toml\n"}}, work: t.TempDir()}}
	lines, err := p.readStdin()
	if err == nil || !strings.Contains(err.Error(), "line 1000001: standard input lists more than 1,000,000 paths") {
		t.Fatalf("err = %v; want the limit named at line 1000001", err)
	}
	if len(lines) != maxStdinPaths {
		t.Errorf("read %d paths; want %d", len(lines), maxStdinPaths)
	}
}
