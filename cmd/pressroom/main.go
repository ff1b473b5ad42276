// Command pressroom turns statement files into branded press-release PDFs.
//
// main only calls run and exits with its code; each subcommand lives in its
// own file and maps flags onto the packages under pkg/.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
)

// Exit codes, decided here and nowhere else.
const (
	exitOK      = 0 // everything worked (warnings allowed)
	exitProblem = 1 // an input file has errors, or an output could not be written
	exitMisuse  = 2 // the command line itself is wrong
	// exitInterrupted is the shell's code for a program stopped by Ctrl-C
	// (128 + SIGINT), so that scripts can tell an interrupted run from a
	// failed one.
	exitInterrupted = 130
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// env is what a command may use of the outside world. Commands read the
// environment through getenv only, so tests can set it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// layouts is shared by every document of this run, so fonts are
	// parsed and logos decoded once.
	layouts *layout.Library
	// trustPaths is --trust-paths: files named in statements and layouts
	// may be anywhere (see scope in files.go).
	trustPaths bool
}

// exitError carries an exit code chosen by a command, after the command
// has already told the user what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a misuse of the command line; msg says what is wrong and
// try gives a working command.
type usageError struct{ msg, try string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	e := &env{
		stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv,
		layouts: layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts()),
	}
	err := newApp(e).Run(args)
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "pressroom: %s\n", diag.Visible(ue.msg))
		if ue.try != "" {
			fmt.Fprintf(stderr, "try: %s\n", diag.Visible(ue.try))
		}
		return exitMisuse
	default:
		fmt.Fprintf(stderr, "pressroom: %s\n", diag.Visible(err.Error()))
		return exitProblem
	}
}

// newApp is pressroom's command line: its commands, help texts and the
// handling of misuse, writing to e's streams.
func newApp(e *env) *cli.App {
	stdin, stdout, stderr := e.stdin, e.stdout, e.stderr
	app := &cli.App{
		Name:      "pressroom",
		Usage:     "turn a statement file into a branded press-release PDF",
		Version:   versionString(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// urfave/cli would otherwise call os.Exit itself.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			try := "pressroom --help"
			if c.Command != nil && c.Command.Name != "" && c.Command.Name != "pressroom" {
				try = "pressroom " + c.Command.Name + " --help"
			}
			return usageError{msg: plainUsage(err.Error()), try: try}
		},
		Commands: commands(e),
		// pressroom completion bash prints the script that uses it.
		EnableBashCompletion:  true,
		CustomAppHelpTemplate: withExamples(cli.AppHelpTemplate, appHelpExamples),
		// Reached only when no subcommand matched: either none was given
		// or the word is not one of ours. Both are misuse, so the help
		// goes to stderr with the reason, not to stdout as if asked for.
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				try := "pressroom --help"
				var names []string
				for _, cmd := range c.App.Commands {
					names = append(names, cmd.Name)
				}
				if best := diag.Suggest(c.Args().First(), names); best != "" {
					try = "pressroom " + best + " " + strings.Join(c.Args().Tail(), " ")
				}
				return usageError{msg: fmt.Sprintf("unknown command %q", c.Args().First()), try: strings.TrimSpace(try)}
			}
			cli.HelpPrinter(stderr, c.App.CustomAppHelpTemplate, c.App)
			return usageError{msg: "no command given", try: "pressroom new my-statement.toml"}
		},
	}
	// -v is --verbose wherever it exists (batch), so the version has
	// only its long name.
	app.HideVersion = true
	app.Flags = append(app.Flags, &cli.BoolFlag{Name: "version", Usage: "print the version"})
	app.Before = func(c *cli.Context) error {
		if c.Bool("version") {
			cli.VersionPrinter(c)
			return exitError{code: exitOK}
		}
		return nil
	}
	// urfave/cli does not pass the app's OnUsageError down to subcommands,
	// so a bad flag would otherwise print help and exit 1.
	for _, c := range app.Commands {
		if c.OnUsageError == nil {
			c.OnUsageError = app.OnUsageError
		}
		for _, sub := range c.Subcommands {
			if sub.OnUsageError == nil {
				sub.OnUsageError = app.OnUsageError
			}
		}
		template := cli.CommandHelpTemplate
		if len(c.Subcommands) > 0 {
			template = cli.SubcommandHelpTemplate
		}
		c.CustomHelpTemplate = withExamples(template, helpExamples[c.Name])
		if slices.ContainsFunc(c.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), "layout") }) {
			action, name := c.Action, c.Name
			c.Action = func(ctx *cli.Context) error {
				ref, rest := layoutFlagValue(ctx)
				if err := e.checkLayoutFlag(name, ref, rest); err != nil {
					return err
				}
				return action(ctx)
			}
		}
	}
	return app
}

// commands lists the subcommands; each is defined in its own file.
func commands(e *env) []*cli.Command {
	return []*cli.Command{
		// Each subcommand adds one line here.
		checkCommand(e),
		renderCommand(e),
		watchCommand(e),
		batchCommand(e),
		textCommand(e),
		htmlCommand(e),
		emailCommand(e),
		layoutsCommand(e),
		newCommand(e),
		importCommand(e),
		completionCommand(e),
		manCommand(e),
	}
}
