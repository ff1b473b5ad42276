package hyphenate

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/pressroom/pressroom/internal/golden"
)

// readPatterns reads a language's pattern list from patterns/ (the
// binary embeds only the table made from it).
func readPatterns(t testing.TB, tag string) []byte {
	t.Helper()
	pat, err := os.ReadFile("patterns/hyph-" + tag + ".pat.txt")
	if err != nil {
		t.Fatal(err)
	}
	return pat
}

// makeTable is the table the patterns and header in patterns/ make for
// a language now.
func makeTable(t testing.TB, tag string) []byte {
	t.Helper()
	hdr, err := os.ReadFile("patterns/hyph-" + tag + ".licence")
	if err != nil {
		t.Fatal(err)
	}
	left, right := hyphenmins(hdr, 2, 3)
	return buildTable(readPatterns(t, tag), left, right)
}

// TestTables: every table embedded in the binary is exactly what
// buildTable makes from the patterns beside it, so that a pattern list
// updated without its table fails here; there is a table for each
// language and a language for each table. With -update (go generate
// ./pkg/hyphenate), it writes the tables instead.
func TestTables(t *testing.T) {
	files, _ := filepath.Glob("patterns/hyph-*.tab")
	var have []string
	for _, f := range files {
		have = append(have, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "hyph-"), ".tab"))
	}
	if !golden.Update() && !slices.Equal(have, Languages()) {
		t.Errorf("tables in patterns/ for %v; want one for each of %v", have, Languages())
	}
	for _, tag := range Languages() {
		want := makeTable(t, tag)
		if golden.Update() {
			if err := os.WriteFile("patterns/hyph-"+tag+".tab", want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if tables[tag] != string(want) {
			t.Errorf("%s: the embedded table patterns/hyph-%s.tab is not what hyph-%s.pat.txt and .licence make now; regenerate it: %s", tag, tag, tag, regenerate)
		}
		if _, err := viewTable(tables[tag]); err != nil {
			t.Errorf("%s: %v", tag, err)
		}
	}
}

// A damaged table is an error on loading, never a panic: cut short at
// every length, one byte changed at every place, and another version.
func TestDamagedTable(t *testing.T) {
	good := tables["pt"]
	for n := range len(good) {
		if _, err := viewTable(good[:n]); err == nil {
			t.Fatalf("cut to %d of %d bytes: no error", n, len(good))
		}
	}
	if _, err := viewTable(good + "\x00"); err == nil {
		t.Errorf("a byte too many: no error")
	}
	b := []byte(good)
	for i := range b {
		b[i] ^= 0x5a
		if _, err := viewTable(string(b)); err == nil {
			t.Fatalf("byte %d changed: no error", i)
		}
		b[i] ^= 0x5a
	}
	b[4]++
	_, err := viewTable(string(b))
	if err == nil || !strings.Contains(err.Error(), "version") || !strings.Contains(err.Error(), regenerate) {
		t.Errorf("another version: %v; want an error naming the version and the command that regenerates", err)
	}
	h := &Hyphenator{tag: "pt", tab: good[:100]}
	if err := h.Load(); err == nil || !strings.Contains(err.Error(), "pt") {
		t.Errorf("Load of a table cut short: %v; want an error naming the language", err)
	}
	if got := h.Word("informação"); got != nil {
		t.Errorf("a damaged table breaks informação at %v; want nowhere", got)
	}
}

// FuzzTable: a table whose bytes are anything but whose header holds
// together (as one that got past the checksum would) gives some breaks
// or none, but never panics or loops. go test -fuzz FuzzTable runs it
// on made-up tables; go test on the seeds.
func FuzzTable(f *testing.F) {
	for _, tag := range []string{"pt", "it"} {
		f.Add([]byte(tables[tag]), "informação")
	}
	f.Add([]byte(tables["pt"][:headerLen]), "anything")
	f.Fuzz(func(t *testing.T, data []byte, word string) {
		if utf8.RuneCountInString(word) > 2*maxWord {
			// Longer than any word; the work grows with its length.
			return
		}
		tab, err := viewUnchecked(string(data))
		if err != nil {
			return
		}
		h := &Hyphenator{tag: "fuzz", table: tab, left: tab.left, right: tab.right, exceptions: map[string][]int{}}
		h.once.Do(func() {})
		h.Word(word)
		h.Token(word)
	})
}

// Loading reads the embedded table in place: the slots a lookup reads
// are the binary's own bytes, not a copy (on a little-endian machine,
// which every release target is). uint32s copies only what it cannot
// read in place, and reads the same numbers.
func TestTablesInPlace(t *testing.T) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		t.Skip("a big-endian machine copies the slots")
	}
	for _, tag := range Languages() {
		h := For(tag)
		if err := h.Load(); err != nil {
			t.Fatal(err)
		}
		start := uintptr(unsafe.Pointer(unsafe.StringData(h.tab)))
		at := uintptr(unsafe.Pointer(&h.table.slots[0]))
		if at != start+headerLen {
			t.Errorf("%s: the slots are at %#x, not in the embedded table (%#x + %d): a copy", tag, at, start, headerLen)
		}
	}
	aligned := strings.Repeat("\x01\x02\x03\x04", 5)
	misaligned := ("x" + aligned)[1:]
	want := []uint32{0x04030201, 0x04030201, 0x04030201, 0x04030201, 0x04030201}
	for _, s := range []string{aligned, misaligned} {
		if got := uint32s(s); !slices.Equal(got, want) {
			t.Errorf("uint32s at %#x: %#x; want %#x", uintptr(unsafe.Pointer(unsafe.StringData(s))), got, want)
		}
	}
}
