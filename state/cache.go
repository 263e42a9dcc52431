package state

import (
	"path/filepath"
	"time"
)

// A file's identity. What a run learns is stored by content (its SHA-256,
// which is the same on every machine), never by path. The files table
// only spares a run from reading a file to hash it: on the machine (host)
// that recorded it, an absolute path with the same size and modification
// time is taken to hold the same content. Another machine reading the same
// share, or a copy, hashes the file once and then finds the content's
// stored result. Each row also keeps the file's name, its path relative to
// the folder screened, for reports and for forget on any machine.

// fileRow is a row of the files table of this host, kept in memory: Hash
// is called for every file of every run, and one query for all rows beats
// one per file.
type fileRow struct {
	size, mtime int64
	sha         string
}

// Hash implements screener.Store: it knows a file only if this host
// recorded it with this size and modification time.
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

// loadFiles reads this host's rows of the files table once. On error the
// map stays empty and every file is hashed: slower, never wrong.
func (s *DB) loadFiles() {
	files := map[string]fileRow{}
	if rows, err := s.db.QueryContext(s.ctx, s.q(`SELECT path, size, mtime_ns, sha256 FROM files WHERE host = ?`), s.text(s.host)); err == nil {
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

// claimFiles gives this host the rows recorded before rows had a host:
// an SQLite file was written on the machine that opens it.
func (s *DB) claimFiles() error {
	_, err := s.db.ExecContext(s.ctx, s.q(`UPDATE files SET host = ? WHERE host = ''`), s.text(s.host))
	return err
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
// folder a run starts in, in the backend's text form. (filepath.Abs would
// ask the system for the current folder once per file.)
func (s *DB) storedPath(p string) string {
	if filepath.IsAbs(p) || s.cwd == "" {
		return s.text(filepath.Clean(p))
	}
	return s.text(filepath.Join(s.cwd, p))
}

// storedName is the form a file's name (its path relative to the folder
// screened) is stored in: clean, with forward slashes, so that it reads
// the same on every system; "" stores NULL.
func (s *DB) storedName(name string) string {
	if name == "" {
		return ""
	}
	return s.text(filepath.ToSlash(filepath.Clean(name)))
}
