package font

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// sampleFor is a letter of each script a bundled family is the fallback
// for: the family's regular and bold files must have it.
var sampleFor = map[string]string{
	"Arab": "بیہ", "Beng": "শক", "Guru": "ਸਕ", "Deva": "सक",
	"Hani": "中国疫苗", "Bopo": "ㄅ", "Hira": "か", "Kana": "カ",
}

// Every bundled family's files are in fonts/, parse, and have the letters
// of the scripts the family is chosen for; every font file in fonts/
// belongs to a family.
func TestBundledFamilies(t *testing.T) {
	used := map[string]bool{}
	for _, fam := range Bundled() {
		for i, file := range fam.Files {
			if slices.Contains(fam.Files[:i], file) {
				continue
			}
			used[file] = true
			data, err := os.ReadFile(filepath.Join("../../fonts", file))
			if err != nil {
				t.Fatalf("%s: %v", fam.Name, err)
			}
			f, err := ParseBundled(data)
			if err != nil {
				t.Fatalf("%s: %s: %v", fam.Name, file, err)
			}
			for _, script := range fam.Scripts {
				sample, ok := sampleFor[script]
				if !ok {
					t.Errorf("%s: no sample letters for script %s in this test", fam.Name, script)
				}
				for _, r := range sample {
					if !f.Has(r) {
						t.Errorf("%s: %s lacks %q (%U), a letter of %s", fam.Name, file, r, r, script)
					}
				}
			}
		}
	}
	files, _ := filepath.Glob("../../fonts/*.ttf")
	for _, p := range files {
		if !used[filepath.Base(p)] {
			t.Errorf("fonts/%s belongs to no bundled family", filepath.Base(p))
		}
	}
}

// The fallback family for a script depends on the language only where
// Urdu's Nastaliq differs from Arabic's Naskh; layouts name families with
// any case and spacing.
func TestBundledFor(t *testing.T) {
	for _, c := range []struct{ script, lang, want string }{
		{"Arab", "ur", "Noto Nastaliq Urdu"},
		{"Arab", "ur-PK", "Noto Nastaliq Urdu"},
		{"Arab", "UR-IN", "Noto Nastaliq Urdu"},
		{"Arab", "ar", "Noto Naskh Arabic"},
		{"Arab", "fa", "Noto Naskh Arabic"},
		{"Arab", "", "Noto Naskh Arabic"},
		{"Beng", "bn", "Noto Sans Bengali"},
		{"Guru", "pa", "Noto Sans Gurmukhi"},
		{"Deva", "hi", "Noto Sans Devanagari"},
		{"Hani", "zh-Hans", "Droid Sans Fallback"},
		{"Latn", "en", ""},
		{"Zyyy", "ur", ""},
	} {
		f, ok := BundledFor(c.script, c.lang)
		if ok != (c.want != "") || f.Name != c.want {
			t.Errorf("BundledFor(%q, %q) = %q, %v; want %q", c.script, c.lang, f.Name, ok, c.want)
		}
	}
	f, ok := BundledFamily("  noto  NASKH arabic ")
	if !ok || f.Name != "Noto Naskh Arabic" || f.Files[1] != "NotoNaskhArabic-Bold.ttf" || f.Files[2] != "NotoNaskhArabic-Regular.ttf" {
		t.Errorf("BundledFamily: %+v %v", f, ok)
	}
	if _, ok := BundledFamily("Noto Serif"); ok {
		t.Error("BundledFamily found a family that is not bundled")
	}
	// Bundled hands out a copy: changing it changes nothing here.
	all := Bundled()
	all[0].Name = "changed"
	if !slices.ContainsFunc(Bundled(), func(f Family) bool { return f.Name == "Noto Sans" }) {
		t.Error("changing Bundled's result changed the table")
	}
}

// A font's shaping tables are parsed once and shared: two calls, and
// concurrent ones, give the same Face, which shapes the font's letters.
func TestShaperOnce(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSansBengali-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseBundled(data)
	if err != nil {
		t.Fatal(err)
	}
	faces := make(chan any, 8)
	for range 8 {
		go func() {
			s, err := f.Shaper()
			if err != nil {
				t.Error(err)
			}
			faces <- s
		}()
	}
	first, _ := f.Shaper()
	for range 8 {
		if s := <-faces; s != any(first) {
			t.Fatal("Shaper parsed the font more than once")
		}
	}
	if g := first.Shape("শিশু", "bn", false); len(g) == 0 || g[0].ID == 0 {
		t.Errorf("shaped: %v", g)
	}
}
