package vector

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
)

const svgNS = "http://www.w3.org/2000/svg"

// node is one element of the file, as read: its name, attributes, where
// it starts, its children and (for style and title) its text.
type node struct {
	name      string
	foreign   bool // in another namespace (Inkscape's, RDF): never drawn
	attrs     []xml.Attr
	line, col int
	kids      []*node
	text      strings.Builder
}

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == svgNS) {
			return a.Value, true
		}
	}
	return "", false
}

// href returns href or xlink:href.
func (n *node) href() (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == "href" {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) errf(hint, format string, args ...any) *Error {
	return &Error{Line: n.line, Col: n.col, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// Parse reads an SVG file into a Drawing, or returns an *Error saying
// what it cannot draw and where.
func Parse(data []byte) (*Drawing, error) {
	if len(data) > MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("the SVG file is %d bytes, more than the %d MB a logo may be", len(data), MaxBytes>>20),
			Hint: "a logo's SVG is usually under 100 KB: simplify it or export it again"}
	}
	root, err := readTree(data)
	if err != nil {
		return nil, err
	}
	return build(root)
}

// readTree reads the XML into nodes, within the limits.
func readTree(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var root *node
	var stack []*node
	count := 0
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > MaxElements {
				return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("the SVG has more than %d elements", MaxElements), Hint: "simplify the logo or export it again"}
			}
			if len(stack) >= MaxDepth {
				return nil, &Error{Line: line, Col: col, Msg: fmt.Sprintf("elements are nested more than %d deep", MaxDepth), Hint: "flatten the groups (ungroup) and export again"}
			}
			n := &node{name: t.Name.Local, attrs: t.Attr, line: line, col: col}
			n.foreign = t.Name.Space != svgNS && t.Name.Space != ""
			if len(stack) == 0 {
				if root != nil {
					return nil, n.errf("", "a second root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				if n := stack[len(stack)-1]; n.name == "style" || n.name == "title" {
					n.text.Write(t)
				}
			}
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				ents, err := entities(t, data)
				if err != nil {
					return nil, &Error{Line: line, Col: col, Msg: "the SVG declares XML entities that are not plain text (" + err.Error() + ")",
						Hint: "export the logo again without a DOCTYPE, or delete the <!DOCTYPE …> declaration"}
				}
				d.Entity = ents
			}
		}
	}
	if root == nil {
		return nil, &Error{Msg: "the file has no SVG element", Hint: "check that it is an SVG file"}
	}
	if root.name != "svg" || root.foreign {
		return nil, root.errf("check that it is an SVG file", "the root element is <%s>, not <svg>", root.name)
	}
	return root, nil
}

// Entity declarations pressroom takes: a name and a short text with no
// markup or references in it, as Illustrator declares its namespaces
// (<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">). Such an
// entity cannot expand into another, so there are no billion laughs; and
// what all references expand to is counted before parsing.
var (
	entityDecl = regexp.MustCompile(`<!ENTITY\s+([A-Za-z_][A-Za-z0-9_.-]*)\s+(?:"([^"&<%]*)"|'([^'&<%]*)')\s*>`)
	anyEntity  = regexp.MustCompile(`<!ENTITY`)
)

const (
	maxEntities      = 64
	maxEntityText    = 256
	maxEntityExpands = 1 << 20 // bytes that all references may expand to
)

func entities(directive, data []byte) (map[string]string, error) {
	decls := entityDecl.FindAllSubmatch(directive, -1)
	if len(decls) != len(anyEntity.FindAllIndex(directive, -1)) {
		return nil, fmt.Errorf("an entity is external, a parameter entity, or refers to others")
	}
	if len(decls) > maxEntities {
		return nil, fmt.Errorf("more than %d entities", maxEntities)
	}
	out := map[string]string{}
	total := 0
	for _, m := range decls {
		name, text := string(m[1]), string(m[2])
		if m[3] != nil {
			text = string(m[3])
		}
		if len(text) > maxEntityText {
			return nil, fmt.Errorf("the entity %s is longer than %d characters", name, maxEntityText)
		}
		total += bytes.Count(data, []byte("&"+name+";")) * len(text)
		if total > maxEntityExpands {
			return nil, fmt.Errorf("the entities expand to more than %d bytes", maxEntityExpands)
		}
		out[name] = text
	}
	return out, nil
}

func xmlError(d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	line, col := d.InputPos()
	msg := err.Error()
	if errors.As(err, &se) {
		msg = se.Msg
		line = se.Line
		col = 0
	}
	if strings.Contains(msg, "entity") {
		return &Error{Line: line, Col: col, Msg: "the SVG uses an XML entity (" + msg + ")",
			Hint: "write the character itself or a numeric reference such as &#233;"}
	}
	if strings.Contains(msg, "CharsetReader") {
		return &Error{Line: line, Col: col, Msg: "the SVG is not in UTF-8", Hint: "save the SVG as UTF-8"}
	}
	return &Error{Line: line, Col: col, Msg: "the SVG is not well-formed XML: " + msg, Hint: "export the logo again"}
}

// number checks that a parsed value is finite and within MaxNumber.
func checkNumber(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) <= MaxNumber
}
