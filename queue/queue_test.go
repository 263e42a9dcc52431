package queue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/screener/screener/internal/pgtest"
	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
	"github.com/screener/screener/state/postgres"
)

var pg = pgtest.New() // the test binary's server, stopped by TestMain

// TestMain lets the test binary be a worker in a child process, one that
// claims a job and hangs on it until it is killed.
func TestMain(m *testing.M) {
	if url := os.Getenv("QUEUE_TEST_HANGING_WORKER"); url != "" {
		ctx := context.Background()
		pool, err := Connect(ctx, url)
		if err != nil {
			os.Exit(1)
		}
		Work(ctx, pool, WorkerOptions{Root: example, Workers: 1, Extract: func(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
			<-ctx.Done() // a machine that died mid-file: killed before this returns
			return nil, ctx.Err()
		}})
		os.Exit(0)
	}
	if spec := os.Getenv("QUEUE_BENCH_WORKERS"); spec != "" {
		benchWorkers(spec)
		os.Exit(0)
	}
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

const example = "../testdata/example"

// inProcess extracts in this process, as a run with -in-process does.
func inProcess(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout())
	defer cancel()
	return parsers.ExtractFile(ctx, path, s.Limits)
}

// connect returns a pool of connections to a new database.
func connect(t *testing.T) *pgxpool.Pool {
	t.Helper()
	return connectTo(t, pg.Database(t))
}

// connectTo returns a pool of connections to the database at url.
func connectTo(t *testing.T, url string) *pgxpool.Pool {
	t.Helper()
	pool, err := Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// startWorkers runs n in-process workers until the test ends.
func startWorkers(t *testing.T, pool *pgxpool.Pool, n int, opts WorkerOptions) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := Work(ctx, pool, opts); err != nil {
				t.Error(err)
			}
		}()
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
}

func exampleRules(t *testing.T) *rules.Set {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(example, "backend-rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(bytes.NewReader(b), "backend-rules.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// jsonl screens the example folder with extract and returns the JSON
// Lines of the run, its start time fixed so that runs compare.
func jsonl(t *testing.T, extract func(context.Context, screener.FileInfo) (*parsers.Document, error)) string {
	t.Helper()
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	rep, err := screener.Run(context.Background(), []string{filepath.Join(example, "resumes")},
		screener.Options{Rules: exampleRules(t), Extract: extract, AsOf: asOf, Workers: 64})
	if err != nil {
		t.Fatal(err)
	}
	rep.Started = asOf
	var b bytes.Buffer
	if err := screener.WriteJSONL(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDistributedEqualsLocal: a coordinator and two workers produce the
// JSON Lines of a run on one machine, byte for byte, errors included.
func TestDistributedEqualsLocal(t *testing.T) {
	pool := connect(t)
	startWorkers(t, pool, 2, WorkerOptions{Root: example, Workers: 2, Extract: inProcess})
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: example})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	local := jsonl(t, func(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
		return inProcess(ctx, f.Path, Settings{})
	})
	distributed := jsonl(t, c.Extract)
	if distributed != local {
		t.Errorf("distributed run differs from a local one:\n%s\nwant:\n%s", distributed, local)
	}
	for _, want := range []string{`"error":"corrupt"`, `"error":"encrypted"`, `"status":"duplicate"`, `"rank":1,`} {
		if !strings.Contains(distributed, want) {
			t.Errorf("JSON Lines lack %s", want)
		}
	}
	// Every job ran once: the duplicate file shared its content's job.
	var jobs, attempts int
	if err := pool.QueryRow(context.Background(), `SELECT count(*), sum(attempt) FROM river_job WHERE state = 'completed'`).Scan(&jobs, &attempts); err != nil {
		t.Fatal(err)
	}
	if jobs == 0 || attempts != jobs {
		t.Errorf("%d jobs completed in %d attempts, want one attempt each", jobs, attempts)
	}
}

// TestCorruptFileIsAnOutcome: a file no parser can read is a result,
// stored with its job's completion in the first attempt, not a retry.
func TestCorruptFileIsAnOutcome(t *testing.T) {
	pool := connect(t)
	startWorkers(t, pool, 1, WorkerOptions{Root: example, Extract: inProcess})
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: example})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tc := range []struct {
		file string
		want error
	}{
		{"ivan-truncated.pdf", parsers.ErrCorrupt},
		{"julia-renamed-binary.pdf", parsers.ErrUnsupported},
		{"kim-encrypted.pdf", parsers.ErrEncrypted},
	} {
		path := filepath.Join(example, "resumes", tc.file)
		sha, err := screener.HashFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Extract(context.Background(), screener.FileInfo{Path: path, SHA256: sha})
		var perr *parsers.Error
		if !errors.Is(err, tc.want) || !errors.As(err, &perr) || perr.File != path {
			t.Errorf("%s: %v, want %v naming the file", tc.file, err, tc.want)
		}
		var state string
		var attempt int
		if err := pool.QueryRow(context.Background(), `SELECT state, attempt FROM river_job WHERE args->>'sha256' = $1`, sha).Scan(&state, &attempt); err != nil {
			t.Fatal(err)
		}
		if state != "completed" || attempt != 1 {
			t.Errorf("%s: job %s after %d attempts, want completed after 1", tc.file, state, attempt)
		}
	}
}

