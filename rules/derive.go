package rules

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Derive turns the text of a job posting into a rule set a recruiter can
// review. It finds every known skill and reads, statement by statement:
//
//   - strength from cue words: "must", "required", "essential", "strong",
//     "proficiency", "experience with" make a requirement; "familiarity",
//     "knowledge of", "understanding of", "nice to have", "a plus",
//     "preferred" make a preference; a skill merely mentioned is preferred;
//   - enumerations: a required list of examples ("such as Java, PHP,
//     Python, or Ruby") or any list joined by "or" becomes a one-of group,
//     split by category; a plain required list joined by "and" makes each
//     skill required; a preferred list makes each skill preferred;
//   - groups of one category that share a skill are merged, and a skill
//     required on its own leaves the groups it was in;
//   - a degree requirement (level and fields) and a minimum of years.
//
// Each item's Note quotes the phrase it came from. Derive is deterministic.
func (t *Taxonomy) Derive(posting string) *Set {
	d := &deriver{t: t}
	set := &Set{Title: postingTitle(posting), base: t}
	for _, st := range statements(posting) {
		if mode, ok := headingMode(st); ok {
			d.mode = mode
			continue
		}
		d.statement(st)
		deg := deriveDegree(st)
		if deg != nil && d.mode == required && !strings.Contains(strings.ToLower(st), "equivalent") {
			deg.Required = true
		}
		if deg != nil && set.Degree == nil {
			set.Degree = deg
		} else if deg != nil {
			// Later mentions may make the degree required or add fields.
			set.Degree.Required = set.Degree.Required || deg.Required
			for _, f := range deg.Fields {
				if !contains(set.Degree.Fields, f) {
					set.Degree.Fields = append(set.Degree.Fields, f)
				}
			}
		}
		if set.Experience == nil {
			set.Experience = deriveYears(st)
		}
	}
	d.finish(set)
	return set
}

type strength int

const (
	mentioned strength = iota
	preferred
	required
)

type derivedGroup struct {
	category string
	skills   []string
	note     string
}

type deriver struct {
	t         *Taxonomy
	required  map[string]string // skill -> note
	preferred map[string]string
	groups    []*derivedGroup
	mode      strength // set by the last heading: "Requirements" or "Nice to have"
}

// headingMode recognises the headings postings use to sort requirements
// from wishes; a statement under one without cue words takes its strength.
func headingMode(st string) (strength, bool) {
	h := strings.ToLower(strings.TrimRight(st, ": "))
	if len(strings.Fields(h)) > 5 {
		return 0, false
	}
	switch {
	case containsAny(h, []string{"nice to have", "bonus", "preferred", "pluses", "desirable", "good to have"}):
		return preferred, true
	case containsAny(h, []string{"requirements", "required", "must have", "must-have", "qualifications", "what we need", "what you bring"}):
		return required, true
	case containsAny(h, []string{"what you will do", "responsibilities", "about us", "about the role", "benefits", "what we offer"}):
		return mentioned, true
	}
	return 0, false
}

