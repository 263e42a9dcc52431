package screener

import (
	"cmp"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/screener/screener/rules"
)

// Column is one column of a candidate table: the Shortlist and New sheets
// of the workbook, and the CSV. Each column is defined once, here; the
// writers only lay out what [Column.Value] returns, so a sheet with other
// columns (another job's shortlist, a blind review without identities) is
// a different list of the same values.
type Column struct {
	Header string
	// Width is the workbook column's width, in characters of the default
	// font.
	Width float64
	// Wrap lets the workbook cell wrap its text over several lines (the row
	// grows to fit); otherwise the text stays on one line, clipped.
	Wrap bool
	// Value is the cell of one candidate.
	Value func(r *Record, env *tableEnv) Cell
	// Notes says the column's cells may carry a note ([Cell.Note]); the
	// workbook declares notes before it streams the rows, in a pass over
	// these columns only.
	Notes bool
	// Identifies marks a column that says who the candidate is (name,
	// contacts, links, file): a blind table has the candidate ID in their
	// place. Quotes marks one that quotes the resume: redacted when blind.
	// See [BlindColumns].
	Identifies, Quotes bool
}

// Cell is one value of a candidate table.
type Cell struct {
	// Text is what the workbook cell shows (unless IsNum) and what the CSV
	// holds (unless CSV is set).
	Text string
	// Num, when IsNum, is the workbook cell's number (the CSV holds Text).
	Num   float64
	IsNum bool
	// Link is the address the workbook cell opens (a relative path, a URL,
	// mailto:); empty for none.
	Link string
	// CSV, if not empty, replaces Text in the CSV (the CV column's file
	// name is shown in the workbook; the CSV holds its link).
	CSV string
	// Style picks a workbook style; the zero value is plain text.
	Style cellStyle
	// Note is a workbook cell note, e.g. where a guessed value came from.
	Note string
}

// cellStyle is a workbook style beyond a column's plain text.
type cellStyle int

const (
	stylePlain     cellStyle = iota
	styleScore               // filled from red to green by value
	styleUncertain           // a guessed value: grey italics
	styleDecimal             // a number with one decimal
)

// tableEnv is what a column needs besides the record.
type tableEnv struct {
	links Links
}

