package screener

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// TestRuleRows: the Rules sheet says what each rule takes: a skill's own
// minimum years only when it has one, a group's name when it has one, the
// degree's fields when it names any, and lists of one, two or three.
func TestRuleRows(t *testing.T) {
	set := &rules.Set{
		Required: []rules.Item{{Skill: "Go", MinYears: 3}, {Skill: "Docker"}},
		OneOf: []rules.Group{
			{Name: "JVM languages", Skills: []string{"Java", "Kotlin", "Scala"}, Min: 2},
			{Skills: []string{"AWS", "GCP"}},
			{Name: "HTML or CSS or JavaScript", Skills: []string{"HTML", "CSS", "JavaScript"}}, // a name made of its skills says nothing more
		},
		Preferred:  []rules.Item{{Skill: "Kafka", MinYears: 0.5}},
		Degree:     &rules.DegreeRule{Level: "bachelor", Fields: []string{"Computer Science"}},
		Experience: &rules.Experience{MinYears: 4, Required: true},
	}
	want := [][]string{
		{"Must have", "Go, at least 3 years"},
		{"Must have", "Docker"},
		{"At least 2 of the JVM languages", "Java, Kotlin or Scala"},
		{"At least 1 of", "AWS or GCP"},
		{"At least 1 of", "HTML, CSS or JavaScript"},
		{"Nice to have", "Kafka, at least 0.5 years"},
		{"Degree", "bachelor degree or higher in Computer Science (another field earns half)"},
		{"Experience", "at least 4 years in all"},
	}
	got := ruleRows(set)
	var short [][]string
	for _, r := range got {
		short = append(short, r[:2])
	}
	if !slices.EqualFunc(short, want, slices.Equal) {
		t.Errorf("rule rows\n got %q\nwant %q", short, want)
	}
	set = &rules.Set{Degree: &rules.DegreeRule{Level: "master"}}
	if got := ruleRows(set); len(got) != 1 || got[0][1] != "master degree or higher" {
		t.Errorf("a degree in any field: %q", got)
	}
}

// TestRulesSheetTitle: the Rules sheet names the job by the rules' title,
// "(untitled)" when they have none.
func TestRulesSheetTitle(t *testing.T) {
	for _, c := range []struct{ title, want string }{{"Platform Engineer", "Platform Engineer"}, {"", "(untitled)"}} {
		var b bytes.Buffer
		if err := WriteWorkbook(&b, goldenReport(), WorkbookOptions{Rules: &rules.Set{Title: c.title}}); err != nil {
			t.Fatal(err)
		}
		wb, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows("Rules")
		wb.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) >= 2 && r[0] == "Job" && r[1] == c.want }) {
			t.Errorf("title %q: no row Job | %s in %q", c.title, c.want, rows)
		}
	}
}

// TestErrorsSheetLinks: each file on the Errors sheet links to the file, in
// its own row, when the link fits Excel's length limit for one.
func TestErrorsSheetLinks(t *testing.T) {
	fits := strings.Repeat("a", maxLinkChars-4) + ".pdf"
	over := strings.Repeat("b", maxLinkChars-3) + ".pdf"
	recs := []Record{
		{File: "in/ok.pdf", Status: StatusOK, Score: 50, Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{}},
		{File: "in/broken.pdf", Status: StatusError, Error: "corrupt", Message: "corrupt: truncated"},
		{File: fits, Status: StatusError, Error: "corrupt", Message: "corrupt: truncated"},
		{File: over, Status: StatusError, Error: "corrupt", Message: "corrupt: truncated"},
	}
	var b bytes.Buffer
	if err := WriteWorkbook(&b, &Report{Records: recs, Counts: count(recs)}, WorkbookOptions{Rules: &rules.Set{}, Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for _, c := range []struct {
		cell, target string
	}{{"A2", "in/broken.pdf"}, {"A3", fits}, {"A4", ""}} {
		ok, target, err := wb.GetCellHyperLink("Errors", c.cell)
		if err != nil || ok != (c.target != "") || target != c.target {
			t.Errorf("Errors!%s links to %.20q… (%v, %v), want %.20q…", c.cell, target, ok, err, c.target)
		}
	}
}

// TestScoreBands: the Shortlist and the Skills sheet colour each score by
// its band of 20 points, alike on both sheets: 91.5, 40 and 0 fall in
// three different bands.
func TestScoreBands(t *testing.T) {
	var b bytes.Buffer
	if err := WriteWorkbook(&b, goldenReport(), WorkbookOptions{Rules: &rules.Set{Required: []rules.Item{{Skill: "Go"}}}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	style := func(sheet, cell string) int {
		s, err := wb.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// Rank, Name, Score on both sheets; rows 2-4 score 91.5, 40 and 0.
	for _, sheet := range []string{"Shortlist", "Skills"} {
		high, mid, low := style(sheet, "C2"), style(sheet, "C3"), style(sheet, "C4")
		if high == mid || mid == low || high == low {
			t.Errorf("%s: scores 91.5, 40 and 0 have styles %d, %d, %d, want three bands", sheet, high, mid, low)
		}
		if sheet == "Skills" && (high != style("Shortlist", "C2") || mid != style("Shortlist", "C3")) {
			t.Errorf("Skills sheet's score styles differ from the Shortlist's")
		}
	}
}
