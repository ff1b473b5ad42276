package pdftest

import (
	"reflect"
	"strings"
	"testing"
)

func TestMissingWords(t *testing.T) {
	long := strings.Repeat("abcdefghij", 6)
	extracted := "The quick brown\nfox " + long[:25] + "\nFooter page 1\n\f" + long[25:] + " jumps"
	skip := func(line string) bool { return line == "Footer page 1" }
	got := MissingWords(extracted, []string{"The", "quick", "fox", "fox", "lazy", long, "jumps"}, skip)
	want := []string{"fox", "lazy"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MissingWords = %q; want %q (a second fox and the lazy dog are not there)", got, want)
	}
	if got := MissingWords(extracted, []string{long}, nil); len(got) != 1 {
		t.Errorf("a broken word with a footer between its pieces was found without skipping the footer")
	}
}

func TestPDFString(t *testing.T) {
	for in, want := range map[string]string{"u:mailto:a@b": "mailto:a@b", "b:7465": "te", "/Name": "/Name"} {
		if got := pdfString(in); got != want {
			t.Errorf("pdfString(%q) = %q; want %q", in, got, want)
		}
	}
}
