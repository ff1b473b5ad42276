package output

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// A temporary file is named "." + stem + "." + 12 hex digits + ".tmp",
// where stem is the target's name, or for a long name its first bytes and
// a hash of the whole: names stay within NAME_MAX (255 bytes on every
// common file system) however long the target's, and two long names
// that start alike still get different stems, so a clean-up for one never
// touches the other's files.
const (
	nameMax    = 255
	randDigits = 12
	// overhead is what the pattern adds to the stem: ".", ".", the
	// random digits and ".tmp".
	overhead = 1 + 1 + randDigits + len(".tmp")
	// hashDigits of the name's hash stand for a cut-off tail.
	hashDigits = 8
)

// StaleAfter is how long a temporary file may go unmodified before a
// later write of the same target removes it as left by a killed run.
// pressroom writes a file in well under a second and a live writer keeps
// changing its temporary file, so one untouched for 15 minutes has no
// writer left. The age is measured against the new temporary file's own
// time stamp, so the file system's clock decides, not the machine's (they
// differ on network shares), and a process ID is not used because it
// means nothing across machines and containers sharing a folder. Were a
// writer only paused for that long, its rename would then fail: an error,
// never a lost file.
const StaleAfter = 15 * time.Minute

// stem is the part of a temporary file's name that stands for base.
func stem(base string) string {
	if len(base)+overhead <= nameMax {
		return base
	}
	sum := sha256.Sum256([]byte(base))
	keep := nameMax - overhead - 1 - hashDigits
	// Cut at a character boundary, so the name stays valid UTF-8.
	for keep > 0 && !utf8.RuneStart(base[keep]) {
		keep--
	}
	return base[:keep] + "~" + hex.EncodeToString(sum[:])[:hashDigits]
}

// TempName returns a new temporary name for a file called base, to be
// created beside it.
func TempName(base string) string {
	var b [randDigits / 2]byte
	rand.Read(b[:])
	return "." + stem(base) + "." + hex.EncodeToString(b[:]) + ".tmp"
}

// IsTempOf reports whether name is a temporary file TempName made for
// base; with base empty, for any file.
func IsTempOf(name, base string) bool {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok || len(rest) < 1+1+1+randDigits || rest[0] != '.' {
		return false
	}
	digits := rest[len(rest)-randDigits:]
	for _, c := range digits {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	s := rest[1 : len(rest)-randDigits]
	if s[len(s)-1] != '.' {
		return false
	}
	return base == "" || s[:len(s)-1] == stem(base)
}

// IsStale reports whether old, a temporary file, was last changed more
// than StaleAfter before ours, a temporary file just created.
func IsStale(old, ours fs.FileInfo) bool {
	return old.Mode().IsRegular() && ours.ModTime().Sub(old.ModTime()) > StaleAfter
}

// createTemp makes a new temporary file for base in dir.
func createTemp(f folder, dir, base string) (*os.File, error) {
	for range 100 {
		tmp, err := f.OpenFile(filepath.Join(dir, TempName(base)), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return tmp, err
	}
	return nil, errors.New("cannot find a free temporary name")
}

// removeStale removes the temporary files of base (of any file, with base
// empty) in dir that a killed run left behind. It is best effort: a file
// it cannot remove stays, and the write goes on.
func removeStale(f folder, dir, base string, ours *os.File) {
	now, err := ours.Stat()
	if err != nil {
		return
	}
	d, err := f.Open(dir)
	if err != nil {
		return
	}
	entries, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == filepath.Base(ours.Name()) || !IsTempOf(name, base) {
			continue
		}
		if fi, err := e.Info(); err == nil && IsStale(fi, now) {
			f.Remove(filepath.Join(dir, name))
		}
	}
}
