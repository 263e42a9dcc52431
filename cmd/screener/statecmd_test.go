package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/state"
)

// screenedState screens one resume with -state from inside dir and
// returns the state file and the resume's path relative to dir.
func screenedState(t *testing.T) (dir, db, rel string) {
	t.Helper()
	dir = t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	os.WriteFile(filepath.Join(in, "ada.txt"), []byte("Ada Example\nada@example.org\nSkills: Go, Docker\n"), 0o644)
	db = filepath.Join(dir, "s.db")
	rulesPath, err := filepath.Abs(exampleRules)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if code, _, stderr := runCLI(t, "screen", "-quiet", "-state", db, "-rules", rulesPath, "-out", "", "-jsonl", filepath.Join(dir, "o.jsonl"), "in"); code != exitOK {
		t.Fatalf("screen: exit %d: %s", code, stderr)
	}
	return dir, db, filepath.Join("in", "ada.txt")
}

func TestForgetFileByAnyPath(t *testing.T) {
	// "name" is the path relative to the folder screened, as another
	// machine sharing the state knows the file.
	for _, form := range []string{"relative", "absolute", "dotted", "name"} {
		t.Run(form, func(t *testing.T) {
			dir, db, rel := screenedState(t)
			arg := map[string]string{"relative": rel, "absolute": filepath.Join(dir, rel), "dotted": "./in/../in/ada.txt", "name": "ada.txt"}[form]
			code, out, stderr := runCLI(t, "forget", "-state", db, "-file", arg)
			if code != exitOK || !strings.Contains(out, "forgot 1") {
				t.Errorf("forget -file %s: exit %d, %q %q", arg, code, out, stderr)
			}
		})
	}
}

