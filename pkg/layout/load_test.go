package layout_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
)

func newLibrary() *layout.Library {
	return layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
}

func TestLoadDefault(t *testing.T) {
	lib := newLibrary()
	l, diags := lib.Load("default", "")
	if diags.HasErrors() || l == nil {
		t.Fatalf("Load(default): %v", diags)
	}
	if l.Page.Width != 210 || l.Page.Height != 297 {
		t.Errorf("page = %g × %g mm, want A4 210 × 297", l.Page.Width, l.Page.Height)
	}
	for name, f := range map[string]any{
		"body regular": l.Fonts.Body.Regular, "body bold": l.Fonts.Body.Bold,
		"body italic": l.Fonts.Body.Italic, "body bold italic": l.Fonts.Body.BoldItalic,
		"heading bold": l.Fonts.Heading.Bold,
	} {
		if f == nil {
			t.Errorf("%s font is nil", name)
		}
	}
	if got := l.Fonts.Body.Bold.Name; got != "NotoSans-Bold" {
		t.Errorf("body bold font = %q, want NotoSans-Bold", got)
	}
	if len(l.Fonts.Fallbacks) != 2 || !l.Fonts.Fallbacks[0].Has('∑') || !l.Fonts.Fallbacks[1].Has('⮕') {
		t.Errorf("fallbacks should be Noto Sans Math (∑) and Symbols 2 (⮕), got %d fonts", len(l.Fonts.Fallbacks))
	}
	if again, _ := lib.Load("", ""); again != l {
		t.Error(`Load("") should return the same default layout`)
	}
}

// Many documents rendered at once share one Library: every goroutine gets
// the same *Layout and each font file is parsed once.
func TestLoadConcurrent(t *testing.T) {
	lib := newLibrary()
	const n = 32
	got := make([]*layout.Layout, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = lib.Load("default", "")
		}()
	}
	wg.Wait()
	for i, l := range got {
		if l == nil || l != got[0] {
			t.Fatalf("goroutine %d got %p, goroutine 0 got %p", i, l, got[0])
		}
	}
	if parses := layout.FontParses(lib); parses != 6 {
		t.Errorf("fonts parsed %d times, want 6 (four Noto Sans styles and two fallbacks)", parses)
	}
}

// Every built-in layout loads, has its mark, and passes its own lint.
func TestBuiltins(t *testing.T) {
	lib := newLibrary()
	builtins := lib.Builtins()
	if len(builtins) < 3 || builtins[0].Name != "default" {
		t.Fatalf("Builtins() = %v, want default first and at least three", builtins)
	}
	for _, b := range builtins {
		l, diags := lib.Load(b.Name, "")
		if l == nil {
			t.Errorf("%s: %v", b.Name, diags)
			continue
		}
		if b.Description == "" || l.Description != b.Description {
			t.Errorf("%s: description %q, listed as %q", b.Name, l.Description, b.Description)
		}
		if l.Logo == nil || l.Logo.Format != "png" || l.Logo.Size.X < 200 {
			t.Errorf("%s: want a PNG mark at least 200 pixels wide, got %+v", b.Name, l.Logo)
		}
		if lint := l.Lint(); len(lint) != 0 {
			t.Errorf("%s: a built-in layout should pass its own lint:\n%v", b.Name, lint)
		}
	}
}

// A logo used by several layouts is read and decoded once: every layout
// holds the same decoded image.
func TestLogoDecodedOnce(t *testing.T) {
	dir := t.TempDir()
	logo, err := os.ReadFile("../../examples/custom-brand/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("logo.png", string(logo))
	write("a.toml", "extends = \"default\"\n[logo]\nfile = \"logo.png\"\n")
	write("b.toml", "extends = \"plain\"\n[logo]\nfile = \"logo.png\"\nwidth = 30\n")
	lib := newLibrary()
	a, da := lib.Load("a.toml", dir)
	b, db := lib.Load(filepath.Join(dir, "b.toml"), "")
	if a == nil || b == nil {
		t.Fatalf("load: %v %v", da, db)
	}
	if a.Logo.Image != b.Logo.Image || &a.Logo.Data[0] != &b.Logo.Data[0] {
		t.Error("two layouts with the same logo file hold two decoded copies")
	}
	if a.Logo.Width != 14 || b.Logo.Width != 30 {
		t.Errorf("logo widths %g and %g, want 14 (from default) and 30", a.Logo.Width, b.Logo.Width)
	}
	// The same file by another path is the same layout.
	if again, _ := lib.Load(filepath.Join(dir, "a.toml"), "/"); again != a {
		t.Error("the same layout file by an absolute path gave another *Layout")
	}
}

// extends starts from a built-in and changes only the keys the file sets.
func TestExtends(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "brand.toml")
	src := "extends = \"letterhead\"\n[colours]\nprimary = \"#3B1F5F\"\n[text]\nfooter-notice = \"Helpline 0808 157 0000\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := newLibrary()
	l, diags := lib.Load(file, "")
	if l == nil {
		t.Fatal(diags)
	}
	base, _ := lib.Load("letterhead", "")
	if l.Colours.Primary != (layout.Colour{R: 0x3B, G: 0x1F, B: 0x5F}) {
		t.Errorf("primary = %v, want #3B1F5F", l.Colours.Primary)
	}
	if l.Colours.Accent != base.Colours.Accent || l.Header != "letterhead" || l.Type != base.Type {
		t.Errorf("keys the file does not set should be letterhead's: accent %v header %q", l.Colours.Accent, l.Header)
	}
	if l.Text.FooterNotice != "Helpline 0808 157 0000" || l.Text.Kind != base.Text.Kind {
		t.Errorf("text = %+v", l.Text)
	}
	if l.Fonts.Body.Regular != base.Fonts.Body.Regular {
		t.Error("an extending layout should share the built-in's parsed fonts")
	}
	if l.Description != "" || l.Name != file {
		t.Errorf("name %q, description %q: want the file's path and no description", l.Name, l.Description)
	}
}
