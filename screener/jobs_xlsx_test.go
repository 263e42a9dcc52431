package screener

import (
	"bytes"
	"slices"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// jobReport is a report of one job over the given records, all scored.
func jobReport(job string, recs ...Record) *Report {
	for i := range recs {
		recs[i].Status = StatusOK
	}
	return &Report{Job: job, Records: recs, Counts: count(recs)}
}

// TestBestFits: a candidate's best job is one they are qualified for, the
// highest-scoring of those, the earlier job on a tie; a job a file was not
// scored for has no score; candidates qualified for some job come first,
// then by best score, name and file.
func TestBestFits(t *testing.T) {
	rec := func(file, name string, score float64, qualified bool) Record {
		return Record{File: file, Name: name, Score: score, Qualified: qualified}
	}
	reps := []*Report{
		jobReport("Backend",
			rec("a.pdf", "Ada", 90, false),
			rec("b.pdf", "Bo", 70, true),
			rec("c.pdf", "Cy", 60, true),
			rec("d.pdf", "Di", 60, true),
			rec("e.pdf", "Ed", 95, false)),
		jobReport("Frontend",
			rec("a.pdf", "Ada", 50, true),
			rec("b.pdf", "Bo", 80, true),
			rec("c.pdf", "Cy", 60, true),
			rec("f.pdf", "Fay", 0, false)),
	}
	fits, err := bestFits(reps)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		file   string
		best   int
		scores []float64
	}
	want := []row{
		{"b.pdf", 1, []float64{70, 80}}, // qualified for both: the higher score
		{"c.pdf", 0, []float64{60, 60}}, // a tie goes to the earlier job
		{"d.pdf", 0, []float64{60, -1}}, // same best score as c: by name
		{"a.pdf", 1, []float64{90, 50}}, // qualified beats a higher score
		{"e.pdf", 0, []float64{95, -1}}, // qualified for none: after all who are
		{"f.pdf", 1, []float64{-1, 0}},
	}
	var got []row
	for _, ft := range fits {
		got = append(got, row{ft.file, ft.best, ft.scores})
	}
	if !slices.EqualFunc(got, want, func(a, b row) bool {
		return a.file == b.file && a.best == b.best && slices.Equal(a.scores, b.scores)
	}) {
		t.Errorf("best fits\n got %v\nwant %v", got, want)
	}
	if fits[0].name != "Bo" {
		t.Errorf("name %q, want the best job's record's", fits[0].name)
	}

	// Equal in all but the name, then in all but the file.
	reps = []*Report{jobReport("Job", rec("z.pdf", "Al", 50, false), rec("b/y.pdf", "Bea", 50, false), rec("a/y.pdf", "Bea", 50, false))}
	if fits, err = bestFits(reps); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, ft := range fits {
		files = append(files, ft.file)
	}
	if want := []string{"z.pdf", "a/y.pdf", "b/y.pdf"}; !slices.Equal(files, want) {
		t.Errorf("order %q, want %q", files, want)
	}
}

// TestBestFitSheetScores: on the Best fit sheet a score of 0 is shown, a job
// the file was not scored for is an empty cell, each score wears the colour
// band the job's shortlist gives it, the CV cell links to the file, and the
// sheet's used range covers its rows.
func TestBestFitSheetScores(t *testing.T) {
	rec := func(file, name string, score float64) Record {
		return Record{File: file, Name: name, Score: score, Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{}}
	}
	reps := []*Report{
		jobReport("Backend", rec("in/a.pdf", "Ada", 73.5), rec("in/b.pdf", "Bo", 0)),
		jobReport("Frontend", rec("in/a.pdf", "Ada", 12)),
	}
	// A job's Rules sheet shows its rules; a job without rules has an
	// empty one.
	backend := &rules.Set{Title: "Backend", Required: []rules.Item{{Skill: "Go"}}}
	jobs := []Job{{Name: "Backend", Rules: backend}, {Name: "Frontend"}}
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, reps, JobsWorkbookOptions{Jobs: jobs, Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows(bestFitSheet)
	if err != nil {
		t.Fatal(err)
	}
	// Rank, Name, Email, Best fit, Qualified for, Score: Backend, Score: Frontend, CV.
	if len(rows) != 3 || rows[1][1] != "Ada" || rows[2][1] != "Bo" {
		t.Fatalf("rows %q", rows)
	}
	if rows[1][5] != "73.5" || rows[1][6] != "12.0" {
		t.Errorf("Ada's scores %q, want 73.5 and 12.0", rows[1][5:7])
	}
	if rows[2][5] != "0.0" || rows[2][6] != "" {
		t.Errorf("Bo's scores %q, want 0 for the job scored and nothing for the other", rows[2][5:7])
	}
	for _, c := range []struct{ best, shortlist, sheet string }{
		{"F2", "C2", "Backend"}, {"F3", "C3", "Backend"}, {"G2", "C2", "Frontend"},
	} {
		got, err := wb.GetCellStyle(bestFitSheet, c.best)
		if err != nil {
			t.Fatal(err)
		}
		want, err := wb.GetCellStyle(c.sheet, c.shortlist)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s has style %d, the %s shortlist's score %s has %d", c.best, got, c.sheet, c.shortlist, want)
		}
	}
	if ok, target, err := wb.GetCellHyperLink(bestFitSheet, "H2"); err != nil || !ok || target != "in/a.pdf" {
		t.Errorf("Ada's CV cell links to %q (%v, %v), want in/a.pdf", target, ok, err)
	}
	if cells, err := wb.GetRows("Rules · Backend"); err != nil || !slices.ContainsFunc(cells, func(r []string) bool { return slices.Contains(r, "Go") }) {
		t.Errorf("Rules · Backend sheet %q (%v), want the required Go", cells, err)
	}
	dim, err := wb.GetSheetDimension(bestFitSheet)
	if err != nil || dim != "A1:H3" {
		t.Errorf("used range %q (%v), want A1:H3", dim, err)
	}
}

