package screener

import (
	"bytes"
	"testing"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// TestSheetLayout opens a workbook and checks how each sheet is laid out:
// its used range, its columns' widths, what stays frozen when scrolling,
// and its print settings (landscape, one page wide, the margins, a footer
// with the sheet's name and the page, the header repeated on each page).
func TestSheetLayout(t *testing.T) {
	rep := goldenReport()
	var b bytes.Buffer
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}, {Skill: "Docker"}}}
	if err := WriteWorkbook(&b, rep, WorkbookOptions{Rules: set, Links: Links{Dir: "."}}); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()

	var widths []float64
	for _, c := range ShortlistColumns(false) {
		widths = append(widths, c.Width)
	}
	type pane struct {
		freeze       bool
		x, y         int
		topLeft, act string
	}
	for _, c := range []struct {
		sheet      string
		dim        string
		widths     []float64 // from column A
		pane       pane
		printTitle bool
	}{
		{"Shortlist", "A1:" + colName(t, len(widths)) + "4", widths, pane{true, 2, 1, "C2", "bottomRight"}, true},
		{"Skills", "A1:F4", []float64{6, 24, 7, 10, 15, 15}, pane{true, 2, 1, "C2", "bottomRight"}, true},
		{"Errors", "A1:D2", []float64{44, 12, 13, 80}, pane{true, 0, 1, "A2", "bottomLeft"}, true},
		{"Summary", "", []float64{30, 24}, pane{}, false},
	} {
		if c.dim != "" {
			if dim, err := wb.GetSheetDimension(c.sheet); err != nil || dim != c.dim {
				t.Errorf("%s: used range %q (%v), want %s", c.sheet, dim, err, c.dim)
			}
		}
		for i, want := range c.widths {
			col := colName(t, i+1)
			if got, err := wb.GetColWidth(c.sheet, col); err != nil || got != want {
				t.Errorf("%s: column %s is %v wide (%v), want %v", c.sheet, col, got, err, want)
			}
		}
		p, err := wb.GetPanes(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := pane{p.Freeze, p.XSplit, p.YSplit, p.TopLeftCell, p.ActivePane}
		if got != c.pane {
			t.Errorf("%s: panes %+v, want %+v", c.sheet, got, c.pane)
		}
		props, err := wb.GetSheetProps(c.sheet)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page (%v)", c.sheet, err)
		}
		pl, err := wb.GetPageLayout(c.sheet)
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v (%v), want landscape, one page wide", c.sheet, pl, err)
		}
		m, err := wb.GetPageMargins(c.sheet)
		if err != nil || m.Left == nil || *m.Left != 0.4 || m.Bottom == nil || *m.Bottom != 0.6 || m.Footer == nil || *m.Footer != 0.3 {
			t.Errorf("%s: margins %+v (%v)", c.sheet, m, err)
		}
		hf, err := wb.GetHeaderFooter(c.sheet)
		if err != nil || hf == nil || hf.OddFooter != "&L&A&RPage &P of &N" {
			t.Errorf("%s: footer %+v (%v)", c.sheet, hf, err)
		}
		titles := false
		for _, d := range wb.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == c.sheet {
				titles = d.RefersTo == "'"+c.sheet+"'!$1:$1"
			}
		}
		if titles != c.printTitle {
			t.Errorf("%s: header row repeated on each page: %v, want %v", c.sheet, titles, c.printTitle)
		}
	}
}

func colName(t *testing.T, n int) string {
	t.Helper()
	s, err := excelize.ColumnNumberToName(n)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
