package screener

import (
	"cmp"
	"context"
	"fmt"
	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/semaphore"
)

// fileStat is what a worker learns of a file before reading it.
type fileStat struct {
	FileInfo       // SHA256 set if the store knows this size and time
	err      error // from stat
}

// plan returns the order to screen files in, and how many of them, at its
// end, the store knows: with a store, files whose size and modification
// time are unchanged have a stored hash. Files to extract come first,
// largest first: starting the long jobs first keeps one big file from
// running alone at the end of a batch while the other workers idle; files
// with stored results are quick and fill in. The report's order does not
// depend on it. What plan learns of each file is dropped: a worker stats
// its file again when it takes it (see [fileWorker.stat]), so that a batch
// holds no more than the order in memory.
func (w *fileWorker) plan(files *fileList) (order []int32, known int) {
	n := files.len()
	order = make([]int32, n)
	size := make([]int64, n)
	isKnown := make([]bool, n)
	for i := range n {
		order[i] = int32(i)
		path, err := files.path(i)
		if err != nil {
			continue // the worker that takes it says why
		}
		fi, err := os.Stat(path)
		if err != nil {
			continue
		}
		size[i] = fi.Size()
		if w.store != nil {
			if _, ok := w.store.Hash(path, fi.Size(), fi.ModTime()); ok {
				isKnown[i] = true
				known++
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		if isKnown[a] != isKnown[b] {
			if isKnown[b] {
				return -1
			}
			return 1
		}
		return cmp.Compare(size[b], size[a])
	})
	return order, known
}

// stat returns what a worker learns of a file before reading it: its
// size and time, and, if ask is set, its hash if the store knows them.
func (w *fileWorker) stat(path string, ask bool) fileStat {
	f := fileStat{FileInfo: FileInfo{Path: path, Name: relName(w.roots, path)}}
	fi, err := os.Stat(path)
	if err != nil {
		f.err = err
		return f
	}
	f.Size, f.ModTime = fi.Size(), fi.ModTime()
	if w.store != nil && ask {
		if sha, ok := w.store.Hash(path, f.Size, f.ModTime); ok {
			f.SHA256 = sha
		}
	}
	return f
}

// fileWorker screens one file at a time; it is shared by the pool's
// goroutines and holds no per-file state.
type fileWorker struct {
	extract   func(context.Context, FileInfo) (*parsers.Document, error)
	tax       *rules.Taxonomy
	set       *rules.Set
	asOf      time.Time
	region    string
	store     Store
	rulesHash string
	newSince  time.Time
	log       *slog.Logger
	roots     []string // see [FileInfo].Name
	// analysing bounds the text analysed at once (see [analysisBudget]);
	// a text weighs its length, at most the budget.
	analysing *semaphore.Weighted
	budget    int64
}

// analysisBudget is how many bytes of text two workers analyse at once:
// the analysis of a text makes garbage many times its size, and the
// largest resumes (200 KB of text, a 50-page CV) are analysed first, so
// that two of them at once set a run's peak memory, the longer the more
// of them a batch has. A text of this size or more is analysed alone,
// while smaller ones share the budget; with more workers, each two of
// them add a budget, so that large batches of large resumes still spread
// over the cores.
const analysisBudget = 256 << 10

// weight is how much of the budget the analysis of doc takes.
func (w *fileWorker) weight(doc *parsers.Document) int64 {
	return min(int64(len(doc.Text)), analysisBudget, w.budget)
}

// newAnalysisBudget returns the semaphore of [analysisBudget] for a pool
// of workers, and its size.
func newAnalysisBudget(workers int) (*semaphore.Weighted, int64) {
	n := analysisBudget * int64(max(workers/2, 1))
	return semaphore.NewWeighted(n), n
}

// relName is path relative to the deepest of roots it lies under, with
// forward slashes, or its base name when it is a root itself or lies
// under none.
func relName(roots []string, path string) string {
	best := ""
	for _, r := range roots {
		rel, err := filepath.Rel(filepath.Clean(r), path)
		switch {
		case err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)):
		case rel == ".":
			return filepath.Base(path)
		case best == "" || len(rel) < len(best):
			best = rel
		}
	}
	if best == "" {
		return filepath.Base(path)
	}
	return filepath.ToSlash(best)
}

