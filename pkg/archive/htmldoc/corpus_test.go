package htmldoc

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// corpusDir holds the archived pages shared with the import's
// end-to-end test: NAME.html beside NAME.want.toml.
const corpusDir = "../../../testdata/archive"

// furnitureWords are words of page furniture that no block of any corpus
// page may hold.
var furnitureWords = []string{
	"cookies", "Cookies", "Cwcis", "Share this", "Share on", "Rhannu", "Skip to", "Neidio i",
	"Crown copyright", "Hawlfraint y Goron", "Open Government Licence", "Drwydded Llywodraeth Agored",
	"Is this page useful", "A yw’r dudalen hon", "Was this page helpful", "Related content", "Related news",
	"Explore the topic", "Recent Posts", "Proudly powered", "Latest news", "Back to news", "Posted on",
	"Posted in", "Published", "Cyhoeddwyd", "Oddi wrth", "From:", "Page last reviewed", "Breadcrumb",
	"Menu", "Search", "Print this page", "Follow us", "Accessibility statement", "Privacy",
	"Home", "GOV.UK uses", "In an emergency always call 999",
}

func TestCorpus(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(corpusDir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 8 {
		t.Fatalf("the corpus has %d pages, want at least 8", len(pages))
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			var want map[string]any
			if _, err := toml.DecodeFile(strings.TrimSuffix(page, ".html")+".want.toml", &want); err != nil {
				t.Fatal(err)
			}
			doc, err := Read(src)
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			title := ""
			for _, b := range doc.Blocks {
				text := plain(b.Text())
				all.WriteString(text)
				all.WriteString("\n")
				if b.Kind == source.Title {
					title = text
				}
				for _, w := range furnitureWords {
					if strings.Contains(text, w) {
						t.Errorf("furniture %q in %s block %q", w, b.Kind, text)
					}
				}
			}
			got := all.String()
			if title != want["headline"] {
				t.Errorf("title block = %q, want the headline %q", title, want["headline"])
			}
			checked := releaseSentences(want)
			if len(checked) < 10 {
				t.Errorf("only %d sentences to check", len(checked))
			}
			for _, s := range checked {
				if !strings.Contains(got, s) {
					t.Errorf("the blocks miss %q", s)
				}
			}
			if kind, ok := want["kind"].(string); ok && !hasEvidence(doc, source.EvidenceKind, kind) {
				t.Errorf("no kind evidence %q in %v", kind, doc.Evidence)
			}
			if date, ok := want["date"].(time.Time); !ok || !hasDate(doc, date) {
				t.Errorf("no published date %v in %v", want["date"], doc.Evidence)
			}
			if hasEvidence(doc, source.EvidenceFrom, "") && !hasEvidence(doc, source.EvidenceFrom, want["organisation"].(string)) {
				t.Errorf("no from evidence %q in %v", want["organisation"], doc.Evidence)
			}
			if lang, ok := want["lang"].(string); ok && !hasEvidence(doc, source.EvidenceLanguage, lang) {
				t.Errorf("no language evidence %q in %v", lang, doc.Evidence)
			}
			if len(doc.Dropped) < 3 {
				t.Errorf("only %d pieces dropped: %v", len(doc.Dropped), doc.Dropped)
			}
			for _, b := range doc.Blocks {
				if b.FirstLine() <= 0 {
					t.Errorf("%s block %q has no line", b.Kind, b.Text())
				}
			}
		})
	}
}

func hasEvidence(doc *source.Doc, key, value string) bool {
	for _, e := range doc.Evidence {
		if e.Key == key && (value == "" || strings.EqualFold(e.Value, value)) {
			return true
		}
	}
	return false
}

// asciiDigits writes the Bengali, Arabic-Indic and Urdu digits of the
// corpus's pages as 0–9.
var asciiDigits = strings.NewReplacer(
	"০", "0", "১", "1", "২", "2", "৩", "3", "৪", "4", "৫", "5", "৬", "6", "৭", "7", "৮", "8", "৯", "9",
	"٠", "0", "١", "1", "٢", "2", "٣", "3", "٤", "4", "٥", "5", "٦", "6", "٧", "7", "٨", "8", "٩", "9",
	"۰", "0", "۱", "1", "۲", "2", "۳", "3", "۴", "4", "۵", "5", "۶", "6", "۷", "7", "۸", "8", "۹", "9",
)

// hasDate reports whether the first published date the page gives is
// date: in ISO form, or written with its day and year ("1 Mawrth 2011").
func hasDate(doc *source.Doc, date time.Time) bool {
	for _, e := range doc.Evidence {
		if e.Key != source.EvidencePublished {
			continue
		}
		if e.Value == date.Format("2006-01-02") || e.Value == date.Format("02/01/2006") {
			return true
		}
		// Written in words, perhaps after a weekday, in any language's
		// digits ("মঙ্গলবার, ১৩ মে, ২০২৫").
		f := strings.Fields(strings.Trim(asciiDigits.Replace(e.Value), " ,."))
		return len(f) >= 3 && strings.Trim(f[len(f)-3], ",") == strconv.Itoa(date.Day()) && f[len(f)-1] == strconv.Itoa(date.Year())
	}
	return false
}

var (
	mdLink    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdMarker  = regexp.MustCompile(`(?m)^(?:- |\d+\. )`)
	sentences = regexp.MustCompile(`[^.!?:\n]+[.!?:]*`)
)

// plain strips the statement's markup: the words a reader sees.
func plain(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "*", "", "\\", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// releaseSentences lists every sentence of the expected statement's text:
// headline, standfirst, summary, developments, notes, About and contacts.
func releaseSentences(want map[string]any) []string {
	var texts []string
	add := func(v any) {
		switch v := v.(type) {
		case string:
			texts = append(texts, v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					texts = append(texts, s)
				}
			}
		}
	}
	add(want["headline"])
	add(want["subheadline"])
	add(want["summary"])
	for _, table := range []string{"developments", "notes", "about"} {
		if m, ok := want[table].(map[string]any); ok {
			for _, v := range m {
				add(v)
			}
		}
	}
	for _, list := range []string{"contacts", "signatories"} {
		if ms, ok := want[list].([]map[string]any); ok {
			for _, m := range ms {
				for k, v := range m {
					if k != "purpose" && (k != "role" || list == "contacts") {
						add(v)
					}
				}
			}
		}
	}
	var out []string
	for _, text := range texts {
		for _, line := range strings.Split(mdMarker.ReplaceAllString(text, ""), "\n") {
			for _, s := range sentences.FindAllString(plain(line), -1) {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}
