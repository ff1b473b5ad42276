package pipeline

import (
	"testing"
	"time"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
)

// TestLayoutFingerprint checks that what a PDF depends on, and only that,
// changes the fingerprint that decides whether a PDF is up to date.
func TestLayoutFingerprint(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, list := lib.Load("default", "")
	if list.HasErrors() {
		t.Fatal(list)
	}
	opts := render.Options{Version: pressroom.Version}
	base := fingerprint(l, opts, pressroom.Version)
	if base == "" || fingerprint(l, opts, pressroom.Version) != base {
		t.Fatalf("fingerprint %q is empty or not stable", base)
	}
	changed := map[string]func(c *layout.Layout, o *render.Options){
		"a colour": func(c *layout.Layout, _ *render.Options) { c.Colours.Primary.R++ },
		"a font's bytes": func(c *layout.Layout, _ *render.Options) {
			old := c.Fonts.Body.Regular
			data := append([]byte{}, old.Data...)
			data[len(data)-1] ^= 1
			c.Fonts.Body.Regular = &font.Font{Name: old.Name, Data: data}
		},
		"the logo's bytes": func(c *layout.Layout, _ *render.Options) {
			logo := layout.Logo{Data: []byte("a different logo")}
			if c.Logo != nil {
				logo = *c.Logo
				logo.Data = append(append([]byte{}, logo.Data...), 0)
			}
			c.Logo = &logo
		},
		"--pdf-standard none": func(_ *layout.Layout, o *render.Options) { o.Plain = true },
		"SOURCE_DATE_EPOCH":   func(_ *layout.Layout, o *render.Options) { o.Created = time.Unix(1734393600, 0) },
	}
	for name, change := range changed {
		c, o := *l, opts
		change(&c, &o)
		if fingerprint(&c, o, pressroom.Version) == base {
			t.Errorf("changing %s keeps the fingerprint: its PDFs would not be rendered again", name)
		}
	}
}
