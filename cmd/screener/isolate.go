package main

import (
	"context"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/worker"
)

// extractIsolated reads one file in a worker process under the default
// time and memory limits, as screen reads resumes: a posting or a resume
// that loops a parser or exhausts memory is stopped, not waited for.
func extractIsolated(ctx context.Context, path string, lim parsers.Limits) (*parsers.Document, error) {
	sup := worker.NewSupervisor(worker.Options{Command: workerCommand(), Limits: lim})
	defer sup.Close()
	return sup.Extract(ctx, path)
}

// reader reads the text of the file at path: [extractIsolated], or a
// worker of the run's own.
type reader func(ctx context.Context, path string) (*parsers.Document, error)

// isolated is the reader that reads each file with [extractIsolated].
func isolated(lim parsers.Limits) reader {
	return func(ctx context.Context, path string) (*parsers.Document, error) {
		return extractIsolated(ctx, path, lim)
	}
}