// screen hashes, extracts, analyses and scores one file, through the store
// when there is one. The file is read twice at most: once here for its
// hash (unless the store knows it from the file's size and time), once by
// the extraction. It recovers from panics so that one file can never take
// down the batch.
func (w *fileWorker) screen(ctx context.Context, f fileStat) (rec Record, te, tm time.Duration) {
	path := f.Path
	defer func() {
		if p := recover(); p != nil {
			rec = Record{File: path, Status: StatusError, Error: parsers.ReasonCorrupt, Message: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	if f.err == nil && f.SHA256 == "" {
		f.SHA256, f.err = HashFile(path)
	}
	switch {
	case parsers.Gone(f.err):
		return Record{File: path, Status: statusGone}, 0, 0
	case f.err != nil:
		return Record{File: path, Status: StatusError, Error: parsers.ReasonError, Message: f.err.Error()}, 0, 0
	}
	info, sha := f.FileInfo, f.SHA256
	if w.store == nil {
		rec, _, te, tm = w.screenFresh(ctx, info)
		return rec, te, tm
	}
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
		rec = w.score(ctx, path, sha, c.Doc)
		tm = time.Since(t1)
	default:
		var doc *parsers.Document
		rec, doc, te, tm = w.screenFresh(ctx, info)
		rec.New = w.isNew(c)
		// Timeouts, memory failures and killed workers may pass on another
		// day; they are retried rather than remembered.
		if ctx.Err() == nil && rec.Status != statusGone && !rec.Error.Transient() {
			if err := w.store.Save(info, doc, rec, w.rulesHash); err != nil {
				w.log.Error("state write failed", "file", path, "err", err)
			}
		}
		return rec, te, tm
	}
	rec.File, rec.SHA256, rec.New = path, sha, w.isNew(c)
	if c.Doc != nil && c.Record == nil {
		if err := w.store.Save(info, c.Doc, rec, w.rulesHash); err != nil {
			w.log.Error("state write failed", "file", path, "err", err)
		}
	} else if err := w.store.Seen(info); err != nil {
		w.log.Error("state write failed", "file", path, "err", err)
	}
	return rec, te, tm
}

// isNew says whether content is new: first seen in the New window (see
// [Options.NewSince]).
func (w *fileWorker) isNew(c Cached) bool {
	if w.newSince.IsZero() {
		return !c.SeenBefore
	}
	return c.FirstSeen.IsZero() || !c.FirstSeen.Before(w.newSince) // zero: first seen now
}

// screenFresh extracts and scores a file; doc is nil on failure.
func (w *fileWorker) screenFresh(ctx context.Context, f FileInfo) (rec Record, doc *parsers.Document, te, tm time.Duration) {
	path, sha := f.Path, f.SHA256
	t0 := time.Now()
	doc, err := w.extract(ctx, f)
	te = time.Since(t0)
	if err != nil {
		rec = Record{File: path, SHA256: sha, Status: StatusError, Error: parsers.Code(err), Message: err.Error()}
		if parsers.Gone(err) {
			rec.Status = statusGone
		}
		if ctx.Err() != nil {
			rec.Error, rec.Message = parsers.ReasonCancelled, "run cancelled"
		}
		return rec, nil, te, 0
	}
	t1 := time.Now()
	rec = w.score(ctx, path, sha, doc)
	return rec, doc, te, time.Since(t1)
}

// score analyses and scores doc, within the budget of text analysed at
// once (see [analysisBudget]).
func (w *fileWorker) score(ctx context.Context, path, sha string, doc *parsers.Document) Record {
	weight := w.weight(doc)
	if err := w.analysing.Acquire(ctx, weight); err != nil {
		return Record{File: path, SHA256: sha, Status: StatusError, Error: parsers.ReasonCancelled, Message: "run cancelled"}
	}
	defer w.analysing.Release(weight)
	r := rules.Resume{Text: doc.Text, PageHeader: doc.HeaderFooter, Region: w.region}
	if doc.Title != "" {
		r.Title = strings.Split(doc.Title, "\n")
	}
	p := w.tax.Analyze(r, w.asOf)
	rec := Record{
		File: path, SHA256: sha, Status: StatusOK, Format: string(doc.Format), Pages: doc.Pages, Bytes: doc.Bytes,
		OCR: doc.OCR, OCRConfidence: doc.OCRConfidence,
		Name: p.Name, Email: p.Email, Phone: p.Phone, Links: p.Links, YearsExperience: p.YearsExperience, Degrees: p.Degrees,
		NameSource: p.NameSource, EmailSource: p.EmailSource, PhoneSource: p.PhoneSource, Uncertain: p.Uncertain,
		Title: p.Title, TitleSource: p.TitleSource, Location: p.Location, LocationSource: p.LocationSource,
		SkillsFound: p.Skills,
	}
	if p.NotResume != nil {
		// Not ranked: a letter's "name" is its addressee, and a posting
		// matches its own requirements. Its contact details stay, to tie a
		// cover letter to its sender's resume.
		rec.Status, rec.Error = StatusSkipped, parsers.ReasonNotResume
		rec.Message = fmt.Sprintf("not a resume: looks like a %s (%s) (hint: %s)", p.NotResume.Kind, p.NotResume.Evidence, notResumeHint(p.NotResume.Kind))
		rec.SkillsFound = nil
		return rec
	}
	res := w.set.Score(p)
	rec.Score, rec.Qualified, rec.Knockouts = res.Score, res.Qualified, res.Knockouts
	rec.Matched, rec.Missing, rec.MatchedPreferred, rec.Breakdown = res.Matched, res.Missing, res.MatchedPreferred, res.Breakdown
	rec.AsOf = w.asOf.Format(time.DateOnly)
	if doc.Truncated {
		rec.Message = "text truncated at the size limit"
	}
	return rec
}

// notResumeHint says what to do with a document that is not a resume.
func notResumeHint(kind string) string {
	switch kind {
	case rules.KindJobPosting:
		return "a posting is read with -job, not screened as a candidate"
	case rules.KindReferenceLetter:
		return "keep it with the candidate's resume; it is not scored"
	}
	return "screen the candidate's resume; a resume that opens with a letter is screened when it has its own sections"
}
