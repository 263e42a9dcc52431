package screener

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// Excel limits we write within.
const (
	maxCellChars  = 32767 // characters in a cell
	maxHyperlinks = 65530 // hyperlinks in a sheet
	maxLinkChars  = 2079  // characters in a hyperlink's address; Excel repairs a workbook with a longer one
)

// Row heights, in points: one line of the default 11-point font, and the
// most a wrapped row grows to. Eight lines keep a row of long evidence
// readable without pushing its neighbours off the screen; text beyond
// stays in the cell (and in the CSV and JSON Lines), clipped.
const (
	lineHeight   = 15
	maxRowLines  = 8
	headerHeight = 2 * lineHeight
)

// WorkbookOptions say what a workbook holds besides the report.
type WorkbookOptions struct {
	Rules  *rules.Set
	Source string // the posting or rule file the rules came from
	// Links make the CV column's links; its Dir should be the workbook's
	// folder.
	Links Links
	// Blind shows candidate IDs instead of who the candidates are: the
	// Shortlist and New sheets in [BlindColumns], the Skills sheet by ID,
	// the Errors sheet by ID with redacted messages.
	Blind bool
}

// WriteWorkbook writes the report as an .xlsx workbook with the sheets
// Shortlist, New (incremental runs only), Skills, Errors, Rules and
// Summary. The candidate sheets' rows, notes and links are written to
// temporary files as the records are read (in the report's temporary
// folder, see [Options.TempDir]) and the workbook goes straight to w (see
// [writeLinked]), so memory stays flat in the number of resumes and the
// time linear. Every sheet declares its real dimension, prints landscape,
// one page wide, with its header row repeated on every page.
//
// Text from resumes is always written as a string cell, never a formula.
func WriteWorkbook(w io.Writer, rep *Report, opts WorkbookOptions) error {
	f := excelize.NewFile(excelize.Options{TmpDir: rep.tempDir})
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
		sheets = append([]string{newSheetName(rep)}, sheets...)
	}
	for _, name := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	ok, bad := rep.rows(isOK), rep.rows(isNotOK)
	env := &tableEnv{links: opts.Links.resolved()}
	cols := ShortlistColumns(rep.Incremental)
	if opts.Blind {
		cols = BlindColumns(rep.Incremental)
		ids, err := newFileIDs(rep)
		if err != nil {
			return err
		}
		bad = bad.mapped(func(r Record) Record { return blindRecord(r, ids) })
	}
	ends := map[string]*sheetEnd{} // sheet name -> its rows and links
	defer closeAll(ends)
	candidates := func(sheet, table string, recs rows) (err error) {
		ends[sheet], err = writeCandidates(f, st, sheet, table, cols, recs, env, rep.tempDir)
		return err
	}
	set := opts.Rules
	if set == nil {
		set = &rules.Set{}
	}
	steps := []func() error{
		func() error { return candidates("Shortlist", "Shortlist", ok) },
		func() error {
			if !rep.Incremental {
				return nil
			}
			return candidates(newSheetName(rep), "New", rep.rows(isNewOK))
		},
		func() (err error) {
			ends["Skills"], err = writeSkills(f, st, ok, set, opts.Blind, rep.tempDir)
			return err
		},
		func() error {
			linkTo := env.links.To
			if opts.Blind {
				linkTo = nil // the file name says who the candidate is
			}
			var err error
			ends["Errors"], err = writeErrors(f, st, bad, linkTo, rep.tempDir)
			return err
		},
		func() error { return writeRules(f, st, "Rules", set, opts.Source, rep) },
		func() error { return writeSummary(f, st, rep) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// Shortlist, the renamed first sheet, is already the active one. Do
	// not call SetActiveSheet here: after streaming it parses every
	// streamed sheet back into memory (hundreds of MB for 10,000 rows).
	return writeLinked(w, f, ends)
}

// newSheetName names the sheet of new candidates after its window.
func newSheetName(rep *Report) string {
	if rep.NewSince.IsZero() {
		return "New since last run"
	}
	return "New since " + rep.NewSince.Format("2006-01-02 15.04")
}

type styles struct {
	header, headerKnockout, text, wrap, link, decimal, uncertain, check, knockout int
	score                                                                         [5]int // fills from red (low) to green (high)
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
	top := func(wrap bool) *excelize.Alignment { return &excelize.Alignment{Vertical: "top", WrapText: wrap} }
	headerFill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: headerFill("305496"),
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	s.headerKnockout = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: headerFill("9C2A2A"),
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	s.text = mk(&excelize.Style{Alignment: top(false)})
	s.wrap = mk(&excelize.Style{Alignment: top(true)})
	s.link = mk(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top(true)})
	s.decimal = mk(&excelize.Style{CustomNumFmt: ptr("0.0"), Alignment: top(false)})
	s.uncertain = mk(&excelize.Style{Font: &excelize.Font{Color: "808080", Italic: true}, Alignment: top(true)})
	s.check = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}},
		Font: &excelize.Font{Color: "006100", Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	s.knockout = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F8D7D7"}}, Alignment: top(true)})
	for i, c := range []string{"F8696B", "FBAA77", "FFEB84", "B1D580", "63BE7B"} {
		s.score[i] = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}},
			CustomNumFmt: ptr("0.0"), Alignment: top(false)})
	}
	return &s, err
}