// TestKilledWorkersJobIsRescued: a worker process killed (SIGKILL) while
// it holds a job leaves the job running; another worker's rescuer hands
// it on once it has run longer than RescueAfter, and the coordinator gets
// the outcome.
func TestKilledWorkersJobIsRescued(t *testing.T) {
	url := pg.Database(t)
	pool, err := Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// A short time limit: River's rescuer leaves a job alone for its
	// time limit (and a margin) even past RescueAfter.
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: example, Settings: Settings{Timeout: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	path := filepath.Join(example, "resumes", "farah.txt")
	sha, err := screener.HashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() {
		doc, err := c.Extract(context.Background(), screener.FileInfo{Path: path, SHA256: sha})
		if err == nil && !strings.Contains(doc.Text, "Farah") {
			err = errors.New("wrong document")
		}
		got <- err
	}()

	hanging := exec.Command(os.Args[0], "-test.run=^$")
	hanging.Env = append(os.Environ(), "QUEUE_TEST_HANGING_WORKER="+url)
	if err := hanging.Start(); err != nil {
		t.Fatal(err)
	}
	defer hanging.Process.Kill()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var n int
		pool.QueryRow(context.Background(), `SELECT count(*) FROM river_job WHERE state = 'running'`).Scan(&n)
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the worker process never claimed the job")
		}
		time.Sleep(50 * time.Millisecond)
	}
	hanging.Process.Kill() // SIGKILL
	hanging.Wait()

	startWorkers(t, pool, 1, WorkerOptions{Root: example, Extract: inProcess, RescueAfter: time.Second})
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Minute):
		t.Fatal("the killed worker's job was not done again")
	}
	var attempt int
	var errs string
	if err := pool.QueryRow(context.Background(), `SELECT attempt, coalesce(errors::text, '') FROM river_job WHERE args->>'sha256' = $1`, sha).Scan(&attempt, &errs); err != nil {
		t.Fatal(err)
	}
	// At least the killed attempt and the rescue; on a loaded machine the
	// rescued attempt may itself pass the one-second limit and be rescued.
	if attempt < 2 || !strings.Contains(errs, "Stuck job rescued") {
		t.Errorf("job completed in attempt %d, want 2 or more (the killed one, then the rescue); errors: %s", attempt, errs)
	}
}

