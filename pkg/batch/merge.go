package batch

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ShardManifest is one shard's manifest, read back for MergeManifests.
type ShardManifest struct {
	// Path is the file it was read from, for messages.
	Path         string
	Shard        Shard
	Inputs       int
	InputsDigest string
	Options      map[string]string
	// StoppedEarly is set when --fail-fast stopped the shard.
	StoppedEarly bool
	records      []mergeRecord
}

// mergeRecord is one line of a manifest read back: its fields, and for a
// JSON manifest the line as written, so a merged JSON manifest keeps
// everything (the diagnostics with their positions).
type mergeRecord struct {
	ManifestRecord
	raw json.RawMessage
	// warningsCell is a CSV line's warnings cell, kept as it is.
	warningsCell string
	warnings     int
}

// recordFields is a JSON record without its diagnostics, which are kept
// as written.
type recordFields struct {
	Input    string   `json:"input"`
	Output   string   `json:"output"`
	Status   Status   `json:"status"`
	Pages    int      `json:"pages"`
	Bytes    int64    `json:"bytes"`
	SHA256   string   `json:"sha256"`
	Warnings []string `json:"warnings"`
	Error    string   `json:"error"`
}

// notManifest explains a file that is not a shard's manifest.
func notManifest(path, why string) error {
	return fmt.Errorf("%s: not a manifest of pressroom batch: %s (give the files that batch --manifest wrote, one per shard)", path, why)
}

