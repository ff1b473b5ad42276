package pdfua

import (
	"github.com/pressroom/pressroom/internal/pdf"
)

// appendCatalog appends to objs the last objects of the file: the XMP
// metadata stream, the sRGB profile (sRGBProfile), the document information dictionary
// and the new catalog.
func (d *document) appendCatalog(objs []any, meta Metadata, n numbers) []any {
	return append(objs,
		&pdf.Stream{Dict: pdf.NewDict(pdf.Name("Type"), pdf.Name("Metadata"), pdf.Name("Subtype"), pdf.Name("XML")), Data: meta.xmp()},
		&pdf.Stream{Dict: pdf.NewDict(pdf.Name("N"), pdf.Integer(3), pdf.Name("Filter"), pdf.Name("FlateDecode")), Data: sRGBDeflated()},
		meta.info(),
		d.newCatalog(meta, n),
	)
}

// newCatalog returns the catalog: fpdf's page tree and outlines, and what
// PDF/UA-1 and PDF/A-2b ask of a catalog (structure tree, /MarkInfo,
// /Lang, /ViewerPreferences /DisplayDocTitle, XMP metadata, the sRGB
// output intent), at /Version 1.7 for /Tabs /S.
func (d *document) newCatalog(meta Metadata, n numbers) *pdf.Dict {
	cat := pdf.NewDict(
		pdf.Name("Type"), pdf.Name("Catalog"),
		pdf.Name("Version"), pdf.Name("1.7"),
		pdf.Name("Pages"), pdf.Remap(d.pagesRef, d.renum),
		pdf.Name("Lang"), pdf.TextString(meta.Lang),
		pdf.Name("MarkInfo"), pdf.NewDict(pdf.Name("Marked"), true),
		pdf.Name("ViewerPreferences"), pdf.NewDict(pdf.Name("DisplayDocTitle"), true),
		pdf.Name("StructTreeRoot"), n.tree,
		pdf.Name("Metadata"), n.xmp,
		pdf.Name("OutputIntents"), pdf.Array{outputIntent(n.icc)},
	)
	if d.hasOutlines {
		cat.Set("Outlines", pdf.Remap(d.outlines, d.renum))
		if mode, ok := d.catalog.Get("PageMode").(pdf.Name); ok {
			cat.Set("PageMode", mode)
		}
	}
	return cat
}

// outputIntent is the PDF/A output intent: sRGB, with the profile icc.
func outputIntent(icc pdf.Ref) *pdf.Dict {
	return pdf.NewDict(
		pdf.Name("Type"), pdf.Name("OutputIntent"),
		pdf.Name("S"), pdf.Name("GTS_PDFA1"),
		pdf.Name("OutputConditionIdentifier"), pdf.String("sRGB IEC61966-2.1"),
		pdf.Name("RegistryName"), pdf.String("http://www.color.org"),
		pdf.Name("Info"), pdf.String("sRGB IEC61966-2.1"),
		pdf.Name("DestOutputProfile"), icc,
	)
}
