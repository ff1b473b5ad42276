package layout_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom/pkg/layout"
)

func TestContrast(t *testing.T) {
	c := func(s string) layout.Colour {
		col, err := layout.ParseColour(s)
		if err != nil {
			t.Fatal(err)
		}
		return col
	}
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		// Reference values: WebAIM's contrast checker for the greys and
		// blue, an independent Python implementation for the navy.
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#777777", "#FFFFFF", 4.48},
		{"#767676", "#FFFFFF", 4.54},
		{"#0000FF", "#FFFFFF", 8.59},
		{"#FFF", "#1F3A5F", 11.48},
	} {
		got := layout.Contrast(c(tc.a), c(tc.b))
		if math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
		if back := layout.Contrast(c(tc.b), c(tc.a)); back != got {
			t.Errorf("Contrast is not symmetric: %g and %g", got, back)
		}
	}
}

// testdata/lint/*.toml load, and give exactly the warnings they name.
func TestLint(t *testing.T) {
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(filepath.Join("pkg", "layout")) })
	files, _ := filepath.Glob(filepath.Join("testdata", "layouts", "lint", "*.toml"))
	if len(files) == 0 {
		t.Fatal("no lint cases")
	}
	lib := newLibrary()
	for _, name := range files {
		name = filepath.ToSlash(name)
		t.Run(filepath.Base(name), func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			l, diags := lib.Load(name, "")
			if l == nil {
				t.Fatalf("%s does not load:\n%s", name, listString(diags))
			}
			warnings := l.Lint()
			for _, d := range warnings {
				if d.Severity.String() != "warning" {
					t.Errorf("lint gave an error: %s", d)
				}
			}
			checkWants(t, name, warnings, readWants(t, src))
			if checked := lib.Check(name); listString(checked) != listString(warnings) {
				t.Errorf("Check should give the lint warnings:\n%s", listString(checked))
			}
		})
	}
}

// TestDiagnosticKeys checks that errors and lint warnings name the key they
// are about, for check --format json.
func TestDiagnosticKeys(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "brand.toml")
	src := "extends = \"default\"\n[type]\nbody = 9\n[colours]\ntext = \"#dddddd\"\nprimary = \"navy blue\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := newLibrary()
	if _, diags := lib.Load(file, ""); len(diags) == 0 || diags[0].Key != "colours.primary" {
		t.Errorf("the error about primary has key %q:\n%s", diags[0].Key, listString(diags))
	}
	src = "extends = \"default\"\n[type]\nbody = 9\n[colours]\ntext = \"#dddddd\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range newLibrary().Check(file) {
		if d.Key != "type.body" && d.Key != "colours.text" {
			t.Errorf("%s has key %q", d, d.Key)
		}
	}
}
