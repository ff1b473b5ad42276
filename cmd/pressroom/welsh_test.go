package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/pdftest"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/release"
)

// twins are the examples' Welsh and German twins, with what a reader
// must find in each: the date and the labels in the twin's language, as
// a person read them (CLDR's own data checks the dates in pkg/release).
var twins = []struct {
	file, lang string
	want       []string
}{
	{"../../examples/seed-statement.cy.toml", "cy", []string{"DATGANIAD Y BARTNERIAETH", "I'w gyhoeddi ar unwaith", "17 Rhagfyr 2024", "Diwedd", "Tudalen 1 o 2", "Nodiadau i olygyddion", "Cyswllt i'r cyfryngau", "E-bost:", "Ffôn symudol:", "Swyddfa:", "Gwefan:", "Cyf: BSCP 2020/21-01", "Cyd-Gadeirydd"}},
	{"../../examples/holding-statement.cy.toml", "cy", []string{"DATGANIAD I'R CYFRYNGAU", "I'w gyhoeddi ar unwaith", "4 Mawrth 2025", "Diwedd", "Cyswllt i'r cyfryngau", "E-bost:", "Ffôn:"}},
	{"../../examples/embargoed-press-release.cy.toml", "cy", []string{"DATGANIAD I'R WASG", "Dan embargo 00:01 Amser Safonol Greenwich dydd Iau 9 Ionawr 2025", "8 Ionawr 2025", "Diwedd", "Tudalen 1 o 2", "Nodiadau i olygyddion", "Gwybodaeth amdanom ni", "Cysylltiadau i'r cyfryngau", "E-bost:", "Ffôn:", "Gwefan:"}},
	{"../../examples/custom-brand/statement.cy.toml", "cy", []string{"DATGANIAD I'R WASG", "I'w gyhoeddi ar unwaith", "3 Chwefror 2025", "Diwedd", "Tudalen 1 o 2", "Gwybodaeth amdanom ni", "Cyswllt i'r cyfryngau", "E-bost:", "Ffôn:"}},
	{"../../examples/seed-statement.de.toml", "de", []string{"ERKLÄRUNG DER PARTNERSCHAFT", "Zur sofortigen Veröffentlichung", "17. Dezember 2024", "ENDE", "Seite 1 von 2", "Redaktioneller Hinweis", "Pressekontakt", "E-Mail:", "Mobil:", "Büro:", "Internet:", "Az.: BSCP 2020/21-01"}},
	{"../../examples/holding-statement.de.toml", "de", []string{"STELLUNGNAHME", "Zur sofortigen Veröffentlichung", "4. März 2025", "ENDE", "Pressekontakt", "E-Mail:", "Telefon:"}},
	{"../../examples/embargoed-press-release.de.toml", "de", []string{"PRESSEMITTEILUNG", "Sperrfrist: Donnerstag, 9. Januar 2025, 00:01 Mittlere Greenwich-Zeit", "8. Januar 2025", "ENDE", "Seite 1 von 2", "Redaktioneller Hinweis", "Über Cwm Tawel Health Partnership", "Pressekontakte", "E-Mail:", "Telefon:", "Internet:"}},
}

// englishWords matches the words pressroom adds to a British English
// release that the language lang does not share by CLDR: the en-GB
// table's labels, the built-in layouts' wording, zone names (GMT, BST,
// UTC), month and weekday names. The twins' own words are in their
// language (names, addresses and the English names of campaigns aside),
// so any match is one pressroom added.
func englishWords(t *testing.T, lang string) *regexp.Regexp {
	t.Helper()
	en, own := release.WordsFor("en-GB"), release.WordsFor(lang)
	var phrases []string
	for _, k := range layout.WordKeys {
		v, _ := en.Label(k)
		phrases = append(phrases, v)
	}
	phrases = append(phrases, "For immediate release", "Embargoed until", "ENDS", "more", "Date")
	for _, z := range []release.Zone{{Kind: release.GMT}, {Kind: release.BST, Offset: 3600}, {Kind: release.UTC}} {
		phrases = append(phrases, en.ZoneName(z))
	}
	for m := time.January; m <= time.December; m++ {
		phrases = append(phrases, m.String())
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		phrases = append(phrases, d.String())
	}
	// Only CLDR's words may be shared (German "April"); the language's own
	// labels are not excused, so an English label left in its table shows.
	var ownWords []string
	for _, z := range []release.Zone{{Kind: release.GMT}, {Kind: release.BST, Offset: 3600}, {Kind: release.UTC}} {
		ownWords = append(ownWords, strings.Fields(strings.ToLower(own.ZoneName(z)))...)
	}
	// A month the language names as English does ("April" in German) is
	// its own word too.
	for _, m := range append(own.Months[:], own.Weekdays[:]...) {
		ownWords = append(ownWords, strings.ToLower(m))
	}
	var alts []string
	seen := map[string]bool{}
	for _, p := range phrases {
		// A label's placeholders split it into the words around them.
		for _, part := range regexp.MustCompile(`\{[a-z]+\}|[:(),]`).Split(p, -1) {
			part = strings.Trim(strings.TrimSpace(part), "-")
			part = strings.TrimSpace(part)
			if part == "" || seen[part] || slices.Contains(ownWords, strings.ToLower(part)) {
				continue
			}
			seen[part] = true
			alts = append(alts, regexp.QuoteMeta(part))
		}
	}
	sort.Strings(alts)
	return regexp.MustCompile(`(?i)\b(` + strings.Join(alts, "|") + `)\b`)
}

