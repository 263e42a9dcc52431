package audit

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// explanation is the text of the workbook's first sheet, after the run's
// figures: what each column means and what the audit does not establish.
var explanation = []string{
	"What this workbook computes",
	"Applicants are the candidates screener scored (files it could read, duplicates left out). Selected means qualified: no knockout rule failed.",
	"Selection rate = selected / applicants of the group. Impact ratio = the group's selection rate / the highest selection rate among the attribute's included groups.",
	"Scoring rate = the share of the group's applicants whose score is above the median score of all scored candidates (a score equal to the median is not above it). Scoring impact ratio = the group's scoring rate / the highest scoring rate.",
	"A group is flagged when either impact ratio is below 0.8 (the four-fifths rule of thumb). An empty cell means the figure cannot be computed: no applicants, a group left out by -min-share, or no group with a rate above zero.",
	"Unknown: applicants without a row in the demographics file, or whose answer is empty or declined; they are in no group of that attribute, but count in the median and in the shares.",
	"Small sample: a group with fewer than 30 applicants; one person more or less moves its rate a lot. The p-values (Fisher's exact test, two-sided, against the group with the highest rate) say how often a difference at least this large arises by chance between groups with equal rates.",
	"What if: each rule of the rule set dropped in turn (its knockout no longer counts, its weight leaves every score), and for a skill with a minimum of years that minimum alone, recomputed from the run's recorded score breakdown, without reading the resumes again. Sorted by how much the lowest impact ratio rises.",
	"",
	"What it does not establish",
	"These are the figures an independent auditor needs (as described by New York City's Local Law 144 and the EEOC's four-fifths rule); they are not an audit and not legal advice. A ratio below 0.8 is not proof of discrimination, and one above it is not proof of its absence: small groups, unknown answers and the make-up of the applicant pool all move these figures. Demographics are self-reported and are used here only; screener never stores them.",
}

// WriteWorkbook writes the report as an .xlsx workbook: Explanation (the
// run's figures, notes and the meaning of every column), Impact ratios,
// What if (one row per rule) and What if by group.
func (rep *Report) WriteWorkbook(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheets := []string{"Explanation", "Impact ratios", "What if", "What if by group"}
	if err := f.SetSheetName("Sheet1", sheets[0]); err != nil {
		return err
	}
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for _, step := range []func() error{
		func() error { return rep.writeExplanation(f, st) },
		func() error { return writeCategories(f, st, "Impact ratios", nil, rep.Categories) },
		func() error { return rep.writeWhatIf(f, st) },
		func() error {
			var rows [][]any
			for _, wi := range rep.WhatIf {
				rows = append(rows, categoryRows(st, []any{wi.Rule}, wi.Categories)...)
			}
			return table(f, st, "What if by group", append([]string{"Without rule"}, categoryHeader...), rows)
		},
	} {
		if err := step(); err != nil {
			return err
		}
	}
	for i, s := range sheets {
		if err := printSetup(f, s, i > 0); err != nil {
			return err
		}
	}
	return f.Write(w)
}

type styles struct{ header, bold, wrap, pct, ratio, p, flag int }

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"305496"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	s.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	s.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.pct = mk(&excelize.Style{NumFmt: 10})  // 0.00%
	s.ratio = mk(&excelize.Style{NumFmt: 2}) // 0.00
	s.p = mk(&excelize.Style{CustomNumFmt: ptr("0.0000")})
	s.flag = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}, Font: &excelize.Font{Color: "9C0006", Bold: true}})
	return &s, err
}

func (rep *Report) writeExplanation(f *excelize.File, st *styles) error {
	const sheet = "Explanation"
	rows := [][]any{
		{excelize.Cell{StyleID: st.bold, Value: "Bias audit figures of a screening run"}},
		{"Rules hash", rep.RulesHash},
		{"Screener version of the run", rep.ScreenerVersion},
		{"Run at", runAt(rep.RunAt)},
		{"Records read", rep.Records},
		{"Scored candidates (applicants)", rep.Scored},
		{"With demographics", rep.Joined},
		{"Selected (qualified)", rep.Selected},
		{"Median score", rep.MedianScore},
		{"Minimum share (-min-share)", rep.MinShare},
		{"Flagged groups", rep.Flags},
	}
	for _, a := range rep.attrs {
		rows = append(rows, []any{"Unknown " + a, rep.Unknown[a]})
	}
	rows = append(rows, []any{})
	if len(rep.Notes) > 0 {
		rows = append(rows, []any{excelize.Cell{StyleID: st.bold, Value: "Notes"}})
		for _, n := range rep.Notes {
			rows = append(rows, []any{excelize.Cell{StyleID: st.wrap, Value: n}})
		}
		rows = append(rows, []any{})
	}
	for _, e := range explanation {
		style := st.wrap
		if e != "" && len(e) < 40 {
			style = st.bold
		}
		rows = append(rows, []any{excelize.Cell{StyleID: style, Value: e}})
	}
	for i, r := range rows {
		if len(r) == 1 {
			if c, ok := r[0].(excelize.Cell); ok && c.StyleID == st.wrap {
				// A paragraph spans both columns.
				if err := f.MergeCell(sheet, fmt.Sprintf("A%d", i+1), fmt.Sprintf("B%d", i+1)); err != nil {
					return err
				}
				if err := f.SetRowHeight(sheet, i+1, float64(15*(1+len(fmt.Sprint(c.Value))/110))); err != nil {
					return err
				}
			}
		}
		if err := setRow(f, sheet, i+1, r); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 34); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "B", 80)
}

