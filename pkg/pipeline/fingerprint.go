package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
)

// Fingerprints computes, once per layout, a hash of everything besides the
// statement that a PDF depends on: the resolved layout with its fonts'
// and logo's bytes, the render options, pressroom's version and anything
// else the caller adds (the renditions written beside the PDF). Two runs
// with the same statement bytes and the same fingerprint make the same
// files, so batch may keep the first run's. It is safe for concurrent
// use.
type Fingerprints struct {
	// Options are the render options of the run.
	Options render.Options
	// Version is pressroom's version.
	Version string
	// Extra is added to every fingerprint.
	Extra string

	m sync.Map // *layout.Layout → string
}

// Of returns the fingerprint of a layout; empty means "always render".
func (f *Fingerprints) Of(l *layout.Layout) string {
	if fp, ok := f.m.Load(l); ok {
		return fp.(string)
	}
	fp := fingerprint(l, f.Options, f.Version)
	if fp != "" && f.Extra != "" {
		fp += " " + f.Extra
	}
	f.m.Store(l, fp)
	return fp
}

// fingerprint hashes the layout as JSON: every exported value, with each
// font and the logo standing in as a hash of its file's bytes (the decoded
// logo is left out: its file's bytes say the same). A layout that cannot
// be encoded gets no fingerprint, so its statements are always rendered.
func fingerprint(l *layout.Layout, opts render.Options, version string) string {
	c := *l
	if c.Logo != nil {
		logo := *c.Logo
		logo.Image = nil
		logo.Data = digest(logo.Data)
		c.Logo = &logo
	}
	c.Fonts.Body = familyDigest(c.Fonts.Body)
	c.Fonts.Heading = familyDigest(c.Fonts.Heading)
	c.Fonts.Fallbacks = make([]*font.Font, len(l.Fonts.Fallbacks))
	for i, f := range l.Fonts.Fallbacks {
		c.Fonts.Fallbacks[i] = fontDigest(f)
	}
	opts.Cache = nil // how fonts are kept in memory changes no byte of the PDF
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(struct {
		Version string
		Options render.Options
		Layout  layout.Layout
	}{version, opts, c}); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

func digest(b []byte) []byte {
	sum := sha256.Sum256(b)
	return sum[:]
}

// fontDigest stands in for a font in the fingerprint: its name and a hash
// of its bytes, so the JSON stays small.
func fontDigest(f *font.Font) *font.Font {
	if f == nil {
		return nil
	}
	return &font.Font{Name: f.Name, Data: digest(f.Data)}
}

func familyDigest(fam layout.Family) layout.Family {
	fam.Regular, fam.Bold = fontDigest(fam.Regular), fontDigest(fam.Bold)
	fam.Italic, fam.BoldItalic = fontDigest(fam.Italic), fontDigest(fam.BoldItalic)
	return fam
}
