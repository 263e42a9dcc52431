package state

import (
	"database/sql"
	"slices"
	"strings"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
)

// batchSize is how many file outcomes are committed in one transaction.
// A crash loses at most this many (uncommitted) outcomes, which the next
// run simply redoes; committing each file alone made state writes cost as
// much as extraction.
const batchSize = 64

// batchBytes is how many bytes of text and results the queued outcomes
// may hold before they are committed, however few. A run screens its
// largest files first, so a batch of 64 of a folder's largest resumes
// held their texts, 14 MB for 64 copies of a 200 KB one, and the first
// run of 20,000 text resumes peaked at 87 MiB against 61 for 2,000.
const batchBytes = 1 << 20

// pending is one file outcome waiting for the next commit.
type pending struct {
	f       screener.FileInfo
	seen    bool   // only touch timestamps and the path
	failed  bool   // doc was nil: an extraction failure
	rec     []byte // the record in the binary form of encodeRecord (codec.go), for results
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
	ocr     sql.NullFloat64
	textSHA string
}

// Save implements screener.Store. Outcomes are committed in batches of
// [batchSize]; Flush, EndRun and Close commit the rest.
func (s *DB) Save(f screener.FileInfo, doc *parsers.Document, rec screener.Record, rulesHash string) error {
	f.Path, f.Name = s.storedPath(f.Path), s.storedName(f.Name)
	s.mu.Lock()
	delete(s.recentDocs, f.SHA256)
	s.mu.Unlock()
	p := pending{f: f, rules: rulesHash, code: s.text(string(rec.Error)), message: s.text(rec.Message), email: s.text(rec.Email), failed: doc == nil}
	if doc != nil {
		p.format, p.pages, p.bytes, p.textSHA = string(doc.Format), doc.Pages, doc.Bytes, sha256Hex(doc.Text)
		p.ocr = sql.NullFloat64{Float64: doc.OCRConfidence, Valid: doc.OCR}
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
	f.Path, f.Name = s.storedPath(f.Path), s.storedName(f.Name)
	s.mu.Lock()
	recent := s.recentDocs[f.SHA256]
	delete(s.recentDocs, f.SHA256)
	s.mu.Unlock()
	if recent && s.unchanged(f.Path) {
		return nil
	}
	return s.queue(pending{f: f, seen: true})
}

// size is about how many bytes p holds, for [batchBytes].
func (p *pending) size() int {
	return len(p.text.String) + len(p.hf.String) + len(p.title.String) + len(p.rec) + len(p.message)
}

func (s *DB) queue(p pending) error {
	s.mu.Lock()
	s.pending = append(s.pending, p)
	s.pendingBytes += p.size()
	full := len(s.pending) >= batchSize || s.pendingBytes >= batchBytes
	s.mu.Unlock()
	if full {
		return s.Flush()
	}
	return nil
}

// Flush commits the queued outcomes in one transaction.
func (s *DB) Flush() error {
	err := s.flush()
	if lost := s.LostErr(); err != nil && lost != nil {
		// The loss cancels the queries' context: say why, not "canceled".
		return lost
	}
	return err
}

func (s *DB) flush() error {
	s.flushMu.Lock() // one writer at a time: SQLite allows no more, and batches stay in order
	defer s.flushMu.Unlock()
	s.mu.Lock()
	batch := s.pending
	s.pending, s.pendingBytes = nil, 0
	s.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	now := s.opts.Now().Unix()
	// Rows are written in the order of their content, so that runs of
	// two jobs writing one database at once take row locks in one order
	// and never deadlock.
	slices.SortStableFunc(batch, func(a, b pending) int { return strings.Compare(a.f.SHA256, b.f.SHA256) })
	tx, err := s.db.BeginTx(s.ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range batch {
		if err := s.apply(tx, p, now); err != nil {
			return err
		}
	}
	if err := s.check(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.filesCommitted(batch)
	return nil
}

func (s *DB) apply(tx *sql.Tx, p pending, now int64) error {
	if p.seen {
		if _, err := tx.ExecContext(s.ctx, s.q(`UPDATE documents SET last_seen_at = ? WHERE sha256 = ?`), now, p.f.SHA256); err != nil {
			return err
		}
		return s.upsertFile(tx, p.f, now)
	}
	status := string(screener.StatusOK)
	if p.failed {
		status = string(screener.StatusError)
	}
	if _, err := tx.ExecContext(s.ctx, s.q(`INSERT INTO documents (sha256, first_seen_run, first_seen_at, last_seen_at, status, error, message,
			format, pages, bytes, text, header_footer, text_sha256, email, title, ocr_confidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO UPDATE SET last_seen_at = excluded.last_seen_at,
			text = COALESCE(documents.text, excluded.text), email = excluded.email,
			title = COALESCE(documents.title, excluded.title)`),
		p.f.SHA256, s.run, now, now, status, nullIf(p.code), nullIf(p.message), p.format, p.pages, p.bytes, p.text, p.hf,
		nullIf(p.textSHA), nullIf(p.email), p.title, p.ocr); err != nil {
		return err
	}
	if err := s.upsertFile(tx, p.f, now); err != nil {
		return err
	}
	if p.rec != nil {
		if _, err := tx.ExecContext(s.ctx, s.q(`INSERT INTO results (sha256, rules_hash, record, scored_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (sha256, rules_hash) DO UPDATE SET record = excluded.record, scored_at = excluded.scored_at`),
			p.f.SHA256, p.rules, p.rec, now); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) upsertFile(tx *sql.Tx, f screener.FileInfo, now int64) error {
	_, err := tx.ExecContext(s.ctx, s.q(`INSERT INTO files (host, path, name, sha256, size, mtime_ns, first_seen_at, last_screened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (host, path) DO UPDATE SET name = COALESCE(excluded.name, files.name), sha256 = excluded.sha256, size = excluded.size,
			mtime_ns = excluded.mtime_ns, last_screened_at = excluded.last_screened_at`),
		s.text(s.host), f.Path, nullIf(f.Name), f.SHA256, f.Size, f.ModTime.UnixNano(), now, now)
	return err
}

func nullIf(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
