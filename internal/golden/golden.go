// Package golden holds the one -update flag of pressroom's tests, so that
// `go test ./... -update` rewrites every golden file and every expected
// diagnostic from what the code does now, in every package at once.
//
// go test passes -update to every test binary it runs, and a binary that
// does not know a flag fails; so every package with tests imports this
// one, with a blank import where it has no goldens of its own.
package golden

import "flag"

var update = flag.Bool("update", false, "rewrite golden files and expected diagnostics from what the code makes now")

// Update reports whether the tests should rewrite their goldens.
func Update() bool { return *update }
