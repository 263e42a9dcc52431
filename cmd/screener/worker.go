package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/screener/screener/queue"
	"github.com/screener/screener/state/postgres"
)

// workerFlags are the flags of the worker command.
type workerFlags struct {
	statePath, root, logFormat string
	workers                    int
	rescueAfter                time.Duration
	quiet, verbose             bool
}

func (f *workerFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.statePath, "state", "", "the coordinators' postgres:// `URL` (default: $SCREENER_STATE)")
	fs.StringVar(&f.root, "root", ".", "where this machine sees the `folder` the coordinators share (their -root)")
	fs.IntVar(&f.workers, "workers", 0, "files extracted at once (default: number of CPUs)")
	fs.DurationVar(&f.rescueAfter, "rescue-after", queue.DefaultRescueAfter, "a job running this long is taken for a dead machine's and run again: a few times the longest -timeout of the coordinators")
	fs.StringVar(&f.logFormat, "log-format", "text", "diagnostics format on stderr: text or json")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but fatal errors")
	fs.BoolVar(&f.verbose, "v", false, "also log each job")
}

func (f *workerFlags) check(args []string) error {
	const line = "usage: screener worker -state URL [-root DIR] [-workers N] [-rescue-after D]"
	switch {
	case len(args) > 0:
		return usageError{line}
	case !postgres.IsURL(f.statePath):
		return usageError{"worker: -state (or $SCREENER_STATE) must be a postgres:// URL\n" + line}
	case f.workers < 0 || f.rescueAfter <= 0:
		return usageError{"worker: -workers and -rescue-after must be positive"}
	case f.logFormat != "text" && f.logFormat != "json":
		return usageError{"worker: -log-format must be text or json"}
	}
	return nil
}

// cmdWorker extracts the jobs of distributed runs until interrupted.
func cmdWorker(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f workerFlags
	f.register(fs)
	fs.Usage = func() { fmt.Fprint(stderr, workerUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	f.statePath = stateSpec(f.statePath)
	if err := f.check(fs.Args()); err != nil {
		return err
	}
	log := newLogger(stderr, f.logFormat, f.quiet, f.verbose)
	pool, err := queue.Connect(ctx, f.statePath)
	if err != nil {
		return err
	}
	defer pool.Close()
	workers := f.workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if !f.quiet {
		fmt.Fprintf(stderr, "screener: worker extracting %d files at once from %s; Ctrl-C stops it after the files in hand\n", workers, f.root)
	}
	return queue.Work(ctx, pool, queue.WorkerOptions{Root: f.root, Workers: workers, Command: workerCommand(),
		RescueAfter: f.rescueAfter, Version: buildVersion(), Logger: log})
}
