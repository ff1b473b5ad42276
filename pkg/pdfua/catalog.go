package pdfua

import (
	"github.com/pressroom/pressroom/internal/pdf"
)

// appendCatalog appends to objs the last objects of the file: the XMP
// metadata stream, the sRGB profile (sRGBProfile), the document information dictionary
// and the new catalog.
//
// The XMP is compressed (2.2 KB become about 0.9 KB): PDF/A-1 forbade a
// /Filter on the catalog's metadata stream (ISO 19005-1, 6.7.2; veraPDF's
// PDF/A-1 rule 6.7.2-2), but PDF/A-2 dropped that requirement: its
// clause 6.6.2.1 (veraPDF's PDF/A-2 rules 6.6.2.1-1 to -5) asks only for
// /Type /Metadata and /Subtype /XML, no bytes or encoding attribute in
// the packet header, well-formed XMP and UTF-8, and PDF/UA-1 adds nothing
// about filters. Readers inflate it like any other stream; only tools
// that scan a file's raw bytes for an XMP packet no longer find it.
func (d *document) appendCatalog(objs []any, meta Metadata, n numbers) []any {
	return append(objs,
		&pdf.Stream{
			Dict: pdf.NewDict(pdf.Name("Type"), pdf.Name("Metadata"), pdf.Name("Subtype"), pdf.Name("XML"), pdf.Name("Filter"), pdf.Name("FlateDecode")),
			Data: pdf.Deflate(meta.xmp()),
		},
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
