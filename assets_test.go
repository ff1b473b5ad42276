package pressroom

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Every bundled font is read without a copy, byte for byte the file in
// fonts/, and the licences and sources note travel with them.
func TestFontsShared(t *testing.T) {
	files, err := filepath.Glob("fonts/*.ttf")
	if err != nil || len(files) == 0 {
		t.Fatalf("fonts: %v %v", files, err)
	}
	folder := Fonts().(fontFolder)
	for _, p := range files {
		name := filepath.Base(p)
		if _, ok := sharedFonts[name]; !ok {
			t.Errorf("%s is embedded but not shared: add it to sharedFonts", name)
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := folder.ReadFileShared(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: ReadFileShared gives %d bytes, %v; the file has %d", name, len(got), err, len(want))
		}
	}
	if len(sharedFonts) != len(files) {
		t.Errorf("sharedFonts names %d fonts, fonts/ has %d", len(sharedFonts), len(files))
	}
	for _, name := range []string{"OFL.txt", "LICENSE-Apache-2.0.txt", "SOURCES.md"} {
		if _, err := fs.ReadFile(Fonts(), name); err != nil {
			t.Errorf("%s is not embedded: %v", name, err)
		}
	}
}
