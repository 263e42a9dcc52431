package state

import (
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
)

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
// A run announces its contents in batches (see [screener.Run]): rows add
// to those prefetched for the same rules hash, and Load takes each once.
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
	if s.prefetchRules == rulesHash && s.prefetched != nil {
		maps.Copy(s.prefetched, rows)
	} else {
		s.prefetched, s.prefetchRules = rows, rulesHash
	}
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
	rows, err := s.db.QueryContext(s.ctx, s.q(`SELECT d.sha256, d.first_seen_run, d.first_seen_at, d.last_seen_at, d.status, d.error, d.message, r.record
		FROM documents d LEFT JOIN results r ON r.sha256 = d.sha256 AND r.rules_hash = ?
		WHERE d.sha256 IN (?`+strings.Repeat(", ?", len(shas)-1)+`)`), args...)
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
	var ocr sql.NullFloat64
	err := s.textStmt.QueryRowContext(s.ctx, sha).Scan(&format, &pages, &size, &text, &hf, &title, &ocr)
	switch {
	case err == nil:
		c.Doc = &parsers.Document{Format: parsers.Format(format.String), Text: text.String, HeaderFooter: hf.String, Title: title.String,
			Pages: int(pages.Int64), Bytes: size.Int64, OCR: ocr.Valid, OCRConfidence: ocr.Float64}
	case !errors.Is(err, sql.ErrNoRows):
		return c, err
	}
	return c, nil
}
