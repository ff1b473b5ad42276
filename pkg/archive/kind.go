package archive

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/pressroom/pressroom/pkg/release"
)

// kindVariants are the labels above a headline that real releases of
// public bodies use beside the one pressroom's table prints for their
// language (release.LabelReadings' Kind, the one home of that label).
// Each says where it was seen; docs/import.md lists them.
var kindVariants = []struct{ lang, label, source string }{
	{"pl", "Komunikat", "the notices of Polish city halls (Urząd Miejski w Grudziądzu's \"Komunikat Urzędu Miejskiego\")"},
	{"ur", "خبری اشاعیہ", "Urdu Wikipedia's name for a press release, beside پریس ریلیز"},
	{"bn", "প্রেস বিজ্ঞপ্তি", "Bengali Wikipedia's article on press releases (\"প্রেস বিজ্ঞপ্তি বা প্রেস রিলিজ\")"},
	{"bn", "সংবাদ বিজ্ঞপ্তি", "the same, the other name it gives"},
	{"bn", "প্রেসনোট", "Bangladesh's Press Information Department, which issues তথ্যবিবরণী and প্রেসনোট"},
	{"hi", "प्रेस विज्ञप्ति", "India's Press Information Bureau, which issues प्रेस विज्ञप्ति and प्रेस नोट"},
	{"hi", "प्रेस नोट", "the same"},
	{"ar", "بيان", "Arab ministries' press offices (\"بيان توضيحي\"), a statement"},
}

// kindLine is a line that is only a table's kind label or a variant,
// with the marks around a label a text may carry ("**…:**").
var kindLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^[\s*_]*(?:` + kindLabels() + `)[\s*_:]*$`)
})

// kindPrefix is a table's kind label or a variant before a colon at
// the start of an e-mail's subject ("Komunikat prasowy: …").
var kindPrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:` + kindLabels() + `)\s*[:：]`)
})

// kindLabels is every table's kind label and every variant, as
// alternatives of a regexp.
func kindLabels() string {
	var labels []string
	for _, r := range release.LabelReadings() {
		if r.Kind != "" {
			labels = append(labels, spaced(r.Kind))
		}
	}
	for _, v := range kindVariants {
		labels = append(labels, spaced(v.label))
	}
	slices.Sort(labels)
	return strings.Join(slices.Compact(labels), "|")
}

// isKindLabel reports whether s is the label above a headline: in
// English and Welsh as real releases write it (kindLabel), or any
// table's label or variant.
func isKindLabel(s string) bool {
	return kindLabel.MatchString(s) || kindLine().MatchString(s)
}
