// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/fpdf"
)

func kernDoc(t *testing.T, data []byte, draw func(pdf *fpdf.Fpdf)) []byte {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCreationDate(time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	pdf.AddUTF8FontFromBytes("N", "", data)
	pdf.AddPage()
	pdf.SetFont("N", "", 22)
	draw(pdf)
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPressroomTextKerned draws a headline with adjustments of the size
// kerning gives (hb-shape sets Noto Sans's A before V 40/1000 em closer)
// and checks that pdftotext extracts the words and finds the word
// narrower by exactly the adjustments, that GetStringWidthKerned agrees,
// and that with no adjustment the file is Text's, byte for byte.
func TestPressroomTextKerned(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	const word = "AVATAR"
	adjust := []float64{-40, -70, -40, -40, -30, 0}
	kerned := kernDoc(t, data, func(pdf *fpdf.Fpdf) {
		pdf.TextKerned(50, 100, word, adjust)
		pdf.TextKerned(50, 150, "“Wa”", []float64{0, -30, 0, 0})
	})
	qpdfCheck(t, kerned)
	if got := strings.Fields(pdftotext(t, kerned, "-raw")); strings.Join(got, " ") != word+" “Wa”" {
		t.Errorf("pdftotext: %q", got)
	}
	plain := kernDoc(t, data, func(pdf *fpdf.Fpdf) {
		pdf.Text(50, 100, word)
		pdf.Text(50, 150, "“Wa”")
	})
	kb, pb := wordBoxes(t, kerned)[word], wordBoxes(t, plain)[word]
	want := (pb[1] - pb[0]) - (40+70+40+40+30)*22.0/1000
	if got := kb[1] - kb[0]; got < want-0.1 || got > want+0.1 {
		t.Errorf("kerned %s is %.2f pt wide, want %.2f (unkerned %.2f)", word, got, want, pb[1]-pb[0])
	}
	zeros := kernDoc(t, data, func(pdf *fpdf.Fpdf) {
		pdf.TextKerned(50, 100, word, make([]float64, 6))
		pdf.TextKerned(50, 150, "“Wa”", []float64{0, 0, 0, 15})
	})
	if !bytes.Equal(zeros, plain) {
		t.Errorf("TextKerned with no adjustment differs from Text")
	}
	// The width TextKerned's caller measures is the width drawn.
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("N", "", data)
	pdf.SetFont("N", "", 22)
	if got := pdf.GetStringWidthKerned(word, adjust); got < want-0.1 || got > want+0.1 {
		t.Errorf("GetStringWidthKerned = %.2f, drawn %.2f", got, want)
	}
}

// TestPressroomTextKernedErrors: a wrong number of adjustments is an
// error of the document, not a panic or a silently dropped adjustment.
func TestPressroomTextKernedErrors(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.TextKerned(10, 10, "AV", []float64{-80})
	if err := pdf.Output(&bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "1 adjustments for the 2 characters") {
		t.Errorf("error %v", err)
	}
	pdf = fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.TextKerned(10, 10, "AV", []float64{-80, 0})
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("[(A)80(V)] TJ")) {
		t.Errorf("core font: no TJ array for AV in\n%s", b.Bytes())
	}
}

// TestPressroomTextKernedBytes: the characters of a TJ array are the
// bytes Text writes for the same string (UTF-16, escaped), for the
// characters whose UTF-16 holds a byte PDF strings escape (the
// parentheses, a backslash, a carriage return, U+2829 and U+5C28 whose
// codes are those bytes): with the adjustments' moves taken out, the array is Text's string.
func TestPressroomTextKernedBytes(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	for _, s := range []string{"A(V)", `\A\`, "a\rb", "⠩x", "尨y", "Wé–a"} {
		n := len([]rune(s))
		adjust := make([]float64, n)
		for i := range adjust {
			adjust[i] = -40.5 - float64(i)
		}
		draw := func(kern bool) string {
			pdf := fpdf.New("P", "pt", "A4", "")
			pdf.SetCompression(false)
			pdf.AddUTF8FontFromBytes("N", "", data)
			pdf.AddPage()
			pdf.SetFont("N", "", 22)
			if kern {
				pdf.TextKerned(50, 100, s, adjust)
			} else {
				pdf.Text(50, 100, s)
			}
			var b bytes.Buffer
			if err := pdf.Output(&b); err != nil {
				t.Fatal(err)
			}
			// The page's content stream: the one line that draws.
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.HasPrefix(line, "BT ") && strings.Contains(line, " Td ") {
					return line
				}
			}
			t.Fatalf("%q: no BT line", s)
			return ""
		}
		kerned, plain := draw(true), draw(false)
		var pairs []string
		for i := 0; i < n-1; i++ {
			pairs = append(pairs, ")"+strconv.FormatFloat(-adjust[i], 'f', -1, 64)+"(", "")
		}
		moves := strings.NewReplacer(pairs...)
		got := moves.Replace(strings.Replace(strings.Replace(kerned, "[(", "(", 1), ")] TJ", ") Tj", 1))
		if got != plain || strings.Count(kerned, ")4") != n-1 {
			t.Errorf("%q:\nTextKerned %q\nText       %q", s, kerned, plain)
		}
	}
}

// TestPressroomTextKernedAllocs: drawing a kerned line allocates no
// string per character (a release draws thousands of characters; the
// first version allocated two or three for each).
func TestPressroomTextKernedAllocs(t *testing.T) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		t.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("N", "", data)
	pdf.AddPage()
	pdf.SetFont("N", "", 11)
	const line = "“We are AVAILABLE today,” said the Wâtford (UK) team’s lead."
	adjust := make([]float64, len([]rune(line)))
	for i := range adjust {
		adjust[i] = float64(i%5-2) * 12.5
	}
	allocs := testing.AllocsPerRun(200, func() { pdf.TextKerned(50, 100, line, adjust) })
	if allocs > 1 {
		t.Errorf("TextKerned of %d characters: %.1f allocations, want at most 1", len(adjust), allocs)
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkTextKerned draws a kerned line of body text, as a release
// does some hundreds of times.
func BenchmarkTextKerned(b *testing.B) {
	data, err := os.ReadFile("../../fonts/NotoSans-Regular.ttf")
	if err != nil {
		b.Skip("fonts/NotoSans-Regular.ttf not found")
	}
	const line = "“We are AVAILABLE today,” said the Wâtford (UK) team’s lead."
	adjust := make([]float64, len([]rune(line)))
	for i := range adjust {
		adjust[i] = float64(i%5-2) * 12.5
	}
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("N", "", data)
	pdf.SetFont("N", "", 11)
	b.ReportAllocs()
	for b.Loop() {
		// A page a thousand lines long would keep growing: a new page
		// now and then, as a release has.
		pdf.AddPage()
		for range 100 {
			pdf.TextKerned(50, 100, line, adjust)
		}
	}
	if err := pdf.Error(); err != nil {
		b.Fatal(err)
	}
}
