package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/state"
	"github.com/xuri/excelize/v2"
)

// copyDir copies the example resumes into a fresh folder.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(to, 0o755)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(from, e.Name()))
		os.WriteFile(filepath.Join(to, e.Name()), b, 0o644)
	}
}

type record struct {
	File   string  `json:"file"`
	Status string  `json:"status"`
	Error  string  `json:"error"`
	Score  float64 `json:"score"`
	Rank   int     `json:"rank"`
	New    bool    `json:"new"`
}

func readJSONL(t *testing.T, path string) map[string]record {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]record{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(r.File)] = r
	}
	return out
}

// spoil overwrites a file with zeros of the same size and restores its
// modification time: screener, trusting size and time, must not read it.
func spoil(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, make([]byte, fi.Size()), 0o644)
	os.Chtimes(path, fi.ModTime(), fi.ModTime())
}

// TestIncrementalRuns runs with each kind of state: an SQLite file and a
// PostgreSQL database.
func TestIncrementalRuns(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { incrementalRuns(t, filepath.Join(t.TempDir(), "s.db")) })
	t.Run("postgres", func(t *testing.T) { incrementalRuns(t, pg.Database(t)) })
}

func incrementalRuns(t *testing.T, db string) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copyDir(t, resumes, in)
	jsonl := filepath.Join(dir, "o.jsonl")
	screen := func(extra ...string) map[string]record {
		t.Helper()
		args := append([]string{"screen", "-state", db, "-quiet", "-as-of", "2026-06-01", "-out", filepath.Join(dir, "o.xlsx"), "-jsonl", jsonl}, extra...)
		if code, _, stderr := runCLI(t, append(args, in)...); code != exitSomeBad {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return readJSONL(t, jsonl)
	}
	first := screen("-job", posting)
	if !first["alice.pdf"].New || first["alice.pdf"].Status != "ok" {
		t.Fatalf("first run: alice %+v", first["alice.pdf"])
	}

	// Unchanged files are not read again: a spoiled file keeps its result.
	spoil(t, filepath.Join(in, "alice.pdf"))
	os.WriteFile(filepath.Join(in, "zoe.txt"), []byte("Zoe Novak\nSkills: Go, PostgreSQL, Docker, Kubernetes\n"), 0o644)
	second := screen("-job", posting)
	if r := second["alice.pdf"]; r.Status != "ok" || r.Score != first["alice.pdf"].Score || r.New {
		t.Errorf("second run re-read or re-marked alice.pdf: %+v", r)
	}
	if !second["zoe.txt"].New {
		t.Errorf("zoe.txt not new: %+v", second["zoe.txt"])
	}

	// A changed rule set re-scores the stored text without reading files.
	rules := filepath.Join(dir, "r.yaml")
	os.WriteFile(rules, []byte("required: [Terraform]\n"), 0o644)
	third := screen("-rules", rules)
	if r := third["alice.pdf"]; r.Status != "ok" || r.Score != 100 {
		t.Errorf("re-scored alice.pdf: %+v, want ok with score 100 (Terraform is on her resume)", r)
	}

	// A renamed file is the same candidate, not a new one.
	os.Rename(filepath.Join(in, "bruno.docx"), filepath.Join(in, "bruno-silva.docx"))
	fourth := screen("-job", posting)
	if r := fourth["bruno-silva.docx"]; r.Status != "ok" || r.New || r.Score != first["bruno.docx"].Score {
		t.Errorf("renamed file: %+v", r)
	}

	code, out, _ := runCLI(t, "runs", "-state", db)
	if code != 0 || strings.Count(out, "\n") != 5 {
		t.Errorf("runs: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "forget", "-state", db, "-file", filepath.Join(in, "zoe.txt"))
	if code != 0 || !strings.Contains(out, "forgot 1") {
		t.Errorf("forget: exit %d %q", code, out)
	}
}

func TestStateLockedExitCode(t *testing.T) {
	for _, tt := range []struct {
		name string
		db   func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "s.db") }},
		{"postgres", func(t *testing.T) string { return pg.Database(t) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := tt.db(t)
			// The run of the posting's job, as the command names it.
			set, _, err := loadRules(context.Background(), posting, "", isolated(parsers.Limits{}))
			if err != nil {
				t.Fatal(err)
			}
			held, err := openState(context.Background(), db, state.Options{Job: set.Hash()})
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			// Given by the environment, as a URL with a password would be.
			t.Setenv(stateEnv, db)
			code, _, stderr := runCLI(t, "screen", "-job", posting, "-out", filepath.Join(t.TempDir(), "o.xlsx"), resumes)
			if code != exitLocked || !strings.Contains(stderr, "in use by another run") {
				t.Errorf("exit %d, stderr %q; want %d", code, stderr, exitLocked)
			}
		})
	}
}

