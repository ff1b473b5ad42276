package statement

import (
	"runtime"
	"strings"
	"testing"
)

// The key locator's own tests are in internal/tomlpos.

// A hostile statement is refused by the shape check before it is parsed,
// at the place it goes too deep, at a cost in proportion to its size.
func TestParseRefusesDeepNestingCheaply(t *testing.T) {
	for name, src := range map[string]string{
		"arrays":        "headline = \"x\"\nkeywords = " + strings.Repeat("[", 200_000),
		"inline tables": "headline = \"x\"\nkeywords = " + strings.Repeat("{a=", 10_000) + "1" + strings.Repeat("}", 10_000),
		"keys":          "headline = \"x\"\n" + strings.Repeat("k = 1\n", 20_000),
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, list := Parse("hostile.toml", []byte(src), Options{})
		runtime.ReadMemStats(&after)
		if len(list) != 1 || list[0].Pos.Line < 2 || !strings.Contains(list[0].Message, "a statement") {
			t.Errorf("%s: got %v; want one error, placed, naming the limit", name, list)
		}
		if got := after.TotalAlloc - before.TotalAlloc; got > 16*uint64(len(src)) {
			t.Errorf("%s: refusing a %d-byte file allocated %d bytes", name, len(src), got)
		}
	}
}
