// Package postgres keeps screener's state in a PostgreSQL database, so
// that several machines share one state: the same tables as the SQLite
// file of package state, the same [state.DB] with all its methods, over
// jackc/pgx (pure Go).
//
// One run per job (state.Options.Job) at a time may write a database
// schema, and runs of different jobs write it at once: [Open] takes a
// session advisory lock (pg_try_advisory_lock) on a connection of its
// own, keyed by the schema and the job, held until [state.DB.Close], and
// fails with [state.ErrLocked] if another session holds it. The server
// drops the lock when the holder's connection ends, so the lock of a
// killed run is free again as soon as the server notices: at once for a
// killed process, whose kernel closes the connection; about 11 s for a
// machine that vanishes, by the TCP keepalives the lock's connection asks
// the server for. That connection is pinged every second, and every
// write transaction checks with the server that it still holds the lock;
// when it does not, writes fail with [state.ErrLockLost] and
// [state.DB.Lost] is closed, so that the run stops. The lock lives in one
// session, so the URL must reach PostgreSQL directly or through a pooler
// in session mode, never in transaction mode.
//
// The schema is created and brought up to date by versioned migrations,
// each applied under an advisory transaction lock, so that processes
// starting together do not both apply one. The tables live in the
// current schema: several teams may share a database, each with its own
// search_path (postgres://host/db?search_path=team1); the run lock is per
// schema.
//
// Deletion ([state.DB.Forget], [state.DB.Prune]) removes the rows in a
// transaction and then runs VACUUM, which makes the space reusable but
// does not overwrite it: the deleted text may remain in the table files
// until overwritten, in the write-ahead log until recycled, and in WAL
// archives, replicas' files and backups for as long as those are kept.
// Erasure there follows the database's own retention of WAL and backups.
// Encrypting each candidate's text under a key of its own, and deleting
// the key ("crypto-shredding"), would not do better while the keys live
// in the same database, WAL and backups as the text.
//
// [Import] copies an SQLite state into a database.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/screener/screener/state"
)

// Advisory lock classes (the first key of the two-key form; the second
// is a hash of the current schema's name, and for lockRun of the job's:
// see jobKey). The values are arbitrary and only need to differ from
// other applications' in the same database.
const (
	lockRun     = 0x53637231 // "Scr1": one run per job and schema
	lockMigrate = 0x53637232 // "Scr2": one migration at a time per schema
)

// IsURL reports whether s names a PostgreSQL database rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host/db?...;
// the password is best left to PGPASSWORD or ~/.pgpass), creates or
// migrates its tables and takes the run lock, unless opts.ReadOnly.
// Errors wrap [state.ErrLocked] or [state.ErrNotExist] where they apply.
func Open(ctx context.Context, url string, opts state.Options) (*state.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("state database: %w", err)
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "screener"
	}
	db := stdlib.OpenDB(*cfg)
	// As with SQLite: readers in parallel, one writer (Flush) at a time,
	// plus the connection that holds the run lock.
	db.SetMaxOpenConns(runtime.GOMAXPROCS(0) + 2)
	where := fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	b := state.Backend{Numbered: true, Scrub: vacuum, Text: storable, JobLock: true,
		Running: func(job string) (bool, error) { return running(ctx, db, job) }}
	if !opts.ReadOnly {
		l, err := lock(ctx, db, where, opts.Job)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("state %s: %w", where, err)
		}
		b.Release, b.Check, b.Lost, b.LostErr = l.release, l.check, l.lost, l.err
	}
	if err := migrate(ctx, db, opts.ReadOnly || opts.Existing, opts.ReadOnly); err != nil {
		if b.Release != nil {
			b.Release()
		}
		db.Close()
		return nil, fmt.Errorf("state %s: %w", where, err)
	}
	return state.New(db, b, opts)
}

// storable makes s storable in a text column, which takes neither NUL
// nor bytes that are not UTF-8 (a Unix file name may hold any byte but /,
// and error messages quote them): such a byte becomes U+FFFD and two hex
// digits, and a U+FFFD of s is doubled, so that distinct strings stay
// distinct. Other strings are unchanged.
func storable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsAny(s, "\x00\uFFFD") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1, r == 0:
			fmt.Fprintf(&b, "\uFFFD%02x", s[i])
		case r == '\uFFFD':
			b.WriteString("\uFFFD\uFFFD")
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Health of the run lock's connection: it is pinged every
// lockPingEvery, and a ping that fails or takes longer than lockPingWait
// loses the lock. The server is asked to probe the connection with TCP
// keepalives after lockKeepalive of silence, lockKeepaliveCount times
// lockKeepaliveEvery apart, and so drops the lock of a machine that
// vanished (no packet says it is gone) after about 11 s: later than this
// side stops writing (at most lockPingEvery+lockPingWait, 4 s, after the
// last good ping), so that two runs of a job never write at once. A killed
// process is noticed at once: its kernel closes the connection.
const (
	lockPingEvery      = time.Second
	lockPingWait       = 3 * time.Second
	lockKeepalive      = 5 // seconds
	lockKeepaliveEvery = 2 // seconds
	lockKeepaliveCount = 3
)

