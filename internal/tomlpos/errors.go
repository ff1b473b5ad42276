package tomlpos

import (
	"bytes"

	"github.com/BurntSushi/toml"
)

// ErrorOffset is the byte offset in src of a BurntSushi/toml syntax error,
// or -1 when the error carries no offset. The parser reads past a
// byte-order mark before it counts, so its offsets in a file saved with
// one (Notepad and Word do this) are short by the mark's length; every
// column reported after a syntax error would be off by it.
func ErrorOffset(src []byte, pe toml.ParseError) int {
	if pe.Position.Start <= 0 && pe.Position.Line > 1 {
		return -1
	}
	off := pe.Position.Start
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		off += 3
	case bytes.HasPrefix(src, []byte("\xff\xfe")), bytes.HasPrefix(src, []byte("\xfe\xff")):
		off += 2
	}
	return min(off, len(src))
}
