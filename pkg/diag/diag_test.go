package diag

import "testing"

// TestPath checks that a file name cannot send control sequences to the
// terminal: ESC, CR and bidi overrides are shown quoted.
func TestPath(t *testing.T) {
	for name, want := range map[string]string{
		"statement.toml":          "statement.toml",
		"Datganiad – Cyngor.toml": "Datganiad – Cyngor.toml",
		"a\x1b[2Jb.toml":          `"a\x1b[2Jb.toml"`,
		"ok.toml\rfake.toml":      `"ok.toml\rfake.toml"`,
		"lmth.\u202etoml":         `"lmth.\u202etoml"`,
	} {
		if got := Path(name); got != want {
			t.Errorf("Path(%q) = %s, want %s", name, got, want)
		}
	}
	d := Diagnostic{Pos: Pos{File: "a\x1bb.toml", Line: 1, Col: 2}, Message: "cannot read \x1b[31m", Hint: "x"}
	if got, want := d.String(), "\"a\\x1bb.toml\":1:2: error: cannot read \\x1b[31m\n    hint: x"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestTOMLMessage(t *testing.T) {
	for in, want := range map[string]string{
		"TOML files cannot contain control characters: '0x01'": "the file has an invisible control character (U+0001) here",
		"TOML files cannot contain control characters: '0x1b'": "the file has an invisible control character (U+001B) here",
		"Expected value but found '“' instead.":                "expected value but found '“' instead",
		"TOML is not valid here":                               "TOML is not valid here",
	} {
		if got, _ := TOMLMessage(in); got != want {
			t.Errorf("TOMLMessage(%q) = %q, want %q", in, got, want)
		}
	}
}
