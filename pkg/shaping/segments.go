package shaping

import (
	"github.com/pressroom/pressroom/internal/gotext/bidi"
	"github.com/pressroom/pressroom/internal/gotext/language"
)

// Segment is a piece of a paragraph with one script and one bidi level.
// Start and End are byte offsets into the paragraph; Script is an ISO
// 15924 code ("Arab", "Beng", "Latn"; "Zyyy" for a piece made only of
// common characters, such as a phone number between Urdu words); Level is
// the bidi embedding level (odd: right to left).
type Segment struct {
	Start, End int
	Script     string
	Level      uint8
}

// Segments splits a paragraph (logical order) by script and bidi level
// (Unicode Bidirectional Algorithm, paragraph direction rtl or ltr);
// common characters (spaces, digits, punctuation) join the neighbouring
// script as UAX #24 says: the script before them at the same level, or
// the one after them at the start of a level run. Levels come from
// go-text's bidi package, which applies rule L1 to the end of the text
// (trailing spaces take the paragraph's level) but not per line: that is
// the line breaker's. The segments cover text in order, without gaps.
func Segments(text string, rtl bool) []Segment {
	if text == "" {
		return nil
	}
	n := 0
	for range text {
		n++
	}
	levels := make([]uint8, n)
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	// go-text's bidi stops before a paragraph separator (a newline,
	// U+2029): the separator, a hard line break within a paragraph of the
	// statement, takes the paragraph's level (rule L1) and the text after
	// it is run again with the same direction. Runs split where the
	// direction changes and carry the level of their first character;
	// levels of one direction differ inside a run only with explicit
	// embedding controls (U+202A…), which statements do not use.
	base := uint8(0)
	if rtl {
		base = 1
	}
	var p bidi.Paragraph
	rest, done := []rune(text), 0
	for done < n {
		runs := p.Segment(rest[done:], dir)
		consumed := 0
		for i := 0; i < runs.NumRuns(); i++ {
			r := runs.Run(i)
			for j := r.Start; j < r.End && done+j < n; j++ {
				levels[done+j] = uint8(r.Level)
			}
			consumed = max(consumed, r.End)
		}
		done += consumed
		if done < n {
			levels[done] = base // the separator bidi stopped at
			done++
		}
	}

	var segs []Segment
	chars := make([]char, 0, n)
	for off, r := range text {
		chars = append(chars, char{off, language.LookupScript(r)})
	}
	// Within each run of one level, common and inherited characters take
	// the script before them, or after them when none comes before.
	for start := 0; start < n; {
		end := start + 1
		for end < n && levels[end] == levels[start] {
			end++
		}
		resolve(chars[start:end])
		for i := start; i < end; {
			j := i + 1
			for j < end && chars[j].script == chars[i].script {
				j++
			}
			stop := len(text)
			if j < n {
				stop = chars[j].off
			}
			segs = append(segs, Segment{Start: chars[i].off, End: stop, Script: chars[i].script.String(), Level: levels[start]})
			i = j
		}
		start = end
	}
	return segs
}

// resolve gives common and inherited characters the script of their
// neighbours (UAX #24 section 5.2), in place; a run with no script of its
// own stays Common.
func resolve(chars []char) {
	first := language.Common
	for _, c := range chars {
		if c.script.Strong() && c.script != language.Unknown {
			first = c.script
			break
		}
	}
	cur := first
	for i := range chars {
		s := chars[i].script
		if s.Strong() && s != language.Unknown {
			cur = s
			continue
		}
		chars[i].script = cur
	}
}

// char is one character of a paragraph: its byte offset and script.
type char struct {
	off    int
	script language.Script
}

// VisualOrder returns the indices of a line's segments in display order
// (UAX #9 rule L2 on their levels): from the highest level down to the
// lowest odd one, every sequence of segments at that level or higher is
// reversed.
func VisualOrder(levels []uint8) []int {
	order := make([]int, len(levels))
	for i := range order {
		order[i] = i
	}
	if len(levels) == 0 {
		return order
	}
	highest, lowestOdd := uint8(0), uint8(255)
	for _, l := range levels {
		highest = max(highest, l)
		if l%2 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	for level := highest; level >= lowestOdd && level > 0; level-- {
		for i := 0; i < len(levels); {
			if levels[order[i]] < level {
				i++
				continue
			}
			j := i
			for j < len(levels) && levels[order[j]] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}
