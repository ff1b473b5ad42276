// Package bench times pressroom in-process: one render of the seed
// statement, and a batch of its variants on every CPU. run.sh beside this
// file times whole processes and compares them with Typst.
//
//	go test -run '^$' -bench . -benchmem ./bench
package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/batch"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
	"github.com/pressroom/pressroom/pkg/statement"
)

const seedPath = "../examples/seed-statement.toml"

func loadSeed(b *testing.B) ([]byte, *statement.Statement, *layout.Library, *layout.Layout) {
	b.Helper()
	src, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	s, list := statement.Parse(seedPath, src, statement.Options{})
	if list.HasErrors() {
		b.Fatal(list)
	}
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	l, list := lib.Load(s.Layout, filepath.Dir(seedPath))
	if list.HasErrors() {
		b.Fatal(list)
	}
	return src, s, lib, l
}

// BenchmarkRender is one render of the seed statement in a warm process:
// the layout (fonts, logo) is loaded once, as in a batch.
func BenchmarkRender(b *testing.B) {
	_, s, _, l := loadSeed(b)
	cache := render.NewCache()
	for _, std := range []struct {
		name  string
		plain bool
	}{{"ua-a", false}, {"plain", true}} {
		b.Run(std.name, func(b *testing.B) {
			b.ReportAllocs()
			var bytes int64
			for b.Loop() {
				w := &counter{}
				if _, err := render.RenderStatement(w, s, l, render.Options{Version: pressroom.Version, Plain: std.plain, Cache: cache}); err != nil {
					b.Fatal(err)
				}
				bytes = w.n
			}
			b.ReportMetric(float64(bytes), "pdf-bytes")
		})
	}
}

// BenchmarkParseAndRender adds parsing the statement, as each batch
// document does.
func BenchmarkParseAndRender(b *testing.B) {
	src, _, lib, _ := loadSeed(b)
	cache := render.NewCache()
	b.ReportAllocs()
	for b.Loop() {
		s, list := statement.Parse(seedPath, src, statement.Options{})
		if list.HasErrors() {
			b.Fatal(list)
		}
		l, _ := lib.Load(s.Layout, filepath.Dir(seedPath))
		if _, err := render.RenderStatement(io.Discard, s, l, render.Options{Version: pressroom.Version, Cache: cache}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatch renders 100 variants of the seed with pkg/batch on every
// CPU, files and all, and reports documents per second.
func BenchmarkBatch(b *testing.B) {
	src, _, lib, _ := loadSeed(b)
	dir := b.TempDir()
	const n = 100
	for i := range n {
		v := strings.Replace(string(src), `headline = "`, fmt.Sprintf(`headline = "No. %d: `, i), 1)
		path := filepath.Join(dir, "in", fmt.Sprintf("s%03d.toml", i))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(v), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cache := render.NewCache()
	prepare := func(ctx context.Context, file string, src []byte) (batch.Document, error) {
		s, list := statement.Parse(file, src, statement.Options{})
		if list.HasErrors() {
			return batch.Document{}, &diag.ListError{List: list}
		}
		l, list := lib.Load("default", "")
		if list.HasErrors() {
			return batch.Document{}, &diag.ListError{List: list}
		}
		return batch.Document{Write: func(w io.Writer) (int, diag.List, error) {
			r, err := render.RenderStatement(w, s, l, render.Options{Version: pressroom.Version, Cache: cache})
			return r.Pages, r.Warnings, err
		}}, nil
	}
	b.ReportAllocs()
	docs := 0
	for b.Loop() {
		sum, err := batch.Run(context.Background(), batch.Options{
			Inputs: []string{filepath.Join(dir, "in")}, OutDir: filepath.Join(dir, "out"),
			Jobs: runtime.NumCPU(), Prepare: prepare,
		})
		if err != nil || sum.Rendered != n {
			b.Fatalf("%+v %v", sum, err)
		}
		docs += n
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
