package shaping

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pressroom/pressroom/internal/golden"
)

// hbGlyph is one glyph of hb-shape's JSON output, in font units.
type hbGlyph struct {
	G  int `json:"g"`
	Cl int `json:"cl"`
	Dx int `json:"dx"`
	Dy int `json:"dy"`
	Ax int `json:"ax"`
	Ay int `json:"ay"`
}

const goldenFile = "testdata/hb-shape.golden"

var (
	facesMu sync.Mutex
	faces   = map[string]*Face{}
)

// loadFace parses a bundled font once per test binary.
func loadFace(t testing.TB, file string) *Face {
	t.Helper()
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[file]; ok {
		return f
	}
	data, err := os.ReadFile(filepath.Join("../../fonts", file))
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFace(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	faces[file] = f
	return f
}

// hbShape finds hb-shape; without it the test compares with the golden
// only (and fails in CI, which must run HarfBuzz itself).
func hbShape(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("hb-shape")
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("hb-shape is not installed (on Debian: apt-get install libharfbuzz-bin)")
	}
	t.Logf("hb-shape is not installed (on Debian: apt-get install libharfbuzz-bin): comparing with %s only", goldenFile)
	return ""
}

// runHB shapes s with HarfBuzz itself: OpenType font functions (no
// FreeType hinting), clusters as UTF-8 byte offsets like Glyph.Cluster.
func runHB(t *testing.T, hb string, s sentence) []hbGlyph {
	t.Helper()
	dir := "ltr"
	if s.rtl {
		dir = "rtl"
	}
	cmd := exec.Command(hb, "--output-format=json", "--no-glyph-names", "--font-funcs=ot",
		"--utf8-clusters", "--language="+s.lang, "--direction="+dir,
		filepath.Join("../../fonts", s.font), s.text)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: hb-shape: %v", s.name, err)
	}
	var gs []hbGlyph
	if err := json.Unmarshal(bytes.TrimSpace(out), &gs); err != nil {
		t.Fatalf("%s: hb-shape output %q: %v", s.name, out, err)
	}
	return gs
}

// readGolden reads name<TAB>hb-shape JSON lines.
func readGolden(t *testing.T) map[string][]hbGlyph {
	t.Helper()
	m := map[string][]hbGlyph{}
	data, err := os.ReadFile(goldenFile)
	if os.IsNotExist(err) && golden.Update() {
		return m
	}
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		name, js, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		var gs []hbGlyph
		if err := json.Unmarshal([]byte(js), &gs); err != nil {
			t.Fatalf("%s: %s: %v", goldenFile, name, err)
		}
		m[name] = gs
	}
	return m
}

// compareGlyphs reports every glyph whose ID, cluster, advance or offsets
// differ from HarfBuzz's, and returns how many did.
func compareGlyphs(t *testing.T, name string, upem int, got []Glyph, want []hbGlyph) int {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d glyphs, HarfBuzz makes %d", name, len(got), len(want))
		return max(len(got), len(want))
	}
	scale := 1000 / float64(upem)
	near := func(a float64, b int) bool { return math.Abs(a-float64(b)*scale) < 1e-9 }
	bad := 0
	for i, g := range got {
		w := want[i]
		if int(g.ID) != w.G || g.Cluster != w.Cl || !near(g.XAdvance, w.Ax) || !near(g.XOffset, w.Dx) || !near(g.YOffset, w.Dy) || w.Ay != 0 {
			bad++
			if bad <= 5 {
				t.Errorf("%s: glyph %d: got id %d cluster %d advance %g offset (%g, %g); HarfBuzz: id %d cluster %d advance %g offset (%g, %g) (1/1000 em)",
					name, i, g.ID, g.Cluster, g.XAdvance, g.XOffset, g.YOffset,
					w.G, w.Cl, float64(w.Ax)*scale, float64(w.Dx)*scale, float64(w.Dy)*scale)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d glyphs differ from HarfBuzz", name, bad, len(got))
	}
	return bad
}

// Every sentence, shaped by Shape, matches HarfBuzz glyph by glyph on the
// same bundled font: IDs, clusters, advances and offsets. With hb-shape
// installed it is run now, and its answer must also equal the golden (a
// different HarfBuzz would say so here); without it the golden, written
// by hb-shape 6.0.0 (Debian libharfbuzz-bin), stands in. Noto Nastaliq
// Urdu fails without internal/gotext's patch 1 (letters fall off words).
func TestShapeMatchesHarfBuzz(t *testing.T) {
	hb := hbShape(t)
	want := readGolden(t)
	if golden.Update() && hb == "" {
		t.Fatal("-update needs hb-shape: the golden is HarfBuzz's output, never this package's")
	}
	var lines []string
	glyphs, bad := 0, 0
	for _, s := range sentences {
		face := loadFace(t, s.font)
		got := face.Shape(s.text, s.lang, s.rtl)
		var ref []hbGlyph
		if hb != "" {
			ref = runHB(t, hb, s)
			js, _ := json.Marshal(ref)
			lines = append(lines, s.name+"\t"+string(js))
			if g, ok := want[s.name]; !golden.Update() && (!ok || fmt.Sprint(g) != fmt.Sprint(ref)) {
				t.Errorf("%s: hb-shape now differs from %s (another HarfBuzz version, or the sentence changed): run go test ./pkg/shaping -run TestShapeMatchesHarfBuzz -update and read the diff", s.name, goldenFile)
			}
		} else {
			var ok bool
			if ref, ok = want[s.name]; !ok {
				t.Errorf("%s: not in %s: run the test with hb-shape and -update", s.name, goldenFile)
				continue
			}
		}
		for _, g := range got {
			if g.ID == 0 {
				t.Errorf("%s: %s has no glyph for %q", s.name, s.font, s.text[g.Cluster:])
				break
			}
		}
		glyphs += len(got)
		bad += compareGlyphs(t, s.name, face.UnitsPerEm(), got, ref)
	}
	t.Logf("%d sentences, %d glyphs, %d differ from HarfBuzz", len(sentences), glyphs, bad)
	if golden.Update() {
		if err := os.WriteFile(goldenFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
