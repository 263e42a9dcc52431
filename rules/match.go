package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// matcher finds every alias of every skill in one pass over the tokens: a
// trie keyed by token, walked from each position, longest match first. Its
// cost grows with the text, not with the number of skills.
type matcher struct {
	root   *trieNode
	skills []Skill
	not    [][][]string // per skill: its "not" phrases, tokenized (keys)
}

type trieNode struct {
	next map[string]*trieNode
	ends []aliasEnd
}

type aliasEnd struct {
	skill     int
	exact     []string // for case-sensitive aliases: the tokens as written
	ambiguous bool     // needs a technical context to count
}

// An alias of a skill flagged "context" is ambiguous only if it could be an
// ordinary word: one token of letters only ("Go", "React", "Oracle"). A
// spelling like "Node.js", "Oracle Database" or "Vue 3" is distinctive.
// Likewise the "case" flag binds only short or all-capital aliases ("Go",
// "R", "SQL", "SOLID"), so "golang" still matches "Golang".
func isPlainWord(toks *tokens) bool {
	if toks.len() != 1 {
		return false
	}
	for _, r := range toks.text(0) {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func newMatcher(skills []Skill) *matcher {
	m := &matcher{root: &trieNode{}, skills: skills, not: make([][][]string, len(skills))}
	for i, s := range skills {
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			toks := tokenize(a)
			if toks.len() == 0 {
				continue
			}
			n := m.root
			for k := range toks.t {
				if n.next == nil {
					n.next = map[string]*trieNode{}
				}
				c := n.next[toks.key(k)]
				if c == nil {
					c = &trieNode{}
					n.next[toks.key(k)] = c
				}
				n = c
			}
			end := aliasEnd{skill: i, ambiguous: s.NeedsContext && isPlainWord(toks)}
			if s.CaseSensitive && toks.len() == 1 && (len(toks.text(0)) <= 4 || strings.ToUpper(toks.text(0)) == toks.text(0)) {
				for k := range toks.t {
					end.exact = append(end.exact, toks.text(k))
				}
			}
			n.ends = append(n.ends, end)
		}
		for _, p := range s.Not {
			var keys []string
			pt := tokenize(p)
			for k := range pt.t {
				keys = append(keys, pt.key(k))
			}
			m.not[i] = append(m.not[i], keys)
		}
	}
	return m
}

// hit is one occurrence of a skill: tokens [first, last] of the text.
type hit struct {
	skill       int
	first, last int
	ambiguous   bool
}

// scan returns the raw hits, before context rules, in text order.
func (m *matcher) scan(toks *tokens) []hit {
	hits := make([]hit, 0, toks.len()/16+8)
	for i := 0; i < toks.len(); {
		if toks.t[i].punct && toks.key(i) != "." {
			i++
			continue
		}
		n, bestSkill, bestLen, bestAmbiguous := m.root, -1, 0, false
		for j := i; j < toks.len() && toks.t[j].line == toks.t[i].line; j++ {
			n = n.next[toks.key(j)]
			if n == nil {
				break
			}
			for _, e := range n.ends {
				if e.exact != nil && !exactMatch(toks, i, e.exact) {
					continue
				}
				if j-i+1 > bestLen {
					bestSkill, bestLen, bestAmbiguous = e.skill, j-i+1, e.ambiguous
				}
			}
		}
		if bestSkill < 0 {
			i++
			continue
		}
		hits = append(hits, hit{skill: bestSkill, first: i, last: i + bestLen - 1, ambiguous: bestAmbiguous})
		i += bestLen
	}
	return hits
}

func exactMatch(toks *tokens, first int, exact []string) bool {
	for k, x := range exact {
		if toks.text(first+k) != x {
			return false
		}
	}
	return true
}

// cueWords make an ambiguous name technical when they stand within three
// words of it: "Go developer", "written in Go", "experience with React".
var cueWords = map[string]bool{
	"developer": true, "developers": true, "development": true, "developing": true, "engineer": true, "engineering": true,
	"programming": true, "programmer": true, "language": true, "languages": true, "framework": true, "frameworks": true,
	"library": true, "libraries": true, "stack": true, "written": true, "coding": true, "code": true, "scripting": true,
	"database": true, "databases": true, "server": true, "backend": true, "frontend": true, "api": true, "apis": true,
	"proficient": true, "proficiency": true, "experience": true, "experienced": true, "skilled": true, "expertise": true,
	"knowledge": true, "familiarity": true, "familiar": true, "using": true, "sdk": true, "app": true, "apps": true,
	"application": true, "applications": true, "services": true, "microservices": true, "platform": true, "tools": true,
	"technologies": true, "cloud": true, "deployment": true, "deployed": true, "built": true, "implemented": true,
	"pipelines": true, "pipeline": true, "queries": true, "schema": true, "components": true, "hooks": true, "scripts": true,
}

// labelWords introduce a list of skills at the start of a line: "Languages:".
var labelWords = map[string]bool{
	"skills": true, "languages": true, "technologies": true, "tools": true, "frameworks": true, "databases": true,
	"stack": true, "platforms": true, "environment": true, "technical": true, "proficient": true, "libraries": true,
	"cloud": true, "devops": true, "methodologies": true, "testing": true, "familiar": true, "tech": true, "os": true,
}

// accept applies the context rules and "not" phrases to raw hits.
func (m *matcher) accept(toks *tokens, hits []hit, sectionOf func(line int) Section) []hit {
	out := make([]hit, 0, len(hits))
	for k, h := range hits {
		if m.excluded(toks, h) {
			continue
		}
		if h.ambiguous && !m.inContext(toks, hits, k, sectionOf) {
			continue
		}
		out = append(out, h)
	}
	return out
}

func (m *matcher) excluded(toks *tokens, h hit) bool {
	for _, phrase := range m.not[h.skill] {
		// Align the phrase so that its first token equal to the hit's
		// first token sits on the hit.
		for off, w := range phrase {
			if w != toks.key(h.first) {
				continue
			}
			start := h.first - off
			if start < 0 || start+len(phrase) > toks.len() {
				continue
			}
			ok := true
			for q, pw := range phrase {
				if toks.key(start+q) != pw {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

func (m *matcher) inContext(toks *tokens, hits []hit, k int, sectionOf func(int) Section) bool {
	h := hits[k]
	line := toks.t[h.first].line
	if sectionOf(int(line)) == SectionSkills {
		return true
	}
	// Another skill nearby on the same line: an unambiguous one within
	// eight tokens, or any one separated only by list punctuation.
	for j := k - 1; j >= 0 && toks.t[hits[j].last].line == line && h.first-hits[j].last <= 8; j-- {
		if !hits[j].ambiguous || listNeighbours(toks, hits[j].last, h.first) {
			return true
		}
	}
	for j := k + 1; j < len(hits) && toks.t[hits[j].first].line == line && hits[j].first-h.last <= 8; j++ {
		if !hits[j].ambiguous || listNeighbours(toks, h.last, hits[j].first) {
			return true
		}
	}
	for j := max(0, h.first-3); j <= min(toks.len()-1, h.last+3); j++ {
		if (j < h.first || j > h.last) && toks.t[j].line == line && cueWords[toks.key(j)] {
			return true
		}
	}
	// A labelled line: "Languages: Go, Rust".
	for j := h.first - 1; j >= 0 && toks.t[j].line == line; j-- {
		if toks.key(j) == ":" && j > 0 && labelWords[toks.key(j-1)] {
			return true
		}
	}
	return false
}

// listNeighbours reports whether only list separators stand between tokens a and b.
func listNeighbours(toks *tokens, a, b int) bool {
	if b-a > 4 {
		return false
	}
	for i := a + 1; i < b; i++ {
		switch toks.key(i) {
		case ",", "/", "|", ";", "and", "or", "&", "•", "·", "(", ")":
		default:
			return false
		}
	}
	return true
}

// Section is the part of a resume a line belongs to.
type Section string

// Sections recognised from the usual resume headings.
const (
	SectionSummary    Section = "summary"
	SectionSkills     Section = "skills"
	SectionExperience Section = "experience"
	SectionEducation  Section = "education"
	SectionProjects   Section = "projects"
	SectionInterests  Section = "interests" // interests and hobbies: never skills, never roles
	SectionOther      Section = "other"
)

var headings = map[string]Section{
	"summary": SectionSummary, "professional summary": SectionSummary, "profile": SectionSummary, "objective": SectionSummary,
	"career objective": SectionSummary, "about me": SectionSummary, "about": SectionSummary, "personal profile": SectionSummary,
	"career summary": SectionSummary, "executive summary": SectionSummary, "professional profile": SectionSummary,
	"skills": SectionSkills, "technical skills": SectionSkills, "core competencies": SectionSkills, "competencies": SectionSkills,
	"technologies": SectionSkills, "tech stack": SectionSkills, "key skills": SectionSkills, "skills and tools": SectionSkills,
	"technical expertise": SectionSkills, "expertise": SectionSkills, "tools": SectionSkills, "skill set": SectionSkills,
	"skills summary": SectionSkills, "programming languages": SectionSkills, "technical proficiencies": SectionSkills,
	"core skills": SectionSkills, "it skills": SectionSkills, "computer skills": SectionSkills, "skills & abilities": SectionSkills,
	"experience": SectionExperience, "work experience": SectionExperience, "professional experience": SectionExperience,
	"employment history": SectionExperience, "work history": SectionExperience, "employment": SectionExperience,
	"career history": SectionExperience, "relevant experience": SectionExperience, "experiences": SectionExperience,
	"professional background": SectionExperience, "internships": SectionExperience, "internship": SectionExperience,
	"education": SectionEducation, "academic background": SectionEducation, "qualifications": SectionEducation,
	"education and training": SectionEducation, "academic qualifications": SectionEducation, "educational background": SectionEducation,
	"projects": SectionProjects, "personal projects": SectionProjects, "key projects": SectionProjects, "selected projects": SectionProjects,
	"academic projects": SectionProjects, "side projects": SectionProjects, "open source": SectionProjects, "project experience": SectionProjects,
	"certifications": SectionOther, "certificates": SectionOther, "awards": SectionOther, "publications": SectionOther,
	"interests": SectionInterests, "hobbies": SectionInterests, "hobbies and interests": SectionInterests,
	"interests and hobbies": SectionInterests, "personal interests": SectionInterests, "references": SectionOther, "volunteer": SectionOther,
	"volunteering": SectionOther, "activities": SectionOther, "languages": SectionOther, "achievements": SectionOther,
	"honors": SectionOther, "contact": SectionOther, "additional information": SectionOther, "leadership": SectionOther,
	"extracurricular activities": SectionOther, "extracurricular activity": SectionOther, "extracurricular": SectionOther,
	"honors & awards": SectionOther, "honors and awards": SectionOther, "awards & honors": SectionOther,
	"awards and honors": SectionOther, "community": SectionOther, "volunteer experience": SectionOther,
	"selected experience": SectionExperience, "relevant employment": SectionExperience, "current employment": SectionExperience, "work": SectionExperience, "work history and experience": SectionExperience, "employment experience": SectionExperience,
	// The same headings in the other languages whose dates are read.
	"berufserfahrung": SectionExperience, "berufliche erfahrung": SectionExperience, "beruflicher werdegang": SectionExperience,
	"berufspraxis": SectionExperience, "berufstätigkeit": SectionExperience, "berufserfahrungen": SectionExperience,
	"projekte": SectionProjects, "persönliche daten": SectionOther, "zertifikate": SectionOther, "weiterbildung": SectionEducation, "praxiserfahrung": SectionExperience, "ausbildung": SectionEducation,
	"schulbildung": SectionEducation, "studium": SectionEducation, "kenntnisse": SectionSkills, "fähigkeiten": SectionSkills,
	"expérience professionnelle": SectionExperience, "expériences professionnelles": SectionExperience,
	"expérience": SectionExperience, "expériences": SectionExperience, "formation": SectionEducation,
	"compétences": SectionSkills, "centres d intérêt": SectionInterests, "loisirs": SectionInterests,
	"experiencia": SectionExperience, "experiencia laboral": SectionExperience, "experiencia profesional": SectionExperience,
	"formación": SectionEducation, "educación": SectionEducation, "habilidades": SectionSkills,
	"esperienza": SectionExperience, "esperienze professionali": SectionExperience, "esperienza lavorativa": SectionExperience,
	"esperienza professionale": SectionExperience, "istruzione": SectionEducation, "competenze": SectionSkills,
	"werkervaring": SectionExperience, "ervaring": SectionExperience, "werkervaringen": SectionExperience,
	"opleiding": SectionEducation, "opleidingen": SectionEducation, "vaardigheden": SectionSkills,
	"experiência": SectionExperience, "experiência profissional": SectionExperience, "formação": SectionEducation,
	"formação acadêmica": SectionEducation, "educação": SectionEducation, "competências": SectionSkills,
	"工作经历": SectionExperience, "工作经验": SectionExperience, "实习经历": SectionExperience, "教育背景": SectionEducation,
	"教育经历": SectionEducation, "项目经历": SectionProjects, "项目经验": SectionProjects, "专业技能": SectionSkills,
}

// headingOf returns the section a line opens, if it is a heading: a short
// line (at most five words) whose words, lowercased and without
// punctuation, are a known heading. It runs on every line of every resume,
// so it normalizes into a stack buffer instead of allocating.
func headingOf(line string) (Section, bool) {
	if len(line) > 48 || !headingStart(line) {
		return "", false
	}
	var buf [48]byte
	n, words, inWord := 0, 0, false
	for _, r := range line {
		if isWordRune(r) || r == '&' {
			if !inWord {
				if words++; words > 5 {
					return "", false
				}
				if n > 0 {
					buf[n] = ' '
					n++
				}
				inWord = true
			}
			if n+utf8.UTFMax+1 > len(buf) {
				return "", false
			}
			if r < utf8.RuneSelf {
				c := byte(r)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[n] = c
				n++
				continue
			}
			n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			continue
		}
		inWord = false
	}
	if words == 0 {
		return "", false
	}
	s, ok := headings[string(buf[:n])]
	return s, ok
}

// headingStart is a cheap first filter for headingOf: the first letter of
// a heading is one that starts some known heading.
func headingStart(line string) bool {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c >= utf8.RuneSelf {
			return true // let headingOf decide
		}
		if asciiWord[c] {
			c |= 0x20 // lowercase letters; digits never start a heading
			return strings.IndexByte("abcefhiklopqrstvwz", c) >= 0
		}
	}
	return false
}

// sectionsOf returns the section of every line of text. Lines before the
// first heading belong to the summary (the top of a resume: name, contact,
// profile). Under interests, "Skills:" labels a hobby, not a skills
// section.
func sectionsOf(lines []string) []Section {
	out := make([]Section, len(lines))
	cur := SectionSummary
	for i, l := range lines {
		if s, ok := headingOf(l); ok {
			if cur != SectionInterests || s != SectionSkills || !strings.HasSuffix(strings.TrimSpace(l), ":") {
				cur = s
			}
		} else if s, ok := headingPrefix(l); ok {
			cur = s
		} else if label, _, found := strings.Cut(l, ":"); found && cur != SectionInterests {
			// "Technical Skills: Go, Rust" labels one line.
			if s, ok := headingOf(label); ok && s == SectionSkills {
				out[i] = s
				continue
			}
		}
		out[i] = cur
	}
	return out
}

// leadHeadings are the headings that some layouts print on the line of
// their first entry ("EXPERIENCE Software Engineer …", "Work Part-time
// Consultant …").
var leadHeadings = map[string]bool{
	"experience": true, "work experience": true, "professional experience": true, "work": true, "employment": true,
	"education": true, "skills": true, "technical skills": true, "projects": true, "interests": true,
}

// headingPrefix returns the section of a heading that starts a line and
// is followed by the first entry: one to three words that are a known
// heading, in capitals (or, for the headings in leadHeadings, capitalised
// on a dated line, so that "Work Authorization: …" is no heading), then a
// capitalised word or a digit that is not a job title, so that "Education
// Coordinator, City Schools 2015 – 2018" stays a line of experience.
func headingPrefix(line string) (Section, bool) {
	line = strings.TrimSpace(line)
	if line == "" || !headingStart(line) {
		return "", false
	}
	end := 0
	for words := 1; words <= 3; words++ {
		sp := strings.IndexByte(line[end:], ' ')
		if sp < 0 {
			return "", false
		}
		end += sp
		prefix, rest := line[:end], strings.TrimSpace(line[end:])
		end++
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		s, ok := headingOf(prefix)
		if !ok {
			continue
		}
		key := strings.ToLower(prefix)
		caps := strings.ToUpper(prefix) == prefix && len(prefix) >= 4
		if !caps && (!leadHeadings[key] || !capitalised(prefix) || !hasYear(rest)) {
			continue
		}
		next, _, _ := strings.Cut(rest, " ")
		if titleWords[strings.ToLower(strings.Trim(next, ",.;:"))] {
			continue
		}
		return s, true
	}
	return "", false
}

// capitalised reports whether every word of s starts with a capital.
func capitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
