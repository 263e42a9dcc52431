package screener

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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
	sheetPart := regexp.MustCompile(`^xl/worksheets/sheet\d+\.xml$`)
	for _, f := range zr.File {
		if !sheetPart.MatchString(f.Name) {
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

// TestWithHyperlinks adds links to a sheet that has no relationships yet
// and to one that has (a table), and reads them back.
func TestWithHyperlinks(t *testing.T) {
	f := excelize.NewFile()
	f.NewSheet("Two")
	f.SetCellValue("Sheet1", "A1", "x")
	f.SetCellValue("Two", "A1", "h")
	f.SetCellValue("Two", "A2", "y")
	if err := f.AddTable("Two", &excelize.Table{Range: "A1:A2"}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := writeLinked(&out, f, map[string]*sheetEnd{
		"Sheet1": linkedEnd(t, 1, 1, "../in/a&b.pdf"),
		"Two":    linkedEnd(t, 1, 2, "mailto:y@example.com"),
	})
	if err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for _, tt := range []struct{ sheet, cell, want string }{{"Sheet1", "A1", "../in/a&b.pdf"}, {"Two", "A2", "mailto:y@example.com"}} {
		if ok, link, err := wb.GetCellHyperLink(tt.sheet, tt.cell); !ok || link != tt.want || err != nil {
			t.Errorf("%s!%s: link %q %v %v, want %q", tt.sheet, tt.cell, link, ok, err, tt.want)
		}
	}
	if tables, err := wb.GetTables("Two"); err != nil || len(tables) != 1 {
		t.Errorf("the table was lost: %v, %v", tables, err)
	}
}

// TestCellText: a cell never carries bidirectional controls (a file name
// spoofed with an override reads backwards), and a long value is cut
// within Excel's limit on a character boundary.
func TestCellText(t *testing.T) {
	if got := text("cv\u202Efdp.exe and \u2066isolated\u2069"); got != "cvfdp.exe and isolated" {
		t.Errorf("text = %q", got)
	}
	long := text(strings.Repeat("é", maxCellChars))
	if len(long) > maxCellChars || !utf8.ValidString(long) || !strings.HasSuffix(long, " …") {
		t.Errorf("long value: %d bytes, valid %v", len(long), utf8.ValidString(long))
	}
}

// TestLinkingPartByteByByte: the end of a sheet's rows is found however
// the writes cut it, and the rows before it pass through unchanged.
func TestLinkingPartByteByByte(t *testing.T) {
	sheet := `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;/sheetData&gt; b</t></is></c></row></sheetData>` +
		`<pageMargins left="0.4"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
	var out bytes.Buffer
	p := &linkingPart{w: &out, end: linkedEnd(t, 1, 1, "x.pdf"), sheet: true}
	for i := range len(sheet) {
		if _, err := p.Write([]byte{sheet[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.finishSheet(); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(sheet, `<pageMargins`, `<hyperlinks><hyperlink ref="A1" r:id="rIdLink1"/></hyperlinks><pageMargins`, 1)
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// linkedEnd is the end of a sheet with no rows of its own and one link.
func linkedEnd(tb testing.TB, col, row int, target string) *sheetEnd {
	tb.Helper()
	e, err := newSheetEnd(tb.TempDir(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(e.close)
	e.links.add(col, row, target)
	return e
}

// TestEscapeOOXMLEvery: every "_xHHHH_" in a value is escaped, not only
// the first.
func TestEscapeOOXMLEvery(t *testing.T) {
	if got, want := escapeOOXML("_x0041_ and _x0042_"), "_x005F_x0041_ and _x005F_x0042_"; got != want {
		t.Errorf("escapeOOXML = %q, want %q", got, want)
	}
}
