package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/output"
)

// Manifest records one line per input of a run, in input order, as JSON or
// CSV (chosen by the file's extension). Records are streamed to a
// temporary file beside the target, so memory stays flat however many
// inputs there are, and Commit renames it into place: the manifest is
// complete or absent, never half-written. A Manifest is used from one
// goroutine.
type Manifest struct {
	path string
	tmp  *output.Temp
	csv  *csv.Writer // nil for JSON
	n    int
	err  error
	run  ManifestRun
	// merged counts the shards a merged manifest is made from.
	merged int
}

// ManifestRun says which run a manifest belongs to, so that `batch merge`
// can tell the shards of one run from those of another.
type ManifestRun struct {
	// Shard is the run's slice; the zero Shard is written 1/1.
	Shard Shard
	// Options are the options that change what is written (layout, PDF
	// standard, other forms, SOURCE_DATE_EPOCH, pressroom's version), by
	// flag name: every shard of one run must have the same.
	Options map[string]string
}

// SetRun records which run the manifest belongs to; Commit writes it
// with the digest of the run's inputs.
func (m *Manifest) SetRun(run ManifestRun) { m.run = run }

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
	// Pair is the other half of a bilingual release (JSON only): the
	// statement rendered into this input's PDF, or, for status
	// "paired", the input whose PDF holds this one.
	Pair string `json:"pair,omitempty"`
}

// manifestColumns are the CSV header, followed by runColumns, which
// repeat on every line the run's shard, the number and digest of all its
// inputs and its options (a CSV file has no other place for them).
var (
	manifestColumns = []string{"input", "output", "status", "pages", "bytes", "sha256", "warnings", "error"}
	runColumns      = []string{"shard", "inputs", "inputs_digest", "options"}
)

// CreateManifest starts a manifest at path, which must end in .json or
// .csv.
func CreateManifest(path string) (*Manifest, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".csv" {
		return nil, fmt.Errorf("--manifest %s: the name must end in .json or .csv", path)
	}
	dir, _ := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// The manifest often goes inside the output folder, which the run
	// has not created yet.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the manifest's folder %s: %w", dir, unwrapPath(err))
	}
	tmp, err := output.Options{}.CreateTemp(path)
	if err != nil {
		return nil, fmt.Errorf("create the manifest %s: %w", path, unwrapPath(err))
	}
	m := &Manifest{path: path, tmp: tmp}
	if ext == ".csv" {
		// The run's columns are added by Commit, once the digest is
		// known.
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
		Pages: r.Pages, Bytes: r.Bytes, SHA256: r.SHA256, Warnings: []string{}, Pair: r.Pair,
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
		m.addCSV(rec, strings.Join(warnings, " | "), strings.Join(errs, " | "))
		return
	}
	b, err := json.Marshal(rec)
	if err != nil {
		m.err = err
		return
	}
	m.addJSON(b)
}

func (m *Manifest) addCSV(rec ManifestRecord, warnings, errs string) {
	m.err = m.csv.Write([]string{
		oneLine(rec.Input), oneLine(rec.Output), string(rec.Status), strconv.Itoa(rec.Pages),
		strconv.FormatInt(rec.Bytes, 10), rec.SHA256, warnings, errs,
	})
	// Written out at once, like a JSON record: a temporary file left
	// unchanged for output.StaleAfter is taken for a killed run's.
	m.csv.Flush()
	if m.err == nil {
		m.err = m.csv.Error()
	}
	m.n++
}

func (m *Manifest) addJSON(b []byte) {
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
	run := runJSON{
		Shard: m.run.Shard.whole().String(), Inputs: sum.Inputs, InputsDigest: sum.InputsDigest,
		Options: m.run.Options, Merged: m.merged,
	}
	if run.Options == nil {
		run.Options = map[string]string{}
	}
	if m.err == nil {
		if m.csv != nil {
			m.csv.Flush()
			m.err = m.csv.Error()
			if m.err == nil {
				m.err = m.addRunColumns(run)
			}
		} else {
			b, err := json.Marshal(manifestSummary(sum))
			m.err = err
			var r []byte
			if err == nil {
				r, m.err = json.Marshal(run)
			}
			if m.err == nil {
				_, m.err = fmt.Fprintf(m.tmp, "\n],\n\"summary\": %s,\n\"run\": %s\n}\n", b, r)
			}
		}
	}
	if m.err == nil {
		m.err = m.tmp.Commit()
	} else {
		m.tmp.Discard()
	}
	if m.err != nil {
		return fmt.Errorf("write the manifest %s: %w", m.path, unwrapPath(m.err))
	}
	return nil
}

// Discard removes the unfinished manifest.
func (m *Manifest) Discard() { m.tmp.Discard() }

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

// runJSON is the "run" section of a JSON manifest.
type runJSON struct {
	// Shard is "I/N"; "1/1" for a run that was not sharded, or a merged
	// manifest.
	Shard        string            `json:"shard"`
	Inputs       int               `json:"inputs"`
	InputsDigest string            `json:"inputs_digest"`
	Options      map[string]string `json:"options"`
	// Merged counts the shards a merged manifest was made from.
	Merged int `json:"merged_shards,omitempty"`
}

// whole writes the zero Shard, every input, as 1/1.
func (s Shard) whole() Shard {
	if s == (Shard{}) {
		return Shard{1, 1}
	}
	return s
}

// optionsCell writes the options as one CSV cell: key=value pairs in key
// order, separated by spaces, each value quoted when it needs to be.
func optionsCell(opts map[string]string) string {
	keys := slices.Sorted(maps.Keys(opts))
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+strconv.Quote(opts[k]))
	}
	return strings.Join(parts, " ")
}

// addRunColumns rewrites the CSV written so far with the run's columns
// at the end of every line, into a new temporary file that replaces the
// first.
func (m *Manifest) addRunColumns(run runJSON) error {
	if _, err := m.tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	out, err := output.Options{Tidy: output.TidyNone}.CreateTemp(m.path)
	if err != nil {
		return err
	}
	r := csv.NewReader(bufio.NewReader(m.tmp))
	w := csv.NewWriter(out)
	cells := []string{run.Shard, strconv.Itoa(run.Inputs), run.InputsDigest, optionsCell(run.Options)}
	first := true
	for err == nil {
		var row []string
		row, err = r.Read()
		if err != nil {
			break
		}
		if first {
			row, first = append(row, runColumns...), false
		} else {
			row = append(row, cells...)
		}
		err = w.Write(row)
	}
	if err == io.EOF {
		err = nil
	}
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	old := m.tmp
	m.tmp = out
	old.Discard()
	return err
}
