package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
)

// Claims make runs of different jobs that share a database, started
// together on the same new files, extract each content once between
// them, as runs one after the other do: the second takes the text the
// first stored. A run about to extract a content that no run has stored
// claims it: a session advisory lock keyed by the schema and the content
// hash, on a connection of its own. A run that finds the content claimed
// by another waits until it is stored and takes it from the state (the
// document, or its failure), and extracts it itself only if the claim is
// freed without it (a timeout is not stored, for instance) or after
// waiting [ClaimOptions.Wait]. The holder flushes the state while it
// holds claims, so that waiters wait for an extraction, not for a
// batch of outcomes to fill, and frees each claim once its content is
// committed. A run that dies frees its claims with its connection, as
// it frees the run lock; a waiter never holds a claim, so two runs
// cannot wait on each other.
//
// Sharing needs the text stored (state.Options.StoreText, the default):
// without it a run of another job extracts the content again, as it
// would later. Distributed runs (package queue) need no claims: their
// extraction jobs are already one per content.
type Claims struct {
	db     *state.DB
	opts   ClaimOptions
	schema string

	mu   sync.Mutex // guards conn and held
	conn *pgx.Conn
	held map[string]*claim // by content hash: this process's claims
	dead error             // why the connection is no longer used

	stop chan struct{}
	done chan struct{}
}

// claim is a content this process claimed.
type claim struct {
	key int64
	// extracted is when the extraction ended, its outcome to be stored;
	// zero while it runs.
	extracted time.Time
}

// ClaimOptions configure [NewClaims].
type ClaimOptions struct {
	// Wait bounds how long a run waits for another run's claim before it
	// extracts the content itself; 0 means 2 minutes. Set it above the
	// time limit per file.
	Wait time.Duration
	// Poll is how often a waiting run looks again, and the holder frees
	// the claims of stored contents; 0 means 100 ms.
	Poll time.Duration
	// Logger receives a warning when claims stop working (the files are
	// then extracted without them); nil means silent.
	Logger *slog.Logger
}

// NewClaims connects to the database at url, that of db (see [Open]).
// Call [Claims.Close] before closing db.
func NewClaims(ctx context.Context, url string, db *state.DB, opts ClaimOptions) (*Claims, error) {
	if opts.Wait <= 0 {
		opts.Wait = 2 * time.Minute
	}
	if opts.Poll <= 0 {
		opts.Poll = 100 * time.Millisecond
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("state database: %w", err)
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "screener"
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("state database: %w", err)
	}
	c := &Claims{db: db, opts: opts, conn: conn, held: map[string]*claim{}, stop: make(chan struct{}), done: make(chan struct{})}
	// As for the run lock: a machine that vanishes frees its claims
	// within seconds.
	if _, err := conn.Exec(ctx, fmt.Sprintf(`SET tcp_keepalives_idle = %d; SET tcp_keepalives_interval = %d; SET tcp_keepalives_count = %d`,
		lockKeepalive, lockKeepaliveEvery, lockKeepaliveCount)); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("state database: %w", err)
	}
	if err := conn.QueryRow(ctx, `SELECT coalesce(current_schema(), '')`).Scan(&c.schema); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("state database: %w", err)
	}
	go c.loop()
	return c, nil
}

// Close frees this process's claims and closes their connection.
func (c *Claims) Close() error {
	select {
	case <-c.stop:
		return nil
	default:
	}
	close(c.stop)
	<-c.done
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dead != nil {
		return nil
	}
	c.dead = errClaimsClosed
	return c.conn.Close(context.Background())
}

// claimKey is the advisory lock of content sha in schema: the one-key
// form, apart from the two-key form of the run and migration locks.
func claimKey(schema, sha string) int64 {
	h := sha256.Sum256([]byte("screener claim\x00" + schema + "\x00" + sha))
	return int64(binary.BigEndian.Uint64(h[:8]))
}

// Extract returns extract made to claim each content before extracting
// it, and to take the stored outcome of a content another run claimed.
func (c *Claims) Extract(extract func(context.Context, screener.FileInfo) (*parsers.Document, error)) func(context.Context, screener.FileInfo) (*parsers.Document, error) {
	return func(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
		deadline := time.Now().Add(c.opts.Wait)
		for {
			got, stored, err := c.try(f.SHA256)
			switch {
			case err != nil:
				return extract(ctx, f)
			case stored:
				if doc, err, ok := c.stored(f.SHA256); ok {
					return doc, err
				}
				// Kept without its text: extract it, as a later run would.
				return extract(ctx, f)
			case got:
				doc, err := extract(ctx, f)
				c.extracted(f.SHA256, ctx.Err() == nil && (err == nil || !parsers.Code(err).Transient() && !parsers.Gone(err)))
				return doc, err
			case time.Now().After(deadline):
				return extract(ctx, f)
			}
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(c.opts.Poll):
			}
		}
	}
}

