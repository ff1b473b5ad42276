package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/output"
)

func newCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "write a starter statement to fill in",
		ArgsUsage: "[FILE]",
		Description: "Writes a statement file (statement.toml unless you name one) dated today, with every\n" +
			"part a release usually has and a comment saying what goes where. It never overwrites a file.\n" +
			"It checks and renders as it is: change the words, then run pressroom check FILE.",
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 1 {
				return usageError{msg: "new takes one file name", try: "pressroom new my-statement.toml"}
			}
			file := c.Args().First()
			if file == "" {
				file = "statement.toml"
			}
			if !strings.HasSuffix(strings.ToLower(file), ".toml") {
				return usageError{msg: fmt.Sprintf("a statement file's name ends in .toml, not %q", file), try: "pressroom new " + strings.TrimSuffix(file, ".") + ".toml"}
			}
			today, err := clockToday(e.getenv)
			if err != nil {
				return usageError{msg: err.Error(), try: "pressroom new " + file}
			}
			if _, err := os.Lstat(file); err == nil {
				fmt.Fprintf(e.stderr, "pressroom: %s already exists; pressroom new never overwrites a file\n", diag.Path(file))
				fmt.Fprintf(e.stderr, "try: pressroom new %s\n", diag.Path(freeName(file)))
				return exitError{code: exitProblem}
			} else if !errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(e.stderr, "pressroom: %s: %s\n", diag.Path(file), diag.Visible(unwrapPathError(err).Error()))
				return exitError{code: exitProblem}
			}
			err = output.WriteFile(file, func(w io.Writer) error {
				_, err := io.WriteString(w, starterStatement(today))
				return err
			})
			if err != nil {
				fmt.Fprintf(e.stderr, "pressroom: %v\n", unwrapPathError(err))
				return exitError{code: exitProblem}
			}
			fmt.Fprintf(e.stdout, "wrote %s: change the words, then run: pressroom check %s\n", diag.Path(file), diag.Path(file))
			return nil
		},
	}
}

// freeName suggests a file name next to file that does not exist yet.
func freeName(file string) string {
	base := strings.TrimSuffix(file, ".toml")
	for i := 2; i < 100; i++ {
		name := fmt.Sprintf("%s-%d.toml", base, i)
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
	}
	return base + "-new.toml"
}

// starterStatement is a complete statement dated today: every key a
// release usually needs, with the words to replace, so that a new user
// starts from something that checks and renders.
func starterStatement(today time.Time) string {
	return strings.ReplaceAll(starterTemplate, "{date}", today.Format("2006-01-02"))
}

const starterTemplate = `# A press statement for pressroom. Change the words, keep the keys, then run
#   pressroom check statement.toml     (explains any problem, with its line)
#   pressroom render statement.toml    (writes statement.pdf)
# Text in """ … """ may run over several lines; a blank line starts a new
# paragraph; *italic*, **bold** and [link text](https://…) work there.

# How it looks: a built-in layout (pressroom layouts lists them) or a
# layout file of your own, e.g. layout = "our-brand.toml".
layout = "default"

organisation = "Your Organisation"
# kind = "Media statement"        # the label above the headline; left out, the layout's ("Press release"), in the release's language
headline = "Say what happened in one plain sentence"
subheadline = "Add the most important detail in a second line, or delete this line"
date = {date}                     # the date of issue: year-month-day, no quotes
dateline = "Your Town"            # where the news comes from; or delete this line
# embargo = {date}T00:01:00       # uncomment to embargo the release until then (UK time)
# lang = "cy"                     # the release's language (Welsh here): pressroom's own words follow it
# translation = "statement.cy.toml"  # the same release in another language: one bilingual PDF, Welsh first

summary = """
Start with the news: who did what, where and when, in two or three sentences.

Then give the detail a reporter needs, most important first. Keep each paragraph short.
"""

[[signatories]]
name = "Alex Morgan"
role = "Chief Executive"

[notes]
body = """
Background a journalist may need but will not quote: figures, dates, how to find the full report.
"""

[[contacts]]
purpose = "For media enquiries"
name = "Press Office"
email = "press@example.org"
phone = "01632 960 000"
`
