package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/screener/screener/internal/pgtest"
	"github.com/screener/screener/screener"
	"github.com/xuri/excelize/v2"
)

// The screen command re-executes its own binary as an extraction worker.
// In tests that binary is the test binary: the environment variable makes
// it behave as the real main.
func TestMain(m *testing.M) {
	// A fuzzing worker is this test binary too, started by the fuzzer.
	fuzzWorker := slices.ContainsFunc(os.Args, func(a string) bool { return strings.HasPrefix(a, "-test.fuzzworker") })
	if os.Getenv("SCREENER_TEST_AS_MAIN") == "1" && !fuzzWorker {
		if log := os.Getenv(workerStartsEnv); log != "" && len(os.Args) > 1 && os.Args[1] == workerSwitch {
			if f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
				fmt.Fprintln(f, os.Getpid())
				f.Close()
			}
		}
		main()
		return
	}
	os.Setenv("SCREENER_TEST_AS_MAIN", "1")
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

// workerStartsEnv names a file to which each extraction worker the tests
// start appends a line (see TestPostingReadByRunWorker).
const workerStartsEnv = "SCREENER_TEST_WORKER_STARTS"

// TestPostingReadByRunWorker: a run reads its -job posting with the worker
// that then reads its resumes, not in a worker process of its own.
func TestPostingReadByRunWorker(t *testing.T) {
	starts := filepath.Join(t.TempDir(), "starts")
	t.Setenv(workerStartsEnv, starts)
	code, _, stderr := runCLI(t, "screen", "-workers", "1", "-job", posting, "-quiet", "-out", "", "-jsonl", filepath.Join(t.TempDir(), "out.jsonl"), oneResume(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if lines := strings.Fields(mustRead(t, starts)); len(lines) != 1 {
		t.Errorf("%d extraction workers started (%v), want 1", len(lines), lines)
	}
}

// pg is the PostgreSQL server of the tests that keep state in one.
var pg = pgtest.New()

const (
	posting = "../../testdata/example/backend-posting.txt"
	resumes = "../../testdata/example/resumes"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestScreenExample screens the example as a nightly job would: the
// resumes in an inbox folder, the workbook in a folder beside it (so CV
// links are relative: ../inbox/alice.pdf), and opens what it wrote.
func TestScreenExample(t *testing.T) {
	root := t.TempDir()
	inbox, dir := filepath.Join(root, "inbox"), filepath.Join(root, "shortlists")
	if err := os.CopyFS(inbox, os.DirFS(resumes)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	xlsx, jsonl, csvPath := filepath.Join(dir, "s.xlsx"), filepath.Join(dir, "s.jsonl"), filepath.Join(dir, "s.csv")
	// Flags after the folder are flags too.
	code, _, stderr := runCLI(t, "screen", "-job", posting, "-as-of", "2026-06-01", inbox, "-quiet",
		"-out", xlsx, "-jsonl", jsonl, "-csv", csvPath)
	if code != exitSomeBad {
		t.Fatalf("exit %d, want %d (some files are broken on purpose); stderr:\n%s", code, exitSomeBad, stderr)
	}
	if stderr != "" {
		t.Errorf("-quiet printed %q", stderr)
	}
	// The results, spilled beside the outputs during the run, and the
	// workbook's rows, notes and links, written through files of their
	// own, leave nothing behind.
	if left, _ := os.ReadDir(dir); len(left) != 3 {
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		t.Errorf("the outputs' folder holds %q, want only the three outputs", names)
	}

	// JSON Lines: exactly one record per input file.
	entries, err := os.ReadDir(resumes)
	if err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	f, err := os.Open(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad JSON line: %v", err)
		}
		recs = append(recs, r)
	}
	if len(recs) != len(entries) {
		t.Errorf("%d JSONL records for %d input files", len(recs), len(entries))
	}
	status := map[string]string{}
	reason := map[string]string{}
	for _, r := range recs {
		base := filepath.Base(r["file"].(string))
		status[base], _ = r["status"].(string)
		reason[base], _ = r["error"].(string)
	}
	wantStatus := map[string][2]string{
		"alice.pdf":                {"ok", ""},
		"bruno.docx":               {"ok", ""},
		"emeka.md":                 {"ok", ""},
		"farah.txt":                {"ok", ""},
		"george.pdf":               {"ok", ""},
		"george-copy.pdf":          {"duplicate", "duplicate"},
		"ines.txt":                 {"ok", ""},
		"bruno-2023.txt":           {"same_person", "same_person"},
		"ivan-truncated.pdf":       {"error", "corrupt"},
		"julia-renamed-binary.pdf": {"error", "unsupported"},
		"kim-encrypted.pdf":        {"error", "encrypted"},
		"~$bruno.docx":             {"skipped", "skipped"},
		".DS_Store":                {"skipped", "skipped"},
		"salary-notes.csv":         {"skipped", "skipped"},
	}
	for file, want := range wantStatus {
		if status[file] != want[0] || reason[file] != want[1] {
			t.Errorf("%s: status %q reason %q, want %q %q", file, status[file], reason[file], want[0], want[1])
		}
	}
	if recs[0]["rank"].(float64) != 1 {
		t.Errorf("first record has rank %v", recs[0]["rank"])
	}

	// Workbook.
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	want := []string{"Shortlist", "Skills", "Errors", "Rules", "Summary"}
	if got := wb.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sheets %v, want %v", got, want)
	}
	for _, sheet := range want {
		checkPrintSetup(t, wb, sheet)
	}
	for sheet, cols := range map[string]int{"Shortlist": 2, "Skills": 2, "Errors": 0} {
		if p, err := wb.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != cols {
			t.Errorf("%s: want the header row and %d columns frozen: %+v, %v", sheet, cols, p, err)
		}
	}
	rows, err := wb.GetRows("Shortlist")
	if err != nil {
		t.Fatal(err)
	}
	col := columnsOf(t, rows[0], "Rank", "Name", "Qualified", "Why not qualified", "CV", "Email")
	if col["Rank"] != 0 || col["Name"] != 1 {
		t.Errorf("Rank and Name are not the two frozen columns: %v", rows[0])
	}
	if len(rows) != 1+9 {
		t.Errorf("Shortlist has %d candidates, want 9", len(rows)-1)
	}
	byName := map[string][]string{}
	for _, r := range rows[1:] {
		byName[r[col["Name"]]] = append(r, make([]string, len(rows[0]))...) // pad the empty trailing cells
	}
	// The best candidates know Go/Java/Python, a database, Docker and
	// Kubernetes; every other candidate says why not, in words.
	for i, r := range rows[1:5] {
		if r[col["Qualified"]] != "yes" {
			t.Errorf("top-4 candidate %s not qualified", r[col["Name"]])
		}
		if want := []string{"Alice Moreau", "Emeka Obi", "George Papadopoulos", "Bruno Silva"}; !slices.Contains(want, r[col["Name"]]) {
			t.Errorf("rank %d is %s, want one of %v", i+1, r[col["Name"]], want)
		}
	}
	whyNot := map[string]string{
		"Ines Carvalho": "no bachelor degree found",
		"Dana Kowalski": "missing required Kubernetes; 0.3 years of experience, 4 required",
		"Farah Haddad":  "missing required Docker, Kubernetes, REST; needs 1 of PostgreSQL, MySQL",
		"Chen Wei":      "missing required Docker, Kubernetes, REST; needs 1 of Go, Java, Python; needs 1 of PostgreSQL, MySQL",
		"Alice Moreau":  "",
	}
	for name, want := range whyNot {
		r, ok := byName[name]
		if !ok {
			t.Errorf("%s not on the Shortlist", name)
			continue
		}
		if got := r[col["Why not qualified"]]; got != want {
			t.Errorf("%s: why not %q, want %q", name, got, want)
		}
	}
	// The CV cell shows the file name and links to the file relative to
	// the workbook's folder; the e-mail is a mailto link.
	for i := 2; i <= len(rows); i++ {
		name, _ := wb.GetCellValue("Shortlist", cellName(col["Name"], i))
		cv, _ := wb.GetCellValue("Shortlist", cellName(col["CV"], i))
		ok, link, err := wb.GetCellHyperLink("Shortlist", cellName(col["CV"], i))
		if err != nil || !ok || strings.Contains(cv, "/") {
			t.Errorf("%s: CV cell %q, link %v %v", name, cv, ok, err)
			continue
		}
		if want := "../inbox/" + cv; link != want {
			t.Errorf("%s: CV link %q, want %q (relative to the workbook)", name, link, want)
		}
		if email, _ := wb.GetCellValue("Shortlist", cellName(col["Email"], i)); email != "" {
			if ok, link, _ := wb.GetCellHyperLink("Shortlist", cellName(col["Email"], i)); !ok || link != "mailto:"+email {
				t.Errorf("%s: e-mail link %q", name, link)
			}
		}
	}
	errRows, _ := wb.GetRows("Errors")
	gotErrors := map[string][2]string{}
	for _, r := range errRows[1:] {
		gotErrors[filepath.Base(r[0])] = [2]string{r[2], r[3]}
	}
	for file, want := range map[string]string{"ivan-truncated.pdf": "corrupt", "julia-renamed-binary.pdf": "unsupported",
		"kim-encrypted.pdf": "encrypted", "george-copy.pdf": "duplicate", "bruno-2023.txt": "same_person"} {
		if gotErrors[file][0] != want {
			t.Errorf("Errors sheet: %s reason %q, want %q", file, gotErrors[file][0], want)
		}
	}
	if msg := gotErrors["bruno-2023.txt"][1]; !strings.Contains(msg, "bruno.docx") || !strings.Contains(msg, "same e-mail") {
		t.Errorf("same-person message %q", msg)
	}
	// An unreadable CV is a link too, to open it and see why.
	if ok, link, err := wb.GetCellHyperLink("Errors", "A2"); !ok || err != nil || !strings.HasPrefix(link, "../inbox/") {
		t.Errorf("Errors!A2 link %q %v %v, want ../inbox/…", link, ok, err)
	}
	summary, _ := wb.GetRows("Summary")
	counts := map[string]string{}
	for _, r := range summary {
		if len(r) > 1 {
			counts[r[0]] = r[1]
		}
	}
	if counts["Ranked candidates"] != "9" || counts["Same person, another version"] != "1" || counts["Duplicates (identical files)"] != "1" {
		t.Errorf("Summary counts %v", counts)
	}
	rulesRows, _ := wb.GetRows("Rules")
	var knockouts []string
	for _, r := range rulesRows[1:] {
		if len(r) > 2 && r[2] == "yes" {
			knockouts = append(knockouts, r[0]+": "+r[1])
		}
	}
	if len(knockouts) != 7 || !slices.Contains(knockouts, "Must have: REST") || !slices.Contains(knockouts, "Experience: at least 4 years in all") {
		t.Errorf("Rules sheet knockouts %q", knockouts)
	}
	skills, _ := wb.GetRows("Skills")
	if len(skills) != 10 || skills[0][1] != "Name" || skills[0][2] != "Score" || skills[0][4] != "Docker (required)" {
		t.Errorf("Skills sheet: %d rows, header %v", len(skills), skills[0])
	}

	// CSV mirrors the shortlist.
	cf, _ := os.Open(csvPath)
	defer cf.Close()
	crows, err := csv.NewReader(cf).ReadAll()
	if err != nil || len(crows) != 10 || crows[1][1] != rows[1][1] {
		t.Errorf("CSV: %d rows, err %v", len(crows), err)
	}
}

// columnsOf finds named columns in a header row.
func columnsOf(t *testing.T, header []string, names ...string) map[string]int {
	t.Helper()
	col := map[string]int{}
	for _, n := range names {
		i := slices.Index(header, n)
		if i < 0 {
			t.Fatalf("no column %q in %v", n, header)
		}
		col[n] = i
	}
	return col
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col+1, row)
	return c
}

// checkPrintSetup: landscape, one page wide, the header row on every page.
func checkPrintSetup(t *testing.T, wb *excelize.File, sheet string) {
	t.Helper()
	pl, err := wb.GetPageLayout(sheet)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("%s: page layout %+v, %v", sheet, pl, err)
	}
	if p, err := wb.GetSheetProps(sheet); err != nil || p.FitToPage == nil || !*p.FitToPage {
		t.Errorf("%s: not fit to page: %v", sheet, err)
	}
	if sheet == "Summary" {
		return // no header row
	}
	found := false
	for _, dn := range wb.GetDefinedName() {
		found = found || (dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && strings.HasSuffix(dn.RefersTo, "!$1:$1"))
	}
	if !found {
		t.Errorf("%s: header row not repeated on printed pages", sheet)
	}
}

