// Package tomlpos finds where things are written in a TOML file, which
// BurntSushi/toml keeps to itself beyond syntax errors: where each key and
// each value starts (Locate), which file byte each byte of a decoded
// string came from (ReadString), and the line and column of a byte offset
// (Index). It is the one TOML position locator: statements and layouts
// both place their diagnostics with it.
//
// Locate is meant for files the TOML parser has accepted. On anything
// else it still ends, in time and memory in proportion to the input, but
// what it finds means nothing.
package tomlpos
