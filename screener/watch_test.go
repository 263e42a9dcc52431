package screener

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestWatchIgnoresOwnOutputs: a run that writes its outputs inside the
// folder it watches must not start itself again; a new resume must.
func TestWatchIgnoresOwnOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for file events")
	}
	dir := t.TempDir()
	const settle = 100 * time.Millisecond
	var runs atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Watch(ctx, dir, settle, nil, func(context.Context) error {
			runs.Add(1)
			// What a run writes: a temporary renamed into place, JSON
			// Lines, a state database and its journal.
			tmp := filepath.Join(dir, ".shortlist.xlsx.tmp123")
			os.WriteFile(tmp, []byte("workbook"), 0o644)
			os.Rename(tmp, filepath.Join(dir, "shortlist.xlsx"))
			os.WriteFile(filepath.Join(dir, "shortlist.jsonl"), []byte("{}\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "state.db-wal"), []byte("wal"), 0o644)
			return nil
		})
	}()
	waitRuns := func(want int32) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for runs.Load() < want && time.Now().Before(deadline) {
			time.Sleep(settle / 4)
		}
		// Long enough for a run its outputs started to have happened.
		time.Sleep(10 * settle)
		if got := runs.Load(); got != want {
			t.Fatalf("%d runs, want %d", got, want)
		}
	}
	waitRuns(1)
	os.WriteFile(filepath.Join(dir, "new.pdf"), []byte("%PDF-1.4"), 0o644)
	waitRuns(2)
	os.Mkdir(filepath.Join(dir, "batch"), 0o755)
	waitRuns(3)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestMayBeResume(t *testing.T) {
	for name, want := range map[string]bool{
		"cv.pdf": true, "CV.DOCX": true, "scan.jpeg": true, "notes.pages": true, "batch-2": true,
		"shortlist.xlsx": false, "out.jsonl": false, "state.db-wal": false, ".cv.pdf": false, "~$cv.docx": false, ".out.xlsx.tmp1": false,
	} {
		if got := mayBeResume(name); got != want {
			t.Errorf("mayBeResume(%q) = %v, want %v", name, got, want)
		}
	}
}
