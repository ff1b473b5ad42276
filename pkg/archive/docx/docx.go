// Package docx reads a Word document (.docx, Office Open XML) into the
// common form of archived releases, source.Doc: one block per paragraph
// (one per row of a table of figures, its cells joined), with Word's
// paragraph styles (Title, Subtitle, Heading 1–6, lists) as block kinds,
// bold, italic and hyperlinks as the statement's markup, and each
// block's position as its paragraph number in the document's body.
//
// It reads the zip with archive/zip and the parts with encoding/xml: the
// Go libraries for .docx are AGPL or paid. Every part is read through a
// size limit, and the XML through a nesting limit, so a zip bomb or a
// hostile document is refused rather than read.
package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// Read reads a .docx file's bytes.
func Read(src []byte) (doc *source.Doc, err error) {
	defer func() {
		// A safety net: no input may crash the caller.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: the file could not be read (internal error: %v)", errNotWord, r)
		}
	}()
	p, err := openPackage(src)
	if err != nil {
		return nil, err
	}
	docXML, err := p.part("word/document.xml", maxDocument)
	if err != nil {
		return nil, err
	}
	stylesXML, err := p.part("word/styles.xml", maxPart)
	if err != nil {
		return nil, err
	}
	numXML, err := p.part("word/numbering.xml", maxPart)
	if err != nil {
		return nil, err
	}
	relsXML, err := p.part("word/_rels/document.xml.rels", maxPart)
	if err != nil {
		return nil, err
	}
	coreXML, err := p.part("docProps/core.xml", maxPart)
	if err != nil {
		return nil, err
	}
	styles, err := parseStyles(stylesXML)
	if err != nil {
		return nil, err
	}
	num, err := parseNumbering(numXML)
	if err != nil {
		return nil, err
	}
	rels, err := parseRels(relsXML)
	if err != nil {
		return nil, err
	}
	w := &walker{styles: styles, num: num, rels: rels}
	if err := w.walk(docXML); err != nil {
		return nil, fmt.Errorf("word/document.xml: %w", err)
	}
	doc = &source.Doc{Format: "docx", Unit: source.Paragraphs}
	sort.SliceStable(w.blocks, func(i, j int) bool { return w.blocks[i].n < w.blocks[j].n })
	for _, b := range w.blocks {
		doc.Blocks = append(doc.Blocks, b.Block)
	}
	// Page headers and footers (a letterhead's address, "Page 1 of 2")
	// are furniture, and footnotes have no place in a statement: the
	// report lists their words as left out.
	drops, err := w.furniture(p)
	if err != nil {
		return nil, err
	}
	// What the body held and a statement cannot (images, symbols with no
	// character) is said at its paragraph.
	doc.Dropped = append(w.drops, drops...)
	doc.Evidence = append(doc.Evidence, w.tableNotes...)
	if styles.defaultLang != "" {
		doc.Evidence = append(doc.Evidence, source.Evidence{Key: source.EvidenceLanguage, Value: styles.defaultLang})
	}
	// The core properties' title is what the author (or a template) typed
	// in File › Properties; their dates are when the file was made and
	// saved, not when the release was issued, so they are not evidence.
	if title, err := parseCore(coreXML); err == nil && title != "" {
		doc.Evidence = append(doc.Evidence, source.Evidence{Key: source.EvidenceTitle, Value: title})
	}
	return doc, nil
}

