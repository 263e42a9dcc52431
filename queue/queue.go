// Package queue spreads a run's extractions over many machines through a
// job queue in PostgreSQL: River (github.com/riverqueue/river), the
// database that already holds the shared state (package state/postgres).
//
// A run's [Coordinator] is the Extract of [screener.Options]: for each
// file to read it enqueues one job, unique per content hash and
// extraction [Settings], and waits for its outcome; everything else (the
// state, scoring, ranking, the outputs) is the ordinary pipeline, so a
// distributed run writes what a run on one machine writes. [Work], on
// any number of machines, claims jobs, reads each file from the folder
// the machines share (job paths are relative to that root), extracts it
// in supervised worker processes (package parsers/worker) with the
// settings the job carries, and writes the outcome and the job's
// completion in one transaction. A file that cannot be read (corrupt,
// encrypted, too large, a timeout) is an outcome like any other, never a
// retry; only a worker that dies or cannot see the file leaves its job
// unfinished, and River's rescuer hands it to another worker once it has
// run longer than [WorkerOptions.RescueAfter].
//
// Outcomes are kept in the table screener_extractions, one row per
// finished job, deleted with the job when River cleans it up
// ([CompletedRetention] after it finished): long enough for a
// coordinator killed and started again to find what was done meanwhile,
// short enough that a resume's text does not linger outside the state,
// where forget and -retain reach it.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/screener/screener/parsers"
)

// Settings are what an extraction depends on besides the file's content:
// the coordinator's limits, which every worker applies to the job.
type Settings struct {
	Limits parsers.Limits `json:"limits"`
	// Timeout is the time limit per file; 0 means 30 s.
	Timeout time.Duration `json:"timeout"`
	// MemoryLimit caps an extraction process's memory; 0 means 512 MiB.
	MemoryLimit int64 `json:"memory_limit"`
}

// timeout is s.Timeout with its default.
func (s Settings) timeout() time.Duration {
	if s.Timeout <= 0 {
		return 30 * time.Second
	}
	return s.Timeout
}

// extractArgs are a job's arguments. River makes a job unique by the
// fields tagged unique: one job per content and settings, however many
// files (or coordinators) share that content.
type extractArgs struct {
	SHA256   string   `json:"sha256" river:"unique"`
	Settings Settings `json:"settings" river:"unique"`
	// Version is the coordinator's screener version: another version's
	// parsers may read the file otherwise.
	Version string `json:"version" river:"unique"`
	// Path is where a file with this content is, relative to the shared
	// root, with slashes. Bytes (base64 in JSON): a file name need not be
	// UTF-8.
	Path []byte `json:"path"`
}

// Kind names the jobs in River's table.
func (extractArgs) Kind() string { return "screener_extract" }

// queueName is the River queue of the jobs of screener version v: a
// worker takes only the jobs of its own version, so that during an
// upgrade a file is never read by other parsers than the run's. River
// takes lowercase letters and digits joined by single _ or -, at most 64.
func queueName(v string) string {
	var b strings.Builder
	b.WriteString("screener")
	sep := true
	for _, r := range strings.ToLower(v) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep {
				b.WriteByte('_')
				sep = false
			}
			b.WriteRune(r)
		} else {
			sep = true
		}
	}
	if b.Len() > 64 {
		h := sha256.Sum256([]byte(v))
		return "screener_" + hex.EncodeToString(h[:8])
	}
	return b.String()
}

// maxAttempts bounds how often a job is started: a job whose worker died
// (or could not see the file) this many times is given up, and its file
// reported as killed, to be tried again by the next run.
const maxAttempts = 5

// InsertOpts makes every job unique by its tagged arguments, in River's
// default states: while one waits, runs or has completed (until cleaned
// up), enqueueing the same content again returns that job.
func (extractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: maxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// outcome is what a worker stores for a finished job: the document, or
// why there is none (the fields of a [parsers.Error] but its file, which
// is the coordinator's to name).
type outcome struct {
	Doc    *parsers.Document `json:"doc,omitempty"`
	Code   parsers.Reason    `json:"code,omitempty"`
	Detail string            `json:"detail,omitempty"`
	Hint   string            `json:"hint,omitempty"`
}

// CompletedRetention is how long River keeps a completed job, and with it
// the job's outcome, before deleting both.
const CompletedRetention = time.Hour

// Advisory lock class of the migrations (the first key of the two-key
// form; the second is the hash of the current schema's name), beside
// package state/postgres's classes.
const lockMigrate = 0x53637233 // "Scr3"

// migrations of this package's own tables, applied in order after
// River's; never edit one that has shipped, append.
var migrations = []string{
	`CREATE TABLE screener_extractions (
		job_id BIGINT PRIMARY KEY REFERENCES river_job (id) ON DELETE CASCADE,
		outcome BYTEA NOT NULL
	)`,
}

// Migrate creates or updates River's tables and this package's in the
// database's current schema under an advisory lock, so that machines
// starting together do not migrate at once. River's migrations run each
// in its own transaction (one adds an enum value that the next uses,
// which PostgreSQL does not allow in one), this package's in one.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, hashtext(current_schema()))`, lockMigrate); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, lockMigrate)
	m, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("queue: river migrations: %w", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS screener_queue_schema (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	version := 0
	if err := tx.QueryRow(ctx, `SELECT version FROM screener_queue_schema`).Scan(&version); err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("queue: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("queue: tables written by a newer screener (schema %d, this one knows %d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		if _, err := tx.Exec(ctx, migrations[i]); err != nil {
			return fmt.Errorf("queue: migration %d: %w", i+1, err)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM screener_queue_schema`); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO screener_queue_schema (version) VALUES ($1)`, len(migrations)); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	return tx.Commit(ctx)
}

// Connect opens a pool of connections to the database at url
// (postgres://…; the password is best left to PGPASSWORD or ~/.pgpass)
// and migrates it.
func Connect(ctx context.Context, url string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("queue database: %w", err)
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "screener"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("queue database: %w", err)
	}
	if err := Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}

func discardLogger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}