func ptr[T any](v T) *T { return &v }

// text makes a string safe for a cell: without bidirectional controls
// (a file name "cv\u202Efdp.exe" would show as "cvexe.pdf"), and within
// Excel's length limit.
func text(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' {
			return -1
		}
		return r
	}, s)
	if len(s) > maxCellChars-100 {
		cut := maxCellChars - 100
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + " …"
	}
	return s
}

// sheetLayout is what a sheet declares before its rows: its size, column
// widths, frozen panes and print setup. Streamed sheets must declare all
// of it before the first row.
type sheetLayout struct {
	name       string
	rows, cols int       // used range, header included
	widths     []float64 // of the first columns; 0 leaves the default
	header     bool      // row 1 is a header: frozen, repeated on printed pages
	freezeCols int       // columns frozen at the left
}

func (l sheetLayout) apply(f *excelize.File) error {
	last, err := excelize.CoordinatesToCellName(max(l.cols, 1), max(l.rows, 1))
	if err != nil {
		return err
	}
	if err := f.SetSheetDimension(l.name, "A1:"+last); err != nil {
		return err
	}
	// excelize puts each new <col> before the earlier ones: set them
	// right to left, so that they come out in order, as readers expect.
	for i := len(l.widths) - 1; i >= 0; i-- {
		if l.widths[i] == 0 {
			continue
		}
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(l.name, name, name, l.widths[i]); err != nil {
			return err
		}
	}
	if l.header || l.freezeCols > 0 {
		y := 0
		if l.header {
			y = 1
		}
		tl, _ := excelize.CoordinatesToCellName(l.freezeCols+1, y+1)
		pane := "bottomRight"
		switch {
		case l.freezeCols == 0:
			pane = "bottomLeft"
		case y == 0:
			pane = "topRight"
		}
		if err := f.SetPanes(l.name, &excelize.Panes{Freeze: true, XSplit: l.freezeCols, YSplit: y, TopLeftCell: tl, ActivePane: pane,
			Selection: []excelize.Selection{{SQRef: tl, ActiveCell: tl, Pane: pane}}}); err != nil {
			return err
		}
	}
	if err := f.SetSheetProps(l.name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := f.SetPageLayout(l.name, &excelize.PageLayoutOptions{Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return err
	}
	if err := f.SetPageMargins(l.name, &excelize.PageLayoutMarginsOptions{Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.5), Bottom: ptr(0.6),
		Header: ptr(0.3), Footer: ptr(0.3)}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(l.name, &excelize.HeaderFooterOptions{OddFooter: "&L&A&RPage &P of &N"}); err != nil {
		return err
	}
	if l.header {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", l.name), Scope: l.name})
	}
	return nil
}

// headerCells styles column names for a header row.
func headerCells(st int, names []string) []any {
	row := make([]any, len(names))
	for i, c := range names {
		row[i] = excelize.Cell{StyleID: st, Value: c}
	}
	return row
}

// writeCandidates writes records in the given columns, one row each, as a
// filterable table whose first two columns (rank and name) and header row
// are frozen. It returns the sheet's rows after the header and its notes,
// in files in dir, and its links, which the caller adds to the written
// workbook (see [writeLinked]); at most maxHyperlinks, the rest of the
// cells stay plain text.
func writeCandidates(f *excelize.File, st *styles, sheet, table string, cols []Column, recs rows, env *tableEnv, dir string) (*sheetEnd, error) {
	layout := sheetLayout{name: sheet, rows: recs.n + 1, cols: len(cols), header: true, freezeCols: min(2, len(cols))}
	header := make([]string, len(cols))
	for i, c := range cols {
		layout.widths = append(layout.widths, c.Width)
		header[i] = c.Header
	}
	if err := layout.apply(f); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", headerCells(st.header, header), excelize.RowOpts{Height: headerHeight}); err != nil {
		return nil, err
	}
	end, err := newSheetEnd(dir, layout.widths)
	if err != nil {
		return nil, err
	}
	i := 0
	row := make([]any, len(cols))
	err = recs.each(func(r *Record) error {
		lines := 1
		for j, c := range cols {
			cell := c.Value(r, env)
			if c.Notes && cell.Note != "" {
				if err := end.notes.add(j+1, i+2, cell.Note); err != nil {
					return err
				}
			}
			linked := cell.Link != "" && cell.Text != "" && end.links.n < maxHyperlinks && len(cell.Link) <= maxLinkChars
			if linked {
				end.links.add(j+1, i+2, cell.Link)
			}
			style := st.text
			switch {
			case cell.Style == styleScore:
				style = st.score[min(max(int(cell.Num/20), 0), 4)]
			case cell.Style == styleUncertain:
				style = st.uncertain
			case linked:
				style = st.link
			case cell.Style == styleDecimal:
				style = st.decimal
			case c.Wrap:
				style = st.wrap
			}
			if c.Wrap || cell.Style == styleUncertain {
				lines = max(lines, wrappedLines(cell.Text, c.Width))
			}
			var v any = text(cell.Text)
			if cell.IsNum {
				v = cell.Num
			}
			row[j] = excelize.Cell{StyleID: style, Value: v}
		}
		i++
		return end.rows.setRow(i+1, row, float64(min(lines, maxRowLines)*lineHeight))
	})
	return end.finish(sw, err, excelize.Table{Name: table, StyleName: "TableStyleLight1", ShowRowStripes: ptr(true)}, len(cols), recs.n)
}

// wrappedLines estimates the lines text takes in a wrapping cell of the
// given width: words are laid greedily on lines of 1.1 × width characters.
// The width unit is the width of a digit of the default font; an average
// letter of running text is about a fifth narrower (measured on
// LibreOffice's rendering of the example), so 1.1 leaves room for wide
// letters and capitals.
func wrappedLines(s string, width float64) int {
	capacity := max(int(width*1.1), 1)
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines++
		used := 0
		for _, word := range strings.Fields(para) {
			n := utf8.RuneCountInString(word)
			switch {
			case used == 0:
				used = n
			case used+1+n <= capacity:
				used += 1 + n
				continue
			default:
				lines++
				used = n
			}
			for used > capacity { // a word longer than a line breaks anywhere
				lines++
				used -= capacity
			}
		}
	}
	return lines
}

