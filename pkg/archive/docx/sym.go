package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// symbolFont is Adobe's Symbol encoding (the font Word's Insert Symbol
// offers first), code to Unicode: the standard table Adobe publishes
// (symbol.txt), with the serif and sans-serif ®, ©, ™ as one character
// each and Windows' € at A0. The pieces of large brackets and arrows
// that exist only to be stacked (60, BD, BE, E6–EF, F4, F6–FE) have no
// character of their own: they are reported.
var symbolFont = map[byte]rune{
	0x20: ' ', 0x21: '!', 0x22: '∀', 0x23: '#', 0x24: '∃', 0x25: '%', 0x26: '&', 0x27: '∋',
	0x28: '(', 0x29: ')', 0x2A: '∗', 0x2B: '+', 0x2C: ',', 0x2D: '−', 0x2E: '.', 0x2F: '/',
	0x30: '0', 0x31: '1', 0x32: '2', 0x33: '3', 0x34: '4', 0x35: '5', 0x36: '6', 0x37: '7',
	0x38: '8', 0x39: '9', 0x3A: ':', 0x3B: ';', 0x3C: '<', 0x3D: '=', 0x3E: '>', 0x3F: '?',
	0x40: '≅', 0x41: 'Α', 0x42: 'Β', 0x43: 'Χ', 0x44: 'Δ', 0x45: 'Ε', 0x46: 'Φ', 0x47: 'Γ',
	0x48: 'Η', 0x49: 'Ι', 0x4A: 'ϑ', 0x4B: 'Κ', 0x4C: 'Λ', 0x4D: 'Μ', 0x4E: 'Ν', 0x4F: 'Ο',
	0x50: 'Π', 0x51: 'Θ', 0x52: 'Ρ', 0x53: 'Σ', 0x54: 'Τ', 0x55: 'Υ', 0x56: 'ς', 0x57: 'Ω',
	0x58: 'Ξ', 0x59: 'Ψ', 0x5A: 'Ζ', 0x5B: '[', 0x5C: '∴', 0x5D: ']', 0x5E: '⊥', 0x5F: '_',
	0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ', 0x65: 'ε', 0x66: 'φ', 0x67: 'γ',
	0x68: 'η', 0x69: 'ι', 0x6A: 'ϕ', 0x6B: 'κ', 0x6C: 'λ', 0x6D: 'μ', 0x6E: 'ν', 0x6F: 'ο',
	0x70: 'π', 0x71: 'θ', 0x72: 'ρ', 0x73: 'σ', 0x74: 'τ', 0x75: 'υ', 0x76: 'ϖ', 0x77: 'ω',
	0x78: 'ξ', 0x79: 'ψ', 0x7A: 'ζ', 0x7B: '{', 0x7C: '|', 0x7D: '}', 0x7E: '∼',
	0xA0: '€', 0xA1: 'ϒ', 0xA2: '′', 0xA3: '≤', 0xA4: '⁄', 0xA5: '∞', 0xA6: 'ƒ', 0xA7: '♣',
	0xA8: '♦', 0xA9: '♥', 0xAA: '♠', 0xAB: '↔', 0xAC: '←', 0xAD: '↑', 0xAE: '→', 0xAF: '↓',
	0xB0: '°', 0xB1: '±', 0xB2: '″', 0xB3: '≥', 0xB4: '×', 0xB5: '∝', 0xB6: '∂', 0xB7: '•',
	0xB8: '÷', 0xB9: '≠', 0xBA: '≡', 0xBB: '≈', 0xBC: '…', 0xBF: '↵',
	0xC0: 'ℵ', 0xC1: 'ℑ', 0xC2: 'ℜ', 0xC3: '℘', 0xC4: '⊗', 0xC5: '⊕', 0xC6: '∅', 0xC7: '∩',
	0xC8: '∪', 0xC9: '⊃', 0xCA: '⊇', 0xCB: '⊄', 0xCC: '⊂', 0xCD: '⊆', 0xCE: '∈', 0xCF: '∉',
	0xD0: '∠', 0xD1: '∇', 0xD2: '®', 0xD3: '©', 0xD4: '™', 0xD5: '∏', 0xD6: '√', 0xD7: '⋅',
	0xD8: '¬', 0xD9: '∧', 0xDA: '∨', 0xDB: '⇔', 0xDC: '⇐', 0xDD: '⇑', 0xDE: '⇒', 0xDF: '⇓',
	0xE0: '◊', 0xE1: '〈', 0xE2: '®', 0xE3: '©', 0xE4: '™', 0xE5: '∑',
	0xF1: '〉', 0xF2: '∫', 0xF3: '⌠', 0xF5: '⌡',
}

