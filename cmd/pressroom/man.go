package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/output"
)

// manCommand prints the manual page, made by urfave/cli from the same
// names, usages and flags as --help, so the two never disagree.
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
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return err
			}
			if path := c.String("output"); path != "" {
				return output.WriteFile(path, func(w io.Writer) error {
					_, err := io.WriteString(w, page)
					return err
				})
			}
			_, err = io.WriteString(e.stdout, page)
			return err
		},
	}
}
