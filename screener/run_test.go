package screener

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// fakeStore knows one file by path, size and time, and has a result for
// its content.
type fakeStore struct {
	mu          sync.Mutex
	knownPath   string
	knownSize   int64
	knownMTime  time.Time
	prefetched  []string
	saved       []string
	rulesHash   string // of the last Save
	prefetchErr error
	asked       []string // the files Hash was asked of, and "done" for DoneHashing
}

func (s *fakeStore) Hash(path string, size int64, mtime time.Time) (string, bool) {
	s.mu.Lock()
	s.asked = append(s.asked, filepath.Base(path))
	s.mu.Unlock()
	if path == s.knownPath && size == s.knownSize && mtime.Equal(s.knownMTime) {
		return "known-sha", true
	}
	return "", false
}

func (s *fakeStore) Load(sha, rulesHash string) (Cached, error) {
	if sha == "known-sha" {
		return Cached{Record: &Record{Status: StatusOK, Score: 77, SHA256: sha}, SeenBefore: true}, nil
	}
	return Cached{}, nil
}

func (s *fakeStore) Save(f FileInfo, doc *parsers.Document, rec Record, rulesHash string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved = append(s.saved, filepath.Base(f.Path))
	s.rulesHash = rulesHash
	return nil
}

func (s *fakeStore) Seen(FileInfo) error { return nil }

func (s *fakeStore) DoneHashing() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.asked = append(s.asked, "done")
}

func (s *fakeStore) Prefetch(shas []string, rulesHash string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prefetched = append(s.prefetched, shas...)
	return s.prefetchErr
}

// TestRunWithStore: a file the store knows is neither read nor extracted
// (its stored result is used, prefetched in bulk); new files are extracted,
// the largest first, and saved. The store is asked each file's hash once
// as the run plans, the known file's again as it is screened, and told
// when the run has done with hashes.
func TestRunWithStore(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	known := write("known.txt", 300)
	small := write("small.txt", 10)
	big := write("big.txt", 200)
	fi, err := os.Stat(known)
	if err != nil {
		t.Fatal(err)
	}
	store := &fakeStore{knownPath: known, knownSize: fi.Size(), knownMTime: fi.ModTime()}
	var extracted []string
	extract := func(ctx context.Context, p string) (*parsers.Document, error) {
		extracted = append(extracted, filepath.Base(p)) // one worker: no race
		return &parsers.Document{Format: parsers.Text, Text: "Go developer"}, nil
	}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	rep, err := RunFiles(context.Background(), []string{known, small, big}, nil,
		Options{Rules: set, Workers: 1, Extract: byPath(extract), Store: store})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"big.txt", "small.txt"}; !slices.Equal(extracted, want) {
		t.Errorf("extracted %v, want %v (new files, largest first; the known one never)", extracted, want)
	}
	if !slices.Equal(store.prefetched, []string{"known-sha"}) {
		t.Errorf("prefetched %v", store.prefetched)
	}
	if want := []string{"big.txt", "known.txt", "small.txt", "known.txt", "done"}; !slices.Equal(store.asked, want) {
		t.Errorf("Hash asked of %v, want %v", store.asked, want)
	}
	slices.Sort(store.saved)
	if !slices.Equal(store.saved, []string{"big.txt", "small.txt"}) {
		t.Errorf("saved %v", store.saved)
	}
	for _, r := range loadReport(t, rep) {
		switch filepath.Base(r.File) {
		case "known.txt":
			if r.Score != 77 || r.New || r.File != known {
				t.Errorf("known file: %+v", r)
			}
		default:
			if !r.New || r.Status != StatusOK {
				t.Errorf("new file: %+v", r)
			}
		}
	}
}

// TestRunUsesTheSetsOwnSkills: a rule set that adds skills to the
// taxonomy is matched with them; no separate taxonomy is passed.
func TestRunUsesTheSetsOwnSkills(t *testing.T) {
	set, err := rules.Load(strings.NewReader("skills:\n  - {name: Temporal, category: devops}\nrequired: [Temporal]\n"), "r.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	extract := func(ctx context.Context, p string) (*parsers.Document, error) {
		return &parsers.Document{Format: parsers.Text, Text: "Skills: Temporal, Go"}, nil
	}
	cv := filepath.Join(t.TempDir(), "cv.txt")
	os.WriteFile(cv, []byte("Skills: Temporal, Go"), 0o644)
	rep, err := RunFiles(context.Background(), []string{cv}, nil, Options{Rules: set, Extract: byPath(extract)})
	if err != nil {
		t.Fatal(err)
	}
	if r := loadReport(t, rep)[0]; r.Score != 100 || !r.Qualified {
		t.Errorf("score %v, qualified %v, missing %v: the set's own skill was not matched", r.Score, r.Qualified, r.Missing)
	}
}

