package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/screener/screener/parsers/worker"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/state"
)

// Exit codes, documented in doc.go and the README.
const (
	exitOK       = 0
	exitFailure  = 1 // could not run (I/O, interrupted)
	exitUsage    = 2 // bad flags or rules
	exitSomeBad  = 3 // finished, but some files could not be screened
	exitLocked   = 4 // another run holds the state file
	exitNothing  = 5 // finished, but not one resume could be screened
	workerSwitch = "__extract-worker"
)

// version is set with -ldflags "-X main.version=v1.2.3"; otherwise the
// module version from the build info is used.
var version = ""

func main() {
	if len(os.Args) > 1 && os.Args[1] == workerSwitch {
		if err := worker.Serve(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "screener worker:", err)
			os.Exit(exitFailure)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError is a command-line mistake: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	code := exitOK
	switch args[0] {
	case "screen":
		code, err = cmdScreen(ctx, args[1:], stdout, stderr)
	case "watch":
		err = cmdWatch(ctx, args[1:], stdout, stderr)
	case "rules":
		err = cmdRules(args[1:], stdout, stderr)
	case "extract":
		err = cmdExtract(ctx, args[1:], stdout, stderr)
	case "forget":
		err = cmdForget(ctx, args[1:], stdout, stderr)
	case "worker":
		err = cmdWorker(ctx, args[1:], stderr)
	case "runs":
		err = cmdRuns(ctx, args[1:], stdout, stderr)
	case "state":
		err = cmdState(ctx, args[1:], stdout, stderr)
	case "audit":
		err = cmdAudit(args[1:], stdout, stderr)
	case "redact":
		err = cmdRedact(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "screener", buildVersion())
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	if err == nil {
		return code
	}
	var ue usageError
	var pe *rules.ParseError
	msg := termSafe(err.Error()) // paths come from the user, and may hold escape sequences
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "screener: %s\nRun 'screener help' for usage.\n", msg)
		return exitUsage
	case errors.As(err, &pe), errors.Is(err, errNoSkills):
		fmt.Fprintf(stderr, "screener: %s\n", strings.ReplaceAll(msg, "\n", "\nscreener: "))
		return exitUsage
	case errors.Is(err, state.ErrLocked):
		fmt.Fprintf(stderr, "screener: %s (hint: wait for it to finish; a killed run's lock frees itself)\n", msg)
		return exitLocked
	case errors.Is(err, state.ErrLockLost):
		fmt.Fprintf(stderr, "screener: %s (hint: the run stopped before writing its outputs; what it committed is kept: run it again once the database is reachable)\n", msg)
		return exitFailure
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "screener: interrupted; no output written")
		return exitFailure
	}
	fmt.Fprintf(stderr, "screener: %s\n", msg)
	return exitFailure
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
