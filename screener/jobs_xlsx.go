package screener

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// JobsWorkbookOptions say what a workbook of several jobs holds besides
// their reports.
type JobsWorkbookOptions struct {
	Jobs []Job // in the order of the reports
	// Links make the CV column's links; its Dir should be the workbook's
	// folder.
	Links Links
	// Unlisted are the reports before the shortlists were cut (to a top
	// N, a least score): the Best fit sheet lists every candidate. nil
	// means the reports written.
	Unlisted []*Report
	// Blind shows candidate IDs instead of who the candidates are: the
	// job sheets in [BlindColumns], the Best fit sheet by ID, without
	// names, e-mails or files.
	Blind bool
}

// WriteJobsWorkbook writes the reports of a run over several jobs (see
// [RunJobs]) as one workbook: a "Best fit" sheet listing every candidate
// with their score for each job, best fit first; then for each job a
// shortlist sheet named after it, with the Shortlist's columns, and its
// rules; then the Errors sheet, which all jobs share. reps[i] is the report
// of opts.Jobs[i], its Job its name.
func WriteJobsWorkbook(w io.Writer, reps []*Report, opts JobsWorkbookOptions) error {
	if len(reps) == 0 || len(reps) != len(opts.Jobs) {
		return fmt.Errorf("%d reports for %d jobs", len(reps), len(opts.Jobs))
	}
	f := excelize.NewFile(excelize.Options{TmpDir: reps[0].tempDir})
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", bestFitSheet); err != nil {
		return err
	}
	shortlists, ruleSheets := jobSheetNames(reps)
	for i := range reps {
		for _, name := range []string{shortlists[i], ruleSheets[i]} {
			if _, err := f.NewSheet(name); err != nil {
				return err
			}
		}
	}
	if _, err := f.NewSheet("Errors"); err != nil {
		return err
	}
	env := &tableEnv{links: opts.Links.resolved()}
	ends := map[string]*sheetEnd{} // sheet name -> its rows and links
	defer closeAll(ends)
	dir := reps[0].tempDir
	all := reps
	if opts.Unlisted != nil {
		all = opts.Unlisted
	}
	if ends[bestFitSheet], err = writeBestFit(f, st, all, env, opts.Blind, dir); err != nil {
		return err
	}
	for i, rep := range reps {
		cols := ShortlistColumns(rep.Incremental)
		if opts.Blind {
			cols = BlindColumns(rep.Incremental)
		}
		if ends[shortlists[i]], err = writeCandidates(f, st, shortlists[i], fmt.Sprintf("Shortlist%d", i+1), cols, rep.rows(isOK), env, dir); err != nil {
			return err
		}
		set := opts.Jobs[i].Rules
		if set == nil {
			set = &rules.Set{}
		}
		if err := writeRules(f, st, ruleSheets[i], set, opts.Jobs[i].Source, rep); err != nil {
			return err
		}
	}
	bad, err := unlisted(all)
	if err != nil {
		return err
	}
	linkTo := env.links.To
	if opts.Blind {
		linkTo = nil
	}
	if ends["Errors"], err = writeErrors(f, st, bad, linkTo, dir); err != nil {
		return err
	}
	return writeLinked(w, f, ends)
}

const bestFitSheet = "Best fit"