// TestTwins renders each twin of the examples and reads the PDF back as
// a reader's tools do: pdftotext finds the twin's labels and date and no
// English word pressroom adds (body, running header, footer, bookmarks,
// document properties), and both the catalogue's /Lang (qpdf) and the
// XMP dc:language (pdfinfo -meta) are the twin's language.
func TestTwins(t *testing.T) {
	pdftest.NeedTool(t, "pdftotext")
	pdfinfo := pdftest.NeedTool(t, "pdfinfo")
	qpdf := pdftest.NeedTool(t, "qpdf")
	for _, tw := range twins {
		t.Run(filepath.Base(tw.file), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "release.pdf")
			runPressroom(t, "render", tw.file, "-o", out)
			pdf, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			pdftest.Check(t, pdf)
			// Curly quotes and apostrophes are folded back to the keyboard's,
			// so the labels compare as typed here.
			text := pdftest.Typewritten(strings.Join(pdftest.Words(pdftest.Text(t, pdf).Layout), " "))
			for _, w := range tw.want {
				if !strings.Contains(text, w) {
					t.Errorf("the PDF lacks %q:\n%s", w, text)
				}
			}
			english := englishWords(t, tw.lang)
			if m := english.FindAllString(text, -1); len(m) > 0 {
				t.Errorf("English words in the %s PDF: %q\n%s", tw.lang, m, text)
			}
			for _, o := range pdftest.Outlines(t, pdf) {
				if m := english.FindAllString(o.Title, -1); len(m) > 0 {
					t.Errorf("English words in bookmark %q: %q", o.Title, m)
				}
			}
			info := pdftest.Info(t, pdf)
			if m := english.FindAllString(info["Subject"]+" "+info["Title"], -1); len(m) > 0 {
				t.Errorf("English words in the document properties: %q", m)
			}
			meta, err := exec.Command(pdfinfo, "-meta", out).Output()
			if err != nil {
				t.Fatalf("pdfinfo -meta: %v", err)
			}
			if want := "<dc:language><rdf:Bag><rdf:li>" + tw.lang + "</rdf:li>"; !strings.Contains(string(meta), want) {
				t.Errorf("the XMP has no %s:\n%s", want, meta)
			}
			js, err := exec.Command(qpdf, "--json=2", "--json-key=qpdf", out).Output()
			if err != nil && !bytes.Contains(js, []byte(`"qpdf"`)) {
				t.Fatalf("qpdf --json: %v", err)
			}
			if got := catalogueLang(t, js); got != tw.lang {
				t.Errorf("the catalogue's /Lang is %q, want %q", got, tw.lang)
			}
		})
	}
}

// catalogueLang reads the /Lang of the document catalogue from qpdf's
// JSON.
func catalogueLang(t *testing.T, js []byte) string {
	t.Helper()
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(js, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objects map[string]struct {
		Value map[string]any `json:"value"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objects); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	for _, o := range objects {
		if o.Value["/Type"] == "/Catalog" {
			lang, _ := o.Value["/Lang"].(string)
			return strings.TrimPrefix(lang, "u:")
		}
	}
	t.Fatal("qpdf finds no catalogue")
	return ""
}

// TestLangPassage: a passage marked [words](lang:en) in a Welsh statement
// is a Span with /Lang (en) in the PDF's structure tree, and a
// <span lang="en"> in the HTML.
func TestLangPassage(t *testing.T) {
	qpdf := pdftest.NeedTool(t, "qpdf")
	dir := t.TempDir()
	file := filepath.Join(dir, "s.toml")
	src := "headline = \"Prawf\"\ndate = 2024-12-17\nlang = \"cy\"\norganisation = \"Cyngor Bro Dyfnant\"\n" +
		"summary = \"Dywedodd y Gweinidog: [“We are delighted”](lang:en).\"\n[[contacts]]\nemail = \"a@example.org\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if page := string(runPressroom(t, "html", file)); !strings.Contains(page, `<span lang="en">“We are delighted”</span>`) {
		t.Errorf("the HTML has no <span lang=\"en\">:\n%s", page)
	}
	out := filepath.Join(dir, "s.pdf")
	runPressroom(t, "render", file, "-o", out)
	qdf := filepath.Join(dir, "qdf.pdf")
	cmd := exec.Command(qpdf, "--qdf", "--object-streams=disable", out, qdf)
	if b, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 3 {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	raw, _ := os.ReadFile(qdf)
	if !regexp.MustCompile(`/Lang \(en\)\s+/P \d+ 0 R\s+/Pg \d+ 0 R\s+/S /Span`).Match(raw) {
		t.Error("no Span element with /Lang (en) in the structure tree")
	}
	if !regexp.MustCompile(`/Lang \(cy\)`).Match(raw) {
		t.Error("the catalogue lost /Lang (cy)")
	}
}
