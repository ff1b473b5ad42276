package pdfua

import (
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/pressroom/pressroom/internal/pdf"
)

// Finish reads the PDF the renderer's library wrote while t tagged it and
// returns a tagged PDF/UA-1 and PDF/A-2b file. It copies the pages, their
// content and resources, and writes new: the catalog (structure tree,
// /MarkInfo, /Lang, /ViewerPreferences, XMP metadata, sRGB output intent,
// /Version 1.7), the pages' /StructParents and /Tabs, the link annotations
// as objects tied to their Link elements, the fonts' real names with
// subset tags, the information dictionary and a file /ID derived from the
// content. The same input gives the same bytes.
//
// Finish checks what it can rather than trusting the drawing code: every
// mark painted on a page must be inside marked content, the MCIDs in each
// page must be the ones t handed out, every link annotation must come from
// LinkURI, and every font must be embedded with a ToUnicode map. Anything
// else is an error, and then nothing is returned.
func Finish(src []byte, t *Tagger, meta Metadata) ([]byte, error) {
	if t == nil {
		return nil, errors.New("pdfua: no tagger")
	}
	if err := t.validate(); err != nil {
		return nil, err
	}
	if err := meta.check(); err != nil {
		return nil, err
	}
	f, err := pdf.ParseFile(src)
	if err != nil {
		return nil, fmt.Errorf("pdfua: read PDF: %w", err)
	}
	out, err := finish(f, t, meta, len(src))
	if err != nil {
		return nil, fmt.Errorf("pdfua: %w", err)
	}
	return out, nil
}

// finish is the finishing pass, step by step. The objects of the new
// file are fpdf's that the pages and outlines reach, renumbered from 1 in
// their order, then the new ones in the order numbers gives them.
func finish(f *pdf.File, t *Tagger, meta Metadata, size int) ([]byte, error) {
	d, err := readDocument(f, t) // catalog and pages, as many as were tagged
	if err != nil {
		return nil, err
	}
	if err := d.checkPages(t); err != nil { // content as tagged, links from LinkURI
		return nil, err
	}
	if err := d.keep(t.fontNames); err != nil { // what is copied, fonts renamed, renumbered
		return nil, err
	}
	n := d.number(t)
	d.tagPages(t, n) // /Annots, /Tabs, /StructParents
	objs := make([]any, 0, n.catalog.Num-len(d.kept))
	objs = d.appendLinkAnnotations(objs, t, n)
	objs = appendStructureTree(objs, t, n, d.pageRef)
	objs = d.appendCatalog(objs, meta, n)
	return d.write(objs, n, size)
}

// document is fpdf's file as the finishing pass reads and changes it.
type document struct {
	f           *pdf.File
	catalog     *pdf.Dict // fpdf's catalog
	pagesRef    pdf.Ref   // its page tree
	outlines    pdf.Ref   // its outlines (bookmarks), when hasOutlines
	hasOutlines bool
	pages       []int         // the pages' object numbers, in order
	annots      [][]pageAnnot // each page's link annotations
	kept        []int         // the objects copied, ascending
	renum       map[int]int   // their new numbers
	pageRef     []pdf.Ref     // the pages' new references
}

// numbers are the references of the objects the pass adds after the
// copied ones, in the order they are written.
type numbers struct {
	annot                                     []pdf.Ref // by link, in LinkURI order
	elem                                      []pdf.Ref // by structure element
	tree, parentTree, xmp, icc, info, catalog pdf.Ref
}

// readDocument finds the catalog and the pages, and checks that the file
// has as many pages as t tagged.
func readDocument(f *pdf.File, t *Tagger) (*document, error) {
	catalog := f.DictOf(f.Trailer.Get("Root"))
	if catalog == nil {
		return nil, errors.New("no catalog")
	}
	pagesRef, ok := catalog.Get("Pages").(pdf.Ref)
	if !ok {
		return nil, errors.New("no page tree")
	}
	pages, err := f.PageList(pagesRef)
	if err != nil {
		return nil, err
	}
	if len(pages) != len(t.pages) {
		return nil, fmt.Errorf("the PDF has %d pages but %d were tagged", len(pages), len(t.pages))
	}
	d := &document{f: f, catalog: catalog, pagesRef: pagesRef, pages: pages}
	d.outlines, d.hasOutlines = catalog.Get("Outlines").(pdf.Ref)
	return d, nil
}

// page returns page i's dictionary (from 0).
func (d *document) page(i int) *pdf.Dict { return d.f.Objects[d.pages[i]].(*pdf.Dict) }

// keep decides which of fpdf's objects are copied (those the page tree
// and outlines reach, now that the pages' annotations are gone), fixes
// their fonts, and renumbers them from 1.
func (d *document) keep(fontNames map[string]string) error {
	roots := []any{d.pagesRef}
	if d.hasOutlines {
		roots = append(roots, d.outlines)
	}
	kept, err := d.f.Reachable(roots)
	if err != nil {
		return err
	}
	if err := fixFonts(d.f, kept, fontNames); err != nil {
		return err
	}
	d.kept = kept
	d.renum = make(map[int]int, len(kept))
	for i, num := range kept {
		d.renum[num] = i + 1
	}
	for _, num := range kept {
		d.f.Objects[num] = pdf.Remap(d.f.Objects[num], d.renum)
	}
	d.pageRef = make([]pdf.Ref, len(d.pages))
	for i, num := range d.pages {
		d.pageRef[i] = pdf.Ref{Num: d.renum[num]}
	}
	return nil
}

// number gives the new objects their numbers, after the copied ones.
func (d *document) number(t *Tagger) numbers {
	next := len(d.kept) + 1
	alloc := func() pdf.Ref { next++; return pdf.Ref{Num: next - 1} }
	var n numbers
	n.annot = make([]pdf.Ref, len(t.links))
	for i := range t.links {
		n.annot[i] = alloc()
	}
	n.elem = make([]pdf.Ref, len(t.elems))
	for i := range t.elems {
		n.elem[i] = alloc()
	}
	n.tree, n.parentTree = alloc(), alloc()
	n.xmp, n.icc, n.info, n.catalog = alloc(), alloc(), alloc(), alloc()
	return n
}

// write lays out the file: the copied objects, then the new ones, the
// cross-reference table, and a trailer whose /ID is a hash of the rest.
// size is the length of fpdf's file: the new one, its dictionaries packed
// into object streams, is smaller, so one buffer of that size holds it.
func (d *document) write(objs []any, n numbers, size int) ([]byte, error) {
	var w pdf.Writer
	w.Grow(max(size, len(d.f.Objects)*64))
	w.Header()
	for i, num := range d.kept {
		w.Pack(i+1, d.f.Objects[num])
	}
	for i, v := range objs {
		if i+len(d.kept)+1 == n.info.Num {
			w.Object(n.info.Num, v) // the information dictionary stays readable as text
			continue
		}
		w.Pack(len(d.kept)+1+i, v)
	}
	if w.Size() != n.catalog.Num+1 {
		return nil, errors.New("internal error: objects misnumbered")
	}
	w.FlushPacked()
	sum := sha256.Sum256(w.Bytes())
	id := pdf.String(sum[:16])
	w.PackedXRef(pdf.NewDict(
		pdf.Name("Size"), pdf.Integer(w.Size()),
		pdf.Name("Root"), n.catalog,
		pdf.Name("Info"), n.info,
		pdf.Name("ID"), pdf.Array{id, id},
	))
	return w.Bytes(), nil
}
