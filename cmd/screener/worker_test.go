package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDistributedScreen: 'screen -distributed' with two 'worker'
// commands (each with its own extraction processes) writes the JSON Lines
// of a run on one machine, and its workbook opens with the same
// shortlist.
func TestDistributedScreen(t *testing.T) {
	url := pg.Database(t)
	const root = "../../testdata/example"
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stderr strings.Builder
			if code := run(ctx, []string{"worker", "-quiet", "-state", url, "-root", root, "-workers", "2"}, io.Discard, &stderr); code != 0 {
				t.Errorf("worker exited %d: %s", code, stderr.String())
			}
		}()
	}
	defer func() { cancel(); wg.Wait() }()
	dir := t.TempDir()
	local, remote := filepath.Join(dir, "local.jsonl"), filepath.Join(dir, "remote.jsonl")
	common := []string{"-rules", root + "/backend-rules.yaml", "-as-of", "2026-06-01", "-quiet"}
	if code, _, stderr := runCLI(t, append([]string{"screen", "-out", "", "-jsonl", local, resumes}, common...)...); code != exitSomeBad {
		t.Fatalf("local run exited %d: %s", code, stderr)
	}
	args := append([]string{"screen", "-distributed", "-state", url, "-root", root, "-out", filepath.Join(dir, "remote.xlsx"), "-jsonl", remote, resumes}, common...)
	if code, _, stderr := runCLI(t, args...); code != exitSomeBad {
		t.Fatalf("distributed run exited %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(local)
	b, _ := os.ReadFile(remote)
	// A run with -state marks first-seen candidates New.
	got := strings.ReplaceAll(withoutRunAt(b), `"new":true,`, "")
	if want := withoutRunAt(a); got != want || len(want) == 0 {
		t.Errorf("distributed JSON Lines differ from a local run's:\n%s\nwant:\n%s", got, want)
	}
	wb, err := excelize.OpenFile(filepath.Join(dir, "remote.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, _ := wb.GetRows("Shortlist")
	if len(rows) < 2 || !strings.Contains(strings.Join(rows[1], "|"), "Alice") {
		t.Errorf("Shortlist: %q", rows)
	}
}

func TestDistributedUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"screen", "-distributed", "-state", filepath.Join(t.TempDir(), "s.db"), "-rules", "r.yaml", "x"}, "postgres:// URL"},
		{[]string{"screen", "-distributed", "-state", "postgres://db/x", "-root", "../../testdata/example", "-rules", "r.yaml", "/etc"}, "not under the shared folder"},
		{[]string{"screen", "-distributed", "-in-process", "-state", "postgres://db/x", "-rules", "r.yaml", "."}, "exclude each other"},
		{[]string{"worker", "-state", filepath.Join(t.TempDir(), "s.db")}, "postgres:// URL"},
		{[]string{"worker", "-state", "postgres://db/x", "extra"}, "usage: screener worker"},
	} {
		t.Setenv("SCREENER_STATE", "")
		code, _, stderr := runCLI(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, %q; want exit 2 saying %q", tc.args, code, stderr, tc.want)
		}
	}
}
