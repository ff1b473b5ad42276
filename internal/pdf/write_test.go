package pdf

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// written returns v as the Writer writes it inside an object.
func written(v any) string {
	var w Writer
	w.value(v)
	return w.buf.String()
}

// TestWriteRoundTrip: each value is written as expected, and reads back
// as itself.
func TestWriteRoundTrip(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{nil, "null"},
		{true, "true"},
		{Integer(-7), "-7"},
		{Real("595.28"), "595.28"},
		{Name("Type"), "/Type"},
		{Name("A B#(x)/é"), "/A#20B#23#28x#29#2F#C3#A9"},
		{String("plain (text) \\ here"), `(plain \(text\) \\ here)`},
		{String("line\nbreak"), "<6C696E650A627265616B>"},
		{TextString("£5"), "<FEFF00A30035>"},
		{Ref{12, 0}, "12 0 R"},
		{Array{Integer(1), Name("N"), Ref{2, 0}, Array{}}, "[1 /N 2 0 R []]"},
		{NumberArray("[0 0  595.28 841.89]"), "[0 0  595.28 841.89]"},
		{NewDict(Name("Type"), Name("Page"), Name("Kids"), Array{Ref{3, 0}}), "<</Type /Page /Kids [3 0 R]>>"},
		{&Dict{}, "<<>>"},
		{NewDict(Name("D"), NewDict(Name("Marked"), true)), "<</D <</Marked true>>>>"},
	}
	for _, tc := range tests {
		got := written(tc.v)
		if got != tc.want {
			t.Errorf("%#v: wrote %s, want %s", tc.v, got, tc.want)
		}
		back, err := ParseObject([]byte(got))
		if err != nil {
			t.Errorf("%s: reading back: %v", got, err)
			continue
		}
		if again := written(back); again != got || reflect.TypeOf(back) != reflect.TypeOf(tc.v) {
			t.Errorf("%s: read back as %#v, written again as %s", got, back, again)
		}
	}
	if got := written(3); got != "3" {
		t.Errorf("int: %s", got)
	}
}

// TestFileRoundTrip writes a small file and reads it back: objects,
// stream data, trailer, page tree, reachability and renumbering.
func TestFileRoundTrip(t *testing.T) {
	var w Writer
	w.Header()
	w.Object(1, NewDict(Name("Type"), Name("Pages"), Name("Kids"), Array{Ref{3, 0}, Ref{5, 0}}, Name("Count"), Integer(2)))
	w.Object(2, NewDict(Name("Type"), Name("Catalog"), Name("Pages"), Ref{1, 0}))
	w.Object(3, NewDict(Name("Type"), Name("Page"), Name("Parent"), Ref{1, 0}, Name("Contents"), Ref{4, 0}))
	w.Object(4, &Stream{Dict: NewDict(Name("Length"), Integer(999)), Data: []byte("BT ET\nendstream")})
	w.Object(5, NewDict(Name("Type"), Name("Page"), Name("Parent"), Ref{1, 0}))
	w.Object(6, String("unreached"))
	if w.Size() != 7 {
		t.Fatalf("Size %d, want 7", w.Size())
	}
	w.XRef(NewDict(Name("Size"), Integer(w.Size()), Name("Root"), Ref{2, 0}))
	out := w.Bytes()
	if !bytes.HasPrefix(out, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")) || !bytes.HasSuffix(out, []byte("\n%%EOF\n")) {
		t.Fatalf("header or end wrong:\n%s", out)
	}

	f, err := ParseFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Objects) != 6 {
		t.Errorf("%d objects, want 6", len(f.Objects))
	}
	s, ok := f.Objects[4].(*Stream)
	if !ok || string(s.Data) != "BT ET\nendstream" || s.Dict.Get("Length") != Integer(15) {
		t.Errorf("stream read back as %#v", f.Objects[4])
	}
	cat := f.DictOf(f.Trailer.Get("Root"))
	if cat == nil || cat.Get("Type") != Name("Catalog") {
		t.Fatalf("catalog: %#v", cat)
	}
	pages, err := f.PageList(cat.Get("Pages").(Ref))
	if err != nil || !reflect.DeepEqual(pages, []int{3, 5}) {
		t.Errorf("PageList = %v, %v; want [3 5]", pages, err)
	}
	kept, err := f.Reachable([]any{Ref{1, 0}})
	if err != nil || !reflect.DeepEqual(kept, []int{1, 3, 4, 5}) {
		t.Errorf("Reachable = %v, %v; want [1 3 4 5]", kept, err)
	}
	// Writing what was read gives the same bytes.
	var again Writer
	again.Header()
	for n := 1; n <= 6; n++ {
		again.Object(n, f.Objects[n])
	}
	again.XRef(f.Trailer)
	if !bytes.Equal(again.Bytes(), out) {
		t.Errorf("read and written again:\n%s\nwant\n%s", again.Bytes(), out)
	}

	renum := map[int]int{1: 1, 3: 2, 4: 3, 5: 4}
	if got := written(Remap(f.Objects[3], renum)); got != "<</Type /Page /Parent 1 0 R /Contents 3 0 R>>" {
		t.Errorf("Remap: %s", got)
	}
}

func TestParseFileErrors(t *testing.T) {
	var w Writer
	w.Header()
	w.Object(1, NewDict(Name("Type"), Name("Catalog")))
	w.XRef(NewDict(Name("Size"), Integer(2), Name("Root"), Ref{1, 0}))
	good := string(w.Bytes())
	tests := map[string]string{
		"no header":           strings.Replace(good, "%PDF-", "%PDX-", 1),
		"no startxref":        strings.Replace(good, "startxref", "startxyz", 1),
		"offset outside":      strings.Replace(good, "startxref\n", "startxref\n9", 1),
		"bad entry":           strings.Replace(good, " 00000 n ", " 00000 x ", 1),
		"offset wrong":        strings.Replace(good, "0000000015 00000 n", "0000000016 00000 n", 1),
		"trailer not dict":    strings.Replace(good, "trailer\n<<", "trailer\n[<<", 1),
		"missing endobj":      strings.Replace(good, "endobj", "endobx", 1),
		"xref stream":         strings.Replace(good, "xref\n0 2", "xrex\n0 2", 1),
		"truncated":           good[:len(good)/2],
		"huge subsection":     strings.Replace(good, "xref\n0 2", "xref\n0 999999999", 1),
		"negative subsection": strings.Replace(good, "xref\n0 2", "xref\n-1 2", 1),
	}
	for label, in := range tests {
		if in == good {
			t.Fatalf("%s: the test did not change the file", label)
		}
		if _, err := ParseFile([]byte(in)); err == nil {
			t.Errorf("%s: no error", label)
		}
	}
}

func TestTextString(t *testing.T) {
	for _, s := range []string{"", "Plain ASCII", "£5 — “quoted” ŵ", "emoji 🙂"} {
		if got := DecodeText(TextString(s)); got != s {
			t.Errorf("%q came back as %q", s, got)
		}
	}
	if got := DecodeText(String("caf\xe9")); got != "café" {
		t.Errorf("Latin-1: %q", got)
	}
}
