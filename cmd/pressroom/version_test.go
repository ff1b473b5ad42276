package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/pressroom/pressroom"
)

func TestVersionFacts(t *testing.T) {
	const sha = "9c5c15d2a1b3e4f5a6b7c8d9e0f1a2b3c4d5e6f7"
	vcs := func(mainVersion string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/pressroom/pressroom", Version: mainVersion}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	tests := []struct {
		name                string
		ldVersion, ldCommit string
		ldDate              string
		bi                  *debug.BuildInfo
		want                string
	}{
		{"release build: ldflags win", "v1.2.0", sha, "2026-12-06T03:48:13Z",
			vcs("v1.2.0", "vcs.revision", "other", "vcs.time", "2000-01-01T00:00:00Z", "vcs.modified", "true"),
			"v1.2.0 (commit " + sha + ", 2026-12-06T03:48:13Z)"},
		{"go install @v1.2.0: the module version only", "", "", "", vcs("v1.2.0"), "v1.2.0"},
		{"go install @commit: the pseudo-version's commit and time", "", "", "",
			vcs("v0.0.0-20261206034813-9c5c15d2a1b3"),
			"v0.0.0-20261206034813-9c5c15d2a1b3 (commit 9c5c15d2a1b3, 2026-12-06T03:48:13Z)"},
		{"go install @commit after a tag", "", "", "",
			vcs("v1.2.1-0.20261206034813-9c5c15d2a1b3"),
			"v1.2.1-0.20261206034813-9c5c15d2a1b3 (commit 9c5c15d2a1b3, 2026-12-06T03:48:13Z)"},
		{"go build in a checkout: vcs settings", "", "", "",
			vcs("v0.0.0-20261206034813-9c5c15d2a1b3", "vcs.revision", sha, "vcs.time", "2026-12-06T03:48:13Z", "vcs.modified", "false"),
			"v0.0.0-20261206034813-9c5c15d2a1b3 (commit " + sha + ", 2026-12-06T03:48:13Z)"},
		{"go build with uncommitted changes", "", "", "",
			vcs("v0.0.0-20261206034813-9c5c15d2a1b3+dirty", "vcs.revision", sha, "vcs.time", "2026-12-06T03:48:13Z", "vcs.modified", "true"),
			"v0.0.0-20261206034813-9c5c15d2a1b3+dirty (commit " + sha + " with uncommitted changes, 2026-12-06T03:48:13Z)"},
		{"go build without vcs (-buildvcs=false, go test)", "", "", "", vcs("(devel)"), pressroom.Version},
		{"no build information", "", "", "", nil, pressroom.Version},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readFacts(tt.ldVersion, tt.ldCommit, tt.ldDate, tt.bi).String()
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			// Deterministic: the same build says the same thing.
			if again := readFacts(tt.ldVersion, tt.ldCommit, tt.ldDate, tt.bi).String(); again != got {
				t.Errorf("second call gave %q", again)
			}
		})
	}
}

func TestVersionFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"pressroom", "--version"}, strings.NewReader(""), &out, &errb, func(string) string { return "" }); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if want := "pressroom version " + versionString() + "\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
