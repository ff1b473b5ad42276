package output

import (
	"io/fs"
	"syscall"
)

// streamDevice reports whether the character device fi is one a user
// means to write a stream into: a terminal (/dev/tty, a console, a
// pseudo-terminal) or a sink (/dev/null, /dev/zero, /dev/full). Other
// character devices (/dev/mem, /dev/port, /dev/kmsg) are the system's,
// and writing a PDF into one would do harm.
func streamDevice(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	dev := uint64(st.Rdev)
	major := (dev>>8)&0xfff | (dev>>32)&^0xfff
	minor := dev&0xff | (dev>>12)&^0xff
	switch {
	case major == 1: // memory devices
		return minor == 3 || minor == 5 || minor == 7 // null, zero, full
	case major == 4 || major == 5: // terminals, /dev/tty, /dev/console
		return true
	case major >= 136 && major <= 143: // pseudo-terminals (/dev/pts/N)
		return true
	}
	return false
}
