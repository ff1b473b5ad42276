package pdftest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var fontFileRef = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)

// EmbeddedFonts returns the TrueType font files embedded in pdf, decoded,
// as qpdf reads them.
func EmbeddedFonts(t testing.TB, pdf []byte) [][]byte {
	t.Helper()
	qpdf := NeedTool(t, "qpdf")
	// QDF form has no object streams, so every font descriptor is
	// plain text; the numbers are those of the QDF file.
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", file(t, pdf), qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, out)
	}
	src, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	var fonts [][]byte
	seen := map[string]bool{}
	for _, m := range fontFileRef.FindAllSubmatch(src, -1) {
		n := string(m[1])
		if seen[n] {
			continue
		}
		seen[n] = true
		cmd := exec.Command(qpdf, "--show-object="+n, "--filtered-stream-data", qdf)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		data, err := cmd.Output()
		if err != nil {
			t.Fatalf("qpdf --show-object=%s: %v\n%s", n, err, stderr.Bytes())
		}
		fonts = append(fonts, data)
	}
	return fonts
}

// CheckFonts decompiles every table of every font embedded in pdf with
// fontTools (ttx dumps every table, so it decodes all of them) and fails
// the test on any error: PDF/A-2 requires embedded fonts to be valid,
// and a reader may refuse a damaged one.
func CheckFonts(t testing.TB, pdf []byte) {
	t.Helper()
	ttx := NeedTool(t, "ttx")
	fonts := EmbeddedFonts(t, pdf)
	if len(fonts) == 0 {
		t.Errorf("the PDF embeds no TrueType font")
		return
	}
	dir := t.TempDir()
	for i, data := range fonts {
		f := filepath.Join(dir, "font"+strconv.Itoa(i)+".ttf")
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(ttx, "-q", "-o", f+".ttx", f).CombinedOutput()
		if err != nil || bytes.Contains(out, []byte("ERROR")) {
			t.Errorf("fontTools cannot read embedded font %d (object %d of %d): %v\n%s", i, i+1, len(fonts), err, out)
		}
	}
}
