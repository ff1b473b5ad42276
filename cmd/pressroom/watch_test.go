package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/render"
)

// lockedBuffer is a bytes.Buffer the watcher writes to while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitFor polls cond until it holds, failing after a generous timeout:
// file-system events on a busy machine can take a while, and the test
// must not depend on how long.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// saveByRename writes data as editors do: to a new file, renamed over
// the old one.
func saveByRename(t *testing.T, path string, data []byte) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// watch renders on start and after each save; a save with an error
// prints it and leaves the last good PDF; Ctrl-C stops it with 130. Two
// edits, one of them broken: the PDF changes exactly once.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "statement.toml")
	pdf := filepath.Join(dir, "statement.pdf")
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "holding-statement.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	e := &env{stdout: &bytes.Buffer{}, stderr: &stderr, getenv: func(string) string { return "" },
		layouts: layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())}
	var mu sync.Mutex
	renders := 0
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- e.watch(ctx, renderJob{file: file, today: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC),
			opts: render.Options{Created: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), Version: "test", Plain: true}},
			func() { mu.Lock(); renders++; mu.Unlock() })
	}()
	count := func() int { mu.Lock(); defer mu.Unlock(); return renders }
	read := func() []byte { b, _ := os.ReadFile(pdf); return b }

	waitFor(t, "the first PDF", func() bool { return count() >= 1 && len(read()) > 0 })
	waitFor(t, "the watcher to start", func() bool { return strings.Contains(stderr.String(), "watching ") })
	first := read()

	// A good edit: a new headline. The PDF changes.
	good := bytes.Replace(src, []byte("Statement on the closure"), []byte("Update on the closure"), 1)
	saveByRename(t, file, good)
	waitFor(t, "the PDF to change after a good save", func() bool { return !bytes.Equal(read(), first) && count() >= 2 })
	second := read()
	if !bytes.Contains([]byte(stderr.String()), []byte("wrote ")) {
		t.Errorf("no 'wrote' line:\n%s", stderr.String())
	}

	// A broken edit: the date is text. The error is printed, the PDF stays.
	n := count()
	broken := bytes.Replace(good, []byte("date = 2025-03-04"), []byte(`date = "4 March 2025"`), 1)
	saveByRename(t, file, broken)
	waitFor(t, "the error of a broken save", func() bool { return count() > n && strings.Contains(stderr.String(), "no PDF written") })
	if !bytes.Equal(read(), second) {
		t.Error("a save with an error replaced the last good PDF")
	}
	if !strings.Contains(stderr.String(), "statement.toml:") {
		t.Errorf("the error has no position:\n%s", stderr.String())
	}

	// Ctrl-C.
	cancel()
	select {
	case err := <-done:
		var ee exitError
		if !errors.As(err, &ee) || ee.code != exitInterrupted {
			t.Errorf("watch ended with %v, want exit %d", err, exitInterrupted)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("watch did not stop after Ctrl-C")
	}
	if !strings.Contains(stderr.String(), "stopped watching") {
		t.Errorf("no goodbye:\n%s", stderr.String())
	}
	// first → second was the one change: the broken save changed nothing.
	if bytes.Equal(first, second) {
		t.Error("the good save did not change the PDF")
	}
}

// A save of the statement's layout file renders again, with the layout
// read afresh (not the cached one).
func TestWatchLayout(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"statement.toml", "statement.cy.toml", "layout.toml", "logo.png", "logo.svg"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "custom-brand", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf := filepath.Join(dir, "statement.pdf")
	var stderr lockedBuffer
	e := &env{stdout: &bytes.Buffer{}, stderr: &stderr, getenv: func(string) string { return "" },
		layouts: layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	day := time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)
	go func() {
		done <- e.watch(ctx, renderJob{file: filepath.Join(dir, "statement.toml"), today: day,
			opts: render.Options{Created: day, Version: "test", Plain: true}}, nil)
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Error("watch did not stop")
		}
	}()
	read := func() []byte { b, _ := os.ReadFile(pdf); return b }
	waitFor(t, "the watcher to start", func() bool { return strings.Contains(stderr.String(), "watching ") && len(read()) > 0 })
	first := read()
	lay := filepath.Join(dir, "layout.toml")
	data, err := os.ReadFile(lay)
	if err != nil {
		t.Fatal(err)
	}
	saveByRename(t, lay, append(data, []byte("\n# a comment changes no page\n")...))
	waitFor(t, "a render after the layout's save", func() bool { return strings.Count(stderr.String(), "wrote ") >= 2 })
	if !bytes.Equal(read(), first) {
		t.Error("a comment in the layout changed the PDF")
	}
	saveByRename(t, lay, bytes.Replace(data, []byte("[colours]\n"), []byte("[colours]\nbackground = \"#FFF8E7\"\n"), 1))
	waitFor(t, "the PDF to change after the layout's colours changed", func() bool { return !bytes.Equal(read(), first) })

	// The Welsh translation is half of the bilingual PDF: saving it
	// renders again too.
	second := read()
	cy := filepath.Join(dir, "statement.cy.toml")
	cyData, err := os.ReadFile(cy)
	if err != nil {
		t.Fatal(err)
	}
	saveByRename(t, cy, bytes.Replace(cyData, []byte("headline = \""), []byte("headline = \"NEWYDD: "), 1))
	waitFor(t, "the PDF to change after the translation's save", func() bool { return !bytes.Equal(read(), second) })
}
