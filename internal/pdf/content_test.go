package pdf

import (
	"bytes"
	"compress/zlib"
	"reflect"
	"strings"
	"testing"
)

func TestScanContent(t *testing.T) {
	tests := []struct {
		in   string
		want []MarkedContent
	}{
		{"", nil},
		{"q 1 0 0 1 0 0 cm Q", nil}, // no marks painted
		{"/P <</MCID 0>> BDC BT /F1 12 Tf (Hello) Tj ET EMC", []MarkedContent{{"P", 0}}},
		{"/Artifact BMC 0 0 m 10 0 l S EMC /H1 <</MCID 3 /Lang (en)>> BDC [(A) -20 (B)] TJ EMC",
			[]MarkedContent{{"H1", 3}}},
		{"/Artifact <</Type /Pagination>> BDC (1) Tj EMC /Span<</MCID 1>>BDC<41>Tj EMC", []MarkedContent{{"Span", 1}}},
		{"/P <</MCID 0>> BDC (a\\)b [) Tj [(x\\() 2 <41>] TJ EMC % (comment) Tj", []MarkedContent{{"P", 0}}},
		{"/Figure <</MCID 2>> BDC /Im1 Do EMC", []MarkedContent{{"Figure", 2}}},
		// ActualText spans (TextGlyphs) inside tagged content, in and
		// out of text objects, one inside another, and in an artifact.
		{"/P <</MCID 0>> BDC BT [<0012>] TJ /Span <</ActualText <FEFF0628>>> BDC [<0034>-20<0056>] TJ EMC [<0001>] TJ ET EMC " +
			"/Span <</MCID 1>> BDC /Span<</ActualText (ab)>>BDC /Span <</ActualText <FEFF>>> BDC (x) Tj EMC EMC EMC " +
			"/Artifact BMC /Span <</ActualText (1)>> BDC (1) Tj EMC EMC",
			[]MarkedContent{{"P", 0}, {"Span", 1}}},
	}
	for _, tc := range tests {
		got, err := ScanContent([]byte(tc.in))
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestScanContentRefuses(t *testing.T) {
	tests := map[string]string{
		"untagged text":      "BT (Hello) Tj ET",
		"untagged rule":      "0 0 m 10 0 l S",
		"untagged image":     "/Im1 Do",
		"nested":             "/P <</MCID 0>> BDC /Span <</MCID 1>> BDC EMC EMC",
		"span with MCID":     "/P <</MCID 0>> BDC /Span <</ActualText (a) /MCID 1>> BDC EMC EMC",
		"span without text":  "/P <</MCID 0>> BDC /Span <</Lang (en)>> BDC EMC EMC",
		"nested artifact":    "/P <</MCID 0>> BDC /Artifact <</ActualText (a)>> BDC EMC EMC",
		"nested BMC":         "/P <</MCID 0>> BDC /Span BMC EMC EMC",
		"span outside tags":  "/Span <</ActualText (a)>> BDC (a) Tj EMC",
		"span left open":     "/P <</MCID 0>> BDC /Span <</ActualText (a)>> BDC (a) Tj EMC",
		"paint after spans":  "/P <</MCID 0>> BDC /Span <</ActualText (a)>> BDC EMC EMC (a) Tj",
		"EMC after spans":    "/P <</MCID 0>> BDC /Span <</ActualText (a)>> BDC EMC EMC EMC",
		"left open":          "/P <</MCID 0>> BDC",
		"stray EMC":          "EMC",
		"no MCID":            "/P BMC (x) Tj EMC",
		"MCID not a number":  "/P <</MCID (0)>> BDC EMC",
		"BDC without tag":    "BDC EMC",
		"inline image":       "/Artifact BMC BI /W 1 ID x EI EMC",
		"unterminated text":  "/P <</MCID 0>> BDC (open Tj EMC",
		"unterminated hex":   "/P <</MCID 0>> BDC <41 Tj EMC",
		"unterminated array": "/P <</MCID 0>> BDC [(a) TJ EMC",
		"stray delimiter":    "/P <</MCID 0>> BDC ) EMC",
		"deep arrays":        "/Artifact BMC " + strings.Repeat("[", 100) + "1" + strings.Repeat("]", 100) + " TJ EMC",
	}
	for label, in := range tests {
		if got, err := ScanContent([]byte(in)); err == nil {
			t.Errorf("%s: no error, got %v", label, got)
		}
	}
}

func TestDecode(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte("BT ET"))
	zw.Close()
	tests := []struct {
		s    *Stream
		want string // "" for an error
	}{
		{&Stream{Dict: NewDict(), Data: []byte("raw")}, "raw"},
		{&Stream{Dict: NewDict(Name("Filter"), Name("FlateDecode")), Data: z.Bytes()}, "BT ET"},
		{&Stream{Dict: NewDict(Name("Filter"), Array{Name("FlateDecode")}), Data: z.Bytes()}, "BT ET"},
		{&Stream{Dict: NewDict(Name("Filter"), Array{}), Data: []byte("raw")}, "raw"},
		{&Stream{Dict: NewDict(Name("Filter"), Name("FlateDecode")), Data: []byte("not zlib")}, ""},
		{&Stream{Dict: NewDict(Name("Filter"), Name("FlateDecode")), Data: z.Bytes()[:5]}, ""},
		{&Stream{Dict: NewDict(Name("Filter"), Name("FlateDecode"), Name("DecodeParms"), NewDict()), Data: z.Bytes()}, ""},
		{&Stream{Dict: NewDict(Name("Filter"), Name("LZWDecode")), Data: []byte("x")}, ""},
		{&Stream{Dict: NewDict(Name("Filter"), Array{Name("A85"), Name("FlateDecode")}), Data: []byte("x")}, ""},
	}
	for i, tc := range tests {
		got, err := Decode(tc.s)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%d: no error, got %q", i, got)
		case tc.want != "" && (err != nil || string(got) != tc.want):
			t.Errorf("%d: got %q, %v; want %q", i, got, err, tc.want)
		}
	}
}
