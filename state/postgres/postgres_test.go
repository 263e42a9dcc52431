package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/screener/screener/internal/pgtest"
	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
	"github.com/screener/screener/state/statetest"
)

var pg = pgtest.New() // the test binary's server, stopped by TestMain

// TestMain lets the test binary hold the run lock in a child process.
func TestMain(m *testing.M) {
	if url := os.Getenv("STATE_TEST_HOLD_LOCK"); url != "" {
		if _, err := Open(context.Background(), url, state.Options{}); err != nil {
			os.Exit(1)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

func open(t *testing.T, url string, opts state.Options) *state.DB {
	t.Helper()
	db, err := Open(context.Background(), url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestBackend(t *testing.T) {
	statetest.Run(t, statetest.Backend{New: func(t *testing.T) string { return pg.Database(t) }, Open: open})
}

func TestSmoke(t *testing.T) {
	url := pg.Database(t)
	db := open(t, url, state.Options{StoreText: true})
	if _, err := db.BeginRun("r"); err != nil {
		t.Fatal(err)
	}
	if err := db.Save(screener.FileInfo{Path: "/a", SHA256: "aaa", Size: 1}, &parsers.Document{Text: "Go"}, screener.Record{Status: screener.StatusOK, Score: 7}, "r"); err != nil {
		t.Fatal(err)
	}
	if err := db.EndRun(screener.Counts{Files: 1}, 1, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), url, state.Options{}); !errors.Is(err, state.ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	c, err := db.Load("aaa", "r")
	if err != nil || c.Record == nil || c.Record.Score != 7 {
		t.Fatalf("%+v %v", c, err)
	}
	if n, err := db.Forget("", "/a", ""); n != 1 || err != nil {
		t.Fatal(n, err)
	}
}

// TestOddBytes: a file name that is not UTF-8 and a message with a NUL
// are stored, and the file is known again by its name, distinct from
// the name its escaped form spells.
func TestOddBytes(t *testing.T) {
	db := open(t, pg.Database(t), state.Options{StoreText: true})
	db.BeginRun("r")
	odd := screener.FileInfo{Path: "/in/caf\xe9.pdf", SHA256: "aaa", Size: 1}
	lookalike := screener.FileInfo{Path: "/in/caf\uFFFDe9.pdf", SHA256: "bbb", Size: 1}
	if err := db.Save(odd, nil, screener.Record{Status: screener.StatusError, Error: "damaged", Message: "bad \x00 byte \xff"}, "r"); err != nil {
		t.Fatal(err)
	}
	if err := db.Save(lookalike, &parsers.Document{Text: "x"}, screener.Record{Status: screener.StatusOK}, "r"); err != nil {
		t.Fatal(err)
	}
	if err := db.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	for _, f := range []screener.FileInfo{odd, lookalike} {
		if sha, ok := db.Hash(f.Path, f.Size, f.ModTime); !ok || sha != f.SHA256 {
			t.Errorf("Hash(%q) = %q, %v; want %q", f.Path, sha, ok, f.SHA256)
		}
	}
	if c, err := db.Load("aaa", "r"); err != nil || c.Failed == nil || c.Failed.Error != "damaged" {
		t.Errorf("Load of the failure: %+v, %v", c, err)
	}
	if n, err := db.Forget("", odd.Path, ""); n != 1 || err != nil {
		t.Errorf("Forget by the odd name: %d, %v", n, err)
	}
}

// TestStorable: odd bytes become storable text, and distinct strings stay
// distinct, also those that look like an escaped byte.
func TestStorable(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/in/café.pdf", "/in/café.pdf"},
		{"/in/caf\xe9.pdf", "/in/caf\uFFFDe9.pdf"},
		{"/in/caf\uFFFDe9.pdf", "/in/caf\uFFFD\uFFFDe9.pdf"},
		{"a\x00b", "a\uFFFD00b"},
		{"\uFFFD\xff", "\uFFFD\uFFFD\uFFFDff"},
	} {
		if got := storable(tt.in); got != tt.want || !utf8.ValidString(got) || strings.ContainsRune(got, 0) {
			t.Errorf("storable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLock: one run per database schema; Close frees the lock, and so
// does the death of the process holding it; another schema of the same
// database has a lock of its own.
func TestLock(t *testing.T) {
	url := pg.Database(t)
	db := open(t, url, state.Options{})
	if _, err := Open(context.Background(), url, state.Options{}); !errors.Is(err, state.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if r, err := Open(context.Background(), url, state.Options{ReadOnly: true}); err != nil {
		t.Errorf("read-only open beside a run: %v", err)
	} else {
		r.Close()
	}
	raw := rawDB(t, url)
	if _, err := raw.Exec(`CREATE SCHEMA team2`); err != nil {
		t.Fatal(err)
	}
	open(t, url+"&search_path=team2", state.Options{}) // held till the test ends
	db.Close()
	open(t, url, state.Options{}).Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "STATE_TEST_HOLD_LOCK="+url)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	out.Read(buf)
	if _, err := Open(context.Background(), url, state.Options{}); !errors.Is(err, state.ErrLocked) {
		t.Fatalf("open while a live process holds the lock: %v", err)
	} else if !strings.Contains(err.Error(), "screener from") {
		t.Errorf("the error does not name the holder: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for {
		db, err := Open(context.Background(), url, state.Options{})
		if err == nil {
			db.Close()
			break
		}
		if !errors.Is(err, state.ErrLocked) || time.Now().After(deadline) {
			t.Fatalf("lock of a killed process: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestMigrateConcurrently: processes migrating a new database together
// migrate it once; none fails.
func TestMigrateConcurrently(t *testing.T) {
	raw := rawDB(t, pg.Database(t))
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = migrate(context.Background(), raw, false, false)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migration %d: %v", i, err)
		}
	}
	var version, rows int
	if err := raw.QueryRow(`SELECT max(version), count(*) FROM screener_schema`).Scan(&version, &rows); err != nil || version != len(migrations) || rows != 1 {
		t.Errorf("schema version %d in %d rows, %v; want %d in 1", version, rows, err, len(migrations))
	}
}

func rawDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSchemaVersions: an empty database is no state to read or forget in;
// a schema from a newer screener is refused.
func TestSchemaVersions(t *testing.T) {
	url := pg.Database(t)
	for _, opts := range []state.Options{{ReadOnly: true}, {Existing: true}} {
		if _, err := Open(context.Background(), url, opts); !errors.Is(err, state.ErrNotExist) {
			t.Errorf("%+v on an empty database: %v, want ErrNotExist", opts, err)
		}
	}
	open(t, url, state.Options{}).Close()
	if _, err := rawDB(t, url).Exec(`UPDATE screener_schema SET version = 99`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), url, state.Options{}); err == nil || !strings.Contains(err.Error(), "newer screener") {
		t.Errorf("schema 99: %v", err)
	}
}

// TestJobLocks: one run per job; runs of two jobs write one database at
// once, batches sharing content included, and the run of one job does
// not take the other's unfinished run for a dead one.
func TestJobLocks(t *testing.T) {
	url := pg.Database(t)
	a := open(t, url, state.Options{Job: "jobA", StoreText: true})
	if _, err := Open(context.Background(), url, state.Options{Job: "jobA"}); !errors.Is(err, state.ErrLocked) {
		t.Fatalf("second run of jobA: %v, want ErrLocked", err)
	}
	b := open(t, url, state.Options{Job: "jobB", StoreText: true})
	if _, err := a.BeginRun("jobA"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.BeginRun("jobB"); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(screener.FileInfo{Path: "/in/only-a", SHA256: "only-a"}, &parsers.Document{Text: "x"}, screener.Record{Status: screener.StatusOK}, "rules0"); err != nil {
		t.Fatal(err)
	}
	// Both write the same contents, in opposite orders, at once.
	shas := make([]string, 200)
	for i := range shas {
		shas[i] = fmt.Sprintf("%064x", i)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, db := range []*state.DB{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range shas {
				sha := shas[k]
				if i == 1 {
					sha = shas[len(shas)-1-k]
				}
				f := screener.FileInfo{Path: "/in/" + sha, SHA256: sha, Size: 1}
				if err := db.Save(f, &parsers.Document{Text: "x"}, screener.Record{Status: screener.StatusOK}, fmt.Sprint("rules", i)); err != nil {
					errs[i] = err
					return
				}
			}
			errs[i] = db.Flush()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if err := a.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	// jobB's run is still going: a new run of jobA must leave it alone.
	a.Close()
	a = open(t, url, state.Options{Job: "jobA"})
	if len(a.Interrupted) != 0 {
		t.Errorf("jobA sees runs %v as interrupted; jobB's is alive", a.Interrupted)
	}
	a.BeginRun("jobA")
	runs, err := a.Runs()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.RulesHash == "jobB" && !r.Ended.IsZero() {
			t.Errorf("jobB's live run marked ended by jobA: %+v", r)
		}
	}
	var n int
	if err := rawDB(t, url).QueryRow(`SELECT count(*) FROM results`).Scan(&n); err != nil || n != 2*len(shas)+1 {
		t.Errorf("%d results, %v; want %d", n, err, 2*len(shas)+1)
	}
	// The first run of jobC finds as new what jobA's completed run saw
	// first; jobA's next run does not.
	c := open(t, url, state.Options{Job: "jobC"})
	c.BeginRun("jobC")
	if got, err := c.Load("only-a", "rules0"); err != nil || got.SeenBefore {
		t.Errorf("jobC: content first seen by jobA's run is not new to jobC: %+v, %v", got, err)
	}
	if got, err := a.Load("only-a", "rules0"); err != nil || !got.SeenBefore {
		t.Errorf("jobA: content its own completed run saw is still new: %+v, %v", got, err)
	}
}

// TestLockLost: when the connection holding the run lock dies (here an
// administrator ends it), writes fail with ErrLockLost, Lost closes, and
// another run of the job may start.
func TestLockLost(t *testing.T) {
	url := pg.Database(t)
	db := open(t, url, state.Options{Job: "j"})
	db.BeginRun("j")
	if db.LostErr() != nil {
		t.Fatalf("LostErr of a held lock: %v", db.LostErr())
	}
	raw := rawDB(t, url)
	var pid int
	if err := raw.QueryRow(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int::oid AND granted`, lockRun).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`SELECT pg_terminate_backend($1, 5000)`, pid); err != nil {
		t.Fatal(err)
	}
	// Whether or not the watch has noticed yet, no write goes through.
	db.Save(screener.FileInfo{Path: "/a", SHA256: "aaa"}, &parsers.Document{Text: "x"}, screener.Record{Status: screener.StatusOK}, "j")
	if err := db.Flush(); !errors.Is(err, state.ErrLockLost) {
		t.Errorf("Flush after the lock was lost: %v, want ErrLockLost", err)
	}
	select {
	case <-db.Lost():
	case <-time.After(10 * time.Second):
		t.Fatal("Lost not closed 10 s after the lock's connection ended")
	}
	if err := db.LostErr(); !errors.Is(err, state.ErrLockLost) {
		t.Errorf("LostErr: %v", err)
	}
	open(t, url, state.Options{Job: "j"})
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d documents written without the lock, %v", n, err)
	}
}

// TestRunsRunning: the history tells a run going on (its job's lock is
// held) from one that died.
func TestRunsRunning(t *testing.T) {
	url := pg.Database(t)
	dead := open(t, url, state.Options{Job: "a"})
	dead.BeginRun("a")
	dead.Close() // without EndRun: as if killed
	live := open(t, url, state.Options{Job: "b"})
	live.BeginRun("b")
	reader := open(t, url, state.Options{ReadOnly: true})
	runs, err := reader.Runs()
	if err != nil || len(runs) != 2 {
		t.Fatalf("Runs: %+v, %v", runs, err)
	}
	if !runs[0].Running || runs[1].Running {
		t.Errorf("Running: b's %v, a's %v; want true, false", runs[0].Running, runs[1].Running)
	}
	live.EndRun(screener.Counts{}, 0, 0)
	if runs, err := reader.Runs(); err != nil || runs[0].Running {
		t.Errorf("a finished run still running: %+v, %v", runs, err)
	}
}

// TestLockLostSilently: a database that stops answering (its machine or
// the network gone, no packet saying so) loses the run its lock within a
// few seconds, and a query waiting on it returns instead of hanging.
func TestLockLostSilently(t *testing.T) {
	url := pg.Database(t)
	p := newProxy(t, strings.TrimPrefix(strings.Split(url, "/")[2], "screener@"))
	db := open(t, strings.Replace(url, p.target, p.addr, 1), state.Options{Job: "j"})
	db.BeginRun("j")
	p.freeze()
	done := make(chan error, 1)
	go func() {
		_, err := db.Load("aaa", "r")
		done <- err
	}()
	select {
	case <-db.Lost():
	case <-time.After(15 * time.Second):
		t.Fatal("Lost not closed 15 s after the database stopped answering")
	}
	select {
	case err := <-done:
		if err == nil {
			t.Error("Load on a database that does not answer returned no error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load still waits on a database that does not answer, after the lock was lost")
	}
}

// proxy forwards TCP connections to target until frozen; then it forwards
// nothing and closes nothing, like a network that went silent.
type proxy struct {
	addr, target string
	stop         chan struct{} // closed when the test ends
	mu           sync.Mutex
	frozen       bool
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	p := &proxy{addr: l.Addr().String(), target: target, stop: make(chan struct{})}
	t.Cleanup(func() { close(p.stop) })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			t.Cleanup(func() { c.Close(); s.Close() })
			go p.pipe(c, s)
			go p.pipe(s, c)
		}
	}()
	return p
}

func (p *proxy) freeze() {
	p.mu.Lock()
	p.frozen = true
	p.mu.Unlock()
}

func (p *proxy) pipe(from, to net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		if err != nil {
			return
		}
		p.mu.Lock()
		frozen := p.frozen
		p.mu.Unlock()
		if frozen {
			<-p.stop // hold the connection open, forward nothing
			return
		}
		if _, err := to.Write(buf[:n]); err != nil {
			return
		}
	}
}
