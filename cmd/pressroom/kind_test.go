package main

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
)

// TestWrongKindOfFile gives check and render files that are not
// statements: each gets one error saying what the file is and a hint with
// the command to run instead, not the TOML parser's reading of it.
func TestWrongKindOfFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	layoutSrc, err := fs.ReadFile(pressroom.Layouts(), "plain.toml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"release.docx": []byte("PK\x03\x04\x14\x00\x00\x00word/document.xml<w:document/>"),
		"release.md":   []byte("# Library hours\n\nThe library will open **earlier**.\n"),
		"release.html": []byte("<!DOCTYPE html>\n<html><body><p>The library will open earlier.</p></body></html>\n"),
		"release.eml":  []byte("From: press@example.org\r\nTo: news@example.org\r\nSubject: Library hours\r\n\r\nThe library will open earlier.\r\n"),
		"release.txt":  append([]byte("\xFF\xFE"), []byte("L\x00i\x00b\x00")...),
		"old.doc":      []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"),
		"brand.toml":   layoutSrc,
	}
	for name, src := range files {
		if err := os.WriteFile(name, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir("archive", 0o755)
	for _, tt := range []struct {
		args []string
		want string
		hint string
	}{
		{[]string{"check", "release.docx"}, "release.docx: error: this is a Word document (.docx), not a statement", "pressroom import release.docx"},
		{[]string{"render", "release.docx"}, "this is a Word document (.docx), not a statement", "pressroom import release.docx"},
		{[]string{"check", "release.md"}, "this is a Markdown file, not a statement", "pressroom import release.md"},
		{[]string{"check", "release.html"}, "this is a web page (HTML), not a statement", "pressroom import release.html"},
		{[]string{"text", "release.eml"}, "this is an e-mail (.eml), not a statement", "pressroom import release.eml"},
		{[]string{"check", "release.txt"}, "this is a text file saved as UTF-16, not a statement", "pressroom import release.txt"},
		{[]string{"check", "old.doc"}, "this is an old Word document (.doc), not a statement", "save it as a Word document (.docx)"},
		{[]string{"render", "brand.toml"}, "this is a layout file, not a statement", "--layout brand.toml"},
		{[]string{"check", "archive"}, "this is a folder, not a statement file", "pressroom batch archive --out-dir pdf"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"pressroom"}, tt.args...), strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		out := stderr.String()
		if code != exitProblem || !strings.Contains(out, tt.want) || !strings.Contains(out, "hint: ") || !strings.Contains(out, tt.hint) ||
			strings.Count(out, "error:") != 1 {
			t.Errorf("pressroom %s: exit %d\n%s\nwant one error %q with a hint naming %q", strings.Join(tt.args, " "), code, out, tt.want, tt.hint)
		}
	}
}
