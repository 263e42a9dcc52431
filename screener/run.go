package screener

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"golang.org/x/sync/errgroup"
)

// Status of a file in a report.
type Status string

// Statuses, in the order reports list them.
const (
	StatusOK        Status = "ok"
	StatusDuplicate Status = "duplicate"
	StatusError     Status = "error"
	StatusSkipped   Status = "skipped"

	// statusGone marks a file removed while the run read it: it is no
	// longer an input, and the report leaves it out.
	statusGone Status = "gone"
)

// Record is the outcome for one input file: a scored candidate, or why not.
type Record struct {
	File             string         `json:"file"`
	SHA256           string         `json:"sha256,omitempty"`
	Status           Status         `json:"status"`
	Error            string         `json:"error,omitempty"`   // reason code, see parsers.Code; "duplicate", "skipped"
	Message          string         `json:"message,omitempty"` // human-readable reason
	DuplicateOf      string         `json:"duplicate_of,omitempty"`
	Rank             int            `json:"rank,omitempty"` // 1-based among status ok
	New              bool           `json:"new,omitempty"`  // with a Store: first seen since the last completed run
	Score            float64        `json:"score"`
	Qualified        bool           `json:"qualified"`
	Knockouts        []string       `json:"knockouts,omitempty"`
	Name             string         `json:"name,omitempty"`
	Email            string         `json:"email,omitempty"`
	Phone            string         `json:"phone,omitempty"`
	Links            []string       `json:"links,omitempty"`
	YearsExperience  float64        `json:"years_experience"`
	Degrees          []rules.Degree `json:"degrees,omitempty"`
	Matched          []string       `json:"matched"`
	Missing          []string       `json:"missing"`
	MatchedPreferred []string       `json:"matched_preferred"`
	SkillsFound      []rules.Found  `json:"skills_found"`
	Breakdown        []rules.Line   `json:"breakdown,omitempty"`
	Format           string         `json:"format,omitempty"`
	Pages            int            `json:"pages,omitempty"`
	Bytes            int64          `json:"bytes,omitempty"`
}

// Options configure [Run]. The zero value of each field is documented.
type Options struct {
	Rules    *rules.Set      // required
	Taxonomy *rules.Taxonomy // nil means rules.DefaultTaxonomy()
	// Workers bounds concurrent files; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Extract reads one file; nil means parsers.ExtractFile in-process
	// with Limits. The command passes a parsers.Supervisor's Extract.
	Extract func(ctx context.Context, path string) (*parsers.Document, error)
	Limits  parsers.Limits
	// AsOf is the date "Present" means in experience ranges; zero means now.
	AsOf time.Time
	// Logger receives one line per failed file; nil means silent.
	Logger *slog.Logger
	// Progress, if set, is called after each file from a single goroutine.
	Progress func(Progress)
	// Store, if set, remembers extractions and results between runs: files
	// whose content and rules are unchanged are not read again. nil means
	// a stateless run.
	Store Store
}

// FileInfo identifies one input file's content.
type FileInfo struct {
	Path    string
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
	// Prefetch announces the contents the run will Load with these rules,
	// so that the store can read them in bulk. Load must work without it.
	Prefetch(shas []string, rulesHash string) error
}

// Progress is a snapshot of a run.
type Progress struct {
	Done, Total, Errors int
	Elapsed             time.Duration
}

// Report is the result of a run: every input file exactly once.
type Report struct {
	Records  []Record // ok (ranked), then duplicate, error and skipped, each by file name
	Started  time.Time
	Elapsed  time.Duration
	Counts   Counts
	RuleHash string
	// Incremental is set when the run used a Store: records carry New.
	Incremental bool
	// Time spent, summed over workers: extraction, and matching with scoring.
	ExtractTime, MatchTime time.Duration
}

// Counts summarise a report.
type Counts struct {
	Files, Screened, Qualified, Errors, Skipped, Duplicates int
}

// Run screens the files under paths (see [Discover]) against opts.Rules.
// Bad files become error records; Run returns an error only if paths cannot
// be listed or ctx is cancelled, in which case the report is nil.
func Run(ctx context.Context, paths []string, opts Options) (*Report, error) {
	if opts.Rules == nil {
		return nil, errors.New("no rules")
	}
	files, skipped, err := Discover(paths)
	if err != nil {
		return nil, err
	}
	return RunFiles(ctx, files, skipped, opts)
}

