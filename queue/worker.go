package queue

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/worker"
	"github.com/screener/screener/screener"
)

// DefaultRescueAfter is how long a job may run before River's rescuer
// takes it for the job of a dead machine and hands it to another worker:
// three times the default time limit per file, which the extraction
// process never outlives, so a live worker's job is not taken from it.
// The rescuer looks every 30 s, so a dead machine's jobs start again
// within two minutes (a few seconds more when the dead machine led: its
// lease runs out first).
const DefaultRescueAfter = 90 * time.Second

// WorkerOptions configure [Work].
type WorkerOptions struct {
	// Root is where this machine sees the folder the coordinators share;
	// "" means the current folder.
	Root string
	// Workers bounds the jobs run at once; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Command is the argv of the extraction processes (see
	// [worker.Options]); required unless Extract is set.
	Command []string
	// Extract, if set, extracts a file in place of supervised worker
	// processes (tests and benchmarks).
	Extract func(ctx context.Context, path string, s Settings) (*parsers.Document, error)
	// RescueAfter is how long a job may run before it is taken for the job
	// of a dead machine and run again; 0 means [DefaultRescueAfter]. Set
	// it to a few times the longest -timeout the coordinators use. Every
	// worker should use the same value: whichever is River's leader
	// rescues.
	RescueAfter time.Duration
	// Version is this screener's version: the worker takes the jobs of
	// coordinators of the same version only.
	Version string
	// Logger receives one line per failed job and River's warnings; nil
	// means silent.
	Logger *slog.Logger
}

// Work claims and extracts jobs until ctx ends, then lets the jobs it is
// running finish (for at most their time limit) and returns. It returns
// an error only if it cannot start.
func Work(ctx context.Context, pool *pgxpool.Pool, opts WorkerOptions) error {
	root, err := filepath.Abs(cmp.Or(opts.Root, "."))
	if err != nil {
		return err
	}
	if opts.Extract == nil && len(opts.Command) == 0 {
		return errors.New("queue: no extraction command")
	}
	log := discardLogger(opts.Logger)
	w := &extractWorker{pool: pool, root: root, opts: opts, log: log, sups: map[Settings]*worker.Supervisor{}, completions: make(chan *completion)}
	defer w.close()
	// The completer outlives River's client, which waits for running jobs
	// (and so for their completions) when it stops.
	cctx, stopCompleter := context.WithCancel(context.Background())
	completerDone := make(chan struct{})
	go func() { defer close(completerDone); w.completeLoop(cctx) }()
	defer func() { stopCompleter(); <-completerDone }()
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:  map[string]river.QueueConfig{queueName(opts.Version): {MaxWorkers: cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))}},
		Workers: workers,
		// The extraction process enforces each job's time limit (see
		// extractWorker.Timeout); River's own is per job.
		JobTimeout: -1,
		// A slot freed by a finished file is filled within 10 ms (River's
		// default, 100 ms, would idle a worker's slots for half of that on
		// average, a large share of a resume's extraction time); a job
		// whose notification was missed (a rescued one) within 500 ms.
		FetchCooldown:               10 * time.Millisecond,
		FetchPollInterval:           500 * time.Millisecond,
		RescueStuckJobsAfter:        cmp.Or(opts.RescueAfter, DefaultRescueAfter),
		CompletedJobRetentionPeriod: CompletedRetention,
		MaxAttempts:                 maxAttempts,
		RetryPolicy:                 retrySoon{},
		Logger:                      log,
	})
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	w.client = client
	if err := client.Start(ctx); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	<-ctx.Done()
	// Start's context is done: River stops fetching and waits for the
	// running jobs; bound that wait by the longest a job may take.
	stop, cancel := context.WithTimeout(context.Background(), cmp.Or(opts.RescueAfter, DefaultRescueAfter))
	defer cancel()
	if err := client.Stop(stop); err != nil {
		client.StopAndCancel(context.Background())
	}
	return nil
}

// retrySoon starts a job that did not finish again after a few seconds:
// its worker died, or could not see the file, which says nothing about
// the next worker.
type retrySoon struct{}

func (retrySoon) NextRetry(job *rivertype.JobRow) time.Time {
	return time.Now().Add(time.Duration(job.Attempt) * 2 * time.Second)
}

// extractWorker is River's worker of extraction jobs.
type extractWorker struct {
	river.WorkerDefaults[extractArgs]
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx] // set before it starts
	root   string
	opts   WorkerOptions
	log    *slog.Logger

	completions chan *completion // to completeLoop

	mu   sync.Mutex
	sups map[Settings]*worker.Supervisor // one per settings the jobs carry; guarded by mu
}

// Timeout gives a job its file's time limit, and a margin for the
// hashing and the transaction around it. River's rescuer leaves a job
// alone for this long even when RescueAfter is shorter.
func (w *extractWorker) Timeout(job *river.Job[extractArgs]) time.Duration {
	return job.Args.Settings.timeout() + 10*time.Second
}

