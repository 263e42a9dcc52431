// Package state keeps what screener learns between runs in an SQLite file:
// each file's content hash, each content's extracted text (or only its
// hash) and contact email, the results per rule set, and the run history.
// It implements [screener.Store], so a nightly run reads only new or
// changed files, and a run killed at any moment loses nothing committed
// (outcomes are committed in small batches; the next run redoes the rest).
//
// One process at a time may use a state file: [Open] takes an exclusive
// lock (flock on FILE.lock) and fails with [ErrLocked] if another process
// holds it. The kernel drops the lock when its holder dies, so the lock of
// a killed run is taken over at once; its unfinished run is marked
// interrupted.
//
// Package state/postgres keeps the same state in a PostgreSQL database,
// through [New] and a [Backend]: the queries here serve both.
package state

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver: no cgo, one static binary
)

// Errors [Open] returns, wrapped, for callers to branch on with errors.Is.
var (
	// ErrLocked: another process uses the state (file or database).
	ErrLocked = errors.New("state in use by another run")
	// ErrNotExist: the state file does not exist, and the options asked
	// for an existing one.
	ErrNotExist = errors.New("state file does not exist")
	// ErrDamaged: the file is not an SQLite database, or a damaged one.
	ErrDamaged = errors.New("state file is damaged or not a state file")
	// ErrLockLost: the run lock was lost while the state was open (its
	// connection to the database died), so nothing more is written.
	ErrLockLost = errors.New("lost the run lock on the state")
)

// Options configure a [DB].
type Options struct {
	// StoreText keeps extracted text, so that a changed rule set re-scores
	// without reading files again. False keeps only the text's SHA-256.
	StoreText bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Existing makes Open fail with [ErrNotExist] instead of creating the
	// file.
	Existing bool
	// ReadOnly opens an existing file for reading only, without the lock:
	// a reader sees the last committed state, while a run (even a watch
	// that never ends) goes on writing. Only [DB.Runs] is useful then.
	ReadOnly bool
	// Job names what the run screens for (its rule sets' hashes). On
	// PostgreSQL one run per job may write at a time, and runs of
	// different jobs write at once; an SQLite file has one lock for all
	// jobs, and ignores it.
	Job string
	// Host names this machine in the files table, where a file's size
	// and modification time stand for its content only on the machine
	// that recorded them; empty means os.Hostname().
	Host string
}

// DB is an open state file. Its methods are safe for concurrent use.
type DB struct {
	flushMu      sync.Mutex
	mu           sync.Mutex
	pending      []pending // outcomes not yet committed; guarded by mu
	pendingBytes int       // their size; guarded by mu

	db       *sql.DB
	backend  Backend
	textStmt *sql.Stmt // prepared once: SQLite's parser is a visible cost per file
	// recentDocs are the contents Load found seen within a day, until
	// Seen or Save of their file takes them: Seen of a file that Hash
	// found unchanged (see fileRow.unchanged) and of such a content would
	// change nothing that matters (retention counts in days). Guarded by
	// mu.
	recentDocs    map[string]bool
	filesMu       sync.Mutex
	files         fileTable         // guarded by filesMu
	seeds         [2]maphash.Seed   // of the files' pathKeys
	prefetched    map[string]docRow // rows read by Prefetch, until Load takes them; guarded by mu
	prefetchRules string            // the rules hash of prefetched; guarded by mu
	lock          *os.File
	opts          Options
	ctx           context.Context // of every query: cancelled when the run lock is lost, and by Close
	cancel        context.CancelFunc
	host          string // Options.Host, or the machine's name
	cwd           string // the current folder when opened, for storedPath
	run           int64  // current run, 0 outside a run
	lastDone      int64  // the last completed run before this one (of this job, with Backend.JobLock)
	// Interrupted lists runs found unfinished when the file was opened.
	Interrupted []int64
}

// Open opens (creating and migrating if needed) the state file at path and
// locks it for this process; see [Options] for an existing file only, and
// for reading without the lock. Errors wrap [ErrLocked], [ErrNotExist] or
// [ErrDamaged] where they apply.
func Open(path string, opts Options) (*DB, error) {
	if opts.Existing || opts.ReadOnly {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", ErrNotExist, path)
		}
	}
	var lock *os.File
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)"
	if opts.ReadOnly {
		dsn += "&mode=ro"
	} else {
		var err error
		if lock, err = acquireLock(path + ".lock"); err != nil {
			return nil, err
		}
		// SQLite's own page cache stays at its default (2 MB a connection)
		// and reads do not map the file: the system's file cache keeps the
		// state's pages as well, and memory-mapped pages and a 32 MB cache a
		// connection counted in the run's memory as the state grew (137 MiB
		// at 10,000 files on a second run, 57 without, for the same CPU).
		dsn += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		releaseLock(lock)
		return nil, err
	}
	// Readers run in parallel (WAL mode); writes come only from Flush, one
	// transaction at a time, and wait on busy_timeout if a reader is busy.
	db.SetMaxOpenConns(runtime.GOMAXPROCS(0) + 1)
	if err := migrate(db, opts.ReadOnly); err != nil {
		db.Close()
		releaseLock(lock)
		if damaged(err) {
			return nil, fmt.Errorf("%w: %s: %v (hint: move it aside, e.g. mv %s %s.bad; the next run starts a new one and reads every file once again)",
				ErrDamaged, path, err, path, path)
		}
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	s, err := New(db, Backend{Scrub: scrubSQLite}, opts)
	if err != nil {
		releaseLock(lock)
		return nil, err
	}
	s.lock = lock
	if !opts.ReadOnly {
		if err := s.claimFiles(); err != nil {
			s.Close()
			return nil, fmt.Errorf("state %s: %w", path, err)
		}
	}
	return s, nil
}