// try claims content sha unless this process holds it already, and says
// whether the state has its outcome; a claim of a stored content is
// given back at once.
func (c *Claims) try(sha string) (got, stored bool, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dead != nil {
		return false, false, c.dead
	}
	ctx, cancel := queryContext()
	defer cancel()
	_, mine := c.held[sha]
	key := claimKey(c.schema, sha)
	err = c.conn.QueryRow(ctx, `SELECT CASE WHEN $1 THEN pg_try_advisory_lock($2) ELSE false END,
		EXISTS (SELECT 1 FROM documents WHERE sha256 = $3 AND (status = $4 OR text IS NOT NULL))`,
		!mine, key, sha, string(screener.StatusError)).Scan(&got, &stored)
	switch {
	case err != nil:
		c.fail(err)
		return false, false, err
	case got && stored:
		_, err = c.conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, key)
		if err != nil {
			c.fail(err)
		}
		return false, true, nil
	case got:
		c.held[sha] = &claim{key: key}
	}
	return got, stored, nil
}

// queryContext bounds a query of the claims: a run's cancelled context
// must not cancel one (pgx closes a connection whose query is cancelled),
// and a server that does not answer must not hold the run forever.
func queryContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 10*time.Second)
}

// fail stops using the claims' connection (guarded by mu): files are
// then extracted without claims, and the server frees those held.
func (c *Claims) fail(err error) {
	c.dead = fmt.Errorf("extraction claims: %w", err)
	c.opts.Logger.Warn("runs of other jobs may now extract the same new files again", "err", c.dead)
	c.conn.Close(context.Background())
}

// extracted records that the extraction of claimed content sha ended;
// an outcome that will not be stored (a timeout, a vanished file, a
// cancelled run) frees the claim at once, for a waiting run to extract.
func (c *Claims) extracted(sha string, toStore bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cl := c.held[sha]
	if cl == nil {
		return
	}
	if toStore {
		cl.extracted = time.Now()
		return
	}
	c.unlock([]string{sha})
}

// unlock frees the claims of shas (guarded by mu).
func (c *Claims) unlock(shas []string) {
	keys := make([]int64, 0, len(shas))
	for _, sha := range shas {
		if cl := c.held[sha]; cl != nil {
			keys = append(keys, cl.key)
			delete(c.held, sha)
		}
	}
	if c.dead != nil || len(keys) == 0 {
		return
	}
	ctx, cancel := queryContext()
	defer cancel()
	if _, err := c.conn.Exec(ctx, `SELECT pg_advisory_unlock(k) FROM unnest($1::bigint[]) k`, keys); err != nil {
		c.fail(err)
	}
}

// stored returns the outcome the state holds for content sha: its
// document, or its failure as an error; ok is false when it holds
// neither (the text was not kept).
func (c *Claims) stored(sha string) (doc *parsers.Document, err error, ok bool) {
	cached, lerr := c.db.Load(sha, "")
	switch {
	case lerr != nil:
		return nil, nil, false
	case cached.Failed != nil:
		return nil, &storedFailure{msg: cached.Failed.Message, err: cached.Failed.Error.Err()}, true
	case cached.Doc != nil:
		return cached.Doc, nil, true
	}
	return nil, nil, false
}

// storedFailure is an extraction failure another run stored: its
// message as stored, and the reason's sentinel error.
type storedFailure struct {
	msg string
	err error
}

func (e *storedFailure) Error() string { return e.msg }
func (e *storedFailure) Unwrap() error { return e.err }

// loop frees the claims of contents whose outcome is committed, until
// Close: it flushes the state's pending outcomes first, so that a waiting
// run waits for one extraction rather than a batch, and frees a claim
// whose outcome is not stored within Wait (a failed write).
func (c *Claims) loop() {
	defer close(c.done)
	t := time.NewTicker(c.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		c.mu.Lock()
		var waiting []string
		for sha, cl := range c.held {
			if !cl.extracted.IsZero() {
				waiting = append(waiting, sha)
			}
		}
		c.mu.Unlock()
		if len(waiting) == 0 {
			continue
		}
		c.db.Flush() // a failed write is the run's to report
		c.mu.Lock()
		if c.dead == nil {
			var done []string
			ctx, cancel := queryContext()
			rows, err := c.conn.Query(ctx, `SELECT sha256 FROM documents WHERE sha256 = ANY($1)`, waiting)
			if err == nil {
				done, err = pgx.CollectRows(rows, pgx.RowTo[string])
			}
			cancel()
			if err != nil {
				c.fail(err)
			}
			for _, sha := range waiting {
				if cl := c.held[sha]; cl != nil && time.Since(cl.extracted) > c.opts.Wait {
					done = append(done, sha)
				}
			}
			c.unlock(done)
		}
		c.mu.Unlock()
	}
}

// errClaimsClosed is what a claim attempt after Close gives.
var errClaimsClosed = errors.New("extraction claims closed")
