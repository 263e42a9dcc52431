package state

import (
	"context"
	"strings"
)

// Table is one table of a state, with the columns every backend has
// (SQLite's migrations and PostgreSQL's make the same tables).
type Table struct {
	Name    string
	Columns []string
	// Key are the columns of the primary key; none for runs, whose id
	// another state numbers its own way.
	Key []string
	// Text are the columns written in the backend's text form (see
	// [Backend.Text]): paths, names, messages, addresses.
	Text []string
}

// Tables returns the tables of a state, in the order a copy writes them
// (runs first: documents refer to them).
func Tables() []Table {
	return []Table{
		{Name: "runs", Columns: []string{"id", "started_at", "ended_at", "rules_hash", "files", "screened", "qualified", "errors",
			"skipped", "duplicates", "new", "exit_code"}},
		{Name: "documents", Columns: []string{"sha256", "first_seen_run", "first_seen_at", "last_seen_at", "status", "error", "message",
			"format", "pages", "bytes", "text", "header_footer", "text_sha256", "email", "title", "ocr_confidence"},
			Key: []string{"sha256"}, Text: []string{"error", "message", "email"}},
		{Name: "files", Columns: []string{"host", "path", "name", "sha256", "size", "mtime_ns", "first_seen_at", "last_screened_at"},
			Key: []string{"host", "path"}, Text: []string{"host", "path", "name"}},
		{Name: "results", Columns: []string{"sha256", "rules_hash", "record", "scored_at"}, Key: []string{"sha256", "rules_hash"}},
	}
}

// Export calls fn with each row of table t, its values in the order of
// t.Columns (int64, float64, string, []byte or nil), reading one
// consistent snapshot per table. It is for copying a state elsewhere
// (package state/postgres imports one); fn must not keep the slice.
func (s *DB) Export(ctx context.Context, t Table, fn func(row []any) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+strings.Join(t.Columns, ", ")+` FROM `+t.Name)
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]any, len(t.Columns))
	ptrs := make([]any, len(t.Columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}
