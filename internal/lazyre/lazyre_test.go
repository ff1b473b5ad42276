package lazyre

import (
	"sync"
	"testing"
)

func TestLazy(t *testing.T) {
	r := New(`a(b+)`)
	if r.re != nil {
		t.Fatal("compiled before first use")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := r.FindStringSubmatch("xabbb"); len(got) != 2 || got[1] != "bbb" {
				t.Errorf("FindStringSubmatch = %q", got)
			}
		})
	}
	wg.Wait()
	if !r.MatchString("ab") || r.MatchString("b") {
		t.Error("MatchString")
	}
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern did not panic on first use")
		}
	}()
	New(`(`).MatchString("")
}
