package diag

import (
	"fmt"
	"strconv"
	"strings"
)

// TOMLMessage rewrites a message of the TOML parser (BurntSushi/toml) that
// a user could not act on into what is wrong and what to do, for
// statements and layouts alike. The hint is empty when the message is
// kept; the message then only loses its capital and full stop.
func TOMLMessage(msg string) (message, hint string) {
	msg = strings.TrimSuffix(msg, ".")
	// "TOML files cannot contain control characters: '0x01'"
	if _, code, ok := strings.Cut(msg, "cannot contain control characters: "); ok {
		n, err := strconv.ParseUint(strings.TrimPrefix(strings.Trim(code, "'"), "0x"), 16, 32)
		what := "an invisible control character"
		if err == nil {
			what = fmt.Sprintf("an invisible control character (U+%04X)", n)
		}
		return "the file has " + what + " here",
			"delete it (it usually comes in with text pasted from another program); for a line break in the text, use summary's \"\"\"…\"\"\""
	}
	// Lowercase the first word unless it is an acronym ("TOML").
	if len(msg) > 1 && msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' && msg[1] <= 'Z') {
		msg = string(msg[0]+'a'-'A') + msg[1:]
	}
	return msg, ""
}
