package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/archive"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/input"
	"github.com/pressroom/pressroom/pkg/output"
)

func importCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "turn archived releases (text, Markdown, web pages, Word, e-mail) into statement files",
		ArgsUsage: "FILE...",
		Description: "Reads each archived release — a .txt or .md file, a saved web page, a Word\n" +
			"document (.docx) or an e-mail (.eml) — and writes the statement it holds beside\n" +
			"it (release.docx → release.toml), or to -o FILE, or into --out-dir DIR. It prints\n" +
			"each decision with the line it came from and how sure it is (sure, likely,\n" +
			"guess), and every line it left out and why; the statement file carries the same\n" +
			"as comments. Check the likely and guessed ones, then render the statement.\n\n" +
			"EXAMPLES:\n" +
			"   pressroom import old-release.txt\n" +
			"   pressroom import --out-dir statements/ archive/*.docx archive/*.eml\n" +
			"   pressroom import page.html -o page.toml && pressroom render page.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the statement to `OUT.toml` (one input only)"},
			&cli.StringFlag{Name: "out-dir", Usage: "write each statement into `DIR`, named after its input"},
			&cli.BoolFlag{Name: "stdout", Usage: "write the statement to standard output (one input only)"},
			&cli.BoolFlag{Name: "force", Usage: "replace a statement file that is already there"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "print the report as `FORMAT`: text (on stderr) or json (on stdout)"},
		},
		Action: func(c *cli.Context) error {
			files, err := trailingFlags(c)
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return usageError{msg: "import needs at least one archived release", try: "pressroom import old-release.txt"}
			}
			j := importJob{out: c.String("output"), outDir: c.String("out-dir"), stdout: c.Bool("stdout"),
				force: c.Bool("force"), format: c.String("format")}
			switch {
			case j.format != "text" && j.format != "json":
				return usageError{msg: fmt.Sprintf("unknown --format %q: use text or json", j.format), try: "pressroom import --format json " + files[0]}
			case j.out != "" && len(files) > 1:
				return usageError{msg: fmt.Sprintf("-o names one statement file, but %d inputs were given", len(files)),
					try: "pressroom import --out-dir statements " + strings.Join(files, " ")}
			case j.stdout && len(files) > 1:
				return usageError{msg: "--stdout takes one input", try: "pressroom import --out-dir statements " + strings.Join(files, " ")}
			case boolCount(j.out != "", j.outDir != "", j.stdout) > 1:
				return usageError{msg: "-o, --out-dir and --stdout each say where the statement goes: give one", try: "pressroom import " + files[0]}
			case j.stdout && j.format == "json":
				return usageError{msg: "--stdout and --format json both write to standard output: give one", try: "pressroom import --format json " + files[0]}
			}
			return e.importFiles(files, j)
		},
	}
}

type importJob struct {
	out, outDir, format string
	stdout, force       bool
}

// importReport is what import did with one file; its JSON form is part of
// the command's interface for scripts.
type importReport struct {
	File        string            `json:"file"`
	Format      string            `json:"format,omitempty"`
	Output      string            `json:"output,omitempty"`
	Unit        string            `json:"unit,omitempty"`
	Fields      []importField     `json:"fields"`
	Dropped     []archive.Dropped `json:"dropped"`
	Diagnostics diag.List         `json:"diagnostics"`
}

type importField struct {
	archive.Finding
	// Field shadows the finding's own, which counts list entries from 0.
	Field string `json:"field"`
	Value string `json:"value,omitempty"`
}

func (e *env) importFiles(files []string, j importJob) error {
	var reports []importReport
	failed := false
	claimed := map[string]string{} // output path → the input that writes it
	for _, file := range files {
		rep := importReport{File: file, Fields: []importField{}, Dropped: []archive.Dropped{}, Diagnostics: diag.List{}}
		res, list := e.importOne(file)
		rep.Diagnostics = append(rep.Diagnostics, list...)
		if res != nil {
			rep.Format, rep.Unit, rep.Dropped = res.Format.String(), res.Unit, res.Dropped
			if rep.Dropped == nil {
				rep.Dropped = []archive.Dropped{}
			}
			for _, f := range res.Fields {
				rep.Fields = append(rep.Fields, importField{Finding: f, Field: f.Key(), Value: res.Draft.Field(f.Field)})
			}
			out := j.outputFor(file)
			if other, ok := claimed[out]; ok && !j.stdout {
				rep.Diagnostics.Errorf(diag.Pos{File: file}, "use --out-dir with inputs of different names, or import them one at a time with -o",
					"%s would write %s, which %s writes too", file, out, other)
			} else if err := e.writeImported(out, res.Statement, j, files); err != nil {
				rep.Diagnostics.Errorf(diag.Pos{File: file}, importWriteHint(err, out), "%v", err)
			} else {
				claimed[out] = file
				if !j.stdout {
					rep.Output = out
				}
			}
		}
		if rep.Diagnostics.HasErrors() {
			failed = true
		}
		reports = append(reports, rep)
	}
	if j.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Files []importReport `json:"files"`
		}{reports}); err != nil {
			return err
		}
	} else {
		for _, r := range reports {
			e.printImport(r)
		}
	}
	if failed {
		return exitError{code: exitProblem}
	}
	return nil
}