// skillHeaders names the skills a set asks for, in rule order, once each,
// and says which ones can rule a candidate out.
func skillHeaders(set *rules.Set) (skills []string, knockout []bool) {
	seen := map[string]bool{}
	add := func(s string, ko bool) {
		if !seen[s] {
			seen[s] = true
			skills = append(skills, s)
			knockout = append(knockout, ko)
		}
	}
	for _, it := range set.Required {
		add(it.Skill, true)
	}
	for _, g := range set.OneOf {
		for _, s := range g.Skills {
			add(s, true)
		}
	}
	for _, it := range set.Preferred {
		add(it.Skill, false)
	}
	return skills, knockout
}

// skillHeader marks what a skill is to the rules in its column's name.
func skillHeader(set *rules.Set, skill string) string {
	for _, it := range set.Required {
		if it.Skill == skill {
			return skill + " (required)"
		}
	}
	for _, g := range set.OneOf {
		for _, s := range g.Skills {
			if s == skill {
				return skill + " (one of)"
			}
		}
	}
	return skill
}

// skillMark is a Skills cell: the skill was found, and with dated roles
// that mention it, the years of those roles and the last year of use
// ("✓ 4.5 y · 2025").
func skillMark(f rules.Found) string {
	if f.Months <= 0 {
		return "✓"
	}
	mark := fmt.Sprintf("✓ %.1f y", f.Months/12)
	if f.LastUsed > 0 {
		mark += fmt.Sprintf(" · %d", f.LastUsed)
	}
	return mark
}

