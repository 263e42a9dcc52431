package screener

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookDimensions: every sheet declares the range it uses (readers
// such as exceljs trust <dimension>) and lists its <col> elements in
// order.
func TestWorkbookDimensions(t *testing.T) {
	rep := goldenReport()
	rep.Incremental = true
	rep.Records[0].New = true
	set := &rules.Set{Title: "T", Required: []rules.Item{{Skill: "Docker"}}, OneOf: []rules.Group{{Skills: []string{"Go", "Java"}}},
		Preferred: []rules.Item{{Skill: "AWS"}}, Degree: &rules.DegreeRule{Level: "bachelor", Required: true}, Experience: &rules.Experience{MinYears: 4}}
	var b bytes.Buffer
	if err := WriteWorkbook(&b, rep, WorkbookOptions{Rules: set, Source: "rules.yaml"}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols := 0
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		last, _ := excelize.CoordinatesToCellName(cols, len(rows))
		dim, err := wb.GetSheetDimension(sheet)
		if err != nil || dim != "A1:"+last {
			t.Errorf("%s: dimension %q, want A1:%s (the cells written)", sheet, dim, last)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	colMin := regexp.MustCompile(`<col min="(\d+)"`)
	for _, f := range zr.File {
		if ok, _ := regexp.MatchString(`^xl/worksheets/sheet\d+\.xml$`, f.Name); !ok {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(rc)
		rc.Close()
		prev := 0
		for _, m := range colMin.FindAllSubmatch(xml, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n <= prev {
				t.Errorf("%s: <col min=%d> after <col min=%d>", f.Name, n, prev)
			}
			prev = n
		}
	}
}
