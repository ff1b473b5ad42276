package pdfua

import (
	"errors"
	"fmt"

	"github.com/pressroom/pressroom/internal/pdf"
)

// checkPages checks each page's content against what t handed out for
// it, and collects its link annotations (which are taken off the page,
// to come back as objects of their own) tied to their LinkURI calls.
// Every link t tagged must have been drawn.
func (d *document) checkPages(t *Tagger) error {
	d.annots = make([][]pageAnnot, len(d.pages))
	seen := make([]bool, len(t.links))
	for i := range d.pages {
		page := d.page(i)
		if err := checkPage(d.f, page, t, i); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		list, err := pageLinks(d.f, page, t, i, seen)
		if err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		d.annots[i] = list
		page.Del("Annots")
	}
	for i, ok := range seen {
		if !ok {
			return fmt.Errorf("link to %q was tagged but no annotation was drawn for it", t.links[i].uri)
		}
	}
	return nil
}

// checkPage scans page i's content and compares its marked content with
// what the tagger handed out for that page.
func checkPage(f *pdf.File, page *pdf.Dict, t *Tagger, i int) error {
	data, err := pageContent(f, page)
	if err != nil {
		return err
	}
	found, err := pdf.ScanContent(data)
	if err != nil {
		return err
	}
	want := t.pages[i]
	if len(found) != len(want) {
		return fmt.Errorf("%d pieces of tagged content drawn, %d tagged", len(found), len(want))
	}
	for j, mc := range found {
		if mc.MCID != j || mc.Tag != pdf.Name(t.elems[want[j]].role) {
			return fmt.Errorf("tagged content %d is /%s MCID %d, expected /%s MCID %d",
				j, mc.Tag, mc.MCID, t.elems[want[j]].role, j)
		}
	}
	return nil
}

// pageContent returns a page's content, decoded, its streams joined.
func pageContent(f *pdf.File, page *pdf.Dict) ([]byte, error) {
	var data []byte
	switch c := f.Resolve(page.Get("Contents")).(type) {
	case *pdf.Stream:
		return pdf.Decode(c)
	case pdf.Array:
		for _, part := range c {
			s, ok := f.Resolve(part).(*pdf.Stream)
			if !ok {
				return nil, errors.New("content is not a stream")
			}
			d, err := pdf.Decode(s)
			if err != nil {
				return nil, err
			}
			data = append(append(data, d...), '\n')
		}
	case nil:
	default:
		return nil, errors.New("content is not a stream")
	}
	return data, nil
}