// ReadManifest reads a manifest that batch --manifest wrote, JSON or CSV
// by its extension, for MergeManifests. A file that is not one, or that
// an older pressroom wrote without its run, is refused with a message
// naming it.
func ReadManifest(path string) (*ShardManifest, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".json" && ext != ".csv" {
		return nil, fmt.Errorf("%s: a manifest's name ends in .json or .csv", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read the manifest %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return nil, notManifest(path, "it is not a regular file")
	}
	if ext == ".csv" {
		return readCSVManifest(path, bufio.NewReader(f))
	}
	return readJSONManifest(path, bufio.NewReader(f))
}

func readJSONManifest(path string, r io.Reader) (*ShardManifest, error) {
	var top struct {
		Records *[]json.RawMessage `json:"records"`
		Summary *summaryJSON       `json:"summary"`
		Run     *runJSON           `json:"run"`
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(&top); err != nil {
		return nil, notManifest(path, "it is not the JSON of one: "+err.Error())
	}
	switch {
	case top.Records == nil:
		return nil, notManifest(path, `it has no "records" list`)
	case top.Summary == nil:
		return nil, notManifest(path, `it has no "summary": the run that wrote it did not finish`)
	case top.Run == nil:
		return nil, notManifest(path, `it has no "run" (shard and inputs digest): an older pressroom wrote it; render that shard again with this one`)
	}
	m, err := runOf(path, *top.Run)
	if err != nil {
		return nil, err
	}
	m.StoppedEarly = top.Summary.FailFast
	for i, raw := range *top.Records {
		var rf recordFields
		if err := json.Unmarshal(raw, &rf); err != nil {
			return nil, notManifest(path, fmt.Sprintf("record %d: %v", i+1, err))
		}
		rec := mergeRecord{ManifestRecord: ManifestRecord{
			Input: rf.Input, Output: rf.Output, Status: rf.Status, Pages: rf.Pages,
			Bytes: rf.Bytes, SHA256: rf.SHA256, Warnings: rf.Warnings, Error: rf.Error,
		}, raw: raw, warnings: len(rf.Warnings)}
		if err := checkRecord(path, i+1, rec.ManifestRecord); err != nil {
			return nil, err
		}
		m.records = append(m.records, rec)
	}
	return m, nil
}

// runOf checks a manifest's run section.
func runOf(path string, run runJSON) (*ShardManifest, error) {
	sh, err := ParseShard(run.Shard)
	if err != nil {
		return nil, notManifest(path, fmt.Sprintf("its shard %q is not I/N", run.Shard))
	}
	if !strings.HasPrefix(run.InputsDigest, "sha256:") || run.Inputs < 0 {
		return nil, notManifest(path, fmt.Sprintf("its inputs digest %q is not sha256:…", run.InputsDigest))
	}
	if run.Merged > 0 {
		return nil, notManifest(path, fmt.Sprintf("it is already merged from %d shards", run.Merged))
	}
	return &ShardManifest{Path: path, Shard: sh, Inputs: run.Inputs, InputsDigest: run.InputsDigest, Options: run.Options}, nil
}

func checkRecord(path string, n int, rec ManifestRecord) error {
	if rec.Input == "" {
		return notManifest(path, fmt.Sprintf("record %d has no input", n))
	}
	switch rec.Status {
	case Rendered, Unchanged, Failed, Skipped, Cancelled, Paired:
		return nil
	}
	return notManifest(path, fmt.Sprintf("record %d (%s) has the status %q, not one of rendered, unchanged, failed, skipped, cancelled, paired", n, rec.Input, rec.Status))
}

func readCSVManifest(path string, r io.Reader) (*ShardManifest, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, notManifest(path, "it has no CSV header: "+csvReason(err))
	}
	want := append(slices.Clone(manifestColumns), runColumns...)
	if !slices.Equal(header, want) {
		if slices.Equal(header, manifestColumns) {
			return nil, notManifest(path, "it has no run columns (shard, inputs, inputs_digest, options): an older pressroom wrote it; render that shard again with this one")
		}
		return nil, notManifest(path, fmt.Sprintf("its header is %q, not %q", strings.Join(header, ","), strings.Join(want, ",")))
	}
	var m *ShardManifest
	var first []string
	for n := 1; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, notManifest(path, csvReason(err))
		}
		run := row[len(manifestColumns):]
		if m == nil {
			inputs, err := strconv.Atoi(run[1])
			if err != nil {
				return nil, notManifest(path, fmt.Sprintf("record %d: inputs %q is not a number", n, run[1]))
			}
			opts, err := parseOptionsCell(run[3])
			if err != nil {
				return nil, notManifest(path, fmt.Sprintf("record %d: options: %v", n, err))
			}
			if m, err = runOf(path, runJSON{Shard: run[0], Inputs: inputs, InputsDigest: run[2], Options: opts}); err != nil {
				return nil, err
			}
			first = run
		} else if !slices.Equal(run, first) {
			return nil, notManifest(path, fmt.Sprintf("record %d names another run (%s) than record 1 (%s)", n, strings.Join(run[:3], " "), strings.Join(first[:3], " ")))
		}
		pages, err1 := strconv.Atoi(row[3])
		size, err2 := strconv.ParseInt(row[4], 10, 64)
		if err1 != nil || err2 != nil {
			return nil, notManifest(path, fmt.Sprintf("record %d: pages %q and bytes %q are not numbers", n, row[3], row[4]))
		}
		rec := mergeRecord{ManifestRecord: ManifestRecord{
			Input: row[0], Output: row[1], Status: Status(row[2]), Pages: pages, Bytes: size, SHA256: row[5], Error: row[7],
		}, warningsCell: row[6]}
		if row[6] != "" {
			rec.warnings = strings.Count(row[6], " | ") + 1
			rec.Warnings = strings.Split(row[6], " | ")
		}
		if err := checkRecord(path, n, rec.ManifestRecord); err != nil {
			return nil, err
		}
		m.records = append(m.records, rec)
	}
	if m == nil {
		return nil, notManifest(path, "it has no records, so nothing says which run and shard it is (a shard with no inputs: write its manifest as .json)")
	}
	return m, nil
}

func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d: %v", pe.Line, pe.Err)
	}
	return err.Error()
}

// parseOptionsCell reads what optionsCell wrote: key="value" pairs.
func parseOptionsCell(s string) (map[string]string, error) {
	opts := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		key, rest, ok := strings.Cut(s, "=")
		if !ok || key == "" || strings.ContainsAny(key, " \"") {
			return nil, fmt.Errorf("%q is not key=\"value\"", s)
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return nil, fmt.Errorf("the value of %s is not quoted", key)
		}
		v, _ := strconv.Unquote(q)
		opts[key] = v
		s = rest[len(q):]
	}
	return opts, nil
}

