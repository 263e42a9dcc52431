package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/worker"
	"github.com/screener/screener/queue"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
	"github.com/screener/screener/state/postgres"
)

// screenFlags are the flags of screen and watch.
type screenFlags struct {
	jobs                      jobList // -job and -rules, in order: one job each
	out, jsonl, csv           string
	workers, top              int
	minScore                  float64
	timeout                   time.Duration
	maxSize, memory           byteSize
	quiet, inProcess, verbose bool
	logFormat, asOf, region   string
	statePath                 string
	storeText                 bool
	retain                    days
	linkBase                  urlFlag
	newSince                  window
	blind                     bool
	identities                string
	ocr, ocrLang              string
	distributed               bool
	root                      string
}

func (f *screenFlags) register(fs *flag.FlagSet) {
	f.maxSize = 20 << 20
	f.memory = 512 << 20
	fs.Var(jobFlag{&f.jobs, false}, "job", "job `posting` (.txt, .md, .pdf, .docx, .html, ...) to derive the rules from; repeat it to screen for several jobs at once")
	fs.Var(jobFlag{&f.jobs, true}, "rules", "rule `file` (YAML), e.g. from 'screener rules derive'; repeat it to screen for several jobs at once")
	fs.StringVar(&f.out, "out", "shortlist.xlsx", "Excel workbook to write ('' for none)")
	fs.StringVar(&f.jsonl, "jsonl", "", "also write JSON Lines, one record per input file, to `FILE` (- for stdout)")
	fs.StringVar(&f.csv, "csv", "", "also write the shortlist as CSV to `FILE` (- for stdout)")
	fs.IntVar(&f.workers, "workers", 0, "files screened at once (default: number of CPUs)")
	fs.IntVar(&f.top, "top", 0, "list only the best `N` candidates on the Shortlist, Skills and CSV (0: all)")
	fs.Float64Var(&f.minScore, "min-score", 0, "list only candidates scoring at least `S` on the Shortlist, Skills and CSV")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit per file")
	fs.Var(&f.maxSize, "max-size", "largest file to read")
	fs.Var(&f.memory, "max-memory", "memory limit of each extraction worker")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but fatal errors (for cron)")
	fs.BoolVar(&f.verbose, "v", false, "also log each file and the run's timing and memory figures")
	fs.BoolVar(&f.inProcess, "in-process", false, "extract in this process instead of isolated workers (faster; a hostile file can hang the run)")
	fs.StringVar(&f.logFormat, "log-format", "text", "diagnostics format on stderr: text or json")
	fs.StringVar(&f.asOf, "as-of", "", "date that 'Present' means in experience ranges, YYYY-MM-DD (default: today)")
	fs.StringVar(&f.region, "region", "", "`country` (ISO code, e.g. GB) of phone numbers written without +code; they are then written +44 … (default: none, kept as written)")
	fs.StringVar(&f.statePath, "state", "", "state: an SQLite `FILE` or a postgres:// URL (default: $SCREENER_STATE); remember files between runs and screen only new or changed ones")
	fs.BoolVar(&f.storeText, "store-text", true, "with -state, keep extracted text so changed rules re-score without re-reading files (false: keep only its hash)")
	fs.Var(&f.linkBase, "link-base", "link CVs under this `URL`, where the screened folders are published (default: relative to the workbook's folder)")
	fs.Var(&f.newSince, "new-since", "with -state, mark as New the candidates first seen in this window: a `DURATION` back (24h, 7d) or since a DATE (2026-11-25, 2026-11-25T18:00) (default: since the last completed run; watch: 24h)")
	fs.BoolVar(&f.blind, "blind", false, "blind review: the workbook and CSV show a candidate ID instead of name, contacts, links and file, and redacted evidence")
	fs.StringVar(&f.identities, "identities", "", "with -blind, also write the candidate IDs' names, contacts and files to this CSV `FILE`")
	fs.StringVar(&f.ocr, "ocr", "auto", "read scans and photos with Tesseract: auto (when installed) or off")
	fs.StringVar(&f.ocrLang, "ocr-lang", "eng", "Tesseract `languages` for OCR, e.g. eng+deu (each needs its tesseract-ocr-LANG package)")
	fs.BoolVar(&f.distributed, "distributed", false, "have the files extracted by 'screener worker' processes on any number of machines, through the -state PostgreSQL database")
	fs.StringVar(&f.root, "root", ".", "with -distributed, the `folder` the workers share: resumes must be under it, and workers find them by their path relative to it")
	fs.Var(&f.retain, "retain", "with -state, first delete what was stored about files not seen for this long, e.g. 180d")
}

