package docx

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// zipOf makes a zip of the named parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

// styles is a styles.xml with localised IDs (as a Welsh Word writes them)
// and English names, plus one style with a Welsh name.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="cy-GB" w:eastAsia="en-US"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Arferol"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Teitl"><w:name w:val="Title"/><w:basedOn w:val="Arferol"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Isdeitl"><w:name w:val="Subtitle"/><w:basedOn w:val="Arferol"/></w:style>
<w:style w:type="paragraph" w:styleId="Pennawd1"><w:name w:val="heading 1"/><w:basedOn w:val="Arferol"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Arddull2"><w:name w:val="Pennawd 2"/><w:basedOn w:val="Arferol"/></w:style>
<w:style w:type="paragraph" w:styleId="Arddull3"><w:name w:val="Is-deitl"/></w:style>
<w:style w:type="paragraph" w:styleId="ReleaseHeadline"><w:name w:val="Release Headline"/><w:basedOn w:val="Teitl"/></w:style>
<w:style w:type="paragraph" w:styleId="RhestrBwled"><w:name w:val="List Bullet"/><w:basedOn w:val="Arferol"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="RhestrRhif2"><w:name w:val="List Number 2"/><w:basedOn w:val="Arferol"/></w:style>
<w:style w:type="paragraph" w:styleId="ParagraffRhestr"><w:name w:val="List Paragraph"/><w:basedOn w:val="Arferol"/></w:style>
<w:style w:type="paragraph" w:styleId="Pwyslais"><w:name w:val="Lead paragraph"/><w:basedOn w:val="Arferol"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop one"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop two"/><w:basedOn w:val="Loop1"/></w:style>
<w:style w:type="paragraph" w:styleId="Dyfyniad"><w:name w:val="Quote"/><w:basedOn w:val="Arferol"/></w:style>
<w:style w:type="character" w:styleId="Cryf"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Italig"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
</w:styles>`

const numberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

const relsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/report?a=1&amp;b=2" TargetMode="External"/>
<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:press@example.org" TargetMode="External"/>
</Relationships>`

const coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Press release  draft 3</dc:title><dcterms:created>2019-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`

// docxOf makes a .docx whose body is body.
func docxOf(t testing.TB, body string) []byte {
	return zipOf(t, map[string]string{
		"[Content_Types].xml":          `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":              styles,
		"word/numbering.xml":           numberingXML,
		"word/_rels/document.xml.rels": relsXML,
		"docProps/core.xml":            coreXML,
	})
}

