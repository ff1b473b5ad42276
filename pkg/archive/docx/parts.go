package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

// onOff is a w:b, w:i or w:vanish element: present means on, unless its
// w:val says otherwise.
type onOff struct {
	Val *string `xml:"val,attr"`
}

func (o *onOff) set() (on, set bool) {
	if o == nil {
		return false, false
	}
	if o.Val == nil {
		return true, true
	}
	switch strings.ToLower(*o.Val) {
	case "0", "false", "off", "none":
		return false, true
	}
	return true, true
}

type valAttr struct {
	Val string `xml:"val,attr"`
}

type xNumPr struct {
	Ilvl  *valAttr `xml:"ilvl"`
	NumID *valAttr `xml:"numId"`
}

type xRPr struct {
	B    *onOff   `xml:"b"`
	I    *onOff   `xml:"i"`
	Lang *valAttr `xml:"lang"`
}

type xStyle struct {
	Type    string   `xml:"type,attr"`
	ID      string   `xml:"styleId,attr"`
	Default string   `xml:"default,attr"`
	Name    valAttr  `xml:"name"`
	BasedOn *valAttr `xml:"basedOn"`
	PPr     struct {
		NumPr      *xNumPr  `xml:"numPr"`
		OutlineLvl *valAttr `xml:"outlineLvl"`
	} `xml:"pPr"`
	RPr xRPr `xml:"rPr"`
}

type xStyles struct {
	Lang   *valAttr `xml:"docDefaults>rPrDefault>rPr>lang"`
	Styles []xStyle `xml:"style"`
}

// styleSheet is word/styles.xml: styles by ID (the key documents use),
// judged by name (the key that does not change with Word's language).
type styleSheet struct {
	byID         map[string]*xStyle
	defaultPara  string
	defaultLang  string
	resolveCache map[string]resolved
}

// resolved is what a paragraph or character style comes to, after its
// basedOn chain.
type resolved struct {
	kind       source.Kind
	known      bool // kind came from a name we know
	role       source.Role
	level      int
	list       bool // a list style by name
	ordered    bool
	numPr      *xNumPr
	outline    int // -1 when none
	bold, ital bool
}

func parseStyles(data []byte) (*styleSheet, error) {
	s := &styleSheet{byID: map[string]*xStyle{}, resolveCache: map[string]resolved{}}
	if data == nil {
		return s, nil
	}
	var x xStyles
	if err := unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("word/styles.xml: %w", err)
	}
	if x.Lang != nil {
		s.defaultLang = strings.TrimSpace(x.Lang.Val)
	}
	normal := ""
	for i := range x.Styles {
		st := &x.Styles[i]
		if _, dup := s.byID[st.ID]; dup {
			continue
		}
		s.byID[st.ID] = st
		if st.Type == "paragraph" && (st.Default == "1" || st.Default == "true") && s.defaultPara == "" {
			s.defaultPara = st.ID
		}
		if st.Type == "paragraph" && normal == "" && normName(st.Name.Val) == "normal" {
			normal = st.ID
		}
	}
	if s.defaultPara == "" {
		// No style is marked the default: Word's is the one named Normal.
		s.defaultPara = normal
	}
	return s, nil
}

// styleNames maps a style's name (lowercase, without spaces, hyphens or
// underscores) to what it makes a paragraph. Word writes the English
// names of its built-in styles ("heading 1", "Title") whatever the
// language of its interface, and localises only the IDs; LibreOffice
// writes its own English names ("Heading 1", "List 1", "Numbering 1").
//
// Names typed by a Welsh-speaking user, or written by a tool that
// localises names, are accepted too: "Pennawd 1"–"Pennawd 6" are the
// Welsh heading names of summernote's cy-GB language file
// (summernote/summernote, lang/summernote-cy-GB.js: h1: 'Pennawd 1' …),
// and "Teitl" and "Is-deitl" are Welsh for title and subtitle as H5P's
// Welsh strings use them ("Teitl", "Is-deitl y sgrin gychwyn").
var styleNames = func() map[string]resolved {
	m := map[string]resolved{
		"title":    {kind: source.Title, known: true},
		"teitl":    {kind: source.Title, known: true},
		"subtitle": {kind: source.Subtitle, known: true},
		"isdeitl":  {kind: source.Subtitle, known: true},
		// Word's quotation styles; "Dyfyniad" is summernote's Welsh for a
		// block quotation (blockquote: 'Dyfyniad').
		"quote":        {kind: source.Paragraph, known: true, role: source.Quote},
		"intensequote": {kind: source.Paragraph, known: true, role: source.Quote},
		"dyfyniad":     {kind: source.Paragraph, known: true, role: source.Quote},
		// Word's list styles.
		"listparagraph": {kind: source.ListItem, known: true, list: true},
		"listbullet":    {kind: source.ListItem, known: true, list: true},
		"listnumber":    {kind: source.ListItem, known: true, list: true, ordered: true},
	}
	for n := 1; n <= 6; n++ {
		d := strconv.Itoa(n)
		m["heading"+d] = resolved{kind: source.Heading, known: true, level: n}
		m["pennawd"+d] = resolved{kind: source.Heading, known: true, level: n}
	}
	for n := 2; n <= 5; n++ {
		d := strconv.Itoa(n)
		m["listbullet"+d] = resolved{kind: source.ListItem, known: true, list: true, level: n - 1}
		m["listnumber"+d] = resolved{kind: source.ListItem, known: true, list: true, ordered: true, level: n - 1}
	}
	// LibreOffice's list paragraph styles.
	for n := 1; n <= 5; n++ {
		d := strconv.Itoa(n)
		m["list"+d] = resolved{kind: source.ListItem, known: true, list: true, level: n - 1}
		m["numbering"+d] = resolved{kind: source.ListItem, known: true, list: true, ordered: true, level: n - 1}
	}
	return m
}()

