//go:build unix

package input

import "syscall"

// openFlags opens without waiting: open(2) on a named pipe blocks until a
// writer comes, so a FIFO would hang the run before it could be refused.
// O_NONBLOCK changes nothing for a regular file.
const openFlags = syscall.O_NONBLOCK
