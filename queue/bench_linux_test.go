//go:build linux

package queue

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/screener/screener/screener"
)

// BenchmarkCoordination measures the ceiling of one coordinator and one
// PostgreSQL: b.N files (distinct contents, a few bytes each), each
// enqueued, claimed by one of four worker clients (in a process of their
// own), hashed there, "extracted" by a function that returns at once,
// stored and completed, and handed back. Besides files/s it reports the
// CPU time per file of the coordinator, of the database server and of the
// workers, so that the ceiling with the workers on other machines can be
// told from one where all share this one. QUEUE_BENCH_URL names a
// database to use (in a schema bench, made anew) instead of the test
// server; both run with fsync off.
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
		conn.Close(ctx)
		url += "&search_path=bench"
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
		sha, _ := screener.HashFile(p)
		files[i] = screener.FileInfo{Path: p, SHA256: sha}
	}
	workers := exec.Command(os.Args[0], "-test.run=^$")
	workers.Env = append(os.Environ(), "QUEUE_BENCH_WORKERS="+url+"\n"+dir)
	if err := workers.Start(); err != nil {
		b.Fatal(err)
	}
	c, err := NewCoordinator(pool, CoordinatorOptions{Root: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	server0, _ := serverCPU(b, pool, nil)
	self0 := selfCPU()
	sem := make(chan struct{}, 1024) // the files a distributed run keeps in flight
	b.ResetTimer()
	t0 := time.Now()
	var wg sync.WaitGroup
	for _, f := range files {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if _, err := c.Extract(ctx, f); err != nil {
				b.Error(err)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(t0)
	b.StopTimer()
	self := selfCPU() - self0
	_, server := serverCPU(b, pool, server0)
	workers.Process.Signal(syscall.SIGTERM)
	workers.Wait()
	n := float64(b.N)
	b.ReportMetric(n/elapsed.Seconds(), "files/s")
	b.ReportMetric(float64(self.Microseconds())/n, "coordinator-µs/file")
	b.ReportMetric(float64(server.Microseconds())/n, "postgres-µs/file")
	b.ReportMetric(float64((workers.ProcessState.UserTime()+workers.ProcessState.SystemTime()).Microseconds())/n, "workers-µs/file")
}

// selfCPU is the CPU time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// serverCPU returns the CPU time of the database server's processes
// (those pg_stat_activity lists: the connections and the background
// processes), as a map from process to time, or, given the map of an
// earlier call, the time used since. Processes that came and went between
// the calls are missed, which makes it a lower bound.
func serverCPU(b *testing.B, pool *pgxpool.Pool, before map[int]time.Duration) (now map[int]time.Duration, since time.Duration) {
	rows, err := pool.Query(context.Background(), `SELECT pid FROM pg_stat_activity`)
	if err != nil {
		b.Fatal(err)
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		b.Fatal(err)
	}
	now = map[int]time.Duration{}
	for _, pid := range pids {
		t, ok := processCPU(pid)
		if !ok {
			continue
		}
		now[pid] = t
		since += t - before[pid]
	}
	return now, since
}

// processCPU reads a process's CPU time from /proc (Linux).
func processCPU(pid int) (time.Duration, bool) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	// The fields after the command's closing parenthesis; utime and stime
	// are the 14th and 15th of the line, in clock ticks (100 a second).
	_, rest, ok := strings.Cut(line, ") ")
	fields := strings.Fields(rest)
	if !ok || len(fields) < 13 {
		return 0, false
	}
	u, _ := strconv.ParseInt(fields[11], 10, 64)
	s, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond, true
}
