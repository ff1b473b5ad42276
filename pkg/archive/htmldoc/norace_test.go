//go:build !race

package htmldoc

const raceEnabled = false