// importOne reads and imports one file. The file is read through
// input.ReadFile: a pipe, device or folder is refused, and a file over
// the largest size import takes is not read in full.
func (e *env) importOne(file string) (*archive.Result, diag.List) {
	src, err := input.ReadFile(file, archive.MaxFileSize, "archived releases")
	if err != nil {
		var l diag.List
		hint := input.Hint(err)
		if hint == "" {
			hint = "check the file name and that you may read it"
		}
		l.Errorf(diag.Pos{File: file}, hint, "cannot read the file: %s", input.Reason(err))
		return nil, l
	}
	return archive.Import(file, src)
}

// outputFor names the statement file written for input.
func (j importJob) outputFor(input string) string {
	switch {
	case j.stdout:
		return "-"
	case j.out != "":
		return j.out
	}
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input)) + ".toml"
	if j.outDir != "" {
		return filepath.Join(j.outDir, base)
	}
	return filepath.Join(filepath.Dir(input), base)
}

var errExists = errors.New("exists")

// writeImported writes one statement; it never writes over any of the
// inputs (import -o release.txt release.txt), nor over a statement that
// is there already unless --force says so.
func (e *env) writeImported(out string, src []byte, j importJob, inputs []string) error {
	if j.stdout {
		_, err := e.stdout.Write(src)
		return err
	}
	if j.outDir != "" {
		if err := os.MkdirAll(j.outDir, 0o755); err != nil {
			return fmt.Errorf("cannot make the folder %s: %v", j.outDir, unwrapPathError(err))
		}
	}
	if _, err := os.Lstat(out); err == nil && !j.force {
		return fmt.Errorf("%s is already there: %w", out, errExists)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return output.Options{Inputs: inputs}.WriteFile(out, func(w io.Writer) error {
		_, err := w.Write(src)
		return err
	})
}

func importWriteHint(err error, out string) string {
	var oe *output.Error
	switch {
	case errors.Is(err, errExists):
		return "add --force to replace it, or write elsewhere with -o"
	case errors.As(err, &oe):
		return oe.Hint
	}
	return ""
}

// printImport prints the report of one file as check prints problems:
// file:line: what was decided, then what was dropped.
func (e *env) printImport(r importReport) {
	w := e.stderr
	r.Diagnostics.Sort()
	_ = r.Diagnostics.Write(w)
	if r.Format == "" {
		return
	}
	file := diag.Path(r.File)
	where := func(line int) string {
		switch {
		case line == 0:
			return file
		case r.Unit == "paragraph":
			return fmt.Sprintf("%s: paragraph %d", file, line)
		}
		return fmt.Sprintf("%s:%d", file, line)
	}
	fmt.Fprintf(w, "%s: read as %s\n", file, r.Format)
	counts := map[archive.Confidence]int{}
	for _, f := range r.Fields {
		counts[f.Confidence]++
		value := ""
		if f.Value != "" {
			value = fmt.Sprintf(" = %q", f.Value)
		}
		fmt.Fprintf(w, "%s: %s: %s%s (%s)\n", where(f.Line), f.Confidence, f.Field, value, diag.Visible(f.Why))
	}
	for _, d := range r.Dropped {
		fmt.Fprintf(w, "%s: dropped: %q (%s)\n", where(d.Line), d.Text, diag.Visible(d.Why))
	}
	if r.Output != "" {
		fmt.Fprintf(w, "wrote %s (%d sure, %d likely, %d guessed; %d dropped)\n", diag.Path(r.Output),
			counts[archive.Sure], counts[archive.Likely], counts[archive.Guess], len(r.Dropped))
	}
}
