package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/pdftest"
)

func inflate(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPack writes a file whose dictionaries are in object streams (more
// than one, since there are more than maxPerObjStm of them) with a
// cross-reference stream, reads every object back through the
// cross-reference stream, and lets qpdf check it where qpdf is installed.
func TestPack(t *testing.T) {
	const n = maxPerObjStm + 50
	want := map[int]any{}
	var w Writer
	w.Header()
	w.Pack(1, NewDict(Name("Type"), Name("Catalog"), Name("Pages"), Ref{2, 0}))
	w.Pack(2, NewDict(Name("Type"), Name("Pages"), Name("Kids"), Array{Ref{3, 0}}, Name("Count"), Integer(1)))
	w.Pack(3, NewDict(Name("Type"), Name("Page"), Name("Parent"), Ref{2, 0}, Name("MediaBox"), Array{Integer(0), Integer(0), Integer(10), Integer(10)}, Name("Contents"), Ref{4, 0}))
	w.Pack(4, &Stream{Dict: NewDict(), Data: []byte("0 0 m 1 1 l S")})
	for i := 5; i <= n; i++ {
		want[i] = NewDict(Name("K"), Integer(i), Name("S"), String("x("+strconv.Itoa(i)+")"))
		w.Pack(i, want[i])
	}
	w.Object(n+1, NewDict(Name("Title"), String("info")))
	w.FlushPacked()
	w.PackedXRef(NewDict(Name("Size"), Integer(n+2), Name("Root"), Ref{1, 0}, Name("Info"), Ref{n + 1, 0}))
	out := w.Bytes()
	if bytes.Contains(out, []byte("/K 7")) || !bytes.Contains(out, []byte("(info)")) {
		t.Error("packed objects written as text, or a plain object packed")
	}

	// The cross-reference stream, found through startxref.
	i := bytes.LastIndex(out, []byte("startxref\n"))
	off, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(string(out[i+10:]), "%%EOF\n")))
	head := strings.Fields(string(out[off : off+20]))
	num, _ := strconv.Atoi(head[0])
	x, err := parseIndirect(out, num, off)
	if err != nil {
		t.Fatal(err)
	}
	xs := x.(*Stream)
	if xs.Dict.Get("Type") != Name("XRef") || xs.Dict.Get("Size") != Integer(num+1) || xs.Dict.Get("Root") != (Ref{1, 0}) {
		t.Fatalf("cross-reference stream %s", written(xs.Dict))
	}
	var w1, w2, w3 int
	if _, err := fmt.Sscanf(written(xs.Dict.Get("W")), "[%d %d %d]", &w1, &w2, &w3); err != nil {
		t.Fatalf("/W %s: %v", written(xs.Dict.Get("W")), err)
	}
	rows := inflate(t, xs.Data)
	if len(rows) != (num+1)*(w1+w2+w3) {
		t.Fatalf("%d bytes of rows for %d objects", len(rows), num+1)
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	stms := map[int][]byte{}
	packedCount := 0
	for obj := 0; obj <= num; obj++ {
		r := rows[obj*(w1+w2+w3):]
		typ, f2, f3 := field(r[:w1]), field(r[w1:w1+w2]), field(r[w1+w2:w1+w2+w3])
		switch typ {
		case 0:
			if obj != 0 || f3 != 65535 {
				t.Errorf("object %d free (generation %d)", obj, f3)
			}
		case 1:
			if _, err := parseIndirect(out, obj, f2); err != nil {
				t.Errorf("object %d at %d: %v", obj, f2, err)
			}
		case 2:
			packedCount++
			data, ok := stms[f2]
			if !ok {
				s, err := parseIndirect(out, f2, rowOffset(t, rows, f2, w1, w2, w3))
				if err != nil {
					t.Fatal(err)
				}
				if s.(*Stream).Dict.Get("Type") != Name("ObjStm") {
					t.Fatalf("object %d is not an object stream", f2)
				}
				data = inflate(t, s.(*Stream).Data)
				stms[f2] = data
			}
			if exp, ok := want[obj]; ok {
				if !bytes.Contains(data, []byte(written(exp))) {
					t.Errorf("object %d not in object stream %d", obj, f2)
				}
			}
		}
	}
	if packedCount != n-1 || len(stms) != 2 {
		t.Errorf("%d objects in %d object streams; want %d in 2", packedCount, len(stms), n-1)
	}

	if testing.Short() {
		return
	}
	qpdf := pdftest.NeedTool(t, "qpdf")
	path := filepath.Join(t.TempDir(), "packed.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil || !strings.Contains(string(got), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, got)
	}
	if got, err := exec.Command(qpdf, "--show-object=7", path).CombinedOutput(); err != nil || strings.TrimSpace(string(got)) != "<< /K 7 /S (x\\(7\\)) >>" {
		t.Errorf("qpdf --show-object=7: %v %q; want object 7", err, got)
	}
}

// rowOffset is the offset a type-1 row of the cross-reference stream
// gives for object obj.
func rowOffset(t *testing.T, rows []byte, obj, w1, w2, w3 int) int {
	r := rows[obj*(w1+w2+w3):]
	if r[0] != 1 {
		t.Fatalf("object stream %d is not a plain object", obj)
	}
	v := 0
	for _, c := range r[w1 : w1+w2] {
		v = v<<8 | int(c)
	}
	return v
}
