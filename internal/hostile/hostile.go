// Package hostile makes the odd files that hostile-input tests feed to
// pressroom — named pipes that never send an end of file — inside a test's
// own temporary folder, on every platform the tests build for. Tests that
// need one call Fifo; where the platform has no such files the test skips
// with a message instead of failing to compile (syscall.Mkfifo does not
// exist on Windows).
package hostile
