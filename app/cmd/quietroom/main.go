// Command quietroom is the Quiet Room kiosk and its command line for admins and developers.
//
// main only wires: each subcommand lives in its own file and registers itself in commands.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"

	_ "quietroom/app/cmd/quietroom/quietlocale" // before Fyne's translations: see its doc
)

// command is one subcommand: `quietroom NAME ARGS...`.
type command struct {
	name    string
	usage   string // arguments, e.g. "check FILE..."
	summary string
	run     func(env *env, args []string) int
}

// env is what a subcommand gets from the outside world; tests substitute it.
type env struct {
	stdout, stderr io.Writer
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	os.Exit(dispatch(&env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func dispatch(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "quietroom: unknown command %q; run `quietroom help` to see the commands\n", args[0])
		return 2
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Quiet Room: a kiosk for confidential interview rooms.")
	fmt.Fprintln(w, "\nUsage: quietroom COMMAND [ARGUMENTS]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-28s %s\n", c.name+" "+c.usage, c.summary)
	}
}
