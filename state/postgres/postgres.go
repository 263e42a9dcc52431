// Package postgres keeps screener's state in a PostgreSQL database, so
// that several machines share one state: the same tables as the SQLite
// file of package state, the same [state.DB] with all its methods, over
// jackc/pgx (pure Go).
//
// One run at a time may write a database schema: [Open] takes a session
// advisory lock (pg_try_advisory_lock) on a connection of its own, held
// until [state.DB.Close], and fails with [state.ErrLocked] if another
// session holds it. The server drops the lock when the holder's
// connection ends, so the lock of a killed run is free again as soon as
// the server notices (at once for a killed process; a machine that
// vanishes takes the server's TCP keepalive time). The lock lives in one
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
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/screener/screener/state"
)

// Advisory lock classes (the first key of the two-key form; the second
// is the hash of the current schema's name). The values are arbitrary
// and only need to differ from other applications' in the same database.
const (
	lockRun     = 0x53637231 // "Scr1": one run per schema
	lockMigrate = 0x53637232 // "Scr2": one migration at a time
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
	var release func() error
	if !opts.ReadOnly {
		if release, err = lock(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("state %s: %w", where, err)
		}
	}
	if err := migrate(ctx, db, opts.ReadOnly || opts.Existing, opts.ReadOnly); err != nil {
		if release != nil {
			release()
		}
		db.Close()
		return nil, fmt.Errorf("state %s: %w", where, err)
	}
	return state.New(db, state.Backend{Numbered: true, Scrub: vacuum, Text: storable, Release: release}, opts)
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

// lock takes the run lock on a connection of its own and returns the
// function that releases it.
func lock(ctx context.Context, db *sql.DB) (func() error, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, hashtext(current_schema()))`, lockRun).Scan(&ok); err != nil {
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
			WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::oid AND l.objsubid = 2 LIMIT 1`,
			lockRun).Scan(&pid, &app, &addr, &since) == nil {
			holder = fmt.Sprintf("server pid %d, %s from %s, since %s", pid, app, addr, since)
		}
		conn.Close()
		return nil, fmt.Errorf("%w (%s)", state.ErrLocked, holder)
	}
	return func() error {
		_, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, lockRun)
		return errors.Join(err, conn.Close())
	}, nil
}

// vacuum is the Scrub of a PostgreSQL state: it makes the space of
// deleted rows reusable; see the package documentation for what it does
// not erase.
func vacuum(db *sql.DB) error {
	_, err := db.Exec(`VACUUM documents, results, files`)
	return err
}
