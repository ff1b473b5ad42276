package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom/internal/lazyre"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/layout"
)

// helpExamples are the EXAMPLES section of each command's help. Each line is a
// command that works as written, in order, in an empty folder (new writes
// my-statement.toml; batch reads the statements/ folder): TestHelpExamples
// runs them all.
var helpExamples = map[string][]string{
	"new": {
		"pressroom new my-statement.toml",
	},
	"check": {
		"pressroom check my-statement.toml",
		"pressroom check --format json my-statement.toml",
		"pressroom check --layout plain my-statement.toml",
	},
	"render": {
		"pressroom render my-statement.toml",
		"pressroom render my-statement.toml -o release.pdf --layout letterhead",
		"pressroom render my-statement.toml --text --html",
	},
	"batch": {
		"pressroom batch statements --out-dir pdf",
		"pressroom batch statements --out-dir pdf --manifest pdf/manifest.csv --verbose",
		"pressroom batch statements --out-dir pdf --shard 1/2 --manifest pdf/{shard}.json",
		"pressroom batch statements --out-dir pdf --shard 2/2 --manifest pdf/{shard}.json",
		"pressroom batch merge manifest.json pdf/1-of-2.json pdf/2-of-2.json",
	},
	"text": {
		"pressroom text my-statement.toml",
		"pressroom text my-statement.toml -o release.txt",
	},
	"html": {
		"pressroom html my-statement.toml -o release.html",
	},
	"email": {
		"pressroom email my-statement.toml --to news@example.org -o release.eml",
		`pressroom email my-statement.toml --to "Newsdesk <news@example.org>" --subject "Library hours" -o release.eml`,
	},
	"layouts": {
		"pressroom layouts",
		"pressroom layouts show letterhead",
	},
	"completion": {
		"pressroom completion bash",
	},
}

// appHelpExamples are the EXAMPLES of pressroom --help: a first session.
var appHelpExamples = []string{
	"pressroom new my-statement.toml",
	"pressroom check my-statement.toml",
	"pressroom render my-statement.toml",
}

// withExamples appends an EXAMPLES section to a help template.
func withExamples(template string, lines []string) string {
	if len(lines) == 0 {
		return template
	}
	return strings.TrimRight(template, "\n") + "\n\nEXAMPLES:\n   " + strings.Join(lines, "\n   ") + "\n"
}

// layoutFlagValue is the --layout given to c, wherever it stands (flags
// after the file are only parsed when the command runs), and the other
// arguments, for a try: line.
func layoutFlagValue(c *cli.Context) (ref string, rest []string) {
	ref = c.String("layout")
	args := c.Args().Slice()
	for i := 0; i < len(args); i++ {
		a := args[i]
		if v, ok := strings.CutPrefix(a, "--layout="); ok {
			ref = v
			continue
		}
		if a == "--layout" && i+1 < len(args) {
			ref = args[i+1]
			i++
			continue
		}
		rest = append(rest, a)
	}
	return ref, rest
}

// checkLayoutFlag refuses, before any statement is read, a --layout that
// names no built-in layout and no file: that is a mistake on the command
// line (exit 2), not in a statement. A layout file with errors in it is
// an input problem, reported with its positions when it is loaded.
func (e *env) checkLayoutFlag(command, ref string, rest []string) error {
	if ref == "" {
		return nil
	}
	var names []string
	for _, b := range e.layouts.Builtins() {
		names = append(names, b.Name)
	}
	if layout.IsPath(ref) {
		if st, err := os.Stat(ref); err != nil || st.IsDir() {
			return usageError{msg: fmt.Sprintf("--layout %s: there is no layout file there; to start one, copy a built-in layout", diag.Path(ref)),
				try: "pressroom layouts show default > " + ref}
		}
		return nil
	}
	if slices.Contains(names, ref) {
		return nil
	}
	best := diag.Suggest(ref, names)
	if best == "" {
		best = names[0]
	}
	return usageError{msg: fmt.Sprintf("--layout %s: there is no built-in layout called that (built-in layouts: %s; or give a layout file's path, ending in .toml)",
		diag.Path(ref), strings.Join(names, ", ")), try: strings.Join(append([]string{"pressroom", command, "--layout", best}, rest...), " ")}
}

// completionCommand prints a shell script that completes pressroom's
// commands and flags, from urfave/cli's --generate-bash-completion.
func completionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a script that lets bash, zsh, fish or PowerShell complete pressroom's commands and flags",
		ArgsUsage: "bash|zsh|fish|powershell",
		Description: "Prints a completion script for your shell. To use it in every new terminal, add\n" +
			"this line to ~/.bashrc (or ~/.zshrc, with zsh):\n\n" +
			"   source <(pressroom completion bash)\n\n" +
			"fish: pressroom completion fish > ~/.config/fish/completions/pressroom.fish\n" +
			"PowerShell: add this line to your profile (notepad $PROFILE):\n\n" +
			"   pressroom completion powershell | Out-String | Invoke-Expression",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				_, err := fmt.Fprint(e.stdout, bashCompletion)
				return err
			case "zsh":
				_, err := fmt.Fprint(e.stdout, "autoload -U compinit && compinit\nautoload -U bashcompinit && bashcompinit\n"+bashCompletion)
				return err
			case "fish":
				// Made by urfave/cli from the same commands and flags as --help.
				script, err := c.App.ToFishCompletion()
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(e.stdout, script)
				return err
			case "powershell", "pwsh":
				_, err := fmt.Fprint(e.stdout, powershellCompletion)
				return err
			}
			return usageError{msg: "completion needs the shell's name: bash, zsh, fish or powershell", try: "pressroom completion bash"}
		},
	}
}

// bashCompletion asks pressroom itself for the words that may follow, so
// the script never goes out of date.
const bashCompletion = `_pressroom_complete() {
  local cur words
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == -* ]]; then
    words=$("${COMP_WORDS[@]:0:$COMP_CWORD}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    words=$("${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  [[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}
complete -o filenames -F _pressroom_complete pressroom
`

// powershellCompletion asks pressroom for the words that may follow, as
// bashCompletion does: the words before the one being completed, that word
// too when it is a flag, then --generate-bash-completion. Registered for
// pressroom and pressroom.exe.
const powershellCompletion = `Register-ArgumentCompleter -Native -CommandName pressroom, pressroom.exe -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $start = $cursorPosition - $wordToComplete.Length
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -lt $start } | ForEach-Object { $_.ToString() })
    if ($wordToComplete -like '-*') { $words += $wordToComplete }
    $words += '--generate-bash-completion'
    $exe = $commandAst.CommandElements[0].ToString()
    & $exe @words 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`

// badFlagValue is urfave/cli's message for a value that does not parse.
var badFlagValue = lazyre.New(`^invalid value "(.*)" for flag -+([a-z-]+)(?:=.*)?: parse error$`)

// plainUsage rewrites urfave/cli's messages that a user cannot act on
// ("parse error") into what to write instead.
func plainUsage(msg string) string {
	if m := badFlagValue.FindStringSubmatch(msg); m != nil {
		flag := "--" + m[2]
		if len(m[2]) == 1 {
			flag = "-" + m[2]
		}
		return fmt.Sprintf("%s %s: give a whole number, e.g. %s 2", flag, m[1], flag)
	}
	return msg
}