func (f *screenFlags) check(paths []string, cmd string) error {
	switch {
	case len(paths) == 0:
		return usageError{cmd + ": no resume files or folders given"}
	case f.jobs.mixed():
		return usageError{cmd + ": give exactly one of -job or -rules (either may be repeated, once per job)"}
	case f.top < 0:
		return usageError{cmd + ": -top must be 0 (all) or more"}
	case f.minScore < 0 || f.minScore > 100:
		return usageError{cmd + ": -min-score must be between 0 and 100"}
	case f.ocr != "auto" && f.ocr != "off":
		return usageError{cmd + ": -ocr must be auto or off"}
	case f.logFormat != "text" && f.logFormat != "json":
		return usageError{cmd + ": -log-format must be text or json"}
	case f.out == "" && f.jsonl == "" && f.csv == "":
		return usageError{cmd + ": no output: give -out, -jsonl or -csv"}
	case f.statePath == "" && (f.retain > 0 || !f.storeText || f.newSince.isSet()):
		return usageError{cmd + ": -retain, -store-text and -new-since need -state"}
	case f.distributed && !postgres.IsURL(f.statePath):
		return usageError{cmd + ": -distributed needs -state (or $SCREENER_STATE) to be a postgres:// URL: the workers take their jobs from that database"}
	case f.distributed && f.inProcess:
		return usageError{cmd + ": -distributed and -in-process exclude each other"}
	case f.identities != "" && !f.blind:
		return usageError{cmd + ": -identities goes with -blind"}
	case f.identities == "-":
		return usageError{cmd + ": -identities needs a file (it holds contact details)"}
	case (f.out == "-" && f.jsonl == "-") || (f.out == "-" && f.csv == "-") || (f.jsonl == "-" && f.csv == "-"):
		return usageError{cmd + ": only one output can go to standard output"}
	}
	if f.asOf != "" {
		if _, err := time.Parse("2006-01-02", f.asOf); err != nil {
			return usageError{cmd + ": -as-of: want YYYY-MM-DD"}
		}
	}
	if f.distributed {
		for _, p := range paths {
			if _, err := queue.Rel(f.root, p); err != nil {
				return usageError{cmd + ": " + err.Error()}
			}
		}
	}
	if f.region != "" && !rules.KnownRegion(f.region) {
		return usageError{cmd + ": -region: unknown country code " + strconv.Quote(f.region) + " (want an ISO 3166 code such as GB, US, IN)"}
	}
	return nil
}

// outputs lists the outputs the flags ask for, each yet to be planned.
func (f *screenFlags) outputs() []*output {
	var outs []*output
	for _, o := range []struct{ flag, path string }{{"-out", f.out}, {"-jsonl", f.jsonl}, {"-csv", f.csv}, {"-identities", f.identities}} {
		if o.path != "" {
			outs = append(outs, &output{flag: o.flag, path: o.path, private: o.flag == "-identities"})
		}
	}
	return outs
}

// session is everything a run needs, set up once; watch runs it many times.
type session struct {
	f       screenFlags
	paths   []string
	jobs    []screener.Job
	opts    screener.Options
	db      *state.DB
	log     *slog.Logger
	status  *statusLine // stderr on a terminal, nil otherwise
	stderr  io.Writer
	stdout  io.Writer
	cleanup []func()
	// watching is set under watch: an empty inbox is then an empty report.
	watching bool
}

