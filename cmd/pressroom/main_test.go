package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pressroom/pressroom/internal/golden"
)

// TestMain lets the testscript scripts run "pressroom" as a command: the
// test binary re-executes itself and calls run, so scripts exercise the
// real flags, output and exit codes without a separate build.
func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"pressroom": func() int { return run(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Getenv) },
	}))
}

// TestScripts runs every testdata/script/*.txtar. go test -update (or
// UPDATE_SCRIPTS=1) rewrites their expected output from what the program
// prints now.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update() || os.Getenv("UPDATE_SCRIPTS") == "1",
		Setup: func(env *testscript.Env) error {
			// Dates in warnings depend on today; pin it so scripts are stable.
			env.Setenv("SOURCE_DATE_EPOCH", "1734393600") // 2024-12-17
			// Scripts copy the real examples with: cp $EXAMPLES/NAME.toml .
			examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
			if err != nil {
				return err
			}
			env.Setenv("EXAMPLES", examples)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":   exitsCmd,
			"json":    jsonCmd,
			"waitfor": waitforCmd,
		},
	})
}

// exitsCmd is "exits CODE PROGRAM ARGS...": it runs PROGRAM like exec and
// fails unless it exits with exactly CODE, because exec alone cannot tell
// an input problem (1) from misuse (2). Its stdout and stderr can then be
// matched as after exec.
func exitsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// jsonCmd is "json FILE PATH WANT": it parses FILE as JSON and fails unless
// the value at PATH (keys and list indexes joined by dots, e.g.
// files.0.diagnostics.1.pos.line) prints as WANT. "json FILE PATH" only
// asks that the value exists; "! json FILE PATH" that it does not.
func jsonCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: json FILE PATH [WANT]")
	}
	var v any
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &v); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	for _, step := range strings.Split(args[1], ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[step]
		case []any:
			i, err := strconv.Atoi(step)
			if err != nil || i < 0 || i >= len(x) {
				v = nil
			} else {
				v = x[i]
			}
		default:
			v = nil
		}
	}
	if neg {
		if v != nil {
			ts.Fatalf("%s: %s is %v, want nothing", args[0], args[1], v)
		}
		return
	}
	if v == nil {
		ts.Fatalf("%s: no %s", args[0], args[1])
	}
	if len(args) == 3 && fmt.Sprint(v) != args[2] {
		ts.Fatalf("%s: %s is %q, want %q", args[0], args[1], fmt.Sprint(v), args[2])
	}
}

// waitforCmd is "waitfor FILE": it polls until FILE exists and is not
// empty, failing after a minute, for scripts that start a command in
// the background (watch) and must not guess how long it takes.
func waitforCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfor FILE")
	}
	path := ts.MkAbs(args[0])
	deadline := time.Now().Add(time.Minute)
	for {
		if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("waitfor: %s did not appear within a minute", args[0])
		}
		time.Sleep(50 * time.Millisecond)
	}
}
