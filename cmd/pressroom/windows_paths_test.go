package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Windows users keep statements in folders such as "C:\Users\Jo
// Bloggs\Press Releases\Año 2024", with names a word processor gave them,
// and editors there save CRLF line endings. These tests run everywhere;
// docs/windows.md lists what only a Windows machine can tell.

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// TestRenderPathsAndLineEndings renders the seed statement under names
// with spaces, accents, other scripts and several dots, with LF and CRLF
// line endings, from a layout in a folder with a space and an accent: the
// PDF lands next to the statement under the statement's name, and its
// bytes are the same as the plain LF render's.
func TestRenderPathsAndLineEndings(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "examples", "seed-statement.toml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "Press Releases", "Año 2024")
	code, plain, stderr := runQuick(t, "layouts", "show", "plain")
	if code != exitOK {
		t.Fatalf("layouts show plain: %d %s", code, stderr)
	}
	writeFile(t, filepath.Join(dir, "Marque maison", "mise en page.toml"), plain)
	src := strings.Replace(string(seed), `layout = "default"`, `layout = "Marque maison/mise en page.toml"`, 1)
	if src == string(seed) {
		t.Fatal("the seed statement no longer starts with layout = \"default\"")
	}

	ref := writeFile(t, filepath.Join(dir, "reference.toml"), src)
	if code, _, stderr := runQuick(t, "render", ref); code != exitOK {
		t.Fatalf("reference render: exit %d\n%s", code, stderr)
	}
	want, err := os.ReadFile(filepath.Join(dir, "reference.pdf"))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct{ name, pdf string }{
		{"seed statement.toml", "seed statement.pdf"},
		{"déclaration été.toml", "déclaration été.pdf"},
		{"Pressemitteilung März 2025.toml", "Pressemitteilung März 2025.pdf"},
		{"報道発表 2024.toml", "報道発表 2024.pdf"},
		{"release.v2 (final).toml", "release.v2 (final).pdf"},
		{"SHOUTING.TOML", "SHOUTING.pdf"},
		{"no extension", "no extension.pdf"},
	}
	for _, ending := range []string{"LF", "CRLF"} {
		for _, tt := range tests {
			t.Run(ending+"/"+tt.name, func(t *testing.T) {
				text := src
				if ending == "CRLF" {
					text = crlf(src)
				}
				file := writeFile(t, filepath.Join(dir, ending, tt.name), text)
				// The layout is relative to the statement.
				writeFile(t, filepath.Join(dir, ending, "Marque maison", "mise en page.toml"), plain)
				code, stdout, stderr := runQuick(t, "render", file)
				if code != exitOK {
					t.Fatalf("exit %d\n%s", code, stderr)
				}
				out := filepath.Join(dir, ending, tt.pdf)
				if !strings.Contains(stdout+stderr, tt.pdf) {
					t.Errorf("the report does not name %q:\n%s%s", tt.pdf, stdout, stderr)
				}
				got, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the LF render of the same statement", tt.pdf)
				}
			})
		}
	}
}

// TestCheckCRLFPositions: a problem in a CRLF statement is reported at the
// same line and column as in the LF one (a \r is not a column).
func TestCheckCRLFPositions(t *testing.T) {
	const bad = "headline = \"Hello\"\ndate = \"2024-12-17\"\nsummary = \"\"\"\nFirst paragraph.\n\nSee ![a picture](x.png) here.\n\"\"\"\n"
	dir := t.TempDir()
	var reports [2]string
	for i, text := range []string{bad, crlf(bad)} {
		file := writeFile(t, filepath.Join(dir, "statement.toml"), text)
		code, _, stderr := runQuick(t, "check", file)
		if code != exitProblem {
			t.Fatalf("exit %d, want %d\n%s", code, exitProblem, stderr)
		}
		reports[i] = stderr
	}
	if reports[0] != reports[1] {
		t.Errorf("LF and CRLF reports differ:\nLF:\n%s\nCRLF:\n%s", reports[0], reports[1])
	}
	if !strings.Contains(reports[0], "statement.toml:2:") || !strings.Contains(reports[0], "statement.toml:6:") {
		t.Errorf("the report does not point at lines 2 and 6:\n%s", reports[0])
	}
}
