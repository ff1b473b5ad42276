package input

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/hostile"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.toml")
	os.WriteFile(small, []byte("headline = \"x\"\n"), 0o644)
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, 3000), 0o644)
	fifo := filepath.Join(dir, "pipe.toml")
	hostile.Fifo(t, fifo)
	sock := filepath.Join(dir, "s.sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		sock = ""
	}
	link := filepath.Join(dir, "link.toml")
	os.Symlink(small, link)

	for _, tc := range []struct {
		name, path string
		want       string // "" means read; else a part of the error
	}{
		{"regular", small, ""},
		{"symlink to a regular file", link, ""},
		{"too big", big, "big.toml is 3 kB; statements may be at most 2 KiB"},
		{"fifo", fifo, "pipe.toml is a named pipe (FIFO), not a regular file"},
		{"folder", dir, "is a folder, not a file"},
		{"socket", sock, "s.sock is a socket"},
		{"missing", filepath.Join(dir, "none.toml"), "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.path == "" {
				t.Skip("no unix sockets here")
			}
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				defer close(done)
				data, err = ReadFile(tc.path, 2048, "statements")
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile hangs")
			}
			if tc.want == "" {
				if err != nil || len(data) == 0 {
					t.Fatalf("got %q, %v; want the file", data, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v; want one saying %q", err, tc.want)
			}
		})
	}
}

// TestReadFileDevice reads /dev/zero, which never ends, only to see it
// refused at once; nothing is written to it.
func TestReadFileDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := ReadFile("/dev/zero", 1<<20, "layout files")
	var ie *Error
	if !errors.As(err, &ie) || ie.Reason != "is a character device, not a regular file" {
		t.Fatalf("error %v; want a refusal of the device", err)
	}
}

func TestKind(t *testing.T) {
	for m, want := range map[fs.FileMode]string{
		0o644:                             "",
		fs.ModeDir:                        "folder",
		fs.ModeNamedPipe:                  "named pipe",
		fs.ModeDevice:                     "block device",
		fs.ModeDevice | fs.ModeCharDevice: "character device",
		fs.ModeSocket:                     "socket",
		fs.ModeIrregular:                  "not a regular file",
	} {
		got, _ := Kind(m)
		if !strings.Contains(got, want) || (want == "") != (got == "") {
			t.Errorf("Kind(%v) = %q; want it to say %q", m, got, want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		1 << 20:    "1 MiB",
		64 << 20:   "64 MiB",
		12e6:       "12 MB",
		12_345_678: "12 MB",
		2048:       "2 KiB",
		3000:       "3 kB",
		812:        "812 bytes",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q; want %q", n, got, want)
		}
	}
}

func TestReadFileIn(t *testing.T) {
	dir := t.TempDir()
	hostile.Fifo(t, filepath.Join(dir, "state.json"))
	os.WriteFile(filepath.Join(dir, "ok.json"), []byte("{}"), 0o644)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if _, err := ReadFileIn(root, "state.json", 1<<20, "state files"); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("a pipe: %v; want a refusal", err)
	}
	if b, err := ReadFileIn(root, "ok.json", 1<<20, "state files"); err != nil || string(b) != "{}" {
		t.Errorf("a file: %q, %v", b, err)
	}
	if _, err := ReadFileIn(root, "../x", 1<<20, "state files"); err == nil {
		t.Error("a name outside the root was read")
	}
}
