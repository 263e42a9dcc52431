package queue

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
)

// CoordinatorOptions configure a [Coordinator].
type CoordinatorOptions struct {
	// Root is the folder the machines share; the files a run reads must be
	// under it, and jobs name them relative to it. "" means the current
	// folder.
	Root string
	// Settings are the limits every worker applies to this run's files.
	Settings Settings
	// Version is this screener's version; only workers of the same
	// version take the jobs (see [WorkerOptions.Version]).
	Version string
	// Poll is how often the coordinator looks for finished jobs; 0 means
	// 50 ms, which adds at most that to each file's time and costs the
	// database 20 small queries a second.
	Poll time.Duration
	// Stalled is how long jobs may wait with none finishing before the
	// coordinator warns that no worker seems to be taking them; 0 means
	// 30 s.
	Stalled time.Duration
	// Logger receives that warning and database errors that are retried;
	// nil means silent.
	Logger *slog.Logger
}

// Coordinator enqueues extractions and hands back their outcomes; its
// [Coordinator.Extract] is a run's [screener.Options.Extract]. It is safe
// for concurrent use: concurrent calls are enqueued together, and one
// loop looks for all of their outcomes. Jobs outlive the coordinator: a
// coordinator started again after a crash finds the jobs of the same
// content, finished or not, and waits on them.
type Coordinator struct {
	client *river.Client[pgx.Tx]
	pool   *pgxpool.Pool
	root   string
	opts   CoordinatorOptions
	log    *slog.Logger

	reqs   chan *request
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	waiting map[int64][]*request // by job ID; guarded by mu

	// lastDone is when a job last finished, or the coordinator began to
	// wait after a time of nothing to wait for; only loop uses it.
	lastDone time.Time
}

type request struct {
	args  extractArgs
	path  string // as the run names the file
	reply chan result
}

type result struct {
	doc *parsers.Document
	err error
}

// NewCoordinator returns a coordinator enqueueing into the database of
// pool, which [Connect] has migrated. Call [Coordinator.Close] when the
// run is done.
func NewCoordinator(pool *pgxpool.Pool, opts CoordinatorOptions) (*Coordinator, error) {
	root, err := filepath.Abs(cmp.Or(opts.Root, "."))
	if err != nil {
		return nil, err
	}
	if opts.Poll <= 0 {
		opts.Poll = 50 * time.Millisecond
	}
	if opts.Stalled <= 0 {
		opts.Stalled = 30 * time.Second
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: discardLogger(nil), SkipUnknownJobCheck: true})
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c := &Coordinator{client: client, pool: pool, root: root, opts: opts, log: discardLogger(opts.Logger),
		reqs: make(chan *request), cancel: cancel, done: make(chan struct{}), waiting: map[int64][]*request{}}
	go c.loop(ctx)
	return c, nil
}

// Close stops the coordinator's loop; calls of Extract still waiting
// return an error. Jobs already enqueued stay, for the workers to finish.
func (c *Coordinator) Close() error {
	c.cancel()
	<-c.done
	return nil
}

// Rel returns path relative to root, with slashes, or an error if it is
// not under it: the path by which a worker finds the file.
func Rel(root, path string) (string, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is not under the shared folder %s (hint: set -root to the folder the workers share)", path, root)
	}
	return filepath.ToSlash(rel), nil
}

// Extract has f extracted by a worker and returns its document, or the
// error it failed with (a [*parsers.Error] naming f.Path, as an
// extraction on this machine would give). A file whose job was given up
// after its workers died [maxAttempts] times gives [parsers.ErrKilled].
func (c *Coordinator) Extract(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
	rel, err := Rel(c.root, f.Path)
	if err != nil {
		return nil, err
	}
	r := &request{args: extractArgs{SHA256: f.SHA256, Settings: c.opts.Settings, Version: c.opts.Version, Path: []byte(rel)},
		path: f.Path, reply: make(chan result, 1)}
	select {
	case c.reqs <- r:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, errors.New("queue: coordinator closed")
	}
	select {
	case res := <-r.reply:
		return res.doc, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-c.done:
		return nil, errors.New("queue: coordinator closed")
	}
}

// maxBatch bounds the jobs enqueued in one statement.
const maxBatch = 1000

// loop enqueues requests in batches and looks for finished jobs, until
// ctx ends.
func (c *Coordinator) loop(ctx context.Context) {
	defer close(c.done)
	tick := time.NewTicker(c.opts.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case r := <-c.reqs:
			batch := []*request{r}
		more:
			for len(batch) < maxBatch {
				select {
				case r := <-c.reqs:
					batch = append(batch, r)
				default:
					break more
				}
			}
			c.enqueue(ctx, batch)
		case <-tick.C:
			c.poll(ctx)
		}
	}
}

