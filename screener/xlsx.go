package screener

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// Excel limits we write within.
const (
	maxCellChars  = 32767 // characters in a cell
	maxHyperlinks = 65530 // hyperlinks in a sheet
	maxFormulaArg = 255   // characters in a formula's string literal
)

// WriteWorkbook writes the report as an .xlsx workbook with the sheets
// Shortlist, Skills, Errors, Rules and Summary. Large sheets go through
// excelize's StreamWriter, so memory stays flat in the number of resumes.
// source names the posting or rule file the set came from.
//
// Text from resumes is always written as a string cell, never a formula.
func WriteWorkbook(w io.Writer, rep *Report, set *rules.Set, source string) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", "Shortlist"); err != nil {
		return err
	}
	sheets := []string{"Skills", "Errors", "Rules", "Summary"}
	if rep.Incremental {
		sheets = append([]string{newSheet}, sheets...)
	}
	for _, name := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	var ok []Record
	var bad []Record
	for _, r := range rep.Records {
		if r.Status == StatusOK {
			ok = append(ok, r)
		} else {
			bad = append(bad, r)
		}
	}
	steps := []func() error{
		func() error { return writeShortlist(f, st, ok, rep.Incremental) },
		func() error {
			if !rep.Incremental {
				return nil
			}
			var fresh []Record
			for _, r := range ok {
				if r.New {
					fresh = append(fresh, r)
				}
			}
			return writeShortlistSheet(f, st, newSheet, "New", fresh, false)
		},
		func() error { return writeSkills(f, st, ok, set) },
		func() error { return writeErrors(f, st, bad) },
		func() error { return writeRules(f, st, set, source, rep.RuleHash) },
		func() error { return writeSummary(f, st, rep, ok) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// Shortlist, the renamed first sheet, is already the active one. Do
	// not call SetActiveSheet here: after streaming it parses every
	// streamed sheet back into memory (hundreds of MB for 10,000 rows).
	return f.Write(w)
}

type styles struct {
	header, wrap, check, link int
	score                     [5]int // fills from red (low) to green (high)
}

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
	s.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.check = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}},
		Font: &excelize.Font{Color: "006100", Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	s.link = mk(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}})
	for i, c := range []string{"F8696B", "FBAA77", "FFEB84", "B1D580", "63BE7B"} {
		s.score[i] = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}},
			NumFmt: 0, CustomNumFmt: ptr("0.0"), Alignment: &excelize.Alignment{Vertical: "top"}})
	}
	return &s, err
}

func ptr[T any](v T) *T { return &v }

// text makes a string safe for a cell: within Excel's length limit.
func text(s string) string {
	if len(s) > maxCellChars-100 {
		cut := maxCellChars - 100
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + " …"
	}
	return s
}

// headerRow freezes the first row and writes the column names in it.
func headerRow(sw *excelize.StreamWriter, st *styles, cols []string) error {
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i, c := range cols {
		row[i] = excelize.Cell{StyleID: st.header, Value: c}
	}
	return sw.SetRow("A1", row, excelize.RowOpts{Height: 30})
}

// fileLink is a HYPERLINK formula cell opening the file, or plain text when
// the path is too long for a formula or the sheet's link budget is spent.
func fileLink(st *styles, path string, n int) excelize.Cell {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	url := "file://" + filepath.ToSlash(abs)
	if n >= maxHyperlinks || len(url) > maxFormulaArg || len(path) > maxFormulaArg {
		return excelize.Cell{Value: path}
	}
	q := func(s string) string { return strings.ReplaceAll(s, `"`, `""`) }
	return excelize.Cell{StyleID: st.link, Formula: fmt.Sprintf(`HYPERLINK("%s","%s")`, q(url), q(path)), Value: path}
}

// newSheet lists the candidates first seen since the last completed run.
const newSheet = "New since last run"

func writeShortlist(f *excelize.File, st *styles, ok []Record, incremental bool) error {
	return writeShortlistSheet(f, st, "Shortlist", "Shortlist", ok, incremental)
}

// writeShortlistSheet writes candidates in the Shortlist's columns, plus
// a New column when the run was incremental.
func writeShortlistSheet(f *excelize.File, st *styles, sheet, table string, ok []Record, withNew bool) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	header := shortlistHeader
	if withNew {
		header = append(append([]string(nil), header...), "New")
	}
	widths := []float64{6, 7, 9, 24, 28, 18, 36, 32, 32, 32, 10, 40, 80, 6}
	for i, w := range widths[:len(header)] {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := headerRow(sw, st, header); err != nil {
		return err
	}
	for i, r := range ok {
		bucket := min(int(r.Score/20), 4)
		row := []any{
			r.Rank,
			excelize.Cell{StyleID: st.score[bucket], Value: r.Score},
			yesNo(r.Qualified),
			text(r.Name), text(r.Email), text(r.Phone), text(strings.Join(r.Links, "\n")),
			text(strings.Join(r.Matched, ", ")), text(strings.Join(r.Missing, ", ")), text(strings.Join(r.MatchedPreferred, ", ")),
			r.YearsExperience,
			fileLink(st, r.File, i),
			excelize.Cell{StyleID: st.wrap, Value: text(topEvidence(r, 3))},
		}
		if withNew {
			row = append(row, yesNo(r.New))
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(header), max(len(ok)+1, 2))
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: table, StyleName: "TableStyleLight1", ShowRowStripes: ptr(true)}); err != nil {
		return err
	}
	return sw.Flush()
}