// TestBestFitsOnePerPerson: another version of a candidate (same_person for
// a job, which keeps the version it ranks best) is the same row of the
// Best fit sheet, not a row of its own, even when the jobs keep different
// versions; each job's score is that of the version on its shortlist, and
// the file is the one the best job keeps.
func TestBestFitsOnePerPerson(t *testing.T) {
	rec := func(file, name string, score float64, qualified bool) Record {
		return Record{File: file, Name: name, Score: score, Qualified: qualified}
	}
	samePerson := func(r Record, kept string) Record {
		r.Status, r.SamePersonAs = StatusSamePerson, kept
		return r
	}
	backend := jobReport("Backend", rec("ada.pdf", "Ada", 80, true), rec("bo.pdf", "Bo", 40, false))
	backend.Records = append(backend.Records, samePerson(rec("ada.docx", "Ada", 70, true), "ada.pdf"))
	frontend := jobReport("Frontend", rec("ada.docx", "Ada", 90, true), rec("bo.pdf", "Bo", 30, false))
	frontend.Records = append(frontend.Records, samePerson(rec("ada.pdf", "Ada", 85, true), "ada.docx"))
	backend.Counts, frontend.Counts = count(backend.Records), count(frontend.Records)
	fits, err := bestFits([]*Report{backend, frontend})
	if err != nil {
		t.Fatal(err)
	}
	if len(fits) != 2 {
		t.Fatalf("%d rows, want one for Ada and one for Bo: %+v", len(fits), fits)
	}
	ada := fits[0]
	if ada.name != "Ada" || ada.best != 1 || ada.file != "ada.docx" || !slices.Equal(ada.scores, []float64{80, 90}) {
		t.Errorf("Ada's row: file %s, best job %d, scores %v; want ada.docx, 1 (Frontend), [80 90]", ada.file, ada.best, ada.scores)
	}
}

