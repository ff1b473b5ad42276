package archive

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkImportLargeText imports a text file of 40 releases run
// together (100 KB): the cost grows with the file, not faster.
func BenchmarkImportLargeText(b *testing.B) {
	seed, err := os.ReadFile("../../examples/archive/seed-statement.txt")
	if err != nil {
		b.Fatal(err)
	}
	src := []byte(strings.Repeat(string(seed), 40))
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Import("large.txt", src)
	}
}

// BenchmarkImportSeed imports the seed text file.
func BenchmarkImportSeed(b *testing.B) {
	src, err := os.ReadFile("../../examples/archive/seed-statement.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Import("seed.txt", src)
	}
}