// Work extracts one job's file and stores its outcome and the job's
// completion in one transaction (with those of other jobs finished at the
// same time). It returns an error (the job is tried
// again, perhaps by another worker) only when the file cannot be found
// with the job's content here, or the database fails.
func (w *extractWorker) Work(ctx context.Context, job *river.Job[extractArgs]) error {
	a := job.Args
	rel := filepath.FromSlash(string(a.Path))
	if !filepath.IsLocal(rel) {
		// Jobs come from the database: whoever can write there must not
		// have a worker read (and store the text of) a file outside the
		// shared folder.
		return river.JobCancel(fmt.Errorf("%q is not a path under the shared folder", a.Path))
	}
	path := filepath.Join(w.root, rel)
	sha, err := screener.HashFile(path)
	if err != nil {
		return fmt.Errorf("%w (hint: is -root %s the shared folder?)", err, w.root)
	}
	if sha != a.SHA256 {
		return fmt.Errorf("%s: content differs from the coordinator's (changed since, or -root %s is another folder)", path, w.root)
	}
	doc, err := w.extract(ctx, path, a.Settings)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var o outcome
	var perr *parsers.Error
	switch {
	case err == nil:
		o.Doc = doc
	case errors.As(err, &perr):
		o.Code, o.Detail, o.Hint = parsers.Code(err), perr.Detail, perr.Hint
		w.log.Warn("file failed", "file", path, "reason", o.Code, "message", err.Error())
	default: // not the file's fault: an I/O error, a worker that could not start
		return err
	}
	raw, err := json.Marshal(o)
	if err != nil {
		return err
	}
	c := &completion{id: job.ID, raw: raw, done: make(chan error, 1)}
	select {
	case w.completions <- c:
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-c.done
}

// completion is a finished job waiting for its transaction.
type completion struct {
	id   int64  // the job's
	raw  []byte // the outcome, JSON
	done chan error
}

// maxCompletions bounds the jobs completed in one transaction.
const maxCompletions = 256

// completeLoop stores outcomes and completes their jobs, each outcome in
// the transaction of its job's completion, until ctx ends. The jobs that
// finish while one transaction commits share the next: a transaction per
// file would cost the database a commit and two more statements for each.
func (w *extractWorker) completeLoop(ctx context.Context) {
	for {
		var batch []*completion
		select {
		case c := <-w.completions:
			batch = append(batch, c)
		case <-ctx.Done():
			return
		}
	more:
		for len(batch) < maxCompletions {
			select {
			case c := <-w.completions:
				batch = append(batch, c)
			default:
				break more
			}
		}
		err := w.commit(batch)
		for _, c := range batch {
			if err != nil && len(batch) > 1 {
				// One job's failure (deleted meanwhile, say) must not fail
				// the others: each goes alone.
				c.done <- w.commit([]*completion{c})
			} else {
				c.done <- err
			}
		}
	}
}

// commit stores batch's outcomes and completes its jobs in one
// transaction: two statements, however many jobs.
func (w *extractWorker) commit(batch []*completion) error {
	ctx := context.Background() // the jobs' own contexts may end; the transaction must not half-run
	tx, err := w.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	ids := make([]int64, len(batch))
	raws := make([][]byte, len(batch))
	for i, c := range batch {
		ids[i], raws[i] = c.id, c.raw
	}
	if _, err := tx.Exec(ctx, `INSERT INTO screener_extractions (job_id, outcome) SELECT * FROM unnest($1::bigint[], $2::bytea[])
		ON CONFLICT (job_id) DO UPDATE SET outcome = EXCLUDED.outcome`, ids, raws); err != nil {
		return err
	}
	if err := w.complete(ctx, tx, ids); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// complete sets the running jobs ids completed in tx, as River's
// JobCompleteTx does for one job, by the same call of River's driver,
// given all of them at once. JobCompleteTx per job cost the database
// several times more than the rest of a job's work together: PostgreSQL
// planned its statement anew on every call (for arrays of one element it
// keeps a custom plan), while one statement for the batch is planned once
// and then reused. River marks Client.Driver and Client.Pilot as not a
// stable API: this holds at the pinned version, and
// TestCommitCompletesWithOutcomes checks it after an upgrade (with only
// JobCompleteTx, forcing generic plans on the transaction is the next
// best, at about twice the database's CPU per file). A job no longer
// running (cancelled, or rescued and finished by another worker) is left
// as it is, as JobCompleteTx leaves it. (A job that is gone has already
// failed the transaction at its outcome's foreign key.)
func (w *extractWorker) complete(ctx context.Context, tx pgx.Tx, ids []int64) error {
	now := time.Now()
	p := &riverdriver.JobSetStateIfRunningManyParams{
		ID:              ids,
		Attempt:         make([]*int, len(ids)),
		ErrData:         make([][]byte, len(ids)),
		FinalizedAt:     make([]*time.Time, len(ids)),
		MetadataDoMerge: make([]bool, len(ids)),
		MetadataUpdates: make([][]byte, len(ids)),
		ScheduledAt:     make([]*time.Time, len(ids)),
		State:           make([]rivertype.JobState, len(ids)),
	}
	for i := range ids {
		p.FinalizedAt[i], p.State[i] = &now, rivertype.JobStateCompleted
	}
	_, err := w.client.Pilot().JobSetStateIfRunningMany(ctx, w.client.Driver().UnwrapExecutor(tx), p)
	return err
}

// extract reads path with settings s.
func (w *extractWorker) extract(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
	if w.opts.Extract != nil {
		return w.opts.Extract(ctx, path, s)
	}
	w.mu.Lock()
	sup := w.sups[s]
	if sup == nil {
		sup = worker.NewSupervisor(worker.Options{Command: w.opts.Command, Limits: s.Limits, Timeout: s.Timeout, MemoryLimit: s.MemoryLimit, Logger: w.log})
		w.sups[s] = sup
	}
	w.mu.Unlock()
	return sup.Extract(ctx, path)
}

func (w *extractWorker) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range w.sups {
		s.Close()
	}
}