func newSession(ctx context.Context, f screenFlags, paths []string, stdout, stderr io.Writer) (*session, error) {
	s := &session{f: f, paths: paths, stdout: stdout, stderr: stderr}
	limits := parsers.Limits{MaxBytes: int64(f.maxSize), OCR: f.ocr, OCRLang: f.ocrLang}
	logTo := stderr
	if isTerminal(stderr) && !f.quiet && f.logFormat == "text" {
		s.status = &statusLine{w: stderr}
		logTo = s.status
	}
	s.log = newLogger(logTo, f.logFormat, f.quiet, f.verbose)
	// Postings are read in a worker process, as resumes are; in the
	// default mode by the resumes' own workers, so that a run starts one
	// worker process fewer.
	readPosting := isolated(limits)
	var sup *worker.Supervisor
	if !f.distributed && !f.inProcess {
		sup = worker.NewSupervisor(worker.Options{
			Command: workerCommand(), Limits: limits, Timeout: f.timeout, MemoryLimit: int64(f.memory), Logger: s.log,
		})
		s.cleanup = append(s.cleanup, func() { sup.Close() })
		readPosting = sup.Extract
	}
	for _, j := range f.jobs {
		job, rulesFile := j.path, ""
		if j.rules {
			job, rulesFile = "", j.path
		}
		set, source, err := loadRules(ctx, job, rulesFile, warnOCR(readPosting, s.log))
		if err != nil {
			s.close()
			return nil, err
		}
		s.jobs = append(s.jobs, screener.Job{Rules: set, Source: source})
	}
	set := s.jobs[0].Rules
	asOf := time.Now()
	if f.asOf != "" {
		asOf, _ = time.Parse("2006-01-02", f.asOf)
	}
	s.opts = screener.Options{Rules: set, Workers: f.workers, Limits: limits, AsOf: asOf, Region: f.region, Logger: s.log, Version: buildVersion()}
	switch {
	case f.distributed:
		pool, err := queue.Connect(ctx, f.statePath)
		if err != nil {
			return nil, err
		}
		s.cleanup = append(s.cleanup, pool.Close)
		c, err := queue.NewCoordinator(pool, queue.CoordinatorOptions{Root: f.root, Logger: s.log, Version: buildVersion(),
			Settings: queue.Settings{Limits: limits, Timeout: f.timeout, MemoryLimit: int64(f.memory)}})
		if err != nil {
			s.close()
			return nil, err
		}
		s.cleanup = append(s.cleanup, func() { c.Close() })
		s.opts.Extract = c.Extract
		if f.workers == 0 {
			// Files in flight: enough to keep many machines' workers busy
			// while the finished ones are scored here.
			s.opts.Workers = 1024
		}
	case f.inProcess:
		s.opts.Extract = func(ctx context.Context, fi screener.FileInfo) (*parsers.Document, error) {
			ctx, cancel := context.WithTimeout(ctx, f.timeout)
			defer cancel()
			return parsers.ExtractFile(ctx, fi.Path, limits)
		}
	default:
		s.opts.Extract = func(ctx context.Context, fi screener.FileInfo) (*parsers.Document, error) {
			return sup.Extract(ctx, fi.Path)
		}
	}
	if s.status != nil {
		s.opts.Progress = (&progress{line: s.status}).update
	}
	if f.statePath != "" {
		db, err := openState(ctx, f.statePath, state.Options{StoreText: f.storeText, Job: s.rulesKey()})
		if err != nil {
			s.close()
			return nil, err
		}
		s.db = db
		s.cleanup = append(s.cleanup, func() { db.Close() })
		if len(db.Interrupted) > 0 {
			s.log.Warn("an earlier run did not finish; its committed work is kept and the rest is done now", "runs", db.Interrupted)
		}
		if f.retain > 0 {
			n, err := db.Prune(time.Now().Add(-time.Duration(f.retain)))
			if err != nil {
				s.close()
				return nil, fmt.Errorf("retain: %w", err)
			}
			s.log.Info("retention", "documents_deleted", n)
		}
		s.opts.Store = db
		if postgres.IsURL(f.statePath) && !f.distributed {
			// Runs of other jobs started at the same time extract each new
			// file once between them (distributed runs have one job per
			// content already).
			claims, err := postgres.NewClaims(ctx, f.statePath, db, postgres.ClaimOptions{Wait: 2*f.timeout + 30*time.Second, Logger: s.log})
			if err != nil {
				s.close()
				return nil, err
			}
			s.cleanup = append(s.cleanup, func() { claims.Close() })
			s.opts.Extract = claims.Extract(s.opts.Extract)
		}
	}
	return s, nil
}

// rulesKey names the run's jobs in the state: their rules' hashes. On a
// database one run per key may run at a time.
func (s *session) rulesKey() string {
	var hashes []string
	for _, j := range s.jobs {
		hashes = append(hashes, j.Rules.Hash())
	}
	return strings.Join(hashes, "+")
}

func (s *session) close() {
	for i := len(s.cleanup) - 1; i >= 0; i-- {
		s.cleanup[i]()
	}
}

