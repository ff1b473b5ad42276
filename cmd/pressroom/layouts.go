package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

func layoutsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "layouts",
		Usage: "list the built-in layouts, or print one to copy and change",
		Description: "With no arguments, lists the built-in layouts, one a line.\n" +
			"`pressroom layouts show NAME` prints a layout's TOML: save it beside your statements,\n" +
			"change the name, colours and logo, and point a statement at it with layout = \"FILE.toml\".",
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usageError{msg: fmt.Sprintf("layouts: unknown argument %q", c.Args().First()), try: "pressroom layouts show default"}
			}
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			for _, b := range e.layouts.Builtins() {
				fmt.Fprintf(w, "%s\t%s\n", b.Name, b.Description)
			}
			return w.Flush()
		},
		Subcommands: []*cli.Command{{
			Name:      "show",
			Usage:     "print a built-in layout's TOML",
			ArgsUsage: "NAME",
			Action: func(c *cli.Context) error {
				if c.Args().Len() != 1 {
					return usageError{msg: "layouts show needs one layout name", try: "pressroom layouts show default > my-layout.toml"}
				}
				name := c.Args().First()
				src, err := e.layouts.Source(name)
				if err != nil {
					return usageError{msg: err.Error(), try: "pressroom layouts"}
				}
				_, err = e.stdout.Write(src)
				return err
			},
		}},
	}
}
