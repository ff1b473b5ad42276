package archive

import (
	"os"
	"testing"
)

func TestSniff(t *testing.T) {
	seed, err := os.ReadFile("../../examples/archive/seed-statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		src  string
		want Format
	}{
		{"seed.txt", string(seed), Markdown},
		{"seed.toml", string(example), TOML},
		{"broken.toml", "headline = \"unterminated\nsummary = 3", TOML},
		{"statement.txt", "# a comment\n[[contacts]]\nname = \"x\"\n", TOML},
		{"release.txt", "PRESS RELEASE\n\nCouncil opens new library\n\nThe council today opened...\n", Text},
		{"release.md", "PRESS RELEASE\n\nCouncil opens new library\n", Markdown},
		{"page.html", "<!DOCTYPE html>\n<html lang=en><body><p>x</p></body></html>", HTML},
		{"page.txt", "  <html><head><title>x</title></head></html>", HTML},
		{"fragment.htm", "<div class=x><p>Hello</p></div>", HTML},
		{"mail.eml", "From: Press Office <press@example.org>\r\nTo: news@example.com\r\nSubject: PRESS RELEASE: x\r\n\r\nBody\r\n", EML},
		{"mbox.txt", "From press@example.org Mon Jan  1 00:00:00 2024\nFrom: a@b\nSubject: x\n\nbody", EML},
		{"notmail.txt", "Date: 17th December 2024\n\nToday we publish...\n", Text},
		{"x.docx", "PK\x03\x04....word/document.xml....", Docx},
		{"x.odt", "PK\x03\x04....content.xml....", OpenDocument},
		{"x.pdf", "%PDF-1.7\n", PDF},
		{"x.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", LegacyWord},
		{"x.rtf", "{\\rtf1\\ansi hello}", RTF},
		{"x.txt", "\xFF\xFEh\x00i\x00", UTF16Text},
		{"x.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Binary},
		{"latin1.txt", "Price \xa35 for caf\xe9 visitors\n", Text},
		{"empty.txt", " \n\t\n", Empty},
	} {
		if got := Sniff(tc.name, []byte(tc.src)); got != tc.want {
			t.Errorf("Sniff(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