func p(style, runs string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + runs + `</w:p>`
}

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func rp(props, text string) string {
	return `<w:r><w:rPr>` + props + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func num(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
}

// blk is a block as the tests write it: kind, level, ordered, the text
// and the paragraph number.
type blk struct {
	kind    source.Kind
	level   int
	ordered bool
	text    string
	para    int
}

func got(d *source.Doc) []blk {
	var out []blk
	for _, b := range d.Blocks {
		out = append(out, blk{b.Kind, b.Level, b.Ordered, b.Text(), b.FirstLine()})
	}
	return out
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
		want []blk
	}{
		{"styles by name, not by localised ID", p("Teitl", r("Headline")) + p("Isdeitl", r("Standfirst")) + p("Pennawd1", r("Section")) + p("Arddull2", r("Welsh name")) + p("Arddull3", r("Is-deitl by name")) + p("", r("Body")),
			[]blk{{source.Title, 0, false, "Headline", 1}, {source.Subtitle, 0, false, "Standfirst", 2}, {source.Heading, 1, false, "Section", 3}, {source.Heading, 2, false, "Welsh name", 4}, {source.Subtitle, 0, false, "Is-deitl by name", 5}, {source.Paragraph, 0, false, "Body", 6}}},
		{"basedOn chain", p("ReleaseHeadline", r("Custom headline")), []blk{{source.Title, 0, false, "Custom headline", 1}}},
		{"a basedOn loop ends", p("Loop1", r("Looped")), []blk{{source.Paragraph, 0, false, "Looped", 1}}},
		{"unknown style is a paragraph", p("Nowhere", r("Text")), []blk{{source.Paragraph, 0, false, "Text", 1}}},
		{"outline level makes a heading", `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>` + r("Outline") + `</w:p>` + `<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr>` + r("Body text level") + `</w:p>`,
			[]blk{{source.Heading, 3, false, "Outline", 1}, {source.Paragraph, 0, false, "Body text level", 2}}},
		{"numbering", num("1", "0", "bullet") + num("1", "1", "sub bullet") + num("2", "0", "number") + num("2", "1", "letter") + num("3", "0", "no number shown") + num("4", "0", "override") + num("9", "0", "missing list") + num("0", "0", "numId zero"),
			[]blk{{source.ListItem, 0, false, "bullet", 1}, {source.ListItem, 1, false, "sub bullet", 2}, {source.ListItem, 0, true, "number", 3}, {source.ListItem, 1, true, "letter", 4}, {source.Paragraph, 0, false, "no number shown", 5}, {source.ListItem, 0, true, "override", 6}, {source.Paragraph, 0, false, "missing list", 7}, {source.Paragraph, 0, false, "numId zero", 8}}},
		{"list styles", p("RhestrBwled", r("style numbering")) + p("RhestrRhif2", r("numbered by name")) + p("ParagraffRhestr", r("list paragraph")),
			[]blk{{source.ListItem, 0, false, "style numbering", 1}, {source.ListItem, 1, true, "numbered by name", 2}, {source.ListItem, 0, false, "list paragraph", 3}}},
		{"bold and italic", p("", r("a ")+rp(`<w:b/>`, "bold")+r(" and ")+rp(`<w:i/>`, "italic")+r(" and ")+rp(`<w:b/><w:i/>`, "both")+r(".")),
			[]blk{{source.Paragraph, 0, false, "a **bold** and *italic* and ***both***.", 1}}},
		{"bold switched off, character styles", p("", rp(`<w:b w:val="0"/>`, "plain ")+rp(`<w:rStyle w:val="Cryf"/>`, "strong")+r(" ")+rp(`<w:rStyle w:val="Italig"/>`, "emphasis")+r(" ")+rp(`<w:rStyle w:val="Cryf"/><w:b w:val="false"/>`, "off")),
			[]blk{{source.Paragraph, 0, false, "plain **strong** *emphasis* off", 1}}},
		{"paragraph style bold is kept in the body, not in a title", p("Pwyslais", r("Lead ")+rp(`<w:b w:val="0"/>`, "unbold")) + p("Teitl", rp(`<w:b/>`, "Bold title")),
			[]blk{{source.Paragraph, 0, false, "**Lead** unbold", 1}, {source.Title, 0, false, "Bold title", 2}}},
		{"runs of one style join", p("", rp(`<w:b/>`, "Notes ")+rp(`<w:b/>`, "to ")+`<w:r><w:rPr><w:b/></w:rPr></w:r>`+rp(`<w:b/>`, "editors")),
			[]blk{{source.Paragraph, 0, false, "**Notes to editors**", 1}}},
		{"breaks, tabs, hyphens", p("", `<w:r><w:t>Tel:</w:t><w:tab/><w:t>01632 960 000</w:t><w:br/><w:t>year</w:t><w:noBreakHyphen/><w:t>long fund</w:t><w:softHyphen/><w:t>raising</w:t><w:br w:type="page"/><w:t>same line</w:t><w:cr/><w:t>co&#173;operate</w:t></w:r>`),
			[]blk{{source.Paragraph, 0, false, "Tel: 01632 960 000\nyear-long fundraising same line\ncooperate", 1}}},
		{"tab stops in paragraph properties are not text", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` + r("x") + `</w:p>`,
			[]blk{{source.Paragraph, 0, false, "x", 1}}},
		{"hyperlinks", p("", r("See ")+`<w:hyperlink r:id="rId5"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the report</w:t></w:r></w:hyperlink>`+r(", ")+`<w:hyperlink w:anchor="_Toc1"><w:r><w:t>section 2</w:t></w:r></w:hyperlink>`+r(" or ")+`<w:hyperlink r:id="rId6"><w:r><w:rPr><w:b/></w:rPr><w:t>e-mail us</w:t></w:r></w:hyperlink>`+r(".")),
			[]blk{{source.Paragraph, 0, false, "See [the report](https://example.org/report?a=1&b=2), section 2 or **[e-mail us](mailto:press@example.org)**.", 1}}},
		{"hyperlink fields", p("", `<w:fldSimple w:instr=" HYPERLINK &quot;https://example.org/a&quot; "><w:r><w:t>simple</w:t></w:r></w:fldSimple>`+r(" and ")+
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/b" \o "tip" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>complex</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`+r(" and ")+
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`),
			[]blk{{source.Paragraph, 0, false, "[simple](https://example.org/a) and [complex](https://example.org/b) and 3", 1}}},
		{"tracked changes and hidden text", p("", r("kept ")+`<w:ins><w:r><w:t>inserted </w:t></w:r></w:ins><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del><w:moveFrom><w:r><w:t>moved away </w:t></w:r></w:moveFrom>`+rp(`<w:vanish/>`, "hidden ")+`<w:r><w:rPr><w:b/><w:rPrChange><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>end</w:t></w:r>`),
			[]blk{{source.Paragraph, 0, false, "kept inserted **end**", 1}}},
		{"empty paragraphs count", p("", "") + p("", r("  ")) + p("", r("third")),
			[]blk{{source.Paragraph, 0, false, "third", 3}}},
		{"a layout table is read cell by cell", `<w:tbl><w:tr><w:tc>` + p("", r("A1")) + p("", r("A1 second")) + `</w:tc><w:tc>` + p("", r("B1")) + `</w:tc></w:tr><w:tr><w:tc>` + p("", r("A2")) + `</w:tc></w:tr></w:tbl>` + p("", r("after")),
			[]blk{{source.Paragraph, 0, false, "A1", 1}, {source.Paragraph, 0, false, "A1 second", 2}, {source.Paragraph, 0, false, "B1", 3}, {source.Paragraph, 0, false, "A2", 4}, {source.Paragraph, 0, false, "after", 5}}},
		{"text box read once", p("", r("Anchor ")+`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>`+p("", r("In the box"))+`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>`+p("", r("In the box"))+`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`+r("text")) + p("", r("next")),
			[]blk{{source.Paragraph, 0, false, "Anchor text", 1}, {source.Paragraph, 0, false, "In the box", 2}, {source.Paragraph, 0, false, "next", 3}}},
		{"text that looks like markup stays literal", p("", r("1. Not a list")) + p("", r("- dash * star [x](y) &lt;b>")),
			[]blk{{source.Paragraph, 0, false, `1\. Not a list`, 1}, {source.Paragraph, 0, false, `\- dash \* star \[x\](y) \<b>`, 2}}},
		{"content controls keep their content, not their placeholder", `<w:sdt><w:sdtPr><w:alias w:val="Date"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent>` + p("", r("17 December 2024")) + `</w:sdtContent></w:sdt>`,
			[]blk{{source.Paragraph, 0, false, "17 December 2024", 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(docxOf(t, tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != "docx" || d.Unit != source.Paragraphs {
				t.Errorf("format %q unit %q", d.Format, d.Unit)
			}
			g := got(d)
			if len(g) != len(tc.want) {
				t.Fatalf("got %d blocks, want %d:\n%+v", len(g), len(tc.want), g)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("block %d:\n got %+v\nwant %+v", i, g[i], tc.want[i])
				}
			}
		})
	}
}

func TestHeadersAndFooters(t *testing.T) {
	hdr := `<w:hdr ` + wNS + `>` + p("", r("Harbourne Borough Council, Town Hall, Harbourne HB1 1AA")) + p("", r("NEWS RELEASE")) + `</w:hdr>`
	src := zipOf(t, map[string]string{
		"word/document.xml": `<w:document ` + wNS + `><w:body>` + p("", r("Body")) + `</w:body></w:document>`,
		"word/header1.xml":  hdr,
		"word/header2.xml":  hdr,
		"word/footer1.xml":  `<w:ftr ` + wNS + `>` + p("", r("Page ")+`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`+r(" of 2 "+strings.Repeat("long ", 30))) + `</w:ftr>`,
	})
	d, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []source.Drop{
		{Text: "Page 1 of 2 long long long long long long long long long long long long long lo…", Why: "page footer"},
		{Text: "Harbourne Borough Council, Town Hall, Harbourne HB1 1AA", Why: "page header"},
		{Text: "NEWS RELEASE", Why: "page header"},
	}
	if len(d.Dropped) != len(want) {
		t.Fatalf("dropped %+v, want %+v", d.Dropped, want)
	}
	for i := range want {
		if d.Dropped[i] != want[i] {
			t.Errorf("drop %d: %+v, want %+v", i, d.Dropped[i], want[i])
		}
	}
	if len(d.Blocks) != 1 || d.Blocks[0].Text() != "Body" {
		t.Errorf("blocks %+v", got(d))
	}
}

func TestQuoteRole(t *testing.T) {
	d, err := Read(docxOf(t, p("Dyfyniad", r("Quoted"))+p("", r("Plain"))))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || d.Blocks[0].Kind != source.Paragraph || d.Blocks[0].Role != source.Quote || d.Blocks[1].Role != source.NoRole {
		t.Errorf("got %+v, want a quote paragraph, then a plain one", d.Blocks)
	}
}

func TestEvidence(t *testing.T) {
	d, err := Read(docxOf(t, p("", r("x"))))
	if err != nil {
		t.Fatal(err)
	}
	want := []source.Evidence{{Key: source.EvidenceLanguage, Value: "cy-GB"}, {Key: source.EvidenceTitle, Value: "Press release draft 3"}}
	if len(d.Evidence) != len(want) {
		t.Fatalf("evidence %+v, want %+v", d.Evidence, want)
	}
	for i := range want {
		if d.Evidence[i] != want[i] {
			t.Errorf("evidence %d: %+v, want %+v", i, d.Evidence[i], want[i])
		}
	}
}

// TestMinimal: a document with no styles, numbering, relationships or
// properties still reads.
func TestMinimal(t *testing.T) {
	src := zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + p("Heading1", r("Hi")) + num("1", "0", "x") + `</w:body></w:document>`})
	d, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	g := got(d)
	want := []blk{{source.Paragraph, 0, false, "Hi", 1}, {source.Paragraph, 0, false, "x", 2}}
	if len(g) != 2 || g[0] != want[0] || g[1] != want[1] {
		t.Errorf("got %+v, want %+v", g, want)
	}
	if len(d.Evidence) != 0 {
		t.Errorf("evidence %+v, want none", d.Evidence)
	}
}

// TestCorpus reads the Word files of the archive corpus (made by
// LibreOffice, in Word 2016's form, and with Welsh style IDs) and checks
// what a person checks: the title, the list items, the links, the
// positions.
func TestCorpus(t *testing.T) {
	for _, tc := range []struct {
		file  string
		title string
		check map[int]string // paragraph number → its text
		kinds map[int]source.Kind
		lang  string
	}{
		{"docx-council-news.docx", "Riverside Library reopens after £1.2m refurbishment",
			map[int]string{4: "Riverside Library in Harbourne will reopen to the public on **Saturday 8 March** after an eight-month refurbishment funded by the council and the *Libraries Improvement Fund*.",
				15: "Media enquiries:\nTom Abbott, Communications Officer\nHarbourne Borough Council\nTel: 01632 960415\nEmail: tom.abbott@harbourne.example.org"},
			map[int]source.Kind{8: source.ListItem, 12: source.Heading, 13: source.ListItem}, "en-GB"},
		{"docx-police-appeal.docx", "Appeal for witnesses after cyclist seriously injured in Castlebridge",
			map[int]string{3: "Officers want to speak to a driver who stopped at the scene on Mill Lane"},
			map[int]source.Kind{3: source.Subtitle}, "en-GB"},
		{"docx-nhs-embargo.docx", "New midwife-led birth centre to open at Kestrel Park Hospital",
			map[int]string{17: "Lucy Brennan\nCommunications Manager\nTel: 01632 960 233\nEmail: lucy.brennan@northvale.nhs.example.org", 18: "Amir Shah\nCommunications Officer\nMobile: 07700 900 461"},
			map[int]source.Kind{9: source.ListItem, 14: source.Heading}, "en-GB"},
		{"docx-charity-msword.docx", "Hospice opens Brambleford’s first garden for bereaved children",
			map[int]string{6: "The Memory Garden was paid for by a year-long fundraising appeal that raised **£86,000**, more than twice its target. It has a willow den, a stream children can dam and a wall where they can leave messages.",
				12: "Families who would like to visit the garden can contact the family support team through the hospice’s website, [www.hollowfield.example.org/family-support](https://www.hollowfield.example.org/family-support).",
				19: "For media enquiries contact:\nRachel Ng, Communications Lead\nTel: 01632 960 777\nMobile: 07700 900 318\nEmail: [media@hollowfield.example.org](mailto:media@hollowfield.example.org)"},
			map[int]source.Kind{9: source.ListItem, 14: source.Heading, 15: source.ListItem, 17: source.Heading}, "en-GB"},
		{"docx-welsh-cy.docx", "Parc Gwledig Cwm Llwyd yn ennill gwobr y Faner Werdd",
			map[int]string{7: "Mae rhagor o wybodaeth am y parc ar [wefan y Cyngor](https://www.dyffrynteifi.example.org/cwmllwyd)."},
			map[int]source.Kind{9: source.Heading, 10: source.ListItem}, "cy-GB"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "archive", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(src)
			if err != nil {
				t.Fatal(err)
			}
			byPara := map[int]source.Block{}
			titles := 0
			for _, b := range d.Blocks {
				byPara[b.FirstLine()] = b
				if b.Kind == source.Title {
					titles++
					if b.Text() != tc.title {
						t.Errorf("title %q, want %q", b.Text(), tc.title)
					}
				}
			}
			if titles != 1 {
				t.Errorf("%d titles, want 1", titles)
			}
			for n, want := range tc.check {
				if g := byPara[n].Text(); g != want {
					t.Errorf("paragraph %d:\n got %q\nwant %q", n, g, want)
				}
			}
			for n, want := range tc.kinds {
				if g := byPara[n].Kind; g != want {
					t.Errorf("paragraph %d is a %s, want a %s", n, g, want)
				}
			}
			if len(d.Evidence) == 0 || d.Evidence[0].Key != source.EvidenceLanguage || d.Evidence[0].Value != tc.lang {
				t.Errorf("evidence %+v, want language %s", d.Evidence, tc.lang)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	good := docxOf(t, p("", r("text")))
	many := map[string]string{"word/document.xml": "<w:document " + wNS + "/>"}
	for i := 0; i < maxEntries+1; i++ {
		many["f/"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+itoa(i)] = ""
	}
	deep := `<w:document ` + wNS + `><w:body>` + strings.Repeat("<w:sdt><w:sdtContent>", 400) + `</w:body></w:document>`
	for _, tc := range []struct {
		name string
		src  []byte
		want string
	}{
		{"empty", nil, "this is not a Word document: it is not a zip file"},
		{"text", []byte("PRESS RELEASE\n\nHello"), "this is not a Word document: it is not a zip file"},
		{"truncated", good[:len(good)/2], "this is not a Word document: it is not a zip file, or the zip is damaged or cut short"},
		{"no document.xml", zipOf(t, map[string]string{"content.xml": "<office:document/>", "mimetype": "application/vnd.oasis.opendocument.text"}), "this is not a Word document: the zip has no word/document.xml"},
		{"too many entries", zipOf(t, many), "refused as a possible zip bomb"},
		{"broken XML", zipOf(t, map[string]string{"word/document.xml": "<w:document " + wNS + "><w:body><w:p>"}), ""},
		{"mismatched XML", zipOf(t, map[string]string{"word/document.xml": "<w:document " + wNS + "><w:body></w:p></w:body></w:document>"}), "word/document.xml: broken XML"},
		{"deep XML", zipOf(t, map[string]string{"word/document.xml": deep}), "word/document.xml: its XML is nested more than 256 deep"},
		{"deep styles", zipOf(t, map[string]string{"word/document.xml": "<w:document " + wNS + "/>", "word/styles.xml": strings.Repeat("<a>", 1000)}), "word/styles.xml: its XML is nested more than 256 deep"},
		{"entity", zipOf(t, map[string]string{"word/document.xml": `<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ` + wNS + `><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`}), "word/document.xml: broken XML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.src)
			if tc.want == "" {
				// A document cut short keeps what it holds.
				if err == nil && d == nil {
					t.Fatal("no document and no error")
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; got %+v", got(d))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
			if err.Error() != strings.ToLower(err.Error()[:1])+err.Error()[1:] {
				t.Errorf("error %q does not start in lower case", err)
			}
		})
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// TestZipBomb: a document.xml that unpacks past the limit is refused,
// whether the zip's directory says so or lies about it.
func TestZipBomb(t *testing.T) {
	big := bytes.Repeat([]byte("<w:p/>"), maxDocument/6+1000)
	honest := zipOf(t, map[string]string{"word/document.xml": string(big)})
	if len(honest) > 1<<20 {
		t.Fatalf("bomb is %d bytes; want it small", len(honest))
	}

	// The lying one: the directory says 100 bytes.
	var comp bytes.Buffer
	{
		var tmp bytes.Buffer
		zw := zip.NewWriter(&tmp)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
		w.Write(big)
		zw.Close()
		zr, _ := zip.NewReader(bytes.NewReader(tmp.Bytes()), int64(tmp.Len()))
		raw, _ := zr.File[0].OpenRaw()
		comp.ReadFrom(raw)
	}
	var lying bytes.Buffer
	zw := zip.NewWriter(&lying)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(big),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: 100, Modified: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()

	for name, src := range map[string][]byte{"honest": honest, "lying": lying.Bytes()} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Read(src)
		runtime.ReadMemStats(&after)
		// archive/zip itself refuses to read past the size its directory
		// gives; either way the document is refused.
		if err == nil || !strings.Contains(err.Error(), "refused as a possible zip bomb") && !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: error %v, want a refusal", name, err)
		}
		// Refused before it is expanded: far less memory than the bomb
		// would unpack to.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
			t.Errorf("%s: %d MB allocated", name, alloc>>20)
		}
	}
}

// TestLongParagraph: a paragraph of a million tiny runs reads in linear
// time.
// A paragraph of many short runs of alternating style costs memory in
// proportion to its length, not its square: four times the runs may take
// at most about four times the bytes (a quadratic join would take
// sixteen). Measured in bytes allocated, not seconds, so a busy machine
// cannot fail it.
func TestLongParagraph(t *testing.T) {
	paragraph := func(n int) []byte {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				b.WriteString(`<w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t></w:r><w:r><w:t></w:t></w:r>`)
			} else {
				b.WriteString(`<w:r><w:t>b</w:t></w:r>`)
			}
		}
		return docxOf(t, `<w:p>`+b.String()+`</w:p>`)
	}
	alloc := func(src []byte) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err := Read(src)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Blocks) != 1 {
			t.Fatalf("%d blocks", len(d.Blocks))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(paragraph(25000)), alloc(paragraph(100000))
	if ratio := float64(large) / float64(small); ratio > 7 {
		t.Errorf("4× the runs took %.1f× the memory (%d → %d bytes): not linear", ratio, small, large)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(docxOf(f, p("Teitl", r("Headline"))+num("1", "0", "item")+p("", `<w:hyperlink r:id="rId5"><w:r><w:t>link</w:t></w:r></w:hyperlink>`)))
	f.Add(zipOf(f, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>t</w:t></w:r></w:p></w:body></w:document>`}))
	if src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "archive", "docx-charity-msword.docx")); err == nil {
		f.Add(src)
	}
	f.Add(zipOf(f, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + p("", r("x")) + `</w:body></w:document>`,
		"word/header1.xml": `<w:hdr ` + wNS + `>` + p("", r("NEWS RELEASE")) + `</w:hdr>`, "word/footer1.xml": `<w:ftr ` + wNS + `/>`}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read(src)
		if err == nil && d == nil {
			t.Fatal("nil document without an error")
		}
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err) // a panic caught by Read's safety net
		}
	})
}

