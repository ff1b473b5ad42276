package docx

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/archive/source"
)

func sym(font, char string) string {
	return `<w:r><w:sym w:font="` + font + `" w:char="` + char + `"/></w:r>`
}

// A character typed by Insert Symbol is read as the Unicode character its
// font's mapping gives (Symbol's standard table; Wingdings only where
// its shape is one character; any other font's code is Unicode itself),
// and one with no known mapping is reported at its paragraph, never lost
// without a word.
func TestSymbolsAreReadOrSaid(t *testing.T) {
	for _, c := range []struct {
		runs, text string
		dropped    []string // the Text of each drop
	}{
		{sym("Symbol", "F0B7") + r(" Parking is free"), "• Parking is free", nil},
		{r("Temperatures of 30") + sym("Symbol", "F0B0") + r("C ") + sym("Symbol", "F0AE") + r(" stay indoors"), "Temperatures of 30°C → stay indoors", nil},
		{r("Area ") + sym("Symbol", "0070") + r("r") + sym("Symbol", "F0B2"), "Area πr″", nil},
		{sym("Wingdings", "F0A7") + r(" Open daily"), "▪ Open daily", nil},
		{r("Mayor Anna ") + sym("Times New Roman", "0141") + r("ukasiewicz"), "Mayor Anna Łukasiewicz", nil},
		{r("Done ") + sym("Wingdings", "F0FC") + r(" today"), "Done today", []string{"Wingdings F0FC"}},
		{r("Odd ") + sym("Webdings", "F061") + sym("Symbol", "F0E6"), "Odd", []string{"Webdings F061", "Symbol F0E6"}},
		{r("Bad ") + sym("Symbol", "zz") + sym("Symbol", "") + r("code"), "Bad code", []string{"Symbol zz", "Symbol"}},
	} {
		d, err := Read(docxOf(t, p("", r("Headline"))+p("", c.runs)))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Blocks) != 2 || d.Blocks[1].Text() != c.text {
			t.Errorf("%s: read %+v, want %q", c.runs, got(d), c.text)
		}
		var drops []string
		for _, dr := range d.Dropped {
			drops = append(drops, dr.Text)
			if dr.Line != 2 || !strings.Contains(dr.Why, "type the character") {
				t.Errorf("%s: drop %+v: want paragraph 2 and what to do", c.runs, dr)
			}
		}
		if strings.Join(drops, "|") != strings.Join(c.dropped, "|") {
			t.Errorf("%s: dropped %q, want %q", c.runs, drops, c.dropped)
		}
	}
}

const drawing = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
	`<wp:docPr id="1" name="Picture 1" descr="%s"/>` +
	`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
	`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`

// Every image is reported at its paragraph with its alt text (which may
// hold a caption worth keeping); an image with none says so, and a text
// box's words are read, not reported as an image.
func TestImagesAreSaid(t *testing.T) {
	textBox := `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="3" name="Text Box 3"/>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>` +
		p("", r("Boxed words")) + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" alt="fallback"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	vml := `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" alt="The old library, 1902"><v:imagedata r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></v:shape></w:pict></w:r>`
	body := p("", r("Headline")) +
		p("", r("Mayor opens library")+strings.Replace(drawing, "%s", "The mayor cuts the ribbon at the new library", 1)) +
		p("", strings.Replace(drawing, "%s", "", 1)) +
		p("", textBox) + p("", vml)
	d, err := Read(docxOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := []source.Drop{
		{Line: 2, Text: "The mayor cuts the ribbon at the new library"},
		{Line: 3, Text: "Picture 1 (no alt text)"},
		{Line: 6, Text: "The old library, 1902"},
	}
	if len(d.Dropped) != len(want) {
		t.Fatalf("dropped %+v, want %+v", d.Dropped, want)
	}
	for i, w := range want {
		dr := d.Dropped[i]
		if dr.Line != w.Line || dr.Text != w.Text || !strings.Contains(dr.Why, "image") || !strings.Contains(dr.Why, "caption") {
			t.Errorf("drop %d: %+v, want %+v with why naming an image and what to do with a caption", i, dr, w)
		}
	}
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text())
	}
	if !strings.Contains(strings.Join(texts, "|"), "Boxed words") {
		t.Errorf("text box's words not read: %q", texts)
	}
}
