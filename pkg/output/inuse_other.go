//go:build !windows

package output

// heldOpen is false: outside Windows a rename replaces a file that other
// programs hold open (they keep reading the old one).
func heldOpen(error) bool { return false }