// furniture reads the page headers and footers, in the order of their
// part names, into drops; the same text in several of them is given once.
func (w *walker) furniture(p *pkg) ([]source.Drop, error) {
	var names []string
	for name := range p.files {
		base := strings.TrimPrefix(name, "word/")
		if base != name && !strings.Contains(base, "/") && strings.HasSuffix(base, ".xml") &&
			(strings.HasPrefix(base, "header") || strings.HasPrefix(base, "footer") ||
				base == "footnotes.xml" || base == "endnotes.xml") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var drops []source.Drop
	seen := map[string]bool{}
	for _, name := range names {
		data, err := p.part(name, maxPart)
		if err != nil {
			return nil, err
		}
		hw := &walker{styles: w.styles, num: w.num}
		if err := hw.walk(data); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		why := "page header"
		switch {
		case strings.HasPrefix(name, "word/footer"):
			why = "page footer"
		case strings.HasPrefix(name, "word/footnotes"), strings.HasPrefix(name, "word/endnotes"):
			// The statement has no footnotes: their words are said, so
			// that a person can move them into the notes by hand.
			why = "a footnote or endnote (the statement has none: move it into the notes by hand)"
		}
		for _, d := range hw.drops {
			// A page header's paragraphs are not the body's: no number.
			drops = append(drops, source.Drop{Text: d.Text, Why: why + ": " + d.Why})
		}
		for _, b := range hw.blocks {
			for _, l := range b.Lines {
				if seen[l.Text] {
					continue
				}
				seen[l.Text] = true
				drops = append(drops, source.Drop{Text: shorten(l.Text), Why: why})
			}
		}
	}
	return drops, nil
}

// shorten cuts a dropped line for the report.
func shorten(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// The namespaces of WordprocessingML (transitional and strict), of
// relationships and of markup compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// skipped are the WordprocessingML elements whose content is not shown:
// deleted and moved-away text, old formatting kept by tracked changes,
// content-control properties (placeholders).
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "pPrChange": true, "rPrChange": true, "sectPrChange": true,
	"tblPrChange": true, "trPrChange": true, "tcPrChange": true, "numberingChange": true,
	"sdtPr": true, "sdtEndPr": true, "delText": true, "delInstrText": true,
}

type indexedBlock struct {
	source.Block
	n int
}

// para is an open paragraph.
type para struct {
	n       int
	styleID string
	numPr   *xNumPr
	outline int
	lines   []string
	b       source.Builder
	size    int
}

// run is the formatting of the run being read.
type run struct {
	style         string
	bold, ital    bool
	boldSet, iSet bool
	hidden        bool
}

type link struct {
	target string
	ok     bool // a link to show; false for internal anchors
}

type field struct {
	instr     strings.Builder
	separated bool
	link      link
}

type walker struct {
	styles *styleSheet
	num    numbering
	rels   map[string]string

	count  int
	paras  []*para
	blocks []indexedBlock
	names  []xml.Name // open elements
	skip   int        // depth inside a skipped element
	run    run
	links  []link
	fields []*field
	text   bool // inside w:t
	instr  bool // inside w:instrText
	// drops are what the document holds and the statement cannot: a
	// symbol with no known character, an image.
	drops []source.Drop
	alt   altText // the alt text of the drawing being read
	// tables are the open w:tbl elements, innermost last; tableNotes
	// say which tables were read as rows.
	tables     []*table
	tableNotes []source.Evidence
}

func (w *walker) walk(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("broken XML: %s", lower(err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(w.names) >= maxXMLDepth {
				return fmt.Errorf("its XML is nested more than %d deep", maxXMLDepth)
			}
			w.names = append(w.names, t.Name)
			if w.skip > 0 {
				w.skip++
				continue
			}
			if err := w.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if len(w.names) == 0 {
				return errors.New("broken XML: unexpected end element")
			}
			w.names = w.names[:len(w.names)-1]
			if w.skip > 0 {
				w.skip--
				continue
			}
			w.end(t)
		case xml.CharData:
			if w.skip > 0 {
				continue
			}
			if w.text {
				if err := w.add(string(t)); err != nil {
					return err
				}
			} else if w.instr && len(w.fields) > 0 {
				f := w.fields[len(w.fields)-1]
				if f.instr.Len() < 4096 {
					f.instr.Write(t)
				}
			}
		}
	}
	// A document cut short leaves paragraphs open: keep what they hold.
	for len(w.paras) > 0 {
		w.endPara()
	}
	return nil
}

// parent returns the local name of the element that holds the current
// one, if it is a WordprocessingML element.
func (w *walker) parent() string {
	if len(w.names) < 2 {
		return ""
	}
	n := w.names[len(w.names)-2]
	if !isW(n) {
		return ""
	}
	return n.Local
}

func (w *walker) grandparent() string {
	if len(w.names) < 3 {
		return ""
	}
	n := w.names[len(w.names)-3]
	if !isW(n) {
		return ""
	}
	return n.Local
}

func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (w *walker) cur() *para {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *walker) start(t xml.StartElement) error {
	if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
		// mc:AlternateContent holds the same content twice (a text box as
		// a drawing in mc:Choice, as VML in mc:Fallback): read it once.
		w.skip = 1
		return nil
	}
	if !isW(t.Name) {
		w.drawing(t)
		return nil
	}
	if skipped[t.Name.Local] {
		w.skip = 1
		return nil
	}
	p := w.cur()
	parent := w.parent()
	switch t.Name.Local {
	case "tbl", "tr", "tc", "tblHeader":
		w.startTable(t.Name.Local)
	case "p":
		w.count++
		w.paras = append(w.paras, &para{n: w.count, outline: -1})
	case "pStyle":
		if parent == "pPr" && p != nil {
			p.styleID, _ = attr(t, "val")
		}
	case "numPr":
		if parent == "pPr" && p != nil {
			p.numPr = &xNumPr{}
		}
	case "ilvl", "numId":
		if parent == "numPr" && w.grandparent() == "pPr" && p != nil && p.numPr != nil {
			v, _ := attr(t, "val")
			if t.Name.Local == "ilvl" {
				p.numPr.Ilvl = &valAttr{Val: v}
			} else {
				p.numPr.NumID = &valAttr{Val: v}
			}
		}
	case "outlineLvl":
		if parent == "pPr" && p != nil {
			v, _ := attr(t, "val")
			if n, err := strconv.Atoi(v); err == nil {
				p.outline = n
			}
		}
	case "r":
		w.run = run{}
	case "rStyle", "b", "i", "vanish":
		if parent == "rPr" && w.grandparent() == "r" {
			w.runProp(t)
		}
	case "t":
		w.text = parent == "r"
	case "instrText":
		w.instr = parent == "r"
	case "tab":
		if parent == "r" {
			return w.add(" ")
		}
	case "noBreakHyphen":
		if parent == "r" {
			return w.add("-")
		}
	case "sym":
		if parent != "r" || w.run.hidden {
			break
		}
		text, font, code, ok := symbol(t)
		if ok {
			return w.add(text)
		}
		w.dropSymbol(font, code)
	case "br", "cr":
		if parent != "r" {
			break
		}
		if typ, _ := attr(t, "type"); typ == "page" || typ == "column" {
			return w.add(" ")
		}
		if p != nil && !w.run.hidden {
			p.lines = append(p.lines, p.b.String())
			p.b.Reset()
		}
	case "hyperlink":
		l := link{}
		for _, a := range t.Attr {
			if a.Name.Local == "id" {
				if target, ok := w.rels[a.Value]; ok {
					l = link{target: target, ok: true}
				}
			}
		}
		w.links = append(w.links, l)
	case "fldSimple":
		instr, _ := attr(t, "instr")
		w.links = append(w.links, fieldLink(instr))
	case "fldChar":
		typ, _ := attr(t, "fldCharType")
		switch typ {
		case "begin":
			if len(w.fields) < maxXMLDepth {
				w.fields = append(w.fields, &field{})
			}
		case "separate":
			if n := len(w.fields); n > 0 {
				f := w.fields[n-1]
				f.separated = true
				f.link = fieldLink(f.instr.String())
			}
		case "end":
			if n := len(w.fields); n > 0 {
				w.fields = w.fields[:n-1]
			}
		}
	}
	return nil
}