// ShortlistColumns are the Shortlist's columns, in order: who (rank and
// name, frozen in the workbook, and whether the CV is new), the decision
// (score, qualified, why not), the CV and the ways to reach the candidate,
// then the detail behind the score. withNew adds the New column, for runs
// that know what is new.
func ShortlistColumns(withNew bool) []Column {
	cols := []Column{
		{Header: "Rank", Width: 6, Value: func(r *Record, _ *tableEnv) Cell { return number(float64(r.Rank), fmt.Sprint(r.Rank)) }},
		{Header: "Name", Width: 24, Wrap: true, Identifies: true, Notes: true, Value: func(r *Record, _ *tableEnv) Cell {
			return contact(r, rules.FieldName, r.Name, r.NameSource)
		}},
	}
	if withNew {
		cols = append(cols, Column{Header: "New", Width: 6, Value: func(r *Record, _ *tableEnv) Cell { return Cell{Text: yesNo(r.New)} }})
	}
	return append(cols,
		Column{Header: "Score", Width: 7, Value: func(r *Record, _ *tableEnv) Cell {
			c := number(r.Score, fmt.Sprintf("%.1f", r.Score))
			c.Style = styleScore
			return c
		}},
		Column{Header: "Qualified", Width: 10, Value: func(r *Record, _ *tableEnv) Cell { return Cell{Text: yesNo(r.Qualified)} }},
		Column{Header: "Why not qualified", Width: 36, Wrap: true, Value: func(r *Record, _ *tableEnv) Cell {
			return Cell{Text: whyNot(r.Knockouts)}
		}},
		Column{Header: "CV", Width: 22, Wrap: true, Identifies: true, Notes: true, Value: func(r *Record, env *tableEnv) Cell {
			link := env.links.To(r.File)
			c := Cell{Text: filepath.Base(r.File), Link: link, CSV: link}
			if r.OCR {
				c.Note = fmt.Sprintf("Read from a scan with OCR (mean word confidence %.0f%%): check the text.", r.OCRConfidence)
			}
			return c
		}},
		Column{Header: "Email", Width: 28, Wrap: true, Identifies: true, Notes: true, Value: func(r *Record, _ *tableEnv) Cell {
			c := contact(r, rules.FieldEmail, r.Email, r.EmailSource)
			if r.Email != "" {
				c.Link = "mailto:" + r.Email
			}
			return c
		}},
		Column{Header: "Phone", Width: 18, Identifies: true, Notes: true, Value: func(r *Record, _ *tableEnv) Cell {
			return contact(r, rules.FieldPhone, r.Phone, r.PhoneSource)
		}},
		// Location says where the candidate is, which with the rest can
		// single a person out, so blind mode hides it; a job title is no
		// more identifying than the skills and years beside it, so it stays.
		Column{Header: "Current title", Width: 24, Wrap: true, Notes: true, Value: func(r *Record, _ *tableEnv) Cell {
			return contact(r, rules.FieldTitle, r.Title, r.TitleSource)
		}},
		Column{Header: "Location", Width: 18, Wrap: true, Identifies: true, Notes: true, Value: func(r *Record, _ *tableEnv) Cell {
			return contact(r, rules.FieldLocation, r.Location, r.LocationSource)
		}},
		Column{Header: "LinkedIn", Width: 14, Identifies: true, Value: func(r *Record, _ *tableEnv) Cell { return linkCell(profileLink(r.Links, "linkedin.com/"), "LinkedIn") }},
		Column{Header: "GitHub", Width: 14, Identifies: true, Value: func(r *Record, _ *tableEnv) Cell { return linkCell(profileLink(r.Links, "github.com/"), "GitHub") }},
		Column{Header: "Other links", Width: 24, Wrap: true, Identifies: true, Value: func(r *Record, _ *tableEnv) Cell {
			other := otherLinks(r.Links)
			c := Cell{Text: strings.Join(other, "\n"), CSV: strings.Join(other, " ")}
			if len(other) > 0 {
				c.Link = webURL(other[0])
			}
			return c
		}},
		Column{Header: "Years", Width: 7, Value: func(r *Record, _ *tableEnv) Cell {
			if r.YearsExperience == nil { // no dated role: unknown, not zero
				return Cell{}
			}
			c := number(*r.YearsExperience, fmt.Sprintf("%.1f", *r.YearsExperience))
			c.Style = styleDecimal
			return c
		}},
		Column{Header: "Matched required", Width: 28, Wrap: true, Value: func(r *Record, _ *tableEnv) Cell { return Cell{Text: strings.Join(r.Matched, ", ")} }},
		Column{Header: "Missing required", Width: 28, Wrap: true, Value: func(r *Record, _ *tableEnv) Cell { return Cell{Text: strings.Join(r.Missing, ", ")} }},
		Column{Header: "Matched preferred", Width: 28, Wrap: true, Value: func(r *Record, _ *tableEnv) Cell {
			return Cell{Text: strings.Join(r.MatchedPreferred, ", ")}
		}},
		Column{Header: "Evidence", Width: 60, Wrap: true, Quotes: true, Value: func(r *Record, _ *tableEnv) Cell { return Cell{Text: topEvidence(*r, 3)} }},
	)
}

// whyNot joins a candidate's knockouts, the missing required skills in
// one phrase: "missing required Docker, Kubernetes; needs 1 of Go, Java".
func whyNot(knockouts []string) string {
	const missing = "missing required "
	var parts, skills []string
	at := -1 // where the missing skills go: the place of the first
	for _, k := range knockouts {
		if skill, ok := strings.CutPrefix(k, missing); ok {
			if at < 0 {
				at = len(parts)
				parts = append(parts, "")
			}
			skills = append(skills, skill)
			continue
		}
		parts = append(parts, k)
	}
	if at >= 0 {
		parts[at] = missing + strings.Join(skills, ", ")
	}
	return strings.Join(parts, "; ")
}

// contact is a contact detail's cell: a weak guess (the field is in
// r.Uncertain) is shown in grey italics, with a note saying where it came
// from, so that a recruiter knows what to check on the CV.
func contact(r *Record, field, value, source string) Cell {
	c := Cell{Text: value}
	if value != "" && slices.Contains(r.Uncertain, field) {
		c.Style = styleUncertain
		c.Note = fmt.Sprintf("A guess, from %s: check the %s on the CV.", sourceWords(source), field)
	}
	return c
}

// sourceWords says in words where a contact value came from (see the
// rules.Source constants).
func sourceWords(source string) string {
	switch source {
	case rules.SourceLargestText:
		return "the largest text near the top of the first page"
	case rules.SourceHeader:
		return "one of the first lines"
	case rules.SourcePageHeader:
		return "the page header"
	case rules.SourceLabel:
		return "a labelled line"
	case rules.SourceMatchesEmail:
		return "a line whose words are in the e-mail address"
	case rules.SourceBody:
		return "further down the CV, not its top"
	case rules.SourceContactLine:
		return "a line with the e-mail address or a link"
	case rules.SourceEmail:
		return "the e-mail address"
	case rules.SourceHeadline:
		return "a headline under the name (perhaps the role sought, not the current one)"
	case "wrapped":
		return "two lines of a narrow column, joined"
	case "obfuscated":
		return `an address written out ("name [at] example [dot] com")`
	case "":
		return "an unknown place"
	}
	return source
}

