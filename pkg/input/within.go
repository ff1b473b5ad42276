package input

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
)

// Within returns the path to read for path when it lies inside one of the
// folders roots, with every symlink followed, so that a name written in a
// file from elsewhere (a statement's layout, a layout's logo) cannot lead
// out of the folders the user gave, by "..", an absolute path or a
// symlink. The path returned is the resolved one: reading it reads what
// was checked, not what a symlink may be changed to point at since.
//
// With no roots, path is returned as it is: anything may be read. A path
// that does not exist is judged by its name alone, and returned, so that
// reading it says it is missing. Outside every root, the error is an
// *Error whose Hint is hint.
func Within(path string, roots []string, hint string) (string, error) {
	if len(roots) == 0 {
		return path, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	missing := errors.Is(err, fs.ErrNotExist)
	if err != nil && !missing {
		return "", err
	}
	if missing {
		real = abs
	}
	for _, r := range roots {
		rabs, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		if inside(real, rabs) || missing && inside(abs, rabs) {
			return real, nil
		}
		if rreal, err := filepath.EvalSymlinks(rabs); err == nil && inside(real, rreal) {
			return real, nil
		}
	}
	reason := "is outside " + folders(roots)
	if !missing && real != abs {
		reason = "leads (through a symlink) to " + real + ", outside " + folders(roots)
	}
	return "", &Error{Path: path, Reason: reason, Hint: hint}
}

func inside(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// folders names the roots for a message as the user knows them: a
// statement given as a.toml has the root ".", which is "the current
// folder" to a reader, not "the folder .".
func folders(roots []string) string {
	var names []string
	for _, r := range roots {
		name := filepath.Clean(r)
		if name == "." {
			name = "the current folder"
		}
		names = append(names, name)
	}
	if len(names) == 1 && names[0] == "the current folder" {
		return names[0]
	}
	if len(names) == 1 {
		return "the folder " + names[0]
	}
	return "the folders " + strings.Join(names, ", ")
}
