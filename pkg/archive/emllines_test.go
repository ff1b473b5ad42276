package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every line the report names in an e-mail is the line of the .eml, as a
// text editor shows it, that holds what it names: after quoted-printable
// soft line breaks ("=" at a line's end) in a text or HTML part, too.
func TestEmailReportLinesPointIntoTheFile(t *testing.T) {
	html := "Subject: Library\r\nDate: Tue, 07 Oct 2025 09:30:00 +0100\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<html><body><h1>Council opens new library</h1><p>7 October 2025</p><p>The council ope=\r\n" +
		"ned a new library on Market Street today, with room for study, a caf=C3=A9 a=\r\n" +
		"nd a children=E2=80=99s corner, and it will be open seven days a week from=\r\n" +
		" next Monday for everyone who lives or works in the town and its villages.</p>=\r\n" +
		"<p>Residents can borrow books, use computers and join reading groups there, =\r\n" +
		"and the council will run free classes for adults each week.</p>\r\n" +
		"<p>ENDS</p>\r\n<p>Media enquiries: press@council.example.gov.uk</p>\r\n</body></html>\r\n"
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "html-qp.eml")}
	if err := os.WriteFile(files[0], []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"eml-qp-utf8.eml", "eml-inline-forward.eml", "eml-alternative.eml", "eml-html-forward.eml", "eml-forwarded.eml", "eml-latin1.eml", "eml-html-only.eml"} {
		files = append(files, filepath.Join("../../testdata/archive", name))
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
		res, list := Import(file, src)
		if res == nil {
			t.Fatalf("%s: %v", file, list)
		}
		checked := 0
		check := func(what string, line int, text string) {
			word := strings.Trim(strings.Fields(text + " ")[0], `"“:,.`)
			// The ASCII letters a word starts with read the same encoded
			// ("Caf=E9" is "Café").
			if i := strings.IndexFunc(word, func(r rune) bool { return r > 0x7e }); i >= 0 {
				word = word[:i]
			}
			if line <= 0 || word == "" || strings.ContainsAny(word, "=…") {
				return
			}
			checked++
			// The line the report names starts the text: with its
			// soft line breaks undone, it holds the word.
			at := ""
			for i := line - 1; i < len(lines); i++ {
				l, soft := strings.CutSuffix(lines[i], "=")
				at += l
				if !soft {
					break
				}
			}
			if line > len(lines) || !strings.Contains(at, word) {
				got := ""
				if line <= len(lines) {
					got = lines[line-1]
				}
				t.Errorf("%s: %s %q is reported at line %d, which reads %q", filepath.Base(file), what, text, line, got)
			}
		}
		base64 := strings.Contains(string(src), "Content-Transfer-Encoding: base64")
		for _, d := range res.Dropped {
			if !base64 {
				check("dropped", d.Line, d.Text)
			}
		}
		for _, f := range res.Fields {
			if v := res.Draft.Field(f.Field); !base64 && (strings.Contains(f.Field, "email") || f.Field == "headline" || f.Field == "summary") {
				check(f.Field, f.Line, v)
			}
		}
		if base64 {
			// A base64 part's text shows in no line: everything is at
			// the line where its encoded body starts.
			at := map[int]bool{}
			for _, d := range res.Dropped {
				at[d.Line] = true
			}
			for _, f := range res.Fields {
				if f.Line > 0 && (f.Field == "headline" || f.Field == "summary" || strings.Contains(f.Field, "email")) {
					at[f.Line] = true
				}
			}
			if len(at) != 1 {
				t.Errorf("%s: a base64 part's report names lines %v, want the one where its body starts", filepath.Base(file), at)
			}
			continue
		}
		if checked < 3 {
			t.Errorf("%s: only %d report lines checked", filepath.Base(file), checked)
		}
	}
}
