package layout

import (
	"strings"

	"github.com/pressroom/pressroom/internal/tomlpos"
	"github.com/pressroom/pressroom/pkg/diag"
)

// spot is where a key and its value start in a layout file.
type spot struct {
	key, value diag.Pos
}

// locateKeys finds where each key of a layout file is written, by dotted
// name ("colours.primary"; a table header gives its own name, at its
// opening bracket), with the TOML locator (internal/tomlpos). A key is
// placed where its line or inline-table entry starts ("body.size = 11" at
// "body"), also for the tables a dotted key passes through; the tables a
// header's leading parts make are not placed. A name written several times
// (an array of tables, inline tables in a list) is placed where it is
// first written. It is only called on files the TOML parser has accepted
// and pkg/shape has let through; a key it did not place is reported at
// the start of the file.
func locateKeys(file string, src []byte) map[string]spot {
	first := map[string]tomlpos.Place{}
	for _, p := range tomlpos.Locate(src, maxDepth) {
		if p.Element || p.Implicit && p.FromHeader(src) {
			continue
		}
		name := strings.Join(p.Parts, ".")
		if old, ok := first[name]; ok && old.Start <= p.Start {
			continue
		}
		first[name] = p
	}
	index := tomlpos.NewIndex(src)
	at := func(off int) diag.Pos {
		line, col := index.Pos(off)
		return diag.Pos{File: file, Line: line, Col: col}
	}
	spots := make(map[string]spot, len(first))
	for name, p := range first {
		value := p.Value
		if value < 0 {
			value = p.Start
		}
		spots[name] = spot{key: at(p.Start), value: at(value)}
	}
	return spots
}

// withKeys names, in each diagnostic that has none, the key written at its
// position, for --format json: the messages were written against positions,
// and the locator is the one place that knows which key is where.
func withKeys(list diag.List, spots map[string]spot) diag.List {
	at := map[diag.Pos]string{}
	for k, sp := range spots {
		for _, p := range []diag.Pos{sp.key, sp.value} {
			if p.Line > 0 && (at[p] == "" || len(k) > len(at[p])) {
				// A table header and its first key can share a
				// position only through odd spacing; the longer name
				// is the more precise.
				at[p] = k
			}
		}
	}
	for i := range list {
		if list[i].Key == "" {
			list[i].Key = at[list[i].Pos]
		}
	}
	return list
}
