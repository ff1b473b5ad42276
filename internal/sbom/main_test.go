package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSBOMOfATestBinary reads a binary go built (this test's own), and
// checks what a reader of the SBOM relies on: the format, the main
// module, every dependency go recorded with its purl, and that two runs
// give the same bytes.
func TestSBOMOfATestBinary(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	outPath := filepath.Join(t.TempDir(), "bom.cdx.json")
	var stderr bytes.Buffer
	if code := run([]string{"-time", "2024-12-17T00:00:00Z", "-version", "v1.2.3", "-o", outPath, self}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.BOMFormat != "CycloneDX" || doc.SpecVersion != "1.5" || doc.Metadata.Timestamp != "2024-12-17T00:00:00Z" {
		t.Errorf("header: %+v", doc)
	}
	if doc.Metadata.Component.Name != "github.com/pressroom/pressroom" || doc.Metadata.Component.Version == "" {
		t.Errorf("main component %q", doc.Metadata.Component.Name)
	}
	var again bytes.Buffer
	if code := run([]string{"-time", "2024-12-17T00:00:00Z", "-version", "v1.2.3", self}, &again, &stderr); code != 0 || !bytes.Equal(again.Bytes(), data) {
		t.Errorf("a second run gave different bytes (exit %d)", code)
	}
	if len(doc.Dependencies) != 1 || len(doc.Dependencies[0].DependsOn) != len(doc.Components) {
		t.Errorf("dependencies do not list every component")
	}
	for _, c := range doc.Components {
		if !strings.HasPrefix(c.PURL, "pkg:golang/"+c.Name+"@v") || c.BOMRef != c.PURL {
			t.Errorf("component %s: purl %q, bom-ref %q", c.Name, c.PURL, c.BOMRef)
		}
	}
}

func TestSBOMUsage(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage:") {
		t.Errorf("no binary: exit %d, %q", code, stderr.String())
	}
	if code := run([]string{filepath.Join(t.TempDir(), "missing")}, &bytes.Buffer{}, &stderr); code != 1 {
		t.Errorf("missing binary: exit %d", code)
	}
}

// TestCopiesAreListed: every copy of a library kept in internal/ with a
// PATCHES.md is in the bill, at the upstream version its PATCHES.md
// names, and the bill of pressroom's own binary lists them.
func TestCopiesAreListed(t *testing.T) {
	notes, err := filepath.Glob("../*/PATCHES.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 {
		t.Fatal("no internal/*/PATCHES.md found")
	}
	listed := map[string]bool{}
	for _, c := range copied {
		listed[c.dir] = true
		text, err := os.ReadFile(filepath.Join("../..", c.dir, "PATCHES.md"))
		if err != nil {
			t.Errorf("%s is in the table but has no PATCHES.md: %v", c.dir, err)
			continue
		}
		head, _, _ := strings.Cut(string(text), "\n")
		if !strings.Contains(head, c.version) {
			t.Errorf("%s/PATCHES.md begins %q, which does not name %s: update copied in main.go", c.dir, head, c.version)
		}
	}
	for _, n := range notes {
		dir := "internal/" + filepath.Base(filepath.Dir(n))
		if !listed[dir] {
			t.Errorf("%s is a patched copy (it has a PATCHES.md) that the SBOM does not list: add it to copied in main.go", dir)
		}
	}

	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	if code := run([]string{self}, &out, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, c := range copied {
		if !strings.Contains(out.String(), `"purl": "pkg:golang/`+c.module+"@"+c.version+`"`) {
			t.Errorf("the SBOM of a pressroom binary does not list %s@%s", c.module, c.version)
		}
	}
}
