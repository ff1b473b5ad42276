//go:build !race

package main

// raceEnabled is set under go test -race; see race_test.go.
const raceEnabled = false
