package layout

import (
	"fmt"
	"math"

	"github.com/pressroom/pressroom/pkg/diag"
)

// Thresholds of the layout lint, from the WCAG 2.2 level AA criteria and
// common guidance for printed public information.
const (
	minBodySize = 11  // points
	minContrast = 4.5 // WCAG 1.4.3 contrast for body-sized text
)

// Lint returns warnings about a layout that renders but may be hard to
// read: body text under 11 pt, colour pairs whose contrast is under 4.5:1
// (WCAG 2 relative luminance) and justified body text. Each warning points
// at the key that sets the value and gives the numbers.
func (l *Layout) Lint() diag.List {
	var out diag.List
	if l.Type.Body < minBodySize {
		out.Warnf(l.pos("type.body"), fmt.Sprintf("set body = %d or more", minBodySize),
			"body text is %g pt; under %d pt is hard to read for many people", l.Type.Body, minBodySize)
	}
	bg := l.Colours.Background
	pairs := []struct {
		key, what string
		fg, bg    Colour
		bgKey     string
	}{
		{"colours.text", "body text", l.Colours.Text, bg, "background"},
		{"colours.muted", "muted text (dates, footer)", l.Colours.Muted, bg, "background"},
		{"colours.accent", "accent text (kind label, links)", l.Colours.Accent, bg, "background"},
		{"colours.on-primary", "text on the primary colour", l.Colours.OnPrimary, l.Colours.Primary, "primary"},
	}
	for _, p := range pairs {
		if r := Contrast(p.fg, p.bg); r < minContrast {
			out.Warnf(l.pos(p.key), fmt.Sprintf("choose a darker or lighter %s: at least %.1f:1 against %s %s", lastPart(p.key), minContrast, p.bgKey, p.bg),
				"%s (%s) on %s (%s) has a contrast of %.2f:1, under %.1f:1 (WCAG AA)", p.key, p.fg, p.bgKey, p.bg, r, minContrast)
		}
	}
	if l.Align == "justify" {
		out.Warnf(l.pos("type.align"), `write align = "left"`,
			"justified body text leaves uneven gaps between words, which makes it harder to read for people with dyslexia")
	}
	for i := range out {
		// Each warning is about the key its position was looked up by.
		for k, p := range l.where {
			if out[i].Key == "" && p == out[i].Pos && p.Line > 0 {
				out[i].Key = k
			}
		}
	}
	out.Sort()
	return out
}

func (l *Layout) pos(key string) diag.Pos {
	if p, ok := l.where[key]; ok {
		return p
	}
	return diag.Pos{File: l.Name}
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b Colour) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Luminance is the WCAG 2 relative luminance of an sRGB colour, from 0
// (black) to 1 (white).
func (c Colour) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}