// jobSheetNames names each job's shortlist sheet after the job and its
// rules sheet "Rules · " and the job, within Excel's 31 characters and its
// forbidden characters, unique. A longer name is cut at its end, unless
// another name would then read the same: both then keep their start and
// their end around an ellipsis ("Senior Backend…latform) Berlin"), as
// titles of one opening in several places or at several levels differ at
// their ends.
func jobSheetNames(reps []*Report) (shortlists, ruleSheets []string) {
	used := map[string]bool{strings.ToLower(bestFitSheet): true, "errors": true}
	safe := func(name string) string {
		name = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\`, r) {
				return '-'
			}
			return r
		}, name)
		if name = strings.Trim(name, "' "); name == "" {
			name = "Job"
		}
		return name
	}
	names := func(prefix string) []string {
		out := make([]string, len(reps))
		cuts := map[string]map[string]bool{} // a name cut at its end -> the names cut so
		for i, rep := range reps {
			out[i] = safe(prefix + rep.Job)
			cut := strings.ToLower(truncateRunes(out[i], sheetNameMax))
			if cuts[cut] == nil {
				cuts[cut] = map[string]bool{}
			}
			cuts[cut][out[i]] = true
		}
		for i, n := range out {
			if r := []rune(n); len(r) > sheetNameMax && len(cuts[strings.ToLower(truncateRunes(n, sheetNameMax))]) > 1 {
				half := (sheetNameMax - 1) / 2
				out[i] = strings.TrimSpace(string(r[:half])) + "…" + strings.TrimSpace(string(r[len(r)-half:]))
			}
		}
		return out
	}
	unique := func(name string) string {
		for n := 1; ; n++ {
			try := truncateRunes(name, sheetNameMax)
			if n > 1 {
				suffix := fmt.Sprintf(" %d", n)
				try = truncateRunes(name, sheetNameMax-len(suffix)) + suffix
			}
			if !used[strings.ToLower(try)] {
				used[strings.ToLower(try)] = true
				return try
			}
		}
	}
	for _, n := range names("") {
		shortlists = append(shortlists, unique(n))
	}
	for _, n := range names("Rules · ") {
		ruleSheets = append(ruleSheets, unique(n))
	}
	return shortlists, ruleSheets
}

// sheetNameMax is the most characters Excel allows in a sheet's name.
const sheetNameMax = 31

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

// unlisted returns the rows of the Errors sheet of several jobs: the first
// job's files that were not scored, and the versions of a candidate that no
// job keeps (same_person for every job). A version some job keeps is on
// that job's shortlist (unless cut from it) and on the Best fit sheet
// instead. reps are the reports before their shortlists were cut.
func unlisted(reps []*Report) (rows, error) {
	never := map[string]bool{} // same_person versions of the first job, not yet seen kept
	err := reps[0].each(isSamePerson, func(r *Record) error {
		never[strings.Clone(r.File)] = true
		return nil
	})
	if err != nil {
		return rows{}, err
	}
	for _, rep := range reps[1:] {
		if len(never) == 0 {
			break
		}
		err := rep.each(isOK, func(r *Record) error {
			delete(never, r.File)
			return nil
		})
		if err != nil {
			return rows{}, err
		}
	}
	notScored := func(e *entry) bool { return e.status != codeOK && e.status != codeSamePerson }
	return rows{n: reps[0].countOf(notScored) + len(never), each: func(fn func(*Record) error) error {
		return reps[0].each(isNotOK, func(r *Record) error {
			if r.Status == StatusSamePerson && !never[r.File] {
				return nil
			}
			return fn(r)
		})
	}}, nil
}

func isSamePerson(e *entry) bool { return e.status == codeSamePerson }

// fit is one candidate's results across jobs, for the Best fit sheet;
// name, email, file and sha are those of the record of the best job.
type fit struct {
	name, email, file, sha string
	scores                 []float64 // per job; -1 where the candidate was not scored for it
	quals                  []bool
	best                   int // index of the best job
}

// persons groups the versions of each candidate: a same_person record
// names the version its job kept in its place, and jobs may keep different
// versions. find returns the file that stands for a file's candidate.
type persons map[string]string

func (p persons) find(file string) string {
	for {
		up, ok := p[file]
		if !ok {
			return file
		}
		file = up
	}
}

func (p persons) join(a, b string) {
	if a, b = p.find(a), p.find(b); a != b {
		p[strings.Clone(a)] = strings.Clone(b)
	}
}

// bestFits gathers, for every candidate ranked for some job, their score
// for each job: that of the version of their CV the job's shortlist shows
// (other versions of a candidate are one candidate, as on each
// shortlist). A candidate's best job is the one they are qualified for
// with the highest score, or else the highest score; ties go to the
// earlier job. Candidates come best first: qualified for some job, then by
// best score, then by name and file.
func bestFits(reps []*Report) ([]fit, error) {
	same := persons{}
	for _, rep := range reps {
		err := rep.each(isSamePerson, func(r *Record) error {
			if r.SamePersonAs != "" {
				same.join(r.File, r.SamePersonAs)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	byPerson := map[string]int{}
	var out []fit
	for j, rep := range reps {
		err := rep.each(isOK, func(r *Record) error {
			who := same.find(r.File)
			k, ok := byPerson[who]
			if !ok {
				ft := fit{scores: make([]float64, len(reps)), quals: make([]bool, len(reps)), best: -1}
				for i := range ft.scores {
					ft.scores[i] = -1
				}
				k = len(out)
				// Records read back share one string each: what is kept
				// is copied.
				byPerson[strings.Clone(who)] = k
				out = append(out, ft)
			}
			ft := &out[k]
			ft.scores[j], ft.quals[j] = r.Score, r.Qualified
			if b := ft.best; b < 0 || (r.Qualified && !ft.quals[b]) || (r.Qualified == ft.quals[b] && r.Score > ft.scores[b]) {
				ft.best = j
				ft.name, ft.email, ft.file, ft.sha = strings.Clone(r.Name), strings.Clone(r.Email), strings.Clone(r.File), strings.Clone(r.SHA256)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := &out[a], &out[b]
		qx, qy := x.quals[x.best], y.quals[y.best]
		if qx != qy {
			return qx
		}
		if sx, sy := x.scores[x.best], y.scores[y.best]; sx != sy {
			return sx > sy
		}
		if x.name != y.name {
			return x.name < y.name
		}
		return pathLess(x.file, y.file)
	})
	return out, nil
}

// writeBestFit writes every candidate with their best job, the jobs they
// are qualified for and their score for each job. A candidate who scores 0
// for every job has no best job.
func writeBestFit(f *excelize.File, st *styles, reps []*Report, env *tableEnv, blind bool, dir string) (*sheetEnd, error) {
	fits, err := bestFits(reps)
	if err != nil {
		return nil, err
	}
	header := []string{"Rank", "Name", "Email", "Best fit", "Qualified for"}
	widths := []float64{6, 24, 28, 28, 36}
	if blind {
		header = []string{"Rank", "Candidate", "Best fit", "Qualified for"}
		widths = []float64{6, 14, 28, 36}
	}
	bestCol := len(header) - 2 // Best fit, then Qualified for
	for _, rep := range reps {
		header = append(header, "Score: "+rep.Job)
		widths = append(widths, 14)
	}
	if !blind {
		header = append(header, "CV")
		widths = append(widths, 30)
	}
	layout := sheetLayout{name: bestFitSheet, rows: len(fits) + 1, cols: len(header), widths: widths, header: true, freezeCols: 2}
	if err := layout.apply(f); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(bestFitSheet)
	if err != nil {
		return nil, err
	}
	// A job's title may be long: the header is as tall as its longest
	// heading wraps to, the rows as their job names.
	headerLines := 2
	for i, h := range header {
		headerLines = max(headerLines, wrappedLines(h, widths[i]))
	}
	if err := sw.SetRow("A1", headerCells(st.header, header), excelize.RowOpts{Height: float64(min(headerLines, maxRowLines) * lineHeight)}); err != nil {
		return nil, err
	}
	end, err := newSheetEnd(dir, widths)
	if err != nil {
		return nil, err
	}
	rf := end.rows
	for i, ft := range fits {
		var quals []string
		for j, q := range ft.quals {
			if q {
				quals = append(quals, reps[j].Job)
			}
		}
		row := []any{excelize.Cell{StyleID: st.text, Value: i + 1}}
		if blind {
			row = append(row, excelize.Cell{StyleID: st.text, Value: CandidateID(ft.sha)})
		} else {
			row = append(row, excelize.Cell{StyleID: st.text, Value: text(ft.name)}, excelize.Cell{StyleID: st.text, Value: text(ft.email)})
		}
		bestJob, qualified := reps[ft.best].Job, strings.Join(quals, "; ")
		if !ft.quals[ft.best] && ft.scores[ft.best] <= 0 {
			bestJob = "" // nothing asked for by any job: no job fits better
		}
		lines := max(wrappedLines(bestJob, widths[bestCol]), wrappedLines(qualified, widths[bestCol+1]))
		row = append(row, excelize.Cell{StyleID: st.wrap, Value: text(bestJob)},
			excelize.Cell{StyleID: st.wrap, Value: text(qualified)})
		for _, s := range ft.scores {
			if s < 0 {
				row = append(row, excelize.Cell{StyleID: st.text, Value: ""})
				continue
			}
			row = append(row, excelize.Cell{StyleID: st.score[min(max(int(s/20), 0), 4)], Value: s})
		}
		if !blind {
			cv := env.links.To(ft.file)
			style := st.text
			if cv != "" && end.links.n < maxHyperlinks {
				end.links.add(len(header), i+2, cv)
				style = st.link
			}
			row = append(row, excelize.Cell{StyleID: style, Value: text(filepath.Base(ft.file))})
		}
		if err == nil {
			err = rf.setRow(i+2, row, float64(min(lines, maxRowLines)*lineHeight))
		}
	}
	return end.finish(sw, err, excelize.Table{Name: "BestFit", StyleName: "TableStyleLight1", ShowRowStripes: ptr(true)}, len(header), len(fits))
}
