package archive

import (
	"strings"
	"testing"
)

// BenchmarkFindDate reads the date of a line full of near-dates
// (numbers beside month names that are not dates), as long as findDate
// reads: the worst a line can give the date reader.
func BenchmarkFindDate(b *testing.B) {
	line := strings.Repeat("32 maja 2025 x 2 May 20250 ۲ مئی ", 22) + "2 maja 2025"
	loadDateTables()
	b.ReportAllocs()
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if _, ok := findDate(line); !ok {
			b.Fatal("no date")
		}
	}
}
