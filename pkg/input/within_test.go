package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWithin(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "archive")
	outside := filepath.Join(base, "secret")
	for _, d := range []string{filepath.Join(root, "2019"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(root, "logo.png"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(outside, "key.pem"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(outside, "key.pem"), filepath.Join(root, "out.png"))
	os.Symlink("../logo.png", filepath.Join(root, "2019", "in.png"))
	// The root itself reached through a symlink.
	os.Symlink(root, filepath.Join(base, "link"))

	for _, tc := range []struct {
		path  string
		roots []string
		want  string // "" means allowed
	}{
		{filepath.Join(root, "logo.png"), []string{root}, ""},
		{filepath.Join(root, "2019", "in.png"), []string{filepath.Join(root, "2019"), root}, ""},
		{filepath.Join(root, "2019", "..", "logo.png"), []string{root}, ""},
		{filepath.Join(root, "missing.png"), []string{root}, ""},
		{filepath.Join(base, "link", "logo.png"), []string{root}, ""},
		{filepath.Join(root, "logo.png"), []string{filepath.Join(base, "link")}, ""},
		{filepath.Join(outside, "key.pem"), nil, ""},
		{filepath.Join(outside, "key.pem"), []string{root}, "is outside the folder " + root},
		{filepath.Join(root, "..", "secret", "key.pem"), []string{root}, "is outside"},
		{filepath.Join(outside, "missing"), []string{root}, "is outside"},
		{filepath.Join(root, "out.png"), []string{root}, "leads (through a symlink) to " + filepath.Join(outside, "key.pem")},
		{filepath.Join(root, "2019", "in.png"), []string{filepath.Join(root, "2019")}, "through a symlink"},
		{"/etc/passwd", []string{root, outside}, "outside the folders"},
		// "." as the user never wrote it: a statement given as a.toml.
		{"/etc/passwd", []string{"."}, "is outside the current folder"},
		{"/etc/passwd", []string{".", root}, "is outside the folders the current folder, " + root},
	} {
		got, err := Within(tc.path, tc.roots, "add --trust-paths")
		if tc.want == "" {
			if err != nil || got == "" {
				t.Errorf("Within(%s, %v) = %q, %v; want it allowed", tc.path, tc.roots, got, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) || Hint(err) != "add --trust-paths" {
			t.Errorf("Within(%s, %v) = %q, %v; want a refusal saying %q", tc.path, tc.roots, got, err, tc.want)
		}
	}
}
