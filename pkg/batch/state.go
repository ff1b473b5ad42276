package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/input"
)

// stateFormat is the state file's format version; a file of another
// version is ignored (everything is rendered again).
const stateFormat = 1

// state remembers, for each PDF in the output folder, what it was made
// from, so that a re-run can keep a PDF that is up to date. It is a cache:
// losing it costs time, never correctness.
type state struct {
	name string // the file's name in the output folder

	mu      sync.Mutex
	entries map[string]stateEntry // by the PDF's slash-separated path
	dirty   bool
}

// stateEntry is what one PDF was made from and what it is.
type stateEntry struct {
	// Key is a hash of the statement's bytes and the document's
	// fingerprint (layout, assets, options, version).
	Key      string      `json:"key"`
	SHA256   string      `json:"sha256"`
	Bytes    int64       `json:"bytes"`
	Pages    int         `json:"pages"`
	Warnings []stateDiag `json:"warnings,omitempty"`
}

// stateDiag keeps a render warning for the next run, which reports it
// again for an unchanged PDF.
type stateDiag struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"column,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

type stateFile struct {
	Format    int                   `json:"format"`
	Documents map[string]stateEntry `json:"documents"`
}

// stateName is the state file of a shard: shards that share an output
// folder keep separate files, so they never overwrite each other's.
func stateName(sh Shard) string {
	if sh.Count > 1 {
		return fmt.Sprintf(".pressroom-state.%d-of-%d.json", sh.Index, sh.Count)
	}
	return ".pressroom-state.json"
}

// maxStateSize is the largest state file read: about two million
// documents' entries. A bigger one is ignored, as a foreign one is.
const maxStateSize = 1 << 30

// loadState reads the state file; a missing, foreign, oversized or odd
// one (a named pipe, a folder: input.ReadFileIn refuses it without
// waiting) means an empty state, which the run's save then replaces. A
// file that exists but may not be read is an error.
func loadState(root *os.Root, sh Shard) (*state, error) {
	st := &state{name: stateName(sh), entries: map[string]stateEntry{}}
	data, err := input.ReadFileIn(root, st.name, maxStateSize, "state files")
	var ie *input.Error
	if errors.Is(err, fs.ErrNotExist) || errors.As(err, &ie) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s in the output folder: %w", st.name, unwrapPath(err))
	}
	var sf stateFile
	if err := json.Unmarshal(data, &sf); err == nil && sf.Format == stateFormat && sf.Documents != nil {
		st.entries = sf.Documents
	}
	return st, nil
}

func (st *state) lookup(rel string) (stateEntry, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	e, ok := st.entries[rel]
	return e, ok
}

func (st *state) put(rel string, e stateEntry) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.entries[rel] = e
	st.dirty = true
}

func (st *state) forget(rel string) {
	if rel == "" {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if _, ok := st.entries[rel]; ok {
		delete(st.entries, rel)
		st.dirty = true
	}
}

// save writes the state file through a temporary file and a rename, so a
// reader never sees half of it.
func (st *state) save(root *os.Root) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.dirty {
		return nil
	}
	err := writeInRoot(root, st.name, false, false, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		return enc.Encode(stateFile{Format: stateFormat, Documents: st.entries})
	})
	if err != nil {
		return fmt.Errorf("save %s in the output folder: %w", st.name, err)
	}
	st.dirty = false
	return nil
}

// inputKey names what a PDF is made from; empty means "always render".
func inputKey(fingerprint string, src []byte) string {
	if fingerprint == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "pressroom batch %d\n%d:%s\n", stateFormat, len(fingerprint), fingerprint)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

func toStateDiags(l diag.List) []stateDiag {
	var out []stateDiag
	for _, d := range l {
		if d.Severity == diag.Warning {
			out = append(out, stateDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Message, Hint: d.Hint})
		}
	}
	return out
}

func fromStateDiags(ds []stateDiag) diag.List {
	var l diag.List
	for _, d := range ds {
		l.Warnf(diag.Pos{File: d.File, Line: d.Line, Col: d.Col}, d.Hint, "%s", d.Message)
	}
	return l
}
