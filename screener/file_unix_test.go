//go:build unix

package screener

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// TestFIFOInPlaceOfAFile: a FIFO that replaced a resume after discovery is
// an error record at once; with a store the pipeline hashes the file
// itself, and that read must not wait for a writer that never comes.
func TestFIFOInPlaceOfAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	extract := func(ctx context.Context, p string) (*parsers.Document, error) {
		return parsers.ExtractFile(ctx, p, parsers.Limits{})
	}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	for _, store := range []Store{nil, &fakeStore{}} {
		rep, err := RunFiles(context.Background(), []string{fifo}, nil, Options{Rules: set, Extract: byPath(extract), Store: store})
		if err != nil {
			t.Fatal(err)
		}
		r := loadReport(t, rep)[0]
		if r.Status != StatusError || r.Error != parsers.ReasonError || !strings.Contains(r.Message, "not a regular file (a FIFO)") {
			t.Errorf("store %v: %+v", store != nil, r)
		}
	}
	// Named on the command line, it is skipped like one found in a folder.
	_, skipped, err := Discover([]string{fifo})
	if err != nil || len(skipped) != 1 || skipped[0].Message != "not a regular file" {
		t.Errorf("Discover: %v %+v", err, skipped)
	}
}

// TestFileGoneDuringRun: a file removed after discovery, or under a folder
// replaced by a file, is left out of the report, with or without a store.
func TestFileGoneDuringRun(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept.txt")
	os.WriteFile(kept, []byte("Skills: Go"), 0o644)
	removed := filepath.Join(dir, "removed.txt")
	os.WriteFile(filepath.Join(dir, "sub"), []byte("a file where a folder was"), 0o644)
	underFile := filepath.Join(dir, "sub", "cv.txt")
	extract := func(ctx context.Context, p string) (*parsers.Document, error) {
		return parsers.ExtractFile(ctx, p, parsers.Limits{})
	}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	for _, store := range []Store{nil, &fakeStore{}} {
		rep, err := RunFiles(context.Background(), []string{kept, removed, underFile}, nil, Options{Rules: set, Extract: byPath(extract), Store: store})
		if err != nil {
			t.Fatal(err)
		}
		if recs := loadReport(t, rep); len(recs) != 1 || recs[0].File != kept || rep.Counts.Errors != 0 {
			t.Errorf("store %v: records %+v, want only %s", store != nil, recs, kept)
		}
	}
}
