// Command sbom writes a CycloneDX 1.5 JSON software bill of materials for a
// Go binary, from the module list and build settings go records in every
// binary it builds (the same facts `go version -m` prints). It reads the
// binary of any platform, needs no network and no other tool, and writes
// the same bytes for the same binary.
//
//	go run ./internal/sbom [-time RFC3339] [-version V] [-o OUT.cdx.json] BINARY
//
// GoReleaser runs it for each release binary (.goreleaser.yaml, sboms).
package main

import (
	"debug/buildinfo"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sbom", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the SBOM to this file (default: standard output)")
	when := fs.String("time", "", "the document's timestamp, RFC 3339 (for reproducible output: the commit's date)")
	version := fs.String("version", "", "the main module's version, when go recorded none (a release build from a checkout says (devel))")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: sbom [-time RFC3339] [-version V] [-o OUT] BINARY")
		return 2
	}
	bi, err := buildinfo.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "sbom: %v\n", err)
		return 1
	}
	if *version != "" && (bi.Main.Version == "" || bi.Main.Version == "(devel)") {
		bi.Main.Version = *version
	}
	data, err := json.MarshalIndent(bom(bi, *when), "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "sbom: %v\n", err)
		return 1
	}
	data = append(data, '\n')
	if *out == "" {
		_, err = stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sbom: %v\n", err)
		return 1
	}
	return 0
}

// The parts of CycloneDX 1.5 used here.
type document struct {
	BOMFormat    string       `json:"bomFormat"`
	SpecVersion  string       `json:"specVersion"`
	Version      int          `json:"version"`
	Metadata     metadata     `json:"metadata"`
	Components   []component  `json:"components"`
	Dependencies []dependency `json:"dependencies"`
}

type metadata struct {
	Timestamp string    `json:"timestamp,omitempty"`
	Component component `json:"component"`
}

type component struct {
	Type       string     `json:"type"`
	BOMRef     string     `json:"bom-ref"`
	Name       string     `json:"name"`
	Version    string     `json:"version,omitempty"`
	PURL       string     `json:"purl,omitempty"`
	Licenses   []license  `json:"licenses,omitempty"`
	Pedigree   *pedigree  `json:"pedigree,omitempty"`
	Properties []property `json:"properties,omitempty"`
}

type license struct {
	Expression string `json:"expression"`
}

type pedigree struct {
	Notes string `json:"notes"`
}

// copied lists the libraries pressroom carries as patched copies inside
// its own module (internal/…, no go.mod of their own), which go's build
// information cannot name: without them the bill would leave out the
// PDF writer, the shaper and the Markdown parser. TestCopiesAreListed
// holds the table to each copy's PATCHES.md.
var copied = []struct {
	module, version, license, dir string
}{
	{"codeberg.org/go-pdf/fpdf", "v0.12.0", "MIT", "internal/fpdf"},
	{"github.com/go-text/typesetting", "v0.3.5", "BSD-3-Clause OR Unlicense", "internal/gotext"},
	{"github.com/yuin/goldmark", "v1.8.7", "MIT", "internal/goldmark"},
}

type property struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type dependency struct {
	Ref       string   `json:"ref"`
	DependsOn []string `json:"dependsOn"`
}

// purl is the package URL of a Go module (purl spec, type golang).
func purl(path, version string) string {
	if version == "" || version == "(devel)" {
		return "pkg:golang/" + path
	}
	return "pkg:golang/" + path + "@" + version
}

func bom(bi *buildinfo.BuildInfo, when string) document {
	main := component{
		Type: "application", Name: bi.Main.Path, Version: bi.Main.Version,
		PURL: purl(bi.Main.Path, bi.Main.Version),
	}
	main.BOMRef = main.PURL
	main.Properties = append(main.Properties, property{"go:toolchain", bi.GoVersion}, property{"go:package", bi.Path})
	for _, s := range bi.Settings {
		main.Properties = append(main.Properties, property{"go:build:" + s.Key, s.Value})
	}
	doc := document{
		BOMFormat: "CycloneDX", SpecVersion: "1.5", Version: 1,
		Metadata:   metadata{Timestamp: when, Component: main},
		Components: []component{},
	}
	deps := dependency{Ref: main.BOMRef, DependsOn: []string{}}
	for _, d := range bi.Deps {
		m := d
		var props []property
		if d.Replace != nil {
			props = append(props, property{"go:replaced", d.Path + "@" + d.Version})
			m = d.Replace
		}
		if m.Sum != "" {
			props = append(props, property{"go:sum", m.Sum})
		}
		c := component{Type: "library", Name: m.Path, Version: m.Version, PURL: purl(m.Path, m.Version), Properties: props}
		c.BOMRef = c.PURL
		doc.Components = append(doc.Components, c)
		deps.DependsOn = append(deps.DependsOn, c.BOMRef)
	}
	if bi.Main.Path == "github.com/pressroom/pressroom" {
		for _, c := range copied {
			v := component{
				Type: "library", Name: c.module, Version: c.version, PURL: purl(c.module, c.version),
				Licenses: []license{{Expression: c.license}},
				Pedigree: &pedigree{Notes: "a patched copy inside pressroom's module, " + c.dir + "; the patches are listed in " + c.dir + "/PATCHES.md"},
			}
			v.BOMRef = v.PURL
			doc.Components = append(doc.Components, v)
			deps.DependsOn = append(deps.DependsOn, v.BOMRef)
		}
	}
	doc.Dependencies = []dependency{deps}
	return doc
}
