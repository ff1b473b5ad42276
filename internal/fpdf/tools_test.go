// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// The tests of glyph-mode fonts and kerned text read PDFs back with
// Poppler, qpdf, fontTools and HarfBuzz, so that they assert what a reader
// sees. These helpers keep them free of pressroom's packages (the fork's
// tests must run in upstream's module too). A missing tool skips the test,
// or fails it when CI=true (needTool, pressroom_test.go).

// tempPDF writes pdf to a file for the tools.
func tempPDF(t *testing.T, pdf []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// run runs a tool and returns its standard output, failing the test on
// an error.
func run(t *testing.T, path string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", path, args, err, stderr.Bytes())
	}
	return out
}

// pdftotext extracts pdf's text with pdftotext and mode ("-layout" or
// "-raw").
func pdftotext(t *testing.T, pdf []byte, mode string) string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	return string(run(t, tool, mode, "-enc", "UTF-8", tempPDF(t, pdf), "-"))
}

// wordBoxes returns the words pdftotext -bbox finds, with their left and
// right edges in points.
func wordBoxes(t *testing.T, pdf []byte) map[string][2]float64 {
	t.Helper()
	tool := needTool(t, "pdftotext")
	out := run(t, tool, "-bbox", "-enc", "UTF-8", tempPDF(t, pdf), "-")
	re := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	words := map[string][2]float64{}
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		words[m[3]] = [2]float64{lo, hi}
	}
	return words
}

// qpdfCheck fails the test unless qpdf --check finds pdf sound.
func qpdfCheck(t *testing.T, pdf []byte) {
	t.Helper()
	tool := needTool(t, "qpdf")
	if out, err := exec.Command(tool, "--check", tempPDF(t, pdf)).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

var fontFileRef = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)

// checkFonts decompiles every table of every TrueType font embedded in
// pdf with fontTools' ttx and fails the test on any error.
func checkFonts(t *testing.T, pdf []byte) {
	t.Helper()
	qpdf := needTool(t, "qpdf")
	ttx := needTool(t, "ttx")
	dir := t.TempDir()
	qdf := filepath.Join(dir, "qdf.pdf")
	run(t, qpdf, "--qdf", "--object-streams=disable", tempPDF(t, pdf), qdf)
	src, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	refs := fontFileRef.FindAllSubmatch(src, -1)
	if len(refs) == 0 {
		t.Fatal("the PDF embeds no TrueType font")
	}
	for i, m := range refs {
		f := filepath.Join(dir, "font"+strconv.Itoa(i)+".ttf")
		if err := os.WriteFile(f, run(t, qpdf, "--show-object="+string(m[1]), "--filtered-stream-data", qdf), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(ttx, "-q", "-o", f+".ttx", f).CombinedOutput(); err != nil || bytes.Contains(out, []byte("ERROR")) {
			t.Errorf("fontTools cannot read embedded font object %s: %v\n%s", m[1], err, out)
		}
	}
}
