// Command gen writes N variants of a statement for timing batch runs: each
// has its own headline (and reference), so no two documents are the same
// and no tool can reuse one's work for the next. With -typst it also writes
// the same N variants in the Typst comparison's own data shape, each with a
// main file that renders it.
//
//	go run ./bench/gen -seed examples/seed-statement.toml -n 1000 -out bench/out/statements
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	seed := flag.String("seed", "examples/seed-statement.toml", "the statement to vary")
	n := flag.Int("n", 1000, "how many statements to write")
	out := flag.String("out", "bench/out/statements", "the folder to write them into (as YEAR/statement-NNNN.toml)")
	bad := flag.Int("bad", 0, "how many statements, from the middle, get an error (a quoted date)")
	typstData := flag.String("typst", "", "the Typst comparison's statement.toml, to vary the same way")
	typstOut := flag.String("typst-out", "", "the Typst workspace to write doc-NNNN.toml and doc-NNNN.typ into")
	flag.Parse()
	if err := run(*seed, *n, *out, *bad, *typstData, *typstOut); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

var (
	headline = regexp.MustCompile(`(?m)^headline = "`)
	title    = regexp.MustCompile(`(?m)^title = "`)
	date     = regexp.MustCompile(`(?m)^date = (\d{4}-\d{2}-\d{2})$`)
)

func run(seedPath string, n int, out string, bad int, typstData, typstOut string) error {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		return err
	}
	if !headline.Match(seed) {
		return fmt.Errorf("%s has no headline line to vary", seedPath)
	}
	firstBad := n/2 - bad/2
	for i := range n {
		s := headline.ReplaceAllString(string(seed), fmt.Sprintf(`headline = "No. %d: `, i))
		if i >= firstBad && i < firstBad+bad {
			s = date.ReplaceAllString(s, `date = "$1"`)
		}
		path := filepath.Join(out, fmt.Sprint(2000+i%20), fmt.Sprintf("statement-%04d.toml", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			return err
		}
	}
	if typstData == "" {
		return nil
	}
	data, err := os.ReadFile(typstData)
	if err != nil {
		return err
	}
	if !title.Match(data) {
		return fmt.Errorf("%s has no title line to vary", typstData)
	}
	if err := os.MkdirAll(typstOut, 0o755); err != nil {
		return err
	}
	var mains []string
	for i := range n {
		name := fmt.Sprintf("doc-%04d", i)
		d := title.ReplaceAllString(string(data), fmt.Sprintf(`title = "No. %d: `, i))
		if err := os.WriteFile(filepath.Join(typstOut, name+".toml"), []byte(d), 0o644); err != nil {
			return err
		}
		main := fmt.Sprintf("#import \"press.typ\": render\n#render(toml(%q))\n", name+".toml")
		if err := os.WriteFile(filepath.Join(typstOut, name+".typ"), []byte(main), 0o644); err != nil {
			return err
		}
		mains = append(mains, name+".typ")
	}
	return os.WriteFile(filepath.Join(typstOut, "mains.txt"), []byte(strings.Join(mains, "\n")+"\n"), 0o644)
}
