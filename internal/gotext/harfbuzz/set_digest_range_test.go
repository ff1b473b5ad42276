package harfbuzz

import "testing"

// A range wide enough to fill one sub-digest (shift 0 saturates after 64
// glyphs) must not stop later ranges from reaching the other two: the
// digest may only answer "not there" for glyphs that were never added.
// Before the fix, addRange returned as soon as any one sub-digest was full,
// so Coverage tables added in ranges (a cursive attachment lookup, say)
// were skipped for glyphs such as 1000 below (go-text issue 278).
func TestDigestAddRangeAfterOneFull(t *testing.T) {
	var sd setDigest
	sd.addRange(0, 100)
	sd.addRange(1000, 1001)
	sd.addRange(3000, 3000)
	for _, g := range []setType{0, 50, 100, 1000, 1001, 3000} {
		if !sd.mayHave(g) {
			t.Errorf("glyph %d was added but mayHave says it is not there", g)
		}
	}
	var full setDigest
	for i := range full {
		full[i] = all
	}
	full.addRange(5, 9) // all full: nothing to add, nothing to lose
	if full != (setDigest{all, all, all}) {
		t.Errorf("a full digest changed: %x", full)
	}
}