// runLock is the run lock of one job, held by a connection of its own.
type runLock struct {
	conn        *sql.Conn
	where       string // the database, for errors
	class       int64  // the first key, lockRun
	key         int64  // the second key: the schema and the job
	pid         int    // the server process of conn, which holds the lock
	lost        chan struct{}
	stop        chan struct{} // closed by release
	done        chan struct{} // closed when the pinger has stopped
	mu          sync.Mutex
	lostErr     error // guarded by mu
	closeOnce   sync.Once
	releaseOnce sync.Once
}

// jobKey is the second key of a job's run lock: a hash of the schema and
// the job, so that each job of each schema has a lock of its own. (A
// collision of two jobs' 32-bit keys, about one in four billion, would
// only make them wait for each other.)
func jobKey(schema, job string) int64 {
	h := fnv.New32a()
	h.Write([]byte(schema + "\x00" + job))
	return int64(int32(h.Sum32()))
}

// lock takes the run lock of job on a connection of its own and starts
// watching that connection.
func lock(ctx context.Context, db *sql.DB, where, job string) (*runLock, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	l := &runLock{conn: conn, where: where, class: lockRun, lost: make(chan struct{}), stop: make(chan struct{}), done: make(chan struct{})}
	var schema sql.NullString
	if err := conn.QueryRowContext(ctx, `SELECT current_schema(), pg_backend_pid()`).Scan(&schema, &l.pid); err != nil {
		conn.Close()
		return nil, err
	}
	l.key = jobKey(schema.String, job)
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1::int, $2::int)`, l.class, l.key).Scan(&ok); err != nil {
		conn.Close()
		return nil, err
	}
	if !ok {
		holder := "holder unknown"
		var pid int
		var app, addr, since string
		if conn.QueryRowContext(ctx, `SELECT a.pid, a.application_name, COALESCE(host(a.client_addr), 'local'),
				to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
			FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::int::oid AND l.objid = $2::int::oid AND l.objsubid = 2
				AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1`,
			l.class, l.key).Scan(&pid, &app, &addr, &since) == nil {
			holder = fmt.Sprintf("server pid %d, %s from %s, since %s", pid, app, addr, since)
		}
		conn.Close()
		return nil, fmt.Errorf("%w (%s)", state.ErrLocked, holder)
	}
	// Settings of this session only; over a Unix socket they do nothing.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`SET tcp_keepalives_idle = %d; SET tcp_keepalives_interval = %d; SET tcp_keepalives_count = %d`,
		lockKeepalive, lockKeepaliveEvery, lockKeepaliveCount)); err != nil {
		conn.Close()
		return nil, err
	}
	go l.watch()
	return l, nil
}

// running reports whether a session holds the run lock of job in the
// current schema.
func running(ctx context.Context, db *sql.DB, job string) (bool, error) {
	var schema sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return false, err
	}
	var held bool
	err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
			AND classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2
			AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))`,
		lockRun, jobKey(schema.String, job)).Scan(&held)
	return held, err
}

// watch pings the lock's connection until release; the first failure
// loses the lock.
func (l *runLock) watch() {
	defer close(l.done)
	t := time.NewTicker(lockPingEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), lockPingWait)
		err := l.conn.PingContext(ctx)
		cancel()
		if err != nil {
			l.lose(fmt.Errorf("the connection holding it failed or did not answer within %s: %w", lockPingWait, err))
			return
		}
	}
}

// lose records why the lock is lost and closes the lost channel, once.
func (l *runLock) lose(why error) {
	l.mu.Lock()
	if l.lostErr == nil {
		l.lostErr = fmt.Errorf("%w on %s: %w", state.ErrLockLost, l.where, why)
	}
	l.mu.Unlock()
	l.closeOnce.Do(func() { close(l.lost) })
}

// err is why the lock was lost; nil while it is held.
func (l *runLock) err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lostErr
}

// check is the Check of the state's backend: within the transaction that
// is about to commit, the server confirms that the lock's connection
// still holds it. It closes the gap between two pings.
func (l *runLock) check(ctx context.Context, tx *sql.Tx) error {
	return l.verify(func(q string, args ...any) rowScanner { return tx.QueryRowContext(ctx, q, args...) })
}

// rowScanner is a row of database/sql or of pgx.
type rowScanner interface{ Scan(dest ...any) error }

// verify is check through any query function.
func (l *runLock) verify(queryRow func(q string, args ...any) rowScanner) error {
	if err := l.err(); err != nil {
		return err
	}
	var held bool
	if err := queryRow(`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1
			AND classid = $2::int::oid AND objid = $3::int::oid AND objsubid = 2)`, l.pid, l.class, l.key).Scan(&held); err != nil {
		return err
	}
	if !held {
		l.lose(errors.New("the server no longer holds it for this run"))
		return l.err()
	}
	return nil
}

// release stops watching, unlocks and closes the connection; calls
// after the first do nothing.
func (l *runLock) release() error {
	var err error
	l.releaseOnce.Do(func() {
		close(l.stop)
		<-l.done
		if l.err() == nil {
			_, err = l.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1::int, $2::int)`, l.class, l.key)
		}
		err = errors.Join(err, l.conn.Close())
	})
	return err
}

// vacuum is the Scrub of a PostgreSQL state: it makes the space of
// deleted rows reusable; see the package documentation for what it does
// not erase.
func vacuum(db *sql.DB) error {
	_, err := db.Exec(`VACUUM documents, results, files`)
	return err
}
