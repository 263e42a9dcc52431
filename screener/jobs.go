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
	files, skipped, err := discover(paths)
	if err != nil {
		return nil, err
	}
	opts.roots = paths
	return runJobs(ctx, files, skipped, jobs, opts)
}

// RunJobsFiles is [RunJobs] over a list of files already discovered.
func RunJobsFiles(ctx context.Context, files []string, skipped []Record, jobs []Job, opts Options) ([]*Report, error) {
	l, err := listOf(files)
	if err != nil {
		return nil, err
	}
	return runJobs(ctx, l, skipped, jobs, opts)
}

// runJobs is [RunJobsFiles] over files in path order.
func runJobs(ctx context.Context, files *fileList, skipped []Record, jobs []Job, opts Options) ([]*Report, error) {
	if len(jobs) == 0 {
		return nil, errors.New("no jobs")
	}
	extract := opts.Extract
	if extract == nil {
		extract = func(ctx context.Context, f FileInfo) (*parsers.Document, error) {
			return parsers.ExtractFile(ctx, f.Path, opts.Limits)
		}
	}
	closeNames, err := files.spillNames(opts.TempDir) // once for every job's run
	if err != nil {
		return nil, err
	}
	defer closeNames()
	docs, err := newSpill(opts.TempDir)
	if err != nil {
		return nil, err
	}
	defer docs.close()
	once := &extractOnce{extract: extract, done: map[string]*extraction{}, docs: docs}
	names := jobNames(jobs)
	var reps []*Report
	for i, job := range jobs {
		o := opts
		o.Rules = job.Rules
		o.Extract = once.get
		o.job, o.again = names[i], i > 0
		rep, err := runFiles(ctx, files, skipped, o)
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
// keeps the result for the run: the document in a [spill] (the jobs run
// one after the other, so every text would otherwise stay in memory from
// the first job to the last), its failure in memory.
type extractOnce struct {
	extract func(context.Context, FileInfo) (*parsers.Document, error)
	mu      sync.Mutex
	done    map[string]*extraction
	docs    *spill
}

type extraction struct {
	once   sync.Once
	off    int64
	size   uint32
	stored bool // a document is in the spill at off
	err    error
	// spillErr is from putting the document in the spill.
	spillErr error
}

func (e *extractOnce) get(ctx context.Context, f FileInfo) (*parsers.Document, error) {
	e.mu.Lock()
	x := e.done[f.Path]
	if x == nil {
		x = &extraction{}
		e.done[f.Path] = x
	}
	e.mu.Unlock()
	var first *parsers.Document // the document, for the caller that extracts it
	x.once.Do(func() {
		first, x.err = e.extract(ctx, f)
		if first != nil {
			if x.off, x.size, x.spillErr = e.docs.putValue(first); x.spillErr == nil {
				x.spillErr = e.docs.sync()
			}
			x.stored = x.spillErr == nil
		}
	})
	switch {
	case first != nil:
		return first, x.err
	case x.spillErr != nil:
		return nil, x.spillErr
	case !x.stored:
		return nil, x.err
	}
	doc := &parsers.Document{}
	if _, err := e.docs.getValue(x.off, x.size, nil, doc); err != nil {
		return nil, err
	}
	return doc, x.err
}
