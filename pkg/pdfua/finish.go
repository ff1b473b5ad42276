package pdfua

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strconv"
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
	f, err := parseFile(src)
	if err != nil {
		return nil, fmt.Errorf("pdfua: read PDF: %w", err)
	}
	out, err := finish(f, t, meta)
	if err != nil {
		return nil, fmt.Errorf("pdfua: %w", err)
	}
	return out, nil
}

// pageAnnot is a link annotation found on a page.
type pageAnnot struct {
	link int
	rect array
}

func finish(f *file, t *Tagger, meta Metadata) ([]byte, error) {
	catalog := f.dictOf(f.trailer.get("Root"))
	if catalog == nil {
		return nil, errors.New("no catalog")
	}
	pagesRef, ok := catalog.get("Pages").(ref)
	if !ok {
		return nil, errors.New("no page tree")
	}
	pages, err := f.pageList(pagesRef)
	if err != nil {
		return nil, err
	}
	if len(pages) != len(t.pages) {
		return nil, fmt.Errorf("the PDF has %d pages but %d were tagged", len(pages), len(t.pages))
	}

	annots := make([][]pageAnnot, len(pages))
	seen := make([]bool, len(t.links))
	for i, num := range pages {
		page := f.objects[num].(*dict)
		if err := checkPage(f, page, t, i); err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		list, err := pageLinks(f, page, t, i, seen)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		annots[i] = list
		page.del("Annots")
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("link to %q was tagged but no annotation was drawn for it", t.links[i].uri)
		}
	}

	roots := []any{pagesRef}
	outlines, hasOutlines := catalog.get("Outlines").(ref)
	if hasOutlines {
		roots = append(roots, outlines)
	}
	kept, err := f.reachable(roots)
	if err != nil {
		return nil, err
	}
	if err := fixFonts(f, kept); err != nil {
		return nil, err
	}
	renum := make(map[int]int, len(kept))
	for i, num := range kept {
		renum[num] = i + 1
	}
	for _, num := range kept {
		f.objects[num] = remap(f.objects[num], renum)
	}
	pageRef := make([]ref, len(pages))
	for i, num := range pages {
		pageRef[i] = ref{renum[num], 0}
	}

	// Numbers of the new objects, after the copied ones.
	next := len(kept) + 1
	alloc := func() ref { next++; return ref{next - 1, 0} }
	annotRef := make([]ref, len(t.links))
	for i := range t.links {
		annotRef[i] = alloc()
	}
	elemRef := make([]ref, len(t.elems))
	for i := range t.elems {
		elemRef[i] = alloc()
	}
	treeRef, parentTreeRef := alloc(), alloc()
	xmpRef, iccRef, infoRef, catalogRef := alloc(), alloc(), alloc(), alloc()

	var newObjs []any
	// Link annotations: separate objects, printable, with a description
	// and a way back to their Link element (PDF/A-2 6.3.2, PDF/UA-1 7.18).
	for i := range pages {
		page := f.objects[pages[i]].(*dict)
		var list array
		for _, a := range annots[i] {
			list = append(list, annotRef[a.link])
		}
		if len(list) > 0 {
			page.set("Annots", list)
		}
		page.set("Tabs", name("S"))
		if len(t.pages[i]) > 0 {
			page.set("StructParents", integer(i))
		}
	}
	annotDicts := make([]*dict, len(t.links))
	for i := range pages {
		for _, a := range annots[i] {
			l := t.links[a.link]
			annotDicts[a.link] = newDict(
				name("Type"), name("Annot"),
				name("Subtype"), name("Link"),
				name("Rect"), a.rect,
				name("Border"), array{integer(0), integer(0), integer(0)},
				name("F"), integer(4),
				name("P"), pageRef[i],
				name("StructParent"), integer(len(pages)+a.link),
				name("Contents"), textString(t.elems[l.elem].contents),
				name("A"), newDict(name("Type"), name("Action"), name("S"), name("URI"), name("URI"), pdfString(asciiURI(l.uri))),
			)
		}
	}
	for _, d := range annotDicts {
		newObjs = append(newObjs, d)
	}

	// Structure elements, in the order they were added.
	for i, e := range t.elems {
		d := newDict(name("Type"), name("StructElem"), name("S"), name(e.role))
		if i == 0 {
			d.set("P", treeRef)
		} else {
			d.set("P", elemRef[e.parent])
		}
		pg := 0
		for _, k := range e.kids {
			if k.kind != kidElem {
				pg = k.page
				break
			}
		}
		if pg > 0 {
			d.set("Pg", pageRef[pg-1])
		}
		var kids array
		for _, k := range e.kids {
			switch k.kind {
			case kidElem:
				kids = append(kids, elemRef[k.elem])
			case kidMCID:
				if k.page == pg {
					kids = append(kids, integer(k.mcid))
				} else {
					kids = append(kids, newDict(name("Type"), name("MCR"), name("Pg"), pageRef[k.page-1], name("MCID"), integer(k.mcid)))
				}
			case kidAnnot:
				kids = append(kids, newDict(name("Type"), name("OBJR"), name("Pg"), pageRef[k.page-1], name("Obj"), annotRef[k.link]))
			}
		}
		d.set("K", kids)
		if e.alt != "" {
			d.set("Alt", textString(e.alt))
		}
		if e.lang != "" {
			d.set("Lang", textString(e.lang))
		}
		if e.numbering != "" {
			d.set("A", newDict(name("O"), name("List"), name("ListNumbering"), name(e.numbering)))
		}
		newObjs = append(newObjs, d)
	}

	var nums array
	for i, mcids := range t.pages {
		if len(mcids) == 0 {
			continue
		}
		refs := make(array, len(mcids))
		for j, e := range mcids {
			refs[j] = elemRef[e]
		}
		nums = append(nums, integer(i), refs)
	}
	for i, l := range t.links {
		nums = append(nums, integer(len(pages)+i), elemRef[l.elem])
	}
	newObjs = append(newObjs,
		newDict(name("Type"), name("StructTreeRoot"), name("K"), elemRef[0],
			name("ParentTree"), parentTreeRef, name("ParentTreeNextKey"), integer(len(pages)+len(t.links))),
		newDict(name("Nums"), nums),
		&stream{dict: newDict(name("Type"), name("Metadata"), name("Subtype"), name("XML")), data: meta.xmp()},
		&stream{dict: newDict(name("N"), integer(3)), data: []byte(sRGB)},
		meta.info(),
	)
	cat := newDict(
		name("Type"), name("Catalog"),
		name("Version"), name("1.7"),
		name("Pages"), remap(pagesRef, renum),
		name("Lang"), textString(meta.Lang),
		name("MarkInfo"), newDict(name("Marked"), true),
		name("ViewerPreferences"), newDict(name("DisplayDocTitle"), true),
		name("StructTreeRoot"), treeRef,
		name("Metadata"), xmpRef,
		name("OutputIntents"), array{newDict(
			name("Type"), name("OutputIntent"),
			name("S"), name("GTS_PDFA1"),
			name("OutputConditionIdentifier"), pdfString("sRGB IEC61966-2.1"),
			name("RegistryName"), pdfString("http://www.color.org"),
			name("Info"), pdfString("sRGB IEC61966-2.1"),
			name("DestOutputProfile"), iccRef,
		)},
	)
	if hasOutlines {
		cat.set("Outlines", remap(outlines, renum))
		if mode, ok := catalog.get("PageMode").(name); ok {
			cat.set("PageMode", mode)
		}
	}
	newObjs = append(newObjs, cat)

	var w writer
	w.buf.Grow(len(f.objects) * 64)
	w.header()
	for i, num := range kept {
		w.object(i+1, f.objects[num])
	}
	for i, v := range newObjs {
		w.object(len(kept)+1+i, v)
	}
	if len(w.offsets) != catalogRef.num+1 {
		return nil, errors.New("internal error: objects misnumbered")
	}
	sum := sha256.Sum256(w.buf.Bytes())
	id := pdfString(sum[:16])
	w.xref(newDict(
		name("Size"), integer(len(w.offsets)),
		name("Root"), catalogRef,
		name("Info"), infoRef,
		name("ID"), array{id, id},
	))
	return w.buf.Bytes(), nil
}

