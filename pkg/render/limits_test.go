package render

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// hostile builds a statement whose summary is body, in a literal string
// so that backslashes stay as they are.
func hostile(body string) []byte {
	return []byte("headline = 'Many'\ndate = 2024-12-17\nsummary = '''\n" + body + "\n'''\n[[contacts]]\nname = 'P'\nemail = 'p@example.org'\n")
}

// emails is n bare e-mail addresses, each of which becomes a link.
func emails(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "u%d@ex.uk ", i)
	}
	return b.String()
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A statement over a limit on a document's work is refused by Check (and
// so by render, batch and check alike) before anything is typeset, with a
// message naming the limit at the text that goes over it, and at a cost
// far below a render's.
func TestLimitsRefuseBeforeTypesetting(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, list := lib.Load("default", "")
	if list.HasErrors() {
		t.Fatal(list)
	}
	cases := []struct {
		name, body string
		want       string
		line       int
	}{
		{"links", emails(10_000), "summary has 10,000 links; a statement may have at most 2,000", 4},
		{"characters", strings.Repeat("lorem ipsum ", 20_000), "summary has 240,001 characters; a statement may have at most 200,000 characters of text", 4},
		{"paragraphs", strings.Repeat("a\n\n", 6000), "summary has 6,000 paragraphs and list items; a statement may have at most 5,000", 4},
		{"pages", strings.Repeat("a\\\n", 30_000), "a release may have at most 200 (the longest text, summary, starts here)", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, plist := statement.Parse("hostile.toml", hostile(c.body), statement.Options{})
			if plist.HasErrors() {
				t.Fatal(plist)
			}
			var err error
			cost := allocated(func() { _, err = RenderStatement(io.Discard, s, l, Options{}) })
			le, ok := err.(*diag.ListError)
			if !ok || len(le.List) != 1 || !strings.Contains(le.List[0].Message, c.want) || le.List[0].Pos.Line != c.line || le.List[0].Hint == "" {
				t.Fatalf("got %v; want one error on line %d saying %q, with a hint", err, c.line, c.want)
			}
			// Refusing costs at most what typesetting 200 pages would.
			if cost > 256<<20 {
				t.Errorf("refusing allocated %d MB", cost>>20)
			}
		})
	}
	// The links error points at the first link over the limit.
	s, _ := statement.Parse("hostile.toml", hostile(emails(2001)), statement.Options{})
	list = Check(s, l)
	if len(list) != 1 || list[0].Pos.Line != 4 || list[0].Pos.Col != strings.Index(emails(2001), "u2000@")+1 {
		t.Errorf("got %v; want the error at the 2,001st address, 4:%d", list, strings.Index(emails(2001), "u2000@")+1)
	}
}

// worstUnderLimits is a statement at the limits: 1,998 links, 4,400
// paragraphs, 180,000 characters, 170 pages.
func worstUnderLimits() []byte {
	var paras []string
	for i := range 4400 {
		p := "lorem lorem lorem lorem lorem"
		if i < 1998 {
			p += fmt.Sprintf(" **u%d@ex.uk** *%d*", i, i)
		}
		paras = append(paras, p)
	}
	return hostile(strings.Join(paras, "\n\n"))
}

// The worst statement within the limits renders in bounded memory: the
// bytes allocated over the whole render (an upper bound of its peak) stay
// far under the 512 MB a document may use.
func TestWorstUnderLimitsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 170 pages")
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, _ := lib.Load("default", "")
	s, list := statement.Parse("worst.toml", worstUnderLimits(), statement.Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	var res Result
	var err error
	cost := allocated(func() { res, err = RenderStatement(io.Discard, s, l, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 100 || res.Pages > MaxPages {
		t.Errorf("%d pages; the case is meant to be near the limit", res.Pages)
	}
	if cost > 512<<20 {
		t.Errorf("rendering the worst statement within the limits allocated %d MB in all; want under 512 MB", cost>>20)
	}
	t.Logf("%d pages, %d MB allocated in all", res.Pages, cost>>20)
}

// BenchmarkRenderWorstUnderLimits renders the statement at the limits.
func BenchmarkRenderWorstUnderLimits(b *testing.B) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, _ := lib.Load("default", "")
	s, _ := statement.Parse("worst.toml", worstUnderLimits(), statement.Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderStatement(io.Discard, s, l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