// ruleSkills lists the skills a set asks for, in rule order, once each.
func ruleSkills(set *rules.Set) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, it := range set.Required {
		add(it.Skill)
	}
	for _, g := range set.OneOf {
		for _, s := range g.Skills {
			add(s)
		}
	}
	for _, it := range set.Preferred {
		add(it.Skill)
	}
	return out
}

func writeSkills(f *excelize.File, st *styles, ok []Record, set *rules.Set) error {
	sw, err := f.NewStreamWriter("Skills")
	if err != nil {
		return err
	}
	skills := ruleSkills(set)
	cols := append([]string{"Rank", "Name"}, skills...)
	if err := sw.SetColWidth(2, 2, 24); err != nil {
		return err
	}
	if len(skills) > 0 {
		if err := sw.SetColWidth(3, 2+len(skills), 11); err != nil {
			return err
		}
	}
	if err := headerRow(sw, st, cols); err != nil {
		return err
	}
	for i, r := range ok {
		row := []any{r.Rank, text(r.Name)}
		found := map[string]bool{}
		for _, s := range r.SkillsFound {
			found[s.Skill] = true
		}
		for _, s := range skills {
			if found[s] {
				row = append(row, excelize.Cell{StyleID: st.check, Value: "✓"})
			} else {
				row = append(row, nil) // no cell at all: smaller and faster than an empty string
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), max(len(ok)+1, 2))
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "Skills", StyleName: "TableStyleLight1"}); err != nil {
		return err
	}
	return sw.Flush()
}

func writeErrors(f *excelize.File, st *styles, bad []Record) error {
	sw, err := f.NewStreamWriter("Errors")
	if err != nil {
		return err
	}
	for i, w := range []float64{50, 12, 14, 90} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	cols := []string{"File", "Status", "Reason", "Message"}
	if err := headerRow(sw, st, cols); err != nil {
		return err
	}
	for i, r := range bad {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{text(r.File), string(r.Status), r.Error, text(r.Message)}); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), max(len(bad)+1, 2))
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "Errors", StyleName: "TableStyleLight1"}); err != nil {
		return err
	}
	return sw.Flush()
}

func writeRules(f *excelize.File, st *styles, set *rules.Set, source, hash string) error {
	const sheet = "Rules"
	rows := [][]any{
		{"Title", set.Title},
		{"Rules from", source},
		{"Rules hash", hash},
		{},
		{"Kind", "Rule", "Weight", "Note"},
	}
	for _, it := range set.Required {
		rows = append(rows, []any{"required", it.Skill, rules.WeightOr(it.Weight, rules.DefaultRequiredWeight), it.Note})
	}
	for _, g := range set.OneOf {
		rule := fmt.Sprintf("at least %d of: %s", max(g.Min, 1), strings.Join(g.Skills, ", "))
		rows = append(rows, []any{"one_of", rule, rules.WeightOr(g.Weight, rules.DefaultOneOfWeight), g.Note})
	}
	for _, it := range set.Preferred {
		rows = append(rows, []any{"preferred", it.Skill, rules.WeightOr(it.Weight, rules.DefaultPreferredWeight), it.Note})
	}
	if d := set.Degree; d != nil {
		rule := d.Level
		if len(d.Fields) > 0 {
			rule += " in " + strings.Join(d.Fields, ", ")
		}
		if d.Required {
			rule += " (required)"
		}
		rows = append(rows, []any{"degree", rule, rules.WeightOr(d.Weight, rules.DefaultDegreeWeight), d.Note})
	}
	if e := set.Experience; e != nil {
		rule := fmt.Sprintf("%g years", e.MinYears)
		if e.Required {
			rule += " (required)"
		}
		rows = append(rows, []any{"experience", rule, rules.WeightOr(e.Weight, rules.DefaultExperienceWeight), e.Note})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	f.SetCellStyle(sheet, "A5", "D5", st.header)
	f.SetColWidth(sheet, "A", "A", 14)
	f.SetColWidth(sheet, "B", "B", 60)
	f.SetColWidth(sheet, "D", "D", 90)
	return nil
}

func writeSummary(f *excelize.File, st *styles, rep *Report, ok []Record) error {
	const sheet = "Summary"
	c := rep.Counts
	rows := [][]any{
		{"Files", c.Files},
		{"Screened", c.Screened},
		{"Qualified", c.Qualified},
		{"Errors", c.Errors},
		{"Skipped", c.Skipped},
		{"Duplicates", c.Duplicates},
		{"Started", rep.Started.UTC().Format(time.RFC3339)},
		{"Run time (s)", rep.Elapsed.Round(time.Millisecond).Seconds()},
		{"Rules hash", rep.RuleHash},
		{},
		{"Score range", "Candidates"},
	}
	var buckets [10]int
	for _, r := range ok {
		buckets[min(int(r.Score/10), 9)]++
	}
	for i, n := range buckets {
		rows = append(rows, []any{fmt.Sprintf("%d–%d", i*10, i*10+10), n})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	f.SetCellStyle(sheet, "A11", "B11", st.header)
	f.SetColWidth(sheet, "A", "A", 16)
	f.SetColWidth(sheet, "B", "B", 22)
	return f.AddChart(sheet, "D2", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: "Summary!$B$11", Categories: "Summary!$A$12:$A$21", Values: "Summary!$B$12:$B$21",
		}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Score distribution"}}},
		Legend: excelize.ChartLegend{Position: "none"},
	})
}