// pageList returns the object numbers of the pages in order.
func (f *file) pageList(root ref) ([]int, error) {
	var pages []int
	visited := map[int]bool{}
	var walk func(r ref, depth int) error
	walk = func(r ref, depth int) error {
		if visited[r.num] || depth > maxDepth {
			return errors.New("page tree has a cycle")
		}
		visited[r.num] = true
		d, ok := f.objects[r.num].(*dict)
		if !ok {
			return fmt.Errorf("page tree node %d is not a dictionary", r.num)
		}
		switch d.get("Type") {
		case name("Page"):
			pages = append(pages, r.num)
		case name("Pages"):
			kids, _ := f.resolve(d.get("Kids")).(array)
			for _, k := range kids {
				kr, ok := k.(ref)
				if !ok {
					return errors.New("page tree kid is not a reference")
				}
				if err := walk(kr, depth+1); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("page tree node %d has no /Type", r.num)
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// checkPage scans page i's content and compares its marked content with
// what the tagger handed out for that page.
func checkPage(f *file, page *dict, t *Tagger, i int) error {
	var data []byte
	switch c := f.resolve(page.get("Contents")).(type) {
	case *stream:
		d, err := decode(c)
		if err != nil {
			return err
		}
		data = d
	case array:
		for _, part := range c {
			s, ok := f.resolve(part).(*stream)
			if !ok {
				return errors.New("content is not a stream")
			}
			d, err := decode(s)
			if err != nil {
				return err
			}
			data = append(append(data, d...), '\n')
		}
	case nil:
	default:
		return errors.New("content is not a stream")
	}
	found, err := scanContent(data)
	if err != nil {
		return err
	}
	want := t.pages[i]
	if len(found) != len(want) {
		return fmt.Errorf("%d pieces of tagged content drawn, %d tagged", len(found), len(want))
	}
	for j, mc := range found {
		if mc.mcid != j || mc.tag != name(t.elems[want[j]].role) {
			return fmt.Errorf("tagged content %d is /%s MCID %d, expected /%s MCID %d",
				j, mc.tag, mc.mcid, t.elems[want[j]].role, j)
		}
	}
	return nil
}

// pageLinks finds page i's link annotations and ties each to the link
// LinkURI recorded for it.
func pageLinks(f *file, page *dict, t *Tagger, i int, seen []bool) ([]pageAnnot, error) {
	list, _ := f.resolve(page.get("Annots")).(array)
	var out []pageAnnot
	for _, a := range list {
		ad := f.dictOf(a)
		if ad == nil {
			return nil, errors.New("annotation is not a dictionary")
		}
		if ad.get("Subtype") != name("Link") {
			return nil, fmt.Errorf("a %v annotation cannot be tagged", ad.get("Subtype"))
		}
		action := f.dictOf(ad.get("A"))
		var uri pdfString
		if action != nil {
			uri, _ = f.resolve(action.get("URI")).(pdfString)
		}
		idx := t.linkIndex(decodeText(uri))
		if idx < 0 {
			return nil, fmt.Errorf("a link annotation (to %q) was not drawn through the tagger", decodeText(uri))
		}
		if seen[idx] {
			return nil, fmt.Errorf("link to %q drawn twice for one LinkURI call", t.links[idx].uri)
		}
		seen[idx] = true
		if t.links[idx].page != i+1 {
			return nil, fmt.Errorf("link to %q tagged on page %d but drawn on page %d", t.links[idx].uri, t.links[idx].page, i+1)
		}
		rect, err := normalRect(f.resolve(ad.get("Rect")))
		if err != nil {
			return nil, err
		}
		out = append(out, pageAnnot{link: idx, rect: rect})
	}
	return out, nil
}

// normalRect returns a rectangle as [llx lly urx ury]; fpdf writes links'
// corners top first.
func normalRect(v any) (array, error) {
	if raw, ok := v.(numberArray); ok {
		v = raw.values()
	}
	a, ok := v.(array)
	if !ok || len(a) != 4 {
		return nil, errors.New("link annotation without a rectangle")
	}
	var n [4]float64
	for i, x := range a {
		f, ok := toFloat(x)
		if !ok {
			return nil, errors.New("link annotation rectangle is not numeric")
		}
		n[i] = f
	}
	out := array{a[0], a[1], a[2], a[3]}
	if n[0] > n[2] {
		out[0], out[2] = a[2], a[0]
	}
	if n[1] > n[3] {
		out[1], out[3] = a[3], a[1]
	}
	return out, nil
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case integer:
		return float64(x), true
	case real:
		f, err := strconv.ParseFloat(string(x), 64)
		return f, err == nil
	}
	return 0, false
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

// reachable returns, in ascending order, the numbers of the objects that
// roots lead to.
func (f *file) reachable(roots []any) ([]int, error) {
	seen := map[int]bool{}
	var missing error
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case ref:
			if seen[x.num] {
				return
			}
			obj, ok := f.objects[x.num]
			if !ok {
				if missing == nil {
					missing = fmt.Errorf("reference to missing object %d", x.num)
				}
				return
			}
			seen[x.num] = true
			walk(obj)
		case array:
			for _, e := range x {
				walk(e)
			}
		case *dict:
			for _, e := range x.vals {
				walk(e)
			}
		case *stream:
			walk(x.dict)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	if missing != nil {
		return nil, missing
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}

// remap renumbers the references in v, in place where it can.
func remap(v any, renum map[int]int) any {
	switch x := v.(type) {
	case ref:
		return ref{renum[x.num], 0}
	case array:
		for i, e := range x {
			x[i] = remap(e, renum)
		}
		return x
	case *dict:
		for i, e := range x.vals {
			x.vals[i] = remap(e, renum)
		}
		return x
	case *stream:
		remap(x.dict, renum)
		return x
	}
	return v
}
