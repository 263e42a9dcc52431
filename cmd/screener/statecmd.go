package main

import (
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/screener/screener/state"
	"github.com/screener/screener/state/postgres"
)

// stateEnv names the environment variable that stands for -state when
// the flag is not given, so that a database URL with its password stays
// off the command line (and out of ps).
const stateEnv = "SCREENER_STATE"

// stateSpec returns the -state flag's value, or else $SCREENER_STATE.
func stateSpec(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	return os.Getenv(stateEnv)
}

// openState opens what -state names: a PostgreSQL database for a
// postgres:// URL, else an SQLite file.
func openState(ctx context.Context, spec string, opts state.Options) (*state.DB, error) {
	if postgres.IsURL(spec) {
		return postgres.Open(ctx, spec, opts)
	}
	return state.Open(spec, opts)
}

func cmdForget(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("forget", flag.ContinueOnError)
	fs.SetOutput(stderr)
	statePath := fs.String("state", "", "state `FILE` or postgres:// URL (default: $SCREENER_STATE)")
	email := fs.String("email", "", "forget the candidate with this email `ADDRESS`")
	file := fs.String("file", "", "forget the resume stored under this `PATH`")
	sha := fs.String("sha256", "", "forget the resume with this content `HASH`")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	*statePath = stateSpec(*statePath)
	given := 0
	for _, v := range []string{*email, *file, *sha} {
		if v != "" {
			given++
		}
	}
	if *statePath == "" || given != 1 || fs.NArg() > 0 {
		return usageError{"usage: screener forget -state FILE|URL (-email ADDRESS | -file PATH | -sha256 HASH)"}
	}
	if *sha != "" && !isSHA256(*sha) {
		return usageError{fmt.Sprintf("forget: -sha256 %q: want 64 hexadecimal digits, as in the JSON Lines sha256 field", *sha)}
	}
	db, err := openState(ctx, *statePath, state.Options{Existing: true})
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Forget(*email, *file, *sha)
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("forget: nothing stored matches; nothing deleted (hint: 'screener runs' lists the runs; a path matches as screened, relative to the current folder, or relative to the folder screened)")
	}
	fmt.Fprintf(stdout, "forgot %d resume(s)\n", n)
	return nil
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func cmdRuns(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("runs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	statePath := fs.String("state", "", "state `FILE` or postgres:// URL (default: $SCREENER_STATE)")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	*statePath = stateSpec(*statePath)
	if *statePath == "" || fs.NArg() > 0 {
		return usageError{"usage: screener runs -state FILE|URL"}
	}
	db, err := openState(ctx, *statePath, state.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	runs, err := db.Runs()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tSTARTED\tSECONDS\tFILES\tSCREENED\tNEW\tQUALIFIED\tERRORS\tSKIPPED\tDUPLICATES\tEXIT\tRULES")
	for _, r := range runs {
		secs, exit := "-", fmt.Sprint(r.ExitCode)
		if !r.Ended.IsZero() {
			secs = fmt.Sprint(r.Ended.Sub(r.Started).Round(time.Second).Seconds())
		}
		if r.ExitCode < 0 {
			exit = "interrupted"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", r.ID, r.Started.UTC().Format(time.RFC3339), secs,
			r.Files, r.Screened, r.New, r.Qualified, r.Errors, r.Skipped, r.Duplicates, exit, r.RulesHash)
	}
	return tw.Flush()
}
