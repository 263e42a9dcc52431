package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The screen command re-executes its own binary as an extraction worker.
// In tests that binary is the test binary: the environment variable makes
// it behave as the real main.
func TestMain(m *testing.M) {
	if os.Getenv("SCREENER_TEST_AS_MAIN") == "1" {
		main()
		return
	}
	os.Setenv("SCREENER_TEST_AS_MAIN", "1")
	os.Exit(m.Run())
}

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

func TestScreenExample(t *testing.T) {
	dir := t.TempDir()
	xlsx, jsonl, csvPath := filepath.Join(dir, "s.xlsx"), filepath.Join(dir, "s.jsonl"), filepath.Join(dir, "s.csv")
	code, _, stderr := runCLI(t, "screen", "-job", posting, "-as-of", "2026-06-01", "-quiet",
		"-out", xlsx, "-jsonl", jsonl, "-csv", csvPath, resumes)
	if code != exitSomeBad {
		t.Fatalf("exit %d, want %d (some files are broken on purpose); stderr:\n%s", code, exitSomeBad, stderr)
	}
	if stderr != "" {
		t.Errorf("-quiet printed %q", stderr)
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
		"george-copy.pdf":          {"ok", ""},
		"george.pdf":               {"duplicate", "duplicate"},
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
	for _, sheet := range []string{"Shortlist", "Skills", "Errors"} {
		if p, err := wb.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v, %v", sheet, p, err)
		}
	}
	rows, err := wb.GetRows("Shortlist")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Rank" || rows[0][3] != "Name" || rows[0][11] != "File" {
		t.Errorf("Shortlist header %v", rows[0])
	}
	if len(rows) != 1+8 {
		t.Errorf("Shortlist has %d candidates, want 8", len(rows)-1)
	}
	// The best candidates know Go/Java/Python, a database, Docker and
	// Kubernetes; the front-end developer and the analyst are not qualified.
	top := map[string]bool{}
	for _, r := range rows[1:5] {
		top[r[3]] = true
		if r[2] != "yes" {
			t.Errorf("top-4 candidate %s not qualified", r[3])
		}
	}
	for _, name := range []string{"Alice Moreau", "Emeka Obi", "George Papadopoulos", "Bruno Silva"} {
		if !top[name] {
			t.Errorf("%s not in the top 4: %v", name, rows[1:5])
		}
	}
	for _, r := range rows[5:] {
		if r[2] != "no" {
			t.Errorf("candidate %s qualified, want not", r[3])
		}
	}
	formula, err := wb.GetCellFormula("Shortlist", "L2")
	if err != nil || !strings.HasPrefix(formula, "HYPERLINK(") {
		t.Errorf("file cell formula %q, %v; want a HYPERLINK", formula, err)
	}
	errRows, _ := wb.GetRows("Errors")
	gotErrors := map[string]string{}
	for _, r := range errRows[1:] {
		gotErrors[filepath.Base(r[0])] = r[2]
	}
	for file, want := range map[string]string{"ivan-truncated.pdf": "corrupt", "julia-renamed-binary.pdf": "unsupported", "kim-encrypted.pdf": "encrypted", "george.pdf": "duplicate"} {
		if gotErrors[file] != want {
			t.Errorf("Errors sheet: %s reason %q, want %q", file, gotErrors[file], want)
		}
	}
	if v, _ := wb.GetCellValue("Summary", "B2"); v != "8" {
		t.Errorf("Summary screened = %q, want 8", v)
	}
	if v, _ := wb.GetCellValue("Rules", "B1"); v != "Senior Backend Engineer (Payments Platform)" {
		t.Errorf("Rules title = %q", v)
	}
	skills, _ := wb.GetRows("Skills")
	if len(skills) != 9 || skills[0][1] != "Name" {
		t.Errorf("Skills sheet: %d rows, header %v", len(skills), skills[0])
	}

	// CSV mirrors the shortlist.
	cf, _ := os.Open(csvPath)
	defer cf.Close()
	crows, err := csv.NewReader(cf).ReadAll()
	if err != nil || len(crows) != 9 || crows[1][3] != rows[1][3] {
		t.Errorf("CSV: %d rows, err %v", len(crows), err)
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
		outs = append(outs, out)
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
	ev, _ := wb.GetCellValue("Shortlist", "M2")
	f, _ := wb.GetCellFormula("Shortlist", "M2")
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
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStderr string
	}{
		{"no args", nil, exitUsage, "Usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"both job and rules", []string{"screen", "-job", posting, "-rules", bad, dir}, exitUsage, "exactly one of -job or -rules"},
		{"no paths", []string{"screen", "-job", posting}, exitUsage, "no resume files"},
		{"bad rule file", []string{"screen", "-rules", bad, "-out", "", "-jsonl", "-", good}, exitUsage, `bad.yaml:3: unknown skill "postgress" (did you mean "PostgreSQL"?)`},
		{"missing folder", []string{"screen", "-job", posting, "-out", filepath.Join(dir, "o.xlsx"), filepath.Join(dir, "nope")}, exitFailure, "no such file"},
		{"all good", []string{"screen", "-job", posting, "-quiet", "-out", filepath.Join(dir, "o.xlsx"), good}, exitOK, ""},
		{"rules check bad", []string{"rules", "check", bad}, exitUsage, "did you mean"},
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
