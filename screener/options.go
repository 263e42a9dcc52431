package screener

import (
	"context"
	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"log/slog"
	"time"
)

// Options configure [Run]. The zero value of each field is documented.
type Options struct {
	// Rules are what resumes are scored against, and carry the taxonomy
	// they are matched with (see rules.Set.Taxonomy). Required.
	Rules *rules.Set
	// Workers bounds concurrent files; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Extract reads one file, whose size and content hash f gives; nil
	// means parsers.ExtractFile of f.Path in-process with Limits. The
	// command passes a worker.Supervisor's Extract (package parsers/worker),
	// or a queue.Coordinator's, which has the file extracted on other
	// machines (package queue).
	Extract func(ctx context.Context, f FileInfo) (*parsers.Document, error)
	Limits  parsers.Limits
	// AsOf is the date "Present" means in experience ranges; zero means now.
	AsOf time.Time
	// Region is the ISO 3166 code of the country whose phone numbers may
	// be written without a country code (see rules.Resume); "" means
	// unknown: such numbers are kept as written.
	Region string
	// Logger receives one line per failed file; nil means silent.
	Logger *slog.Logger
	// Progress, if set, is called after each file from a single goroutine.
	Progress func(Progress)
	// Store, if set, remembers extractions and results between runs: files
	// whose content and rules are unchanged are not read again. nil means
	// a stateless run.
	Store Store
	// Version is the screener version recorded in the outputs, so that a
	// run can be reproduced; "" means unknown.
	Version string
	// TempDir is the folder of the temporary file that holds the run's
	// records until its report is closed (see [Report]); "" means
	// os.TempDir. The command puts it beside the outputs: a /tmp held in
	// memory (tmpfs) would keep the records in memory after all.
	TempDir string
	// NewSince, with a Store, marks as New the candidates whose content was
	// first seen at or after it; zero means those first seen since the
	// last completed run.
	NewSince time.Time

	// roots are the paths files were discovered under, set by [Run] and
	// [RunJobs], for [FileInfo].Name.
	roots []string
	// job names the job of a run of several (see [RunJobs]) in the lines
	// logged of each file; again says an earlier job's run of the same
	// files logged their failures already, so they are not logged twice.
	job   string
	again bool
}
