package render

import (
	"bufio"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom/internal/fpdf"
	"github.com/pressroom/pressroom/internal/pdftest"
)

// The renderer's set of invisible characters is Unicode's own
// Default_Ignorable_Code_Point, as DerivedCoreProperties.txt lists it.
func TestDefaultIgnorableIsUnicodes(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "unicode", "DerivedCoreProperties-15.0.0-DICP.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if unicode.Version != "15.0.0" {
		t.Fatalf("Go's unicode tables are version %s: take DerivedCoreProperties.txt of that version into testdata/unicode", unicode.Version)
	}
	want := map[rune]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		rng, prop, ok := strings.Cut(line, ";")
		if !ok || strings.TrimSpace(prop) != "Default_Ignorable_Code_Point" {
			continue
		}
		lo, hi, isRange := strings.Cut(strings.TrimSpace(rng), "..")
		if !isRange {
			hi = lo
		}
		a, err1 := strconv.ParseInt(lo, 16, 32)
		b, err2 := strconv.ParseInt(hi, 16, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		for r := rune(a); r <= rune(b); r++ {
			want[r] = true
		}
	}
	if len(want) != 4174 { // the file's own "Total code points"
		t.Fatalf("read %d code points from the file, it lists 4174", len(want))
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got := defaultIgnorable(r); got != want[r] {
			t.Errorf("U+%04X: defaultIgnorable says %v, Unicode %v", r, got, want[r])
		}
	}
}

// A word joiner, zero width space, joiners and byte order mark between
// the letters of a word take no room on the page: the word is as wide as
// the same letters written without them (Noto Sans gives U+2060 a blank
// glyph 600 units wide, which opened a gap). Those the font draws with no
// advance stay in the text a reader copies out. A variation selector no
// font has is not reported missing.
func TestInvisibleCharactersTakeNoRoom(t *testing.T) {
	pairs := [][2]string{
		{"word\u2060joiner", "wordjoiner"},
		{"zero\u200bwidth", "zerowidth"},
		{"non\u200cjoiner", "nonjoiner"},
		{"with\u200djoiner", "withjoiner"},
		{"byte\ufefforder", "byteorder"},
		{"left\u200emark", "leftmark"},
		{"variation\ufe0fselector", "variationselector"},
	}
	var with, without []string
	for _, p := range pairs {
		with = append(with, p[0])
		without = append(without, p[1])
	}
	s := seedStatement()
	s.Summary = doc(para(text(strings.Join(with, " "))...), para(text(strings.Join(without, " "))...))
	if list := Check(s, testLayout(t)); len(list) > 0 {
		t.Errorf("check reports:\n%v", list)
	}
	pdf, _ := renderBytes(t, s, Options{}) // fails the test on a character reported missing
	words := bboxWords(t, pdf)
	// Drawn where the font gives it no advance, so that it stays in the
	// text; Noto Sans's word joiner has one, and no font has U+FE0F.
	drawn := strings.NewReplacer("\u2060", "", "\ufe0f", "")
	for _, p := range pairs {
		got := drawn.Replace(p[0])
		ws := words[got]
		if got != p[1] {
			ws = append(ws, words[p[1]]...)
		}
		if len(ws) != 2 {
			t.Errorf("%q and %q do not each read back as one word from the PDF (%q: %v, %q: %v)", p[0], p[1], got, words[got], p[1], words[p[1]])
			continue
		}
		if d := ws[0] - ws[1]; d > 0.01 || d < -0.01 {
			t.Errorf("%q is %.2f pt wide, %q %.2f pt: the invisible character takes %.2f pt", p[0], ws[0], p[1], ws[1], d)
		}
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)

// bboxWords is the widths in points of each word pdftotext -bbox reads
// from pdf, in the order they are read.
func bboxWords(t *testing.T, pdf []byte) map[string][]float64 {
	t.Helper()
	tool := pdftest.NeedTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "words.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	words := map[string][]float64{}
	for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		w := html.UnescapeString(m[3])
		words[w] = append(words[w], hi-lo)
	}
	return words
}

// A zero width space is a place a line may break (UAX #14, class ZW),
// with no hyphen and nothing drawn: a long word pasted from the web with
// them in it breaks there in a narrow measure, not between its letters,
// and its lines read back as the whole word.
func TestZeroWidthSpaceBreaks(t *testing.T) {
	l := testLayout(t)
	fs := newFaces(fpdf.New("P", "mm", "A4", ""), l)
	br := &breaker{fs: fs}
	st := textStyle{size: 11}
	parts := []string{"Gwasanaethau", "Cymdeithasol", "Plant", "Teuluoedd", "Ieuenctid"}
	whole := strings.Join(parts, "\u200b")
	word := func(s string) float64 { return br.set([]run{{text: s, style: st}}, 1000)[0].width }
	if d := word(whole) - word(strings.Join(parts, "")); d > 1e-9 || d < -1e-9 {
		t.Errorf("the zero width spaces take %.3f mm on an unbroken line", d)
	}
	// Room for the widest part, not for it and the next.
	width := 0.0
	for _, p := range parts {
		width = max(width, word(p))
	}
	width += 0.5
	lines := br.set([]run{{text: whole, style: st}}, width)
	var got []string
	for _, ln := range lines {
		var b strings.Builder
		for _, sp := range ln.spans {
			b.WriteString(sp.Text)
		}
		if ln.width > width+1e-9 {
			t.Errorf("line %q is %.2f mm wide: measure %.2f", b.String(), ln.width, width)
		}
		got = append(got, b.String())
	}
	if len(got) < 3 || strings.Join(got, "") != whole {
		t.Errorf("lines %q; want three or more that read back as %q", got, whole)
	}
	for _, ln := range got[:len(got)-1] {
		if !strings.HasSuffix(ln, "\u200b") {
			t.Errorf("lines %q: %q does not end after a zero width space", got, ln)
		}
	}

	// In a PDF: the paragraph's lines end after a zero width space, and
	// read back as the whole word, with no hyphen.
	long := strings.Repeat("Gwasanaethau\u200bCymdeithasol\u200bPlant\u200bTeuluoedd\u200b", 4) + "Ieuenctid"
	s := seedStatement()
	s.Summary = doc(para(text(long)...))
	pdf, _ := renderBytes(t, s, Options{})
	raw := pdftest.Text(t, pdf).Raw
	i := strings.Index(raw, "Gwasanaethau")
	j := strings.Index(raw, "Ieuenctid")
	if i < 0 || j < i {
		t.Fatalf("the word is not in the PDF's text:\n%s", raw)
	}
	read := raw[i : j+len("Ieuenctid")]
	if n := strings.Count(read, "\n"); n == 0 {
		t.Errorf("the word was not broken: %q", read)
	}
	for _, ln := range strings.Split(read, "\n")[:strings.Count(read, "\n")] {
		if !strings.HasSuffix(ln, "\u200b") {
			t.Errorf("a line ends %q, not after a zero width space", ln)
		}
	}
	if strings.ReplaceAll(read, "\n", "") != long {
		t.Errorf("the lines read back as %q; want %q", read, long)
	}
}
