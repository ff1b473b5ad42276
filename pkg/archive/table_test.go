package archive

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// wordOf makes a .docx whose body is the given WordprocessingML.
func wordOf(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
	if _, err := w.Write([]byte(doc)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// para writes a paragraph of lines separated by w:br.
func para(lines ...string) string {
	s := "<w:p>"
	for i, l := range lines {
		if i > 0 {
			s += "<w:r><w:br/></w:r>"
		}
		s += `<w:r><w:t xml:space="preserve">` + l + `</w:t></w:r>`
	}
	return s + "</w:p>"
}

// table writes a table whose cells are paragraphs.
func table(rows ...[]string) string {
	s := "<w:tbl>"
	for _, row := range rows {
		s += "<w:tr>"
		for _, c := range row {
			s += "<w:tc>" + c + "</w:tc>"
		}
		s += "</w:tr>"
	}
	return s + "</w:tbl>"
}

// TestWordTables imports a release with a key-figures table and its
// contacts laid out in a table of two columns: each figure keeps its
// label on one line of the summary, the report says the table was read
// as rows, and the contacts are read as before.
func TestWordTables(t *testing.T) {
	body := para("Child health service sees more families") +
		para("Date: 1 May 2025") +
		para("The Northvale child health service saw more families last year than ever before.") +
		para("Key figures for 2024:") +
		table([]string{para("Referrals"), para("4,210")}, []string{para("Children seen"), para("1,380")}) +
		para("The service will open a second clinic in the autumn.") +
		para("Media enquiries") +
		table([]string{para("Lucy Brennan", "Communications Manager", "Tel: 01632 960 233"), para("Amir Shah", "Communications Officer", "Tel: 01632 960 461")})
	res, list := Import("figures.docx", wordOf(t, body))
	if list.HasErrors() {
		t.Fatal(list)
	}
	out := string(res.Statement)
	for _, want := range []string{"\nReferrals: 4,210\n", "\nChildren seen: 1,380\n", `name = "Lucy Brennan"`, `name = "Amir Shah"`} {
		if !strings.Contains(out, want) {
			t.Errorf("statement lacks %q:\n%s", want, out)
		}
	}
	for _, lone := range []string{"\nReferrals\n", "\n4,210\n"} {
		if strings.Contains(out, lone) {
			t.Errorf("statement has %q on a line of its own:\n%s", lone, out)
		}
	}
	var notes []Finding
	for _, f := range res.Fields {
		if strings.Contains(f.Why, "Word table") {
			notes = append(notes, f)
		}
	}
	// The key figures are paragraphs 5–8 (a cell's paragraph counts):
	// the note is at the first row's.
	if len(notes) != 1 || notes[0].Field != "summary" || notes[0].Line != 5 || notes[0].Confidence != Likely || !strings.Contains(notes[0].Why, "2 rows") {
		t.Errorf("table notes %+v, want one at paragraph 5 under summary, saying 2 rows", notes)
	}
}