// TestTwoJobsAtOnce: on a database, a run of another job goes ahead
// while a job's run holds its lock, and each finds the other's
// extractions.
func TestTwoJobsAtOnce(t *testing.T) {
	db := pg.Database(t)
	set, _, err := loadRules(context.Background(), posting, "", isolated(parsers.Limits{}))
	if err != nil {
		t.Fatal(err)
	}
	held, err := openState(context.Background(), db, state.Options{Job: set.Hash()})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copyDir(t, resumes, in)
	code, _, stderr := runCLI(t, "screen", "-quiet", "-state", db, "-rules", exampleRules, "-out", "", "-jsonl", filepath.Join(dir, "a.jsonl"), in)
	if code != exitSomeBad {
		t.Fatalf("a run of another job beside a held one: exit %d: %s", code, stderr)
	}
	// The posting's job, once free, reads none of the files again.
	held.Close()
	for _, e := range []string{"alice.pdf", "bruno.docx"} {
		spoil(t, filepath.Join(in, e))
	}
	code, _, stderr = runCLI(t, "screen", "-quiet", "-state", db, "-job", posting, "-out", "", "-jsonl", filepath.Join(dir, "b.jsonl"), in)
	if code != exitSomeBad {
		t.Fatalf("the posting's job: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"alice.pdf", "bruno.docx"} {
		if r := readJSONL(t, filepath.Join(dir, "b.jsonl"))[name]; r.Status != "ok" {
			t.Errorf("%s read again by the second job: %+v", name, r)
		}
	}
}

// makeResumes writes n small distinct text resumes.
func makeResumes(t *testing.T, dir string, n int) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	skills := []string{"Go", "Java", "Python", "PostgreSQL", "MySQL", "Docker", "Kubernetes", "Terraform", "AWS", "Kafka", "Scrum"}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Candidate Number%d\ncandidate%d@example.com\n\nSkills\n", i, i)
		for k := 0; k < 3+i%7; k++ {
			b.WriteString(skills[(i*7+k*3)%len(skills)] + ", ")
		}
		fmt.Fprintf(&b, "\n\nExperience\nEngineer, Firm %d — Jan %d – Present\n\nEducation\nBSc Computer Science\n", i, 2010+i%14)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(b.String()), 0o644)
	}
}

// TestKillNineLosesNothing kills a real screener process (this test binary
// acting as main) with SIGKILL at several points of a run, finishes the
// work with a second run, and checks that the outputs equal those of an
// uninterrupted run on a fresh state file.
func TestKillNineLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	makeResumes(t, in, 400)
	args := func(db, out string) []string {
		return []string{"screen", "-v", "-in-process", "-workers", "2", "-state", db, "-as-of", "2026-06-01",
			"-job", posting, "-out", out + ".xlsx", "-jsonl", out + ".jsonl", in}
	}
	// Reference: one uninterrupted run.
	if code, _, stderr := runCLI(t, args(filepath.Join(dir, "ref.db"), filepath.Join(dir, "ref"))...); code != 0 {
		t.Fatalf("reference run: exit %d: %s", code, stderr)
	}
	want, _ := os.ReadFile(filepath.Join(dir, "ref.jsonl"))

	for _, killAfter := range []int{1, 120, 350} {
		t.Run(fmt.Sprint("after ", killAfter, " files"), func(t *testing.T) {
			db, out := filepath.Join(dir, fmt.Sprint("k", killAfter, ".db")), filepath.Join(dir, fmt.Sprint("k", killAfter))
			cmd := exec.Command(os.Args[0], args(db, out)...)
			cmd.Env = append(os.Environ(), "SCREENER_TEST_AS_MAIN=1")
			stderr, _ := cmd.StderrPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stderr)
			done := 0
			for sc.Scan() && done < killAfter {
				if strings.Contains(sc.Text(), "file screened") {
					done++
				}
			}
			cmd.Process.Kill() // SIGKILL: no deferred cleanup runs
			go io.Copy(io.Discard, stderr)
			cmd.Wait()
			if _, err := os.Stat(out + ".jsonl"); err == nil {
				t.Fatal("the killed run finished before the kill; the test proves nothing")
			}
			code, _, errs := runCLI(t, args(db, out)...)
			if code != 0 || !strings.Contains(errs, "did not finish") && !strings.Contains(errs, "screened 400") {
				t.Fatalf("resumed run: exit %d: %s", code, errs)
			}
			got, _ := os.ReadFile(out + ".jsonl")
			if withoutRunAt(got) != withoutRunAt(want) {
				t.Error("outputs after kill -9 and resume differ from an uninterrupted run")
			}
		})
	}
}

