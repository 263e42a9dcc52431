package screener

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
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
}

func (s *memStore) Hash(string, int64, time.Time) (string, bool) { return "", false }
func (s *memStore) Prefetch([]string, string) error              { return nil }
func (s *memStore) Load(sha, _ string) (Cached, error)           { return s.known[sha], nil }

func (s *memStore) Save(f FileInfo, _ *parsers.Document, _ Record, _ string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved = append(s.saved, filepath.Base(f.Path))
	return nil
}

func (s *memStore) Seen(f FileInfo) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = append(s.seen, filepath.Base(f.Path))
	return nil
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
func TestStoreRemembersOnlyLastingOutcomes(t *testing.T) {
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
	}}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	rep, err := RunFiles(context.Background(), paths, nil, Options{Rules: set, Extract: byPath(extract), Store: store, Workers: 2})
	if err != nil {
		t.Fatal(err)
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