var categoryHeader = []string{"Attribute", "Group", "Applicants", "Share", "Selected", "Selection rate", "Impact ratio",
	"Above median", "Scoring rate", "Scoring impact ratio", "Flag", "Small sample", "Excluded (min share)",
	"Selection p-value", "Scoring p-value"}

func categoryRows(st *styles, prefix []any, cats []Category) [][]any {
	var rows [][]any
	for _, c := range cats {
		val := func(p *float64, style int) any {
			if p == nil {
				return nil
			}
			return excelize.Cell{StyleID: style, Value: *p}
		}
		flag := any(nil)
		if c.Flag {
			flag = excelize.Cell{StyleID: st.flag, Value: "below 0.8"}
		}
		row := append(append([]any(nil), prefix...), c.Attribute, c.Group, c.Applicants, excelize.Cell{StyleID: st.pct, Value: c.Share}, c.Selected,
			val(c.SelectionRate, st.pct), val(c.ImpactRatio, st.ratio), c.AboveMedian, val(c.ScoringRate, st.pct), val(c.ScoringImpactRatio, st.ratio),
			flag, yes(c.SmallSample), yes(c.Excluded), val(c.SelectionP, st.p), val(c.ScoringP, st.p))
		rows = append(rows, row)
	}
	return rows
}

func yes(b bool) any {
	if b {
		return "yes"
	}
	return nil
}

func writeCategories(f *excelize.File, st *styles, sheet string, prefix []any, cats []Category) error {
	return table(f, st, sheet, categoryHeader, categoryRows(st, prefix, cats))
}

func (rep *Report) writeWhatIf(f *excelize.File, st *styles) error {
	var rows [][]any
	for _, wi := range rep.WhatIf {
		lowest := any(nil)
		if wi.LowestImpactRatio != nil {
			lowest = excelize.Cell{StyleID: st.ratio, Value: *wi.LowestImpactRatio}
		}
		rows = append(rows, []any{wi.Rule, wi.KnockedOut, wi.Selected, wi.MedianScore, lowest,
			excelize.Cell{StyleID: st.ratio, Value: wi.Improvement}, wi.Flags, wi.Summary})
	}
	return table(f, st, "What if", []string{"Without rule", "Knocked out", "Selected", "Median score",
		"Lowest impact ratio", "Improvement", "Flagged groups", "Summary"}, rows)
}

// table writes a header row (frozen, with filter buttons) and the rows.
func table(f *excelize.File, st *styles, sheet string, header []string, rows [][]any) error {
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := setRow(f, sheet, 1, head); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 30); err != nil { // two lines of header text
		return err
	}
	for i, r := range rows {
		if err := setRow(f, sheet, i+2, r); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetColWidth(sheet, "A", last, 14); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "B", 24); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, max(len(rows)+1, 2)), nil)
}

// setRow writes one row from column A; an [excelize.Cell] value carries its
// style, nil leaves the cell empty. Strings are always string cells.
func setRow(f *excelize.File, sheet string, row int, vals []any) error {
	for i, v := range vals {
		cell, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		style := 0
		if c, ok := v.(excelize.Cell); ok {
			v, style = c.Value, c.StyleID
		}
		if v == nil {
			continue
		}
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		if style != 0 {
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
		}
	}
	return nil
}

func runAt(t time.Time) string {
	if t.IsZero() {
		return "" // records written before runs were stamped
	}
	return t.Format(time.RFC3339)
}

// printSetup prints a sheet landscape, one page wide, with its header row
// (if it has one) on every page.
func printSetup(f *excelize.File, sheet string, header bool) error {
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if !header {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet})
}
