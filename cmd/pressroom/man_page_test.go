//go:build !urfave_cli_no_docs

package main

import (
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/golden"
)

// TestManPageIsCurrent: the manual page pressroom prints is the one
// urfave/cli makes from today's commands and flags, so a new flag or a
// changed usage cannot leave the page behind.
func TestManPageIsCurrent(t *testing.T) {
	app := newApp(&env{stdin: strings.NewReader(""), stdout: os.Stdout, stderr: os.Stderr, getenv: func(string) string { return "" }})
	// Run does this before any command: it adds --help and the help
	// command, which the page lists.
	app.Setup()
	want, err := app.ToManWithSection(1)
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() {
		if err := os.WriteFile("pressroom.1", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if manPage != want {
		t.Errorf("pressroom.1 is not the page the commands make today; write it again with\n\tgo test ./cmd/pressroom -run TestManPageIsCurrent -update\nand read the diff")
	}
}
