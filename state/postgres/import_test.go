package postgres

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
)

// sqliteState writes a small SQLite state: two runs, a result with its
// text, a failure whose file name and message are not valid text, and a
// content screened with two rule sets.
func sqliteState(t *testing.T, host string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	now := time.Unix(1767225600, 0)
	db, err := state.Open(path, state.Options{StoreText: true, Host: host, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mtime := time.Unix(1700000000, 123)
	for run, rules := range []string{"r1", "r2"} {
		if _, err := db.BeginRun(rules); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		saves := []struct {
			f   screener.FileInfo
			doc *parsers.Document
			rec screener.Record
		}{
			{screener.FileInfo{Path: "/in/ada.pdf", Name: "ada.pdf", Size: 10, ModTime: mtime, SHA256: "aaa"},
				&parsers.Document{Format: parsers.PDF, Text: "Go, Rust \uFFFD", Title: "Ada", Pages: 1, Bytes: 10, OCR: true, OCRConfidence: 91},
				screener.Record{Status: screener.StatusOK, Score: float64(40 + run), Email: "ada@example.org", Matched: []string{"Go"}}},
			{screener.FileInfo{Path: "/in/caf\xe9.pdf", Name: "caf\xe9.pdf", Size: 3, ModTime: mtime, SHA256: "bbb"}, nil,
				screener.Record{Status: screener.StatusError, Error: "damaged", Message: "bad \x00 byte \xff"}},
		}
		for _, s := range saves {
			if err := db.Save(s.f, s.doc, s.rec, rules); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.EndRun(screener.Counts{Files: 2}, 1, 3); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func openSQLite(t *testing.T, path, host string) *state.DB {
	t.Helper()
	db, err := state.Open(path, state.Options{Existing: true, Host: host})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestImport: an SQLite state copied into PostgreSQL answers every
// question as the file did (files by path, size and time on the same
// machine, results, failures, text, the run history), and counts every
// row; an import done twice adds nothing.
func TestImport(t *testing.T) {
	url := pg.Database(t)
	src := openSQLite(t, sqliteState(t, "alpha"), "alpha")
	for round := range 2 {
		copied, err := Import(context.Background(), src, url)
		if err != nil {
			t.Fatal(err)
		}
		want := []Copied{{"runs", 2, 2}, {"documents", 2, 2}, {"files", 2, 2}, {"results", 2, 2}}
		if !reflect.DeepEqual(copied, want) {
			t.Errorf("round %d: copied %+v, want %+v", round, copied, want)
		}
	}
	dst := open(t, url, state.Options{Host: "alpha", Job: "r2"})
	var n int
	if err := rawDB(t, url).QueryRow(`SELECT count(*) FROM runs`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d runs after two imports, %v; want 2", n, err)
	}
	srcRuns, _ := src.Runs()
	dstRuns, err := dst.Runs()
	if err != nil || !reflect.DeepEqual(srcRuns, dstRuns) {
		t.Errorf("runs:\n%+v\nwant\n%+v (%v)", dstRuns, srcRuns, err)
	}
	src.BeginRun("r2")
	dst.BeginRun("r2")
	for _, f := range []struct {
		path string
		size int64
	}{{"/in/ada.pdf", 10}, {"/in/caf\xe9.pdf", 3}} {
		mtime := time.Unix(1700000000, 123)
		a, aok := src.Hash(f.path, f.size, mtime)
		b, bok := dst.Hash(f.path, f.size, mtime)
		if !aok || a != b || aok != bok {
			t.Errorf("Hash(%q): %q %v in the file, %q %v in the database", f.path, a, aok, b, bok)
		}
	}
	for _, sha := range []string{"aaa", "bbb"} {
		for _, rules := range []string{"r1", "r2", "r3"} {
			a, aerr := src.Load(sha, rules)
			b, berr := dst.Load(sha, rules)
			if a.Failed != nil {
				// A PostgreSQL state keeps a message's odd bytes escaped,
				// whether it was written there or imported.
				f := *a.Failed
				f.Message = storable(f.Message)
				a.Failed = &f
			}
			if aerr != nil || berr != nil || !reflect.DeepEqual(a, b) {
				t.Errorf("Load(%s, %s):\n%+v %v in the database\n%+v %v in the file", sha, rules, b, berr, a, aerr)
			}
		}
	}
	if n, err := dst.Forget("", "caf\xe9.pdf", ""); n != 1 || err != nil {
		t.Errorf("Forget of the imported odd name: %d, %v", n, err)
	}
}

// TestImportMerges: a second machine's state joins the first's: its runs
// come after, a content both saw keeps its first sighting, and each
// machine's files stay its own.
func TestImportMerges(t *testing.T) {
	url := pg.Database(t)
	if _, err := Import(context.Background(), openSQLite(t, sqliteState(t, "alpha"), "alpha"), url); err != nil {
		t.Fatal(err)
	}
	copied, err := Import(context.Background(), openSQLite(t, sqliteState(t, "beta"), "beta"), url)
	if err != nil {
		t.Fatal(err)
	}
	want := []Copied{{"runs", 2, 2}, {"documents", 2, 2}, {"files", 2, 2}, {"results", 2, 2}}
	if !reflect.DeepEqual(copied, want) {
		t.Errorf("copied %+v, want %+v", copied, want)
	}
	raw := rawDB(t, url)
	var runs, files, first int
	raw.QueryRow(`SELECT count(*) FROM runs`).Scan(&runs)
	raw.QueryRow(`SELECT count(*) FROM files`).Scan(&files)
	raw.QueryRow(`SELECT first_seen_run FROM documents WHERE sha256 = 'aaa'`).Scan(&first)
	// Both states recorded identical runs (the same fixed clock), which
	// the second import takes for the same runs.
	if runs != 2 || files != 4 || first != 1 {
		t.Errorf("runs %d, files %d, first sighting in run %d; want 2, 4, 1", runs, files, first)
	}
}
