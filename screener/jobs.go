package screener

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// Job is one opening screened in a run: its rules and where they came from.
type Job struct {
	// Name names the job's sheets and its JSON Lines records; "" means the
	// rules' title, else the source's file name.
	Name   string
	Rules  *rules.Set
	Source string // the posting or rule file the rules came from
}

// RunJobs screens the files under paths (see [Discover]) against every
// job: each file is extracted once and scored against each job's rules,
// giving one report per job, in the order of jobs, each equal to a run of
// [Run] with that job's rules alone, but for its Job. opts.Rules is
// ignored. With a Store, results are kept per job, as they are per rule set.
func RunJobs(ctx context.Context, paths []string, jobs []Job, opts Options) ([]*Report, error) {
	files, skipped, err := Discover(paths)
	if err != nil {
		return nil, err
	}
	opts.roots = paths
	return RunJobsFiles(ctx, files, skipped, jobs, opts)
}

// RunJobsFiles is [RunJobs] over a list of files already discovered.
func RunJobsFiles(ctx context.Context, files []string, skipped []Record, jobs []Job, opts Options) ([]*Report, error) {
	if len(jobs) == 0 {
		return nil, errors.New("no jobs")
	}
	extract := opts.Extract
	if extract == nil {
		extract = func(ctx context.Context, f FileInfo) (*parsers.Document, error) {
			return parsers.ExtractFile(ctx, f.Path, opts.Limits)
		}
	}
	once := &extractOnce{extract: extract, done: map[string]*extraction{}}
	names := jobNames(jobs)
	var reps []*Report
	for i, job := range jobs {
		o := opts
		o.Rules = job.Rules
		o.Extract = once.get
		rep, err := RunFiles(ctx, files, skipped, o)
		if err != nil {
			return nil, err
		}
		rep.Job = names[i]
		reps = append(reps, rep)
	}
	return reps, nil
}

// jobNames returns the names jobs go by: their Name, or their rules' title,
// or their source's file name, made unique with a number.
func jobNames(jobs []Job) []string {
	names := make([]string, len(jobs))
	seen := map[string]int{}
	for i, j := range jobs {
		n := strings.TrimSpace(j.Name)
		if n == "" && j.Rules != nil {
			n = strings.TrimSpace(j.Rules.Title)
		}
		if n == "" {
			n = strings.TrimSuffix(filepath.Base(j.Source), filepath.Ext(j.Source))
		}
		if n == "" || n == "." {
			n = fmt.Sprintf("Job %d", i+1)
		}
		seen[n]++
		if seen[n] > 1 {
			n = fmt.Sprintf("%s (%d)", n, seen[n])
		}
		names[i] = n
	}
	return names
}

// extractOnce extracts each file once however many jobs ask for it, and
// keeps the result for the run.
type extractOnce struct {
	extract func(context.Context, FileInfo) (*parsers.Document, error)
	mu      sync.Mutex
	done    map[string]*extraction
}

type extraction struct {
	once sync.Once
	doc  *parsers.Document
	err  error
}

func (e *extractOnce) get(ctx context.Context, f FileInfo) (*parsers.Document, error) {
	e.mu.Lock()
	x := e.done[f.Path]
	if x == nil {
		x = &extraction{}
		e.done[f.Path] = x
	}
	e.mu.Unlock()
	x.once.Do(func() { x.doc, x.err = e.extract(ctx, f) })
	return x.doc, x.err
}