// withoutRunAt drops the time of the run from JSON Lines, the one field
// that differs between two runs of the same work.
func withoutRunAt(jsonl []byte) string {
	return regexp.MustCompile(`,"run_at":"[^"]*"`).ReplaceAllString(string(jsonl), "")
}

func TestWatch(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for file events")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	os.MkdirAll(in, 0o755)
	makeResumes(t, in, 3)
	jsonl := filepath.Join(dir, "o.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		code, _, _ := runCLIContext(ctx, "watch", "-quiet", "-in-process", "-settle", "300ms", "-state", filepath.Join(dir, "s.db"),
			"-job", posting, "-out", filepath.Join(dir, "o.xlsx"), "-jsonl", jsonl, in)
		done <- code
	}()
	waitFor := func(what string, ok func(map[string]record) bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if b, err := os.ReadFile(jsonl); err == nil && len(b) > 0 {
				if ok(readJSONL(t, jsonl)) {
					return
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("timed out waiting for %s", what)
	}
	waitFor("the first run", func(m map[string]record) bool { return len(m) == 3 })

	// A burst of files, one of them written slowly, and one removed.
	makeResumes(t, filepath.Join(dir, "more"), 60)
	entries, _ := os.ReadDir(filepath.Join(dir, "more"))
	for i, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, "more", e.Name()))
		os.WriteFile(filepath.Join(in, fmt.Sprintf("new%02d.txt", i)), b, 0o644)
	}
	slow, _ := os.Create(filepath.Join(in, "slow.txt"))
	slow.WriteString("Slow Writer\nSkills: Go, ")
	time.Sleep(150 * time.Millisecond)
	slow.WriteString("Docker, Kubernetes, PostgreSQL\n")
	slow.Close()
	os.Remove(filepath.Join(in, "r0000.txt"))
	waitFor("the burst", func(m map[string]record) bool {
		_, gone := m["r0000.txt"]
		return len(m) == 2+60+1 && !gone && m["slow.txt"].Status == "ok"
	})
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("watch exit %d after cancel", code)
	}
	// New means the last 24 hours under watch: new00.txt has the content
	// of r0000.txt, which the first run saw, and is still new after the
	// rewrite the burst caused.
	if m := readJSONL(t, jsonl); !m["new00.txt"].New || !m["new30.txt"].New {
		t.Errorf("after a rewrite, new00.txt new=%v, new30.txt new=%v; want both new", m["new00.txt"].New, m["new30.txt"].New)
	}
}

