package main

import (
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/pressroom/pressroom"
)

// Set by release builds (see .goreleaser.yaml):
//
//	-ldflags "-X main.version=v1.2.3 -X main.commit=<sha> -X main.date=<commit date>"
//
// Other builds (go install, go build) leave them empty, and --version reads
// the same facts from the build information go records in the binary.
var (
	version string
	commit  string
	date    string
)

// buildFacts is what --version says about a binary.
type buildFacts struct {
	version  string // v1.2.3, or a pseudo-version for go install @<commit>
	commit   string // full or 12-hex-digit commit
	date     string // the commit's time (release builds: goreleaser's CommitDate), RFC 3339
	modified bool   // built from a tree with uncommitted changes
}

// versionString is the text after "pressroom version ": deterministic, from
// the build alone (no clock).
func versionString() string {
	bi, _ := debug.ReadBuildInfo()
	return readFacts(version, commit, date, bi).String()
}

// pseudo matches a pseudo-version's time and commit:
// v0.0.0-20261206034813-9c5c15d2a1b3, v1.2.4-0.20261206034813-9c5c15d2a1b3.
var pseudo = regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})(\+.*)?$`)

// readFacts prefers the linker's values, then go's build information
// (vcs.* settings for a build inside a checkout, the module version for
// go install), then pressroom.Version.
func readFacts(ldVersion, ldCommit, ldDate string, bi *debug.BuildInfo) buildFacts {
	f := buildFacts{version: ldVersion, commit: ldCommit, date: ldDate}
	if bi != nil {
		if f.version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			f.version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if f.commit == "" {
					f.commit = s.Value
				}
			case "vcs.time":
				if f.date == "" {
					f.date = s.Value
				}
			case "vcs.modified":
				f.modified = ldCommit == "" && s.Value == "true"
			}
		}
		// go install module@version records no vcs settings, but a
		// pseudo-version carries the commit and its time.
		if m := pseudo.FindStringSubmatch(bi.Main.Version); m != nil {
			if f.commit == "" {
				f.commit = m[2]
			}
			if f.date == "" {
				t := m[1]
				f.date = t[0:4] + "-" + t[4:6] + "-" + t[6:8] + "T" + t[8:10] + ":" + t[10:12] + ":" + t[12:14] + "Z"
			}
		}
	}
	if f.version == "" {
		f.version = pressroom.Version
	}
	return f
}

func (f buildFacts) String() string {
	var b strings.Builder
	b.WriteString(f.version)
	var extra []string
	if f.commit != "" {
		c := "commit " + f.commit
		if f.modified {
			c += " with uncommitted changes"
		}
		extra = append(extra, c)
	}
	if f.date != "" {
		extra = append(extra, f.date)
	}
	if len(extra) > 0 {
		b.WriteString(" (" + strings.Join(extra, ", ") + ")")
	}
	return b.String()
}
