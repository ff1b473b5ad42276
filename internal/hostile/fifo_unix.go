//go:build unix

package hostile

import (
	"syscall"
	"testing"
)

// Fifo makes a named pipe at path (inside t.TempDir()) and returns path.
// Reading it blocks until a writer comes, which is what a tool reading a
// "file" without checking its kind would do forever.
func Fifo(t testing.TB, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatalf("mkfifo %s: %v", path, err)
	}
	return path
}
