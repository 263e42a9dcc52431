package screener

import (
	"cmp"
	"context"
	"errors"
	"github.com/screener/screener/parsers"
	"golang.org/x/sync/errgroup"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"time"
)

// Run screens the files under paths (see [Discover]) against opts.Rules.
// Bad files become error records; Run returns an error (and a nil report)
// only in the cases the package documentation lists.
func Run(ctx context.Context, paths []string, opts Options) (*Report, error) {
	if opts.Rules == nil {
		return nil, errors.New("no rules")
	}
	files, skipped, err := Discover(paths)
	if err != nil {
		return nil, err
	}
	opts.roots = paths
	return RunFiles(ctx, files, skipped, opts)
}

// RunFiles is [Run] over a list of files already discovered; skipped
// records are carried into the report.
func RunFiles(ctx context.Context, files []string, skipped []Record, opts Options) (*Report, error) {
	tax, err := opts.Rules.Taxonomy()
	if err != nil {
		return nil, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	extract := opts.Extract
	if extract == nil {
		extract = func(ctx context.Context, f FileInfo) (*parsers.Document, error) {
			return parsers.ExtractFile(ctx, f.Path, opts.Limits)
		}
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rep := &Report{Started: time.Now(), RuleHash: opts.Rules.Hash(), Incremental: opts.Store != nil, NewSince: opts.NewSince,
		Version: opts.Version, AsOf: asOf}
	w := &fileWorker{extract: extract, tax: tax, set: opts.Rules, asOf: asOf, region: opts.Region, store: opts.Store, rulesHash: rep.RuleHash,
		newSince: opts.NewSince, log: log, roots: opts.roots}
	if opts.Region != "" {
		w.rulesHash += "+" + opts.Region // stored results depend on the region too
	}
	sp, err := newSpill(opts.TempDir)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			sp.close()
		}
	}()
	// Each record goes to the spill as it is made; the run keeps its entry.
	entries := make([]entry, len(files))
	var spillErr error
	var (
		mu       sync.Mutex
		done     int
		errCount int
		extractT time.Duration
		matchT   time.Duration
	)
	for _, r := range skipped {
		if r.Status == StatusError { // a resume-like file of a type we cannot read
			log.Warn("file failed", "file", r.File, "reason", r.Error, "message", r.Message)
			errCount++
		}
	}
	infos, order, known := w.plan(files)
	// Stored results are read in bulk while the first new files extract.
	prefetched := make(chan struct{})
	go func() {
		defer close(prefetched)
		if len(known) > 0 {
			if err := w.store.Prefetch(known, w.rulesHash); err != nil {
				log.Error("state read failed; reading stored results one by one", "err", err)
			}
		}
	}()
	defer func() { <-prefetched }()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for _, i := range order {
		path := files[i]
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if infos[i].SHA256 != "" {
				<-prefetched
			}
			rec, te, tm := w.screen(gctx, infos[i])
			entries[i].status = rec.Status
			if rec.Status != statusGone {
				off, size, err := sp.put(&rec)
				entries[i] = newEntry(&rec, off, size)
				if err != nil {
					mu.Lock()
					spillErr = cmp.Or(spillErr, err)
					mu.Unlock()
				}
			}
			failed := rec.Status == StatusError && gctx.Err() == nil
			// Logged outside the lock: a slow stderr must not stall the pool.
			if failed {
				log.Warn("file failed", "file", path, "reason", rec.Error, "message", rec.Message)
			} else {
				log.Debug("file screened", "file", path, "score", rec.Score, "extract_ms", te.Milliseconds())
			}
			mu.Lock()
			defer mu.Unlock()
			done++
			extractT += te
			matchT += tm
			if failed {
				errCount++
			}
			if opts.Progress != nil {
				opts.Progress(Progress{Done: done, Total: len(files), Errors: errCount, Elapsed: time.Since(rep.Started)})
			}
			return nil // a bad file is a record, never a reason to stop the batch
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep.ExtractTime, rep.MatchTime = extractT, matchT
	if spillErr != nil {
		return nil, spillErr
	}
	entries = slices.DeleteFunc(entries, func(e entry) bool { return e.status == statusGone })
	for i := range skipped {
		off, size, err := sp.put(&skipped[i])
		if err != nil {
			return nil, err
		}
		entries = append(entries, newEntry(&skipped[i], off, size))
	}
	if err := sp.sync(); err != nil {
		return nil, err
	}
	x := &ranking{entries: entries, src: sp}
	if err := x.markDuplicates(); err != nil {
		return nil, err
	}
	if err := x.markSamePerson(); err != nil {
		return nil, err
	}
	x.rank()
	rep.entries, rep.src, rep.tempDir = x.entries, sp, opts.TempDir
	rep.Elapsed = time.Since(rep.Started)
	rep.Counts = countEntries(rep.entries)
	ok = true
	return rep, nil
}

// fileStat is what the planning pass learns of a file.