func (w *walker) runProp(t xml.StartElement) {
	switch t.Name.Local {
	case "rStyle":
		w.run.style, _ = attr(t, "val")
	case "b", "i", "vanish":
		on := true
		if v, ok := attr(t, "val"); ok {
			switch strings.ToLower(v) {
			case "0", "false", "off":
				on = false
			}
		}
		switch t.Name.Local {
		case "b":
			w.run.bold, w.run.boldSet = on, true
		case "i":
			w.run.ital, w.run.iSet = on, true
		default:
			w.run.hidden = on
		}
	}
}

// fieldLink reads a HYPERLINK field instruction: HYPERLINK "url" \o "tip",
// or HYPERLINK \l "anchor" for a place in the document.
func fieldLink(instr string) link {
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "HYPERLINK") {
		return link{}
	}
	if f[1] == "\\l" {
		return link{}
	}
	rest := strings.TrimSpace(instr[strings.Index(instr, f[0])+len(f[0]):])
	if strings.HasPrefix(rest, "\"") {
		if end := strings.Index(rest[1:], "\""); end >= 0 {
			return link{target: rest[1 : 1+end], ok: true}
		}
	}
	return link{target: f[1], ok: true}
}

func (w *walker) end(t xml.EndElement) {
	if !isW(t.Name) {
		return
	}
	switch t.Name.Local {
	case "tbl", "tc":
		w.endTable(t.Name.Local)
	case "p":
		w.endPara()
	case "t":
		w.text = false
	case "instrText":
		w.instr = false
	case "hyperlink", "fldSimple":
		if n := len(w.links); n > 0 {
			w.links = w.links[:n-1]
		}
	}
}

// currentLink is the link the next text is in: the innermost hyperlink
// element or HYPERLINK field.
func (w *walker) currentLink() link {
	var l link
	if n := len(w.links); n > 0 {
		l = w.links[n-1]
	}
	for i := len(w.fields) - 1; i >= 0; i-- {
		if w.fields[i].separated && w.fields[i].link.ok {
			return w.fields[i].link
		}
	}
	return l
}

