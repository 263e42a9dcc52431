package screener

import (
	"bytes"
	"encoding/csv"
	"flag"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenReport is a small report with the cases the Shortlist must show:
// a qualified candidate with links, one ruled out by a missing skill, an
// unmet group, the degree and the years, one without contact details, and
// text that looks like a formula.
func goldenReport() *Report {
	found := func(skill, line string) rules.Found { return rules.Found{Skill: skill, Count: 1, Evidence: line} }
	years := func(y float64) *float64 { return &y }
	recs := []Record{
		{File: "inbox/jane-doe.pdf", Status: StatusOK, Rank: 1, Score: 91.5, Qualified: true, Name: "Jane Doe",
			Email: "jane@example.com", Phone: "+1 415 555 0134", YearsExperience: years(6.5),
			Title: "Staff Engineer", TitleSource: rules.SourceRole, Location: "Austin, TX", LocationSource: rules.SourceHeader,
			Links:   []string{"https://www.linkedin.com/in/janedoe", "github.com/janedoe", "https://jane.dev"},
			Matched: []string{"Docker", "Go"}, Missing: []string{}, MatchedPreferred: []string{"AWS"},
			SkillsFound: []rules.Found{found("AWS", "Terraform on AWS"), found("Docker", "Go and Docker on Kubernetes"), found("Go", "Go and Docker on Kubernetes")}},
		{File: "inbox/sub/max.docx", Status: StatusOK, Rank: 2, Score: 40, Qualified: false, Name: "Max Mustermann",
			Email: "max@example.de", Phone: "-49 30 123456", YearsExperience: years(1.5),
			Title: "Backend Developer", TitleSource: rules.SourceHeadline, Uncertain: []string{rules.FieldTitle}, LocationSource: rules.SourceNotFound,
			Knockouts: []string{"missing required Docker", "needs 1 of Go, Java", "no bachelor degree found", "1.5 years of experience, 4 required"},
			Matched:   []string{}, Missing: []string{"Docker", "one of Go/Java"}, MatchedPreferred: []string{}},
		{File: "elsewhere/=cmd.txt", Status: StatusOK, Rank: 3, Score: 0, Name: "=HYPERLINK(\"http://x\")", NameSource: rules.SourceEmail,
			Uncertain: []string{rules.FieldName},
			Matched:   []string{}, Missing: []string{}, MatchedPreferred: []string{}},
		{File: "inbox/broken.pdf", Status: StatusError, Error: "corrupt", Message: "inbox/broken.pdf: corrupt: truncated"},
	}
	return &Report{Records: recs, Counts: count(recs), RuleHash: "h"}
}

// TestShortlistGolden pins the Shortlist's columns and rows, through the
// CSV; run with -update after a deliberate change.
func TestShortlistGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, goldenReport(), CSVOptions{Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "shortlist.golden.csv")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(want) {
		t.Errorf("CSV differs from %s (run with -update if deliberate):\n%s", golden, buf.String())
	}
}

