package state

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

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
	// 4: for text read with OCR, Tesseract's mean confidence (NULL: not
	// OCR), so that stored text scored again stays marked.
	`ALTER TABLE documents ADD COLUMN ocr_confidence REAL;`,
	// 5: a file is known per machine (host) by its absolute path there,
	// and by name, its path relative to the folder screened, which
	// reads the same on every machine. Rows from before have host ''
	// until the file's machine claims them (see claimFiles).
	`CREATE TABLE files5 (
		host TEXT NOT NULL,
		path TEXT NOT NULL,
		name TEXT,
		sha256 TEXT NOT NULL,
		size INTEGER NOT NULL,
		mtime_ns INTEGER NOT NULL,
		first_seen_at INTEGER NOT NULL,
		last_screened_at INTEGER NOT NULL,
		PRIMARY KEY (host, path)
	);
	INSERT INTO files5 (host, path, sha256, size, mtime_ns, first_seen_at, last_screened_at)
		SELECT '', path, sha256, size, mtime_ns, first_seen_at, last_screened_at FROM files;
	DROP TABLE files;
	ALTER TABLE files5 RENAME TO files;
	CREATE INDEX files_sha256 ON files(sha256);
	CREATE INDEX files_name ON files(name);`,
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