// once screens the paths, writes the outputs and returns the exit code.
func (s *session) once(ctx context.Context) (code int, err error) {
	outs := s.f.outputs()
	if err := planOutputs(outs); err != nil {
		return 0, err
	}
	if s.db != nil {
		if _, err := s.db.BeginRun(s.rulesKey()); err != nil {
			return 0, fmt.Errorf("state: %w", err)
		}
		defer func() {
			// A run that failed is recorded as failed; only one that was
			// cancelled (or killed) shows as interrupted.
			if err != nil && !errors.Is(err, context.Canceled) {
				s.db.EndRun(screener.Counts{}, 0, exitFailure)
			}
		}()
	}
	opts := s.opts
	opts.TempDir = tempDir(outs)
	if s.f.newSince.isSet() {
		opts.NewSince = s.f.newSince.start(time.Now())
	}
	reps, err := s.run(ctx, opts)
	if err != nil {
		return 0, lockLost(ctx, err)
	}
	defer func() {
		for _, r := range reps {
			r.Close()
		}
	}()
	rep := reps[0] // files, errors and counts are the same for every job
	if s.status != nil {
		s.status.Set("")
	}
	listed := make([]*screener.Report, len(reps))
	for i, r := range reps {
		listed[i] = r.Shortlist(s.f.top, s.f.minScore)
	}
	writeStart := time.Now()
	for _, o := range outs {
		links := s.links(o.path)
		switch {
		case o.flag == "-out" && len(reps) == 1:
			o.write = func(w io.Writer) error {
				return screener.WriteWorkbook(w, listed[0], screener.WorkbookOptions{Rules: s.jobs[0].Rules, Source: s.jobs[0].Source, Links: links, Blind: s.f.blind})
			}
		case o.flag == "-out":
			o.write = func(w io.Writer) error {
				return screener.WriteJobsWorkbook(w, listed, screener.JobsWorkbookOptions{Jobs: s.jobs, Links: links, Unlisted: reps, Blind: s.f.blind})
			}
		case o.flag == "-jsonl":
			o.write = func(w io.Writer) error {
				for _, r := range reps {
					if err := screener.WriteJSONL(w, r); err != nil {
						return err
					}
				}
				return nil
			}
		case o.flag == "-csv" && len(reps) == 1:
			o.write = func(w io.Writer) error {
				return screener.WriteCSV(w, listed[0], screener.CSVOptions{Links: links, Blind: s.f.blind})
			}
		case o.flag == "-csv":
			o.write = func(w io.Writer) error {
				return screener.WriteJobsCSV(w, listed, screener.CSVOptions{Links: links, Blind: s.f.blind})
			}
		case o.flag == "-identities":
			o.write = func(w io.Writer) error { return screener.WriteIdentities(w, rep) }
		}
	}
	if err := writeOutputs(outs, s.stdout); err != nil {
		return 0, err
	}
	c := rep.Counts
	code = exitOK
	switch {
	case c.Screened == 0:
		code = exitNothing
	case c.Errors > 0:
		code = exitSomeBad
	}
	newCount := c.New
	if s.db != nil {
		if err := s.db.EndRun(c, newCount, code); err != nil {
			return 0, fmt.Errorf("state: %w", err)
		}
	}
	self, worker := peakRSS()
	s.log.Debug("run finished", "files", c.Files, "elapsed_s", rep.Elapsed.Seconds(),
		"extract_s", rep.ExtractTime.Seconds(), "match_s", rep.MatchTime.Seconds(), "write_s", time.Since(writeStart).Seconds(),
		"peak_rss_mib", self>>20, "worker_peak_rss_mib", worker>>20)
	if !s.f.quiet {
		extra := ""
		if c.SamePerson > 0 {
			extra += fmt.Sprintf(", same person %d", c.SamePerson)
		}
		if rep.Incremental {
			extra += fmt.Sprintf(", new %d", newCount)
		}
		qualified := strconv.Itoa(c.Qualified)
		if len(reps) > 1 {
			var per []string
			for _, r := range reps {
				per = append(per, fmt.Sprintf("%d %s", r.Counts.Qualified, r.Job))
			}
			qualified = strings.Join(per, ", ")
		}
		elapsed := time.Duration(0)
		for _, r := range reps {
			elapsed += r.Elapsed
		}
		fmt.Fprintf(s.stderr, "screener: screened %d, qualified %s, errors %d, skipped %d, duplicates %d%s in %s\n",
			c.Screened, qualified, c.Errors, c.Skipped, c.Duplicates, extra, elapsed.Round(time.Millisecond))
		if code == exitNothing {
			fmt.Fprintf(s.stderr, "screener: no resume could be screened (hint: the Errors sheet says why for each file; screener reads %s)\n", screener.ReadableFormats)
		}
	}
	return code, nil
}

