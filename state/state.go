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
package state

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	_ "modernc.org/sqlite" // pure-Go SQLite driver: no cgo, one static binary
)

// Errors [Open] returns, wrapped, for callers to branch on with errors.Is.
var (
	// ErrLocked: another process uses the state file.
	ErrLocked = errors.New("state file in use by another run")
	// ErrNotExist: the state file does not exist, and the options asked
	// for an existing one.
	ErrNotExist = errors.New("state file does not exist")
	// ErrDamaged: the file is not an SQLite database, or a damaged one.
	ErrDamaged = errors.New("state file is damaged or not a state file")
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
}

// DB is an open state file. Its methods are safe for concurrent use.
type DB struct {
	flushMu sync.Mutex
	mu      sync.Mutex
	pending []pending // outcomes not yet committed; guarded by mu

	db       *sql.DB
	textStmt *sql.Stmt // prepared once: SQLite's parser is a visible cost per file
	// unchangedPaths are the paths whose file record matched in Hash, and
	// recentDocs the contents seen within a day: Seen on both would change
	// nothing that matters (retention counts in days). Guarded by mu.
	unchangedPaths map[string]bool
	recentDocs     map[string]bool
	filesOnce      sync.Once
	files          map[string]fileRow // the files table; guarded by mu
	prefetched     map[string]docRow  // rows read by Prefetch, until Load takes them; guarded by mu
	prefetchRules  string             // the rules hash of prefetched; guarded by mu
	lock           *os.File
	opts           Options
	cwd            string // the current folder when opened, for storedPath
	run            int64  // current run, 0 outside a run
	lastDone       int64  // the last completed run before this one
	// Interrupted lists runs found unfinished when the file was opened.
	Interrupted []int64
}

