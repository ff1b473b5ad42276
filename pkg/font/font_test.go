package font

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func load(t testing.TB, name string) *Font {
	t.Helper()
	data, err := os.ReadFile("../../fonts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// The bundled fonts split the work as the layouts expect: Noto Sans has the
// letters of the statements (accents, Welsh, currency, curly quotes), the
// fallbacks the symbols it lacks.
func TestCoverage(t *testing.T) {
	sans := load(t, "NotoSans-Regular.ttf")
	math := load(t, "NotoSansMath-Regular.ttf")
	symbols := load(t, "NotoSansSymbols2-Regular.ttf")
	if sans.Name != "NotoSans-Regular" {
		t.Errorf("Name = %q", sans.Name)
	}
	for _, r := range "aZ09£€ŵŷéç‘’“”–—" {
		if !sans.Has(r) {
			t.Errorf("Noto Sans lacks %q", r)
		}
	}
	for _, r := range "−→" {
		if sans.Has(r) || !math.Has(r) {
			t.Errorf("%q: Noto Sans has it %v, Noto Sans Math has it %v; want false, true", r, sans.Has(r), math.Has(r))
		}
	}
	if !symbols.Has('✓') {
		t.Error("Noto Sans Symbols 2 lacks ✓")
	}
	for _, r := range []rune{'🎉', -1, 0x110000, 0xE000} {
		if sans.Has(r) {
			t.Errorf("Noto Sans claims %U", r)
		}
	}
	// The second answer comes from what the first remembered.
	if !sans.Has('é') || sans.Has('🎉') {
		t.Error("a remembered answer changed")
	}
}

// Renders share fonts: many goroutines asking at once must agree with one
// asking alone (and -race must see no race).
func TestHasConcurrent(t *testing.T) {
	want := load(t, "NotoSans-Regular.ttf")
	shared := load(t, "NotoSans-Regular.ttf")
	var wg sync.WaitGroup
	errs := make(chan rune, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := rune(0x20); r < 0x600; r++ {
				if shared.Has(r) != want.Has(r) {
					errs <- r
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for r := range errs {
		t.Errorf("concurrent Has(%U) disagrees", r)
	}
}

func TestParseRefusesNonFonts(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty": nil,
		"text":  []byte("not a font at all, just some words"),
		"png":   []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"),
		"truncated": func() []byte {
			d, _ := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
			return d[:1000]
		}(),
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}

func BenchmarkHasFirstAsk(b *testing.B) {
	data, _ := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f, _ := Parse(data)
		for _, r := range "Today we are publishing a Local Child Safeguarding Practice Review £€“”–" {
			f.Has(r)
		}
	}
}

// Every bundled font is one the PDF writer takes, which ParseBundled
// relies on when it defers the writer's parse.
func TestBundledFontsForPDF(t *testing.T) {
	names, err := filepath.Glob("../../fonts/*.ttf")
	if err != nil || len(names) < 6 {
		t.Fatalf("bundled fonts: %v %v", names, err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := ParseBundled(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.pdf != nil {
			t.Errorf("%s: parsed for the PDF writer before it was asked for", name)
		}
		if f.PDF() == nil {
			t.Errorf("%s: the PDF writer cannot take it", name)
		}
		if eager, err := Parse(data); err != nil || eager.PDF() == nil {
			t.Errorf("%s: Parse: %v", name, err)
		}
	}
}
