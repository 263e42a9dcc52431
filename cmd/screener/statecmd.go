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
		switch {
		case r.Running:
			exit = "running"
		case r.ExitCode < 0:
			exit = "interrupted"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", r.ID, r.Started.UTC().Format(time.RFC3339), secs,
			r.Files, r.Screened, r.New, r.Qualified, r.Errors, r.Skipped, r.Duplicates, exit, r.RulesHash)
	}
	return tw.Flush()
}

const stateUsage = "usage: screener state migrate -from FILE [-to URL]"

const stateMigrateUsage = `Usage: screener state migrate -from FILE [-to URL]

Copies the SQLite state FILE into the PostgreSQL database at URL
($SCREENER_STATE if -to is not given), merging it with what the database
holds, in one transaction; prints each table's rows read and found in the
database, and fails unless every row read is there. The next run on this
machine with -state URL reads no file the state file knew.

Example:
  export SCREENER_STATE='postgres://screener@db.example.com/hiring'
  screener state migrate -from state/backend.db

Flags:
`

// cmdState runs 'screener state migrate': it copies an SQLite state file
// into a PostgreSQL database.
func cmdState(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "migrate" {
		return usageError{stateUsage}
	}
	fs := flag.NewFlagSet("state migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the SQLite state `FILE` to copy")
	to := fs.String("to", "", "the postgres:// `URL` to copy it into (default: $SCREENER_STATE)")
	fs.Usage = func() { fmt.Fprint(stderr, stateMigrateUsage); fs.PrintDefaults() }
	if err := fs.Parse(args[1:]); err != nil {
		return usageErr(err)
	}
	*to = stateSpec(*to)
	switch {
	case *from == "" || *to == "" || fs.NArg() > 0:
		return usageError{stateUsage}
	case postgres.IsURL(*from):
		return usageError{"state migrate: -from: want an SQLite state file"}
	case !postgres.IsURL(*to):
		return usageError{"state migrate: -to: want a postgres:// URL"}
	}
	src, err := state.Open(*from, state.Options{Existing: true})
	if err != nil {
		return err
	}
	defer src.Close()
	start := time.Now()
	copied, err := postgres.Import(ctx, src, *to)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tREAD\tIN DATABASE")
	for _, c := range copied {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", c.Table, c.Read, c.Merged)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %s in %s: every row read is in the database\n", *from, time.Since(start).Round(time.Millisecond))
	return nil
}
