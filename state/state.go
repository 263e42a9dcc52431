// Package state keeps what screener learns between runs in an SQLite file:
// each file's content hash, each content's extracted text (or only its
// hash) and contact email, the results per rule set, and the run history.
// It implements [screener.Store], so a nightly run reads only new or
// changed files, and a run killed at any moment loses nothing committed.
//
// One process at a time may use a state file: [Open] takes an exclusive
// lock (flock on FILE.lock) and fails with [ErrLocked] if another process
// holds it. The kernel drops the lock when its holder dies, so the lock of
// a killed run is taken over at once; its unfinished run is marked
// interrupted.
package state

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	_ "modernc.org/sqlite" // pure-Go SQLite driver: no cgo, one static binary
)

// ErrLocked is returned by Open when another process uses the state file.
var ErrLocked = errors.New("state file in use by another run")

// Options configure a [DB].
type Options struct {
	// StoreText keeps extracted text, so that a changed rule set re-scores
	// without reading files again. False keeps only the text's SHA-256.
	StoreText bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// DB is an open state file. Its methods are safe for concurrent use.
type DB struct {
	db       *sql.DB
	lock     *os.File
	opts     Options
	run      int64 // current run, 0 outside a run
	lastDone int64 // the last completed run before this one
	// Interrupted lists runs found unfinished when the file was opened.
	Interrupted []int64
}

// Open opens (creating and migrating if needed) the state file at path and
// locks it for this process.
func Open(path string, opts Options) (*DB, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	lock, err := acquireLock(path + ".lock")
	if err != nil {
		return nil, err
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		lock.Close()
		return nil, err
	}
	db.SetMaxOpenConns(1) // SQLite has one writer; one connection avoids SQLITE_BUSY
	s := &DB{db: db, lock: lock, opts: opts}
	if err := migrate(db); err != nil {
		s.Close()
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	rows, err := db.Query(`SELECT id FROM runs WHERE ended_at IS NULL ORDER BY id`)
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

// Close releases the database and the lock.
func (s *DB) Close() error {
	err := s.db.Close()
	releaseLock(s.lock)
	return err
}

// migrations are applied in order; PRAGMA user_version counts those done.
// Never edit one that has shipped: append a new one.
var migrations = []string{
	// 1: the initial schema.
	`CREATE TABLE runs (
		id INTEGER PRIMARY KEY,
		started_at INTEGER NOT NULL,
		ended_at INTEGER,
		rules_hash TEXT NOT NULL,
		files INTEGER, screened INTEGER, qualified INTEGER, errors INTEGER,
		skipped INTEGER, duplicates INTEGER, new INTEGER, exit_code INTEGER
	);
	CREATE TABLE documents (
		sha256 TEXT PRIMARY KEY,
		first_seen_run INTEGER NOT NULL,
		first_seen_at INTEGER NOT NULL,
		last_seen_at INTEGER NOT NULL,
		status TEXT NOT NULL,
		error TEXT, message TEXT,
		format TEXT, pages INTEGER, bytes INTEGER,
		text TEXT, header_footer TEXT, text_sha256 TEXT
	);
	CREATE TABLE files (
		path TEXT PRIMARY KEY,
		sha256 TEXT NOT NULL,
		size INTEGER NOT NULL,
		mtime_ns INTEGER NOT NULL,
		first_seen_at INTEGER NOT NULL,
		last_screened_at INTEGER NOT NULL
	);
	CREATE INDEX files_sha256 ON files(sha256);
	CREATE TABLE results (
		sha256 TEXT NOT NULL,
		rules_hash TEXT NOT NULL,
		record TEXT NOT NULL,
		scored_at INTEGER NOT NULL,
		PRIMARY KEY (sha256, rules_hash)
	);`,
	// 2: the candidate's email, so that `forget -email` finds their data.
	`ALTER TABLE documents ADD COLUMN email TEXT;
	CREATE INDEX documents_email ON documents(email);`,
}

func migrate(db *sql.DB) error {
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("written by a newer screener (schema %d, this one knows %d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.Exec(`PRAGMA user_version = ` + strconv.Itoa(i+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// BeginRun records the start of a run with the given rules and returns its id.
func (s *DB) BeginRun(rulesHash string) (int64, error) {
	if len(s.Interrupted) > 0 {
		if _, err := s.db.Exec(`UPDATE runs SET ended_at = started_at, exit_code = -1 WHERE ended_at IS NULL`); err != nil {
			return 0, err
		}
	}
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM runs WHERE exit_code >= 0`).Scan(&s.lastDone); err != nil {
		return 0, err
	}
	res, err := s.db.Exec(`INSERT INTO runs (started_at, rules_hash) VALUES (?, ?)`, s.opts.Now().Unix(), rulesHash)
	if err != nil {
		return 0, err
	}
	s.run, err = res.LastInsertId()
	return s.run, err
}

// EndRun records the end of the current run.
func (s *DB) EndRun(c screener.Counts, newCount, exitCode int) error {
	_, err := s.db.Exec(`UPDATE runs SET ended_at = ?, files = ?, screened = ?, qualified = ?, errors = ?, skipped = ?,
		duplicates = ?, new = ?, exit_code = ? WHERE id = ?`,
		s.opts.Now().Unix(), c.Files, c.Screened, c.Qualified, c.Errors, c.Skipped, c.Duplicates, newCount, exitCode, s.run)
	return err
}

// Hash implements screener.Store.
func (s *DB) Hash(path string, size int64, mtime time.Time) (string, bool) {
	var sha string
	err := s.db.QueryRow(`SELECT sha256 FROM files WHERE path = ? AND size = ? AND mtime_ns = ?`, path, size, mtime.UnixNano()).Scan(&sha)
	return sha, err == nil
}

// Load implements screener.Store.
func (s *DB) Load(sha, rulesHash string) (screener.Cached, error) {
	var (
		c                                screener.Cached
		firstRun                         int64
		status                           string
		code, msg, format, text, hf, rec sql.NullString
		pages, size                      sql.NullInt64
	)
	err := s.db.QueryRow(`SELECT first_seen_run, status, error, message, format, pages, bytes, text, header_footer
		FROM documents WHERE sha256 = ?`, sha).Scan(&firstRun, &status, &code, &msg, &format, &pages, &size, &text, &hf)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	c.SeenBefore = firstRun <= s.lastDone
	if status == string(screener.StatusError) {
		c.Failed = &screener.Record{SHA256: sha, Status: screener.StatusError, Error: code.String, Message: msg.String}
		return c, nil
	}
	err = s.db.QueryRow(`SELECT record FROM results WHERE sha256 = ? AND rules_hash = ?`, sha, rulesHash).Scan(&rec)
	switch {
	case err == nil:
		var r screener.Record
		if err := json.Unmarshal([]byte(rec.String), &r); err != nil {
			return c, fmt.Errorf("stored result of %s: %w", sha, err)
		}
		c.Record = &r
	case !errors.Is(err, sql.ErrNoRows):
		return c, err
	}
	if text.Valid {
		c.Doc = &parsers.Document{Format: parsers.Format(format.String), Text: text.String, HeaderFooter: hf.String,
			Pages: int(pages.Int64), Bytes: size.Int64, SHA256: sha}
	}
	return c, nil
}

// Save implements screener.Store: one transaction per file.
func (s *DB) Save(f screener.FileInfo, doc *parsers.Document, rec screener.Record, rulesHash string) error {
	now := s.opts.Now().Unix()
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	status, text, hf, textSHA := string(screener.StatusOK), sql.NullString{}, sql.NullString{}, sql.NullString{}
	var format string
	var pages int
	var size int64
	if doc == nil {
		status = string(screener.StatusError)
	} else {
		format, pages, size = string(doc.Format), doc.Pages, doc.Bytes
		textSHA = sql.NullString{String: sha256Hex(doc.Text), Valid: true}
		if s.opts.StoreText {
			text = sql.NullString{String: doc.Text, Valid: true}
			hf = sql.NullString{String: doc.HeaderFooter, Valid: true}
		}
	}
	if _, err := tx.Exec(`INSERT INTO documents (sha256, first_seen_run, first_seen_at, last_seen_at, status, error, message,
			format, pages, bytes, text, header_footer, text_sha256, email)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO UPDATE SET last_seen_at = excluded.last_seen_at,
			text = COALESCE(documents.text, excluded.text), email = excluded.email`,
		f.SHA256, s.run, now, now, status, nullIf(rec.Error), nullIf(rec.Message), format, pages, size, text, hf, textSHA, nullIf(rec.Email)); err != nil {
		return err
	}
	if err := upsertFile(tx, f, now); err != nil {
		return err
	}
	if doc != nil {
		stored := rec
		stored.File, stored.New, stored.Rank = "", false, 0
		b, err := json.Marshal(stored)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT OR REPLACE INTO results (sha256, rules_hash, record, scored_at) VALUES (?, ?, ?, ?)`,
			f.SHA256, rulesHash, string(b), now); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Seen implements screener.Store.
func (s *DB) Seen(f screener.FileInfo) error {
	now := s.opts.Now().Unix()
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE documents SET last_seen_at = ? WHERE sha256 = ?`, now, f.SHA256); err != nil {
		return err
	}
	if err := upsertFile(tx, f, now); err != nil {
		return err
	}
	return tx.Commit()
}

func upsertFile(tx *sql.Tx, f screener.FileInfo, now int64) error {
	_, err := tx.Exec(`INSERT INTO files (path, sha256, size, mtime_ns, first_seen_at, last_screened_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, mtime_ns = excluded.mtime_ns,
			last_screened_at = excluded.last_screened_at`,
		f.Path, f.SHA256, f.Size, f.ModTime.UnixNano(), now, now)
	return err
}

func nullIf(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// Prune deletes the documents, results and file records not seen since
// before cutoff, and returns how many documents went.
func (s *DB) Prune(cutoff time.Time) (int64, error) {
	return s.deleteDocuments(`SELECT sha256 FROM documents WHERE last_seen_at < ?`, cutoff.Unix())
}

// Forget deletes everything stored about the candidates matching one
// selector: an email address, a file path, or a content SHA-256. It
// returns how many documents were removed.
func (s *DB) Forget(email, path, sha string) (int64, error) {
	switch {
	case email != "":
		return s.deleteDocuments(`SELECT sha256 FROM documents WHERE lower(email) = lower(?)`, email)
	case path != "":
		return s.deleteDocuments(`SELECT sha256 FROM files WHERE path = ?`, path)
	case sha != "":
		return s.deleteDocuments(`SELECT sha256 FROM documents WHERE sha256 = ?`, strings.ToLower(sha))
	}
	return 0, errors.New("forget: give an email, a file or a SHA-256")
}

func (s *DB) deleteDocuments(query string, arg any) (int64, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`CREATE TEMP TABLE IF NOT EXISTS doomed (sha256 TEXT PRIMARY KEY); DELETE FROM doomed`); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(`INSERT OR IGNORE INTO doomed `+query, arg); err != nil {
		return 0, err
	}
	for _, q := range []string{
		`DELETE FROM results WHERE sha256 IN (SELECT sha256 FROM doomed)`,
		`DELETE FROM files WHERE sha256 IN (SELECT sha256 FROM doomed)`,
	} {
		if _, err := tx.Exec(q); err != nil {
			return 0, err
		}
	}
	res, err := tx.Exec(`DELETE FROM documents WHERE sha256 IN (SELECT sha256 FROM doomed)`)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	// Deleted text must not linger in free pages or the write-ahead log.
	if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return n, err
	}
	_, err = s.db.ExecContext(context.Background(), `VACUUM`)
	return n, err
}

// Run is one line of the run history.
type Run struct {
	ID                                                           int64
	Started, Ended                                               time.Time // Ended is zero if the run did not finish
	RulesHash                                                    string
	Files, Screened, Qualified, Errors, Skipped, Duplicates, New int
	ExitCode                                                     int // -1: interrupted
}

// Runs returns the run history, newest first.
func (s *DB) Runs() ([]Run, error) {
	rows, err := s.db.Query(`SELECT id, started_at, COALESCE(ended_at, 0), rules_hash, COALESCE(files, 0), COALESCE(screened, 0),
		COALESCE(qualified, 0), COALESCE(errors, 0), COALESCE(skipped, 0), COALESCE(duplicates, 0), COALESCE(new, 0),
		COALESCE(exit_code, -1) FROM runs ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		var started, ended int64
		if err := rows.Scan(&r.ID, &started, &ended, &r.RulesHash, &r.Files, &r.Screened, &r.Qualified, &r.Errors,
			&r.Skipped, &r.Duplicates, &r.New, &r.ExitCode); err != nil {
			return nil, err
		}
		r.Started = time.Unix(started, 0)
		if ended > 0 {
			r.Ended = time.Unix(ended, 0)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
