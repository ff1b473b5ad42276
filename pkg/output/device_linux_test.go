//go:build linux && (amd64 || arm64)

package output

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"
)

// info is a file as a stat would describe it, so the rule for devices is
// checked without touching a real one.
type info struct {
	mode         fs.FileMode
	major, minor uint64
}

func (f info) Name() string       { return "x" }
func (f info) Size() int64        { return 0 }
func (f info) Mode() fs.FileMode  { return f.mode }
func (f info) ModTime() time.Time { return time.Time{} }
func (f info) IsDir() bool        { return f.mode.IsDir() }
func (f info) Sys() any {
	return &syscall.Stat_t{Rdev: f.minor&0xff | (f.major&0xfff)<<8 | (f.minor&^0xff)<<12 | (f.major&^0xfff)<<32}
}

// TestTarget checks what is written how: replaced, written into, or
// refused.
func TestTarget(t *testing.T) {
	const chr = fs.ModeDevice | fs.ModeCharDevice
	for _, tc := range []struct {
		name, path string
		fi         info
		direct     bool
		refuse     string
	}{
		{"regular file", "/x/out.pdf", info{mode: 0o644}, false, ""},
		{"/dev/stdout leading to a regular file", "/dev/stdout", info{mode: 0o644}, true, ""},
		{"/proc/self/fd/1 leading to a regular file", "/proc/self/fd/1", info{mode: 0o644}, true, ""},
		{"/dev/null", "/dev/null", info{chr, 1, 3}, true, ""},
		{"/dev/tty", "/dev/tty", info{chr, 5, 0}, true, ""},
		{"a console", "/dev/tty1", info{chr, 4, 1}, true, ""},
		{"a pseudo-terminal", "/dev/pts/3", info{chr, 136, 3}, true, ""},
		{"named pipe", "/x/out.pipe", info{mode: fs.ModeNamedPipe}, true, ""},
		{"/dev/mem", "/dev/mem", info{chr, 1, 1}, false, "it is a device, not a file or a terminal"},
		{"/dev/kmsg", "/dev/kmsg", info{chr, 1, 11}, false, "device"},
		{"a sound card", "/dev/snd/pcmC0D0p", info{chr, 116, 16}, false, "device"},
		{"a disk", "/dev/sda", info{fs.ModeDevice, 8, 0}, false, "block device"},
		{"socket", "/x/s", info{mode: fs.ModeSocket}, false, "socket"},
		{"folder", "/x", info{mode: fs.ModeDir}, false, "folder"},
		{"irregular", "/x/y", info{mode: fs.ModeIrregular}, false, "not a regular file"},
	} {
		direct, err := target(tc.path, tc.fi)
		if direct != tc.direct || (err == nil) != (tc.refuse == "") || err != nil && !strings.Contains(err.Error(), tc.refuse) {
			t.Errorf("%s: direct %v, err %v; want direct %v, refusal %q", tc.name, direct, err, tc.direct, tc.refuse)
		}
	}
}
