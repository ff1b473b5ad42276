package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	goldenfile "github.com/pressroom/pressroom/internal/golden"
)

// TestLanguageGolden renders the embargoed example's text in every
// language pressroom has a table for, and compares with
// testdata/golden/lang/TAG.txt: the labels, dates and embargo line a
// person reads there are the table's (the statement's own words stay
// English). -update rewrites them; read the diff.
func TestLanguageGolden(t *testing.T) {
	src, err := os.ReadFile("../../examples/embargoed-press-release.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(`lang = "en-GB"`)) {
		t.Fatal(`the example no longer says lang = "en-GB"`)
	}
	dir := t.TempDir()
	for _, tag := range []string{"en-GB", "en-US", "cy", "ga", "gd", "fr", "de", "es", "it", "pl", "pt", "ro", "ur", "bn", "pa", "ar", "hi", "so", "zh"} {
		t.Run(tag, func(t *testing.T) {
			file := filepath.Join(dir, tag+".toml")
			if err := os.WriteFile(file, bytes.Replace(src, []byte(`lang = "en-GB"`), []byte(`lang = "`+tag+`"`), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			got := runPressroom(t, "text", file)
			golden := filepath.Join("..", "..", "testdata", "golden", "lang", tag+".txt")
			if goldenfile.Update() {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("text differs from %s; run with -update if the change is meant\n%s", golden, firstDiff(string(want), string(got)))
			}
			page := runPressroom(t, "html", file)
			if rtl := tag == "ar" || tag == "ur"; rtl != bytes.Contains(page, []byte(`<html lang="`+tag+`" dir="rtl">`)) {
				t.Errorf("html: right to left is %v, but the page's <html> says otherwise", rtl)
			}
			// A phone number keeps its order inside right-to-left text
			// (Chromium showed "123 960 01632" without the isolate).
			if !bytes.Contains(page, []byte(`<a href="tel:01632960772" dir="ltr">`)) {
				t.Error("html: the phone link is not a left-to-right isolate")
			}
			// Letter-spacing would pull joined or reordered letters apart.
			joined := map[string]bool{"ur": true, "ar": true, "bn": true, "pa": true, "hi": true}[tag]
			if joined != bytes.Contains(page, []byte(`<p class="ends joined">`)) {
				t.Errorf("html: the end mark's letters spaced is %v, want %v", !joined, joined)
			}
			if tag == "en-GB" {
				if english, _ := os.ReadFile("../../testdata/golden/embargoed-press-release.txt"); !bytes.Equal(got, english) {
					t.Error("en-GB differs from the example's own golden")
				}
			}
		})
	}
}
