package screener

import (
	"time"

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
type Report struct {
	Records  []Record // ok (ranked), then same_person, duplicate, error and skipped, each by path
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
}

// Counts summarise a report.
type Counts struct {
	Files, Screened, Qualified, Errors, Skipped, Duplicates, SamePerson int
}
