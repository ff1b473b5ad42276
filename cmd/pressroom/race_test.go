//go:build race

package main

// raceEnabled is set under go test -race, which makes rendering about ten
// times slower: tests that render hundreds of documents render fewer.
const raceEnabled = true
