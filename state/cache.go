package state

import (
	"cmp"
	"database/sql"
	"encoding/hex"
	"hash/maphash"
	"path/filepath"
	"slices"
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

// fileTable is the files table of this host as [DB.Hash] reads it: Hash
// is called for every file of every run, and one query for all rows beats
// one per file. It is read at a run's first Hash and holds 72 bytes a
// row, a path by a 128-bit hash of it under keys of this process's own
// (no two of a hundred thousand paths share one but with odds below
// 10^-28, and no file name can be made to): a map of paths and hex
// strings held about 200, 20 MB at 100,000 files, and every row a run
// committed was added to it. Committed rows update those it holds; new
// ones are asked of the database when Hash does not find a file (see
// fileTable.stale), which a run does only for files it has not screened.
type fileTable struct {
	loaded bool
	rows   []fileRow           // sorted by key
	odd    map[pathKey]string  // hashes that are not 64 hex digits, as stored (written by other tools, and tests)
	asked  map[pathKey]fileRow // rows read one by one, since commits made rows stale
	stale  bool                // rows were committed since rows was read
}

// fileRow is a row of the files table, as a fileTable holds it.
type fileRow struct {
	key         pathKey
	size, mtime int64
	sha         [32]byte
	unchanged   bool // Hash found the file unchanged in this run
}

// pathKey is a path's 128-bit hash under a [DB]'s seeds.
type pathKey [2]uint64

func (s *DB) pathKey(path string) pathKey {
	return pathKey{maphash.String(s.seeds[0], path), maphash.String(s.seeds[1], path)}
}

// find returns the row of k, or nil.
func (t *fileTable) find(k pathKey) *fileRow {
	if r, ok := t.asked[k]; ok {
		return &r
	}
	i, ok := slices.BinarySearchFunc(t.rows, k, func(r fileRow, k pathKey) int { return compareKeys(r.key, k) })
	if !ok {
		return nil
	}
	return &t.rows[i]
}

func compareKeys(a, b pathKey) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) }

// hash returns r's content hash as it is stored.
func (t *fileTable) hash(r *fileRow) string {
	if sha, ok := t.odd[r.key]; ok {
		return sha
	}
	return hex.EncodeToString(r.sha[:])
}

// setHash sets r's content hash from its stored form.
func (t *fileTable) setHash(r *fileRow, sha []byte) {
	if len(sha) == 2*len(r.sha) {
		if _, err := hex.Decode(r.sha[:], sha); err == nil && hex.EncodeToString(r.sha[:]) == string(sha) {
			return
		}
	}
	if t.odd == nil {
		t.odd = map[pathKey]string{}
	}
	t.odd[r.key] = string(sha)
}

// Hash implements screener.Store: it knows a file only if this host
// recorded it with this size and modification time.
func (s *DB) Hash(path string, size int64, mtime time.Time) (string, bool) {
	path = s.storedPath(path)
	k := s.pathKey(path)
	s.filesMu.Lock()
	if !s.files.loaded {
		s.loadFiles()
	}
	if r := s.files.find(k); r != nil && r.size == size && r.mtime == mtime.UnixNano() {
		r.unchanged = true
		if _, ok := s.files.asked[k]; ok {
			s.files.asked[k] = *r
		}
		sha := s.files.hash(r)
		s.filesMu.Unlock()
		return sha, true
	}
	stale := s.files.stale
	s.filesMu.Unlock()
	if !stale {
		return "", false
	}
	// The file's row may have been committed since the table was read.
	var sha sql.RawBytes
	r := fileRow{key: k}
	rows, err := s.db.QueryContext(s.ctx, s.q(`SELECT size, mtime_ns, sha256 FROM files WHERE host = ? AND path = ?`), s.text(s.host), path)
	if err != nil {
		return "", false
	}
	defer rows.Close()
	if !rows.Next() || rows.Scan(&r.size, &r.mtime, &sha) != nil || r.size != size || r.mtime != mtime.UnixNano() {
		return "", false
	}
	r.unchanged = true
	s.filesMu.Lock()
	defer s.filesMu.Unlock()
	s.files.setHash(&r, sha)
	if s.files.asked == nil {
		s.files.asked = map[pathKey]fileRow{}
	}
	s.files.asked[k] = r
	return s.files.hash(&r), true
}

// unchanged reports whether Hash found the file at path unchanged in this
// run.
func (s *DB) unchanged(path string) bool {
	k := s.pathKey(path)
	s.filesMu.Lock()
	defer s.filesMu.Unlock()
	r := s.files.find(k)
	return r != nil && r.unchanged
}

// loadFiles reads this host's rows of the files table, with filesMu held.
// On error the table stays empty and every file is hashed: slower, never
// wrong.
func (s *DB) loadFiles() {
	t := fileTable{loaded: true}
	defer func() { s.files = t }()
	var n int
	if s.db.QueryRowContext(s.ctx, s.q(`SELECT COUNT(*) FROM files WHERE host = ?`), s.text(s.host)).Scan(&n) != nil {
		return
	}
	rows, err := s.db.QueryContext(s.ctx, s.q(`SELECT path, size, mtime_ns, sha256 FROM files WHERE host = ?`), s.text(s.host))
	if err != nil {
		return
	}
	defer rows.Close()
	t.rows = make([]fileRow, 0, n)
	for rows.Next() {
		var path, sha sql.RawBytes
		var r fileRow
		if rows.Scan(&path, &r.size, &r.mtime, &sha) != nil {
			continue
		}
		r.key = pathKey{maphash.Bytes(s.seeds[0], path), maphash.Bytes(s.seeds[1], path)}
		t.setHash(&r, sha)
		t.rows = append(t.rows, r)
	}
	slices.SortFunc(t.rows, func(a, b fileRow) int { return compareKeys(a.key, b.key) })
}

// forgetFiles drops the table, to be read again at the next Hash: at a
// run's start, and after rows were deleted.
func (s *DB) forgetFiles() {
	s.filesMu.Lock()
	s.files = fileTable{}
	s.filesMu.Unlock()
}

// DoneHashing drops the files table until the next Hash reads it again:
// a run calls it once it has screened every file (see [screener.Run]),
// and its ranking and outputs need the memory more.
func (s *DB) DoneHashing() { s.forgetFiles() }

// filesCommitted records committed file rows: a row the table holds is
// updated; one it does not hold makes it stale, so that Hash asks the
// database when it does not find a file, rather than hold every row a
// run commits.
func (s *DB) filesCommitted(batch []pending) {
	s.filesMu.Lock()
	defer s.filesMu.Unlock()
	if !s.files.loaded {
		return // read with them, when it is
	}
	for _, p := range batch {
		k := s.pathKey(p.f.Path)
		r := s.files.find(k)
		if r == nil {
			s.files.stale = true
			continue
		}
		r.size, r.mtime = p.f.Size, p.f.ModTime.UnixNano()
		delete(s.files.odd, k)
		s.files.setHash(r, []byte(p.f.SHA256))
		if _, ok := s.files.asked[k]; ok {
			s.files.asked[k] = *r
		}
	}
}

// claimFiles gives this host the rows recorded before rows had a host:
// an SQLite file was written on the machine that opens it.
func (s *DB) claimFiles() error {
	_, err := s.db.ExecContext(s.ctx, s.q(`UPDATE files SET host = ? WHERE host = ''`), s.text(s.host))
	return err
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