// TestPassingFailureIsTriedAgain: a timeout is the file's outcome in this
// run, but as on one machine the next run extracts the file again rather
// than reuse the outcome.
func TestPassingFailureIsTriedAgain(t *testing.T) {
	pool := connect(t)
	var mu sync.Mutex
	calls := 0
	startWorkers(t, pool, 1, WorkerOptions{Root: example, Extract: func(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
		mu.Lock()
		defer mu.Unlock()
		if calls++; calls == 1 {
			return nil, &parsers.Error{File: path, Err: parsers.ErrTimeout, Detail: "over 30s"}
		}
		return inProcess(ctx, path, s)
	}})
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: example})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	path := filepath.Join(example, "resumes", "ines.txt")
	sha, _ := screener.HashFile(path)
	f := screener.FileInfo{Path: path, SHA256: sha}
	if _, err := c.Extract(context.Background(), f); !errors.Is(err, parsers.ErrTimeout) {
		t.Fatalf("first run: %v, want a timeout", err)
	}
	if doc, err := c.Extract(context.Background(), f); err != nil || doc == nil {
		t.Fatalf("second run: %v, want the document", err)
	}
	if calls != 2 {
		t.Errorf("%d extractions, want 2", calls)
	}
	// A lasting outcome is reused: a third run extracts nothing.
	if _, err := c.Extract(context.Background(), f); err != nil || calls != 2 {
		t.Errorf("third run: %v after %d extractions, want the stored document", err, calls)
	}
}

// TestNoWorkerIsSaid: jobs that no worker takes (here, the only worker
// is of another version) make the coordinator say so, with the hint to
// start one.
func TestNoWorkerIsSaid(t *testing.T) {
	pool := connect(t)
	startWorkers(t, pool, 1, WorkerOptions{Root: example, Extract: inProcess, Version: "v2.0.0"})
	var log safeBuffer
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: example, Stalled: time.Second, Version: "v1.9.0",
		Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	path := filepath.Join(example, "resumes", "ines.txt")
	sha, _ := screener.HashFile(path)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for !strings.Contains(log.String(), "screener worker") {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
	}()
	if _, err := c.Extract(ctx, screener.FileInfo{Path: path, SHA256: sha}); !errors.Is(err, context.Canceled) {
		t.Fatalf("%v, want the wait cancelled", err)
	}
	if got := log.String(); !strings.Contains(got, "none of 1 waiting jobs finished") || !strings.Contains(got, "of version v1.9.0 with") {
		t.Errorf("log: %s", got)
	}
}

// safeBuffer is a bytes.Buffer for one writer and one reader at a time.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// benchWorkers runs, in a child process of BenchmarkCoordination, four
// worker clients whose extraction takes no time, until SIGTERM.
func benchWorkers(spec string) {
	url, dir, _ := strings.Cut(spec, "\n")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		os.Exit(1)
	}
	doc := &parsers.Document{Format: parsers.Text, Text: "Go developer"}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Work(ctx, pool, WorkerOptions{Root: dir, Workers: 32, Extract: func(context.Context, string, Settings) (*parsers.Document, error) { return doc, nil }})
		}()
	}
	wg.Wait()
}

// TestJobOutsideRootIsRefused: a job naming a file outside the shared
// folder (written into the database by someone else than a coordinator)
// is cancelled unread.
func TestJobOutsideRootIsRefused(t *testing.T) {
	pool := connect(t)
	root := filepath.Join(example, "resumes")
	outside := filepath.Join(example, "backend-posting.txt")
	sha, _ := screener.HashFile(outside)
	extracted := make(chan string, 1)
	startWorkers(t, pool, 1, WorkerOptions{Root: root, Extract: func(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
		extracted <- path
		return inProcess(ctx, path, s)
	}})
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res, err := c.client.Insert(context.Background(), extractArgs{SHA256: sha, Path: []byte("../backend-posting.txt")}, &river.InsertOpts{Queue: queueName("")})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	var state string
	for state != "cancelled" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		pool.QueryRow(context.Background(), `SELECT state FROM river_job WHERE id = $1`, res.Job.ID).Scan(&state)
	}
	var outcomes int
	pool.QueryRow(context.Background(), `SELECT count(*) FROM screener_extractions`).Scan(&outcomes)
	select {
	case p := <-extracted:
		t.Errorf("extracted %s", p)
	default:
	}
	if state != "cancelled" || outcomes != 0 {
		t.Errorf("job %s, %d outcomes stored; want cancelled, none", state, outcomes)
	}
}

