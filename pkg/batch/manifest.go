package batch

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/diag"
)

// Manifest records one line per input of a run, in input order, as JSON or
// CSV (chosen by the file's extension). Records are streamed to a
// temporary file beside the target, so memory stays flat however many
// inputs there are, and Commit renames it into place: the manifest is
// complete or absent, never half-written. A Manifest is used from one
// goroutine.
type Manifest struct {
	path string
	tmp  *os.File
	csv  *csv.Writer // nil for JSON
	n    int
	err  error
}

// ManifestRecord is one input's line in the manifest; its JSON form and
// the CSV columns are part of the command's interface for scripts.
type ManifestRecord struct {
	Input    string            `json:"input"`
	Output   string            `json:"output"`
	Status   Status            `json:"status"`
	Pages    int               `json:"pages"`
	Bytes    int64             `json:"bytes"`
	SHA256   string            `json:"sha256"`
	Warnings []string          `json:"warnings"`
	Error    string            `json:"error"`
	Problems []diag.Diagnostic `json:"diagnostics,omitempty"`
}

// manifestColumns are the CSV header.
var manifestColumns = []string{"input", "output", "status", "pages", "bytes", "sha256", "warnings", "error"}

// CreateManifest starts a manifest at path, which must end in .json or
// .csv.
func CreateManifest(path string) (*Manifest, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".csv" {
		return nil, fmt.Errorf("--manifest %s: the name must end in .json or .csv", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// The manifest often goes inside the output folder, which the run
	// has not created yet.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the manifest's folder %s: %w", dir, unwrapPath(err))
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create the manifest %s: %w", path, unwrapPath(err))
	}
	m := &Manifest{path: path, tmp: tmp}
	if ext == ".csv" {
		m.csv = csv.NewWriter(tmp)
		m.err = m.csv.Write(manifestColumns)
	} else {
		_, m.err = tmp.WriteString("{\n\"records\": [")
	}
	return m, nil
}

// Record turns a result into its manifest line.
func Record(r Result) ManifestRecord {
	rec := ManifestRecord{
		Input: r.Input, Output: r.Output, Status: r.Status,
		Pages: r.Pages, Bytes: r.Bytes, SHA256: r.SHA256, Warnings: []string{},
	}
	for _, d := range r.Warnings {
		rec.Warnings = append(rec.Warnings, d.String())
		rec.Problems = append(rec.Problems, d)
	}
	if r.Err != nil {
		var lines []string
		for _, d := range r.Diagnostics() {
			lines = append(lines, d.String())
			rec.Problems = append(rec.Problems, d)
		}
		rec.Error = strings.Join(lines, "\n")
	}
	return rec
}

// Add appends one result. An error sticks: later calls do nothing and
// Commit returns it.
func (m *Manifest) Add(r Result) {
	if m.err != nil {
		return
	}
	rec := Record(r)
	if m.csv != nil {
		// One line per record: a cell with a line break in it is valid
		// CSV, but spreadsheets and line tools (grep, wc) take it for
		// two records.
		var warnings, errs []string
		for _, d := range r.Warnings {
			warnings = append(warnings, flat(d))
		}
		if r.Err != nil {
			for _, d := range r.Diagnostics() {
				errs = append(errs, flat(d))
			}
		}
		m.err = m.csv.Write([]string{
			oneLine(rec.Input), oneLine(rec.Output), string(rec.Status), strconv.Itoa(rec.Pages),
			strconv.FormatInt(rec.Bytes, 10), rec.SHA256, strings.Join(warnings, " | "), strings.Join(errs, " | "),
		})
		m.n++
		return
	}
	b, err := json.Marshal(rec)
	if err != nil {
		m.err = err
		return
	}
	sep := "\n"
	if m.n > 0 {
		sep = ",\n"
	}
	if _, err := m.tmp.WriteString(sep); err != nil {
		m.err = err
		return
	}
	_, m.err = m.tmp.Write(b)
	m.n++
}

// flat writes a diagnostic on one line, for a CSV cell.
func flat(d diag.Diagnostic) string {
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
	if d.Hint != "" {
		s += " (hint: " + d.Hint + ")"
	}
	return oneLine(s)
}

// oneLine escapes the line breaks and other control characters of s as
// Go does in a quoted string (\n, \r, \t), so that a CSV record is one line.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Commit finishes the manifest with the run's summary (JSON only) and
// renames it into place.
func (m *Manifest) Commit(sum Summary) error {
	if m.err == nil {
		if m.csv != nil {
			m.csv.Flush()
			m.err = m.csv.Error()
		} else {
			b, err := json.Marshal(manifestSummary(sum))
			m.err = err
			if err == nil {
				_, m.err = fmt.Fprintf(m.tmp, "\n],\n\"summary\": %s\n}\n", b)
			}
		}
	}
	if m.err == nil {
		m.err = m.tmp.Sync()
	}
	if err := m.tmp.Close(); m.err == nil {
		m.err = err
	}
	if m.err == nil {
		m.err = os.Chmod(m.tmp.Name(), 0o644)
	}
	if m.err == nil {
		m.err = os.Rename(m.tmp.Name(), m.path)
	}
	if m.err != nil {
		os.Remove(m.tmp.Name())
		return fmt.Errorf("write the manifest %s: %w", m.path, unwrapPath(m.err))
	}
	return nil
}

// Discard removes the unfinished manifest.
func (m *Manifest) Discard() {
	m.tmp.Close()
	os.Remove(m.tmp.Name())
}

type summaryJSON struct {
	Rendered    int  `json:"rendered"`
	Unchanged   int  `json:"unchanged"`
	Failed      int  `json:"failed"`
	Skipped     int  `json:"skipped"`
	Cancelled   int  `json:"cancelled"`
	Warnings    int  `json:"warnings"`
	OtherShards int  `json:"other_shards"`
	Interrupted bool `json:"interrupted"`
	FailFast    bool `json:"stopped_at_first_failure"`
}

func manifestSummary(s Summary) summaryJSON {
	return summaryJSON{s.Rendered, s.Unchanged, s.Failed, s.Skipped, s.Cancelled, s.Warnings, s.OtherShards, s.Interrupted, s.StoppedEarly}
}
