package layout_test

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck feeds arbitrary layout files to Check: it must never panic,
// and a file it accepts must load into a layout with every font set.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/layouts/*.toml")
	more, _ := filepath.Glob("../../layouts/*.toml")
	for _, s := range append(seeds, more...) {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	lib := newLibrary()
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		file := filepath.Join(dir, "layout.toml")
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		diags := lib.Check(file)
		if diags.HasErrors() {
			return
		}
		l, _ := lib.Load(file, "")
		if l == nil || l.Fonts.Body.Regular == nil || l.Fonts.Heading.BoldItalic == nil {
			t.Fatalf("Check found no errors but Load gave %v", l)
		}
	})
}

// Fonts given as files: a missing style uses the regular file.
func TestFontFiles(t *testing.T) {
	dir := t.TempDir()
	regular, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "Brand-Regular.ttf"), regular, 0o644)
	src := "[fonts.heading]\nregular = \"Brand-Regular.ttf\"\n[fonts]\nfallbacks = [\"Brand-Regular.ttf\", \"Noto Sans Math\"]\n"
	os.WriteFile(filepath.Join(dir, "brand.toml"), []byte(src), 0o644)
	l, diags := newLibrary().Load(filepath.Join(dir, "brand.toml"), "")
	if l == nil {
		t.Fatal(diags)
	}
	h := l.Fonts.Heading
	if h.Regular == nil || h.Name != "NotoSans-Regular" || h.Bold != h.Regular || h.BoldItalic != h.Regular {
		t.Errorf("heading family %+v: want the file for every style", h)
	}
	if l.Fonts.Body.Name != "Noto Sans" || len(l.Fonts.Fallbacks) != 2 || l.Fonts.Fallbacks[0] != h.Regular {
		t.Errorf("body %q, %d fallbacks", l.Fonts.Body.Name, len(l.Fonts.Fallbacks))
	}
}
