package screener

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// TestRelName: a file's name is its path relative to the folder it was
// found under, the same on every machine, whatever form the folder was
// given in.
func TestRelName(t *testing.T) {
	for _, tt := range []struct {
		name  string
		roots []string
		path  string
		want  string
	}{
		{"under a folder", []string{"inbox"}, "inbox/sub/cv.pdf", "sub/cv.pdf"},
		{"folder given with ./ and /", []string{"./inbox/"}, "inbox/cv.pdf", "cv.pdf"},
		{"absolute folder", []string{"/srv/share/inbox"}, "/srv/share/inbox/2026/cv.pdf", "2026/cv.pdf"},
		{"the current folder", []string{"."}, "sub/cv.pdf", "sub/cv.pdf"},
		{"a file given by itself", []string{"inbox/cv.pdf"}, "inbox/cv.pdf", "cv.pdf"},
		{"the deepest of nested folders", []string{"inbox", "inbox/sub"}, "inbox/sub/cv.pdf", "cv.pdf"},
		{"a sibling folder with a common prefix", []string{"in"}, "inbox/cv.pdf", "cv.pdf"},
		{"no roots", nil, "inbox/cv.pdf", "cv.pdf"},
	} {
		if got := relName(tt.roots, tt.path); got != tt.want {
			t.Errorf("%s: relName(%q, %q) = %q, want %q", tt.name, tt.roots, tt.path, got, tt.want)
		}
	}
}

// TestPlanOrder: files to extract come first, largest first (in path
// order when of one size), then those the store knows; a file that cannot
// be stat'ed is planned with the others, and its worker finds its error.
func TestPlanOrder(t *testing.T) {
	dir := t.TempDir()
	sizes := map[string]int{"small.txt": 10, "big.txt": 100, "a.txt": 50, "b.txt": 50, "known.txt": 1000}
	var files []string
	for _, name := range []string{"small.txt", "known.txt", "b.txt", "gone.txt", "big.txt", "a.txt"} {
		p := filepath.Join(dir, name)
		files = append(files, p)
		if n, ok := sizes[name]; ok {
			if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	fi, err := os.Stat(files[1])
	if err != nil {
		t.Fatal(err)
	}
	w := &fileWorker{store: &fakeStore{knownPath: files[1], knownSize: fi.Size(), knownMTime: fi.ModTime()}}
	l, err := listOf(files)
	if err != nil {
		t.Fatal(err)
	}
	order, known := w.plan(l)
	var got []string
	for _, i := range order {
		p, err := l.path(int(i))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(p))
	}
	if want := "big.txt a.txt b.txt small.txt gone.txt known.txt"; strings.Join(got, " ") != want {
		t.Errorf("order %q, want %q", got, want)
	}
	if known != 1 {
		t.Errorf("%d files known, want 1", known)
	}
	if st := w.stat(files[1], true); st.SHA256 != "known-sha" || st.Size != 1000 || st.err != nil {
		t.Errorf("stat of known.txt: %+v", st)
	}
	if st := w.stat(files[1], false); st.SHA256 != "" || st.Size != 1000 || st.err != nil {
		t.Errorf("stat of known.txt without asking the store: %+v", st)
	}
	if st := w.stat(files[3], true); st.err == nil {
		t.Error("gone.txt: no stat error")
	}
}

// TestAnalysisBudget: a text is analysed when the budget has room for it
// (its length, at most a whole budget), else it waits; each two workers
// add a budget; a run cancelled while a text waits makes it a cancelled
// record.
func TestAnalysisBudget(t *testing.T) {
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	tax, err := set.Taxonomy()
	if err != nil {
		t.Fatal(err)
	}
	small := &parsers.Document{Text: "Jane Doe\nSkills: Go"}
	large := &parsers.Document{Text: small.Text + strings.Repeat("\nBuilt services in Go.", analysisBudget/20)}
	for _, tt := range []struct {
		workers int
		held    int64 // of the budget, by texts in work
		doc     *parsers.Document
		waits   bool
	}{
		{2, 0, large, false},
		{2, 1, large, true}, // a text of a budget or more is analysed alone
		{2, analysisBudget - int64(len(small.Text)), small, false},
		{2, analysisBudget - int64(len(small.Text)) + 1, small, true},
		{1, 1, large, true},
		{3, 1, large, true},
		{4, analysisBudget, large, false}, // four workers, two budgets
		{4, analysisBudget + 1, large, true},
	} {
		w := &fileWorker{tax: tax, set: set}
		w.analysing, w.budget = newAnalysisBudget(tt.workers)
		if !w.analysing.TryAcquire(tt.held) {
			t.Fatalf("%d workers: cannot hold %d", tt.workers, tt.held)
		}
		if room := w.budget - tt.held; (w.weight(tt.doc) > room) != tt.waits {
			t.Errorf("%d workers, %d held, text of %d: weighs %d of the %d left", tt.workers, tt.held, len(tt.doc.Text), w.weight(tt.doc), room)
			continue
		}
		ctx, cancel := context.WithCancel(context.Background())
		if tt.waits {
			cancel() // else the test would wait for ever
		}
		rec := w.score(ctx, "cv.txt", "sha", tt.doc)
		cancel()
		if tt.waits && rec.Error != parsers.ReasonCancelled {
			t.Errorf("%d workers, %d held, text of %d: %s %q, want it cancelled while it waited", tt.workers, tt.held, len(tt.doc.Text), rec.Status, rec.Error)
		}
		if !tt.waits && (rec.Status != StatusOK || len(rec.Matched) != 1) {
			t.Errorf("%d workers, %d held, text of %d: %s (%s), matched %q; want ok, Go matched", tt.workers, tt.held, len(tt.doc.Text), rec.Status, rec.Message, rec.Matched)
		}
		w.analysing.Release(tt.held)
		if !w.analysing.TryAcquire(w.budget) {
			t.Errorf("%d workers: the budget is not whole again after the analysis", tt.workers)
		}
	}
}
