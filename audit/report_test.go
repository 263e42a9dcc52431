package audit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestWriteJSONGolden pins the -json document of population A; its figures
// are checked by hand in TestComputePopulationA.
func TestWriteJSONGolden(t *testing.T) {
	run, csv := populationA()
	rep := audit(t, run, csv, Options{MinShare: 0.1})
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not one JSON document: %v", err)
	}
	for _, k := range []string{"rules_hash", "scored", "median_score", "unknown", "categories", "what_if"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q in the document", k)
		}
	}
	golden := filepath.Join("testdata", "population-a.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("JSON differs from %s (go test ./audit -run Golden -update to accept):\n%s", golden, buf.String())
	}
}

func TestWriteWorkbook(t *testing.T) {
	run, csv := populationA()
	rep := audit(t, run, csv, Options{})
	var buf bytes.Buffer
	if err := rep.WriteWorkbook(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Explanation,Impact ratios,What if,What if by group" {
		t.Errorf("sheets %s", got)
	}
	rows, err := f.GetRows("Impact ratios")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(rep.Categories) {
		t.Fatalf("%d rows for %d categories", len(rows), len(rep.Categories))
	}
	// Female: 5 applicants, 1 selected, ratio 4/15, flagged.
	var female []string
	for _, r := range rows {
		if len(r) > 1 && r[0] == Sex && r[1] == "Female" {
			female = r
		}
	}
	if len(female) < 11 || female[2] != "5" || female[4] != "1" || female[5] != "20.00%" || female[6] != "0.27" || female[10] != "below 0.8" {
		t.Errorf("Female row %q", female)
	}
	// The empty group has no rates: empty cells, not zeros.
	for _, r := range rows {
		if len(r) > 1 && r[1] == "Hispanic" && (len(r) > 5 && r[5] != "" || r[2] != "0") {
			t.Errorf("empty group row %q", r)
		}
	}
	var all []string
	for _, s := range []string{"Explanation", "What if"} {
		rows, _ := f.GetRows(s)
		for _, r := range rows {
			all = append(all, strings.Join(r, "|"))
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"not legal advice", "Unknown sex|2", "Median score|66.7", `without "degree: bachelor": 9 selected (+4)`} {
		if !strings.Contains(text, want) {
			t.Errorf("workbook lacks %q", want)
		}
	}
}

func TestWriteText(t *testing.T) {
	run, csv := populationA()
	var buf bytes.Buffer
	if err := audit(t, run, csv, Options{}).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"11 scored candidates (10 with demographics), 5 selected, median score 66.7", "unknown sex: 2", "< 0.8"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}
