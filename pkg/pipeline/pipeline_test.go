package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
)

func library() *layout.Library { return layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts()) }

// Every example loads with no errors and renders.
func TestLoadExamples(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.toml")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	lib := library()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		job, list := Load(f, src, Options{Layouts: lib, Today: time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC)})
		if job == nil || list.HasErrors() {
			t.Fatalf("%s: %v", f, list)
		}
		var buf bytes.Buffer
		if _, err := job.Render(&buf, render.Options{}); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Errorf("%s: render: %v", f, err)
		}
	}
}

// An archived release is imported only when asked; otherwise it is refused
// with a message saying to import it. Imported, it renders to the same
// PDF as the statement it was typed as.
func TestLoadImports(t *testing.T) {
	lib := library()
	src, err := os.ReadFile("../../examples/archive/seed-statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	if job, list := Load("seed.txt", src, Options{Layouts: lib}); job != nil || !strings.Contains(fmt.Sprint(list), "pressroom import seed.txt") {
		t.Errorf("without Import: %v", list)
	}
	job, list := Load("seed.txt", src, Options{Layouts: lib, Import: true})
	if job == nil || job.Imported == nil {
		t.Fatalf("with Import: %v", list)
	}
	want, err := os.ReadFile("../../examples/seed-statement.toml")
	if err != nil {
		t.Fatal(err)
	}
	typed, list := Load("seed-statement.toml", want, Options{Layouts: lib})
	if typed == nil {
		t.Fatal(list)
	}
	var a, b bytes.Buffer
	if _, err := job.Render(&a, render.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := typed.Render(&b, render.Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the imported seed's PDF differs from the typed statement's")
	}
}

func TestDatesFrom(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.FixedZone("x", 3600))
	d, err := DatesFrom("", now)
	if err != nil || !d.Created.IsZero() || !d.Today.Equal(now) || d.Fixed {
		t.Errorf("unset: %+v %v", d, err)
	}
	d, err = DatesFrom("1734393600", now)
	if err != nil || !d.Created.Equal(time.Unix(1734393600, 0)) || !d.Today.Equal(d.Created) || !d.Fixed {
		t.Errorf("set: %+v %v", d, err)
	}
	if _, err := DatesFrom("yesterday", now); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH must be a number") {
		t.Errorf("bad: %v", err)
	}
}