// MergeError lists every reason the manifests given to MergeManifests do
// not make one complete run, each a message of one or more lines.
type MergeError struct{ Gaps []string }

func (e *MergeError) Error() string { return strings.Join(e.Gaps, "\n") }

// Merged is the manifest of a whole run, made from its shards' manifests.
type Merged struct {
	Shards       int
	Inputs       int
	InputsDigest string
	Options      map[string]string
	Summary      Summary
	records      []mergeRecord // sorted by input
}

// MergeManifests checks that the manifests are those of every shard of
// one run, 1 to N, each once, from the same inputs and options, with no
// input twice, none missing and no shard interrupted, and merges their
// records, sorted by input, with the totals summed. Otherwise it returns
// a *MergeError naming every gap: the shards missing or given twice, the
// manifests of another run, the inputs given twice or not rendered.
func MergeManifests(ms []*ShardManifest) (*Merged, error) {
	if len(ms) == 0 {
		return nil, &MergeError{Gaps: []string{"no manifests to merge"}}
	}
	var gaps []string
	gap := func(format string, args ...any) { gaps = append(gaps, fmt.Sprintf(format, args...)) }
	ref := ms[0]
	n := ref.Shard.Count
	same := true
	for _, m := range ms[1:] {
		if m.Shard.Count != n {
			gap("%s is shard %s but %s is shard %s: the shards of one run are all I/%d with the same N", ref.Path, ref.Shard, m.Path, m.Shard, n)
			same = false
		}
		if m.InputsDigest != ref.InputsDigest || m.Inputs != ref.Inputs {
			gap("%s comes from another list of inputs than %s (%s, %s… instead of %d, %s…): merge the manifests of one run, whose shards were all given the same inputs",
				m.Path, ref.Path, inputsCount(m.Inputs), short(m.InputsDigest), ref.Inputs, short(ref.InputsDigest))
			same = false
		}
		if d := optionsDiff(ref.Options, m.Options); d != "" {
			gap("%s was rendered with other options than %s (%s): every shard of one run needs the same", m.Path, ref.Path, d)
			same = false
		}
	}
	if !same {
		return nil, &MergeError{Gaps: gaps}
	}

	byShard := make([][]*ShardManifest, n+1)
	for _, m := range ms {
		byShard[m.Shard.Index] = append(byShard[m.Shard.Index], m)
	}
	found := 0
	for i := 1; i <= n; i++ {
		if len(byShard[i]) > 1 {
			var paths []string
			for _, m := range byShard[i] {
				paths = append(paths, m.Path)
			}
			gap("shard %d/%d is given %d times: %s; give one manifest per shard", i, n, len(paths), strings.Join(paths, ", "))
		}
		if len(byShard[i]) > 0 {
			found += len(byShard[i][0].records)
		}
	}
	var missing []string
	for i := 1; i <= n; i++ {
		if len(byShard[i]) == 0 {
			missing = append(missing, Shard{i, n}.String())
		}
	}
	if len(missing) > 0 {
		what, them := "shard "+missing[0], "it"
		if len(missing) > 1 {
			what, them = "shards "+strings.Join(missing, ", "), "them"
		}
		gap("no manifest for %s: the run's other shards hold %d of its %d inputs, so %d are missing; run %s (--shard %s, or the same job index again) and merge again",
			what, found, ref.Inputs, ref.Inputs-found, them, missing[0])
	}

	// Each input once, over the first manifest of each shard.
	where := map[string]*ShardManifest{}
	var all []mergeRecord
	var sum Summary
	for i := 1; i <= n; i++ {
		if len(byShard[i]) == 0 {
			continue
		}
		m := byShard[i][0]
		var notStarted []string
		for _, rec := range m.records {
			if first, dup := where[rec.Input]; dup {
				if first == m {
					gap("%s is in %s twice", rec.Input, m.Path)
				} else {
					gap("%s is in both %s (shard %s) and %s (shard %s): the shards overlap", rec.Input, first.Path, first.Shard, m.Path, m.Shard)
				}
				continue
			}
			where[rec.Input] = m
			if rec.Status == Cancelled {
				notStarted = append(notStarted, rec.Input)
				continue
			}
			all = append(all, rec)
			sum.count(rec.Status) // never Cancelled: those are not started
			sum.Warnings += rec.warnings
		}
		if len(notStarted) > 0 {
			why := "was interrupted"
			if m.StoppedEarly {
				why = "stopped at its first failure (--fail-fast)"
			}
			gap("shard %s (%s) %s: %d of its inputs were not rendered; run shard %s again (same command, same index) and merge again:\n  %s",
				m.Shard, m.Path, why, len(notStarted), m.Shard, strings.Join(notStarted, "\n  "))
		}
	}
	if len(gaps) == 0 && len(where) != ref.Inputs {
		gap("the manifests hold %d inputs but their run had %d: were they edited?", len(where), ref.Inputs)
	}
	if len(gaps) > 0 {
		return nil, &MergeError{Gaps: gaps}
	}
	slices.SortFunc(all, func(a, b mergeRecord) int { return strings.Compare(a.Input, b.Input) })
	sum.Inputs, sum.InputsDigest = ref.Inputs, ref.InputsDigest
	return &Merged{Shards: n, Inputs: ref.Inputs, InputsDigest: ref.InputsDigest, Options: ref.Options, Summary: sum, records: all}, nil
}

