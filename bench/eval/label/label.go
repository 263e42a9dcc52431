// Package label defines the labels of the evaluation set: what a resume
// truly says, one JSON object a line (see bench/eval/README.md).
package label

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Label is the truth about one file of the evaluation set.
type Label struct {
	File   string `json:"file"`             // path under the set's folder (or the corpus's)
	Layout string `json:"layout"`           // the group the scorer reports it in
	SHA256 string `json:"sha256,omitempty"` // content hash, for files not in the project (the shared corpus)
	Name   string `json:"name"`             // as displayed; "" when the file shows none
	Email  string `json:"email"`            // "" when none
	Phone  string `json:"phone"`            // as printed; "" when none
	// PhoneE164 is the phone in E.164 form where its country is known.
	PhoneE164 string `json:"phone_e164,omitempty"`
	// Years is the total experience from dated work roles, merged (see
	// README.md for the convention); null means not determinable.
	Years *float64 `json:"years"`
	// Title is the job title of the current (most recent) role as
	// printed; Location the candidate's city as printed, "" when the file
	// shows none (a layout that leaves basics.location out). Both are
	// compared after case folding, the location by its city part; nil
	// when not labelled (not counted).
	Title    *string `json:"title,omitempty"`
	Location *string `json:"location,omitempty"`
	// Skills are the taxonomy's canonical names of the skills the file shows.
	Skills []string `json:"skills"`
	// Months holds, for each skill of Skills, the months of the dated roles
	// whose text mentions it (0 for a skill only listed); absent when not
	// labelled.
	Months map[string]int `json:"months,omitempty"`
	// Unsure names the fields ("name", "email", "phone", "title", "location", "years",
	// "skills", "months") the labeller could not settle; they are left out
	// of the figures.
	Unsure []string `json:"unsure,omitempty"`
	// SkillsUnsure are skills that are neither counted as found nor as
	// missed: a mention a careful reader could take either way.
	SkillsUnsure []string `json:"skills_unsure,omitempty"`
	Note         string   `json:"note,omitempty"`
}

// IsUnsure reports whether field is excluded from the figures.
func (l *Label) IsUnsure(field string) bool {
	for _, f := range l.Unsure {
		if f == field {
			return true
		}
	}
	return false
}

// Read reads labels, one JSON object a line; blank lines are skipped.
func Read(r io.Reader) ([]Label, error) {
	var out []Label
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l Label
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if l.File == "" {
			return nil, fmt.Errorf("line %d: no file", n)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// ReadFile is [Read] for a named file.
func ReadFile(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ls, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ls, nil
}

// Write writes labels one a line.
func Write(w io.Writer, ls []Label) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range ls {
		if err := enc.Encode(&ls[i]); err != nil {
			return err
		}
	}
	return nil
}
