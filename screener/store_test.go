package screener

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// memStore is a Store over a map from content hash to what it knows; it
// records which files were saved and which only seen.
type memStore struct {
	mu          sync.Mutex
	known       map[string]Cached
	saved, seen []string
	fail        error // returned by Save and Seen when set
}

func (s *memStore) Hash(string, int64, time.Time) (string, bool) { return "", false }
func (s *memStore) Prefetch([]string, string) error              { return nil }
func (s *memStore) Load(sha, _ string) (Cached, error)           { return s.known[sha], nil }

func (s *memStore) Save(f FileInfo, _ *parsers.Document, _ Record, _ string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved = append(s.saved, filepath.Base(f.Path))
	return s.fail
}

func (s *memStore) Seen(f FileInfo) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = append(s.seen, filepath.Base(f.Path))
	return s.fail
}

func shaOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestStoreRemembersOnlyLastingOutcomes: a file that failed for a reason
// that may not recur (timeout, memory cap, a killed worker) is not saved,
// so the next run tries it again; a lasting failure and a success are.
// A result re-scored from stored text after a rules change is saved; a
// stored result that is reused is only marked seen.
//
// A failed write to the store is logged, once per file, and the run goes
// on; a write that succeeds logs nothing.
func TestStoreRemembersOnlyLastingOutcomes(t *testing.T) {
	for _, fail := range []error{nil, errors.New("disk full")} {
		t.Run(fmt.Sprint(fail), func(t *testing.T) { storeOutcomes(t, fail) })
	}
}

func storeOutcomes(t *testing.T, fail error) {
	dir := t.TempDir()
	files := map[string]string{
		"timeout.txt": "a", "memory.txt": "b", "killed.txt": "c", "corrupt.txt": "d", "ok.txt": "Skills: Go",
		"rescored.txt": "stored text", "reused.txt": "stored result",
	}
	var paths []string
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		paths = append(paths, p)
	}
	slices.Sort(paths)
	fails := map[string]error{
		"timeout.txt": parsers.ErrTimeout, "memory.txt": parsers.ErrMemory, "killed.txt": parsers.ErrKilled, "corrupt.txt": parsers.ErrCorrupt,
	}
	extract := func(ctx context.Context, p string) (*parsers.Document, error) {
		if err, ok := fails[filepath.Base(p)]; ok {
			return nil, &parsers.Error{File: p, Err: err}
		}
		if filepath.Base(p) == "rescored.txt" || filepath.Base(p) == "reused.txt" {
			t.Errorf("%s extracted although its content is stored", p)
		}
		return &parsers.Document{Format: parsers.Text, Text: "Skills: Go"}, nil
	}
	store := &memStore{known: map[string]Cached{
		shaOf([]byte("stored text")):   {Doc: &parsers.Document{Format: parsers.Text, Text: "Skills: Go"}, SeenBefore: true},
		shaOf([]byte("stored result")): {Record: &Record{Status: StatusOK, Score: 100, Qualified: true}, SeenBefore: true},
	}, fail: fail}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	rep, err := RunFiles(context.Background(), paths, nil, Options{Rules: set, Extract: byPath(extract), Store: store, Workers: 2, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	for _, l := range strings.Split(logged.String(), "\n") {
		if strings.Contains(l, "state write failed") && strings.Contains(l, "disk full") {
			failed = append(failed, l)
		}
	}
	if want := map[bool]int{false: 0, true: 4}[fail != nil]; len(failed) != want || strings.Count(logged.String(), "state write failed") != want {
		t.Errorf("%d failed writes logged, want %d:\n%s", len(failed), want, logged.String())
	}
	slices.Sort(store.saved)
	if want := []string{"corrupt.txt", "ok.txt", "rescored.txt"}; !slices.Equal(store.saved, want) {
		t.Errorf("saved %v, want %v", store.saved, want)
	}
	if !slices.Equal(store.seen, []string{"reused.txt"}) {
		t.Errorf("seen %v, want [reused.txt]", store.seen)
	}
	for _, r := range loadReport(t, rep) {
		base := filepath.Base(r.File)
		if err, ok := fails[base]; ok && r.Error != parsers.Code(err) {
			t.Errorf("%s: reason %q", base, r.Error)
		}
		if (base == "rescored.txt" || base == "reused.txt") && (r.Status != StatusOK || r.Score != 100 || r.New) {
			t.Errorf("%s: %+v", base, r)
		}
	}
}