// FuzzDocumentXML fuzzes the reading of word/document.xml itself (FuzzRead
// spends most of its time in archive/zip and flate).
func FuzzDocumentXML(f *testing.F) {
	sheet, err := parseStyles([]byte(styles))
	if err != nil {
		f.Fatal(err)
	}
	numbers, err := parseNumbering([]byte(numberingXML))
	if err != nil {
		f.Fatal(err)
	}
	rels, err := parseRels([]byte(relsXML))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(`<w:document ` + wNS + `><w:body>` + p("Teitl", r("Headline")) + num("1", "1", "item") + p("", rp(`<w:b/>`, "bold")+`<w:hyperlink r:id="rId5"><w:r><w:t>link</w:t></w:r></w:hyperlink>`) + `</w:body></w:document>`)
	f.Add(`<w:document ` + wNS + `><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>t</w:t><w:br/><w:tab/></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`)
	f.Add(`<w:document ` + wNS + `><w:body><w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>a</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>`)
	f.Add(`<w:document ` + wNS + `><w:body>` + p("", sym("Symbol", "F0B7")+sym("Wingdings", "F0FC")+sym("Arial", "0141")+strings.Replace(drawing, "%s", "alt", 1)) + `</w:body></w:document>`)
	f.Add(`<w:document ` + wNS + `><w:body>` + tbl(true, cells("Service", "2023", "2024"), cells("Referrals", "4,210", "4,800")) + tbl(false, []string{tbl(false, cells("A", "1"), cells("B", "2")), p("", r("x"))}, cells("y", "z")) + `</w:body></w:document>`)
	f.Fuzz(func(t *testing.T, doc string) {
		w := &walker{styles: sheet, num: numbers, rels: rels}
		if err := w.walk([]byte(doc)); err != nil {
			return
		}
		for _, b := range w.blocks {
			if len(b.Lines) == 0 {
				t.Fatal("a block with no lines")
			}
			for _, l := range b.Lines {
				if l.Text == "" || l.Line != b.n {
					t.Fatalf("line %+v in paragraph %d", l, b.n)
				}
			}
		}
		for _, e := range w.tableNotes {
			found := false
			for _, b := range w.blocks {
				found = found || b.n == e.Line
			}
			if !found {
				t.Fatalf("a table note at paragraph %d, which holds no block", e.Line)
			}
		}
	})
}

// Footnotes have no place in a statement; their words are reported, not
// lost without a word.
func TestFootnotesAreSaid(t *testing.T) {
	src := zipOf(t, map[string]string{
		"word/document.xml":  `<w:document ` + wNS + `><w:body>` + p("", r("Body")) + `</w:body></w:document>`,
		"word/footnotes.xml": `<w:footnotes ` + wNS + `><w:footnote w:id="1">` + p("", r("Figures from the 2021 census.")) + `</w:footnote></w:footnotes>`,
	})
	d, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Dropped) != 1 || d.Dropped[0].Text != "Figures from the 2021 census." || !strings.Contains(d.Dropped[0].Why, "footnote") {
		t.Errorf("dropped %+v, want the footnote said", d.Dropped)
	}
}
