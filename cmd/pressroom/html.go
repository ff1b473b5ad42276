package main

import (
	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/pkg/webpage"
)

func htmlCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "html",
		Usage:     "write a statement as one accessible web page",
		ArgsUsage: "FILE",
		Description: "Writes the release as a single HTML page with headings, lists and links, the\n" +
			"layout's colours and fonts, no scripts and nothing loaded from elsewhere, for a\n" +
			"web team to publish or paste into a CMS. Without -o the page goes to standard\n" +
			"output. A statement with a translation gives one page with a section for each\n" +
			"language (its lang and dir), Welsh first (--separate: a page for each).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT.html` instead of standard output"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			separateFlag(".html"),
			trustFlag(),
		},
		Action: func(c *cli.Context) error {
			file, err := oneFile(c, "pressroom new my-statement.toml && pressroom html my-statement.toml -o release.html")
			if err != nil {
				return err
			}
			e.trustPaths = c.Bool("trust-paths")
			in, err := e.loadRelease(c.Command.Name, file, c.String("layout"))
			if err != nil {
				return err
			}
			return e.emitRelease(in, file, c.String("output"), ".html", c.Bool("separate"), webpage.WriteAll)
		},
	}
}
