package state

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Prune deletes the documents, results and file records not seen since
// before cutoff, and returns how many documents went.
func (s *DB) Prune(cutoff time.Time) (int64, error) {
	return s.deleteDocuments(`SELECT DISTINCT sha256 FROM documents WHERE last_seen_at < ?`, cutoff.Unix())
}

// Forget deletes everything stored about the candidates matching one
// selector: an email address, a file path (relative to the current folder
// or absolute, screened on any machine, or relative to the folder
// screened), or a content SHA-256. It returns how many documents were
// removed.
func (s *DB) Forget(email, path, sha string) (int64, error) {
	switch {
	case email != "":
		return s.deleteDocuments(`SELECT DISTINCT sha256 FROM documents WHERE lower(email) = lower(?)`, email)
	case path != "":
		// A path matches the absolute path of a file on any machine, and
		// its name (relative to the folder screened); files stored before
		// paths were made absolute match as written.
		return s.deleteDocuments(`SELECT DISTINCT sha256 FROM files WHERE path IN (?, ?) OR name = ?`, s.storedPath(path), s.text(path), s.storedName(path))
	case sha != "":
		return s.deleteDocuments(`SELECT DISTINCT sha256 FROM documents WHERE sha256 = ?`, strings.ToLower(sha))
	}
	return 0, errors.New("forget: give an email, a file or a SHA-256")
}

func (s *DB) deleteDocuments(query string, args ...any) (int64, error) {
	tx, err := s.db.BeginTx(s.ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	for _, q := range []string{`CREATE TEMP TABLE IF NOT EXISTS doomed (sha256 TEXT PRIMARY KEY)`, `DELETE FROM doomed`} {
		if _, err := tx.ExecContext(s.ctx, q); err != nil {
			return 0, err
		}
	}
	if _, err := tx.ExecContext(s.ctx, s.q(`INSERT INTO doomed `+query), args...); err != nil {
		return 0, err
	}
	for _, q := range []string{
		`DELETE FROM results WHERE sha256 IN (SELECT sha256 FROM doomed)`,
		`DELETE FROM files WHERE sha256 IN (SELECT sha256 FROM doomed)`,
	} {
		if _, err := tx.ExecContext(s.ctx, q); err != nil {
			return 0, err
		}
	}
	res, err := tx.ExecContext(s.ctx, `DELETE FROM documents WHERE sha256 IN (SELECT sha256 FROM doomed)`)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if err := s.check(tx); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	s.forgetFiles()
	if s.backend.Scrub != nil {
		err = s.backend.Scrub(s.db)
	}
	return n, err
}

// scrubSQLite rewrites the file without its free pages and empties the
// write-ahead log, so that deleted text does not linger in either.
func scrubSQLite(db *sql.DB) error {
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return err
	}
	_, err := db.ExecContext(context.Background(), `VACUUM`)
	return err
}