// run screens the paths for every job: one report per job, in order.
func (s *session) run(ctx context.Context, opts screener.Options) ([]*screener.Report, error) {
	if len(s.jobs) == 1 {
		rep, err := screener.Run(ctx, s.paths, opts)
		if errors.Is(err, screener.ErrNoFiles) && s.watching {
			// An empty inbox is a state, not a failure: the outputs say so.
			rep, err = screener.RunFiles(ctx, nil, nil, opts)
		}
		if err != nil {
			return nil, err
		}
		return []*screener.Report{rep}, nil
	}
	reps, err := screener.RunJobs(ctx, s.paths, s.jobs, opts)
	if errors.Is(err, screener.ErrNoFiles) && s.watching {
		reps, err = screener.RunJobsFiles(ctx, nil, nil, s.jobs, opts)
	}
	return reps, err
}

// jobList is the jobs of -job and -rules, in the order given.
type jobList []jobSpec

type jobSpec struct {
	path  string
	rules bool // a rule file, not a posting
}

// mixed reports whether the list is empty, or mixes postings and rule files.
func (l jobList) mixed() bool {
	for _, j := range l {
		if j.rules != l[0].rules {
			return true
		}
	}
	return len(l) == 0
}

// jobFlag is the flag.Value of -job (rules false) and -rules (rules true):
// each use adds a job.
type jobFlag struct {
	list  *jobList
	rules bool
}

func (f jobFlag) String() string {
	if f.list == nil {
		return ""
	}
	var paths []string
	for _, j := range *f.list {
		if j.rules == f.rules {
			paths = append(paths, j.path)
		}
	}
	return strings.Join(paths, ", ")
}

func (f jobFlag) Set(s string) error {
	if s == "" {
		return errors.New("empty path")
	}
	*f.list = append(*f.list, jobSpec{path: s, rules: f.rules})
	return nil
}

func cmdScreen(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("screen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f screenFlags
	f.register(fs)
	fs.Usage = func() { fmt.Fprint(stderr, screenUsage); fs.PrintDefaults() }
	paths, err := parseArgs(fs, args)
	if err != nil {
		return 0, err
	}
	f.statePath = stateSpec(f.statePath)
	if err := f.check(paths, "screen"); err != nil {
		return 0, err
	}
	s, err := newSession(ctx, f, paths, stdout, stderr)
	if err != nil {
		return 0, err
	}
	defer s.close()
	return s.once(s.guard(ctx))
}

// guard returns ctx, cancelled with the state's [state.ErrLockLost] when
// the state's run lock is lost: a run must not go on writing without it.
func (s *session) guard(ctx context.Context) context.Context {
	if s.db == nil || s.db.Lost() == nil {
		return ctx
	}
	ctx, cancel := context.WithCancelCause(ctx)
	s.cleanup = append(s.cleanup, func() { cancel(nil) })
	go func() {
		select {
		case <-s.db.Lost():
			cancel(s.db.LostErr())
		case <-ctx.Done():
		}
	}()
	return ctx
}

// lockLost returns the lost lock that cancelled ctx, if that is what
// did, else err.
func lockLost(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); errors.Is(cause, state.ErrLockLost) {
		return cause
	}
	return err
}

// workerCommand re-executes this program in worker mode. It prefers the
// name we were started with, so that a wrapper (a test harness that
// dispatches on argv[0]) sees the same name.
func workerCommand() []string {
	exe := os.Args[0]
	if !strings.ContainsRune(exe, filepath.Separator) {
		if p, err := exec.LookPath(exe); err == nil {
			exe = p
		}
	}
	if _, err := os.Stat(exe); err != nil {
		if p, err := os.Executable(); err == nil {
			exe = p
		}
	}
	return []string{exe, workerSwitch}
}

// links makes CV links for an output written to path: relative to its
// folder, or under -link-base.
func (s *session) links(path string) screener.Links {
	l := screener.Links{Base: s.f.linkBase.URL, Roots: s.paths}
	if path != "-" {
		l.Dir = filepath.Dir(path)
	}
	return l
}
