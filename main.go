// Command weekfit helps a person keep their job while attending an intensive
// outpatient program: it overlays job hours, travel, family duties and sleep on
// a weekly grid and finds every way of attending that fits.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/term"
)

// Exit codes, as the README lists them.
const (
	exitOK    = 0
	exitOther = 1
	exitInput = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run carries out one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return exitCode(stderr, func() error { return dispatch(args, stdout, stderr) })
}

// exitCode runs a command, says on stderr what went wrong, and returns the
// exit code. A panic is an internal error: one sentence and exit 1, never a
// stack trace, never the panic's value (it may hold a name).
func exitCode(stderr io.Writer, command func() error) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, internalError{where: panicSite()})
			code = exitOther
		}
	}()
	err := command()
	if err == nil {
		return exitOK
	}
	var (
		ie       inputError
		internal internalError
		stopped  stopError
	)
	switch {
	case errors.As(err, &internal):
		fmt.Fprintln(stderr, internal)
		return exitOther
	case errors.As(err, &stopped):
		fmt.Fprintf(stderr, "weekfit: %v\n", stopped)
		return stopped.code()
	}
	fmt.Fprintf(stderr, "weekfit: %v\n", err)
	if errors.As(err, &ie) {
		return exitInput
	}
	return exitOther
}

// command is one row of the command table: dispatch, the usage text and the
// check that both agree all read it.
type command struct {
	name    string   // the first argument
	args    string   // what follows the name in the usage text
	what    []string // the usage text's description, a line each
	aliases []string // other names for it
	run     func(args []string, stdout io.Writer, env storeEnv, now time.Time) error
}

// commands lists every command in the order the usage text shows them. The
// week grid, which runs without a command, comes first with no name.
func commands() []command {
	store := func(f func([]string, io.Writer, storeEnv) error) func([]string, io.Writer, storeEnv, time.Time) error {
		return func(args []string, stdout io.Writer, env storeEnv, _ time.Time) error { return f(args, stdout, env) }
	}
	return []command{
		{args: "[--db PATH] [--demo] [--discreet]", what: []string{"open the week grid (--demo: on a demo database)"}},
		{name: "solve", args: "FILE [--json] [--top N] [--max-asks N | --no-fixes] [--max-time DURATION] [--db PATH]",
			what: []string{"rank the plans that fit a scenario file and say what to ask for to make", "the others fit (default budget 2s; --db: with the catalog programs it names)"},
			run:  cmdSolve},
		{name: "profiles", args: "[--json]", what: []string{"list the profiles in the database"}, run: store(cmdProfiles)},
		{name: "import", args: "FILE [--as NAME] [--sheet NAME]", what: []string{"import a scenario, a profile export, or a catalog (JSON, CSV, .xlsx, .ods)"}, run: store(cmdImport)},
		{name: "catalog", args: "list [WORDS] [--json] | show ID | remove ID [--yes]",
			what: []string{"list, search, show or remove the programs of the catalog"}, run: cmdCatalog},
		{name: "intake", args: "[--as NAME] [--accessible]", what: []string{"a new profile by a guided interview", "(--accessible: plain numbered prompts)"}, run: store(cmdIntake)},
		{name: "export", args: "PROFILE [--out FILE]", what: []string{"print a profile's week and saved plans as JSON"}, run: store(cmdExport)},
		{name: "export-plan", args: exportPlanArgs(),
			what: []string{"write a profile's plan as a calendar, handout or note", "(docs/export.md: --tz, --names, --travel, --paper, ...)"}, run: cmdExportPlan},
		{name: "whatif", args: whatIfArgs, what: []string{"list, show, save, rename, delete or adopt a profile's what-ifs"}, run: store(cmdWhatIf)},
		{name: "diff", args: diffArgs, what: []string{"what changes between the week, a what-if or a saved plan"}, run: store(cmdDiff)},
		{name: "delete", args: "PROFILE [--yes]", what: []string{"delete a profile and every trace of it"}, run: store(cmdDelete)},
		{name: "backup", args: "PATH", what: []string{"copy the database to PATH"}, run: store(cmdBackup)},
		{name: "passphrase", what: []string{"set, change or remove the database passphrase"}, run: store(cmdPassphrase)},
		{name: "help", aliases: []string{"-h", "--help", "-help"}, what: []string{"show this help"},
			run: func(_ []string, stdout io.Writer, _ storeEnv, _ time.Time) error {
				fmt.Fprint(stdout, usage())
				return nil
			}},
	}
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	crashHook("command")
	if len(args) == 0 || isTUIFlag(args[0]) {
		return cmdTUI(args, processEnv(stderr), term.IsTerminal(int(os.Stdin.Fd())))
	}
	env := processEnv(stderr)
	return runCommand(args[0], args[1:], stdout, env, time.Now())
}

// runCommand runs the command of the table named name, at time now.
func runCommand(name string, args []string, stdout io.Writer, env storeEnv, now time.Time) error {
	for _, c := range commands() {
		if c.name != "" && (c.name == name || slices.Contains(c.aliases, name)) {
			return c.run(args, stdout, env, now)
		}
	}
	return usageErr("unknown command %q\n%s", name, usage())
}

// isTUIFlag reports whether a first argument is a flag of the week grid
// rather than a command.
func isTUIFlag(arg string) bool {
	switch arg {
	case "-h", "--help", "-help":
		return false
	}
	return strings.HasPrefix(arg, "-")
}

// usageColumn is where the usage text's descriptions begin.
const usageColumn = 42

// usage is the help text, made from the command table.
func usage() string {
	var b strings.Builder
	b.WriteString("usage:\n")
	for _, c := range commands() {
		line := strings.Join(strings.Fields("  weekfit "+c.name+" "+c.args), " ")
		line = "  " + line
		if len(line)+2 > usageColumn {
			b.WriteString(line + "\n")
			line = ""
		}
		for _, w := range c.what {
			fmt.Fprintf(&b, "%-*s%s\n", usageColumn, line, w)
			line = ""
		}
	}
	b.WriteString("The database commands take --db PATH (or WEEKFIT_DB); the default is\n" +
		"$XDG_DATA_HOME/weekfit/weekfit.db. WEEKFIT_PASSPHRASE gives the passphrase to scripts.\n")
	return b.String()
}
