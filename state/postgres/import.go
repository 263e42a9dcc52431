package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/screener/screener/state"
)

// importJob is the job whose run lock an import holds: one import at a
// time per schema, while runs of jobs go on.
const importJob = "\x00import"

// Copied is what [Import] did to one table: the rows read from the
// source, and how many of them the database holds afterwards (merged
// with a row it had, or added). The two are equal, or Import fails.
type Copied struct {
	Table        string
	Read, Merged int64
}

// Import copies the state src (an SQLite file, opened with its lock)
// into the database at url, creating or migrating its tables, and merges
// it with what the database holds: contents and results already there
// keep the earlier first sighting and the newer result, file records the
// newer screening, and runs are added after the database's own, unless
// the same run (every field but its number) is there already, so that an
// import done twice adds nothing. Each table is streamed with COPY into
// a temporary table and merged from there, all in one transaction:
// either the whole state arrives or nothing does. Import then checks
// that every row read is in the database.
func Import(ctx context.Context, src *state.DB, url string) ([]Copied, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("state database: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	defer db.Close()
	where := fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	l, err := lock(ctx, db, where, importJob)
	if err != nil {
		return nil, fmt.Errorf("state %s: %w", where, err)
	}
	defer l.release()
	if err := migrate(ctx, db, false, false); err != nil {
		return nil, fmt.Errorf("state %s: %w", where, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var copied []Copied
	err = conn.Raw(func(driverConn any) error {
		c := driverConn.(*stdlib.Conn).Conn()
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		// Runs are numbered here from the database's last one; a run
		// starting meanwhile waits for the commit.
		if _, err := tx.Exec(ctx, `LOCK TABLE runs IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		for _, t := range state.Tables() {
			n, err := stage(ctx, tx, src, t)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.Name, err)
			}
			if err := merge(ctx, tx, t); err != nil {
				return fmt.Errorf("merge %s: %w", t.Name, err)
			}
			var merged int64
			if err := tx.QueryRow(ctx, present(t)).Scan(&merged); err != nil {
				return err
			}
			if merged != n {
				return fmt.Errorf("%s: %d rows read, %d in the database", t.Name, n, merged)
			}
			copied = append(copied, Copied{Table: t.Name, Read: n, Merged: merged})
		}
		if err := l.verify(func(q string, args ...any) rowScanner { return tx.QueryRow(ctx, q, args...) }); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("import into %s: %w", where, err)
	}
	return copied, nil
}

// stage streams table t of src into a temporary table import_<t> and
// returns how many rows it read.
func stage(ctx context.Context, tx pgx.Tx, src *state.DB, t state.Table) (int64, error) {
	staged := "import_" + t.Name
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE `+staged+` (LIKE `+t.Name+`) ON COMMIT DROP`); err != nil {
		return 0, err
	}
	text := map[int]bool{}
	for i, col := range t.Columns {
		text[i] = slices.Contains(t.Text, col)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows := make(chan []any, 256)
	var exportErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(rows)
		exportErr = src.Export(ctx, t, func(vals []any) error {
			row := make([]any, len(vals))
			for i, v := range vals {
				row[i] = storableValue(v, text[i], t.Columns[i] == "record")
			}
			select {
			case rows <- row:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	n, err := tx.CopyFrom(ctx, pgx.Identifier{staged}, t.Columns, &feed{rows: rows})
	cancel()
	for range rows { // let the reader see the cancellation and stop
	}
	<-done
	if err == nil && exportErr != nil && !errors.Is(exportErr, context.Canceled) {
		err = exportErr
	}
	return n, err
}

// storableValue is v as the database takes it: a text column's value in
// the form of [storable], like every write of a PostgreSQL state; other
// text made valid UTF-8 without NUL (extracted text is, already); a
// stored result as bytes.
func storableValue(v any, textForm, bytes bool) any {
	switch s := v.(type) {
	case string:
		switch {
		case bytes:
			return []byte(s)
		case textForm:
			return storable(s)
		case !utf8.ValidString(s) || strings.ContainsRune(s, 0):
			return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
		}
	case []byte:
		if !bytes {
			return storableValue(string(s), textForm, false)
		}
	}
	return v
}

// feed is the pgx.CopyFromSource of rows sent on a channel.
type feed struct {
	rows <-chan []any
	cur  []any
}

func (f *feed) Next() bool {
	var ok bool
	f.cur, ok = <-f.rows
	return ok
}

func (f *feed) Values() ([]any, error) { return f.cur, nil }
func (f *feed) Err() error             { return nil }

// merge writes the staged rows of t into t; see [Import] for how rows
// already there are merged.
func merge(ctx context.Context, tx pgx.Tx, t state.Table) error {
	cols := strings.Join(t.Columns, ", ")
	var queries []string
	switch t.Name {
	case "runs":
		rest := strings.Join(t.Columns[1:], ", ")
		queries = []string{
			`ALTER TABLE import_runs ADD COLUMN new_id BIGINT, ADD COLUMN added BOOLEAN NOT NULL DEFAULT false`,
			`UPDATE import_runs s SET new_id = (SELECT min(r.id) FROM runs r WHERE (` + prefixed("r", t.Columns[1:]) + `) IS NOT DISTINCT FROM (` + prefixed("s", t.Columns[1:]) + `))`,
			`UPDATE import_runs s SET new_id = o.base + o.n, added = true FROM (
				SELECT id, row_number() OVER (ORDER BY id) AS n, (SELECT COALESCE(max(id), 0) FROM runs) AS base
				FROM import_runs WHERE new_id IS NULL) o WHERE o.id = s.id`,
			`INSERT INTO runs (` + cols + `) SELECT new_id, ` + rest + ` FROM import_runs WHERE added`,
			`SELECT setval(pg_get_serial_sequence('runs', 'id'), (SELECT max(id) FROM runs)) WHERE EXISTS (SELECT 1 FROM runs)`,
		}
	case "documents":
		queries = []string{`INSERT INTO documents (` + cols + `)
			SELECT ` + strings.Replace(prefixed("d", t.Columns), "d.first_seen_run", "COALESCE(r.new_id, d.first_seen_run)", 1) + `
			FROM import_documents d LEFT JOIN import_runs r ON r.id = d.first_seen_run
			ON CONFLICT (sha256) DO UPDATE SET
				first_seen_run = LEAST(documents.first_seen_run, excluded.first_seen_run),
				first_seen_at = LEAST(documents.first_seen_at, excluded.first_seen_at),
				last_seen_at = GREATEST(documents.last_seen_at, excluded.last_seen_at),
				text = COALESCE(documents.text, excluded.text), header_footer = COALESCE(documents.header_footer, excluded.header_footer),
				title = COALESCE(documents.title, excluded.title), email = COALESCE(documents.email, excluded.email)`}
	case "files":
		queries = []string{`INSERT INTO files (` + cols + `) SELECT ` + cols + ` FROM import_files
			ON CONFLICT (host, path) DO UPDATE SET name = COALESCE(excluded.name, files.name), sha256 = excluded.sha256, size = excluded.size,
				mtime_ns = excluded.mtime_ns, last_screened_at = excluded.last_screened_at,
				first_seen_at = LEAST(files.first_seen_at, excluded.first_seen_at)
			WHERE excluded.last_screened_at >= files.last_screened_at`}
	case "results":
		queries = []string{`INSERT INTO results (` + cols + `) SELECT ` + cols + ` FROM import_results
			ON CONFLICT (sha256, rules_hash) DO UPDATE SET record = excluded.record, scored_at = excluded.scored_at
			WHERE excluded.scored_at > results.scored_at`}
	default:
		return fmt.Errorf("no merge for table %s", t.Name)
	}
	for _, q := range queries {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// present is the query counting the staged rows of t that the database
// holds: by key, or for runs by their number here.
func present(t state.Table) string {
	on := "t.id = s.new_id"
	if len(t.Key) > 0 {
		var eq []string
		for _, k := range t.Key {
			eq = append(eq, "t."+k+" = s."+k)
		}
		on = strings.Join(eq, " AND ")
	}
	return `SELECT count(*) FROM import_` + t.Name + ` s WHERE EXISTS (SELECT 1 FROM ` + t.Name + ` t WHERE ` + on + `)`
}

// prefixed lists columns qualified by a table alias.
func prefixed(alias string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = alias + "." + c
	}
	return strings.Join(out, ", ")
}
