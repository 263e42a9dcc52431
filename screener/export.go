package screener

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/screener/screener/rules"
)

// WriteJSONL writes one JSON object per input file, in report order (ranked
// candidates, then duplicates, errors and skipped files). The schema is the
// JSON form of [Record], documented in the README.
func WriteJSONL(w io.Writer, rep *Report) error {
	bw := bufio.NewWriterSize(w, 256<<10) // records run to kilobytes each
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range rep.Records {
		r := rep.Records[i]
		if r.SkillsFound == nil {
			r.SkillsFound = []rules.Found{}
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// shortlistHeader are the columns of the Shortlist sheet and of the CSV.
var shortlistHeader = []string{"Rank", "Score", "Qualified", "Name", "Email", "Phone", "Links",
	"Matched required", "Missing required", "Matched preferred", "Years of experience", "File", "Evidence"}

// WriteCSV writes the shortlist (ok records only) as CSV with the
// Shortlist sheet's columns. Cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) are prefixed with a quote.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	cw.Write(shortlistHeader)
	for _, r := range rep.Records {
		if r.Status != StatusOK {
			continue
		}
		row := []string{fmt.Sprint(r.Rank), fmt.Sprintf("%.1f", r.Score), yesNo(r.Qualified), r.Name, r.Email, r.Phone,
			strings.Join(r.Links, " "), strings.Join(r.Matched, ", "), strings.Join(r.Missing, ", "),
			strings.Join(r.MatchedPreferred, ", "), fmt.Sprintf("%.1f", r.YearsExperience), r.File, topEvidence(r, 3)}
		for i := range row {
			row[i] = csvSafe(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// topEvidence quotes the evidence lines of the first n matched skills.
func topEvidence(r Record, n int) string {
	var parts []string
	for _, m := range append(append([]string(nil), r.Matched...), r.MatchedPreferred...) {
		if len(parts) == n {
			break
		}
		for _, f := range r.SkillsFound {
			if f.Skill == m {
				parts = append(parts, m+": "+f.Evidence)
				break
			}
		}
	}
	return strings.Join(parts, "\n")
}
