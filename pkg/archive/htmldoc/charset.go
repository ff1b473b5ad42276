package htmldoc

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/pressroom/pressroom/internal/lazyre"
)

// declaredCharset finds a <meta charset> or a Content-Type meta's
// charset in the page's head.
var declaredCharset = lazyre.New(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)`)

// decode returns the page as UTF-8 text. A byte-order mark wins; then a
// declared character set; a page that declares none, or declares a
// single-byte set but is valid UTF-8, is read as UTF-8, and one that is
// not valid UTF-8 as Windows-1252 (what browsers do).
func decode(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")):
		return toValid(src[3:])
	case bytes.HasPrefix(src, []byte("\xFF\xFE")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), src)
	case bytes.HasPrefix(src, []byte("\xFE\xFF")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), src)
	}
	head := src
	if len(head) > 16<<10 {
		head = head[:16<<10]
	}
	valid := utf8.Valid(src)
	if m := declaredCharset.FindSubmatch(head); m != nil {
		if enc, name := charset.Lookup(string(m[1])); enc != nil {
			switch {
			case name == "utf-8", strings.HasPrefix(name, "utf-16"):
				// A page saved as UTF-8 often keeps a stale UTF-16 label.
				return toValid(src)
			case valid && !isASCII(src):
				// Declared a legacy set, but the bytes are UTF-8.
				return string(src)
			}
			return decodeWith(enc, src)
		}
	}
	if valid {
		return string(src)
	}
	return decodeWith(charmap.Windows1252, src)
}

func decodeWith(enc encoding.Encoding, src []byte) string {
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return toValid(src)
	}
	return toValid(out)
}

// toValid returns b as a string with invalid UTF-8 replaced by U+FFFD.
func toValid(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
