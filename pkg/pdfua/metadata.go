package pdfua

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/pdf"
)

// Metadata is what the document says about itself. Finish writes it both
// into the document information dictionary and into the XMP metadata,
// from the same values, because PDF/A requires the two to agree.
type Metadata struct {
	// Title is the document's title, shown by readers instead of the
	// file name (PDF/UA requires it). Required.
	Title string
	// Author is who issues the document (dc:creator, /Author).
	Author string
	// Subject is a one-line description (dc:description, /Subject).
	Subject string
	// Keywords are written joined by commas (pdf:Keywords, /Keywords).
	Keywords []string
	// Creator is the program that made the content, e.g. "pressroom
	// 1.0.0" (xmp:CreatorTool, /Creator).
	Creator string
	// Producer is the program that wrote the PDF (pdf:Producer, /Producer).
	Producer string
	// Lang is the document's natural language, a BCP 47 tag such as
	// "en-GB" (the catalog's /Lang, dc:language). Required.
	Lang string
	// Created is the creation date, written in UTC. Required: Finish never
	// reads a clock.
	Created time.Time
	// Modified is the modification date; zero means Created.
	Modified time.Time
	// Versions are the title and subject of each language of a document
	// in several (a bilingual release), in the document's order. XMP
	// lists each as a language alternative beside the x-default one
	// (Title, Subject), so a catalogue or screen reader can show the
	// title in the reader's language. Empty for a document in one.
	Versions []Version
}

// Version is the title and subject of one language of a document.
type Version struct {
	Lang           string // BCP 47, e.g. "cy"
	Title, Subject string
}

func (m Metadata) check() error {
	if strings.TrimSpace(m.Title) == "" {
		return errors.New("pdfua: metadata: a title is required")
	}
	if strings.TrimSpace(m.Lang) == "" {
		return errors.New("pdfua: metadata: a language is required")
	}
	if m.Created.IsZero() {
		return errors.New("pdfua: metadata: a creation date is required")
	}
	fields := map[string]string{
		"title": m.Title, "author": m.Author, "subject": m.Subject, "creator": m.Creator,
		"producer": m.Producer, "language": m.Lang, "keywords": strings.Join(m.Keywords, ", "),
	}
	for _, key := range []string{"title", "author", "subject", "creator", "producer", "language", "keywords"} {
		if err := checkText(key, fields[key]); err != nil {
			return err
		}
	}
	if err := checkLang(m.Lang); err != nil {
		return err
	}
	for _, v := range m.Versions {
		if err := checkLang(v.Lang); err != nil {
			return err
		}
		if err := checkText(v.Lang+" title", v.Title); err != nil {
			return err
		}
		if err := checkText(v.Lang+" subject", v.Subject); err != nil {
			return err
		}
	}
	return nil
}

// checkText refuses what XMP cannot carry: XML 1.0 has no control
// characters, and the information dictionary must say what the XMP says.
func checkText(key, v string) error {
	if !utf8.ValidString(v) {
		return fmt.Errorf("pdfua: metadata: %s is not valid UTF-8", key)
	}
	for _, r := range v {
		if unicode.IsControl(r) || r == utf8.RuneError || r == 0xfffe || r == 0xffff {
			return fmt.Errorf("pdfua: metadata: %s contains the control character U+%04X", key, r)
		}
	}
	return nil
}

func checkLang(tag string) error {
	for _, r := range tag {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return fmt.Errorf("pdfua: metadata: %q is not a language tag", tag)
		}
	}
	return nil
}

func (m Metadata) modified() time.Time {
	if m.Modified.IsZero() {
		return m.Created
	}
	return m.Modified
}

// pdfDate formats t as a PDF date in UTC.
func pdfDate(t time.Time) string { return "D:" + t.UTC().Format("20060102150405") + "Z" }

// xmpDate formats t as an XMP date in UTC.
func xmpDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// info returns the document information dictionary.
func (m Metadata) info() *pdf.Dict {
	d := &pdf.Dict{}
	d.Set("Title", pdf.TextString(m.Title))
	if m.Author != "" {
		d.Set("Author", pdf.TextString(m.Author))
	}
	if m.Subject != "" {
		d.Set("Subject", pdf.TextString(m.Subject))
	}
	if len(m.Keywords) > 0 {
		d.Set("Keywords", pdf.TextString(strings.Join(m.Keywords, ", ")))
	}
	if m.Creator != "" {
		d.Set("Creator", pdf.TextString(m.Creator))
	}
	if m.Producer != "" {
		d.Set("Producer", pdf.TextString(m.Producer))
	}
	d.Set("CreationDate", pdf.String(pdfDate(m.Created)))
	d.Set("ModDate", pdf.String(pdfDate(m.modified())))
	return d
}

func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmp returns the XMP metadata packet: Dublin Core, XMP basic and PDF
// properties equal to the information dictionary, the PDF/A-2B and
// PDF/UA-1 identifiers, and the extension schema that PDF/A-2 requires
// for the PDF/UA identifier (ISO 19005-2, 6.6.2.3.3), all in one
// rdf:Description (one for each schema would repeat its opening, about 260
// bytes, for nothing).
func (m Metadata) xmp() []byte {
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
`)
	b.WriteString("<dc:title>")
	m.alternatives(&b, m.Title, func(v Version) string { return v.Title })
	b.WriteString("</dc:title>\n")
	if m.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlText(m.Author))
	}
	if m.Subject != "" {
		b.WriteString("<dc:description>")
		m.alternatives(&b, m.Subject, func(v Version) string { return v.Subject })
		b.WriteString("</dc:description>\n")
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlText(m.Lang))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n", xmpDate(m.Created))
	fmt.Fprintf(&b, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", xmpDate(m.modified()))
	fmt.Fprintf(&b, "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", xmpDate(m.modified()))
	if m.Creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlText(m.Creator))
	}
	if m.Producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", xmlText(m.Producer))
	}
	if len(m.Keywords) > 0 {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmlText(strings.Join(m.Keywords, ", ")))
	}
	b.WriteString(`<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li>
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`)
	return []byte(b.String())
}

// alternatives writes an XMP language alternative: x-default first, which
// PDF/A requires to equal the information dictionary's entry (ISO 19005-2,
// 6.6.2.3.1), then each version's own text under its language, where it
// has one.
func (m Metadata) alternatives(b *strings.Builder, def string, text func(Version) string) {
	fmt.Fprintf(b, "<rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>", xmlText(def))
	for _, v := range m.Versions {
		if t := text(v); t != "" && v.Lang != "" {
			fmt.Fprintf(b, "<rdf:li xml:lang=\"%s\">%s</rdf:li>", xmlText(v.Lang), xmlText(t))
		}
	}
	b.WriteString("</rdf:Alt>")
}