// statements splits a posting into sentences and table cells.
func statements(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, cell := range strings.Split(line, "|") {
			cell = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(cell), "-*•·"))
			for _, s := range sentenceEnd.Split(cell, -1) {
				if s = strings.TrimSpace(s); s != "" && s != "---" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

var sentenceEnd = regexp.MustCompile(`[.!?;]\s+`)

var (
	hardCues      = []string{"must", "required", "requirement", "essential", "mandatory", "need to", "needs to", "minimum", "at least"}
	strongCues    = []string{"strong", "solid", "expert", "deep ", "proficien", "advanced", "extensive"}
	preferredCues = []string{"familiar", "knowledge of", "understanding of", "nice to have", "a plus", "preferred", "prefer", "bonus", "desirable", "exposure", "ideally", "advantage", "optional", "would be great"}
	softCues      = []string{"experience with", "experience in", "experienced", "hands-on", "working with", "ability to"}
	exampleCues   = []string{"such as", "like", "e.g", "including", "for example", "for instance", "among others"}
)

func strengthOf(lower string) strength {
	switch {
	case containsAny(lower, hardCues):
		return required
	case containsAny(lower, strongCues):
		return required
	case containsAny(lower, preferredCues):
		return preferred
	case containsAny(lower, softCues):
		return required
	}
	return mentioned
}

// chainStrength reads the cue words nearest a list: those between the
// previous list (or the statement's start) and this one, so that in "strong
// communication and knowledge of HTML" the knowledge cue wins. A hard cue
// anywhere in the statement ("... is a must") still makes it required.
func chainStrength(lower string, toks *tokens, from, to int) strength {
	var prefix strings.Builder
	for k := from; k < to; k++ {
		prefix.WriteString(toks.key(k) + " ")
	}
	p := prefix.String()
	switch {
	case containsAny(p, preferredCues):
		return preferred
	case containsAny(lower, hardCues):
		return required
	case containsAny(p, strongCues), containsAny(p, softCues):
		return required
	}
	return strengthOf(lower)
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func (d *deriver) statement(st string) {
	toks := tokenize(st)
	hits := d.t.m.accept(toks, d.t.m.scan(toks), func(int) Section { return SectionOther })
	if len(hits) == 0 {
		return
	}
	lower := strings.ToLower(st)
	note := quote(st)
	prevEnd := -1
	// Chains of hits separated only by list punctuation are enumerations.
	for i := 0; i < len(hits); {
		j := i + 1
		disjunctive := false
		for j < len(hits) && listNeighbours(toks, hits[j-1].last, hits[j].first) {
			for k := hits[j-1].last + 1; k < hits[j].first; k++ {
				disjunctive = disjunctive || toks.key(k) == "or" || toks.key(k) == "/"
			}
			j++
		}
		chain := hits[i:j]
		str := chainStrength(lower, toks, prevEnd+1, chain[0].first)
		if d.mode == preferred || (d.mode == required && !containsAny(lower, preferredCues)) {
			str = d.mode
		}
		prevEnd = chain[len(chain)-1].last
		examples := false
		for k := max(0, chain[0].first-4); k < chain[0].first; k++ {
			examples = examples || containsAny(toks.key(k)+" "+tokenKey(toks, k+1), exampleCues)
		}
		d.add(chain, str, len(chain) > 1 && (examples || disjunctive), note)
		i = j
	}
}

func tokenKey(toks *tokens, i int) string {
	if i < toks.len() {
		return toks.key(i)
	}
	return ""
}

func (d *deriver) add(chain []hit, str strength, alternatives bool, note string) {
	if d.required == nil {
		d.required, d.preferred = map[string]string{}, map[string]string{}
	}
	if str != required {
		for _, h := range chain {
			name := d.t.skills[h.skill].Name
			if _, ok := d.preferred[name]; !ok {
				d.preferred[name] = note
			}
		}
		return
	}
	if !alternatives {
		for _, h := range chain {
			name := d.t.skills[h.skill].Name
			if _, ok := d.required[name]; !ok {
				d.required[name] = note
			}
		}
		return
	}
	// Alternatives: one group per category; a category with a single skill
	// in the list is an aside, kept as a preference.
	byCat := map[string][]string{}
	var cats []string
	for _, h := range chain {
		s := d.t.skills[h.skill]
		if _, ok := byCat[s.Category]; !ok {
			cats = append(cats, s.Category)
		}
		byCat[s.Category] = append(byCat[s.Category], s.Name)
	}
	for _, c := range cats {
		skills := byCat[c]
		if len(skills) == 1 {
			if _, ok := d.preferred[skills[0]]; !ok {
				d.preferred[skills[0]] = note
			}
			continue
		}
		d.mergeGroup(c, skills, note)
	}
}

// mergeGroup adds a group, merging it into an earlier group of the same
// category that shares a skill.
func (d *deriver) mergeGroup(category string, skills []string, note string) {
	for _, g := range d.groups {
		if g.category != category || !overlaps(g.skills, skills) {
			continue
		}
		for _, s := range skills {
			if !contains(g.skills, s) {
				g.skills = append(g.skills, s)
			}
		}
		return
	}
	d.groups = append(d.groups, &derivedGroup{category: category, skills: append([]string(nil), skills...), note: note})
}

func (d *deriver) finish(set *Set) {
	// Merge again: a later group may have joined two earlier ones.
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(d.groups) && !changed; i++ {
			for j := i + 1; j < len(d.groups); j++ {
				a, b := d.groups[i], d.groups[j]
				if a.category == b.category && overlaps(a.skills, b.skills) {
					for _, s := range b.skills {
						if !contains(a.skills, s) {
							a.skills = append(a.skills, s)
						}
					}
					d.groups = append(d.groups[:j], d.groups[j+1:]...)
					changed = true
					break
				}
			}
		}
	}
	inGroup := map[string]bool{}
	for _, g := range d.groups {
		var keep []string
		for _, s := range g.skills {
			if _, req := d.required[s]; !req {
				keep = append(keep, s)
			}
		}
		switch len(keep) {
		case 0:
			continue
		case 1:
			d.required[keep[0]] = g.note
			continue
		}
		for _, s := range keep {
			inGroup[s] = true
		}
		set.OneOf = append(set.OneOf, Group{Name: groupName(g.category), Skills: keep, Note: g.note})
	}
	for _, name := range sortedKeys(d.required) {
		set.Required = append(set.Required, Item{Skill: name, Note: d.required[name]})
	}
	for _, name := range sortedKeys(d.preferred) {
		if _, req := d.required[name]; req || inGroup[name] {
			continue
		}
		set.Preferred = append(set.Preferred, Item{Skill: name, Note: d.preferred[name]})
	}
}

func groupName(category string) string {
	switch category {
	case "language":
		return "programming languages"
	case "database":
		return "databases"
	case "framework":
		return "frameworks"
	case "frontend":
		return "front-end"
	case "cloud":
		return "cloud platforms"
	case "vcs":
		return "version control"
	case "webserver":
		return "web servers"
	case "os":
		return "operating systems"
	}
	return category
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func overlaps(a, b []string) bool {
	for _, x := range b {
		if contains(a, x) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quote shortens a statement for a YAML comment.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 110 {
		cut := strings.LastIndex(s[:110], " ")
		if cut < 60 {
			cut = 110
		}
		s = s[:cut] + " …"
	}
	return `from: "` + s + `"`
}

func postingTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if t, _, ok := strings.Cut(line, ":"); ok && len(strings.Fields(t)) <= 8 {
			line = t
		}
		if len(strings.Fields(line)) <= 10 {
			return line
		}
		return ""
	}
	return ""
}

var degreeWord = regexp.MustCompile(`(?i)\b(bachelor|master|ph\.?d|doctorate|degree)`)

func deriveDegree(st string) *DegreeRule {
	if !degreeWord.MatchString(st) {
		return nil
	}
	lower := strings.ToLower(st)
	level := ""
	for _, l := range []struct{ word, level string }{{"bachelor", "bachelor"}, {"master", "master"}, {"ph", "phd"}, {"doctor", "phd"}} {
		if strings.Contains(lower, l.word) {
			level = l.level
			break
		}
	}
	var fields []string
	for _, f := range degreeFields {
		if strings.Contains(lower, f.spelling) {
			fields = append(fields, f.name)
		}
	}
	if level == "" {
		if len(fields) == 0 {
			return nil
		}
		level = "bachelor" // "a degree in Computer Science"
	}
	return &DegreeRule{
		Level:    level,
		Fields:   fields,
		Required: containsAny(lower, []string{"at least", "required", "must", "minimum"}) && !strings.Contains(lower, "not necessarily"),
		Note:     quote(st),
	}
}

var yearsRe = regexp.MustCompile(`(?i)(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?\+?\s*years?['’]?\s+(?:of\s+)?(?:[a-z-]+\s+){0,3}experience`)

func deriveYears(st string) *Experience {
	m := yearsRe.FindStringSubmatch(st)
	if m == nil {
		return nil
	}
	n, _ := strconv.Atoi(m[1])
	if n <= 0 || n > 40 {
		return nil
	}
	return &Experience{MinYears: float64(n), Required: containsAny(strings.ToLower(st), hardCues), Note: quote(st)}
}
