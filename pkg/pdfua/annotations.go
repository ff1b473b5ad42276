package pdfua

import (
	"errors"
	"fmt"

	"github.com/pressroom/pressroom/internal/pdf"
)

// pageAnnot is a link annotation found on a page.
type pageAnnot struct {
	link int // index in Tagger.links
	rect pdf.Array
}

// pageLinks finds page i's link annotations and ties each to the link
// LinkURI recorded for it.
func pageLinks(f *pdf.File, page *pdf.Dict, t *Tagger, i int, seen []bool) ([]pageAnnot, error) {
	list, _ := f.Resolve(page.Get("Annots")).(pdf.Array)
	var out []pageAnnot
	for _, a := range list {
		ad := f.DictOf(a)
		if ad == nil {
			return nil, errors.New("annotation is not a dictionary")
		}
		if ad.Get("Subtype") != pdf.Name("Link") {
			return nil, fmt.Errorf("a %v annotation cannot be tagged", ad.Get("Subtype"))
		}
		action := f.DictOf(ad.Get("A"))
		var uri pdf.String
		if action != nil {
			uri, _ = f.Resolve(action.Get("URI")).(pdf.String)
		}
		idx := t.linkIndex(pdf.DecodeText(uri))
		if idx < 0 {
			return nil, fmt.Errorf("a link annotation (to %q) was not drawn through the tagger", pdf.DecodeText(uri))
		}
		if seen[idx] {
			return nil, fmt.Errorf("link to %q drawn twice for one LinkURI call", t.links[idx].uri)
		}
		seen[idx] = true
		if t.links[idx].page != i+1 {
			return nil, fmt.Errorf("link to %q tagged on page %d but drawn on page %d", t.links[idx].uri, t.links[idx].page, i+1)
		}
		rect, err := normalRect(f.Resolve(ad.Get("Rect")))
		if err != nil {
			return nil, err
		}
		out = append(out, pageAnnot{link: idx, rect: rect})
	}
	return out, nil
}

// normalRect returns a rectangle as [llx lly urx ury]; fpdf writes links'
// corners top first.
func normalRect(v any) (pdf.Array, error) {
	if raw, ok := v.(pdf.NumberArray); ok {
		v = raw.Values()
	}
	a, ok := v.(pdf.Array)
	if !ok || len(a) != 4 {
		return nil, errors.New("link annotation without a rectangle")
	}
	var n [4]float64
	for i, x := range a {
		f, ok := pdf.Float(x)
		if !ok {
			return nil, errors.New("link annotation rectangle is not numeric")
		}
		n[i] = f
	}
	out := pdf.Array{a[0], a[1], a[2], a[3]}
	if n[0] > n[2] {
		out[0], out[2] = a[2], a[0]
	}
	if n[1] > n[3] {
		out[1], out[3] = a[3], a[1]
	}
	return out, nil
}

// tagPages gives each page its link annotations back as references to
// the new annotation objects, /Tabs /S (PDF/UA-1 7.18.3: tab order
// follows the structure) and, when it has tagged content, the key of its
// entry in the parent tree.
func (d *document) tagPages(t *Tagger, n numbers) {
	for i := range d.pages {
		page := d.page(i)
		var list pdf.Array
		for _, a := range d.annots[i] {
			list = append(list, n.annot[a.link])
		}
		if len(list) > 0 {
			page.Set("Annots", list)
		}
		page.Set("Tabs", pdf.Name("S"))
		if len(t.pages[i]) > 0 {
			page.Set("StructParents", pdf.Integer(i))
		}
	}
}

// appendLinkAnnotations appends the link annotations to objs, one object
// each in LinkURI order: printable, with a description and a way back to their
// Link element (PDF/A-2 6.3.2, PDF/UA-1 7.18). The parent tree keys of
// links follow the pages'.
func (d *document) appendLinkAnnotations(objs []any, t *Tagger, n numbers) []any {
	annots := make([]*pdf.Dict, len(t.links))
	for i := range d.pages {
		for _, a := range d.annots[i] {
			l := t.links[a.link]
			annots[a.link] = pdf.NewDict(
				pdf.Name("Type"), pdf.Name("Annot"),
				pdf.Name("Subtype"), pdf.Name("Link"),
				pdf.Name("Rect"), a.rect,
				pdf.Name("Border"), pdf.Array{pdf.Integer(0), pdf.Integer(0), pdf.Integer(0)},
				pdf.Name("F"), pdf.Integer(4),
				pdf.Name("P"), d.pageRef[i],
				pdf.Name("StructParent"), pdf.Integer(len(d.pages)+a.link),
				pdf.Name("Contents"), pdf.TextString(t.elems[l.elem].contents),
				pdf.Name("A"), pdf.NewDict(pdf.Name("Type"), pdf.Name("Action"), pdf.Name("S"), pdf.Name("URI"),
					pdf.Name("URI"), pdf.String(asciiURI(l.uri))),
			)
		}
	}
	for _, a := range annots {
		objs = append(objs, a)
	}
	return objs
}

// asciiURI percent-encodes what a URI may not contain raw (ISO 32000-1,
// 12.6.4.7 wants 7-bit ASCII).
func asciiURI(s string) string {
	const hexDigits = "0123456789ABCDEF"
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f {
			out = append(out, '%', hexDigits[c>>4], hexDigits[c&15])
			continue
		}
		out = append(out, c)
	}
	return string(out)
}