func inputsCount(n int) string {
	if n == 1 {
		return "1 input"
	}
	return fmt.Sprintf("%d inputs", n)
}

func short(digest string) string {
	if len(digest) > len("sha256:")+12 {
		return digest[:len("sha256:")+12]
	}
	return digest
}

// optionsDiff names the options that differ, or returns "".
func optionsDiff(a, b map[string]string) string {
	keys := slices.Sorted(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var d []string
	for _, k := range keys {
		va, oka := a[k]
		vb, okb := b[k]
		switch {
		case oka && okb && va == vb:
		case !oka:
			d = append(d, fmt.Sprintf("%s %q, unset in the first", k, vb))
		case !okb:
			d = append(d, fmt.Sprintf("%s unset instead of %q", k, va))
		default:
			d = append(d, fmt.Sprintf("%s %q instead of %q", k, vb, va))
		}
	}
	return strings.Join(d, "; ")
}

// Write writes the merged manifest to path, JSON or CSV by its
// extension, through a temporary file: complete or absent.
func (mg *Merged) Write(path string) error {
	m, err := CreateManifest(path)
	if err != nil {
		return err
	}
	m.SetRun(ManifestRun{Shard: Shard{1, 1}, Options: mg.Options})
	m.merged = mg.Shards
	for _, rec := range mg.records {
		if m.err != nil {
			break
		}
		if m.csv != nil {
			cell, errs := rec.warningsCell, rec.Error
			if rec.raw != nil {
				// From JSON, where a diagnostic is its lines.
				var warnings []string
				for _, w := range rec.Warnings {
					warnings = append(warnings, flatLines(w))
				}
				cell, errs = strings.Join(warnings, " | "), flatLines(rec.Error)
			}
			m.addCSV(rec.ManifestRecord, cell, errs)
			continue
		}
		raw := rec.raw
		if raw == nil {
			if rec.Warnings == nil {
				rec.Warnings = []string{}
			}
			if raw, m.err = json.Marshal(rec.ManifestRecord); m.err != nil {
				break
			}
		}
		m.addJSON(raw)
	}
	if err := m.Commit(mg.Summary); err != nil {
		return err
	}
	return nil
}

// flatLines turns diagnostics as a JSON manifest writes them (one a line,
// each hint on an indented line of its own) into a CSV cell as flat
// writes them.
func flatLines(s string) string {
	if s == "" {
		return ""
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if hint, ok := strings.CutPrefix(line, "    hint: "); ok && len(out) > 0 {
			out[len(out)-1] += " (hint: " + hint + ")"
			continue
		}
		out = append(out, line)
	}
	for i := range out {
		out[i] = oneLine(out[i])
	}
	return strings.Join(out, " | ")
}
