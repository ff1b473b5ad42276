package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/input"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/statement"
)

// A bilingual release is two statement files, one in each language, one
// naming the other with translation = "…" (either way round, or both).
// This file is the one home of the rules of a pair: how the other file is
// found and read, what makes a pair wrong (errors), where the two
// versions disagree (warnings), and which half comes first.

// maxChain is how far a chain of translations is followed to tell a
// cycle (a → b → c → a) from a file that names a third one.
const maxChain = 8

// translationPath is the file a statement's translation key names, as
// messages name it: relative to the statement's folder.
func translationPath(s *statement.Statement) string {
	if filepath.IsAbs(s.Translation) {
		return filepath.Clean(s.Translation)
	}
	return filepath.Join(filepath.Dir(s.File), s.Translation)
}

// sameFile reports whether two names are one file: by the file system
// when both exist, else by their cleaned absolute paths.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// translationHint is the hint of every error about the translation key.
const translationHint = `name the statement of the same release in the other language, relative to this file: translation = "statement.cy.toml" (or delete the key)`

// loadTranslation reads and loads the translation job names, checking
// the pair. It returns the translation's Job (nil on errors) and every
// diagnostic, of both files.
func loadTranslation(job *Job, opts Options) (*Job, diag.List) {
	var list diag.List
	s := job.Statement
	at := s.KeyPos("translation")
	other := translationPath(s)
	if sameFile(other, s.File) {
		list.Add(diag.Diagnostic{Pos: at, Severity: diag.Error, Key: "translation", Hint: translationHint,
			Message: fmt.Sprintf("translation names this file itself (%s)", diag.Path(s.Translation))})
		return nil, list
	}
	path, err := input.Within(other, opts.Scope.Roots, opts.Scope.Hint)
	var src []byte
	if err == nil {
		src, err = input.ReadFile(path, statement.MaxSize, "statements")
	}
	if err != nil {
		hint := input.Hint(err)
		if hint == "" {
			hint = translationHint
		}
		msg := fmt.Sprintf("cannot read the translation %s: %s", diag.Path(other), input.Reason(err))
		if ie := (*input.Error)(nil); errors.As(err, &ie) && path == "" {
			msg = outsideMessage(s.Translation, ie.Reason, s.File, opts.Scope.Roots)
		}
		list.Add(diag.Diagnostic{Pos: at, Severity: diag.Error, Key: "translation", Hint: hint, Message: msg})
		return nil, list
	}
	if l := WrongKind(other, src); l != nil {
		return nil, l
	}
	// The translation goes through the same Load as the statement (its
	// own layout and every check), without following its own key.
	topts := opts
	topts.Import = false
	tjob, tlist := load(other, src, topts)
	list = append(list, tlist...)
	if tjob == nil {
		return nil, list
	}
	t := tjob.Statement
	// A statement read from standard input is no file the translation
	// could name back, so what the translation names is not checked then.
	if _, err := os.Stat(s.File); err == nil && t.Translation != "" && !sameFile(translationPath(t), s.File) {
		list.Add(pairProblem(s, t, opts.Scope.Roots))
	}
	if base(s.Lang) == base(t.Lang) {
		pos := t.KeyPos("lang")
		if pos.Line == 0 {
			pos = at
		}
		list.Add(diag.Diagnostic{Pos: pos, Severity: diag.Error, Key: "lang",
			Message: fmt.Sprintf("%s and its translation %s are both in %s (lang %q and %q)", diag.Path(s.File), diag.Path(t.File), langName(s.Lang), s.Lang, t.Lang),
			Hint:    fmt.Sprintf(`set lang in %s to the other language, e.g. lang = "cy" for Welsh`, diag.Path(t.File))})
	}
	if list.HasErrors() {
		return nil, list
	}
	list = append(list, Differences(s, t)...)
	return tjob, list
}

// outsideMessage says that the translation, as written in the key, is
// outside the folders the statement's files may be in, naming them as the
// user knows them: "this statement's folder", with the name it was given
// ("the current folder" rather than "."), when that is the one folder.
func outsideMessage(other, reason, file string, roots []string) string {
	var where string
	if _, err := os.Stat(file); err == nil && len(roots) == 1 && filepath.Clean(roots[0]) == filepath.Dir(file) {
		where = "this statement's folder (" + folderName(roots[0]) + ")"
	} else {
		names := make([]string, len(roots))
		for i, r := range roots {
			names[i] = folderName(r)
		}
		where = "the folders pressroom was given (" + strings.Join(names, ", ") + ")"
		if len(roots) == 1 {
			where = "the folder pressroom was given (" + names[0] + ")"
		}
	}
	// A symlink's target is worth keeping: the name alone looks inside.
	if i := strings.Index(reason, ", outside "); strings.HasPrefix(reason, "leads ") && i > 0 {
		return fmt.Sprintf("the translation %s %s, outside %s", diag.Path(other), reason[:i], where)
	}
	return fmt.Sprintf("the translation %s is outside %s", diag.Path(other), where)
}

