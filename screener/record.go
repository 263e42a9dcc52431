package screener

import (
	"slices"
	"time"
	"unicode/utf8"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// Status of a file in a report.
type Status string

// Statuses, in the order reports list them.
const (
	StatusOK Status = "ok"
	// StatusSamePerson is a scored resume of a candidate who sent another
	// version that ranks higher (see SamePersonAs); it is not ranked.
	StatusSamePerson Status = "same_person"
	StatusDuplicate  Status = "duplicate"
	StatusError      Status = "error"
	StatusSkipped    Status = "skipped"

	// statusGone marks a file removed while the run read it: it is no
	// longer an input, and the report leaves it out.
	statusGone Status = "gone"
)

// Record is the outcome for one input file: a scored candidate, or why not.
type Record struct {
	File string `json:"file"`
	// FileBytes is File when File is not valid UTF-8 (a Latin-1 name from
	// a zip made on Windows): JSON shows such a name with U+FFFD for each
	// invalid byte, and this field (base64) gives it exactly.
	FileBytes   []byte         `json:"file_bytes,omitempty"`
	SHA256      string         `json:"sha256,omitempty"`
	Status      Status         `json:"status"`
	Error       parsers.Reason `json:"error,omitempty"`   // why the file was not scored
	Message     string         `json:"message,omitempty"` // human-readable reason
	DuplicateOf string         `json:"duplicate_of,omitempty"`
	// SamePersonAs is, for status same_person, the file of the candidate's
	// ranked version.
	SamePersonAs string   `json:"same_person_as,omitempty"`
	Rank         int      `json:"rank,omitempty"` // 1-based among status ok
	New          bool     `json:"new,omitempty"`  // with a Store: first seen since the last completed run
	Score        float64  `json:"score"`
	Qualified    bool     `json:"qualified"`
	Knockouts    []string `json:"knockouts,omitempty"`
	Name         string   `json:"name,omitempty"`
	NameSource   string   `json:"name_source,omitempty"` // where Name came from, or why it is empty (see rules.Profile)
	Email        string   `json:"email,omitempty"`
	EmailSource  string   `json:"email_source,omitempty"`
	Phone        string   `json:"phone,omitempty"`
	PhoneSource  string   `json:"phone_source,omitempty"`
	// Title is the current job title and Location where the candidate
	// lives, when found, with their sources (see rules.Profile).
	Title            string         `json:"title,omitempty"`
	TitleSource      string         `json:"title_source,omitempty"`
	Location         string         `json:"location,omitempty"`
	LocationSource   string         `json:"location_source,omitempty"`
	Uncertain        []string       `json:"uncertain,omitempty"` // fields whose value is a guess: "name", "email", "phone", "title", "location"
	Links            []string       `json:"links,omitempty"`
	YearsExperience  *float64       `json:"years_experience"` // nil: no dated role found
	Degrees          []rules.Degree `json:"degrees,omitempty"`
	Matched          []string       `json:"matched"`
	Missing          []string       `json:"missing"`
	MatchedPreferred []string       `json:"matched_preferred"`
	SkillsFound      []rules.Found  `json:"skills_found"`
	Breakdown        []rules.Line   `json:"breakdown,omitempty"`
	// AsOf is the date "Present" meant when this result was scored
	// (YYYY-MM-DD): the run's -as-of, or for a result reused from a Store,
	// that of the run that scored it.
	AsOf   string `json:"as_of,omitempty"`
	Format string `json:"format,omitempty"`
	Pages  int    `json:"pages,omitempty"`
	Bytes  int64  `json:"bytes,omitempty"`
	// OCR is set when the text was read from a scan or photo with OCR;
	// OCRConfidence is then the mean word confidence, 0–100.
	OCR           bool    `json:"ocr,omitempty"`
	OCRConfidence float64 `json:"ocr_confidence,omitempty"`
}

// Progress is a snapshot of a run.
type Progress struct {
	Done, Total, Errors int
	Elapsed             time.Duration
}

// Report is the result of a run: every input file exactly once.
//
// A report made by [Run] keeps its records in a temporary file, not in
// memory, so that a run's memory does not grow with its batch: read them
// with [Report.Each] (or [Report.Load]), and call [Report.Close] when done.
// A report made by hand holds them in Records.
type Report struct {
	// Records, in a report made by hand, are its records: ok (ranked),
	// then same_person, duplicate, error and skipped, each by path. nil in
	// a report made by [Run].
	Records  []Record
	Started  time.Time
	Elapsed  time.Duration
	Counts   Counts
	RuleHash string
	// Job names the job of a run over several (see [RunJobs]); "" for a
	// run of one.
	Job string
	// Version is the screener version that ran (Options.Version), and
	// AsOf the date "Present" meant in this run's scoring.
	Version string
	AsOf    time.Time
	// Incremental is set when the run used a Store: records carry New.
	Incremental bool
	// NewSince is the start of the New window of an incremental run; zero
	// means since the last completed run.
	NewSince time.Time
	// Time spent, summed over workers: extraction, and matching with scoring.
	ExtractTime, MatchTime time.Duration

	// A report made by Run keeps its records in src, and its entries, n
	// of them in order, in src too, at entriesAt (see [spill.putEntries]):
	// the writers read them a chunk at a time, so that they take no memory
	// while the outputs are written, whatever the batch.
	src       *spill
	entriesAt int64
	n         int
	// limits, in a copy made by [Report.Shortlist], say which ok records
	// it lists.
	limits []shortlistLimit
	// tempDir is the run's Options.TempDir: the writers' temporary files
	// go there too.
	tempDir string
}

// scan calls fn with each of the report's entries in order, and the
// source of their records; it stops at the first error, which it
// returns. fn must not keep the entry.
func (r *Report) scan(fn func(e *entry, src recordSource) error) error {
	if r.src == nil {
		for i := range r.Records {
			e := newEntry(&r.Records[i], int32(i), int64(i), 0)
			if err := fn(&e, memRecords(r.Records)); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		es     []entry
		buf    []byte
		err    error
		listed = make([]int, len(r.limits)) // ok records each limit has let through
	)
	for at := 0; at < r.n; at += len(es) {
		es, buf, err = r.src.readEntries(r.entriesAt+int64(at)*entrySize, min(r.n-at, entryChunk), es, buf)
		if err != nil {
			return err
		}
		for i := range es {
			e := &es[i]
			if e.status == codeOK && !r.listed(e, listed) {
				continue
			}
			if err := fn(e, r.src); err != nil {
				return err
			}
		}
	}
	return nil
}

// shortlistLimit is what [Report.Shortlist] lists of the ok records: the
// best top (0: all) scoring minScore or more.
type shortlistLimit struct {
	top      int
	minScore float64
}

// listed reports whether a copy made by [Report.Shortlist] lists the ok
// record of e, the next in order; listed counts, for each of its limits,
// the records it has let through so far.
func (r *Report) listed(e *entry, listed []int) bool {
	for i, l := range r.limits {
		if e.score < l.minScore || (l.top > 0 && listed[i] >= l.top) {
			return false
		}
		listed[i]++
	}
	return true
}

// Each calls fn with every record of the report, in order, and stops at
// the first error, which it returns. fn must not keep the record or
// change it.
func (r *Report) Each(fn func(*Record) error) error { return r.each(nil, fn) }

// each is [Report.Each] over the records whose entry keep accepts (nil:
// all).
func (r *Report) each(keep func(*entry) bool, fn func(*Record) error) error {
	var buf []byte
	return r.scan(func(e *entry, src recordSource) error {
		if keep != nil && !keep(e) {
			return nil
		}
		rec, b, err := src.load(e, buf)
		if err != nil {
			return err
		}
		buf = b
		rec.Rank = int(e.rank)
		if !utf8.ValidString(rec.File) {
			rec.FileBytes = []byte(rec.File)
		}
		return fn(&rec)
	})
}

// countOf counts the entries keep accepts.
func (r *Report) countOf(keep func(*entry) bool) int {
	n := 0
	r.scan(func(e *entry, _ recordSource) error { // an entry that cannot be read is an error for the writer that reads its record
		if keep(e) {
			n++
		}
		return nil
	})
	return n
}

// Load returns every record of the report, in order, in memory: for tests
// and small batches.
func (r *Report) Load() ([]Record, error) {
	var recs []Record
	err := r.Each(func(rec *Record) error {
		recs = append(recs, *rec)
		return nil
	})
	return recs, err
}

// Close frees the temporary file of a report made by [Run]; the report's
// records cannot be read after. Reports that share it (see
// [Report.Shortlist]) are closed with it. Close is safe to call twice.
func (r *Report) Close() error {
	if r.src == nil {
		return nil
	}
	return r.src.close()
}

// Shortlist returns a copy of the report that lists only the best top
// ranked candidates (0: all) scoring minScore or more; the other records
// (same person, duplicates, errors, skipped files) all stay, and so do
// Counts. The copy shares the report's records.
func (r *Report) Shortlist(top int, minScore float64) *Report {
	if top <= 0 && minScore <= 0 {
		return r
	}
	c := *r
	n := 0
	listed := func(ok bool, score float64) bool {
		if !ok {
			return true
		}
		if score < minScore || (top > 0 && n >= top) {
			return false
		}
		n++
		return true
	}
	if r.src != nil {
		c.limits = append(slices.Clip(r.limits), shortlistLimit{top, minScore})
		return &c
	}
	c.Records = nil
	for _, rec := range r.Records {
		if listed(rec.Status == StatusOK, rec.Score) {
			c.Records = append(c.Records, rec)
		}
	}
	return &c
}

// rows are some of a report's records, in order, read one at a time.
type rows struct {
	n    int
	each func(fn func(*Record) error) error
}

// rows returns the report's records whose entry keep accepts.
func (r *Report) rows(keep func(*entry) bool) rows {
	return rows{n: r.countOf(keep), each: func(fn func(*Record) error) error { return r.each(keep, fn) }}
}

// mapped returns the rows with f applied to each record.
func (rs rows) mapped(f func(Record) Record) rows {
	each := rs.each
	rs.each = func(fn func(*Record) error) error {
		return each(func(r *Record) error {
			m := f(*r)
			return fn(&m)
		})
	}
	return rs
}

// Filters of a report's entries.
func isOK(e *entry) bool    { return e.status == codeOK }
func isNotOK(e *entry) bool { return e.status != codeOK }
func isNewOK(e *entry) bool { return e.status == codeOK && e.isNew }

// Counts summarise a report.
type Counts struct {
	Files, Screened, Qualified, Errors, Skipped, Duplicates, SamePerson int
	// New counts the ranked candidates marked New (runs with a Store).
	New int
}
