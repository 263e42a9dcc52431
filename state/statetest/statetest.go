// Package statetest is the behaviour every backend of package state must
// show, as tests that the backends' own tests run: the SQLite file's and
// PostgreSQL's.
package statetest

import (
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
)

// Backend makes and opens states of one kind.
type Backend struct {
	// New makes a new, empty state for one test and returns where it is.
	New func(t *testing.T) string
	// Open opens the state at where with opts, and closes it when the
	// test ends.
	Open func(t *testing.T, where string, opts state.Options) *state.DB
}

// Opener opens a new, empty state with opts for one test.
type Opener func(t *testing.T, opts state.Options) *state.DB

// Run runs the tests of every backend.
func Run(t *testing.T, b Backend) {
	open := func(t *testing.T, opts state.Options) *state.DB { return b.Open(t, b.New(t), opts) }
	for _, tt := range []struct {
		name string
		test func(*testing.T, Opener)
	}{
		{"Store", store},
		{"PruneBoundary", pruneBoundary},
		{"Forget", forget},
		{"Hash", hashes},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open) })
	}
	t.Run("Identity", func(t *testing.T) { identity(t, b) })
}

// identity: what is stored belongs to a file's content, which a run on
// any machine finds from any path; the shortcut of a file's size and
// time holds only on the machine (host) that recorded it, since the same
// path elsewhere may hold other content; the name relative to the folder
// screened forgets the content from any machine.
func identity(t *testing.T, b Backend) {
	where := b.New(t)
	mtime := time.Unix(1700000000, 0)
	doc := &parsers.Document{Format: parsers.PDF, Text: "Go and Rust", Bytes: 10}
	onA := screener.FileInfo{Path: "/mnt/a/inbox/sub/cv.pdf", Name: "sub/cv.pdf", Size: 10, ModTime: mtime, SHA256: "aaa"}
	onB := screener.FileInfo{Path: "/srv/share/inbox/sub/cv.pdf", Name: "sub/cv.pdf", Size: 10, ModTime: mtime, SHA256: "aaa"}
	other := screener.FileInfo{Path: "/mnt/a/inbox/other.pdf", Name: "other.pdf", Size: 7, ModTime: mtime, SHA256: "ccc"}

	a := b.Open(t, where, state.Options{Host: "alpha", StoreText: true})
	a.BeginRun("r")
	for _, f := range []screener.FileInfo{onA, other} {
		if err := a.Save(f, doc, screener.Record{Status: screener.StatusOK, Score: 42}, "r"); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	if sha, ok := a.Hash(onA.Path, onA.Size, mtime); !ok || sha != "aaa" {
		t.Errorf("alpha's own file: Hash = %q, %v", sha, ok)
	}
	a.Close()

	beta := b.Open(t, where, state.Options{Host: "beta"})
	beta.BeginRun("r")
	if _, ok := beta.Hash(onA.Path, onA.Size, mtime); ok {
		t.Error("beta trusted alpha's path, size and time for content it never hashed")
	}
	if c, err := beta.Load("aaa", "r"); err != nil || c.Record == nil || c.Record.Score != 42 {
		t.Errorf("beta does not find the content alpha screened: %+v, %v", c, err)
	}
	if err := beta.Seen(onB); err != nil {
		t.Fatal(err)
	}
	if err := beta.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	if sha, ok := beta.Hash(onB.Path, onB.Size, mtime); !ok || sha != "aaa" {
		t.Errorf("beta's own file after its run: Hash = %q, %v", sha, ok)
	}
	beta.Close()

	a = b.Open(t, where, state.Options{Host: "alpha"})
	if sha, ok := a.Hash(onA.Path, onA.Size, mtime); !ok || sha != "aaa" {
		t.Errorf("alpha's file after beta's run: Hash = %q, %v (beta's row replaced alpha's)", sha, ok)
	}
	if n, err := a.Forget("", "sub/cv.pdf", ""); err != nil || n != 1 {
		t.Errorf("Forget by name: %d, %v; want 1", n, err)
	}
	if c, _ := a.Load("aaa", "r"); c.Record != nil || c.Doc != nil {
		t.Error("content forgotten by name still stored")
	}
	if c, _ := a.Load("ccc", "r"); c.Record == nil {
		t.Error("Forget by name deleted another file's content")
	}
	a.Close()
	beta = b.Open(t, where, state.Options{Host: "beta"})
	if _, ok := beta.Hash(onB.Path, onB.Size, mtime); ok {
		t.Error("beta still knows a file whose content was forgotten")
	}
}

// store: what a run saves, a later run loads; forgetting and retention
// delete it; the run history records both runs.
func store(t *testing.T, open Opener) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	db := open(t, state.Options{StoreText: true, Now: func() time.Time { return now }})
	if _, err := db.BeginRun("rules1"); err != nil {
		t.Fatal(err)
	}
	mtime := time.Unix(1700000000, 0)
	f := screener.FileInfo{Path: "in/a.pdf", Size: 10, ModTime: mtime, SHA256: "aaa"}
	doc := &parsers.Document{Format: parsers.PDF, Text: "Go and Rust", Title: "Priya Raman", Pages: 1, Bytes: 10, OCR: true, OCRConfidence: 87.5}
	rec := screener.Record{File: "in/a.pdf", SHA256: "aaa", Status: screener.StatusOK, Score: 50, Email: "a@example.com", Rank: 3, New: true}
	if err := db.Save(f, doc, rec, "rules1"); err != nil {
		t.Fatal(err)
	}
	bad := screener.FileInfo{Path: "in/b.pdf", Size: 5, ModTime: mtime, SHA256: "bbb"}
	if err := db.Save(bad, nil, screener.Record{Status: screener.StatusError, Error: "encrypted", Message: "needs a password"}, "rules1"); err != nil {
		t.Fatal(err)
	}
	if _, ok := db.Hash("in/a.pdf", 10, mtime); ok {
		t.Error("Save committed at once; it should batch")
	}
	if err := db.Flush(); err != nil {
		t.Fatal(err)
	}

	if sha, ok := db.Hash("in/a.pdf", 10, mtime); !ok || sha != "aaa" {
		t.Errorf("Hash = %q, %v", sha, ok)
	}
	if _, ok := db.Hash("in/a.pdf", 11, mtime); ok {
		t.Error("Hash ignored a size change")
	}
	c, err := db.Load("aaa", "rules1")
	if err != nil || c.Record == nil || c.Record.Score != 50 || c.Record.File != "" || c.Record.Rank != 0 || c.Doc != nil {
		t.Errorf("Load same rules: %+v, %v", c, err)
	}
	if c.SeenBefore {
		t.Error("content first seen in the current run counted as seen before")
	}
	c, _ = db.Load("aaa", "rules2")
	if c.Record != nil || c.Doc == nil || c.Doc.Text != doc.Text || c.Doc.Title != doc.Title || !c.Doc.OCR || c.Doc.OCRConfidence != 87.5 {
		t.Errorf("Load other rules: want the text and title without a record, got %+v", c)
	}
	c, _ = db.Load("bbb", "rules1")
	if c.Failed == nil || c.Failed.Error != "encrypted" {
		t.Errorf("Load failure: %+v", c)
	}
	if err := db.EndRun(screener.Counts{Files: 2}, 1, 0); err != nil {
		t.Fatal(err)
	}

	// A later run sees the content as old.
	db.BeginRun("rules1")
	if c, _ := db.Load("aaa", "rules1"); !c.SeenBefore {
		t.Error("content from a completed run not SeenBefore")
	}

	// Retention and forgetting.
	if n, err := db.Forget("A@EXAMPLE.COM", "", ""); err != nil || n != 1 {
		t.Errorf("Forget by email: %d, %v", n, err)
	}
	if c, _ := db.Load("aaa", "rules1"); c.Record != nil || c.Doc != nil {
		t.Error("forgotten candidate still stored")
	}
	if _, ok := db.Hash("in/a.pdf", 10, mtime); ok {
		t.Error("forgotten candidate's file still stored")
	}
	now = now.Add(200 * 24 * time.Hour)
	if n, err := db.Prune(now.Add(-180 * 24 * time.Hour)); err != nil || n != 1 {
		t.Errorf("Prune: %d, %v", n, err)
	}
	runs, err := db.Runs()
	if err != nil || len(runs) != 2 || runs[1].ExitCode != 0 || runs[0].ExitCode != -1 {
		t.Errorf("Runs: %+v, %v", runs, err)
	}
}