// folderName is a folder as a message names it: "the current folder" for
// ".", else its name as given.
func folderName(dir string) string {
	if dir = filepath.Clean(dir); dir == "." {
		return "the current folder"
	}
	return diag.Path(dir)
}

// pairProblem is the error for a translation whose own translation key
// names neither the statement nor nothing: a third file, or a cycle of
// three or more files. The chain is followed only through files inside
// roots (the Scope), as every file a statement names.
func pairProblem(s, t *statement.Statement, roots []string) diag.Diagnostic {
	d := diag.Diagnostic{Pos: t.KeyPos("translation"), Severity: diag.Error, Key: "translation"}
	chain := []string{s.File, t.File}
	next := translationPath(t)
	for range maxChain {
		if sameFile(next, s.File) {
			d.Message = fmt.Sprintf("the translations go round in a circle: %s → %s; a release has two languages, each naming the other (or one naming the other)",
				strings.Join(quoteAll(chain), " → "), diag.Path(s.File))
			d.Hint = fmt.Sprintf("write translation = %q here, or delete this key", relTo(t.File, s.File))
			return d
		}
		chain = append(chain, next)
		path, err := input.Within(next, roots, "")
		if err != nil {
			break
		}
		src, err := input.ReadFile(path, statement.MaxSize, "statements")
		if err != nil {
			break
		}
		u, _ := statement.Parse(next, src, statement.Options{})
		if u == nil || u.Translation == "" {
			break
		}
		next = translationPath(u)
	}
	d.Message = fmt.Sprintf("this file is the translation of %s but names a third file, %s, as its translation; a release has two languages",
		diag.Path(s.File), diag.Path(translationPath(t)))
	d.Hint = fmt.Sprintf("write translation = %q here, or delete this key", relTo(t.File, s.File))
	return d
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = diag.Path(n)
	}
	return out
}

// relTo is target's path as written in a key of file: relative to file's
// folder when it can be.
func relTo(file, target string) string {
	if rel, err := filepath.Rel(filepath.Dir(file), target); err == nil {
		return filepath.ToSlash(rel)
	}
	return target
}

// base is a language tag's language: "en" for "en-GB".
func base(tag string) string {
	b, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return b
}

// langName names a language for a message.
func langName(tag string) string {
	switch base(tag) {
	case "cy":
		return "Welsh"
	case "en":
		return "English"
	}
	return "the same language"
}

// Halves returns the job and its translation in reading order: the Welsh
// one first when one is in Welsh (the Welsh Language Standards expect
// Welsh first in a bilingual document), otherwise j first, as the user
// named it. Without a translation it is j alone.
func (j *Job) Halves() []*Job {
	if j.Translation == nil {
		return []*Job{j}
	}
	t := j.Translation
	if base(t.Statement.Lang) == "cy" && base(j.Statement.Lang) != "cy" {
		return []*Job{t, j}
	}
	return []*Job{j, t}
}

// Leads reports whether j, rather than its translation, stands for the
// pair when both are among many inputs (a batch): the Welsh one; else the
// one that names the other when only one does; else the one whose path
// sorts first. Without a translation j leads.
func (j *Job) Leads() bool {
	t := j.Translation
	if t == nil {
		return true
	}
	jw, tw := base(j.Statement.Lang) == "cy", base(t.Statement.Lang) == "cy"
	if jw != tw {
		return jw
	}
	jn, tn := j.Statement.Translation != "", t.Statement.Translation != ""
	if jn != tn {
		return jn
	}
	return filepath.Clean(j.Name) < filepath.Clean(t.Name)
}

// Alone returns j without its translation: one language, as
// --separate writes each.
func (j *Job) Alone() *Job {
	c := *j
	c.Translation = nil
	return &c
}

// Releases returns the words of each half (Halves), each resolved in j's
// layout, so that both halves of a bilingual document look alike.
func (j *Job) Releases() ([]*release.Release, error) {
	var out []*release.Release
	for _, h := range j.Halves() {
		r, err := release.New(h.Statement, j.Layout)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