// TestJobsWorkbookErrorsSamePerson: the Errors sheet of several jobs lists
// a version of a candidate that no job's shortlist shows, as the workbook
// of one job does, and not a version some job's shortlist shows.
func TestJobsWorkbookErrorsSamePerson(t *testing.T) {
	rec := func(file string, score float64) Record {
		return Record{File: file, Name: "Ada", Score: score, Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{}}
	}
	samePerson := func(r Record, kept string) Record {
		r.Status, r.SamePersonAs, r.Error, r.Message = StatusSamePerson, kept, parsers.ReasonSamePerson, "same person as "+kept
		return r
	}
	backend := jobReport("Backend", rec("ada.pdf", 80))
	backend.Records = append(backend.Records, samePerson(rec("ada.docx", 70), "ada.pdf"), samePerson(rec("ada-old.pdf", 10), "ada.pdf"))
	frontend := jobReport("Frontend", rec("ada.docx", 90))
	frontend.Records = append(frontend.Records, samePerson(rec("ada.pdf", 85), "ada.docx"), samePerson(rec("ada-old.pdf", 10), "ada.docx"))
	backend.Counts, frontend.Counts = count(backend.Records), count(frontend.Records)
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, []*Report{backend, frontend}, JobsWorkbookOptions{Jobs: []Job{{Name: "Backend"}, {Name: "Frontend"}}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("Errors")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, r := range rows[1:] {
		files = append(files, r[0])
	}
	if !slices.Equal(files, []string{"ada-old.pdf"}) {
		t.Errorf("Errors sheet lists %q, want only ada-old.pdf, which no shortlist shows", files)
	}
	best, err := wb.GetRows(bestFitSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(best) != 2 {
		t.Errorf("Best fit rows %q, want Ada once", best)
	}
}

// TestBestFitSheetLayout: the Best fit sheet's CV cell shows the file's
// name, as the shortlists' does; a row whose job names wrap is as tall as
// their lines, and the header row as tall as its longest heading.
func TestBestFitSheetLayout(t *testing.T) {
	long := "Senior Back-End Developer, Payments and Ledgers Platform"
	reps := []*Report{
		jobReport(long, Record{File: "in/sub/ada.pdf", Name: "Ada", Score: 70, Qualified: true}),
		jobReport("QA", Record{File: "in/sub/ada.pdf", Name: "Ada", Score: 10}),
	}
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, reps, JobsWorkbookOptions{Jobs: []Job{{Name: long}, {Name: "QA"}}, Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows(bestFitSheet)
	if err != nil {
		t.Fatal(err)
	}
	if cv := rows[1][len(rows[1])-1]; cv != "ada.pdf" {
		t.Errorf("CV cell %q, want the file's name ada.pdf", cv)
	}
	for _, c := range []struct {
		row   int
		text  string
		width float64
	}{{1, "Score: " + long, 14}, {2, long, 28}} {
		h, err := wb.GetRowHeight(bestFitSheet, c.row)
		if err != nil {
			t.Fatal(err)
		}
		if want := float64(wrappedLines(c.text, c.width) * lineHeight); h < want {
			t.Errorf("row %d is %v high, want at least %v for %q", c.row, h, want, c.text)
		}
	}
}

// TestBestFitNoneAtZero: a candidate who scores 0 for every job and is
// qualified for none has no best job: the cell is empty, not the first job.
func TestBestFitNoneAtZero(t *testing.T) {
	reps := []*Report{
		jobReport("Backend", Record{File: "ada.pdf", Name: "Ada", Score: 0}, Record{File: "bo.pdf", Name: "Bo", Score: 0}),
		jobReport("Frontend", Record{File: "ada.pdf", Name: "Ada", Score: 0}, Record{File: "bo.pdf", Name: "Bo", Score: 5}),
	}
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, reps, JobsWorkbookOptions{Jobs: []Job{{Name: "Backend"}, {Name: "Frontend"}}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows(bestFitSheet)
	if err != nil {
		t.Fatal(err)
	}
	// Rank, Name, Email, Best fit, ...
	if got := [][]string{rows[1][1:4], rows[2][1:4]}; got[0][0] != "Bo" || got[0][2] != "Frontend" || got[1][0] != "Ada" || got[1][2] != "" {
		t.Errorf("rows %q, want Bo's best job Frontend and none for Ada", got)
	}
}

// TestJobsWorkbookErrorsTop: whether a job keeps a CV of a candidate does
// not depend on -top: a version some job keeps, below its cut, is not
// listed on the Errors sheet.
func TestJobsWorkbookErrorsTop(t *testing.T) {
	rec := func(file, name string, score float64) Record {
		return Record{File: file, Name: name, Score: score, Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{}}
	}
	samePerson := func(r Record, kept string) Record {
		r.Status, r.SamePersonAs, r.Error, r.Message = StatusSamePerson, kept, parsers.ReasonSamePerson, "same person as "+kept
		return r
	}
	backend := jobReport("Backend", rec("bo.pdf", "Bo", 90), rec("ada.pdf", "Ada", 80))
	backend.Records = append(backend.Records, samePerson(rec("ada.docx", "Ada", 70), "ada.pdf"))
	frontend := jobReport("Frontend", rec("bo.pdf", "Bo", 95), rec("ada.docx", "Ada", 90))
	frontend.Records = append(frontend.Records, samePerson(rec("ada.pdf", "Ada", 85), "ada.docx"))
	all := []*Report{backend, frontend}
	for _, r := range all {
		r.Counts = count(r.Records)
	}
	listed := []*Report{backend.Shortlist(1, 0), frontend.Shortlist(1, 0)}
	var b bytes.Buffer
	if err := WriteJobsWorkbook(&b, listed, JobsWorkbookOptions{Jobs: []Job{{Name: "Backend"}, {Name: "Frontend"}}, Unlisted: all}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("Errors")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Errorf("Errors sheet %q, want no CV: each is kept by a job", rows)
	}
	best, err := wb.GetRows(bestFitSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(best) != 3 {
		t.Errorf("Best fit %q, want Bo and Ada", best)
	}
}
