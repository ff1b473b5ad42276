package main

import (
	_ "embed"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/output"
)

// manPage is the manual page, made by urfave/cli's generator from the
// same names, usages and flags as --help; TestManPageIsCurrent holds it
// to them (go test ./cmd/pressroom -run TestManPageIsCurrent -update
// writes it again). It is made ahead rather than on demand so that the
// released binary is built with urfave_cli_no_docs, which leaves out the
// generator and its Markdown parser (blackfriday), whose regular
// expressions were compiled at every start of every command.
//
//go:embed pressroom.1
var manPage string

// manCommand prints the manual page.
func manCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "man",
		Usage:     "print pressroom's manual page (roff), made from the same text as --help",
		UsageText: "pressroom man [-o pressroom.1]",
		Description: "Prints the manual page. To read it: pressroom man | man -l -\n" +
			"To install it: pressroom man -o ~/.local/share/man/man1/pressroom.1",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the page to `FILE` instead of standard output"},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageError{msg: fmt.Sprintf("man: unknown argument %q", c.Args().First()), try: "pressroom man -o pressroom.1"}
			}
			page := manPage
			if path := c.String("output"); path != "" {
				return output.WriteFile(path, func(w io.Writer) error {
					_, err := io.WriteString(w, page)
					return err
				})
			}
			_, err := io.WriteString(e.stdout, page)
			return err
		},
	}
}
