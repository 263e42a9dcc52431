package state

import (
	"path/filepath"
	"time"
)

// fileRow is a row of the files table, kept in memory: Hash is called for
// every file of every run, and one query for all rows beats one per file.
type fileRow struct {
	size, mtime int64
	sha         string
}

// Hash implements screener.Store.
func (s *DB) Hash(path string, size int64, mtime time.Time) (string, bool) {
	path = s.storedPath(path)
	s.filesOnce.Do(s.loadFiles)
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.files[path]
	if !ok || r.size != size || r.mtime != mtime.UnixNano() {
		return "", false
	}
	s.unchangedPaths[path] = true
	return r.sha, true
}

// loadFiles reads the files table once. On error the map stays empty and
// every file is hashed: slower, never wrong.
func (s *DB) loadFiles() {
	files := map[string]fileRow{}
	if rows, err := s.db.Query(`SELECT path, size, mtime_ns, sha256 FROM files`); err == nil {
		for rows.Next() {
			var p string
			var r fileRow
			if rows.Scan(&p, &r.size, &r.mtime, &r.sha) == nil {
				files[p] = r
			}
		}
		rows.Close()
	}
	s.mu.Lock()
	for p, r := range s.files { // rows committed before the first Hash
		files[p] = r
	}
	s.files = files
	s.mu.Unlock()
}

// rememberFiles records committed file rows in the in-memory copy.
func (s *DB) rememberFiles(batch []pending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.files = map[string]fileRow{}
	}
	for _, p := range batch {
		s.files[p.f.Path] = fileRow{size: p.f.Size, mtime: p.f.ModTime.UnixNano(), sha: p.f.SHA256}
	}
}

// storedPath is the form a file's path is stored in: absolute and clean,
// so that "cv.pdf", "./cv.pdf" and "/inbox/cv.pdf" are one file whatever
// folder a run starts in, in the backend's text form. (filepath.Abs would ask the system for the
// current folder once per file.)
func (s *DB) storedPath(p string) string {
	if filepath.IsAbs(p) || s.cwd == "" {
		return s.text(filepath.Clean(p))
	}
	return s.text(filepath.Join(s.cwd, p))
}
