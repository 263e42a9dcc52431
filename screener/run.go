package screener

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/screener/screener/parsers"
	"golang.org/x/sync/errgroup"
)

// Run screens the files under paths (see [Discover]) against opts.Rules.
// Bad files become error records; Run returns an error (and a nil report)
// only in the cases the package documentation lists.
func Run(ctx context.Context, paths []string, opts Options) (*Report, error) {
	if opts.Rules == nil {
		return nil, errors.New("no rules")
	}
	files, skipped, err := discover(paths)
	if err != nil {
		return nil, err
	}
	opts.roots = paths
	return runFiles(ctx, files, skipped, opts)
}

// RunFiles is [Run] over a list of files already discovered; skipped
// records are carried into the report.
func RunFiles(ctx context.Context, files []string, skipped []Record, opts Options) (*Report, error) {
	l, err := listOf(files)
	if err != nil {
		return nil, err
	}
	return runFiles(ctx, l, skipped, opts)
}

// prefetchBatch is how many files with stored results a run announces to
// its store at a time (see [Store.Prefetch]): the results of one batch are
// read while the files before them screen, and a run holds two batches'
// at most, whatever its size. 500 is the state's query size.
const prefetchBatch = 500

// runFiles is [RunFiles] over files in path order.
func runFiles(ctx context.Context, files *fileList, skipped []Record, opts Options) (*Report, error) {
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
	w.analysing, w.budget = newAnalysisBudget(workers)
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
	n := files.len()
	skipped = slices.Clone(skipped) // sorted by pathOrder: the caller's stays as it was
	closeNames, err := files.spillNames(opts.TempDir)
	if err != nil {
		return nil, err
	}
	defer closeNames()
	fileSeq, skippedSeq, err := pathOrder(files, skipped)
	if err != nil {
		return nil, err
	}
	// Each record goes to the spill as it is made, and its entry to the
	// entries file until ranking.
	es, err := newEntrySpill(opts.TempDir)
	if err != nil {
		return nil, err
	}
	defer es.close()
	var (
		mu       sync.Mutex
		spillErr error
		done     int
		errCount int
		extractT time.Duration
		matchT   time.Duration
	)
	for k := range skipped {
		r := &skipped[k]
		if r.Status == StatusError { // a resume-like file of a type we cannot read
			if !opts.again {
				log.Warn("file failed", "file", r.File, "reason", r.Error, "message", r.Message)
			}
			errCount++
		}
		off, size, err := sp.put(r)
		if err != nil {
			return nil, err
		}
		e := newEntry(r, skippedSeq[k], off, size)
		if err := es.put(n+k, &e); err != nil {
			return nil, err
		}
	}
	order, known := w.plan(files)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	// screen screens file i; st is what is known of it, or nil for the
	// worker to learn. A file without a stored hash is not asked of the
	// store again: plan asked, and what the run has committed since is
	// of other paths.
	screen := func(i int32, st *fileStat) {
		g.Go(func() error {
			var f fileStat
			if st != nil {
				f = *st
			} else {
				f = w.statAt(files, int(i), false)
			}
			rec, te, tm := w.screen(gctx, f)
			e := entry{status: codeGone}
			var err error
			if rec.Status != statusGone {
				var off int64
				var size uint32
				off, size, err = sp.put(&rec)
				e = newEntry(&rec, fileSeq(int(i)), off, size)
			}
			if err == nil {
				err = es.put(int(i), &e)
			}
			if err != nil {
				mu.Lock()
				spillErr = cmp.Or(spillErr, err)
				mu.Unlock()
			}
			failed := rec.Status == StatusError && gctx.Err() == nil
			// Logged outside the lock: a slow stderr must not stall the pool.
			switch {
			case failed && !opts.again:
				log.Warn("file failed", "file", f.Path, "reason", rec.Error, "message", rec.Message)
			case !failed && opts.job != "":
				log.Debug("file screened", "file", f.Path, "job", opts.job, "score", rec.Score, "extract_ms", te.Milliseconds())
			case !failed:
				log.Debug("file screened", "file", f.Path, "score", rec.Score, "extract_ms", te.Milliseconds())
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
				opts.Progress(Progress{Done: done, Total: n, Errors: errCount, Elapsed: time.Since(rep.Started)})
			}
			return nil // a bad file is a record, never a reason to stop the batch
		})
	}
	// Files with stored results come last, in batches: each batch's results
	// are read in bulk while the files before it screen.
	stored := order[n-known:]
	batches := make(chan []fileStat)
	go func() {
		defer close(batches)
		for len(stored) > 0 && gctx.Err() == nil {
			b := stored[:min(len(stored), prefetchBatch)]
			stored = stored[len(b):]
			batches <- w.prefetch(files, b)
		}
	}()
	defer func() {
		for range batches { // ends the prefetching goroutine
		}
	}()
	for _, i := range order[:n-known] {
		if gctx.Err() != nil {
			break
		}
		screen(i, nil)
	}
	for k := 0; k < known && gctx.Err() == nil; {
		b := <-batches
		for j := range b {
			if gctx.Err() != nil {
				break
			}
			screen(order[n-known+k+j], &b[j])
		}
		k += len(b)
	}
	g.Wait()
	if d, ok := opts.Store.(doneHashing); ok {
		d.DoneHashing()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep.ExtractTime, rep.MatchTime = extractT, matchT
	if spillErr != nil {
		return nil, spillErr
	}
	entries, err := es.all(n + len(skippedSeq))
	if err != nil {
		return nil, err
	}
	entries = slices.DeleteFunc(entries, func(e entry) bool { return e.status == codeGone })
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
	if err := rep.keep(sp, x.entries); err != nil {
		return nil, err
	}
	rep.tempDir = opts.TempDir
	rep.Elapsed = time.Since(rep.Started)
	ok = true
	return rep, nil
}

// keep makes sp, with the ranked entries es of its records, the report's
// records, and counts them. The entries go to sp after the records, and
// the writers read them back a chunk at a time: at 40 bytes an entry,
// they would hold 4 MB at 100,000 resumes, and twice that with the
// collector's headroom, while the outputs are written.
func (rep *Report) keep(sp *spill, es []entry) error {
	at, err := sp.putEntries(es)
	if err != nil {
		return err
	}
	rep.src, rep.entriesAt, rep.n = sp, at, len(es)
	rep.Counts = countEntries(es)
	return nil
}

// prefetch learns what it can of the files at idx before they are
// screened (see [fileWorker.stat]), and announces their stored hashes to
// the store, which reads their results in bulk.
func (w *fileWorker) prefetch(files *fileList, idx []int32) []fileStat {
	stats := make([]fileStat, len(idx))
	shas := make([]string, 0, len(idx))
	for k, i := range idx {
		stats[k] = w.statAt(files, int(i), true)
		if sha := stats[k].SHA256; sha != "" {
			shas = append(shas, sha)
		}
	}
	if len(shas) > 0 {
		if err := w.store.Prefetch(shas, w.rulesHash); err != nil {
			w.log.Error("state read failed; reading stored results one by one", "err", err)
		}
	}
	return stats
}

// statAt is [fileWorker.stat] of file i.
func (w *fileWorker) statAt(files *fileList, i int, ask bool) fileStat {
	path, err := files.path(i)
	if err != nil {
		return fileStat{FileInfo: FileInfo{Path: path}, err: err}
	}
	return w.stat(path, ask)
}

// pathOrder places files (in path order) and skipped records together in
// path order, a file before a skipped record of the same path: it returns
// the place of file i, and of each skipped record. Skipped records are
// sorted by path first, stably.
func pathOrder(files *fileList, skipped []Record) (fileSeq func(i int) int32, skippedSeq []int32, err error) {
	slices.SortStableFunc(skipped, func(a, b Record) int {
		ad, af := filepath.Split(a.File)
		bd, bf := filepath.Split(b.File)
		return comparePaths(ad, af, bd, bf)
	})
	// before[k] is how many files come before skipped record k.
	before := make([]int, len(skipped))
	skippedSeq = make([]int32, len(skipped))
	for k := range skipped {
		before[k] = sort.Search(files.len(), func(i int) bool {
			c, e := files.compareTo(i, skipped[k].File)
			err = cmp.Or(err, e)
			return c > 0
		})
		skippedSeq[k] = int32(before[k] + k)
	}
	fileSeq = func(i int) int32 {
		return int32(i + sort.Search(len(before), func(k int) bool { return before[k] > i }))
	}
	return fileSeq, skippedSeq, err
}
