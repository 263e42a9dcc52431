package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/screener/screener/screener"
)

func cmdWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f screenFlags
	f.register(fs)
	settle := fs.Duration("settle", 2*time.Second, "wait until changed files have not changed for this long")
	fs.Usage = func() { fmt.Fprint(stderr, watchUsage); fs.PrintDefaults() }
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usageError{"watch: give one INBOX folder"}
	}
	f.statePath = stateSpec(f.statePath)
	outGiven := false
	fs.Visit(func(fl *flag.Flag) { outGiven = outGiven || fl.Name == "out" })
	if f.statePath == "" || !outGiven || f.out == "" {
		return usageError{"watch: -state and -out are required"}
	}
	if !f.newSince.isSet() {
		// A rewrite follows every drop: "since the last run" would show only
		// the last file or two. A day back shows a recruiter in the morning
		// everything that arrived since the previous morning.
		f.newSince = window{ago: 24 * time.Hour}
	}
	if err := f.check(paths, "watch"); err != nil {
		return err
	}
	s, err := newSession(ctx, f, paths, stdout, stderr)
	if err != nil {
		return err
	}
	defer s.close()
	s.opts.Progress = nil // a long-lived process logs, it does not redraw
	s.watching = true
	ctx = s.guard(ctx)
	if err := screenerWatch(ctx, s, *settle); err != nil {
		return err
	}
	return lockLost(ctx, nil)
}

func screenerWatch(ctx context.Context, s *session, settle time.Duration) error {
	err := screener.Watch(ctx, s.paths[0], settle, s.log, func(ctx context.Context) error {
		if _, err := s.once(ctx); err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			// One failed run (an unwritable output, say) is reported; the
			// next change tries again.
			s.log.Error("run failed", "err", err)
		}
		return nil
	})
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