// pruneBoundary: retention deletes what was last seen before the
// cutoff, to the second, and keeps what was seen at it.
func pruneBoundary(t *testing.T, open Opener) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	db := open(t, state.Options{Now: func() time.Time { return now }})
	db.BeginRun("r")
	for _, sha := range []string{"old", "edge"} {
		if sha == "edge" {
			now = now.Add(time.Second)
		}
		db.Save(screener.FileInfo{Path: sha, SHA256: sha}, &parsers.Document{Text: "x"}, screener.Record{Status: screener.StatusOK}, "r")
		if err := db.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	cutoff := now // "edge" was last seen at the cutoff, "old" a second before
	if n, err := db.Prune(cutoff); err != nil || n != 1 {
		t.Fatalf("Prune: %d, %v; want 1", n, err)
	}
	if c, _ := db.Load("edge", "r"); c.Record == nil {
		t.Error("content seen at the cutoff was pruned")
	}
	if c, _ := db.Load("old", "r"); c.Record != nil {
		t.Error("content seen before the cutoff was kept")
	}
}

// forget: each selector deletes the content it names, with every file
// holding it, and nothing else; a selector matching nothing deletes
// nothing.
func forget(t *testing.T, open Opener) {
	db := open(t, state.Options{StoreText: true})
	db.BeginRun("r")
	for _, f := range []screener.FileInfo{{Path: "/in/a.pdf", SHA256: "aaa"}, {Path: "/in/copy-of-a.pdf", SHA256: "aaa"},
		{Path: "/in/b.pdf", SHA256: "bbb"}, {Path: "/in/c.pdf", SHA256: "ccc"}} {
		if err := db.Save(f, &parsers.Document{Text: "text of " + f.SHA256}, screener.Record{Status: screener.StatusOK, Email: f.SHA256 + "@example.com"}, "r"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name             string
		email, path, sha string
		want             int64
		gone, kept       string
	}{
		{"path", "", "/in/copy-of-a.pdf", "", 1, "aaa", "bbb"},
		{"sha", "", "", "BBB", 1, "bbb", "ccc"},
		{"email", "CCC@example.com", "", "", 1, "ccc", ""},
		{"nothing", "nobody@example.com", "", "", 0, "", ""},
	} {
		n, err := db.Forget(tt.email, tt.path, tt.sha)
		if err != nil || n != tt.want {
			t.Errorf("%s: Forget = %d, %v; want %d", tt.name, n, err, tt.want)
		}
		if tt.gone != "" {
			if c, err := db.Load(tt.gone, "r"); err != nil || c.Record != nil || c.Doc != nil {
				t.Errorf("%s: %s still stored: %+v, %v", tt.name, tt.gone, c, err)
			}
		}
		if tt.kept != "" {
			if c, err := db.Load(tt.kept, "r"); err != nil || c.Record == nil {
				t.Errorf("%s: %s deleted too: %+v, %v", tt.name, tt.kept, c, err)
			}
		}
	}
	if _, ok := db.Hash("/in/a.pdf", 0, time.Time{}); ok {
		t.Error("a file holding forgotten content is still known")
	}
}

// hashes: Hash gives back a content hash as it was stored, a 64-digit hex
// one or another, and knows a file again once its row changed within the
// run (a file changed and screened again), after the run has done with
// hashes, and in the next run; rows of other files stay known.
func hashes(t *testing.T, open Opener) {
	db := open(t, state.Options{})
	mtime := time.Unix(1700000000, 0)
	hexSHA := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	files := []screener.FileInfo{
		{Path: "/in/hex.pdf", Size: 10, ModTime: mtime, SHA256: hexSHA},
		{Path: "/in/upper.pdf", Size: 11, ModTime: mtime, SHA256: "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"},
		{Path: "/in/short.pdf", Size: 12, ModTime: mtime, SHA256: "abc"},
	}
	doc := &parsers.Document{Format: parsers.PDF, Text: "Go", Bytes: 10}
	db.BeginRun("r")
	for _, f := range files {
		if err := db.Save(f, doc, screener.Record{Status: screener.StatusOK}, "r"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	db.BeginRun("r")
	for _, f := range files {
		if sha, ok := db.Hash(f.Path, f.Size, f.ModTime); !ok || sha != f.SHA256 {
			t.Errorf("Hash(%s) = %q, %v; want %q", f.Path, sha, ok, f.SHA256)
		}
	}
	changed := files[0]
	changed.Size, changed.SHA256 = 20, "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
	if err := db.Save(changed, doc, screener.Record{Status: screener.StatusOK}, "r"); err != nil {
		t.Fatal(err)
	}
	if err := db.Flush(); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if sha, ok := db.Hash(files[0].Path, files[0].Size, files[0].ModTime); ok {
			t.Errorf("%s: Hash of the file as it was = %q; want none", when, sha)
		}
		if sha, ok := db.Hash(changed.Path, changed.Size, changed.ModTime); !ok || sha != changed.SHA256 {
			t.Errorf("%s: Hash of the changed file = %q, %v; want %q", when, sha, ok, changed.SHA256)
		}
		if sha, ok := db.Hash(files[2].Path, files[2].Size, files[2].ModTime); !ok || sha != files[2].SHA256 {
			t.Errorf("%s: Hash of an unchanged file = %q, %v", when, sha, ok)
		}
	}
	check("same run")
	db.DoneHashing()
	check("after DoneHashing")
	if err := db.EndRun(screener.Counts{}, 0, 0); err != nil {
		t.Fatal(err)
	}
	db.BeginRun("r")
	check("next run")
}
