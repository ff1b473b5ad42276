package pdfua

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/internal/pdf"
)

// ActualText: the text a structure element stands for, when its glyphs
// do not say it. In scripts whose letters are drawn in another order
// than they are read (Bengali, Devanagari and Gurmukhi draw a vowel sign
// such as ি before the consonant it follows) or drawn as one glyph for
// several characters (a conjunct), the glyphs' own text (the font's
// ToUnicode map) gives readers the drawing order. ISO 32000-1, 14.9.4,
// lets a structure element carry /ActualText, and PDF/UA-1 allows it:
// pdf.js (the engine of Firefox's viewer and its screen-reader support)
// takes the words from there, Poppler from the same text in the marked
// content's property list, so BeginActualText writes both. Right-to-left
// text wants Begin instead: Poppler turns a marked content's ActualText
// of several letters round, while the structure's is read as written.

// AddActualText appends a Span element to parent standing for text, for
// content whose glyphs do not give its words in reading order.
func (t *Tagger) AddActualText(parent Elem, text string) Elem {
	if text == "" {
		t.fail("add actual text: empty text")
		return Root
	}
	e := t.Add(parent, Span)
	if e != Root {
		t.elems[e].actual = text
	}
	return e
}

// BeginActualText is Begin for an element made by AddActualText: the
// marked content's properties carry the element's ActualText as well,
// for readers that take it from the page content rather than from the
// structure tree (Poppler's pdftotext).
func (t *Tagger) BeginActualText(e Elem) string {
	op := t.Begin(e)
	if op == "" || !t.valid(e) || t.elems[e].actual == "" {
		return op
	}
	return strings.TrimSuffix(op, ">> BDC") + fmt.Sprintf(" /ActualText <%X>>> BDC", []byte(pdf.TextString(t.elems[e].actual)))
}