func writeSkills(f *excelize.File, st *styles, ok rows, set *rules.Set, blind bool, dir string) (*sheetEnd, error) {
	const sheet = "Skills"
	skills, knockout := skillHeaders(set)
	fixed := []string{"Rank", "Name", "Score", "Qualified"}
	who := func(r *Record) string { return r.Name }
	if blind {
		fixed[1], who = "Candidate", func(r *Record) string { return CandidateID(r.SHA256) }
	}
	layout := sheetLayout{name: sheet, rows: ok.n + 1, cols: len(fixed) + len(skills), widths: []float64{6, 24, 7, 10},
		header: true, freezeCols: 2}
	for range skills {
		layout.widths = append(layout.widths, 15) // "✓ 4.5 y · 2025"
	}
	if err := layout.apply(f); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	header := headerCells(st.header, fixed)
	for i, s := range skills {
		style := st.header
		if knockout[i] {
			style = st.headerKnockout
		}
		header = append(header, excelize.Cell{StyleID: style, Value: skillHeader(set, s)})
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: headerHeight}); err != nil {
		return nil, err
	}
	end, err := newSheetEnd(dir, layout.widths)
	if err != nil {
		return nil, err
	}
	rf := end.rows
	i := 0
	found := map[string]rules.Found{}
	err = ok.each(func(r *Record) error {
		nameStyle := st.wrap
		if slices.Contains(r.Uncertain, rules.FieldName) && !blind {
			nameStyle = st.uncertain
		}
		row := []any{r.Rank, excelize.Cell{StyleID: nameStyle, Value: text(who(r))},
			excelize.Cell{StyleID: st.score[min(max(int(r.Score/20), 0), 4)], Value: r.Score}, yesNo(r.Qualified)}
		clear(found)
		for _, s := range r.SkillsFound {
			found[s.Skill] = s
		}
		for _, s := range skills {
			if fs, ok := found[s]; ok {
				row = append(row, excelize.Cell{StyleID: st.check, Value: skillMark(fs)})
			} else {
				row = append(row, nil) // no cell at all: smaller and faster than an empty string
			}
		}
		i++
		return rf.setRow(i+1, row, float64(min(wrappedLines(who(r), 24), maxRowLines)*lineHeight))
	})
	return end.finish(sw, err, excelize.Table{Name: "Skills", StyleName: "TableStyleLight1"}, layout.cols, ok.n)
}

// statusWords says in words what happened to a file that is not ranked.
func statusWords(s Status) string {
	switch s {
	case StatusSamePerson:
		return "same person"
	case StatusDuplicate:
		return "duplicate"
	case StatusError:
		return "not read"
	case StatusSkipped:
		return "skipped"
	}
	return string(s)
}

// problem is a record's message without the file name it starts with (the
// sheet has a column for it).
func problem(r *Record) string { return strings.TrimPrefix(r.Message, r.File+": ") }

