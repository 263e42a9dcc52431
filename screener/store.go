package screener

import (
	"github.com/screener/screener/parsers"
	"time"
)

// FileInfo identifies one input file's content.
type FileInfo struct {
	Path string
	// Name is the path relative to the folder it was found under (the
	// path given to [Run]), or the base name of a file given by itself;
	// unlike Path, it reads the same on every machine that screens the
	// same folder.
	Name    string
	Size    int64
	ModTime time.Time
	SHA256  string
}

// Cached is what a [Store] knows of some content.
type Cached struct {
	// Record is the result stored for these rules, if any (its File is
	// that of the file first scored; callers set their own).
	Record *Record
	// Doc is the stored extraction, if its text was kept.
	Doc *parsers.Document
	// Failed is a stored extraction failure: reason code and message.
	Failed *Record
	// SeenBefore is true if a completed earlier run saw this content.
	SeenBefore bool
	// FirstSeen is when a run first saw this content; zero if unknown.
	FirstSeen time.Time
}

// Store persists what a run learns, for incremental runs. Implementations
// must be safe for concurrent use. They may batch writes: a run killed at
// any moment may lose outcomes not yet committed, never committed ones, and
// the next run redoes what was lost.
type Store interface {
	// Hash returns the SHA-256 recorded for path if its size and
	// modification time are unchanged.
	Hash(path string, size int64, mtime time.Time) (string, bool)
	// Load returns what is stored for content sha and rules hash.
	Load(sha, rulesHash string) (Cached, error)
	// Save records the outcome for one file. doc is nil for a failure.
	Save(f FileInfo, doc *parsers.Document, rec Record, rulesHash string) error
	// Seen records that a file with known content was screened again.
	Seen(f FileInfo) error
	// Prefetch announces the contents the run will Load next with these
	// rules, so that the store can read them in bulk. A run announces them
	// in batches, each a little ahead of its Loads, so a store may keep
	// what it reads until Load takes it. Load must work without it.
	Prefetch(shas []string, rulesHash string) error
}

// doneHashing is a [Store] that keeps something in memory to answer Hash
// (state keeps its files table, 72 bytes a file): a run calls DoneHashing
// once it has screened every file, before it ranks them, so that the
// store can drop it for the rest of the run. A later Hash must still work.
type doneHashing interface {
	DoneHashing()
}