func TestScreenIsDeterministic(t *testing.T) {
	var outs []string
	for i := 0; i < 2; i++ {
		code, out, stderr := runCLI(t, "screen", "-rules", "../../testdata/example/backend-rules.yaml", "-as-of", "2026-06-01",
			"-quiet", "-out", "", "-jsonl", "-", "-workers", []string{"1", "4"}[i], resumes)
		if code != exitSomeBad {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// run_at is when each run started: the one field that must differ.
		outs = append(outs, regexp.MustCompile(`"run_at":"[^"]*"`).ReplaceAllString(out, `"run_at":""`))
	}
	if outs[0] != outs[1] {
		t.Error("JSON Lines differ between runs with 1 and 4 workers")
	}
}

func TestFormulaInjection(t *testing.T) {
	dir := t.TempDir()
	resume := "Mallory Evil\n=HYPERLINK(\"http://evil.example\",\"click\") Go, Python, Docker, Kubernetes, PostgreSQL\n"
	os.WriteFile(filepath.Join(dir, "mallory.txt"), []byte(resume), 0o644)
	xlsx, csvPath := filepath.Join(dir, "s.xlsx"), filepath.Join(dir, "s.csv")
	if code, _, stderr := runCLI(t, "screen", "-job", posting, "-quiet", "-out", xlsx, "-csv", csvPath, dir+"/mallory.txt"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	header, _ := wb.GetRows("Shortlist")
	ref := cellName(columnsOf(t, header[0], "Evidence")["Evidence"], 2)
	ev, _ := wb.GetCellValue("Shortlist", ref)
	f, _ := wb.GetCellFormula("Shortlist", ref)
	if !strings.Contains(ev, "=HYPERLINK(") || f != "" {
		t.Errorf("evidence cell value %q formula %q: want the text, no formula", ev, f)
	}
	cf, _ := os.Open(csvPath)
	defer cf.Close()
	rows, err := csv.NewReader(cf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("CSV cell %q would run as a formula", cell)
			}
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("required:\n  - Go\n  - postgress\n"), 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Jo Doe\nSkills: Go, Docker, Kubernetes, PostgreSQL\n"), 0o644)
	unread := filepath.Join(dir, "unread")
	os.Mkdir(unread, 0o755)
	for _, name := range []string{"old-cv.wps", "cv.pages", "photo-cv.heic", "notes.csv"} {
		os.WriteFile(filepath.Join(unread, name), []byte("not read"), 0o644)
	}
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStderr string
	}{
		{"nothing screened", []string{"screen", "-job", posting, "-out", filepath.Join(dir, "u.xlsx"), unread}, exitNothing,
			"screener: " + filepath.Join(unread, "old-cv.wps") + ": unsupported format: a Works document (.wps) (hint: save it as PDF or DOCX"},
		{"negative -top", []string{"screen", "-job", posting, "-top", "-5", good}, exitUsage, "-top must be 0 (all) or more"},
		{"negative -min-score", []string{"screen", "-job", posting, "-min-score", "-5", good}, exitUsage, "-min-score must be between 0 and 100"},
		{"-new-since without -state", []string{"screen", "-job", posting, "-new-since", "24h", good}, exitUsage, "need -state"},
		{"bad -new-since", []string{"screen", "-job", posting, "-new-since", "yesterday", good}, exitUsage, "want a duration such as 24h"},
		{"relative -link-base", []string{"screen", "-job", posting, "-link-base", "shared/cvs", good}, exitUsage, "want an absolute URL"},
		{"flags after the folder", []string{"screen", good, "-job", posting, "-quiet", "-out", filepath.Join(dir, "o2.xlsx")}, exitOK, ""},
		{"watch without -out", []string{"watch", "-state", filepath.Join(dir, "w.db"), "-job", posting, dir}, exitUsage, "-state and -out are required"},
		{"no args", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"both job and rules", []string{"screen", "-job", posting, "-rules", bad, dir}, exitUsage, "exactly one of -job or -rules"},
		{"no paths", []string{"screen", "-job", posting}, exitUsage, "no resume files"},
		{"bad rule file", []string{"screen", "-rules", bad, "-out", "", "-jsonl", "-", good}, exitUsage, `bad.yaml:3: unknown skill "postgress" (did you mean "PostgreSQL"?)`},
		{"missing folder", []string{"screen", "-job", posting, "-out", filepath.Join(dir, "o.xlsx"), filepath.Join(dir, "nope")}, exitFailure, "no such file"},
		{"all good", []string{"screen", "-job", posting, "-quiet", "-out", filepath.Join(dir, "o.xlsx"), good}, exitOK, ""},
		{"rules check bad", []string{"rules", "check", bad}, exitUsage, "did you mean"},
		{"unknown region", []string{"screen", "-job", posting, "-region", "XY", "-out", filepath.Join(dir, "o.xlsx"), good}, exitUsage, `-region: unknown country code "XY"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.wantStderr)
			}
		})
	}
}

// TestContactsAndLetters screens a folder with a resume and a cover letter:
// the letter is listed as not_resume, not ranked; -region writes the
// resume's national phone number in international form; every contact
// field says where it came from.
func TestContactsAndLetters(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "priya.txt"), []byte("PRIYA RAMAN\n020 7946 0018 · priya.raman@example.org\n\nExperience\nEngineer, Acme, 2019 - 2024\nSkills: Go, Docker, Kubernetes, PostgreSQL\n"), 0o644)
	letter, err := os.ReadFile("../../rules/testdata/notresume/cover-letter.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "priya-letter.txt"), letter, 0o644)
	code, out, stderr := runCLI(t, "screen", "-job", posting, "-region", "gb", "-quiet", "-out", "", "-jsonl", "-", dir)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	recs := map[string]map[string]any{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		recs[filepath.Base(r["file"].(string))] = r
	}
	r := recs["priya.txt"]
	for k, want := range map[string]any{"status": "ok", "name": "Priya Raman", "name_source": "header", "phone": "+44 20 7946 0018",
		"phone_source": "header", "email": "priya.raman@example.org", "email_source": "header"} {
		if r[k] != want {
			t.Errorf("resume %s = %v, want %v", k, r[k], want)
		}
	}
	l := recs["priya-letter.txt"]
	if l["status"] != "skipped" || l["error"] != "not_resume" || !strings.Contains(l["message"].(string), "cover letter") || l["rank"] != nil {
		t.Errorf("cover letter: %v", l)
	}
}

func TestExtractSections(t *testing.T) {
	code, out, stderr := runCLI(t, "extract", "-sections", resumes+"/alice.pdf")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"experience | Senior Software Engineer, Paylane", "skills     | Languages: Go, Python, SQL, Bash   <- Go, Python, SQL, Bash"} {
		if !strings.Contains(out, want) {
			t.Errorf("extract -sections output lacks %q:\n%s", want, out)
		}
	}
}

// TestExtractIsolated: extract reads each file in a worker with a time
// limit, as screen does, so a file that loops a parser costs its limit and
// the files after it are still read. The limit holds for alice.pdf too, so
// it leaves room for a worker's start on a loaded machine (2s did not).
func TestExtractIsolated(t *testing.T) {
	code, out, stderr := runCLI(t, "extract", "-timeout", "6s", "../../testdata/parsers/prev-loop.pdf", resumes+"/alice.pdf")
	if code != 1 || !strings.Contains(stderr, "prev-loop.pdf: timeout") || !strings.Contains(out, "Alice Moreau") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1, a timeout for prev-loop.pdf and alice.pdf's text", code, out, stderr)
	}
}

// TestHelpDefaults: each default is shown once, in the unit it is given in.
func TestHelpDefaults(t *testing.T) {
	_, _, stderr := runCLI(t, "screen", "-h")
	for _, want := range []string{"(default 512MiB)", "(default 20MiB)"} {
		if strings.Count(stderr, want) != 1 {
			t.Errorf("help shows %q %d times", want, strings.Count(stderr, want))
		}
	}
	if strings.Contains(stderr, "536870912") {
		t.Error("help shows the memory limit in bytes")
	}
}

// TestVoice: a file's problem is one line, "screener: FILE: reason:
// detail (hint: …)", with the file named once.
func TestVoice(t *testing.T) {
	var b bytes.Buffer
	log := newLogger(&b, "text", false, false)
	log.Warn("file failed", "file", "in/kim.pdf", "reason", "encrypted",
		"message", "in/kim.pdf: encrypted: needs a user password (hint: ask for a copy without a password)")
	log.Warn("file failed", "file", "in/x.pdf", "reason", "error", "message", "stat in/x.pdf: permission denied")
	log.Error("run failed", "err", errors.New("disk full"))
	want := "screener: in/kim.pdf: encrypted: needs a user password (hint: ask for a copy without a password)\n" +
		"screener: in/x.pdf: error: stat in/x.pdf: permission denied\n" +
		"screener: run failed: disk full\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestStatusLine: a message printed during progress goes above the
// progress line, which is drawn again below it.
func TestStatusLine(t *testing.T) {
	var b bytes.Buffer
	s := &statusLine{w: &b}
	p := &progress{line: s}
	p.update(screener.Progress{Done: 1, Total: 10, Elapsed: time.Second})
	fmt.Fprintln(s, "screener: a.pdf: corrupt: truncated")
	s.Set("")
	want := "\r\x1b[Kscreening 1/10  1.0 files/s  ETA …  errors 0" +
		"\r\x1b[Kscreener: a.pdf: corrupt: truncated\nscreening 1/10  1.0 files/s  ETA …  errors 0" +
		"\r\x1b[K"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}

// TestETA: the ETA comes from the recent rate, not the run's average, and
// is not shown before a few files are done.
func TestETA(t *testing.T) {
	p := &progress{line: &statusLine{w: io.Discard}}
	// 5 slow files in the first 50 s, then 10 files a second.
	for i := 1; i <= 5; i++ {
		p.update(screener.Progress{Done: i, Total: 1000, Elapsed: time.Duration(i) * 10 * time.Second})
	}
	for i := 1; i <= 200; i++ {
		p.update(screener.Progress{Done: 5 + i, Total: 1000, Elapsed: 50*time.Second + time.Duration(i)*100*time.Millisecond})
	}
	got := p.text(screener.Progress{Done: 205, Total: 1000, Elapsed: 70 * time.Second})
	if !strings.Contains(got, "ETA 1m20s") { // 795 files at 10 a second, give or take the window's edge
		t.Errorf("got %q, want ETA 1m20s", got)
	}
	early := &progress{line: &statusLine{w: io.Discard}}
	early.update(screener.Progress{Done: 1, Total: 300, Elapsed: 200 * time.Millisecond})
	if got := early.text(screener.Progress{Done: 1, Total: 300, Elapsed: 200 * time.Millisecond}); !strings.Contains(got, "ETA …") {
		t.Errorf("after one file: %q, want no ETA yet", got)
	}
}

// FuzzWindow: -new-since accepts durations and dates; whatever it accepts
// it prints back in a form it accepts again, meaning the same window.
func FuzzWindow(f *testing.F) {
	for _, s := range []string{"24h", "7d", "1.5d", "2026-11-25", "2026-11-25T18:00", "2026-11-25 18:00", "0h", "-3d", "yesterday", ""} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local)
	f.Fuzz(func(t *testing.T, s string) {
		var w window
		if err := w.Set(s); err != nil {
			if w.isSet() {
				t.Errorf("Set(%q) failed but left a window", s)
			}
			return
		}
		if !w.isSet() {
			t.Fatalf("Set(%q) succeeded with no window", s)
		}
		var again window
		if err := again.Set(w.String()); err != nil {
			t.Fatalf("Set(%q): its String %q is refused: %v", s, w.String(), err)
		}
		if got, want := again.start(now), w.start(now); !got.Equal(want) && w.ago%time.Second == 0 {
			t.Errorf("Set(%q): %v, again from %q: %v", s, want, w.String(), got)
		}
	})
}