// enqueue inserts one job per content among batch (or finds the job
// already there) and files the requests under its ID. A database error is
// retried until ctx ends: a request is never answered with one.
func (c *Coordinator) enqueue(ctx context.Context, batch []*request) {
	// One job per content and settings in a statement: River's unique
	// insert cannot meet the same key twice in one.
	type key struct {
		sha string
		s   Settings
	}
	byKey := map[key][]*request{}
	var params []river.InsertManyParams
	var keys []key
	for _, r := range batch {
		k := key{r.args.SHA256, r.args.Settings}
		if _, ok := byKey[k]; !ok {
			params = append(params, river.InsertManyParams{Args: r.args, InsertOpts: &river.InsertOpts{Queue: queueName(c.opts.Version)}})
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], r)
	}
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 10*time.Second) {
		res, err := c.client.InsertMany(ctx, params)
		if err == nil {
			c.mu.Lock()
			for i, jr := range res {
				c.waiting[jr.Job.ID] = append(c.waiting[jr.Job.ID], byKey[keys[i]]...)
			}
			c.mu.Unlock()
			return
		}
		if ctx.Err() != nil {
			return
		}
		c.log.Error("queue: enqueue failed; trying again", "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// poll answers the requests whose jobs have finished.
func (c *Coordinator) poll(ctx context.Context) {
	c.mu.Lock()
	ids := make([]int64, 0, len(c.waiting))
	for id := range c.waiting {
		ids = append(ids, id)
	}
	c.mu.Unlock()
	if len(ids) == 0 {
		c.lastDone = time.Time{}
		return
	}
	if c.lastDone.IsZero() {
		c.lastDone = time.Now()
	}
	if since := time.Since(c.lastDone); since >= c.opts.Stalled {
		c.log.Warn(fmt.Sprintf("queue: none of %d waiting jobs finished for %s (hint: start 'screener worker' of version %s with this -state on machines that see the shared folder, each with its -root there)", len(ids), since.Round(time.Second), cmp.Or(c.opts.Version, "unknown")))
		c.lastDone = time.Now() // say it again after as long
	}
	// A job that is gone (another run's coordinator deleted it for a
	// passing failure, see below) comes back with no state.
	rows, err := c.pool.Query(ctx, `SELECT i.id, j.state, j.attempt, j.errors, x.outcome
		FROM unnest($1::bigint[]) i (id) LEFT JOIN river_job j ON j.id = i.id LEFT JOIN screener_extractions x ON x.job_id = i.id
		WHERE j.id IS NULL OR j.state IN ('completed', 'discarded', 'cancelled')`, ids)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Error("queue: reading finished jobs failed; trying again", "err", err)
		}
		return
	}
	defer rows.Close()
	var forget []int64   // jobs whose outcome the next run must not reuse
	var again []*request // requests whose job is gone
	for rows.Next() {
		var (
			id      int64
			st      *string
			attempt *int
			errs    []rivertype.AttemptError
			raw     []byte
		)
		if err := rows.Scan(&id, &st, &attempt, &errs, &raw); err != nil {
			c.log.Error("queue: reading finished jobs failed; trying again", "err", err)
			return
		}
		c.mu.Lock()
		reqs := c.waiting[id]
		delete(c.waiting, id)
		c.mu.Unlock()
		if st == nil {
			again = append(again, reqs...)
			continue
		}
		c.lastDone = time.Now()
		for _, r := range reqs {
			res := answer(r.path, rivertype.JobState(*st), *attempt, errs, raw)
			if res.err != nil && parsers.Code(res.err).Transient() && *st == string(rivertype.JobStateCompleted) && !slices.Contains(forget, id) {
				forget = append(forget, id)
			}
			r.reply <- res
		}
	}
	if err := rows.Err(); err != nil && ctx.Err() == nil {
		c.log.Error("queue: reading finished jobs failed; trying again", "err", err)
	}
	rows.Close()
	// A timeout, the memory cap or a killed process may not happen again:
	// as on one machine, the next run tries the file again, so the job
	// (and its outcome) goes rather than stand for the content.
	if len(forget) > 0 {
		if _, err := c.pool.Exec(ctx, `DELETE FROM river_job WHERE id = ANY($1) AND state = 'completed'`, forget); err != nil && ctx.Err() == nil {
			c.log.Error("queue: deleting jobs of passing failures failed", "err", err)
		}
	}
	// Another run's coordinator saw the job's passing failure first and
	// deleted it: as for the next run, the file is tried again.
	if len(again) > 0 {
		c.enqueue(ctx, again)
	}
}

// answer turns a finished job into the result of one file's extraction.
func answer(path string, st rivertype.JobState, attempt int, errs []rivertype.AttemptError, raw []byte) result {
	if st != rivertype.JobStateCompleted {
		detail := fmt.Sprintf("its job was %s after %d attempts", st, attempt)
		if n := len(errs); n > 0 {
			detail += ": " + errs[n-1].Error
		}
		return result{err: &parsers.Error{File: path, Err: parsers.ErrKilled, Detail: detail,
			Hint: "the workers died on it or could not read it (see their logs); the file is tried again next run"}}
	}
	if raw == nil {
		return result{err: fmt.Errorf("%s: queue: the job completed without an outcome", path)}
	}
	var o outcome
	if err := json.Unmarshal(raw, &o); err != nil {
		return result{err: fmt.Errorf("%s: queue: bad outcome: %w", path, err)}
	}
	if o.Code != "" {
		return result{err: &parsers.Error{File: path, Err: o.Code.Err(), Detail: o.Detail, Hint: o.Hint}}
	}
	if o.Doc == nil {
		return result{err: fmt.Errorf("%s: queue: empty outcome", path)}
	}
	return result{doc: o.Doc}
}