// Open opens (creating and migrating if needed) the state file at path and
// locks it for this process; see [Options] for an existing file only, and
// for reading without the lock. Errors wrap [ErrLocked], [ErrNotExist] or
// [ErrDamaged] where they apply.
func Open(path string, opts Options) (*DB, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
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
		dsn += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=cache_size(-32000)&_pragma=mmap_size(268435456)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		releaseLock(lock)
		return nil, err
	}
	// Readers run in parallel (WAL mode); writes come only from Flush, one
	// transaction at a time, and wait on busy_timeout if a reader is busy.
	db.SetMaxOpenConns(runtime.GOMAXPROCS(0) + 1)
	s := &DB{db: db, lock: lock, opts: opts, unchangedPaths: map[string]bool{}, recentDocs: map[string]bool{}}
	s.cwd, _ = os.Getwd()
	if err := migrate(db, opts.ReadOnly); err != nil {
		s.Close()
		if damaged(err) {
			return nil, fmt.Errorf("%w: %s: %v (hint: move it aside, e.g. mv %s %s.bad; the next run starts a new one and reads every file once again)",
				ErrDamaged, path, err, path, path)
		}
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		q    string
	}{
		{&s.textStmt, `SELECT format, pages, bytes, text, header_footer, title FROM documents WHERE sha256 = ? AND text IS NOT NULL`},
	} {
		if *p.stmt, err = db.Prepare(p.q); err != nil {
			s.Close()
			return nil, err
		}
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

// Close commits queued outcomes and releases the database and the lock.
func (s *DB) Close() error {
	err := errors.Join(s.Flush(), s.db.Close())
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
	// 3: the document's title (parsers.Document.Title), stored with its
	// text, for the candidate's name when stored text is scored again.
	`ALTER TABLE documents ADD COLUMN title TEXT;`,
}

// migrate brings the schema up to date; readOnly only checks that it can
// be read.
func migrate(db *sql.DB, readOnly bool) error {
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("written by a newer screener (schema %d, this one knows %d)", version, len(migrations))
	}
	if readOnly {
		if version == 0 {
			return errors.New("not a screener state file (no schema)")
		}
		// Reading a page of a table finds a damaged file as the writer would.
		var n int64
		return db.QueryRow(`SELECT COUNT(*) FROM runs`).Scan(&n)
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
	// What Seen may skip is learnt anew each run: a watch keeps its DB
	// open for days, and a content seen "within a day" must not stay so.
	s.mu.Lock()
	clear(s.unchangedPaths)
	clear(s.recentDocs)
	s.mu.Unlock()
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

// EndRun commits queued outcomes and records the end of the current run.
func (s *DB) EndRun(c screener.Counts, newCount, exitCode int) error {
	if err := s.Flush(); err != nil {
		return err
	}
	_, err := s.db.Exec(`UPDATE runs SET ended_at = ?, files = ?, screened = ?, qualified = ?, errors = ?, skipped = ?,
		duplicates = ?, new = ?, exit_code = ? WHERE id = ?`,
		s.opts.Now().Unix(), c.Files, c.Screened, c.Qualified, c.Errors, c.Skipped, c.Duplicates, newCount, exitCode, s.run)
	return err
}

// fileRow is a row of the files table, kept in memory: Hash is called for
// every file of every run, and one query for all rows beats one per file.
type fileRow struct {
	size, mtime int64
	sha         string
}

// Hash implements screener.Store.
func (s *DB) Hash(path string, size int64, mtime time.Time) (string, bool) {
	path = s.storedPath(path)
	s.filesOnce.Do(s.loadFiles)
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.files[path]
	if !ok || r.size != size || r.mtime != mtime.UnixNano() {
		return "", false
	}
	s.unchangedPaths[path] = true
	return r.sha, true
}

// loadFiles reads the files table once. On error the map stays empty and
// every file is hashed: slower, never wrong.
func (s *DB) loadFiles() {
	files := map[string]fileRow{}
	if rows, err := s.db.Query(`SELECT path, size, mtime_ns, sha256 FROM files`); err == nil {
		for rows.Next() {
			var p string
			var r fileRow
			if rows.Scan(&p, &r.size, &r.mtime, &r.sha) == nil {
				files[p] = r
			}
		}
		rows.Close()
	}
	s.mu.Lock()
	for p, r := range s.files { // rows committed before the first Hash
		files[p] = r
	}
	s.files = files
	s.mu.Unlock()
}

// rememberFiles records committed file rows in the in-memory copy.
func (s *DB) rememberFiles(batch []pending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.files = map[string]fileRow{}
	}
	for _, p := range batch {
		s.files[p.f.Path] = fileRow{size: p.f.Size, mtime: p.f.ModTime.UnixNano(), sha: p.f.SHA256}
	}
}

// docRow is what Load reads of a document: its history, status and the
// stored result for the run's rules, if any.
type docRow struct {
	firstRun, lastSeen int64
	firstSeen          int64 // Unix seconds
	status             string
	code, msg          sql.NullString
	rec                sql.NullString // the encoded result; invalid when none for these rules
}

// prefetchChunk bounds the parameters of one prefetch query.
const prefetchChunk = 500

// Prefetch implements screener.Store: it reads the documents and results
// of the given contents in a few queries, so that Load finds them in
// memory. One query per file was most of an incremental run's own cost.
func (s *DB) Prefetch(shas []string, rulesHash string) error {
	rows := make(map[string]docRow, len(shas))
	for len(shas) > 0 {
		chunk := shas[:min(len(shas), prefetchChunk)]
		shas = shas[len(chunk):]
		if err := s.readDocs(chunk, rulesHash, rows); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.prefetched, s.prefetchRules = rows, rulesHash
	s.mu.Unlock()
	return nil
}

// readDocs reads the rows of the given contents into into; contents not
// stored are left out.
func (s *DB) readDocs(shas []string, rulesHash string, into map[string]docRow) error {
	args := make([]any, 0, len(shas)+1)
	args = append(args, rulesHash)
	for _, sha := range shas {
		args = append(args, sha)
	}
	rows, err := s.db.Query(`SELECT d.sha256, d.first_seen_run, d.first_seen_at, d.last_seen_at, d.status, d.error, d.message, r.record
		FROM documents d LEFT JOIN results r ON r.sha256 = d.sha256 AND r.rules_hash = ?
		WHERE d.sha256 IN (?`+strings.Repeat(", ?", len(shas)-1)+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var sha string
		var r docRow
		if err := rows.Scan(&sha, &r.firstRun, &r.firstSeen, &r.lastSeen, &r.status, &r.code, &r.msg, &r.rec); err != nil {
			return err
		}
		into[sha] = r
	}
	return rows.Err()
}

// Load implements screener.Store.
func (s *DB) Load(sha, rulesHash string) (screener.Cached, error) {
	var c screener.Cached
	s.mu.Lock()
	r, ok := s.prefetched[sha]
	ok = ok && s.prefetchRules == rulesHash
	delete(s.prefetched, sha) // used once; keeps memory bounded
	s.mu.Unlock()
	if !ok { // not prefetched: content new to this run, or a second file with it
		one := map[string]docRow{}
		if err := s.readDocs([]string{sha}, rulesHash, one); err != nil {
			return c, err
		}
		if r, ok = one[sha]; !ok {
			return c, nil
		}
	}
	c.SeenBefore = r.firstRun <= s.lastDone
	c.FirstSeen = time.Unix(r.firstSeen, 0)
	if s.opts.Now().Unix()-r.lastSeen < 24*60*60 {
		s.mu.Lock()
		s.recentDocs[sha] = true
		s.mu.Unlock()
	}
	if r.status == string(screener.StatusError) {
		c.Failed = &screener.Record{SHA256: sha, Status: screener.StatusError, Error: parsers.Reason(r.code.String), Message: r.msg.String}
		return c, nil
	}
	if r.rec.Valid && !staleRecord(r.rec.String) {
		rec, err := decodeRecord(r.rec.String)
		if err != nil {
			return c, fmt.Errorf("stored result of %s: %w", sha, err)
		}
		c.Record = &rec
		return c, nil
	}
	// No result for these rules, or a stale one: the stored text, if kept,
	// is re-scored.
	var (
		format, text, hf, title sql.NullString
		pages, size             sql.NullInt64
	)
	err := s.textStmt.QueryRow(sha).Scan(&format, &pages, &size, &text, &hf, &title)
	switch {
	case err == nil:
		c.Doc = &parsers.Document{Format: parsers.Format(format.String), Text: text.String, HeaderFooter: hf.String, Title: title.String,
			Pages: int(pages.Int64), Bytes: size.Int64}
	case !errors.Is(err, sql.ErrNoRows):
		return c, err
	}
	return c, nil
}

// batchSize is how many file outcomes are committed in one transaction.
// A crash loses at most this many (uncommitted) outcomes, which the next
// run simply redoes; committing each file alone made state writes cost as
// much as extraction.
const batchSize = 64

// pending is one file outcome waiting for the next commit.
type pending struct {
	f       screener.FileInfo
	seen    bool   // only touch timestamps and the path
	failed  bool   // doc was nil: an extraction failure
	rec     []byte // JSON of the record, for results
	rules   string
	code    string
	message string
	email   string
	format  string
	pages   int
	bytes   int64
	text    sql.NullString
	hf      sql.NullString
	title   sql.NullString
	textSHA string
}

// Save implements screener.Store. Outcomes are committed in batches of
// [batchSize]; Flush, EndRun and Close commit the rest.
func (s *DB) Save(f screener.FileInfo, doc *parsers.Document, rec screener.Record, rulesHash string) error {
	f.Path = s.storedPath(f.Path)
	p := pending{f: f, rules: rulesHash, code: string(rec.Error), message: rec.Message, email: rec.Email, failed: doc == nil}
	if doc != nil {
		p.format, p.pages, p.bytes, p.textSHA = string(doc.Format), doc.Pages, doc.Bytes, sha256Hex(doc.Text)
		if s.opts.StoreText {
			p.text = sql.NullString{String: doc.Text, Valid: true}
			p.hf = sql.NullString{String: doc.HeaderFooter, Valid: true}
			p.title = sql.NullString{String: doc.Title, Valid: doc.Title != ""}
		}
		p.rec = encodeRecord(rec)
	}
	return s.queue(p)
}

// Seen implements screener.Store. It writes nothing when the file record
// is unchanged and the content was seen within a day.
func (s *DB) Seen(f screener.FileInfo) error {
	f.Path = s.storedPath(f.Path)
	s.mu.Lock()
	skip := s.unchangedPaths[f.Path] && s.recentDocs[f.SHA256]
	s.mu.Unlock()
	if skip {
		return nil
	}
	return s.queue(pending{f: f, seen: true})
}

func (s *DB) queue(p pending) error {
	s.mu.Lock()
	s.pending = append(s.pending, p)
	full := len(s.pending) >= batchSize
	s.mu.Unlock()
	if full {
		return s.Flush()
	}
	return nil
}

// Flush commits the queued outcomes in one transaction.
func (s *DB) Flush() error {
	s.flushMu.Lock() // one writer at a time: SQLite allows no more
	defer s.flushMu.Unlock()
	s.mu.Lock()
	batch := s.pending
	s.pending = nil
	s.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	now := s.opts.Now().Unix()
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range batch {
		if err := s.apply(tx, p, now); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.rememberFiles(batch)
	return nil
}

func (s *DB) apply(tx *sql.Tx, p pending, now int64) error {
	if p.seen {
		if _, err := tx.Exec(`UPDATE documents SET last_seen_at = ? WHERE sha256 = ?`, now, p.f.SHA256); err != nil {
			return err
		}
		return upsertFile(tx, p.f, now)
	}
	status := string(screener.StatusOK)
	if p.failed {
		status = string(screener.StatusError)
	}
	if _, err := tx.Exec(`INSERT INTO documents (sha256, first_seen_run, first_seen_at, last_seen_at, status, error, message,
			format, pages, bytes, text, header_footer, text_sha256, email, title)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO UPDATE SET last_seen_at = excluded.last_seen_at,
			text = COALESCE(documents.text, excluded.text), email = excluded.email,
			title = COALESCE(documents.title, excluded.title)`,
		p.f.SHA256, s.run, now, now, status, nullIf(p.code), nullIf(p.message), p.format, p.pages, p.bytes, p.text, p.hf,
		nullIf(p.textSHA), nullIf(p.email), p.title); err != nil {
		return err
	}
	if err := upsertFile(tx, p.f, now); err != nil {
		return err
	}
	if p.rec != nil {
		if _, err := tx.Exec(`INSERT OR REPLACE INTO results (sha256, rules_hash, record, scored_at) VALUES (?, ?, ?, ?)`,
			p.f.SHA256, p.rules, p.rec, now); err != nil {
			return err
		}
	}
	return nil
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

// storedPath is the form a file's path is stored in: absolute and clean,
// so that "cv.pdf", "./cv.pdf" and "/inbox/cv.pdf" are one file whatever
// folder a run starts in. (filepath.Abs would ask the system for the
// current folder once per file.)
func (s *DB) storedPath(p string) string {
	if filepath.IsAbs(p) || s.cwd == "" {
		return filepath.Clean(p)
	}
	return filepath.Join(s.cwd, p)
}

// Forget deletes everything stored about the candidates matching one
// selector: an email address, a file path (relative to the current folder
// or absolute), or a content SHA-256. It returns how many documents were
// removed.
func (s *DB) Forget(email, path, sha string) (int64, error) {
	switch {
	case email != "":
		return s.deleteDocuments(`SELECT sha256 FROM documents WHERE lower(email) = lower(?)`, email)
	case path != "":
		// Files stored before paths were made absolute match as written.
		return s.deleteDocuments(`SELECT sha256 FROM files WHERE path IN (?, ?)`, s.storedPath(path), path)
	case sha != "":
		return s.deleteDocuments(`SELECT sha256 FROM documents WHERE sha256 = ?`, strings.ToLower(sha))
	}
	return 0, errors.New("forget: give an email, a file or a SHA-256")
}

func (s *DB) deleteDocuments(query string, args ...any) (int64, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`CREATE TEMP TABLE IF NOT EXISTS doomed (sha256 TEXT PRIMARY KEY); DELETE FROM doomed`); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(`INSERT OR IGNORE INTO doomed `+query, args...); err != nil {
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
	s.filesOnce.Do(func() {}) // from now on the copy is rebuilt here, not lazily
	s.mu.Lock()
	s.files = nil
	s.mu.Unlock()
	s.loadFiles()
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
