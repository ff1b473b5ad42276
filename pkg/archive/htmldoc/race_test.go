//go:build race

package htmldoc

// raceEnabled skips the large-page tests under the race detector, which
// makes them minutes long and checks nothing there (Read is sequential).
const raceEnabled = true