func TestForgetNothingMatched(t *testing.T) {
	_, db, _ := screenedState(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-email", "nobody@example.org"}, exitFailure, "nothing stored matches"},
		{[]string{"-file", "in/other.txt"}, exitFailure, "nothing stored matches"},
		{[]string{"-sha256", "zzz"}, exitUsage, "want 64 hexadecimal digits"},
		{[]string{"-sha256", strings.Repeat("g", 64)}, exitUsage, "want 64 hexadecimal digits"},
		{[]string{"-sha256", strings.Repeat("a", 64)}, exitFailure, "nothing stored matches"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, append([]string{"forget", "-state", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("forget %v: exit %d, %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

func TestStateCommandsOnMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{{"runs", "-state", missing}, {"forget", "-state", missing, "-email", "a@example.org"}} {
		code, _, stderr := runCLI(t, args...)
		if code != exitFailure || !strings.Contains(stderr, "state file does not exist: "+missing) {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}
}

// TestRunsWhileLocked: the run history can be read while another process
// (a watch) holds the state file.
func TestRunsWhileLocked(t *testing.T) {
	_, db, _ := screenedState(t)
	held, err := state.Open(db, state.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := held.BeginRun("r"); err != nil { // a run in progress, uncommitted outcomes and all
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "runs", "-state", db)
	if code != exitOK || strings.Count(out, "\n") != 3 || !strings.Contains(out, "RUN") {
		t.Errorf("runs while locked: exit %d, %q %q; want the header, the finished run and the running one", code, out, stderr)
	}
}

func TestDamagedStateFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	os.WriteFile(db, []byte(strings.Repeat("not a database ", 1000)), 0o644)
	code, _, stderr := runCLI(t, "screen", "-state", db, "-rules", exampleRules, "-out", "", "-jsonl", filepath.Join(dir, "o.jsonl"), oneResume(t))
	if code != exitFailure || !strings.Contains(stderr, "state file is damaged") || !strings.Contains(stderr, "hint: move it aside") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// TestWatchEmptyInboxNotInterrupted: a watch's first scan of an empty
// inbox is a finished run, not one that looks interrupted.
func TestWatchEmptyInboxNotInterrupted(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	os.Mkdir(inbox, 0o755)
	db := filepath.Join(dir, "s.db")
	f := screenFlags{jobs: jobList{{path: exampleRules, rules: true}}, out: filepath.Join(dir, "o.xlsx"), statePath: db, storeText: true, quiet: true, logFormat: "text"}
	s, err := newSession(context.Background(), f, []string{inbox}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s.watching = true
	code, err := s.once(context.Background())
	s.close()
	if err != nil || code != exitNothing {
		t.Fatalf("first scan: %d, %v; want %d (nothing screened)", code, err, exitNothing)
	}
	r, err := state.Open(db, state.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	runs, err := r.Runs()
	if err != nil || len(runs) != 1 || runs[0].ExitCode != exitNothing || runs[0].Ended.IsZero() {
		t.Errorf("runs %+v, %v; want one finished run", runs, err)
	}
	if _, err := os.Stat(f.out); err != nil {
		t.Errorf("no workbook for the empty inbox: %v", err)
	}
}

// TestStateMigrate: a state file copied into a database serves the next
// run as the file would: no resume is read again (each is spoiled first),
// and the outputs equal those of the same run on the file.
func TestStateMigrate(t *testing.T) {
	url := pg.Database(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	copyDir(t, resumes, in)
	file := filepath.Join(dir, "s.db")
	screen := func(st, jsonl string) {
		t.Helper()
		code, _, stderr := runCLI(t, "screen", "-quiet", "-state", st, "-job", posting, "-as-of", "2026-06-01", "-out", "", "-jsonl", jsonl, in)
		if code != exitSomeBad {
			t.Fatalf("screen -state %s: exit %d: %s", st, code, stderr)
		}
	}
	screen(file, filepath.Join(dir, "first.jsonl"))

	code, out, stderr := runCLI(t, "state", "migrate", "-from", file, "-to", url)
	if code != exitOK {
		t.Fatalf("migrate: exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(out, "\n")[1:5] {
		f := strings.Fields(line)
		if len(f) != 3 || f[1] != f[2] || f[1] == "0" {
			t.Errorf("migrate: row counts %q, want equal and not zero", line)
		}
	}
	if !strings.Contains(out, "every row read is in the database") {
		t.Errorf("migrate: %q", out)
	}

	entries, _ := os.ReadDir(in)
	for _, e := range entries {
		spoil(t, filepath.Join(in, e.Name()))
	}
	screen(url, filepath.Join(dir, "db.jsonl"))
	screen(file, filepath.Join(dir, "file.jsonl"))
	fromDB, _ := os.ReadFile(filepath.Join(dir, "db.jsonl"))
	fromFile, _ := os.ReadFile(filepath.Join(dir, "file.jsonl"))
	first, _ := os.ReadFile(filepath.Join(dir, "first.jsonl"))
	if withoutRunAt(fromDB) != withoutRunAt(fromFile) {
		t.Errorf("the run on the database differs from the run on the file:\n%s\nwant\n%s", fromDB, fromFile)
	}
	if strings.Count(withoutRunAt(first), `"status":"ok"`) != strings.Count(withoutRunAt(fromDB), `"status":"ok"`) {
		t.Error("a spoiled resume was read again after the migration")
	}
}

func TestStateMigrateUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"state"}, "usage: screener state migrate"},
		{[]string{"state", "copy"}, "usage: screener state migrate"},
		{[]string{"state", "migrate", "-to", "postgres://h/db"}, "usage: screener state migrate"},
		{[]string{"state", "migrate", "-from", "s.db", "-to", "other.db"}, "-to: want a postgres:// URL"},
		{[]string{"state", "migrate", "-from", "postgres://h/db", "-to", "postgres://h/db2"}, "-from: want an SQLite state file"},
	} {
		t.Setenv(stateEnv, "")
		if code, _, stderr := runCLI(t, tt.args...); code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.want)
		}
	}
}
