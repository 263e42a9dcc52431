package screener

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/screener/screener/redact"
)

// CandidateID is the stable identifier of a candidate for blind review and
// audits: "C-" and the first ten hex digits of the resume's SHA-256, so the
// same file gets the same ID in every run and on every machine, and the ID
// says nothing about the person. Ten digits (40 bits) make a collision
// unlikely below a million resumes. It is empty when the hash is (files
// that could not be read).
func CandidateID(sha256 string) string {
	if len(sha256) < 10 {
		return ""
	}
	return "C-" + strings.ToLower(sha256[:10])
}

// BlindColumns are the Shortlist's columns for blind review: the
// candidate ID in place of every column that identifies the candidate
// (name, e-mail, phone, links, CV file), and the resume's evidence lines
// redacted (see package redact). Scores, ranks and the reasons behind
// them are those of [ShortlistColumns].
func BlindColumns(withNew bool) []Column {
	var cols []Column
	idAdded := false
	for _, c := range ShortlistColumns(withNew) {
		switch {
		case c.Identifies:
			if !idAdded {
				cols = append(cols, Column{Header: "Candidate", Width: 14, Value: func(r *Record, _ *tableEnv) Cell {
					return Cell{Text: CandidateID(r.SHA256)}
				}})
				idAdded = true
			}
			continue
		case c.Quotes:
			quote := c.Value
			c.Value = func(r *Record, env *tableEnv) Cell {
				cell := quote(r, env)
				cell.Text, cell.CSV = redactFor(r, cell.Text), redactFor(r, cell.CSV)
				cell.Link = ""
				return cell
			}
		}
		// A note may quote the resume too (where a value came from).
		value := c.Value
		c.Value = func(r *Record, env *tableEnv) Cell {
			cell := value(r, env)
			cell.Note = redactFor(r, cell.Note)
			return cell
		}
		cols = append(cols, c)
	}
	return cols
}

// redactFor redacts text quoted from r's resume, knowing who it is about.
func redactFor(r *Record, text string) string {
	if text == "" {
		return ""
	}
	return redact.Text(text, redact.Identity{Names: []string{r.Name}, Emails: []string{r.Email}, Phones: []string{r.Phone}, Links: r.Links})
}

// blindRecord is r as a blind Errors sheet shows it: the file as the
// candidate ID (or, for a file never read, only that it was not read), and
// the message without names, contacts or the paths of other files.
func blindRecord(r Record, ids fileIDs) Record {
	id := CandidateID(r.SHA256)
	if id == "" {
		id = "(not read)"
	}
	// Paths become placeholders the redaction leaves alone, then IDs (an
	// ID's hex digits could otherwise pass for a phone number).
	msg := ids.hide.Replace(strings.TrimPrefix(r.Message, r.File+": "))
	r.Message = ids.show.Replace(redactFor(&r, msg))
	r.File = id
	return r
}

// fileIDs replaces the paths of the files a report read with their
// candidate IDs, through placeholders: hide maps each path to one, show
// each placeholder to the ID.
type fileIDs struct{ hide, show *strings.Replacer }

func newFileIDs(rep *Report) (fileIDs, error) {
	var paths []string
	id := map[string]string{}
	err := rep.Each(func(r *Record) error {
		if c := CandidateID(r.SHA256); c != "" && id[r.File] == "" {
			file := strings.Clone(r.File) // r's strings share the memory of the whole record
			paths = append(paths, file)
			id[file] = c
		}
		return nil
	})
	if err != nil {
		return fileIDs{}, err
	}
	// A longer path first, so no path is cut by a shorter one it contains.
	slices.SortFunc(paths, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	var hide, show []string
	for i, p := range paths {
		ph := fmt.Sprintf("\uE000%d\uE001", i) // private-use characters: in no resume path
		hide = append(hide, p, ph)
		show = append(show, ph, id[p])
	}
	return fileIDs{strings.NewReplacer(hide...), strings.NewReplacer(show...)}, nil
}

// WriteIdentities writes, for a blind report, the table that maps each
// candidate ID to the candidate's contact details and file, as CSV:
// candidate_id, name, email, phone, links, file, status; one row per
// input file (a file never read has no ID). It is for the person allowed
// to contact candidates, and is written only when asked for. Cells are
// guarded against formulas like the shortlist's CSV.
func WriteIdentities(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"candidate_id", "name", "email", "phone", "links", "file", "status"})
	err := rep.Each(func(r *Record) error {
		id := CandidateID(r.SHA256)
		row := []string{id, r.Name, r.Email, r.Phone, strings.Join(r.Links, " "), filepath.ToSlash(r.File), string(r.Status)}
		for i := range row {
			row[i] = csvSafe(row[i])
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