// TestRestartedCoordinatorReusesJobs: a coordinator that stops (is
// killed) while its jobs run, and one started again for the same files,
// get the outcomes of those jobs: nothing is extracted twice.
func TestRestartedCoordinatorReusesJobs(t *testing.T) {
	pool := connect(t)
	var mu sync.Mutex
	calls := map[string]int{}
	release := make(chan struct{})
	startWorkers(t, pool, 1, WorkerOptions{Root: example, Workers: 4, Extract: func(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
		<-release // the first coordinator is gone before any job finishes
		mu.Lock()
		calls[filepath.Base(path)]++
		mu.Unlock()
		return inProcess(ctx, path, s)
	}})
	var files []screener.FileInfo
	for _, name := range []string{"farah.txt", "ines.txt", "emeka.md"} {
		path := filepath.Join(example, "resumes", name)
		sha, _ := screener.HashFile(path)
		files = append(files, screener.FileInfo{Path: path, SHA256: sha})
	}
	first, err := NewCoordinator(pool, CoordinatorOptions{Root: example})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func() { defer wg.Done(); first.Extract(ctx, f) }()
	}
	for n := 0; n < len(files); {
		time.Sleep(20 * time.Millisecond)
		pool.QueryRow(context.Background(), `SELECT count(*) FROM river_job`).Scan(&n)
	}
	cancel()
	wg.Wait()
	first.Close()
	close(release)

	second, err := NewCoordinator(pool, CoordinatorOptions{Root: example})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	for _, f := range files {
		if doc, err := second.Extract(context.Background(), f); err != nil || doc == nil {
			t.Errorf("%s: %v", f.Path, err)
		}
	}
	var jobs int
	pool.QueryRow(context.Background(), `SELECT count(*) FROM river_job`).Scan(&jobs)
	mu.Lock()
	defer mu.Unlock()
	for name, n := range calls {
		if n != 1 {
			t.Errorf("%s extracted %d times", name, n)
		}
	}
	if len(calls) != len(files) || jobs != len(files) {
		t.Errorf("%d files extracted by %d jobs, want %d each", len(calls), jobs, len(files))
	}
}

