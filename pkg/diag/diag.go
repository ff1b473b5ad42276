// Package diag holds the diagnostics every stage of pressroom reports: a
// position in a user's file, a severity, a message and an optional hint.
//
// Diagnostics are collected, not returned one at a time, so that a user sees
// every problem in a file at once.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Severity says whether a diagnostic stops the file from being rendered.
type Severity int

const (
	// Error means the file cannot be rendered until it is fixed.
	Error Severity = iota
	// Warning means the file renders, but something probably needs a look.
	Warning
)

// String returns the word used in messages and JSON: "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText lets JSON output carry the severity as a word.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a place in a user's file. Line and Col count from 1; Col counts
// characters (runes), not bytes, because that is what editors show. A zero
// Line means the diagnostic concerns the whole file.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"column,omitempty"`
}

// String formats the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return Path(p.File)
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", Path(p.File), p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", Path(p.File), p.Line, p.Col)
	}
}

// Path returns a file name as it may be shown on a terminal: as it is, or,
// when it holds a control or invisible format character, quoted as Go
// quotes strings ("a\x1b[2Jb.toml"). A name is chosen by whoever made the
// file, and an escape sequence or carriage return in it could rewrite or
// hide what the terminal shows. Every message that prints a path uses it.
func Path(name string) string {
	if strings.IndexFunc(name, unprintable) < 0 {
		return name
	}
	return strconv.Quote(name)
}

// Visible escapes the control and invisible format characters of a
// message that may hold a path inside it (an operating system's error),
// leaving the rest as it is.
func Visible(s string) string {
	if strings.IndexFunc(s, unprintable) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unprintable(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unprintable(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }

// Diagnostic is one problem found in a user's file.
type Diagnostic struct {
	Pos Pos `json:"pos"`
	// Key, when set, is the key of the user's file the diagnostic is
	// about, as the user writes it: "headline", "contacts[1].email"
	// (lists counted from 1). Editors use it to find the value when the
	// file has changed since the check.
	Key      string   `json:"key,omitempty"`
	Severity Severity `json:"severity"`
	// Message says what is wrong, in lowercase, without a final full stop.
	Message string `json:"message"`
	// Hint, when set, says what to write instead.
	Hint string `json:"hint,omitempty"`
}

// String formats the diagnostic as "file:line:col: severity: message" with
// the hint on an indented second line.
func (d Diagnostic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %s", d.Pos, d.Severity, Visible(d.Message))
	if d.Hint != "" {
		fmt.Fprintf(&b, "\n    hint: %s", Visible(d.Hint))
	}
	return b.String()
}

// List is a collection of diagnostics, usually of one file.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error at pos with a formatted message.
func (l *List) Errorf(pos Pos, hint string, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning at pos with a formatted message.
func (l *List) Warnf(pos Pos, hint string, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the list by file, line and column, keeping the order in which
// diagnostics at the same place were found.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Write prints each diagnostic on its own line(s), in the list's order.
func (l List) Write(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
}

// ListError is the error a stage returns when its input has errors: it carries
// every diagnostic (errors and warnings) so that callers can print them all.
type ListError struct {
	List List
}

// Error summarises the list in one line; print List for the details.
func (e *ListError) Error() string {
	n, _ := e.List.Count()
	for _, d := range e.List {
		if d.Severity == Error {
			if n == 1 {
				return d.Pos.String() + ": " + d.Message
			}
			return fmt.Sprintf("%s: %s (and %d more errors)", d.Pos, d.Message, n-1)
		}
	}
	return "no errors"
}
