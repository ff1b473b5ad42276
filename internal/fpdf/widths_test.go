// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/fpdf"
)

// TestPressroomWidthsOnlyShown checks patch 19: a UTF-8 font's /W array
// gives the width of every code the document shows with the font — the
// text drawn, and the page count put in for an alias after drawing —
// and of no other code. On patch 18 it lists every code up to 255 as
// well.
func TestPressroomWidthsOnlyShown(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "fonts", "NotoSans-Regular.ttf"))
	if err != nil {
		t.Skipf("pressroom's fonts are not here: %v", err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddUTF8FontFromBytes("noto", "", data)
	pdf.AliasNbPages("{nb}")
	pdf.AddPage()
	pdf.SetFont("noto", "", 12)
	const text, footer = "Hello — “world”", "Page 1 of {nb}"
	pdf.CellFormat(0, 10, text, "", 1, "L", false, 0, "")
	pdf.CellFormat(0, 10, footer, "", 1, "L", false, 0, "")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/W \[((?:[^\[\]]|\[[^\[\]]*\])*)\]`).FindSubmatch(out.Bytes())
	if m == nil {
		t.Fatal("no /W array")
	}
	got := map[int]int{}
	fields := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(string(m[1])))
	num := func(s string) int {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("/W [%s]: %v", m[1], err)
		}
		return v
	}
	for i := 0; i < len(fields); {
		first := num(fields[i])
		if i+1 < len(fields) && fields[i+1] == "[" {
			i += 2
			for c := first; i < len(fields) && fields[i] != "]"; c++ {
				got[c] = num(fields[i])
				i++
			}
			i++
			continue
		}
		last, w := num(fields[i+1]), num(fields[i+2])
		for c := first; c <= last; c++ {
			got[c] = w
		}
		i += 3
	}
	// The alias's own characters are drawn (and subset) before the page
	// count, "1", replaces them.
	want := map[int]bool{'1': true}
	for _, r := range text + footer {
		want[int(r)] = true
	}
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Errorf("/W lists codes %q; want %q", string(runes(got)), string(runes(want)))
	}
	for c, w := range got {
		if w <= 0 && c != ' ' {
			t.Errorf("/W gives %q the width %d", rune(c), w)
		}
	}
}

func runes[V any](m map[int]V) []rune {
	var out []rune
	for _, c := range slices.Sorted(maps.Keys(m)) {
		out = append(out, rune(c))
	}
	return out
}
