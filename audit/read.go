package audit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/screener/screener/screener"
)

// The two attributes Local Law 144 names; their intersection is reported
// too. Any other column of the demographics file is an attribute reported
// alone.
const (
	Sex           = "sex"
	RaceEthnicity = "race_ethnicity"
	Intersection  = Sex + " × " + RaceEthnicity
)

// Run is what an audit reads of a screening run: its records, and where
// they came from (empty when the records do not say: written by an older
// screener).
type Run struct {
	Records []screener.Record
	screener.Provenance
}

// ReadResults reads the JSON Lines a screen run writes (see
// [screener.WriteJSONL]). Records of every status are kept; the audit
// counts only scored ones (status ok). Records of two different rule sets
// are an error: their selections are not comparable.
func ReadResults(r io.Reader) (*Run, error) {
	run := &Run{}
	br := bufio.NewReaderSize(r, 256<<10)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			var rec struct {
				screener.Record
				screener.Provenance
			}
			if jerr := json.Unmarshal(b, &rec); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", line, jerr)
			}
			if rec.Status == "" {
				return nil, fmt.Errorf("line %d: not a screener record (no status)", line)
			}
			if rec.RulesHash != "" {
				if run.RulesHash != "" && run.RulesHash != rec.RulesHash {
					return nil, fmt.Errorf("line %d: rules hash %s, earlier records %s: records of two rule sets cannot be audited together", line, rec.RulesHash, run.RulesHash)
				}
				run.Provenance = rec.Provenance
			}
			run.Records = append(run.Records, rec.Record)
		}
		if errors.Is(err, io.EOF) {
			return run, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Demographics are self-reported attributes of candidates, keyed by e-mail,
// candidate ID ([screener.CandidateID]) or the resume's SHA-256.
type Demographics struct {
	// Attributes in reporting order: sex and race_ethnicity first, then the
	// other columns in file order.
	Attributes []string
	rows       []map[string]string // attribute → group; unknown values absent
	groups     map[string][]string // attribute → every group named in the file
	bySHA      map[string]int
	byID       map[string]int
	byEmail    map[string]int
}

// unknownValues are the answers that say nothing about the group; they
// count as unknown, like an empty cell.
var unknownValues = []string{"unknown", "n/a", "na", "none given", "not disclosed", "undisclosed", "not specified",
	"declined", "decline to state", "decline to answer", "prefer not to say", "prefer not to answer", "-"}

// ReadDemographics reads a CSV file with a header row. The columns email,
// id and sha256 (any that are present) join a row to a record; every other
// column is an attribute. Header names ignore case ("E-mail" is email), and any run of
// characters other than letters and digits reads as "_", so "Race /
// Ethnicity" is race_ethnicity. Group names ignore case (the first spelling
// is shown). A key on two rows is an error.
func ReadDemographics(r io.Reader) (*Demographics, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: want a header row with email, id or sha256 and attribute columns such as sex and race_ethnicity")
	}
	if err != nil {
		return nil, err
	}
	d := &Demographics{groups: map[string][]string{}, bySHA: map[string]int{}, byID: map[string]int{}, byEmail: map[string]int{}}
	keys := map[string]int{}
	attrCol := map[string]int{}
	var others []string
	for i, h := range header {
		name := columnName(h)
		if name == "e_mail" {
			name = "email"
		}
		switch name {
		case "email", "id", "sha256":
			keys[name] = i
		case "":
			return nil, fmt.Errorf("line 1: column %d has no name", i+1)
		default:
			if _, dup := attrCol[name]; dup {
				return nil, fmt.Errorf("line 1: column %q twice", name)
			}
			attrCol[name] = i
			if name != Sex && name != RaceEthnicity {
				others = append(others, name)
			}
		}
	}
	if len(keys) == 0 {
		return nil, errors.New("line 1: no email, id or sha256 column to join on")
	}
	for _, a := range []string{Sex, RaceEthnicity} {
		if _, ok := attrCol[a]; ok {
			d.Attributes = append(d.Attributes, a)
		}
	}
	d.Attributes = append(d.Attributes, others...)
	if len(d.Attributes) == 0 {
		return nil, errors.New("line 1: no attribute columns (want sex, race_ethnicity or others)")
	}
	var lines []int                            // of each row, for messages
	spelling := map[string]map[string]string{} // attribute → lower-case group → first spelling
	for _, a := range d.Attributes {
		spelling[a] = map[string]string{}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		row := map[string]string{}
		for _, a := range d.Attributes {
			v := strings.Join(strings.Fields(rec[attrCol[a]]), " ")
			low := strings.ToLower(v)
			if v == "" || slices.Contains(unknownValues, low) {
				continue
			}
			if first, ok := spelling[a][low]; ok {
				v = first
			} else {
				spelling[a][low] = v
				d.groups[a] = append(d.groups[a], v)
			}
			row[a] = v
		}
		n := len(d.rows)
		joined := false
		for name, col := range keys {
			k := normKey(rec[col])
			if k == "" {
				continue
			}
			idx := map[string]map[string]int{"email": d.byEmail, "id": d.byID, "sha256": d.bySHA}[name]
			if prev, dup := idx[k]; dup {
				return nil, fmt.Errorf("line %d: %s %q is also on line %d", line, name, rec[col], lines[prev])
			}
			idx[k] = n
			joined = true
		}
		if !joined {
			return nil, fmt.Errorf("line %d: no email, id or sha256 to join on", line)
		}
		d.rows = append(d.rows, row)
		lines = append(lines, line)
	}
	for _, a := range d.Attributes {
		slices.Sort(d.groups[a])
	}
	return d, nil
}

func columnName(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '×' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		} else {
			gap = true
		}
	}
	return b.String()
}

func normKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// lookup returns the demographics of a record, or nil when no row joins:
// by SHA-256 first, then candidate ID, then e-mail.
func (d *Demographics) lookup(r *screener.Record) map[string]string {
	sha := normKey(r.SHA256)
	for _, try := range []struct {
		idx map[string]int
		key string
	}{{d.bySHA, sha}, {d.byID, normKey(screener.CandidateID(sha))}, {d.byEmail, normKey(r.Email)}} {
		if try.key == "" {
			continue
		}
		if i, ok := try.idx[try.key]; ok {
			return d.rows[i]
		}
	}
	return nil
}
