package archive

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/release"
)

// The label every table prints above a headline, as written and in
// capitals, is read as the kind line; so are the variants real releases
// use (kindVariants), and a sentence that starts with a label is not.
func TestKindLabelInEveryLanguage(t *testing.T) {
	var labels []string
	for _, r := range release.LabelReadings() {
		labels = append(labels, r.Kind, strings.ToUpper(r.Kind), "**"+r.Kind+":**")
	}
	for _, v := range kindVariants {
		labels = append(labels, v.label)
	}
	for _, l := range labels {
		if !isKindLabel(l) {
			t.Errorf("%q is not read as a kind line", l)
		}
	}
	for _, s := range []string{
		"Komunikat prasowy w sprawie centrum porad został wysłany wczoraj do redakcji",
		"پریس ریلیز کے مطابق کونسل نے آج نیا مرکز کھولا",
		"Rada Miasta Harrowby",
	} {
		if isKindLabel(s) {
			t.Errorf("%q is read as a kind line", s)
		}
	}
}

// An e-mail's subject loses a table's kind label before its headline,
// as it loses "PRESS RELEASE:".
func TestSubjectHeadlineLosesKindLabel(t *testing.T) {
	for in, want := range map[string]string{
		"Fwd: Komunikat prasowy: Rada otwiera centrum porad": "Rada otwiera centrum porad",
		"پریس ریلیز: کونسل نے نیا مرکز کھول دیا":             "کونسل نے نیا مرکز کھول دیا",
		"PRESS RELEASE: Council opens library":               "Council opens library",
		"Komunikat prasowy w sprawie centrum":                "Komunikat prasowy w sprawie centrum",
	} {
		if got := subjectHeadline(in); got != want {
			t.Errorf("subjectHeadline(%q) = %q, want %q", in, got, want)
		}
	}
}
