package pdfua

import "github.com/pressroom/pressroom/internal/pdf"

// appendStructureTree appends to objs the structure elements in the
// order they were added, then the StructTreeRoot and its parent tree (ISO 32000-1,
// 14.7.2 and 14.7.4.4). pageRef holds the pages' new references.
func appendStructureTree(objs []any, t *Tagger, n numbers, pageRef []pdf.Ref) []any {
	bx := newBoxes(t, n, pageRef)
	for i := range t.elems {
		objs = append(objs, structElem(t, Elem(i), n, bx))
	}
	pages := len(pageRef)
	return append(objs,
		pdf.NewDict(pdf.Name("Type"), pdf.Name("StructTreeRoot"), pdf.Name("K"), n.elem[0],
			pdf.Name("ParentTree"), n.parentTree, pdf.Name("ParentTreeNextKey"), pdf.Integer(pages+len(t.links))),
		parentTree(t, bx, pages),
	)
}

// boxes are the values the elements' dictionaries and the parent tree
// share (each element's reference, each page's, each role), each made
// an interface value once rather than at every use: a document has a
// few hundred uses, each an allocation.
type boxes struct {
	elem, page []any
	roles      map[Role]any
}

func newBoxes(t *Tagger, n numbers, pageRef []pdf.Ref) *boxes {
	bx := &boxes{elem: make([]any, len(n.elem)), page: make([]any, len(pageRef)), roles: map[Role]any{}}
	for i, r := range n.elem {
		bx.elem[i] = r
	}
	for i, r := range pageRef {
		bx.page[i] = r
	}
	for _, e := range t.elems {
		if _, ok := bx.roles[e.role]; !ok {
			bx.roles[e.role] = pdf.Name(e.role)
		}
	}
	return bx
}

// structElem returns element i's dictionary. Its /Pg is the page of its
// first marked content or annotation; marked content on that page is
// written as a bare MCID, elsewhere as an MCR with its own /Pg.
func structElem(t *Tagger, i Elem, n numbers, bx *boxes) *pdf.Dict {
	e := t.elems[i]
	d := pdf.NewDict(pdf.Name("Type"), pdf.Name("StructElem"), pdf.Name("S"), bx.roles[e.role])
	if i == Root {
		d.Set("P", n.tree)
	} else {
		d.Set("P", bx.elem[e.parent])
	}
	pg := 0
	for _, k := range e.kids {
		if k.kind != kidElem {
			pg = k.page
			break
		}
	}
	if pg > 0 {
		d.Set("Pg", bx.page[pg-1])
	}
	kids := make(pdf.Array, 0, len(e.kids))
	for _, k := range e.kids {
		switch k.kind {
		case kidElem:
			kids = append(kids, bx.elem[k.elem])
		case kidMCID:
			if k.page == pg {
				kids = append(kids, pdf.Integer(k.mcid))
			} else {
				kids = append(kids, pdf.NewDict(pdf.Name("Type"), pdf.Name("MCR"), pdf.Name("Pg"), bx.page[k.page-1],
					pdf.Name("MCID"), pdf.Integer(k.mcid)))
			}
		case kidAnnot:
			kids = append(kids, pdf.NewDict(pdf.Name("Type"), pdf.Name("OBJR"), pdf.Name("Pg"), bx.page[k.page-1],
				pdf.Name("Obj"), n.annot[k.link]))
		}
	}
	d.Set("K", kids)
	if e.alt != "" {
		d.Set("Alt", pdf.TextString(e.alt))
	}
	if e.lang != "" {
		d.Set("Lang", pdf.TextString(e.lang))
	}
	if e.actual != "" {
		d.Set("ActualText", pdf.TextString(e.actual))
	}
	if e.numbering != "" {
		d.Set("A", pdf.NewDict(pdf.Name("O"), pdf.Name("List"), pdf.Name("ListNumbering"), pdf.Name(e.numbering)))
	}
	return d
}

// parentTree returns the parent tree as one /Nums array: for each page
// with tagged content (key: the page's index), the element of each MCID;
// for each link annotation (key: pages + its index), its Link element.
func parentTree(t *Tagger, bx *boxes, pages int) *pdf.Dict {
	var nums pdf.Array
	for i, mcids := range t.pages {
		if len(mcids) == 0 {
			continue
		}
		refs := make(pdf.Array, len(mcids))
		for j, e := range mcids {
			refs[j] = bx.elem[e]
		}
		nums = append(nums, pdf.Integer(i), refs)
	}
	for i, l := range t.links {
		nums = append(nums, pdf.Integer(pages+i), bx.elem[l.elem])
	}
	return pdf.NewDict(pdf.Name("Nums"), nums)
}