// wingdingsFont maps only the Wingdings shapes that are one Unicode
// character beyond doubt, the bullets of Word's bullet library: ●, ■,
// ▪ (Word's "§" bullet), ❖, ➢, ❑. Its ticks, crosses, hands and
// pictures have several candidates (✓ or ✔?): they are reported, so
// that a person types the one meant.
var wingdingsFont = map[byte]rune{
	0x6C: '●', 0x6E: '■', 0xA7: '▪', 0x76: '❖', 0xD8: '➢', 0x71: '❑',
}

// symbol reads a w:sym element: the character its font's mapping gives,
// or ok false when none is known.
func symbol(t xml.StartElement) (text, font, code string, ok bool) {
	font, _ = attr(t, "font")
	code, _ = attr(t, "char")
	font, code = strings.TrimSpace(font), strings.TrimSpace(code)
	n, err := strconv.ParseUint(code, 16, 32)
	if err != nil {
		return "", font, code, false
	}
	c := rune(n)
	// Symbol fonts' codes are written in the private area from F000
	// (F0B7), or as the byte alone (00B7).
	low, inFontArea := byte(0), false
	if c >= 0xF000 && c <= 0xF0FF {
		low, inFontArea = byte(c-0xF000), true
	} else if c <= 0xFF {
		low, inFontArea = byte(c), true
	}
	var r rune
	switch strings.ToLower(font) {
	case "symbol":
		if inFontArea {
			r = symbolFont[low]
		}
	case "wingdings":
		if inFontArea {
			r = wingdingsFont[low]
		}
	default:
		// Any other font's code is the character itself (a letter
		// typed with Insert Symbol: "Ł" is 0141 in Times New Roman), but
		// not a private-use code, whose meaning only the font knows.
		if !unicode.In(c, unicode.Co) && utf8.ValidRune(c) && !unicode.IsControl(c) && font != "" {
			r = c
		}
	}
	if r == 0 {
		return "", font, code, false
	}
	return string(r), font, code, true
}

// dropSymbol reports a symbol with no known character at its paragraph.
func (w *walker) dropSymbol(font, code string) {
	text := strings.TrimSpace(font + " " + code)
	w.drop(text, "a symbol inserted from the font "+strconv.Quote(font)+" (code "+strconv.Quote(code)+") that has no known Unicode character: type the character it shows where it stood, by hand")
}

// drop reports something left out of the current paragraph.
func (w *walker) drop(text, why string) {
	n := 0
	if p := w.cur(); p != nil {
		n = p.n
	}
	w.drops = append(w.drops, source.Drop{Line: n, Text: shorten(text), Why: why})
}

// The namespaces of the drawings a document holds.
const (
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsVML     = "urn:schemas-microsoft-com:vml"
	uriChart  = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	uriDiagam = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
)

// imageWhy says what happened to an image and what to do with a
// caption its alt text holds.
const imageWhy = "an image (a statement has no images): its alt text is shown; if it holds a caption worth keeping, put it into the text by hand"

// drawing reads the DrawingML and VML elements that hold an image, a
// chart or a diagram, and reports each with its alt text. A text box is
// a drawing too, but its words are read (w:txbxContent), so it is not
// reported.
func (w *walker) drawing(t xml.StartElement) {
	switch {
	case t.Name.Space == nsWP && t.Name.Local == "docPr":
		w.alt.descr, _ = attr(t, "descr")
		if w.alt.descr == "" {
			w.alt.descr, _ = attr(t, "title")
		}
		w.alt.name, _ = attr(t, "name")
	case t.Name.Space == nsPic && t.Name.Local == "pic":
		w.dropImage("image", w.alt.descr, w.alt.name)
		w.alt = altText{}
	case t.Name.Space == nsA && t.Name.Local == "graphicData":
		switch uri, _ := attr(t, "uri"); uri {
		case uriChart:
			w.dropImage("chart", w.alt.descr, w.alt.name)
			w.alt = altText{}
		case uriDiagam:
			w.dropImage("diagram", w.alt.descr, w.alt.name)
			w.alt = altText{}
		}
	case t.Name.Space == nsVML && t.Name.Local == "shape":
		w.alt.descr, _ = attr(t, "alt")
		w.alt.name, _ = attr(t, "id")
	case t.Name.Space == nsVML && t.Name.Local == "imagedata":
		descr := w.alt.descr
		if descr == "" {
			descr, _ = attr(t, "title")
		}
		w.dropImage("image", descr, w.alt.name)
		w.alt = altText{}
	}
}

type altText struct{ descr, name string }

func (w *walker) dropImage(what, descr, name string) {
	descr = strings.Join(strings.Fields(descr), " ")
	text := descr
	if text == "" {
		if name == "" {
			name = "an " + what
		}
		text = name + " (no alt text)"
	}
	why := imageWhy
	if what != "image" {
		why = "a " + what + " (a statement has none; an image of it, too, is left out): its alt text is shown; if it holds a caption worth keeping, put it into the text by hand"
	}
	w.drop(text, why)
}