// byPath adapts an extraction by path to [Options.Extract].
func byPath(extract func(context.Context, string) (*parsers.Document, error)) func(context.Context, FileInfo) (*parsers.Document, error) {
	return func(ctx context.Context, f FileInfo) (*parsers.Document, error) { return extract(ctx, f.Path) }
}

// TestReportClose: Close frees a run's temporary file, after which its
// records cannot be read; a second Close does nothing.
func TestReportClose(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cv.txt")
	if err := os.WriteFile(p, []byte("Skills: Go"), 0o644); err != nil {
		t.Fatal(err)
	}
	extract := func(context.Context, string) (*parsers.Document, error) {
		return &parsers.Document{Format: parsers.Text, Text: "Skills: Go"}, nil
	}
	rep, err := RunFiles(context.Background(), []string{p}, nil, Options{Rules: &rules.Set{Required: []rules.Item{{Skill: "Go"}}}, Extract: byPath(extract)})
	if err != nil {
		t.Fatal(err)
	}
	if recs := loadReport(t, rep); len(recs) != 1 || recs[0].Score != 100 {
		t.Fatalf("records %+v", recs)
	}
	if err := rep.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := rep.Load(); err == nil {
		t.Error("records read after Close")
	}
	if err := rep.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestRunBookkeeping: a run with a store is incremental and stores
// results under the rules' hash and its region; progress counts a
// resume-like file of a type screener cannot read as an error, and a
// skipped file not.
func TestRunBookkeeping(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"cv.txt", "cv2.txt", "bad.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	p := files[0]
	extract := func(_ context.Context, path string) (*parsers.Document, error) {
		if filepath.Base(path) == "bad.txt" {
			return nil, &parsers.Error{File: path, Err: parsers.ErrCorrupt}
		}
		return &parsers.Document{Format: parsers.Text, Text: "Skills: Go"}, nil
	}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}}
	skipped := []Record{
		{File: "cv.pages", Status: StatusError, Error: parsers.ReasonUnsupported, Message: "cv.pages: unsupported format"},
		{File: "notes.zip", Status: StatusSkipped, Error: parsers.ReasonSkipped},
		{File: ".draft.pdf", Status: StatusSkipped, Error: parsers.ReasonSkipped},
	}
	for _, region := range []string{"", "US"} {
		store := &fakeStore{}
		var last Progress
		rep, err := RunFiles(context.Background(), files, skipped, Options{Rules: set, Extract: byPath(extract), Store: store, Region: region,
			Progress: func(pr Progress) { last = pr }})
		if err != nil {
			t.Fatal(err)
		}
		want := set.Hash()
		if region != "" {
			want += "+" + region
		}
		if !rep.Incremental || store.rulesHash != want {
			t.Errorf("region %q: incremental %v, stored under %q, want %q", region, rep.Incremental, store.rulesHash, want)
		}
		if last.Errors != 2 || last.Done != 3 || last.Total != 3 {
			t.Errorf("region %q: last progress %+v, want 3 of 3 done, 2 errors", region, last)
		}
		rep.Close()
	}
	rep, err := RunFiles(context.Background(), []string{p}, nil, Options{Rules: set, Extract: byPath(extract)})
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	if rep.Incremental {
		t.Error("a run without a store is incremental")
	}

	// A failed bulk read of stored results is logged; the run goes on.
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	store := &fakeStore{knownPath: p, knownSize: fi.Size(), knownMTime: fi.ModTime(), prefetchErr: errors.New("database gone")}
	rep2, err := RunFiles(context.Background(), files, nil, Options{Rules: set, Extract: byPath(extract), Store: store, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer rep2.Close()
	if n := strings.Count(logged.String(), "state read failed"); n != 1 || !strings.Contains(logged.String(), "database gone") {
		t.Errorf("%d failed reads logged:\n%s", n, logged.String())
	}
	if recs := loadReport(t, rep2); len(recs) != 3 {
		t.Errorf("%d records, want 3", len(recs))
	}
}

// TestPathOrder: files and skipped records take their places in one path
// order, a file before a skipped record of its own path (a hidden file
// named explicitly, and found again in its folder).
func TestPathOrder(t *testing.T) {
	files, err := listOf([]string{"in/b.pdf", "in/d.pdf", "in/.h.pdf", "z.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	skipped := []Record{{File: "in/e.xlsx"}, {File: "a.xlsx"}, {File: "in/.h.pdf"}, {File: "in/c.xlsx"}, {File: "zz/y.xlsx"}}
	done, err := files.spillNames(t.TempDir()) // as a run holds them
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	fileSeq, skippedSeq, err := pathOrder(files, skipped)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	places := map[int32]string{}
	for i := range files.len() {
		p, err := files.path(i)
		if err != nil {
			t.Fatal(err)
		}
		places[fileSeq(i)] = p
	}
	for k, r := range skipped {
		places[skippedSeq[k]] = r.File + " (skipped)"
	}
	for i := range int32(len(places)) {
		got = append(got, places[i])
	}
	want := []string{"a.xlsx (skipped)", "z.pdf", "in/.h.pdf", "in/.h.pdf (skipped)", "in/b.pdf", "in/c.xlsx (skipped)", "in/d.pdf", "in/e.xlsx (skipped)", "zz/y.xlsx (skipped)"}
	if !slices.Equal(got, want) {
		t.Errorf("order\n %q\nwant\n %q", got, want)
	}
}

// TestLargeRankingMatchesSort: a run of 3,000 files in nested folders,
// scores drawn from few values (ties everywhere), identical files and
// skipped ones, ranks as an in-memory sort of its records by the
// documented order does: status, then for ranked candidates qualified,
// score, matched requirements, then path ([pathLess]); and each duplicate
// names the first of its content in path order.
func TestLargeRankingMatchesSort(t *testing.T) {
	dir := t.TempDir()
	skills := []string{"Go", "Docker", "PostgreSQL", "Kubernetes", "Kafka"}
	var paths []string
	for i := range 3000 {
		// Folders whose names order differently as strings and as paths
		// ("b-c/" before "b/"), copies named after their original.
		folder := []string{"a", "a/b", "a/b-c", "a/b c", "z"}[i%5]
		name := []string{"cv-%d.pdf", "cv-%d-copy.pdf", "cv-%d (2).docx", "cv-%d.txt", ".hidden-%d.pdf", "cv-%d.xlsx"}[i%6]
		p := filepath.Join(dir, folder, fmt.Sprintf(name, i/6))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		// Content: about one file in ten is the copy of another; the
		// skills held decide the score.
		c := i % 997
		if i%10 == 3 {
			c = (i / 10) % 50
		}
		var text []string
		for k, s := range skills {
			if c>>k&1 == 1 {
				text = append(text, s)
			}
		}
		if i%7 == 0 { // some people sent more than one resume
			text = append(text, fmt.Sprintf("\nperson%d@example.com", i%13))
		}
		if err := os.WriteFile(p, fmt.Appendf(nil, "%s\nid %d", strings.Join(text, ", "), c), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}, {Skill: "Docker"}}, Preferred: []rules.Item{{Skill: "PostgreSQL"}, {Skill: "Kubernetes"}, {Skill: "Kafka"}}}
	extract := func(ctx context.Context, p string) (*parsers.Document, error) {
		b, err := os.ReadFile(p)
		return &parsers.Document{Format: parsers.Text, Text: string(b)}, err
	}
	rep, err := Run(context.Background(), []string{dir}, Options{Rules: set, Workers: 4, Extract: byPath(extract), TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	got := loadReport(t, rep)
	if len(got) != len(paths) {
		t.Fatalf("%d records, want %d", len(got), len(paths))
	}
	want := slices.Clone(got)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(want), func(i, j int) { want[i], want[j] = want[j], want[i] })
	order := map[Status]int{StatusOK: 0, StatusSamePerson: 1, StatusDuplicate: 2, StatusError: 3, StatusSkipped: 4}
	sort.SliceStable(want, func(i, j int) bool {
		a, b := &want[i], &want[j]
		switch {
		case a.Status != b.Status:
			return order[a.Status] < order[b.Status]
		case a.Status != StatusOK:
		case a.Qualified != b.Qualified:
			return a.Qualified
		case a.Score != b.Score:
			return a.Score > b.Score
		case len(a.Matched) != len(b.Matched):
			return len(a.Matched) > len(b.Matched)
		}
		return pathLess(a.File, b.File)
	})
	statuses := map[Status]int{}
	firstOf := map[string]string{}
	for i := range got {
		statuses[got[i].Status]++
		if got[i].File != want[i].File {
			t.Fatalf("record %d: %s, want %s", i, got[i].File, want[i].File)
		}
		if got[i].Status == StatusOK && got[i].Rank != i+1 {
			t.Errorf("%s: rank %d, want %d", got[i].File, got[i].Rank, i+1)
		}
	}
	byPath := slices.Clone(got)
	sort.SliceStable(byPath, func(i, j int) bool { return pathLess(byPath[i].File, byPath[j].File) })
	for _, r := range byPath {
		switch r.Status {
		case StatusOK, StatusDuplicate:
			first, seen := firstOf[r.SHA256]
			if !seen {
				firstOf[r.SHA256] = r.File
				if r.Status == StatusDuplicate {
					t.Errorf("%s: a duplicate, but the first of its content", r.File)
				}
			} else if r.Status != StatusDuplicate || r.DuplicateOf != first {
				t.Errorf("%s: status %s, duplicate of %q; want a duplicate of %s", r.File, r.Status, r.DuplicateOf, first)
			}
		}
	}
	if statuses[StatusOK] < 500 || statuses[StatusDuplicate] < 100 || statuses[StatusSamePerson] < 100 || statuses[StatusSkipped] < 500 {
		t.Errorf("statuses %v: the batch lacks ranked, duplicate, same-person or skipped records", statuses)
	}
}
