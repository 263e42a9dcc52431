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
//
// Each contact value is found with evidence or left empty: NameSource,
// EmailSource and PhoneSource say where the value came from (the Source
// constants: "header", "largest text", "label", "email"…) or, when it is
// empty, why ("not found", "rejected: heading"…). Uncertain lists the
// fields (FieldName, FieldEmail, FieldPhone, FieldTitle, FieldLocation)
// whose value is a weak guess a recruiter should check.
type Profile struct {
	Name        string `json:"name"`
	NameSource  string `json:"name_source"`
	Email       string `json:"email,omitempty"`
	EmailSource string `json:"email_source"`
	Phone       string `json:"phone,omitempty"`
	PhoneSource string `json:"phone_source"`
	// Title is the job title of the most recent dated role, or a headline
	// title under the name; Location the city, region or country of the
	// header or contact lines. TitleSource and LocationSource say where
	// each came from ([SourceRole], [SourceHeadline], [SourceHeader],
	// [SourceLabel]) or why it is empty.
	Title          string   `json:"title,omitempty"`
	TitleSource    string   `json:"title_source"`
	Location       string   `json:"location,omitempty"`
	LocationSource string   `json:"location_source"`
	Uncertain      []string `json:"uncertain,omitempty"`
	Links          []string `json:"links,omitempty"`
	// NotResume is set when the document is not a resume: what it is
	// instead ("cover letter", "reference letter", "job posting") and the
	// evidence.
	NotResume *NotResume `json:"not_resume,omitempty"`
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

// Resume is what [Taxonomy.Analyze] reads: a resume's text and what its
// parser knew beyond the text. Only Text is required.
type Resume struct {
	Text string
	// Title holds the lines the parser saw as the document's title: on a
	// PDF's first page, the largest text near the top; in a DOCX, a
	// Title-styled or the largest first paragraph. The best evidence of the
	// candidate's name; empty when the parser could not tell.
	Title []string
	// PageHeader is the part of Text that came from page headers and
	// footers (DOCX), where a name is set apart from the body.
	PageHeader string
	// Region is the ISO 3166 code ("GB", "US") of the country whose phone
	// numbers may be written without a country code. Numbers are then
	// checked and written in international format ("+44 20 7946 0018");
	// empty means unknown: a number without "+" is kept as written.
	Region string
}

// Analyze reads a resume; asOf is the date "Present" stands for. A name is
// never made up: it comes from the resume's text (or its parser's title)
// with its source, or is left empty with the reason.
func (t *Taxonomy) Analyze(r Resume, asOf time.Time) *Profile {
	text := r.Text
	lines := strings.Split(text, "\n")
	sections := sectionsOf(lines)
	roles := findRoles(lines, sections, asOf)
	p := &Profile{Skills: t.findSkills(text, lines, sections, roles)}
	r.Region = strings.ToUpper(r.Region)
	c := t.findContacts(r, lines)
	p.Name, p.Email, p.Phone, p.Links = c.name, c.email, c.phone, c.links
	p.NameSource, p.EmailSource, p.PhoneSource, p.Uncertain = c.nameSource, c.emailSource, c.phoneSource, c.uncertain
	var uncertain bool
	if p.Title, p.TitleSource, uncertain = findTitle(clip(lines), roles, p.Name); uncertain {
		p.Uncertain = append(p.Uncertain, FieldTitle)
	}
	if p.Location, p.LocationSource, uncertain = findLocation(t, clip(lines), sections, p.Name); uncertain {
		p.Uncertain = append(p.Uncertain, FieldLocation)
	}
	low := asciiLower(text)
	p.NotResume = classify(lines, low, strings.Split(low, "\n"), sections)
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
