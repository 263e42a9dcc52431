package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
)

// twoJobsRules are the rules of two openings: different jobs on the
// database, each with a run lock of its own.
func twoJobsRules(t *testing.T) [2]*rules.Set {
	t.Helper()
	var sets [2]*rules.Set
	for i, skill := range []string{"Go", "Python"} {
		set, err := rules.Load(strings.NewReader(fmt.Sprintf("title: %s developer\nrequired:\n  - skill: %s\n", skill, skill)), "rules.yaml", nil)
		if err != nil {
			t.Fatal(err)
		}
		sets[i] = set
	}
	return sets
}

// newResumes writes n resumes of distinct content into a new folder.
func newResumes(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Candidate %d\ncandidate%d@example.com\nSkills: Go, Python, PostgreSQL\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("cv%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// counter counts extractions per content; each takes a little while, as
// a real one does, so that two runs started together overlap.
type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) extract(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
	c.mu.Lock()
	c.n[f.SHA256]++
	c.mu.Unlock()
	time.Sleep(20 * time.Millisecond)
	return parsers.ExtractFile(ctx, f.Path, parsers.Limits{})
}

// TestTwoJobsExtractOnce: two runs of different jobs (rule sets) started
// at once on one folder of new files, each with its own connection to
// one database and its claims, extract each file once between them, and
// each scores every file.
func TestTwoJobsExtractOnce(t *testing.T) {
	url := pg.Database(t)
	dir := newResumes(t, 24)
	sets := twoJobsRules(t)
	count := &counter{n: map[string]int{}}
	var wg sync.WaitGroup
	reps := make([]*screener.Report, 2)
	for i, set := range sets {
		db := open(t, url, state.Options{StoreText: true, Job: set.Hash()})
		claims, err := NewClaims(context.Background(), url, db, ClaimOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer claims.Close()
		extract := claims.Extract(count.extract)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := db.BeginRun(set.Hash()); err != nil {
				t.Error(err)
				return
			}
			rep, err := screener.Run(context.Background(), []string{dir}, screener.Options{Rules: set, Store: db, Extract: extract, Workers: 4})
			if err != nil {
				t.Error(err)
				return
			}
			reps[i] = rep
			if err := db.EndRun(rep.Counts, 0, 0); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for sha, n := range count.n {
		if n != 1 {
			t.Errorf("%s extracted %d times", sha[:12], n)
		}
	}
	if len(count.n) != 24 {
		t.Errorf("%d contents extracted, want 24", len(count.n))
	}
	for i, rep := range reps {
		if rep == nil {
			continue
		}
		if c := rep.Counts; c.Screened != 24 || c.Errors != 0 {
			t.Errorf("run %d: %+v, want 24 screened", i, c)
		}
	}
}

// claimsOn opens a state of job on url and its claims.
func claimsOn(t *testing.T, url, job string, opts ClaimOptions) (*state.DB, *Claims) {
	t.Helper()
	db := open(t, url, state.Options{StoreText: true, Job: job})
	c, err := NewClaims(context.Background(), url, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return db, c
}

// TestClaimOfDeadRunIsFreed: a run that dies while it extracts a content
// frees its claim with its connection; a run of another job waiting on
// that content then extracts it itself, without waiting any longer.
func TestClaimOfDeadRunIsFreed(t *testing.T) {
	url := pg.Database(t)
	dir := newResumes(t, 1)
	path := filepath.Join(dir, "cv00.txt")
	sha, err := screener.HashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := screener.FileInfo{Path: path, SHA256: sha}
	_, dying := claimsOn(t, url, "a", ClaimOptions{})
	_, other := claimsOn(t, url, "b", ClaimOptions{Wait: time.Hour})

	claimed, release := make(chan struct{}), make(chan struct{})
	go dying.Extract(func(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
		close(claimed)
		<-release // the run dies before it returns
		return nil, ctx.Err()
	})(context.Background(), f)
	defer close(release)
	<-claimed
	extracted := make(chan struct{}, 1)
	got := make(chan error, 1)
	go func() {
		doc, err := other.Extract(func(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
			extracted <- struct{}{}
			return parsers.ExtractFile(ctx, f.Path, parsers.Limits{})
		})(context.Background(), f)
		if err == nil && !strings.Contains(doc.Text, "Candidate 0") {
			err = fmt.Errorf("wrong document: %q", doc.Text)
		}
		got <- err
	}()
	// The waiting run looks again every 100 ms and must not extract
	// while the claim is held.
	for range 3 {
		select {
		case <-extracted:
			t.Fatal("extracted while another run held the claim")
		case <-time.After(150 * time.Millisecond):
		}
	}
	// Dead: its connection ends, as a killed process's does.
	dying.mu.Lock()
	dying.conn.Close(context.Background())
	dying.mu.Unlock()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the waiting run never extracted after the holder died")
	}
}

// TestClaimedFailureIsShared: a content that fails to extract (corrupt)
// is a stored outcome; a run of another job waiting on its claim gets
// the same reason without extracting it.
func TestClaimedFailureIsShared(t *testing.T) {
	url := pg.Database(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "broken.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.7\n1 0 obj <<"), 0o644); err != nil {
		t.Fatal(err)
	}
	sha, err := screener.HashFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := screener.FileInfo{Path: path, SHA256: sha}
	firstDB, first := claimsOn(t, url, "a", ClaimOptions{})
	_, second := claimsOn(t, url, "b", ClaimOptions{Wait: time.Hour})
	if _, err := firstDB.BeginRun("a"); err != nil {
		t.Fatal(err)
	}

	claimed, release := make(chan struct{}), make(chan struct{})
	firstErr := make(chan error, 1)
	go func() {
		_, err := first.Extract(func(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
			close(claimed)
			<-release
			return parsers.ExtractFile(ctx, f.Path, parsers.Limits{})
		})(context.Background(), f)
		// As a run does with a lasting failure.
		if serr := firstDB.Save(f, nil, screener.Record{File: f.Path, Status: screener.StatusError, Error: parsers.Code(err), Message: err.Error()}, "a"); serr != nil {
			t.Error(serr)
		}
		firstErr <- err
	}()
	<-claimed
	secondErr := make(chan error, 1)
	go func() {
		_, err := second.Extract(func(ctx context.Context, f screener.FileInfo) (*parsers.Document, error) {
			t.Error("the second run extracted a content the first had claimed")
			return parsers.ExtractFile(ctx, f.Path, parsers.Limits{})
		})(context.Background(), f)
		secondErr <- err
	}()
	close(release)
	err1, err2 := <-firstErr, <-secondErr
	if !errors.Is(err1, parsers.ErrCorrupt) || !errors.Is(err2, parsers.ErrCorrupt) || err1.Error() != err2.Error() {
		t.Errorf("first run: %v; second: %v; want the same corrupt outcome", err1, err2)
	}
}
