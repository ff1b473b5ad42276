package render

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
	"github.com/pressroom/pressroom/pkg/shaping"
	"github.com/pressroom/pressroom/pkg/statement"
)

// scriptCase is a statement of testdata/scripts in a layout: the file's
// own, or another (Urdu in Naskh).
type scriptCase struct {
	name, file, layout string
	// nastaliq: Nastaliq's cascading glyphs defeat every reader's
	// reconstruction of words from glyph positions (the probe in
	// shared/notes/shaping-with-fpdf.md found none that works), so only
	// pdf.js's structure tree, which has each span's ActualText, is held
	// to word order; pdftotext and pdf.js's page text are not.
	nastaliq bool
	// indic: pdf.js's page text (what Firefox's viewer copies and
	// searches) takes each glyph's own text in the order glyphs are
	// drawn and ignores marked content's ActualText (the vowel sign ি is
	// drawn before its consonant); its structure tree (what Firefox
	// gives screen readers) has each word's ActualText, and is held to
	// word order.
	indic bool
}

func scriptCases() []scriptCase {
	dir := "../../testdata/scripts/"
	return []scriptCase{
		{name: "bn", file: dir + "bn.toml", indic: true},
		{name: "hi", file: dir + "hi.toml", indic: true},
		{name: "pa", file: dir + "pa.toml", indic: true},
		{name: "ar", file: dir + "ar.toml"},
		{name: "ur", file: dir + "ur.toml", nastaliq: true},
		{name: "ur-naskh", file: dir + "ur.toml", layout: dir + "urdu-naskh-layout.toml"},
		{name: "zh", file: dir + "zh.toml"},
	}
}

func (sc scriptCase) load(t *testing.T, lib *layout.Library) (*statement.Statement, *layout.Layout) {
	t.Helper()
	s, l := parseFile(t, lib, sc.file)
	if sc.layout != "" {
		other, list := lib.Load(sc.layout, ".")
		if other == nil || list.HasErrors() {
			t.Fatalf("%s: %v", sc.layout, list)
		}
		l = other
	}
	if list := Check(s, l); list.HasErrors() {
		t.Fatalf("check:\n%v", list)
	}
	return s, l
}

// scriptWords are the words of a statement's text that the release sets
// in its own script: headline, summary, developments and signatories.
func scriptWords(s *statement.Statement) []string {
	var ws []string
	add := func(text string) { ws = append(ws, words(text)...) }
	inl := func(ins []markup.Inline) {
		var b strings.Builder
		for _, in := range ins {
			b.WriteString(in.Text)
		}
		add(b.String())
	}
	add(s.Headline)
	for _, b := range s.Summary.Blocks {
		inl(b.Inlines)
	}
	if d := s.Developments; d != nil {
		add(d.Intro)
		for _, it := range d.Items {
			inl(it)
		}
	}
	for _, g := range s.Signatories {
		add(g.Name)
	}
	return ws
}

// words splits text as a reader's words are compared: runs of letters,
// marks and digits, cut where Latin meets another script. Readers place
// the spaces and punctuation around a Latin word inside right-to-left
// text by geometry (Poppler writes "موقع NHSأو" for "موقع NHS أو"), and
// add invisible characters (bidi embeddings, zero-width spaces for
// glyphs that stand for no character of their own); the words
// themselves, and their order, must be right.
func words(text string) []string {
	var out []string
	var cur []rune
	class := -1
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
		}
		cur, class = cur[:0], -1
	}
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.Is(unicode.Han, r) {
			// Chinese has no spaces: lines break between characters,
			// so each is a word here.
			flush()
			out = append(out, string(r))
			continue
		}
		c := 1
		if r < 0x250 {
			c = 0 // Latin letters and ASCII digits
		}
		if class >= 0 && c != class && !unicode.IsMark(r) {
			flush()
		}
		class = c
		cur = append(cur, r)
	}
	flush()
	return out
}

// inOrder reports the first of want's words that got does not have in
// order, or "".
func inOrder(got, want []string) string {
	k := 0
	for _, w := range want {
		for k < len(got) && got[k] != w {
			k++
		}
		if k == len(got) {
			return w
		}
		k++
	}
	return ""
}

// TestScriptStatements: each statement in a script that needs shaping
// renders to a tagged PDF/UA + PDF/A file (pdfua.Finish checks its
// marked content and structure) that qpdf finds sound, and pdftotext
// and pdf.js (the engine of Firefox's viewer) give its words back in the
// order they are written, word for word.
func TestScriptStatements(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	for _, sc := range scriptCases() {
		t.Run(sc.name, func(t *testing.T) {
			s, l := sc.load(t, lib)
			var buf bytes.Buffer
			if _, err := RenderStatement(&buf, s, l, Options{Version: pressroom.Version}); err != nil {
				t.Fatal(err)
			}
			keep(t, "script-"+sc.name+".pdf", buf.Bytes())
			path := uatest.WriteTemp(t, buf.Bytes())
			uatest.Run(t, "qpdf", "--check", path)
			doc := uatest.Pdfjs(t, path)
			if w, read := inOrder(words(pdfjsReading(doc)), scriptWords(s)), pdfjsReading(doc); w != "" {
				t.Errorf("pdf.js structure tree: the word %q is not in its place in\n%s", w, read)
			}
			if sc.nastaliq {
				return
			}
			got := uatest.Run(t, "pdftotext", path, "-")
			if w := inOrder(words(got), scriptWords(s)); w != "" {
				t.Errorf("pdftotext: the word %q is not in its place in\n%s", w, got)
			}
			if sc.indic {
				return
			}
			js := ""
			for _, p := range doc.Pages {
				js += p.Text + "\n"
			}
			if w := inOrder(words(js), scriptWords(s)); w != "" {
				t.Errorf("pdf.js: the word %q is not in its place in\n%s", w, js)
			}
		})
	}
}

