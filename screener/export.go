package screener

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"

	"github.com/screener/screener/rules"
)

// WriteJSONL writes one JSON object per input file, in report order (ranked
// candidates, then duplicates, errors and skipped files). The schema is the
// JSON form of [Record] followed by the run's [Provenance], documented in
// the README.
func WriteJSONL(w io.Writer, rep *Report) error {
	bw := bufio.NewWriterSize(w, 256<<10) // records run to kilobytes each
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	line := struct {
		Record
		Provenance
	}{Provenance: rep.Provenance()}
	err := rep.Each(func(r *Record) error {
		line.Record = *r
		if line.SkillsFound == nil {
			line.SkillsFound = []rules.Found{}
		}
		return enc.Encode(line)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// CSVOptions say how [WriteCSV] writes a shortlist.
type CSVOptions struct {
	// Links make the CV column's links; its Dir should be the CSV's folder.
	Links Links
	// Blind writes [BlindColumns]: candidate IDs, not who they are.
	Blind bool
}

// WriteCSV writes the shortlist (ok records only) as CSV, in the columns
// of the Shortlist sheet ([ShortlistColumns]); opts.Links opens CV links as
// the workbook's do, with its Dir the CSV's folder. Numbers are written
// with one decimal. A cell a spreadsheet would run as a formula gets a
// leading quote (see [csvSafe]).
func WriteCSV(w io.Writer, rep *Report, opts CSVOptions) error {
	return writeCSV(w, []*Report{rep}, opts, false)
}

// WriteJobsCSV writes the shortlists of a run over several jobs (see
// [RunJobs]) as one CSV: a Job column, then those of [WriteCSV], each
// job's candidates in its report's order.
func WriteJobsCSV(w io.Writer, reps []*Report, opts CSVOptions) error {
	return writeCSV(w, reps, opts, true)
}

func writeCSV(w io.Writer, reps []*Report, opts CSVOptions, withJob bool) error {
	incremental := false
	for _, rep := range reps {
		incremental = incremental || rep.Incremental
	}
	cols := ShortlistColumns(incremental)
	if opts.Blind {
		cols = BlindColumns(incremental)
	}
	env := &tableEnv{links: opts.Links.resolved()}
	cw := csv.NewWriter(w)
	var row []string
	if withJob {
		row = append(row, "Job")
	}
	for _, c := range cols {
		row = append(row, c.Header)
	}
	cw.Write(row)
	for _, rep := range reps {
		err := rep.each(isOK, func(r *Record) error {
			row = row[:0]
			if withJob {
				row = append(row, csvSafe(rep.Job))
			}
			for _, c := range cols {
				cell := c.Value(r, env)
				v := cell.Text
				if cell.CSV != "" {
					v = cell.CSV
				}
				row = append(row, csvSafe(v))
			}
			return cw.Write(row)
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe guards a cell that a spreadsheet would run as a formula with a
// leading quote: one starting with =, @, a tab or a carriage return, and
// one starting with + or - unless the rest is plainly a number or a phone
// number (digits, spaces, dots, dashes, slashes, parentheses), which a
// spreadsheet reads as data.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if strings.Trim(s[1:], "0123456789 .-/()") != "" || strings.TrimSpace(s[1:]) == "" {
			return "'" + s
		}
	}
	return s
}
