package fpdf_test

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"
)

// table returns the offset and length of a table of a TrueType font.
func table(t *testing.T, font []byte, tag string) (int, int) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := font[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		}
	}
	t.Fatalf("no %s table", tag)
	return 0, 0
}

// badFonts are Noto Sans damaged in the ways that made fpdf print on
// standard output, panic or loop, each with words its error must contain.
func badFonts(t *testing.T, good []byte) map[string]struct {
	data []byte
	want string
} {
	patch := func(tag string, rel int, b ...byte) []byte {
		d := bytes.Clone(good)
		off, _ := table(t, d, tag)
		copy(d[off+rel:], b)
		return d
	}
	loca := bytes.Clone(good)
	headOff, _ := table(t, loca, "head")
	long := binary.BigEndian.Uint16(loca[headOff+50:]) == 1
	locaOff, locaLen := table(t, loca, "loca")
	for k := locaLen / 2; k+4 <= locaLen; k += 4 {
		copy(loca[locaOff+k:], []byte{0x7f, 0xff, 0xff, 0x00})
	}
	// A composite glyph made to contain itself.
	cycle := bytes.Clone(good)
	glyfOff, _ := table(t, cycle, "glyf")
	entry := func(g int) int {
		if long {
			return int(binary.BigEndian.Uint32(cycle[locaOff+4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(cycle[locaOff+2*g:]))
	}
	for g := 1; ; g++ {
		start, end := entry(g), entry(g+1)
		if end-start >= 14 && int16(binary.BigEndian.Uint16(cycle[glyfOff+start:])) < 0 {
			binary.BigEndian.PutUint16(cycle[glyfOff+start+12:], uint16(g))
			break
		}
	}
	missing := bytes.Clone(good)
	copy(missing[bytes.Index(missing[:12+16*int(binary.BigEndian.Uint16(good[4:]))], []byte("loca")):], "lxca")
	return map[string]struct {
		data []byte
		want string
	}{
		"name format":       {patch("name", 0, 0, 7), "name table is damaged"},
		"OS/2 fsType":       {patch("OS/2", 8, 0, 2), "does not allow embedding"},
		"head glyph format": {patch("head", 52, 0, 3), "head table is damaged"},
		"head units per em": {patch("head", 18, 0, 0), "units per em"},
		"loca":              {loca, "loca table is damaged"},
		"composite cycle":   {cycle, "contains itself"},
		"missing loca":      {missing, "no loca table"},
	}
}

// captureStdout runs f and returns what it wrote on standard output.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = old }()
	f()
	w.Close()
	os.Stdout = old
	return <-done
}

// A damaged font is an error from every entry point, never a message on
// standard output (which went into PDFs written to standard output), a
// panic or an endless loop.
func TestPressroomBadFontsAreErrors(t *testing.T) {
	a := loadSeedAssets(t)
	for name, bad := range badFonts(t, a.fonts[""]) {
		out := captureStdout(t, func() {
			if font, err := fpdf.ParseUTF8Font(bad.data); err == nil || font != nil || !strings.Contains(err.Error(), bad.want) {
				t.Errorf("%s: ParseUTF8Font gave a font (%t) and error %v; want an error saying %q", name, font != nil, err, bad.want)
			}
			pdf := fpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("bad", "", bad.data)
			pdf.AddPage()
			pdf.SetFont("bad", "", 12)
			pdf.Cell(40, 10, "Héllo, wörld")
			err := pdf.Output(io.Discard)
			if err == nil || !strings.Contains(err.Error(), bad.want) {
				t.Errorf("%s: AddUTF8FontFromBytes then Output gave error %v; want one saying %q", name, err, bad.want)
			}
		})
		if out != "" {
			t.Errorf("%s: fpdf wrote %q on standard output", name, out)
		}
	}
}
