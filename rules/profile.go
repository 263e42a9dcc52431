package rules

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Found is one taxonomy skill found in a text.
type Found struct {
	Skill    string  `json:"skill"`    // canonical name
	Category string  `json:"category"` // taxonomy category
	Count    int     `json:"count"`    // occurrences
	Section  Section `json:"section"`  // section of the first occurrence
	Evidence string  `json:"evidence"` // the line of the first occurrence, trimmed
	// Months is the experience with the skill: the length, overlaps
	// merged, of the dated roles whose text mentions it. A mention in a
	// skills list or a project adds none.
	Months float64 `json:"months,omitempty"`
	// LastUsed is the year the last of those roles ended (the as-of year
	// for a current role); 0 when no dated role mentions the skill.
	LastUsed int `json:"last_used,omitempty"`
}

// Degree is an academic degree read from a resume.
type Degree struct {
	Level string `json:"level"`           // "bachelor", "master" or "phd"
	Field string `json:"field,omitempty"` // e.g. "Computer Science", if recognised
}

// Profile is what a resume says about its candidate, as far as screening
// needs: skills with evidence, contact details, degrees and experience.
type Profile struct {
	Name  string   `json:"name"`
	Email string   `json:"email,omitempty"`
	Phone string   `json:"phone,omitempty"`
	Links []string `json:"links,omitempty"`
	// YearsExperience is the length of the dated roles, overlaps merged;
	// nil when the resume has no dated role (unknown, not zero).
	YearsExperience *float64 `json:"years_experience"`
	Degrees         []Degree `json:"degrees,omitempty"`
	Skills          []Found  `json:"skills_found"`
}

// Has reports whether the profile lists the skill (canonical name).
func (p *Profile) Has(skill string) bool {
	_, ok := p.find(skill)
	return ok
}

func (p *Profile) find(skill string) (Found, bool) {
	i := sort.Search(len(p.Skills), func(i int) bool { return p.Skills[i].Skill >= skill })
	if i < len(p.Skills) && p.Skills[i].Skill == skill {
		return p.Skills[i], true
	}
	return Found{}, false
}

// Analyze reads a resume's text. fileName (base name) is the fallback for
// the candidate's name; asOf is the date "Present" stands for.
func (t *Taxonomy) Analyze(text, fileName string, asOf time.Time) *Profile {
	lines := strings.Split(text, "\n")
	sections := sectionsOf(lines)
	roles := findRoles(lines, sections, asOf)
	p := &Profile{Skills: t.findSkills(text, lines, sections, roles)}
	p.Name = guessName(lines, fileName)
	p.Email = emailRe.FindString(text)
	p.Phone = findPhone(lines)
	p.Links = findLinks(lines)
	p.YearsExperience = yearsOf(roles)
	p.Degrees = findDegrees(lines, sections)
	return p
}

// AnnotateLines returns text's lines, each prefixed with its section and
// followed by the skills found on it, to show why a resume scored as it did.
func AnnotateLines(t *Taxonomy, text string) []string {
	lines := strings.Split(text, "\n")
	sections := sectionsOf(lines)
	toks := tokenize(text)
	hits := t.m.accept(toks, t.m.scan(toks), func(l int) Section { return sections[l] })
	onLine := make([][]string, len(lines))
	for _, h := range hits {
		l := int(toks.t[h.first].line)
		onLine[l] = append(onLine[l], t.skills[h.skill].Name)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = fmt.Sprintf("%-10s | %s", sections[i], l)
		if len(onLine[i]) > 0 {
			out[i] += "   <- " + strings.Join(onLine[i], ", ")
		}
	}
	return out
}