// TestWorkbookMatchesCSV: the Shortlist sheet and the CSV come from one
// column table: same headers, same text in every cell but the links.
func TestWorkbookMatchesCSV(t *testing.T) {
	rep := goldenReport()
	var xb, cb bytes.Buffer
	if err := WriteWorkbook(&xb, rep, WorkbookOptions{Rules: &rules.Set{}, Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&cb, rep, CSVOptions{Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&xb)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows("Shortlist", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	crows, err := csv.NewReader(&cb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(crows) {
		t.Fatalf("%d sheet rows, %d CSV rows", len(rows), len(crows))
	}
	cols := ShortlistColumns(false)
	env := &tableEnv{links: Links{Dir: "."}}
	for i := range crows {
		for j, c := range cols {
			got := ""
			if j < len(rows[i]) {
				got = rows[i][j]
			}
			want := strings.TrimPrefix(crows[i][j], "'")
			if i > 0 {
				cell := c.Value(&rep.Records[i-1], env)
				if cell.CSV != "" {
					want = cell.Text // the workbook shows the label; the CSV holds the link
				}
				if cell.IsNum {
					g, _ := strconv.ParseFloat(got, 64)
					w, _ := strconv.ParseFloat(want, 64)
					if math.Abs(g-w) > 0.05 {
						t.Errorf("row %d %s: sheet %q, CSV %q", i, c.Header, got, want)
					}
					continue
				}
			}
			if got != want {
				t.Errorf("row %d %s: sheet %q, CSV %q", i, c.Header, got, want)
			}
		}
	}
}

func TestLinks(t *testing.T) {
	base, _ := url.Parse("https://drive.example.com/hiring/backend")
	tests := []struct {
		name  string
		links Links
		path  string
		want  string
	}{
		{"under the workbook", Links{Dir: "out"}, "out/resumes/jane doe.pdf", "resumes/jane%20doe.pdf"},
		{"beside the workbook", Links{Dir: "shortlists"}, "inbox/backend/jane.pdf", "../inbox/backend/jane.pdf"},
		{"same folder", Links{}, "jane.pdf", "jane.pdf"},
		{"far away", Links{Dir: "a/b/c"}, "x/y.pdf", "file://" + filepath.ToSlash(mustAbs(t, "x/y.pdf"))},
		{"beside, but only through the root", Links{Dir: "/tmp"}, "/srv/cvs/y.pdf", "file:///srv/cvs/y.pdf"},
		{"under a folder at the root", Links{Dir: "/tmp"}, "/tmp/cvs/y.pdf", "cvs/y.pdf"},
		{"a colon in the name", Links{}, "a:b.pdf", "./a:b.pdf"},
		{"link base", Links{Base: base, Roots: []string{"inbox/backend", "other"}}, "inbox/backend/2026/jane doe.pdf",
			"https://drive.example.com/hiring/backend/2026/jane%20doe.pdf"},
		{"link base, file given by name", Links{Base: base, Roots: []string{"inbox/jane.pdf"}}, "inbox/jane.pdf",
			"https://drive.example.com/hiring/backend/jane.pdf"},
		{"link base, a one-letter root", Links{Base: base, Roots: []string{"i"}}, "i/2026/jane.pdf",
			"https://drive.example.com/hiring/backend/2026/jane.pdf"},
		{"link base, the deepest root", Links{Base: base, Roots: []string{"inbox", "inbox/backend"}}, "inbox/backend/2026/jane.pdf",
			"https://drive.example.com/hiring/backend/2026/jane.pdf"},
	}
	for _, tt := range tests {
		if got := tt.links.To(tt.path); got != tt.want {
			t.Errorf("%s: To(%q) = %q, want %q", tt.name, tt.path, got, tt.want)
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestWrappedLines(t *testing.T) {
	tests := []struct {
		s     string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"one two three four", 10, 2}, // 11 per line: "one two" / "three four"
		{"a\nb\nc", 30, 3},
		{strings.Repeat("x", 25), 10, 3}, // a long word breaks anywhere
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.s, tt.width); got != tt.want {
			t.Errorf("wrappedLines(%q, %g) = %d, want %d", tt.s, tt.width, got, tt.want)
		}
	}
}

// TestUncertainContact: a guessed contact value is grey italic, with a note
// saying where it came from; a sure one is plain.
func TestUncertainContact(t *testing.T) {
	rep := goldenReport()
	var b bytes.Buffer
	if err := WriteWorkbook(&b, rep, WorkbookOptions{Rules: &rules.Set{}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	comments, err := wb.GetComments("Shortlist")
	if err != nil {
		t.Fatal(err)
	}
	italic := func(cell string) bool {
		id, _ := wb.GetCellStyle("Shortlist", cell)
		st, _ := wb.GetStyle(id)
		return st != nil && st.Font != nil && st.Font.Italic && st.Font.Color == "808080"
	}
	title := ""
	for i, c := range ShortlistColumns(false) {
		if c.Header == "Current title" {
			title, _ = excelize.CoordinatesToCellName(i+1, 3)
		}
	}
	if len(comments) != 2 || comments[0].Cell != title || !strings.Contains(comments[0].Text, "A guess, from a headline under the name") ||
		comments[1].Cell != "B4" || !strings.Contains(comments[1].Text, "A guess, from the e-mail address") {
		t.Errorf("comments %+v, want one on %s (the headline title) and one on B4 (the guessed name)", comments, title)
	}
	if !italic(title) {
		t.Errorf("the headline title in %s is not shown as a guess", title)
	}
	if !italic("B4") || italic("B2") {
		t.Errorf("guessed name italic %v, sure name italic %v; want only the guess", italic("B4"), italic("B2"))
	}
}

func TestSkillMark(t *testing.T) {
	tests := []struct {
		f    rules.Found
		want string
	}{
		{rules.Found{Skill: "Go"}, "✓"},
		{rules.Found{Skill: "Go", Months: 54, LastUsed: 2025}, "✓ 4.5 y · 2025"},
		{rules.Found{Skill: "Go", Months: 6}, "✓ 0.5 y"},
	}
	for _, tt := range tests {
		if got := skillMark(tt.f); got != tt.want {
			t.Errorf("skillMark(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestWhyNot(t *testing.T) {
	tests := []struct {
		knockouts []string
		want      string
	}{
		{nil, ""},
		{[]string{"no bachelor degree found"}, "no bachelor degree found"},
		{[]string{"missing required Docker", "missing required Kubernetes", "needs 1 of Go, Java", "missing required REST", "2 years of experience, 4 required"},
			"missing required Docker, Kubernetes, REST; needs 1 of Go, Java; 2 years of experience, 4 required"},
		{[]string{"Python: 1 year in dated roles, 3 required", "missing required Docker"}, "Python: 1 year in dated roles, 3 required; missing required Docker"},
	}
	for _, tt := range tests {
		if got := whyNot(tt.knockouts); got != tt.want {
			t.Errorf("whyNot(%q) = %q, want %q", tt.knockouts, got, tt.want)
		}
	}
}

// TestOCRNote: a resume read with OCR has a note on its CV cell, so that a
// recruiter checks its text.
func TestOCRNote(t *testing.T) {
	rep := goldenReport()
	rep.Records[1].OCR, rep.Records[1].OCRConfidence = true, 87.4
	var b bytes.Buffer
	if err := WriteWorkbook(&b, rep, WorkbookOptions{Rules: &rules.Set{}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	comments, err := wb.GetComments("Shortlist")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range comments {
		if !strings.Contains(c.Text, "OCR") {
			continue
		}
		col, row, _ := excelize.CellNameToCoordinates(c.Cell)
		header, _ := wb.GetCellValue("Shortlist", mustCell(t, col, 1))
		name, _ := wb.GetCellValue("Shortlist", mustCell(t, col, row))
		found = header == "CV" && name == "max.docx" && strings.Contains(c.Text, "mean word confidence 87%")
	}
	if !found {
		t.Errorf("comments %+v, want an OCR note on max.docx's CV cell", comments)
	}
}

func mustCell(t *testing.T, col, row int) string {
	t.Helper()
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// TestYearsFormat: years read with one decimal whether whole or not, and
// an unknown is an empty cell, not 0.
func TestYearsFormat(t *testing.T) {
	ten, half := 10.0, 0.5
	recs := []Record{
		{File: "a.txt", Status: StatusOK, Rank: 1, YearsExperience: &ten},
		{File: "b.txt", Status: StatusOK, Rank: 2, YearsExperience: &half},
		{File: "c.txt", Status: StatusOK, Rank: 3},
	}
	var b bytes.Buffer
	if err := WriteWorkbook(&b, &Report{Records: recs, Counts: count(recs)}, WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, _ := wb.GetRows("Shortlist")
	col := -1
	for i, h := range rows[0] {
		if h == "Years" {
			col = i
		}
	}
	for i, want := range []string{"10.0", "0.5", ""} {
		got := ""
		if col < len(rows[i+1]) {
			got = rows[i+1][col]
		}
		if got != want {
			t.Errorf("row %d: years %q, want %q", i+1, got, want)
		}
	}
}

// TestLongLink: a link longer than Excel takes stays plain text.
func TestLongLink(t *testing.T) {
	recs := []Record{{File: "a.txt", Status: StatusOK, Rank: 1, Links: []string{"https://example.com/" + strings.Repeat("x", 3000)}}}
	var b bytes.Buffer
	if err := WriteWorkbook(&b, &Report{Records: recs, Counts: count(recs)}, WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, _ := wb.GetRows("Shortlist")
	for j, h := range rows[0] {
		cell, _ := excelize.CoordinatesToCellName(j+1, 2)
		ok, link, _ := wb.GetCellHyperLink("Shortlist", cell)
		if h == "Other links" && ok {
			t.Errorf("a %d-character link was written", len(link))
		}
		if h == "CV" && !ok {
			t.Error("the CV lost its link")
		}
	}
}

// TestEmailLink: an address is a mailto: link; no address, no link.
func TestEmailLink(t *testing.T) {
	var email Column
	for _, c := range ShortlistColumns(false) {
		if c.Header == "Email" {
			email = c
		}
	}
	if email.Value == nil {
		t.Fatal("no Email column")
	}
	for _, tt := range []struct{ addr, link string }{{"jane@example.com", "mailto:jane@example.com"}, {"", ""}} {
		if c := email.Value(&Record{Email: tt.addr}, &tableEnv{}); c.Text != tt.addr || c.Link != tt.link {
			t.Errorf("%q: cell %q link %q, want link %q", tt.addr, c.Text, c.Link, tt.link)
		}
	}
}
