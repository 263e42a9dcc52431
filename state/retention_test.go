package state

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
)

// TestSeenWithinADayWritesNothing: a file unchanged since its last run,
// whose content was seen less than a day ago, costs no write; after a day
// its last-seen time is brought up to date, which retention counts on,
// also in a process that keeps the file open across runs (watch).
func TestSeenWithinADayWritesNothing(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "s.db")
	mtime := time.Unix(1700000000, 0)
	f := screener.FileInfo{Path: "/in/a.txt", Size: 3, ModTime: mtime, SHA256: "aaa"}
	db := open(t, path, Options{Now: func() time.Time { return now }})
	db.BeginRun("r")
	db.Save(f, &parsers.Document{Text: "x"}, screener.Record{Status: screener.StatusOK}, "r")
	db.EndRun(screener.Counts{}, 0, 0)

	lastSeen := func() int64 {
		var v int64
		if err := db.db.QueryRow(`SELECT last_seen_at FROM documents WHERE sha256 = 'aaa'`).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tt := range []struct {
		after time.Duration
		moved bool
	}{{23 * time.Hour, false}, {24 * time.Hour, true}, {25 * time.Hour, false}, {48 * time.Hour, true}} { // a day to the second
		now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(tt.after)
		db.BeginRun("r")
		if _, ok := db.Hash(f.Path, f.Size, f.ModTime); !ok {
			t.Fatal("file not known")
		}
		if _, err := db.Load("aaa", "r"); err != nil {
			t.Fatal(err)
		}
		if err := db.Seen(f); err != nil {
			t.Fatal(err)
		}
		db.EndRun(screener.Counts{}, 0, 0)
		if moved := lastSeen() == now.Unix(); moved != tt.moved {
			t.Errorf("seen again after %s: last seen updated %v, want %v", tt.after, moved, tt.moved)
		}
	}
}
