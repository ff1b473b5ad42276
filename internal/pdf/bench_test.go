package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// pageLike is content shaped like one of pressroom's tagged pages: a
// tagged paragraph per few lines, each line a font, a colour and a string.
func pageLike() []byte {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "/P <</MCID %d>> BDC\n", i)
		for j := range 3 {
			fmt.Fprintf(&b, "BT /F1 11.00 Tf ET\nq 0.106 0.122 0.141 rg BT 56.69 %.2f Td (\x00T\x00o\x00d\x00a\x00y\x00 \x00w\x00e) Tj ET Q\n", 800-float64(i*3+j)*6)
		}
		b.WriteString("EMC\n")
	}
	return []byte(b.String())
}

// BenchmarkCheckPage is what the finishing pass does with each page:
// inflate its content and scan it for marked content.
func BenchmarkCheckPage(b *testing.B) {
	s := &Stream{Dict: NewDict(Name("Filter"), Name("FlateDecode")), Data: Deflate(pageLike())}
	b.ReportAllocs()
	for b.Loop() {
		data, err := Decode(s)
		if err != nil {
			b.Fatal(err)
		}
		if found, err := ScanContent(data); err != nil || len(found) != 40 {
			b.Fatalf("%d marked content, %v", len(found), err)
		}
	}
}