func number(v float64, text string) Cell { return Cell{Num: v, IsNum: true, Text: text} }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// linkCell shows label for a link; the CSV holds the link itself.
func linkCell(link, label string) Cell {
	if link == "" {
		return Cell{}
	}
	return Cell{Text: label, Link: webURL(link), CSV: link}
}

// profileLink is the first link on the given site ("linkedin.com/").
func profileLink(links []string, site string) string {
	for _, l := range links {
		if strings.Contains(strings.ToLower(l), site) {
			return l
		}
	}
	return ""
}

// otherLinks are the links that are neither LinkedIn nor GitHub.
func otherLinks(links []string) []string {
	var out []string
	for _, l := range links {
		low := strings.ToLower(l)
		if !strings.Contains(low, "linkedin.com/") && !strings.Contains(low, "github.com/") {
			out = append(out, l)
		}
	}
	return out
}

// webURL adds https:// to a link written without a scheme
// ("github.com/jane").
func webURL(link string) string {
	if strings.Contains(link, "://") {
		return link
	}
	return "https://" + link
}

// topEvidence quotes the resume's lines for its first n matched skills,
// required ones first; skills found on one line share it ("Docker,
// Kubernetes: Moved 30 services to Kubernetes with Docker").
func topEvidence(r Record, n int) string {
	var lines []string
	skills := map[string][]string{} // evidence line -> skills found on it
	for _, m := range append(append([]string(nil), r.Matched...), r.MatchedPreferred...) {
		for _, f := range r.SkillsFound {
			if f.Skill != m {
				continue
			}
			if _, ok := skills[f.Evidence]; !ok {
				if len(lines) == n {
					break
				}
				lines = append(lines, f.Evidence)
			}
			skills[f.Evidence] = append(skills[f.Evidence], m)
			break
		}
	}
	for i, l := range lines {
		lines[i] = strings.Join(skills[l], ", ") + ": " + l
	}
	return strings.Join(lines, "\n")
}

// Links turns a resume's path into the address a report links to, so that
// a workbook made on a server opens its CVs on a laptop.
type Links struct {
	// Dir is the folder the report is written to; "" means the current
	// folder. A resume under Dir, or under a folder beside it, is linked
	// by its path relative to Dir ("resumes/jane.pdf",
	// "../inbox/jane.pdf"), which keeps working when the folders are
	// copied or shared together. Other resumes get an absolute file://
	// link.
	Dir string
	// Base, if set, is the URL at which the screened folders are published
	// (a shared drive, an intranet): a resume's link is Base followed by
	// its path under the folder of Roots it was found in (a file given by
	// name: its name).
	Base *url.URL
	// Roots are the paths screened, as given to [Run].
	Roots []string

	cwd string // the current folder, once resolved; see [Links.resolved]
}

// resolved returns l with the current folder looked up once, for many
// calls of [Links.To].
func (l Links) resolved() Links {
	if l.cwd == "" {
		l.cwd, _ = os.Getwd()
	}
	return l
}

// To returns the link for the resume at path.
func (l Links) To(path string) string {
	if l.Base != nil {
		rel := filepath.Base(path)
		best := -1
		for _, root := range l.Roots {
			if r, err := filepath.Rel(root, path); err == nil && r != "." && !escapes(r) && len(root) > best {
				rel, best = r, len(root)
			}
		}
		base := *l.Base
		if !strings.HasSuffix(base.Path, "/") {
			base.Path += "/"
			base.RawPath = ""
		}
		return base.ResolveReference(&url.URL{Path: filepath.ToSlash(rel)}).String()
	}
	l = l.resolved()
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(l.cwd, p)
	}
	path = abs(path)
	dir := abs(cmp.Or(l.Dir, "."))
	rel, err := filepath.Rel(dir, path)
	under := err == nil && !escapes(rel)
	// Beside: under the workbook folder's parent, unless that parent is the
	// root of the file system (then the two share nothing).
	beside := err == nil && !under && !escapes(strings.TrimPrefix(rel, ".."+string(filepath.Separator))) &&
		filepath.Dir(dir) != filepath.Dir(filepath.Dir(dir))
	if under || beside {
		return (&url.URL{Path: filepath.ToSlash(rel)}).String()
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// escapes reports whether a relative path climbs out of its folder.
func escapes(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
