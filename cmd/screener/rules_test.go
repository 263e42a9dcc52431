package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/xuri/excelize/v2"
)

func TestRulesDeriveExplain(t *testing.T) {
	code, out, stderr := runCLI(t, "rules", "derive", "-explain", posting)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"# Why each rule:",
		"# required Docker\n#   from:    \"Experience with Docker and Kubernetes in production is a must.\"\n#   cue:     \"must\"\n#   heading: \"Requirements\" (requirements)",
		"# preferred Terraform\n",
		"\nrequired:\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rules derive -explain lacks %q:\n%s", want, out)
		}
	}
	// The explained output is still a rule file.
	path := filepath.Join(t.TempDir(), "rules.yaml")
	os.WriteFile(path, []byte(out), 0o644)
	if code, _, stderr := runCLI(t, "rules", "check", path); code != exitOK {
		t.Errorf("rules check of the explained rules: exit %d: %s", code, stderr)
	}
	// Without -explain, the same rules and no explanation.
	_, plain, _ := runCLI(t, "rules", "derive", posting)
	if strings.Contains(plain, "Why each rule") || !strings.HasSuffix(out, plain[strings.Index(plain, "title:"):]) {
		t.Errorf("rules derive without -explain:\n%s", plain)
	}
	if code, _, stderr := runCLI(t, "rules", "derive", "-explain"); code != exitUsage || !strings.Contains(stderr, "usage") {
		t.Errorf("rules derive -explain without a posting: exit %d, %q", code, stderr)
	}
}

// TestScreenSeveralJobs screens the example folder for two jobs at once:
// one workbook with a Best fit sheet and a shortlist per job, JSON Lines
// with every file once per job, each record naming its job.
func TestScreenSeveralJobs(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "jobs.xlsx")
	second := "../../testdata/postings/02-react-frontend.txt"
	code, out, stderr := runCLI(t, "screen", "-job", posting, "-job", second, "-as-of", "2026-06-01", "-out", xlsx, "-jsonl", "-", resumes)
	if code != exitSomeBad {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitSomeBad, stderr)
	}
	if !strings.Contains(stderr, "(Payments Platform), ") || !strings.Contains(stderr, " Frontend Developer (mid-level)") {
		t.Errorf("summary line does not give each job's qualified count: %q", stderr)
	}
	entries, _ := os.ReadDir(resumes)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2*len(entries) {
		t.Errorf("%d JSON Lines records for %d files and two jobs", len(lines), len(entries))
	}
	for i, want := range []string{`"job":"Senior Backend Engineer (Payments Platform)"`, `"job":"Frontend Developer (mid-level)"`} {
		if n := strings.Count(out, want); n != len(entries) {
			t.Errorf("job %d: %d records carry %s, want %d", i, n, want, len(entries))
		}
	}
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	want := []string{"Best fit", "Senior Backend Engineer (Paymen", "Rules · Senior Backend Engineer", "Frontend Developer (mid-level)", "Rules · Frontend Developer (mid", "Errors"}
	if got := wb.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	// The backend job's sheet is the Shortlist of a run for it alone.
	single := filepath.Join(dir, "one.xlsx")
	if code, _, stderr := runCLI(t, "screen", "-job", posting, "-as-of", "2026-06-01", "-quiet", "-out", single, resumes); code != exitSomeBad {
		t.Fatalf("single job: exit %d: %s", code, stderr)
	}
	one, err := excelize.OpenFile(single)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	wantRows, _ := one.GetRows("Shortlist")
	gotRows, _ := wb.GetRows(want[1])
	if !slices.EqualFunc(gotRows, wantRows, slices.Equal) {
		t.Errorf("backend sheet differs from the single run's Shortlist:\n%q\n%q", gotRows, wantRows)
	}
	if code, _, stderr := runCLI(t, "screen", "-job", posting, "-rules", "../../testdata/example/backend-rules.yaml", resumes); code != exitUsage || !strings.Contains(stderr, "exactly one of -job or -rules") {
		t.Errorf("-job with -rules: exit %d, %q", code, stderr)
	}
}

// TestPostingErrors: a posting that cannot be used says why and what to do,
// with the exit status the manual gives: an empty file (1, could not run),
// a posting that names no skill screener knows (2, as an invalid rule file,
// not a usage mistake).
func TestPostingErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	none := filepath.Join(dir, "office.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(none, []byte("Office Manager\n\nRequirements\n- A friendly manner at the front desk\n- Greeting visitors\n"), 0o644)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"rules", "derive", empty}, exitFailure, "empty.txt: no text"},
		{[]string{"screen", "-job", empty, "-out", filepath.Join(dir, "a.xlsx"), resumes}, exitFailure, "empty.txt: no text"},
		{[]string{"rules", "derive", none}, exitUsage, "office.txt: no known skills found in the posting (hint: "},
		{[]string{"screen", "-job", none, "-out", filepath.Join(dir, "a.xlsx"), resumes}, exitUsage, "office.txt: no known skills found in the posting (hint: "},
	} {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "(hint: ") || strings.Contains(stderr, "Run 'screener help'") {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q, without a usage line", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestRulesDeriveHelp: -help prints the derive command's own usage and
// exits 0, as every other command's does.
func TestRulesDeriveHelp(t *testing.T) {
	code, _, stderr := runCLI(t, "rules", "derive", "-help")
	if code != exitOK || !strings.Contains(stderr, "Usage: screener rules derive [-explain] POSTING") || strings.Contains(stderr, "help requested") {
		t.Errorf("rules derive -help: exit %d, %q", code, stderr)
	}
}

// TestDeriveFromScan: rules derived from a posting read with OCR say so, in
// the rule file's header, so that they are checked against the posting.
func TestDeriveFromScan(t *testing.T) {
	text := "Backend Engineer\n\nRequirements\n- Strong Go\n- PostgreSQL\n"
	for _, ocr := range []bool{false, true} {
		read := func(context.Context, string) (*parsers.Document, error) {
			return &parsers.Document{Text: text, OCR: ocr, OCRConfidence: 87.4}, nil
		}
		var b strings.Builder
		if err := writeDerived(context.Background(), &b, "scan.pdf", false, read); err != nil {
			t.Fatal(err)
		}
		const note = "# Read from a scan with OCR (mean word confidence 87%): check each rule against the posting.\n"
		if got := strings.Contains(b.String(), note); got != ocr {
			t.Errorf("OCR %v: note %v in\n%s", ocr, got, b.String())
		}
		if !strings.Contains(b.String(), "skill: PostgreSQL") {
			t.Errorf("no rules:\n%s", b.String())
		}
	}
}

// TestWarnOCR: screen warns that a -job posting was read with OCR, and
// says nothing of one with a text layer.
func TestWarnOCR(t *testing.T) {
	for _, ocr := range []bool{false, true} {
		var b strings.Builder
		log := slog.New(newVoice(&b, slog.LevelWarn))
		read := warnOCR(func(context.Context, string) (*parsers.Document, error) {
			return &parsers.Document{Text: "Go", OCR: ocr, OCRConfidence: 61}, nil
		}, log)
		if _, err := read(context.Background(), "scan.pdf"); err != nil {
			t.Fatal(err)
		}
		want := "screener: scan.pdf: posting read from a scan with OCR (mean word confidence 61%): check its rules with 'screener rules derive -explain scan.pdf'\n"
		if got := b.String(); (got == want) != ocr || (!ocr && got != "") {
			t.Errorf("OCR %v: logged %q", ocr, got)
		}
	}
}