// pdfjsReading is the text pdf.js's structure tree gives a screen reader
// (Firefox labels an element with its ActualText, pdf.js's alt, in place
// of its content): pages one after the other.
func pdfjsReading(doc *uatest.PdfjsDoc) string {
	var b strings.Builder
	var walk func(n *uatest.PdfjsNode)
	walk = func(n *uatest.PdfjsNode) {
		for _, k := range n.Children {
			switch {
			case k.Role != "" && k.Role != "Figure" && k.Alt != "":
				b.WriteString(k.Alt)
			case k.Role != "":
				walk(k)
				// An element is read apart from the next (a heading
				// from its paragraph).
				b.WriteString("\n")
			case k.Text != nil:
				b.WriteString(*k.Text)
			}
		}
	}
	for _, p := range doc.Pages {
		if p.Tree != nil {
			walk(p.Tree)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestScriptsMatchHarfBuzz: every line pressroom draws in a shaped script
// has the glyphs, advances and offsets that HarfBuzz's own hb-shape gives
// for the same font, text, direction and language.
func TestScriptsMatchHarfBuzz(t *testing.T) {
	hb := uatest.NeedTool(t, "hb-shape")
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	dir := t.TempDir()
	for _, sc := range scriptCases() {
		t.Run(sc.name, func(t *testing.T) {
			s, l := sc.load(t, lib)
			p, err := LayoutStatement(s, l)
			if err != nil {
				t.Fatal(err)
			}
			files := map[int]string{}
			lines := 0
			for _, pg := range p.Pages {
				for _, it := range pg.Items {
					for _, sp := range it.Spans {
						if sp.glyphs == nil || strings.TrimSpace(sp.Text) == "" {
							continue
						}
						f := p.Faces[sp.Face]
						if files[sp.Face] == "" {
							files[sp.Face] = filepath.Join(dir, f.Name+".ttf")
							if err := os.WriteFile(files[sp.Face], f.Data, 0o644); err != nil {
								t.Fatal(err)
							}
						}
						upem := unitsPerEm(t, f.Data)
						rtl := spanRTL(sp)
						want := hbShape(t, hb, files[sp.Face], sp.Text, s.Lang, rtl)
						lines++
						if len(want) != len(sp.glyphs) {
							t.Errorf("%q in %s: %d glyphs, hb-shape %d", sp.Text, f.Name, len(sp.glyphs), len(want))
							continue
						}
						for i, g := range sp.glyphs {
							w := want[i]
							got := [4]int{g.ID, units(g.XAdvance, upem), units(g.XOffset, upem), units(g.YOffset, upem)}
							if got != [4]int{w.G, w.Ax, w.Dx, w.Dy} {
								t.Errorf("%q in %s, glyph %d: id %d advance %d offset %d,%d; hb-shape id %d advance %d offset %d,%d",
									sp.Text, f.Name, i, got[0], got[1], got[2], got[3], w.G, w.Ax, w.Dx, w.Dy)
								break
							}
						}
					}
				}
			}
			if lines == 0 && sc.name != "zh" {
				t.Error("no shaped text drawn")
			}
		})
	}
}

// hbGlyph is one glyph of hb-shape's JSON output, in font units.
type hbGlyph struct {
	G, Cl, Dx, Dy, Ax, Ay int
}

func hbShape(t *testing.T, hb, font, text, lang string, rtl bool) []hbGlyph {
	t.Helper()
	dir := "--direction=ltr"
	if rtl {
		dir = "--direction=rtl"
	}
	return runHBShape(t, hb, dir, "--language="+lang, font, text)
}

// hbShapeFeatures shapes left-to-right text with HarfBuzz's features
// changed ("-liga").
func hbShapeFeatures(t *testing.T, hb, font, text, features string) []hbGlyph {
	t.Helper()
	return runHBShape(t, hb, "--direction=ltr", "--features="+features, font, text)
}

func runHBShape(t *testing.T, hb string, args ...string) []hbGlyph {
	t.Helper()
	args = append([]string{"--output-format=json", "--no-glyph-names"}, args...)
	out, err := exec.Command(hb, args...).Output()
	if err != nil {
		t.Fatalf("hb-shape %q: %v", args, err)
	}
	var gs []hbGlyph
	if err := json.Unmarshal(bytes.TrimSpace(out), &gs); err != nil {
		t.Fatalf("hb-shape %q: %v\n%s", args, err, out)
	}
	return gs
}

func unitsPerEm(t *testing.T, data []byte) int {
	t.Helper()
	f, err := shaping.NewFace(data)
	if err != nil {
		t.Fatal(err)
	}
	return f.UnitsPerEm()
}

// units turns 1/1000 em back into the font's units, as hb-shape gives them.
func units(v float64, upem int) int { return int(math.Round(v * float64(upem) / 1000)) }

func spanRTL(sp Span) bool { return sp.rtl }
