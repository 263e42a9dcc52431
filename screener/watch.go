package screener

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch calls run once at the start and again whenever files under dir
// change, once every changed file has stopped changing for settle (a file
// still being copied in keeps growing; screening it half-written would
// report it corrupt). Events that arrive during a run trigger one more run
// after it, however many there were, so a burst of hundreds of files costs
// one or two runs. Changes to files that no run reads (hidden files, a
// workbook, a state database) are ignored, so outputs written inside dir do
// not start a run of their own. Folders created under dir are watched too. Watch returns
// when ctx ends, or with the first error of run that is not a per-run
// failure: run reports those to its caller itself and returns nil.
func Watch(ctx context.Context, dir string, settle time.Duration, log *slog.Logger, run func(context.Context) error) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	addTree := func(root string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if err := w.Add(p); err != nil {
					log.Warn("cannot watch folder", "dir", p, "err", err)
				}
			}
			return nil
		})
	}
	addTree(dir)
	if err := run(ctx); err != nil {
		return err
	}
	pending := map[string]int64{} // changed path -> size when last seen
	var quietSince time.Time
	tick := time.NewTicker(settle / 4)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// The kernel dropped events: rescan everything on the next run.
				pending[dir] = -1
				quietSince = time.Now()
				continue
			}
			log.Warn("watch error", "err", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			isDir := false
			if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
				isDir = true
				if ev.Has(fsnotify.Create) {
					addTree(ev.Name)
				}
			}
			if !isDir && !mayBeResume(filepath.Base(ev.Name)) {
				continue // the run's own outputs, if they are written inside dir, must not start another run
			}
			pending[ev.Name] = sizeOf(ev.Name)
			quietSince = time.Now()
		case <-tick.C:
			if len(pending) == 0 || time.Since(quietSince) < settle {
				continue
			}
			// Quiet for a while: are the files still growing?
			growing := false
			for p, size := range pending {
				if now := sizeOf(p); now != size {
					pending[p] = now
					growing = true
				}
			}
			if growing {
				quietSince = time.Now()
				continue
			}
			clear(pending)
			if err := run(ctx); err != nil {
				return err
			}
		}
	}
}

func sizeOf(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return fi.Size()
}
