package render

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// A render reuses what earlier renders learnt (hyphenation, kerning, the
// breaker's memory): whatever came before, and whatever runs beside it,
// each example gives the same bytes. Languages and layouts differ from
// one example to the next, so a memo keyed wrongly (by a face's number in
// its document rather than by font) or memory handed on while in use
// shows as a changed PDF, and under -race as a race.
func TestRenderOrderDoesNotMatter(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	type doc struct {
		name string
		s    *statement.Statement
		l    *layout.Layout
	}
	var docs []doc
	for _, file := range exampleFiles(t) {
		s, l := parseFile(t, lib, file)
		docs = append(docs, doc{exampleName(file), s, l})
	}
	render := func(d doc, plain bool) []byte {
		var buf bytes.Buffer
		if _, err := RenderStatement(&buf, d.s, d.l, Options{Version: pressroom.Version, Plain: plain}); err != nil {
			t.Errorf("%s: %v", d.name, err)
		}
		return buf.Bytes()
	}
	for _, plain := range []bool{false, true} {
		// Each first render is cold: a memo of its own, new. (No test
		// of this package runs in parallel with another.)
		first := make([][]byte, len(docs))
		for i, d := range docs {
			memos.mu.Lock()
			memos.idle = nil
			memos.mu.Unlock()
			first[i] = render(d, plain)
		}
		for i, d := range docs {
			if !bytes.Equal(render(d, plain), first[i]) {
				t.Errorf("%s (plain %v): rendered after the others, the PDF differs from its cold render", d.name, plain)
			}
		}
		for i, d := range slices.Backward(docs) {
			if !bytes.Equal(render(d, plain), first[i]) {
				t.Errorf("%s (plain %v): rendered after the others, the PDF differs from its cold render", d.name, plain)
			}
		}
		var wg sync.WaitGroup
		for i, d := range docs {
			wg.Go(func() {
				if !bytes.Equal(render(d, plain), first[i]) {
					t.Errorf("%s (plain %v): rendered beside the others, the PDF differs from its cold render", d.name, plain)
				}
			})
		}
		wg.Wait()
	}
}