// writeErrors lists the files not on the Shortlist, each linked with
// linkTo (nil: no links) so that a recruiter can open an unreadable CV and
// see why; it returns the links, as [writeCandidates] does.
func writeErrors(f *excelize.File, st *styles, bad rows, linkTo func(string) string, dir string) (*sheetEnd, error) {
	const sheet = "Errors"
	widths := []float64{44, 12, 13, 80}
	layout := sheetLayout{name: sheet, rows: bad.n + 1, cols: len(widths), widths: widths, header: true}
	if err := layout.apply(f); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", headerCells(st.header, []string{"File", "Status", "Reason", "Message"}), excelize.RowOpts{Height: headerHeight}); err != nil {
		return nil, err
	}
	end, err := newSheetEnd(dir, widths)
	if err != nil {
		return nil, err
	}
	rf := end.rows
	i := 0
	err = bad.each(func(r *Record) error {
		msg := problem(r)
		lines := max(wrappedLines(r.File, widths[0]), wrappedLines(msg, widths[3]))
		fileStyle := st.wrap
		if linkTo != nil && r.File != "" && end.links.n < maxHyperlinks {
			if target := linkTo(r.File); len(target) <= maxLinkChars {
				end.links.add(1, i+2, target)
				fileStyle = st.link
			}
		}
		row := []any{
			excelize.Cell{StyleID: fileStyle, Value: text(r.File)}, excelize.Cell{StyleID: st.text, Value: statusWords(r.Status)},
			excelize.Cell{StyleID: st.text, Value: r.Error}, excelize.Cell{StyleID: st.wrap, Value: text(msg)},
		}
		i++
		return rf.setRow(i+1, row, float64(min(lines, maxRowLines)*lineHeight))
	})
	return end.finish(sw, err, excelize.Table{Name: "Errors", StyleName: "TableStyleLight1"}, len(widths), bad.n)
}

// ruleRows are the rules in plain words: what each asks, whether missing
// it rules a candidate out, its weight, and the posting's words for it.
func ruleRows(set *rules.Set) [][]string {
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	w := func(v float64) string { return fmt.Sprintf("%g", v) }
	skill := func(it rules.Item) string {
		if it.MinYears > 0 {
			return fmt.Sprintf("%s, at least %g years", it.Skill, it.MinYears)
		}
		return it.Skill
	}
	var rows [][]string
	for _, it := range set.Required {
		rows = append(rows, []string{"Must have", skill(it), "yes", w(rules.WeightOr(it.Weight, rules.DefaultRequiredWeight)), it.Note})
	}
	for _, g := range set.OneOf {
		need := max(g.Min, 1)
		what := fmt.Sprintf("At least %d of", need)
		// A name made of the group's skills ("HTML or CSS or JavaScript",
		// as derivation names a group of no one kind) says no more than
		// the skills beside it.
		if g.Name != "" && g.Name != strings.Join(g.Skills, " or ") {
			what = fmt.Sprintf("At least %d of the %s", need, g.Name)
		}
		rows = append(rows, []string{what, orList(g.Skills), "yes", w(rules.WeightOr(g.Weight, rules.DefaultOneOfWeight)), g.Note})
	}
	for _, it := range set.Preferred {
		rows = append(rows, []string{"Nice to have", skill(it), "no", w(rules.WeightOr(it.Weight, rules.DefaultPreferredWeight)), it.Note})
	}
	if d := set.Degree; d != nil {
		rule := d.Level + " degree or higher"
		if len(d.Fields) > 0 {
			rule += " in " + orList(d.Fields) + " (another field earns half)"
		}
		rows = append(rows, []string{"Degree", rule, yes(d.Required), w(rules.WeightOr(d.Weight, rules.DefaultDegreeWeight)), d.Note})
	}
	if e := set.Experience; e != nil {
		rows = append(rows, []string{"Experience", fmt.Sprintf("at least %g years in all", e.MinYears), yes(e.Required),
			w(rules.WeightOr(e.Weight, rules.DefaultExperienceWeight)), e.Note})
	}
	return rows
}

// orList writes "Go, Java or Python".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

