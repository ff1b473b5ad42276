package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpExamples runs every example of every command's help, in an empty
// folder, as a newcomer would paste them: each must work.
func TestHelpExamples(t *testing.T) {
	t.Chdir(t.TempDir())
	getenv := func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1734393600"
		}
		return ""
	}
	var lines []string
	lines = append(lines, appHelpExamples...)
	for _, name := range []string{"new", "check", "render", "text", "html", "email", "layouts", "batch", "completion"} {
		lines = append(lines, helpExamples[name]...)
	}
	if len(lines) < len(helpExamples)+len(appHelpExamples) {
		t.Fatalf("a command with examples is not run here")
	}
	for _, line := range lines {
		if line == "pressroom new my-statement.toml" {
			os.Remove("my-statement.toml")
		}
		if strings.HasPrefix(line, "pressroom batch") {
			os.MkdirAll("statements", 0o755)
			src, _ := os.ReadFile("my-statement.toml")
			os.WriteFile(filepath.Join("statements", "a.toml"), src, 0o644)
		}
		var stdout, stderr bytes.Buffer
		if code := run(shellWords(line), strings.NewReader(""), &stdout, &stderr, getenv); code != exitOK {
			t.Errorf("%s: exit %d\n%s", line, code, stderr.String())
		}
	}
	// Every flag names what it takes (--layout NAME), never "value".
	for _, c := range commands(&env{}) {
		var stdout, stderr bytes.Buffer
		run([]string{"pressroom", c.Name, "--help"}, strings.NewReader(""), &stdout, &stderr, getenv)
		if strings.Contains(stdout.String(), " value ") {
			t.Errorf("pressroom %s --help has a flag taking \"value\":\n%s", c.Name, stdout.String())
		}
	}
	for name := range helpExamples {
		var stdout, stderr bytes.Buffer
		run([]string{"pressroom", name, "--help"}, strings.NewReader(""), &stdout, &stderr, getenv)
		if !strings.Contains(stdout.String(), "\nEXAMPLES:\n   pressroom "+name) {
			t.Errorf("pressroom %s --help has no examples:\n%s", name, stdout.String())
		}
	}
}

// shellWords splits a command line as a shell would, for the simple
// quoting the examples use.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, in := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				words = append(words, w.String())
				w.Reset()
			}
			in = false
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}