// add adds shown text to the open paragraph, in the current run's style.
func (w *walker) add(text string) error {
	p := w.cur()
	if p == nil || text == "" || w.run.hidden {
		return nil
	}
	// Text of a field's instruction is not shown; a field's result is.
	for _, f := range w.fields {
		if !f.separated {
			return nil
		}
	}
	p.size += len(text)
	if p.size > maxBlockLength {
		return fmt.Errorf("paragraph %d holds more than %d MB of text", p.n, maxBlockLength>>20)
	}
	text = strings.ReplaceAll(text, "\u00ad", "") // soft hyphens are invisible
	var style source.Style
	if w.runBold(p) {
		style |= source.Strong
	}
	if w.runItalic(p) {
		style |= source.Emphasis
	}
	l := w.currentLink()
	if l.ok {
		p.b.Link(text, l.target, style)
	} else {
		p.b.Text(text, style)
	}
	return nil
}

func (w *walker) runBold(p *para) bool {
	if w.run.boldSet {
		return w.run.bold
	}
	if w.run.style != "" {
		if r := w.styles.resolve(w.run.style); r.bold {
			return true
		}
	}
	return w.paraStyle(p).bold
}

func (w *walker) runItalic(p *para) bool {
	if w.run.iSet {
		return w.run.ital
	}
	if w.run.style != "" {
		if r := w.styles.resolve(w.run.style); r.ital {
			return true
		}
	}
	return w.paraStyle(p).ital
}

func (w *walker) paraStyle(p *para) resolved {
	id := p.styleID
	if id == "" {
		id = w.styles.defaultPara
	}
	return w.styles.resolve(id)
}

func (w *walker) endPara() {
	p := w.cur()
	w.paras = w.paras[:len(w.paras)-1]
	if p == nil {
		return
	}
	p.lines = append(p.lines, p.b.String())
	blk := w.classify(p)
	for _, l := range p.lines {
		if l == "" {
			continue
		}
		if blk.Kind != source.Paragraph && blk.Kind != source.ListItem {
			// A heading is bold by its style; a ** around it would only
			// be noise in a plain-text field.
			l = unstrong(l)
		}
		blk.Lines = append(blk.Lines, source.Line{Text: source.ProtectLineStart(l), Line: p.n})
	}
	if len(blk.Lines) > 0 {
		w.blocks = append(w.blocks, indexedBlock{Block: blk, n: p.n})
	}
}

// unstrong removes the strong delimiters the Builder wrote around a whole
// line.
func unstrong(l string) string {
	if len(l) > 4 && strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**") && !strings.HasSuffix(l, "\\**") &&
		!strings.Contains(l[2:len(l)-2], "**") {
		return l[2 : len(l)-2]
	}
	return l
}

// classify decides a paragraph's kind from its style (by name, along the
// basedOn chain), its outline level and its numbering.
func (w *walker) classify(p *para) source.Block {
	st := w.paraStyle(p)
	outline := st.outline
	if p.outline >= 0 {
		outline = p.outline
	}
	if st.known && st.kind != source.ListItem && st.kind != source.Paragraph {
		return source.Block{Kind: st.kind, Level: st.level}
	}
	if outline >= 0 && outline <= 8 {
		return source.Block{Kind: source.Heading, Level: min(outline+1, 6)}
	}
	numPr := p.numPr
	if numPr == nil {
		numPr = st.numPr
	}
	if numPr != nil && numPr.NumID != nil && numPr.NumID.Val != "0" {
		ilvl := "0"
		if numPr.Ilvl != nil {
			ilvl = numPr.Ilvl.Val
		} else if st.numPr != nil && st.numPr.Ilvl != nil {
			ilvl = st.numPr.Ilvl.Val
		}
		level, _ := strconv.Atoi(ilvl)
		level = max(0, min(level, 8))
		if format, ok := w.num.format(numPr.NumID.Val, ilvl); ok {
			switch format {
			case "none", "":
				// Numbering that shows nothing is no list.
			case "bullet":
				return source.Block{Kind: source.ListItem, Level: level}
			default:
				return source.Block{Kind: source.ListItem, Level: level, Ordered: true}
			}
		}
	}
	if st.known && st.kind == source.ListItem {
		return source.Block{Kind: source.ListItem, Level: st.level, Ordered: st.ordered}
	}
	return source.Block{Kind: source.Paragraph, Role: st.role}
}