func TestQueueName(t *testing.T) {
	for v, want := range map[string]string{
		"":                                   "screener",
		"(devel)":                            "screener_devel",
		"v1.4.0":                             "screener_v1_4_0",
		"v0.0.0-20261126101500-6c8c28e0e8a0": "screener_v0_0_0_20261126101500_6c8c28e0e8a0",
		"v1.4.0+dirty":                       "screener_v1_4_0_dirty",
		strings.Repeat("x", 60):              "screener_42f2d97335669f86",
	} {
		if got := queueName(v); got != want {
			t.Errorf("queueName(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestCommitCompletesWithOutcomes: a worker's transaction stores the
// outcomes of a batch of running jobs and completes those jobs, and only
// those; a batch that fails (one of its jobs is gone) leaves neither
// outcome nor completion of any of its jobs.
func TestCommitCompletesWithOutcomes(t *testing.T) {
	ctx := context.Background()
	pool := connect(t)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: discardLogger(nil), SkipUnknownJobCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	var params []river.InsertManyParams
	for _, sha := range []string{"a", "b", "c"} {
		params = append(params, river.InsertManyParams{Args: extractArgs{SHA256: sha, Path: []byte(sha + ".txt")}})
	}
	res, err := client.InsertMany(ctx, params)
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]int64{}
	for i, r := range res {
		id[[]string{"a", "b", "c"}[i]] = r.Job.ID
	}
	// As River's fetch leaves a job it hands a worker.
	if _, err := pool.Exec(ctx, `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now()`); err != nil {
		t.Fatal(err)
	}
	states := func() map[string]string {
		t.Helper()
		got := map[string]string{}
		for name, jid := range id {
			var st, outcome string
			if err := pool.QueryRow(ctx, `SELECT j.state, coalesce(convert_from(x.outcome, 'UTF8'), '-') FROM river_job j
				LEFT JOIN screener_extractions x ON x.job_id = j.id WHERE j.id = $1`, jid).Scan(&st, &outcome); err != nil {
				got[name] = err.Error()
				continue
			}
			got[name] = st + " " + outcome
		}
		return got
	}

	w := &extractWorker{pool: pool, client: client}
	if err := w.commit([]*completion{{id: id["a"], raw: []byte(`"A"`)}, {id: id["b"], raw: []byte(`"B"`)}}); err != nil {
		t.Fatal(err)
	}
	if err := w.commit([]*completion{{id: id["c"], raw: []byte(`"C"`)}, {id: 1 << 40, raw: []byte(`"D"`)}}); err == nil {
		t.Error("a batch with a job that is gone committed")
	}
	want := map[string]string{"a": `completed "A"`, "b": `completed "B"`, "c": "running -"}
	if got := states(); !maps.Equal(got, want) {
		t.Errorf("jobs and outcomes: %v, want %v", got, want)
	}
}

// TestTwoJobsExtractOnce: two distributed runs of different jobs (rule
// sets), each with its coordinator and its own state connection, started
// at once on one folder of new files, have each file extracted once
// between them: their jobs are one per content.
func TestTwoJobsExtractOnce(t *testing.T) {
	url := pg.Database(t)
	pool := connectTo(t, url)
	dir := t.TempDir()
	const n = 24
	for i := range n {
		text := fmt.Sprintf("Candidate %d\ncandidate%d@example.com\nSkills: Go, Python, PostgreSQL\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("cv%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	calls := map[string]int{}
	startWorkers(t, pool, 2, WorkerOptions{Root: dir, Workers: 4, Extract: func(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
		mu.Lock()
		calls[filepath.Base(path)]++
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		return inProcess(ctx, path, s)
	}})
	var wg sync.WaitGroup
	for _, skill := range []string{"Go", "Python"} {
		set, err := rules.Load(strings.NewReader(fmt.Sprintf("title: %s developer\nrequired:\n  - skill: %s\n", skill, skill)), "rules.yaml", nil)
		if err != nil {
			t.Fatal(err)
		}
		db, err := postgres.Open(context.Background(), url, state.Options{StoreText: true, Job: set.Hash()})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		c, err := NewCoordinator(connectTo(t, url), CoordinatorOptions{Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := db.BeginRun(set.Hash()); err != nil {
				t.Error(err)
				return
			}
			rep, err := screener.Run(context.Background(), []string{dir}, screener.Options{Rules: set, Store: db, Extract: c.Extract, Workers: 64})
			if err != nil {
				t.Error(err)
				return
			}
			if rep.Counts.Screened != n || rep.Counts.Errors != 0 {
				t.Errorf("%s: %+v, want %d screened", skill, rep.Counts, n)
			}
			if err := db.EndRun(rep.Counts, 0, 0); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	for name, k := range calls {
		if k != 1 {
			t.Errorf("%s extracted %d times", name, k)
		}
	}
	if len(calls) != n {
		t.Errorf("%d files extracted, want %d", len(calls), n)
	}
}

// TestJobDeletedWhileWaited: a job deleted while a coordinator waits on
// it (as another run's coordinator deletes a job after reading its
// passing failure) has the file enqueued again, rather than waited for
// for ever.
func TestJobDeletedWhileWaited(t *testing.T) {
	pool := connect(t)
	started, release := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	calls := 0
	startWorkers(t, pool, 1, WorkerOptions{Root: example, Extract: func(ctx context.Context, path string, s Settings) (*parsers.Document, error) {
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		if first {
			close(started)
			<-release
		}
		return inProcess(ctx, path, s)
	}})
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: example})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	path := filepath.Join(example, "resumes", "ines.txt")
	sha, _ := screener.HashFile(path)
	got := make(chan error, 1)
	go func() {
		doc, err := c.Extract(context.Background(), screener.FileInfo{Path: path, SHA256: sha})
		if err == nil && !strings.Contains(doc.Text, "Ines") {
			err = errors.New("wrong document")
		}
		got <- err
	}()
	<-started
	if _, err := pool.Exec(context.Background(), `DELETE FROM river_job`); err != nil {
		t.Fatal(err)
	}
	close(release)
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the coordinator still waits on a job that is gone")
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 2 {
		t.Errorf("%d extractions, want 2 (the deleted job's, then the new one's)", calls)
	}
}
