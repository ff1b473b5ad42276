//go:build race

package hyphenate

// raceEnabled is set under go test -race, whose instrumentation moves
// some values to the heap: allocation counts are not the program's then.
const raceEnabled = true
