package tomlpos

import (
	"errors"
	"testing"

	"github.com/BurntSushi/toml"
)

// A syntax error's offset points at the same byte of the file whether or
// not it was saved with a byte-order mark.
func TestErrorOffsetCountsTheByteOrderMark(t *testing.T) {
	for _, bom := range []string{"", "\xef\xbb\xbf"} {
		src := bom + "[page]\nsize = \"A4\" x\n"
		var v map[string]any
		_, err := toml.Decode(src, &v)
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("bom %q: want a parse error, got %v", bom, err)
		}
		off := ErrorOffset([]byte(src), pe)
		line, col := NewIndex([]byte(src)).Pos(off)
		if line != 2 || col != 12 {
			t.Errorf("bom %q: error at %d:%d, want 2:12 (after size = \"A4\")", bom, line, col)
		}
	}
}
