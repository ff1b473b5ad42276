package pdf

import (
	"reflect"
	"strings"
	"testing"
)

func TestToken(t *testing.T) {
	tests := []struct {
		in   string
		want []any
	}{
		{"", nil},
		{"  % a comment\r\n 12 -3 +4", []any{Integer(12), Integer(-3), Integer(4)}},
		{"0.5 -.25 4. 99999999999999999999", []any{Real("0.5"), Real("-.25"), Real("4."), Real("99999999999999999999")}},
		{"/Type/Page /A#20B /#41#42 /", []any{Name("Type"), Name("Page"), Name("A B"), Name("AB"), Name("")}},
		{"/a#zz /a#4", []any{Name("a#zz"), Name("a#4")}},
		{"(a\\(b\\)c) (x(y)z)", []any{String("a(b)c"), String("x(y)z")}},
		{"(\\n\\r\\t\\b\\f\\\\\\q)", []any{String("\n\r\t\b\f\\q")}},
		{"(\\101\\0601\\7)", []any{String("A01\a")}},
		{"(one\\\ntwo) (cr\r\nlf) (cr\ronly)", []any{String("onetwo"), String("cr\nlf"), String("cr\nonly")}},
		{"<48 65 6C6c6F> <4> <>", []any{String("Hello"), String{0x40}, String(nil)}},
		{"<< >> [ ] { }", []any{delim("<<"), delim(">>"), delim("["), delim("]"), delim("{"), delim("}")}},
		{"BT Tf 1.5.2 - R obj true", []any{keyword("BT"), keyword("Tf"), keyword("1.5.2"), keyword("-"), keyword("R"), keyword("obj"), keyword("true")}},
	}
	for _, tc := range tests {
		l := &lexer{b: []byte(tc.in)}
		var got []any
		for {
			tok, err := l.token()
			if err != nil {
				if err != errEOF {
					t.Errorf("%q: %v", tc.in, err)
				}
				break
			}
			got = append(got, tok)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %#v\nwant %#v", tc.in, got, tc.want)
		}
	}
}

func TestTokenErrors(t *testing.T) {
	for _, in := range []string{")", ">", "(open", "(open\\", "<4G>", "<414", "((a)"} {
		l := &lexer{b: []byte(in)}
		var err error
		for err == nil {
			_, err = l.token()
		}
		if err == errEOF {
			t.Errorf("%q: no error but the end of data", in)
		}
	}
}

func TestParseObject(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{"null", nil},
		{"true", true},
		{" false ", false},
		{"42", Integer(42)},
		{"12 0 R", Ref{12, 0}},
		{"12 0", nil}, // two numbers: an error, see below
		{"[1 2 0 R /N]", Array{Integer(1), Ref{2, 0}, Name("N")}},
		{"[0 0 595.28 841.89]", NumberArray("[0 0 595.28 841.89]")},
		{"[1 [2 3] 4]", NumberArray("[1 [2 3] 4]")},
		{"[]", NumberArray("[]")},
		{"<</Type /Page /Kids [3 0 R] /Count 1>>", NewDict(Name("Type"), Name("Page"), Name("Kids"), Array{Ref{3, 0}}, Name("Count"), Integer(1))},
		{"<</A 1 /A 2>>", NewDict(Name("A"), Integer(2))},
		{"<</S (text) /H <00ff>>>", NewDict(Name("S"), String("text"), Name("H"), String{0, 0xff})},
	}
	for _, tc := range tests {
		got, err := ParseObject([]byte(tc.in))
		if tc.in == "12 0" {
			if err == nil {
				t.Errorf("%q: no error for two objects", tc.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %#v\nwant %#v", tc.in, got, tc.want)
		}
	}
}

func TestParseObjectErrors(t *testing.T) {
	tests := []string{
		"", "]", ">>", "<</A>>", "<<1 2>>", "<</A 1", "[1 (x)", "obj", "endobj",
		strings.Repeat("[(x) ", 100) + strings.Repeat("]", 100),
		strings.Repeat("<</A ", 100) + "1" + strings.Repeat(">>", 100),
	}
	for _, in := range tests {
		if v, err := ParseObject([]byte(in)); err == nil {
			t.Errorf("%.40q: no error, got %#v", in, v)
		}
	}
}

func TestNumberArrayValues(t *testing.T) {
	if got := NumberArray("[1 -2.5 +3]").Values(); !reflect.DeepEqual(got, Array{Integer(1), Real("-2.5"), Integer(3)}) {
		t.Errorf("flat: %#v", got)
	}
	if got := NumberArray("[1 [2]]").Values(); got != nil {
		t.Errorf("nested: %#v, want nil", got)
	}
}
