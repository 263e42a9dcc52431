package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
)

// BenchmarkCoordination measures the ceiling of one coordinator and one
// PostgreSQL: b.N files (distinct contents, a few bytes each), each
// enqueued, claimed by one of four worker clients, hashed there,
// "extracted" by a function that returns at once, stored and completed
// in one transaction, and handed back. The files/s it reports is what
// the queue could feed machines whose extraction took no time.
// QUEUE_BENCH_URL names a database to use (in a schema bench, made anew) instead of the test
// server (which runs with fsync off).
func BenchmarkCoordination(b *testing.B) {
	ctx := context.Background()
	url := os.Getenv("QUEUE_BENCH_URL")
	if url == "" {
		url = pg.Database(b)
	} else {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench`); err != nil {
			b.Fatal(err)
		}
		url += "&search_path=bench"
		conn.Close(ctx)
	}
	pool, err := Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	dir := b.TempDir()
	files := make([]screener.FileInfo, b.N)
	for i := range files {
		p := filepath.Join(dir, fmt.Sprintf("%07d.txt", i))
		os.WriteFile(p, []byte(fmt.Sprintf("resume %d", i)), 0o644)
		sha, _ := hashFile(p)
		files[i] = screener.FileInfo{Path: p, SHA256: sha}
	}
	doc := &parsers.Document{Format: parsers.Text, Text: "Go developer"}
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Work(wctx, pool, WorkerOptions{Root: dir, Workers: 100, Extract: func(context.Context, string, Settings) (*parsers.Document, error) { return doc, nil }})
		}()
	}
	defer func() { stop(); wg.Wait() }()
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	sem := make(chan struct{}, 1024) // the files a distributed run keeps in flight
	b.ResetTimer()
	t0 := time.Now()
	var fails sync.WaitGroup
	for _, f := range files {
		sem <- struct{}{}
		fails.Add(1)
		go func() {
			defer func() { <-sem; fails.Done() }()
			if _, err := c.Extract(ctx, f); err != nil {
				b.Error(err)
			}
		}()
	}
	fails.Wait()
	b.ReportMetric(float64(b.N)/time.Since(t0).Seconds(), "files/s")
}
