//go:build !unix

package hostile

import "testing"

// Fifo skips the test: this platform has no mkfifo. Windows named pipes
// live under \\.\pipe\, not in a folder a statement could name, so the
// danger these tests guard against does not arise there in this form.
func Fifo(t testing.TB, path string) string {
	t.Helper()
	t.Skip("named pipes made by mkfifo do not exist on this platform")
	return path
}