// RunFiles is [Run] over a list of files already discovered; skipped
// records are carried into the report.
func RunFiles(ctx context.Context, files []string, skipped []Record, opts Options) (*Report, error) {
	tax := opts.Taxonomy
	if tax == nil {
		tax = rules.DefaultTaxonomy()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	extract := opts.Extract
	if extract == nil {
		extract = func(ctx context.Context, p string) (*parsers.Document, error) {
			return parsers.ExtractFile(ctx, p, opts.Limits)
		}
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rep := &Report{Started: time.Now(), RuleHash: opts.Rules.Hash(), Incremental: opts.Store != nil}
	w := &fileWorker{extract: extract, tax: tax, set: opts.Rules, asOf: asOf, store: opts.Store, rulesHash: rep.RuleHash, log: log}
	records := make([]Record, len(files))
	var (
		mu       sync.Mutex
		done     int
		errCount int
		extractT time.Duration
		matchT   time.Duration
	)
	infos, order, known := w.plan(files)
	// Stored results are read in bulk while the first new files extract.
	prefetched := make(chan struct{})
	go func() {
		defer close(prefetched)
		if len(known) > 0 {
			if err := w.store.Prefetch(known, w.rulesHash); err != nil {
				log.Error("state read failed; reading stored results one by one", "err", err)
			}
		}
	}()
	defer func() { <-prefetched }()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for _, i := range order {
		path := files[i]
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if infos[i].SHA256 != "" {
				<-prefetched
			}
			rec, te, tm := w.screen(gctx, infos[i])
			records[i] = rec
			failed := rec.Status == StatusError && gctx.Err() == nil
			// Logged outside the lock: a slow stderr must not stall the pool.
			if failed {
				log.Warn("file failed", "file", path, "reason", rec.Error, "message", rec.Message)
			} else {
				log.Debug("file screened", "file", path, "score", rec.Score, "extract_ms", te.Milliseconds())
			}
			mu.Lock()
			defer mu.Unlock()
			done++
			extractT += te
			matchT += tm
			if failed {
				errCount++
			}
			if opts.Progress != nil {
				opts.Progress(Progress{Done: done, Total: len(files), Errors: errCount, Elapsed: time.Since(rep.Started)})
			}
			return nil // a bad file is a record, never a reason to stop the batch
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep.ExtractTime, rep.MatchTime = extractT, matchT
	records = slices.DeleteFunc(records, func(r Record) bool { return r.Status == statusGone })
	markDuplicates(records)
	rep.Records = rank(append(records, skipped...))
	rep.Elapsed = time.Since(rep.Started)
	rep.Counts = count(rep.Records)
	return rep, nil
}

// fileStat is what the planning pass learns of a file.
type fileStat struct {
	FileInfo       // SHA256 set if the store knows this size and time
	err      error // from stat
}

// plan stats every file once and returns the order to screen them in and
// the content hashes the store already knows. With a store, files whose
// size and modification time are unchanged get their hash from it. Files
// to extract come first, largest first: starting the long jobs first keeps
// one big file from running alone at the end of a batch while the other
// workers idle; files with stored results are quick and fill in. The
// report's order does not depend on it.
func (w *fileWorker) plan(files []string) (infos []fileStat, order []int, known []string) {
	infos = make([]fileStat, len(files))
	order = make([]int, len(files))
	for i, path := range files {
		order[i] = i
		infos[i].Path = path
		fi, err := os.Stat(path)
		if err != nil {
			infos[i].err = err
			continue
		}
		infos[i].Size, infos[i].ModTime = fi.Size(), fi.ModTime()
		if w.store != nil {
			if sha, ok := w.store.Hash(path, infos[i].Size, infos[i].ModTime); ok {
				infos[i].SHA256 = sha
				known = append(known, sha)
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := &infos[order[a]], &infos[order[b]]
		if (x.SHA256 == "") != (y.SHA256 == "") {
			return x.SHA256 == ""
		}
		return x.Size > y.Size
	})
	return infos, order, known
}

// fileWorker screens one file at a time; it is shared by the pool's
// goroutines and holds no per-file state.
type fileWorker struct {
	extract   func(context.Context, string) (*parsers.Document, error)
	tax       *rules.Taxonomy
	set       *rules.Set
	asOf      time.Time
	store     Store
	rulesHash string
	log       *slog.Logger
}

// screen extracts, analyses and scores one file, through the store when
// there is one. It recovers from panics so that one file can never take
// down the batch.
func (w *fileWorker) screen(ctx context.Context, f fileStat) (rec Record, te, tm time.Duration) {
	path := f.Path
	defer func() {
		if p := recover(); p != nil {
			rec = Record{File: path, Status: StatusError, Error: "corrupt", Message: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	if w.store == nil {
		rec, _, te, tm = w.screenFresh(ctx, path)
		return rec, te, tm
	}
	if errors.Is(f.err, fs.ErrNotExist) {
		return Record{File: path, Status: statusGone}, 0, 0
	}
	if f.err != nil {
		return Record{File: path, Status: StatusError, Error: "error", Message: f.err.Error()}, 0, 0
	}
	info := f.FileInfo
	sha := info.SHA256
	if sha == "" {
		var err error
		if sha, err = hashFile(path); errors.Is(err, fs.ErrNotExist) {
			return Record{File: path, Status: statusGone}, 0, 0
		} else if err != nil {
			return Record{File: path, Status: StatusError, Error: "error", Message: err.Error()}, 0, 0
		}
	}
	info.SHA256 = sha
	c, err := w.store.Load(sha, w.rulesHash)
	if err != nil {
		w.log.Error("state read failed; screening afresh", "file", path, "err", err)
		c = Cached{}
	}
	switch {
	case c.Record != nil: // same content, same rules: nothing to do
		rec = *c.Record
	case c.Failed != nil:
		rec = *c.Failed
	case c.Doc != nil: // rules changed: score the stored text
		t1 := time.Now()
		rec = w.score(path, c.Doc)
		tm = time.Since(t1)
	default:
		var doc *parsers.Document
		rec, doc, te, tm = w.screenFresh(ctx, path)
		rec.File, rec.SHA256, rec.New = path, sha, !c.SeenBefore
		// Timeouts and memory failures may pass on another day; they are
		// retried rather than remembered.
		if ctx.Err() == nil && rec.Status != statusGone && rec.Error != "timeout" && rec.Error != "memory" && rec.Error != "cancelled" {
			if err := w.store.Save(info, doc, rec, w.rulesHash); err != nil {
				w.log.Error("state write failed", "file", path, "err", err)
			}
		}
		return rec, te, tm
	}
	rec.File, rec.SHA256, rec.New = path, sha, !c.SeenBefore
	if c.Doc != nil && c.Record == nil {
		if err := w.store.Save(info, c.Doc, rec, w.rulesHash); err != nil {
			w.log.Error("state write failed", "file", path, "err", err)
		}
	} else if err := w.store.Seen(info); err != nil {
		w.log.Error("state write failed", "file", path, "err", err)
	}
	return rec, te, tm
}

// screenFresh extracts and scores a file; doc is nil on failure.
func (w *fileWorker) screenFresh(ctx context.Context, path string) (rec Record, doc *parsers.Document, te, tm time.Duration) {
	t0 := time.Now()
	doc, err := w.extract(ctx, path)
	te = time.Since(t0)
	if err != nil {
		rec = Record{File: path, Status: StatusError, Error: parsers.Code(err), Message: err.Error()}
		if errors.Is(err, fs.ErrNotExist) {
			rec.Status = statusGone
		}
		if ctx.Err() != nil {
			rec.Error, rec.Message = "cancelled", "run cancelled"
		}
		return rec, nil, te, 0
	}
	t1 := time.Now()
	rec = w.score(path, doc)
	return rec, doc, te, time.Since(t1)
}

func (w *fileWorker) score(path string, doc *parsers.Document) Record {
	p := w.tax.Analyze(doc.Text, filepath.Base(path), w.asOf)
	res := w.set.Score(p)
	rec := Record{
		File: path, SHA256: doc.SHA256, Status: StatusOK, Format: string(doc.Format), Pages: doc.Pages, Bytes: doc.Bytes,
		Score: res.Score, Qualified: res.Qualified, Knockouts: res.Knockouts,
		Name: p.Name, Email: p.Email, Phone: p.Phone, Links: p.Links, YearsExperience: p.YearsExperience, Degrees: p.Degrees,
		Matched: res.Matched, Missing: res.Missing, MatchedPreferred: res.MatchedPreferred,
		SkillsFound: p.Skills, Breakdown: res.Breakdown,
	}
	if doc.Truncated {
		rec.Message = "text truncated at the size limit"
	}
	return rec
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// markDuplicates turns every ok record whose SHA-256 was seen on an earlier
// file (in sorted order) into a duplicate of it.
func markDuplicates(records []Record) {
	first := map[string]string{}
	for i := range records {
		r := &records[i]
		if r.Status != StatusOK {
			continue
		}
		if f, ok := first[r.SHA256]; ok {
			*r = Record{File: r.File, SHA256: r.SHA256, Status: StatusDuplicate, Error: "duplicate",
				Message: "same content as " + f, DuplicateOf: f}
			continue
		}
		first[r.SHA256] = r.File
	}
}

// rank orders records: ok records by qualified first, then score, then
// number of matched requirements, then file name; then duplicates, errors
// and skipped files by file name. It assigns ranks 1..n to ok records.
func rank(records []Record) []Record {
	order := map[Status]int{StatusOK: 0, StatusDuplicate: 1, StatusError: 2, StatusSkipped: 3}
	sort.SliceStable(records, func(i, j int) bool {
		a, b := &records[i], &records[j]
		if order[a.Status] != order[b.Status] {
			return order[a.Status] < order[b.Status]
		}
		if a.Status == StatusOK {
			if a.Qualified != b.Qualified {
				return a.Qualified
			}
			if a.Score != b.Score {
				return a.Score > b.Score
			}
			if len(a.Matched) != len(b.Matched) {
				return len(a.Matched) > len(b.Matched)
			}
		}
		return a.File < b.File
	})
	for i := range records {
		if records[i].Status == StatusOK {
			records[i].Rank = i + 1
		}
	}
	return records
}

func count(records []Record) Counts {
	c := Counts{Files: len(records)}
	for _, r := range records {
		switch r.Status {
		case StatusOK:
			c.Screened++
			if r.Qualified {
				c.Qualified++
			}
		case StatusError:
			c.Errors++
		case StatusSkipped:
			c.Skipped++
		case StatusDuplicate:
			c.Duplicates++
		}
	}
	return c
}