// Backend is what a database other than SQLite supplies to keep the
// state in; package state/postgres builds one for PostgreSQL.
type Backend struct {
	// Numbered writes query parameters as $1, $2, ... instead of ?.
	Numbered bool
	// Scrub runs after [DB.Forget] and [DB.Prune] have committed, to
	// make deleted rows as unrecoverable as the database can; nil does
	// nothing.
	Scrub func(*sql.DB) error
	// Text makes a path or message storable in a text column; it must map
	// distinct strings to distinct ones, so that paths stay distinct. Nil
	// stores strings as they are.
	Text func(string) string
	// Release runs in [DB.Close] once queued outcomes are committed,
	// before the database is closed (it drops a run lock); nil does
	// nothing.
	Release func() error
	// JobLock says that the run lock is per job (Options.Job), so that
	// only the job's own unfinished runs are known to be dead.
	JobLock bool
	// Check runs in every write transaction before it commits, and fails
	// it with an error wrapping [ErrLockLost] if the run lock is no
	// longer held; nil checks nothing.
	Check func(context.Context, *sql.Tx) error
	// Lost is closed when the run lock is lost, and LostErr then says
	// why; nil never closes.
	Lost    <-chan struct{}
	LostErr func() error
	// Running reports whether a run of job holds its run lock now, for
	// [DB.Runs]; nil means that the backend cannot tell.
	Running func(job string) (bool, error)
}

// New returns a [DB] on db, whose schema must already be that of this
// version (the same tables and columns as the SQLite file's). The caller
// has taken whatever lock Options.ReadOnly calls for; [DB.Close] (or an
// error from New) closes db and calls b.Release.
func New(db *sql.DB, b Backend, opts Options) (*DB, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &DB{db: db, backend: b, opts: opts, host: opts.Host, recentDocs: map[string]bool{},
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		ctx:   context.Background(), cancel: func() {}}
	if b.Lost != nil {
		// A lost lock cancels every query, also one waiting on a
		// connection whose machine has vanished.
		s.ctx, s.cancel = context.WithCancel(context.Background())
		go func() {
			select {
			case <-b.Lost:
				s.cancel()
			case <-s.ctx.Done():
			}
		}()
	}
	s.cwd, _ = os.Getwd()
	if s.host == "" {
		s.host, _ = os.Hostname()
	}
	var err error
	for _, p := range []struct {
		stmt **sql.Stmt
		q    string
	}{
		{&s.textStmt, `SELECT format, pages, bytes, text, header_footer, title, ocr_confidence FROM documents WHERE sha256 = ? AND text IS NOT NULL`},
	} {
		if *p.stmt, err = db.PrepareContext(s.ctx, s.q(p.q)); err != nil {
			s.Close()
			return nil, err
		}
	}
	rows, err := db.QueryContext(s.ctx, s.q(`SELECT id FROM runs WHERE ended_at IS NULL AND (rules_hash = ? OR NOT ?) ORDER BY id`), opts.Job, b.JobLock)
	if err != nil {
		s.Close()
		return nil, err
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		s.Interrupted = append(s.Interrupted, id)
	}
	rows.Close()
	return s, nil
}

// Close commits queued outcomes and releases the database and the lock.
func (s *DB) Close() error {
	err := s.Flush()
	if s.backend.Release != nil {
		err = errors.Join(err, s.backend.Release())
	}
	err = errors.Join(err, s.db.Close())
	s.cancel()
	releaseLock(s.lock)
	return err
}

// Lost returns a channel that is closed when the run lock is lost (see
// [ErrLockLost]); a run should then stop. It never closes for an SQLite
// file, whose lock the kernel holds for the process.
func (s *DB) Lost() <-chan struct{} { return s.backend.Lost }

// LostErr says why the run lock was lost, wrapping [ErrLockLost]; nil
// while it is held.
func (s *DB) LostErr() error {
	if s.backend.LostErr == nil {
		return nil
	}
	return s.backend.LostErr()
}

// check fails a write transaction whose run lock is lost.
func (s *DB) check(tx *sql.Tx) error {
	if s.backend.Check == nil {
		return nil
	}
	return s.backend.Check(s.ctx, tx)
}

// text is s as the backend stores it; see [Backend.Text].
func (s *DB) text(str string) string {
	if s.backend.Text == nil {
		return str
	}
	return s.backend.Text(str)
}

// q returns query with its ? parameters written the backend's way. No
// query of this package has a ? inside a string literal.
func (s *DB) q(query string) string {
	if !s.backend.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, part := range strings.Split(query, "?") {
		if n > 0 {
			b.WriteString("$" + strconv.Itoa(n))
		}
		b.WriteString(part)
		n++
	}
	return b.String()
}

// damaged reports whether err is SQLite's way of saying that a file is
// not a database or is corrupt (SQLITE_NOTADB, SQLITE_CORRUPT).
func damaged(err error) bool {
	var coder interface{ Code() int }
	if errors.As(err, &coder) {
		switch coder.Code() & 0xff { // the primary result code
		case 11, 26:
			return true
		}
	}
	return false
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
