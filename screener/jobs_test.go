package screener

import (
	"bytes"
	"context"
	"encoding/csv"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// jobsFixture writes a folder of text resumes and returns it with two jobs.
func jobsFixture(t *testing.T) (string, []Job) {
	t.Helper()
	dir := t.TempDir()
	resumes := map[string]string{
		"ana.txt":   "Ana Lima\nana@example.com\n\nSkills\nGo, PostgreSQL, Docker, Kubernetes\n",
		"ben.txt":   "Ben Okafor\nben@example.com\n\nSkills\nReact, TypeScript, CSS, Jest\n",
		"chen.txt":  "Chen Wei\nchen@example.com\n\nSkills\nGo, React, TypeScript, Docker\n",
		"dana.txt":  "Dana Novak\ndana@example.com\n\nSkills\nExcel, PowerPoint\n",
		"empty.pdf": "%PDF-1.4 not really",
	}
	for name, text := range resumes {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tax := rules.DefaultTaxonomy()
	backend := tax.Derive("Backend Engineer\nRequirements\n- Go\n- PostgreSQL or MySQL\nNice to have\n- Kubernetes\n")
	frontend := tax.Derive("Frontend Engineer\nRequirements\n- React and TypeScript\nNice to have\n- Jest\n")
	return dir, []Job{{Rules: backend, Source: "backend.txt"}, {Rules: frontend, Source: "frontend.txt"}}
}

// TestRunJobs screens a folder against two jobs: every file is extracted
// once, and each job's report equals a run of that job alone.
func TestRunJobs(t *testing.T) {
	dir, jobs := jobsFixture(t)
	var mu sync.Mutex
	calls := map[string]int{}
	opts := Options{Workers: 2, AsOf: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Extract: func(ctx context.Context, f FileInfo) (*parsers.Document, error) {
			mu.Lock()
			calls[filepath.Base(f.Path)]++
			mu.Unlock()
			return parsers.ExtractFile(ctx, f.Path, parsers.Limits{})
		}}
	reps, err := RunJobs(context.Background(), []string{dir}, jobs, opts)
	if err != nil {
		t.Fatal(err)
	}
	for file, n := range calls {
		if n != 1 {
			t.Errorf("%s extracted %d times, want once", file, n)
		}
	}
	if len(calls) != 5 {
		t.Errorf("extracted %v, want the five files", calls)
	}
	if len(reps) != 2 || reps[0].Job != "Backend Engineer" || reps[1].Job != "Frontend Engineer" {
		t.Fatalf("reports %d, jobs %q", len(reps), []string{reps[0].Job, reps[1].Job})
	}
	for i, job := range jobs {
		o := opts
		o.Rules = job.Rules
		alone, err := Run(context.Background(), []string{dir}, o)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := shortlistCSV(t, reps[i]), shortlistCSV(t, alone); got != want {
			t.Errorf("job %s: shortlist\n%s\nwant, as a run of its own,\n%s", reps[i].Job, got, want)
		}
		if n, m := len(loadReport(t, reps[i])), len(loadReport(t, alone)); n != m || reps[i].Counts != alone.Counts {
			t.Errorf("job %s: %d records %+v, alone %d %+v", reps[i].Job, n, reps[i].Counts, m, alone.Counts)
		}
	}
	if a, b := loadReport(t, reps[0])[0].Name, loadReport(t, reps[1])[0].Name; a != "Ana Lima" || b != "Ben Okafor" {
		t.Errorf("best candidates %q and %q", a, b)
	}

	// JSON Lines records say which job they are scored for.
	var b bytes.Buffer
	for _, rep := range reps {
		if err := WriteJSONL(&b, rep); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(b.String(), `"job":"Backend Engineer"`); n != 5 {
		t.Errorf("%d JSON Lines records for the backend job, want 5", n)
	}

	// One CSV: the job, then the shortlist's columns.
	b.Reset()
	if err := WriteJobsCSV(&b, reps, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Job" || len(rows) != 1+reps[0].Counts.Screened+reps[1].Counts.Screened || rows[1][0] != "Backend Engineer" {
		t.Errorf("jobs CSV:\n%q", rows)
	}
}

func shortlistCSV(t *testing.T, rep *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, rep, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestJobsWorkbook opens the workbook of two jobs: a Best fit sheet with
// every candidate's score for each job, best first; a shortlist sheet per
// job equal to the Shortlist sheet of a run of that job alone; each job's
// rules; the shared Errors sheet.
func TestJobsWorkbook(t *testing.T) {
	dir, jobs := jobsFixture(t)
	opts := Options{AsOf: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	reps, err := RunJobs(context.Background(), []string{dir}, jobs, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, reps, JobsWorkbookOptions{Jobs: jobs}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	want := []string{"Best fit", "Backend Engineer", "Rules · Backend Engineer", "Frontend Engineer", "Rules · Frontend Engineer", "Errors"}
	if got := wb.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	best, err := wb.GetRows("Best fit")
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"Rank", "Name", "Email", "Best fit", "Qualified for", "Score: Backend Engineer", "Score: Frontend Engineer", "CV"}
	if !slices.Equal(best[0], header) {
		t.Errorf("Best fit header %q", best[0])
	}
	if len(best) != 5 {
		t.Fatalf("Best fit has %d rows, want a header and the four candidates: %q", len(best), best)
	}
	// Ana and Ben are each qualified for one job and score 100 there; Chen
	// is qualified for the front-end job with less; Dana, qualified for
	// none, comes last.
	byName := map[string][]string{}
	for _, r := range best[1:] {
		byName[r[1]] = r
	}
	if r := byName["Ana Lima"]; r[3] != "Backend Engineer" || r[4] != "Backend Engineer" {
		t.Errorf("Ana: %q", r)
	}
	if r := byName["Ben Okafor"]; r[3] != "Frontend Engineer" || r[4] != "Frontend Engineer" {
		t.Errorf("Ben: %q", r)
	}
	if best[3][1] != "Chen Wei" || best[3][3] != "Frontend Engineer" || best[3][4] != "Frontend Engineer" {
		t.Errorf("third row %q, want Chen Wei, qualified for the front-end job", best[3])
	}
	if best[4][1] != "Dana Novak" || best[4][4] != "" || best[4][0] != "4" {
		t.Errorf("last row %q, want Dana Novak, qualified for nothing", best[4])
	}
	for i, job := range jobs {
		o := opts
		o.Rules = job.Rules
		alone, err := Run(context.Background(), []string{dir}, o)
		if err != nil {
			t.Fatal(err)
		}
		var single bytes.Buffer
		if err := WriteWorkbook(&single, alone, WorkbookOptions{Rules: job.Rules, Source: job.Source}); err != nil {
			t.Fatal(err)
		}
		sb, err := excelize.OpenReader(&single)
		if err != nil {
			t.Fatal(err)
		}
		wantRows, _ := sb.GetRows("Shortlist")
		gotRows, _ := wb.GetRows(want[1+2*i])
		sb.Close()
		if !slices.EqualFunc(gotRows, wantRows, slices.Equal) {
			t.Errorf("sheet %s:\n%q\nwant the single run's Shortlist:\n%q", want[1+2*i], gotRows, wantRows)
		}
	}
	errs, _ := wb.GetRows("Errors")
	if len(errs) != 2 || !strings.HasSuffix(errs[1][0], "empty.pdf") {
		t.Errorf("Errors sheet %q", errs)
	}

	// Shortlists cut to their best candidate: Best fit still lists all.
	cut := make([]*Report, len(reps))
	for i, rep := range reps {
		cut[i] = rep.Shortlist(1, 0)
	}
	b.Reset()
	if err := WriteJobsWorkbook(&b, cut, JobsWorkbookOptions{Jobs: jobs, Unlisted: reps}); err != nil {
		t.Fatal(err)
	}
	wb2, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb2.Close()
	best2, _ := wb2.GetRows("Best fit")
	short, _ := wb2.GetRows("Backend Engineer")
	if len(best2) != 5 || len(short) != 2 {
		t.Errorf("cut shortlists: Best fit %d rows, want 5; backend sheet %d, want 2", len(best2), len(short))
	}
}

func TestJobSheetNames(t *testing.T) {
	reps := []*Report{{Job: "Senior Backend Engineer (Payments Platform)"}, {Job: "Senior Backend Engineer (Payments Platform)"}, {Job: "Data: ETL/BI [EU]"}, {Job: "Best fit"}}
	shortlists, ruleSheets := jobSheetNames(reps)
	want := []string{"Senior Backend Engineer (Paymen", "Senior Backend Engineer (Paym 2", "Data- ETL-BI -EU-", "Best fit 2"}
	if !slices.Equal(shortlists, want) {
		t.Errorf("shortlist sheets %q, want %q", shortlists, want)
	}
	for _, n := range append(shortlists, ruleSheets...) {
		if len([]rune(n)) > 31 {
			t.Errorf("sheet name %q longer than 31 characters", n)
		}
	}

	// Long titles that differ only past the 31st character keep their
	// ends, where the openings differ, in the names of both their sheets.
	reps = []*Report{{Job: "Senior Backend Engineer (Payments Platform) Berlin"}, {Job: "Senior Backend Engineer (Payments Platform) London"}, {Job: "Back-End Developer Job Description"}}
	shortlists, ruleSheets = jobSheetNames(reps)
	for i, where := range []string{"Berlin", "London"} {
		for _, n := range []string{shortlists[i], ruleSheets[i]} {
			if !strings.HasSuffix(n, where) || !strings.HasPrefix(strings.TrimPrefix(n, "Rules · "), "Senior") || len([]rune(n)) > 31 {
				t.Errorf("sheet %q of %q: want its start and its end, %s, in 31 characters", n, reps[i].Job, where)
			}
		}
	}
	// A long name whose cut is a short name (its 31st character a space)
	// keeps both readable.
	if s, _ := jobSheetNames([]*Report{{Job: "Go"}, {Job: "Go" + strings.Repeat(" ", 40) + "Rust"}}); s[0] != "Go" || s[1] != "Go…Rust" {
		t.Errorf("sheets %q, want Go and Go…Rust", s)
	}
	if shortlists[2] != "Back-End Developer Job Descript" {
		t.Errorf("sheet %q: a long title like no other's is cut at its end", shortlists[2])
	}
}

// TestJobsWorkbookBlind: a blind workbook of several jobs names no one.
func TestJobsWorkbookBlind(t *testing.T) {
	dir, jobs := jobsFixture(t)
	reps, err := RunJobs(context.Background(), []string{dir}, jobs, Options{AsOf: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, reps, JobsWorkbookOptions{Jobs: jobs, Blind: true}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for _, sheet := range []string{"Best fit", "Backend Engineer", "Frontend Engineer"} {
		rows, _ := wb.GetRows(sheet)
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		for _, who := range []string{"Ana Lima", "ana@example.com", "ana.txt"} {
			if strings.Contains(all, who) {
				t.Errorf("%s names %q in a blind workbook:\n%s", sheet, who, all)
			}
		}
		if !strings.Contains(all, "C-") {
			t.Errorf("%s has no candidate IDs:\n%s", sheet, all)
		}
	}
}

// TestRunJobsLogsFailureOnce: a file that cannot be read is logged once
// however many jobs the run screens for (it was read once), and each
// screened file's line says which job its score is for.
func TestRunJobsLogsFailureOnce(t *testing.T) {
	dir, jobs := jobsFixture(t)
	var mu sync.Mutex
	failed := map[string]int{}
	screened := map[string]int{} // job -> lines
	log := slog.New(recordFunc(func(r slog.Record) {
		mu.Lock()
		defer mu.Unlock()
		attrs := map[string]string{}
		r.Attrs(func(a slog.Attr) bool { attrs[a.Key] = a.Value.String(); return true })
		switch r.Message {
		case "file failed":
			failed[filepath.Base(attrs["file"])]++
		case "file screened":
			screened[attrs["job"]]++
		}
	}))
	if _, err := RunJobs(context.Background(), []string{dir}, jobs, Options{Logger: log, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed["empty.pdf"] != 1 {
		t.Errorf("failures logged %v, want empty.pdf once", failed)
	}
	if screened["Backend Engineer"] != 4 || screened["Frontend Engineer"] != 4 {
		t.Errorf("screened lines by job %v, want 4 for each job", screened)
	}
}

// recordFunc is a slog handler that passes every record, at every level,
// to a function.
type recordFunc func(slog.Record)

func (f recordFunc) Enabled(context.Context, slog.Level) bool      { return true }
func (f recordFunc) Handle(_ context.Context, r slog.Record) error { f(r); return nil }
func (f recordFunc) WithAttrs([]slog.Attr) slog.Handler            { return f }
func (f recordFunc) WithGroup(string) slog.Handler                 { return f }
