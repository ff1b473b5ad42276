//go:build !race

package hyphenate

const raceEnabled = false
