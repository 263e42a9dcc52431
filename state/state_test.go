package state

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
)

// TestMain lets the test binary hold a lock in a child process.
func TestMain(m *testing.M) {
	if p := os.Getenv("STATE_TEST_HOLD_LOCK"); p != "" {
		if _, err := Open(p, Options{}); err != nil {
			os.Exit(1)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func open(t *testing.T, path string, opts Options) *DB {
	t.Helper()
	db, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrationsFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0], `PRAGMA user_version = 1`,
		`INSERT INTO documents (sha256, first_seen_run, first_seen_at, last_seen_at, status) VALUES ('abc', 1, 1, 1, 'ok')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	db := open(t, path, Options{})
	var version int
	db.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != len(migrations) {
		t.Errorf("schema version %d, want %d", version, len(migrations))
	}
	var n int
	if err := db.db.QueryRow(`SELECT count(*) FROM documents WHERE sha256 = 'abc' AND email IS NULL`).Scan(&n); err != nil || n != 1 {
		t.Errorf("old row after migration: %d, %v", n, err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	raw, _ := sql.Open("sqlite", "file:"+path)
	raw.Exec(`PRAGMA user_version = 99`)
	raw.Close()
	if _, err := Open(path, Options{}); err == nil {
		t.Error("opened a state file from a newer version")
	}
}

func TestLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db := open(t, path, Options{})
	if _, err := Open(path, Options{}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	db.Close()
	open(t, path, Options{}).Close()

	// A process killed while holding the lock leaves the lock file behind;
	// the next Open takes it over.
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "STATE_TEST_HOLD_LOCK="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	out.Read(buf)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrLocked) {
		t.Errorf("open while a live process holds the lock: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := os.Stat(path + ".lock"); err != nil {
		t.Fatal("lock file gone; the test proves nothing")
	}
	open(t, path, Options{})
}

func TestTextNotStored(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"), Options{StoreText: false})
	db.BeginRun("r")
	f := screener.FileInfo{Path: "a", SHA256: "aaa"}
	db.Save(f, &parsers.Document{Text: "secret words"}, screener.Record{Status: screener.StatusOK}, "r")
	db.Flush()
	var text sql.NullString
	var textSHA string
	db.db.QueryRow(`SELECT text, text_sha256 FROM documents`).Scan(&text, &textSHA)
	if text.Valid || len(textSHA) != 64 {
		t.Errorf("text stored %v, hash %q", text, textSHA)
	}
}

// TestPrefetch: Load answers the same from prefetched rows as from its own
// query, for a result, a failure, text without a result and unknown content.
func TestPrefetch(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"), Options{StoreText: true})
	db.BeginRun("rules1")
	doc := &parsers.Document{Format: parsers.PDF, Text: "Go and Rust", Pages: 1, Bytes: 10}
	db.Save(screener.FileInfo{Path: "a", SHA256: "aaa"}, doc, screener.Record{SHA256: "aaa", Status: screener.StatusOK, Score: 50, Matched: []string{"Go"}}, "rules1")
	db.Save(screener.FileInfo{Path: "b", SHA256: "bbb"}, nil, screener.Record{Status: screener.StatusError, Error: "encrypted", Message: "needs a password"}, "rules1")
	if err := db.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	db.BeginRun("rules1")
	shas := []string{"aaa", "bbb", "zzz"}
	for _, rules := range []string{"rules1", "rules2"} {
		want := map[string]screener.Cached{}
		for _, sha := range shas {
			c, err := db.Load(sha, rules)
			if err != nil {
				t.Fatal(err)
			}
			want[sha] = c
		}
		if err := db.Prefetch(shas, rules); err != nil {
			t.Fatal(err)
		}
		if len(db.prefetched) != 2 {
			t.Errorf("%s: prefetched %d rows, want 2", rules, len(db.prefetched))
		}
		for _, sha := range shas {
			if got, err := db.Load(sha, rules); err != nil || !reflect.DeepEqual(got, want[sha]) {
				t.Errorf("%s %s: prefetched Load = %+v, %v; want %+v", rules, sha, got, err, want[sha])
			}
		}
		if len(db.prefetched) != 0 {
			t.Errorf("%s: %d prefetched rows not taken by Load", rules, len(db.prefetched))
		}
	}
	db.Prefetch([]string{"aaa"}, "rules1")
	if c, err := db.Load("aaa", "rules1"); err != nil || c.Record == nil || c.Record.Score != 50 || !c.SeenBefore {
		t.Errorf("prefetched result: %+v, %v", c, err)
	}
	// Rows prefetched under other rules are not used: their result is not
	// this run's.
	db.Prefetch([]string{"aaa"}, "rules1")
	if c, err := db.Load("aaa", "rules2"); err != nil || c.Record != nil || c.Doc == nil || c.Doc.Text != "Go and Rust" {
		t.Errorf("Load under rules2 after a prefetch under rules1: %+v, %v; want the text and no result", c, err)
	}
}

// TestPrefetchBatches: a run prefetches in batches; a batch adds to the
// rows not yet taken for the same rules, and one for other rules replaces
// them.
func TestPrefetchBatches(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"), Options{StoreText: true})
	db.BeginRun("rules1")
	for _, sha := range []string{"aaa", "bbb", "ccc"} {
		rec := screener.Record{SHA256: sha, Status: screener.StatusOK, Score: 50}
		if err := db.Save(screener.FileInfo{Path: sha, SHA256: sha}, &parsers.Document{Text: sha}, rec, "rules1"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	db.BeginRun("rules1")
	for _, batch := range [][]string{{"aaa"}, {"bbb", "ccc"}} {
		if err := db.Prefetch(batch, "rules1"); err != nil {
			t.Fatal(err)
		}
	}
	if len(db.prefetched) != 3 {
		t.Errorf("%d rows after two batches, want 3", len(db.prefetched))
	}
	if c, err := db.Load("aaa", "rules1"); err != nil || c.Record == nil || len(db.prefetched) != 2 {
		t.Errorf("Load of the first batch's aaa: %+v, %v; %d rows left, want 2", c, err, len(db.prefetched))
	}
	if err := db.Prefetch([]string{"aaa"}, "rules2"); err != nil {
		t.Fatal(err)
	}
	if len(db.prefetched) != 1 || db.prefetchRules != "rules2" {
		t.Errorf("%d rows for %s after a batch for rules2, want 1", len(db.prefetched), db.prefetchRules)
	}
}

// TestStoredPath: a path is stored absolute and clean, whatever form it
// was given in.
func TestStoredPath(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"), Options{})
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"cv.pdf", filepath.Join(cwd, "cv.pdf")},
		{"./in/../cv.pdf", filepath.Join(cwd, "cv.pdf")},
		{"/inbox//cv.pdf", "/inbox/cv.pdf"},
	} {
		if got := db.storedPath(tt.in); got != tt.want {
			t.Errorf("storedPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRunsUnfinished: a run that never ended is listed without an end.
func TestRunsUnfinished(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"), Options{})
	db.BeginRun("r")
	runs, err := db.Runs()
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || !runs[0].Ended.IsZero() || runs[0].Started.IsZero() {
		t.Errorf("runs %+v, want one started and not ended", runs)
	}
}

// TestBatchBytes: queued outcomes are committed once their texts reach
// batchBytes, before batchSize of them are queued; small ones wait.
func TestBatchBytes(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "s.db"), Options{StoreText: true})
	db.BeginRun("r")
	stored := func() int {
		t.Helper()
		var n int
		if err := db.db.QueryRow(`SELECT COUNT(*) FROM documents`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	text := strings.Repeat("Go and Rust. ", batchBytes/2/13+1) // just over half of batchBytes
	for i, want := range []int{0, 2, 2} {
		doc := &parsers.Document{Format: parsers.Text, Text: text, Bytes: 10}
		if i == 2 {
			doc.Text = "short"
		}
		f := screener.FileInfo{Path: fmt.Sprintf("/in/%d.txt", i), Size: 10, ModTime: time.Unix(1700000000, 0), SHA256: fmt.Sprint(i)}
		if err := db.Save(f, doc, screener.Record{Status: screener.StatusOK}, "r"); err != nil {
			t.Fatal(err)
		}
		if n := stored(); n != want {
			t.Errorf("after %d outcomes: %d stored, want %d", i+1, n, want)
		}
	}
}
