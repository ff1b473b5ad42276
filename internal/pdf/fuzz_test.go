package pdf

import (
	"bytes"
	"testing"
)

// sampleFile is a small file as the Writer writes it, with a stream, a
// number array and text strings: a seed for the fuzzers.
func sampleFile() []byte {
	var w Writer
	w.Header()
	w.Object(1, NewDict(Name("Type"), Name("Pages"), Name("Kids"), Array{Ref{3, 0}}, Name("Count"), Integer(1)))
	w.Object(2, NewDict(Name("Type"), Name("Catalog"), Name("Pages"), Ref{1, 0}))
	w.Object(3, NewDict(Name("Type"), Name("Page"), Name("Parent"), Ref{1, 0}, Name("MediaBox"), NumberArray("[0 0 595.28 841.89]"),
		Name("Contents"), Ref{4, 0}, Name("Annots"), Array{NewDict(Name("Subtype"), Name("Link"), Name("T"), TextString("£"))}))
	w.Object(4, &Stream{Dict: NewDict(), Data: []byte("/P <</MCID 0>> BDC BT (Hi) Tj ET EMC")})
	w.XRef(NewDict(Name("Size"), Integer(w.Size()), Name("Root"), Ref{2, 0}))
	return bytes.Clone(w.Bytes())
}

// FuzzParseFile: any bytes give a file or an error, never a panic or a
// hang; a file that parses can be written out again. Crashers are kept
// in testdata/fuzz/FuzzParseFile.
func FuzzParseFile(f *testing.F) {
	good := sampleFile()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(bytes.Replace(good, []byte("/Length 37"), []byte("/Length 99999"), 1))
	f.Add([]byte("%PDF-1.4\nstartxref\n0\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		file, err := ParseFile(b)
		if err != nil {
			return
		}
		var w Writer
		w.Header()
		for n, v := range file.Objects {
			_ = file.DictOf(Ref{n, 0})
			if n > 0 && n < 1000 {
				w.Object(n, v)
			}
		}
		if cat := file.DictOf(file.Trailer.Get("Root")); cat != nil {
			if root, ok := cat.Get("Pages").(Ref); ok {
				_, _ = file.PageList(root)
			}
		}
		_, _ = file.Reachable([]any{file.Trailer})
		w.XRef(file.Trailer)
	})
}

// FuzzParseObject: any bytes give an object or an error; an object
// written and read again is written the same.
func FuzzParseObject(f *testing.F) {
	for _, s := range []string{"<</Type /Page /Kids [3 0 R] /Count 1>>", "[0 0 595.28 841.89]", "(a\\(b\\)\\101)",
		"<FEFF00A3>", "/A#20B", "[1 [2 (x)] <</A null /B true>>]", "-.5", "12 0 R"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ParseObject(b)
		if err != nil {
			return
		}
		once := written(v)
		back, err := ParseObject([]byte(once))
		if err != nil {
			t.Fatalf("%q written as %q, which does not read back: %v", b, once, err)
		}
		if twice := written(back); twice != once {
			t.Fatalf("%q written as %q, then as %q", b, once, twice)
		}
	})
}

// FuzzScanContent: any content gives marked content or an error.
func FuzzScanContent(f *testing.F) {
	for _, s := range []string{"/P <</MCID 0>> BDC BT /F1 12 Tf (Hello) Tj ET EMC",
		"/Artifact BMC 0 0 m 10 0 l S EMC /H1 <</MCID 3>> BDC [(A) -20 <41>] TJ EMC", "BT (x) Tj ET"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = ScanContent(b)
	})
}
