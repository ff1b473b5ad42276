package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
)

// Helpers every command uses: arguments and flags in any order, and the
// words of counts in messages.

// trailingFlags lets flags follow the inputs, as in
// "pressroom batch archive/ --out-dir pdf/": urfave/cli stops reading flags
// at the first argument, so the rest are set here. "--" ends the flags.
func trailingFlags(c *cli.Context) ([]string, error) {
	args := c.Args().Slice()
	var inputs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(inputs, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			inputs = append(inputs, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		var flag cli.Flag
		for _, f := range c.Command.Flags {
			for _, n := range f.Names() {
				if n == name {
					flag = f
				}
			}
		}
		if flag == nil {
			return nil, usageError{msg: "flag provided but not defined: " + a, try: "pressroom " + c.Command.Name + " --help"}
		}
		if _, isBool := flag.(*cli.BoolFlag); isBool {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return nil, usageError{msg: "flag needs an argument: " + a, try: "pressroom " + c.Command.Name + " --help"}
			}
			i++
			value = args[i]
		}
		if err := c.Set(flag.Names()[0], value); err != nil {
			return nil, usageError{msg: plainUsage(fmt.Sprintf("invalid value %q for flag %s: %v", value, a, err)), try: "pressroom " + c.Command.Name + " --help"}
		}
	}
	return inputs, nil
}

// oneFile returns the command's single statement file, or a usage error
// whose try: line is example. Flags may follow the file, as in
// "pressroom text seed.toml -o seed.txt".
func oneFile(c *cli.Context, example string) (string, error) {
	args, err := trailingFlags(c)
	if err != nil {
		return "", err
	}
	switch len(args) {
	case 1:
		return args[0], nil
	case 0:
		return "", usageError{msg: c.Command.Name + " needs a statement file", try: example}
	default:
		return "", usageError{msg: fmt.Sprintf("%s takes one statement file, not %d", c.Command.Name, len(args)), try: example}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func countWords(errs, warns int) string {
	if errs == 0 && warns == 0 {
		return "ok"
	}
	plural := func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return strconv.Itoa(n) + " " + word + "s"
	}
	return plural(errs, "error") + ", " + plural(warns, "warning")
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func boolCount(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