func writeRules(f *excelize.File, st *styles, sheet string, set *rules.Set, source string, rep *Report) error {
	rules := ruleRows(set)
	header := []string{"Requirement", "What it takes", "Knockout", "Weight", "From the posting"}
	widths := []float64{30, 46, 10, 8, 70}
	title := set.Title
	if title == "" {
		title = "(untitled)"
	}
	// Below the table: what the rules are and how they count.
	notes := [][2]string{
		{"Job", title},
		{"Rules from", source},
		{"Rules hash", rep.RuleHash},
		// To reproduce the run (see the README): the version, the rules
		// with this hash, and -as-of.
		{"Screener version", rep.Provenance().ScreenerVersion},
		{"As of", rep.AsOf.Format(time.DateOnly) + ` ("Present" in date ranges; with -state, a result reused from an earlier run keeps its own as_of)`},
		{"Run at", rep.Provenance().RunAt.Format(time.RFC3339)},
		{"Knockout", "a knockout rule that is not met makes the candidate not qualified (shaded red); the others only add points"},
		{"Score", "100 × the weight earned ÷ the weight of all rules; a one-of group earns in proportion to the skills found, experience in proportion to the years"},
	}
	n := len(rules) + 3 // the notes' first row
	layout := sheetLayout{name: sheet, rows: n + len(notes) - 1, cols: len(header), widths: widths, header: true}
	if err := layout.apply(f); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(st.header, header), excelize.RowOpts{Height: headerHeight}); err != nil {
		return err
	}
	for i, r := range rules {
		style := st.wrap
		if r[2] == "yes" {
			style = st.knockout
		}
		row := make([]any, len(r))
		lines := 1
		for j, v := range r {
			row[j] = excelize.Cell{StyleID: style, Value: v}
			lines = max(lines, wrappedLines(v, widths[j]))
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row, excelize.RowOpts{Height: float64(min(lines, maxRowLines) * lineHeight)}); err != nil {
			return err
		}
	}
	for i, kv := range notes {
		cell, _ := excelize.CoordinatesToCellName(1, n+i)
		if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: st.text, Value: kv[0]}, excelize.Cell{StyleID: st.text, Value: kv[1]}}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func writeSummary(f *excelize.File, st *styles, rep *Report) error {
	const sheet = "Summary"
	c := rep.Counts
	rows := [][2]any{
		{"Files", c.Files},
		{"Ranked candidates", c.Screened},
		{"Qualified", c.Qualified},
		{"Same person, another version", c.SamePerson},
		{"Duplicates (identical files)", c.Duplicates},
		{"Not read (errors)", c.Errors},
		{"Skipped", c.Skipped},
	}
	if rep.Incremental {
		n := rep.countOf(isNewOK)
		since := "the last completed run"
		if !rep.NewSince.IsZero() {
			since = rep.NewSince.Format("2006-01-02 15:04 MST")
		}
		rows = append(rows, [2]any{"New since " + since, n})
	}
	rows = append(rows,
		[2]any{"Started", rep.Started.UTC().Format(time.RFC3339)},
		[2]any{"Run time (s)", rep.Elapsed.Round(time.Millisecond).Seconds()},
		[2]any{"Rules hash", rep.RuleHash},
	)
	var buckets [10]int
	err := rep.scan(func(e *entry, _ recordSource) error {
		if e.status == codeOK {
			buckets[min(max(int(e.score/10), 0), 9)]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	first := len(rows) + 3 // the distribution's header row
	widths := []float64{30, 24}
	layout := sheetLayout{name: sheet, rows: first + len(buckets), cols: 2, widths: widths}
	if err := layout.apply(f); err != nil {
		return err
	}
	span := func(col string) string {
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, col, first+1, col, first+len(buckets))
	}
	err = f.AddChart(sheet, "D2", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name: fmt.Sprintf("%s!$B$%d", sheet, first), Categories: span("A"), Values: span("B"),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"305496"}},
		}},
		VaryColors: ptr(false),
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Candidates by score", Font: &excelize.Font{Size: 14, Bold: true, Color: "000000"}}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		XAxis:      excelize.ChartAxis{Font: excelize.Font{Size: 11, Color: "000000"}, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Score", Font: &excelize.Font{Size: 11, Color: "000000"}}}}},
		YAxis: excelize.ChartAxis{Font: excelize.Font{Size: 11, Color: "000000"}, MajorGridLines: true,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Candidates", Font: &excelize.Font{Size: 11, Color: "000000"}}}}},
		Dimension: excelize.ChartDimension{Width: 560, Height: 320},
	})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: st.text, Value: r[0]}, r[1]}); err != nil {
			return err
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, first)
	if err := sw.SetRow(cell, headerCells(st.header, []string{"Score range", "Candidates"})); err != nil {
		return err
	}
	for i, n := range buckets {
		cell, _ := excelize.CoordinatesToCellName(1, first+1+i)
		if err := sw.SetRow(cell, []any{fmt.Sprintf("%d–%d", i*10, i*10+10), n}); err != nil {
			return err
		}
	}
	return sw.Flush()
}