// TestNewSince: -new-since sets the window of New; without it, New is what
// the last completed run had not seen.
func TestNewSince(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "ann.txt"), []byte("Ann Lee\nSkills: Go, PostgreSQL, Docker, Kubernetes\n"), 0o644)
	db, jsonl := filepath.Join(dir, "s.db"), filepath.Join(dir, "o.jsonl")
	screen := func(extra ...string) map[string]record {
		t.Helper()
		args := append([]string{"screen", "-state", db, "-quiet", "-in-process", "-job", posting, "-out", "", "-jsonl", jsonl}, extra...)
		if code, _, stderr := runCLI(t, append(args, in)...); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return readJSONL(t, jsonl)
	}
	if !screen()["ann.txt"].New {
		t.Fatal("first run: ann.txt not new")
	}
	tomorrow := time.Now().Add(24 * time.Hour).Format("2006-01-02")
	for _, tt := range []struct {
		flags []string
		want  bool
	}{
		{nil, false}, // seen by the last completed run
		{[]string{"-new-since", "1h"}, true},
		{[]string{"-new-since", "2000-01-01"}, true},
		{[]string{"-new-since", tomorrow}, false},
	} {
		if got := screen(tt.flags...)["ann.txt"].New; got != tt.want {
			t.Errorf("%v: ann.txt new=%v, want %v", tt.flags, got, tt.want)
		}
	}
	// The workbook names the window: a sheet of the new candidates and a
	// Summary line.
	xlsx := filepath.Join(dir, "o.xlsx")
	screen("-new-since", "2000-01-01", "-out", xlsx)
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) < 2 || sheets[1] != "New since 2000-01-01 00.00" {
		t.Errorf("sheets %v, want the second named after the window", sheets)
	}
	if rows, _ := wb.GetRows(sheets[1]); len(rows) != 2 || !slices.Contains(rows[0], "New") {
		t.Errorf("New sheet rows %v, want a header with New and ann.txt", rows)
	}
}

func runCLIContext(ctx context.Context, args ...string) (int, string, string) {
	var out, errb strings.Builder
	code := run(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestInterruptKeepsOldOutputs cancels a run part-way (as Ctrl-C does) and
// checks that it reports the interruption and leaves the previous outputs
// untouched: they are either complete or not written at all.
func TestInterruptKeepsOldOutputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	makeResumes(t, in, 3000)
	out := filepath.Join(dir, "shortlist.xlsx")
	os.WriteFile(out, []byte("yesterday's workbook"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(150*time.Millisecond, cancel)
	code, _, stderr := runCLIContext(ctx, "screen", "-job", posting, "-out", out, "-jsonl", filepath.Join(dir, "all.jsonl"), in)
	if code != exitFailure || !strings.Contains(stderr, "interrupted") || strings.Contains(stderr, "file failed") {
		t.Fatalf("exit %d, stderr %q; want %d and 'interrupted' (did the run finish before the cancel?)", code, stderr, exitFailure)
	}
	if b, _ := os.ReadFile(out); string(b) != "yesterday's workbook" {
		t.Error("the interrupted run replaced the workbook")
	}
	if _, err := os.Stat(filepath.Join(dir, "all.jsonl")); err == nil {
		t.Error("the interrupted run wrote JSON Lines")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestStateCommandsNeedExistingDatabase: runs and forget on a database
// without screener's tables fail, and create none.
func TestStateCommandsNeedExistingDatabase(t *testing.T) {
	db := pg.Database(t)
	for _, args := range [][]string{{"runs", "-state", db}, {"forget", "-state", db, "-email", "a@example.com"}} {
		if code, _, stderr := runCLI(t, args...); code != exitFailure || !strings.Contains(stderr, "no screener tables") {
			t.Errorf("%s: exit %d, %q", args[0], code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, "runs", "-state", db); code != exitFailure {
		t.Errorf("runs after forget: exit %d, %q; forget created the tables", code, stderr)
	}
}

// TestWatchStopsWhenLockLost: a watch whose database connection holding
// the run lock dies stops with a clear error instead of going on writing
// without the lock.
func TestWatchStopsWhenLockLost(t *testing.T) {
	db := pg.Database(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	makeResumes(t, in, 3)
	jsonl := filepath.Join(dir, "o.jsonl")
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := runCLIContext(context.Background(), "watch", "-quiet", "-in-process", "-settle", "300ms", "-state", db,
			"-job", posting, "-out", filepath.Join(dir, "o.xlsx"), "-jsonl", jsonl, in)
		done <- result{code, stderr}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if b, err := os.ReadFile(jsonl); err == nil && len(b) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the watch wrote no first report")
		}
		time.Sleep(50 * time.Millisecond)
	}
	raw, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted`); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if r.code != exitFailure || !strings.Contains(r.stderr, "lost the run lock") {
			t.Errorf("watch after its lock was lost: exit %d, %q", r.code, r.stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the watch went on 15 s after its lock was lost")
	}
}