func normName(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c == ' ' || c == '-' || c == '_' || c == '\u00a0' {
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// resolve follows a style's basedOn chain: the first style in it whose
// name we know gives the kind; numbering, outline level, bold and italic
// come from the nearest style that sets them.
func (s *styleSheet) resolve(id string) resolved {
	if r, ok := s.resolveCache[id]; ok {
		return r
	}
	r := resolved{outline: -1}
	var boldSet, italSet bool
	seen := map[string]bool{}
	for cur := id; cur != "" && !seen[cur] && len(seen) < maxStyleChain; {
		seen[cur] = true
		st := s.byID[cur]
		if st == nil {
			break
		}
		if !r.known {
			if k, ok := styleNames[normName(st.Name.Val)]; ok {
				r.kind, r.known, r.level, r.list, r.ordered, r.role = k.kind, true, k.level, k.list, k.ordered, k.role
			}
		}
		if r.numPr == nil && st.PPr.NumPr != nil {
			r.numPr = st.PPr.NumPr
		}
		if r.outline < 0 && st.PPr.OutlineLvl != nil {
			if n, err := strconv.Atoi(st.PPr.OutlineLvl.Val); err == nil {
				r.outline = n
			}
		}
		if on, set := st.RPr.B.set(); set && !boldSet {
			r.bold, boldSet = on, true
		}
		if on, set := st.RPr.I.set(); set && !italSet {
			r.ital, italSet = on, true
		}
		if st.BasedOn == nil {
			break
		}
		cur = st.BasedOn.Val
	}
	s.resolveCache[id] = r
	return r
}

type xLvl struct {
	Ilvl   string  `xml:"ilvl,attr"`
	NumFmt valAttr `xml:"numFmt"`
}

type xNumbering struct {
	Abstract []struct {
		ID   string `xml:"abstractNumId,attr"`
		Lvls []xLvl `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID         string  `xml:"numId,attr"`
		AbstractID valAttr `xml:"abstractNumId"`
		Overrides  []struct {
			Ilvl string `xml:"ilvl,attr"`
			Lvl  *xLvl  `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

// numbering is word/numbering.xml: for each list (numId) and level, the
// number format ("bullet", "decimal", "none" …).
type numbering map[string]map[string]string

func parseNumbering(data []byte) (numbering, error) {
	n := numbering{}
	if data == nil {
		return n, nil
	}
	var x xNumbering
	if err := unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("word/numbering.xml: %w", err)
	}
	abstract := map[string]map[string]string{}
	for _, a := range x.Abstract {
		lv := map[string]string{}
		for _, l := range a.Lvls {
			lv[l.Ilvl] = l.NumFmt.Val
		}
		abstract[a.ID] = lv
	}
	for _, num := range x.Nums {
		lv := map[string]string{}
		for k, v := range abstract[num.AbstractID.Val] {
			lv[k] = v
		}
		for _, o := range num.Overrides {
			if o.Lvl != nil && o.Lvl.NumFmt.Val != "" {
				lv[o.Ilvl] = o.Lvl.NumFmt.Val
			}
		}
		n[num.ID] = lv
	}
	return n, nil
}

// format returns the number format of a list level, and whether the list
// exists at all.
func (n numbering) format(numID, ilvl string) (string, bool) {
	lv, ok := n[numID]
	if !ok {
		return "", false
	}
	if f, ok := lv[ilvl]; ok {
		return f, true
	}
	return lv["0"], true
}

type xRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
		Type   string `xml:"Type,attr"`
	} `xml:"Relationship"`
}

// parseRels returns the hyperlink targets of word/_rels/document.xml.rels
// by relationship ID.
func parseRels(data []byte) (map[string]string, error) {
	m := map[string]string{}
	if data == nil {
		return m, nil
	}
	var x xRels
	if err := unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("word/_rels/document.xml.rels: %w", err)
	}
	for _, r := range x.Rels {
		if strings.HasSuffix(r.Type, "/hyperlink") || strings.EqualFold(r.Mode, "External") {
			m[r.ID] = strings.TrimSpace(r.Target)
		}
	}
	return m, nil
}

type xCore struct {
	Title string `xml:"title"`
}

func parseCore(data []byte) (string, error) {
	if data == nil {
		return "", nil
	}
	var x xCore
	if err := unmarshal(data, &x); err != nil {
		return "", fmt.Errorf("docProps/core.xml: %w", err)
	}
	return strings.Join(strings.Fields(x.Title), " "), nil
}

// unmarshal decodes a small part after checking that its nesting is not
// deeper than maxXMLDepth (encoding/xml expands no entities of its own
// and reads no external ones).
func unmarshal(data []byte, v any) error {
	if err := checkDepth(data); err != nil {
		return err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("broken XML: %s", lower(err.Error()))
	}
	return nil
}

func checkDepth(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // Decode reports syntax errors
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return fmt.Errorf("its XML is nested more than %d deep", maxXMLDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}
