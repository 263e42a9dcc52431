package rules

import (
	"slices"
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
	not    [][]notPhrase // per skill: its "not" phrases
}

// notPhrase is a phrase in which a skill's name is ordinary English.
type notPhrase struct {
	keys []string // tokenized, lowercased
	// lower is set for a phrase written in lowercase that starts with
	// the name: it does not apply to a word skill capitalised in
	// mid-sentence.
	lower bool
}

type trieNode struct {
	next map[string]*trieNode
	ends []aliasEnd
}

type aliasEnd struct {
	skill     int
	exact     []string // for case-sensitive aliases: the tokens as written
	ambiguous bool     // needs a technical context to count
	word      bool     // ambiguous, and an English word: its case is evidence
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
	m := &matcher{root: &trieNode{}, skills: skills, not: make([][]notPhrase, len(skills))}
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
			end.word = end.ambiguous && s.Word
			if s.CaseSensitive && toks.len() == 1 && (len(toks.text(0)) <= 4 || strings.ToUpper(toks.text(0)) == toks.text(0)) {
				for k := range toks.t {
					end.exact = append(end.exact, toks.text(k))
				}
			}
			n.ends = append(n.ends, end)
		}
		for _, p := range s.Not {
			var np notPhrase
			pt := tokenize(p)
			for k := range pt.t {
				np.keys = append(np.keys, pt.key(k))
			}
			np.lower = p == pt.low && len(np.keys) > 0 && slices.ContainsFunc(append([]string{s.Name}, s.Aliases...), func(a string) bool {
				return strings.EqualFold(a, pt.text(0))
			})
			m.not[i] = append(m.not[i], np)
		}
	}
	return m
}

// hit is one occurrence of a skill: tokens [first, last] of the text.
type hit struct {
	skill       int
	first, last int
	ambiguous   bool
	word        bool
}

// scan returns the raw hits, before context rules, in text order.
func (m *matcher) scan(toks *tokens) []hit {
	hits := make([]hit, 0, toks.len()/16+8)
	for i := 0; i < toks.len(); {
		if toks.t[i].punct { // no alias starts with punctuation (newTaxonomy refuses one)
			i++
			continue
		}
		n, bestSkill, bestLen, bestAmbiguous, bestWord := m.root, -1, 0, false, false
		for j, line := i, toks.t[i].line; j < toks.len(); j++ {
			if l := toks.t[j].line; l != line {
				// A name that a narrow column wrapped at the line's end
				// ("Google" over "Cloud", "GitLab" over "CI"): its words
				// go on at the start of the next line, once.
				if l != line+1 || line != toks.t[i].line {
					break
				}
				line = l
			}
			n = n.next[toks.key(j)]
			if n == nil {
				break
			}
			for _, e := range n.ends {
				if e.exact != nil && !exactMatch(toks, i, e.exact) {
					continue
				}
				if j-i+1 > bestLen {
					bestSkill, bestLen, bestAmbiguous, bestWord = e.skill, j-i+1, e.ambiguous, e.word
				}
			}
		}
		if bestSkill < 0 {
			if h, ok := m.distributed(toks, i); ok {
				hits = append(hits, h) // "unit and integration testing": unit testing too
			}
			i++
			continue
		}
		hits = append(hits, hit{skill: bestSkill, first: i, last: i + bestLen - 1, ambiguous: bestAmbiguous, word: bestWord})
		i += bestLen
	}
	return hits
}

// distributed finds a skill whose name shares its last words with the
// name after a conjunction: "unit" in "unit and integration testing" is
// Unit Testing, "front" in "front and back end" the front end. Token i
// starts no name of its own; the hit is that one token.
func (m *matcher) distributed(toks *tokens, i int) (hit, bool) {
	if i+3 >= toks.len() || toks.t[i].punct {
		return hit{}, false
	}
	if c := toks.key(i + 1); c != "and" && c != "&" && c != "or" {
		return hit{}, false
	}
	// The name after the conjunction, of two words or more.
	n, end := m.root, -1
	for j := i + 2; j < toks.len() && j < i+6; j++ {
		if n = n.next[toks.key(j)]; n == nil {
			break
		}
		if len(n.ends) > 0 && j > i+2 {
			end = j
		}
	}
	if end < 0 {
		return hit{}, false
	}
	// The same name with token i in place of its first word.
	n = m.root.next[toks.key(i)]
	for j := i + 3; n != nil && j <= end; j++ {
		n = n.next[toks.key(j)]
	}
	if n == nil {
		return hit{}, false
	}
	for _, e := range n.ends {
		if e.exact == nil {
			return hit{skill: e.skill, first: i, last: i, ambiguous: e.ambiguous, word: e.word}, true
		}
	}
	return hit{}, false
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
	var facts []lineFacts
	for k, h := range hits {
		if h.ambiguous && facts == nil {
			facts = factsOf(toks)
		}
		midCap := h.word && caseOf(toks, facts, h) == caseMidSentence
		if m.excluded(toks, h, midCap) {
			continue
		}
		if h.ambiguous && !m.inContext(toks, facts, hits, k, sectionOf) {
			continue
		}
		out = append(out, h)
	}
	return out
}

func (m *matcher) excluded(toks *tokens, h hit, midCap bool) bool {
	for _, np := range m.not[h.skill] {
		if midCap && np.lower {
			continue
		}
		phrase := np.keys
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

// A mention's case, as evidence for a word skill.
type mentionCase int8

const (
	caseNone        mentionCase = iota // sentence start, all capitals, a title-case line: no evidence
	caseLower                          // "scraped off the rust": the English word
	caseMidSentence                    // "Introduced React to …": the technology
)

// lineFacts are what the context rules need to know about a whole line,
// counted once per text so that a long line costs linear time.
type lineFacts struct {
	words, caps int // words of letters, and how many are capitalised (see countCap)
	labelAt     int // the token of the first skills label's colon ("Languages:"), or -1
}

func factsOf(toks *tokens) []lineFacts {
	if toks.len() == 0 {
		return nil
	}
	facts := make([]lineFacts, toks.t[toks.len()-1].line+1)
	for i := range facts {
		facts[i].labelAt = -1
	}
	for j := range toks.t {
		f := &facts[toks.t[j].line]
		f.words, f.caps = countCap(toks, j, f.words, f.caps)
		if f.labelAt < 0 && toks.key(j) == ":" && j > 0 && toks.t[j-1].line == toks.t[j].line && labelWords[toks.key(j-1)] {
			f.labelAt = j
		}
	}
	return facts
}

// caseOf classifies how a mention is written. A capital after a sentence
// boundary (start of line, ".", ":", a bullet) or on a line of mostly
// capitalised words (a heading, a job title, an employer) says nothing.
func caseOf(toks *tokens, facts []lineFacts, h hit) mentionCase {
	w := toks.text(h.first)
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLower(r):
		return caseLower
	case !unicode.IsUpper(r) || len(w) > 1 && strings.ToUpper(w) == w:
		return caseNone
	}
	line := toks.t[h.first].line
	if h.first == 0 || toks.t[h.first-1].line != line {
		return caseNone
	}
	if p := toks.t[h.first-1]; p.punct && !strings.Contains(",;(/&'’\"“", toks.text(h.first-1)) {
		return caseNone
	}
	// The other words of the line: all of them but the mention itself.
	words, caps := countCap(toks, h.first, 0, 0)
	words, caps = facts[line].words-words, facts[line].caps-caps
	if words >= 2 && caps*4 >= words*3 {
		return caseNone
	}
	return caseMidSentence
}

// countCap counts token j if it is a word of letters, and whether it is
// capitalised; short function words ("of", "and", "at") do not count.
func countCap(toks *tokens, j, words, caps int) (int, int) {
	w := toks.text(j)
	if toks.t[j].punct || len(w) <= 4 && smallWords[toks.key(j)] {
		return words, caps
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) {
		return words, caps
	}
	if unicode.IsUpper(r) {
		caps++
	}
	return words + 1, caps
}

var smallWords = map[string]bool{"of": true, "and": true, "at": true, "in": true, "for": true, "the": true, "a": true, "an": true,
	"to": true, "on": true, "by": true, "&": true, "with": true}

// partOfName reports whether a word skill's mention is part of a proper
// name: after "at" or "@" ("a driver at Express Couriers"), or followed by
// a capitalised word that is neither a skill nor a cue ("Spring Valley
// Foods", "the Rust Belt"), or preceded by one in mid-sentence ("American
// Express"). A cue word right after ("Go Developer") says it is not.
func partOfName(toks *tokens, hits []hit, k int) bool {
	h := hits[k]
	line := toks.t[h.first].line
	next := h.last + 1
	if next < toks.len() && toks.t[next].line == line && cueWords[toks.key(next)] {
		return false
	}
	isSkill := func(j int) bool {
		return k+1 < len(hits) && hits[k+1].first == j || k > 0 && hits[k-1].last == j
	}
	// An item of a list of skills ("good at Dart and Flutter") names no
	// employer, whatever stands before it.
	listed := k > 0 && toks.t[hits[k-1].last].line == line && listNeighbours(toks, hits[k-1].last, h.first) ||
		k+1 < len(hits) && toks.t[hits[k+1].first].line == line && listNeighbours(toks, h.last, hits[k+1].first)
	if p := h.first - 1; !listed && p >= 0 && toks.t[p].line == line && (toks.key(p) == "at" || toks.key(p) == "@") {
		return true
	}
	capWord := func(j int) bool {
		if toks.t[j].punct || isSkill(j) {
			return false
		}
		w := toks.text(j)
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) && (len(w) <= 1 || strings.ToUpper(w) != w)
	}
	if next < toks.len() && toks.t[next].line == line && capWord(next) {
		return true
	}
	if p := h.first - 1; p >= 1 && toks.t[p-1].line == line && capWord(p) && toks.text(p) != "I" && !toks.t[p-1].punct {
		return true
	}
	return false
}

func (m *matcher) inContext(toks *tokens, facts []lineFacts, hits []hit, k int, sectionOf func(int) Section) bool {
	h := hits[k]
	line := toks.t[h.first].line
	sec := sectionOf(int(line))
	labelAt := facts[line].labelAt
	listed := sec == SectionSkills || sec != SectionInterests && labelAt >= 0 && labelAt < h.first
	if h.word {
		// A skills list wins over case ("Languages: go, rust"), when the
		// name is an item of it, not a word of a phrase ("scraping off
		// the rust"); a proper name, then case, over the other evidence.
		if listed && (caseOf(toks, facts, h) != caseLower || h.first == 0 || toks.t[h.first-1].line != line || toks.t[h.first-1].punct) {
			return true
		}
		if partOfName(toks, hits, k) {
			return false
		}
		switch caseOf(toks, facts, h) {
		case caseMidSentence:
			return true
		case caseLower:
			return k > 0 && toks.t[hits[k-1].last].line == line && listNeighbours(toks, hits[k-1].last, h.first) ||
				k+1 < len(hits) && toks.t[hits[k+1].first].line == line && listNeighbours(toks, h.last, hits[k+1].first)
		}
	}
	if listed {
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
	return false
}

// listNeighbours reports whether only list separators stand between tokens a and b.
func listNeighbours(toks *tokens, a, b int) bool {
	if b-a > 4 {
		return false
	}
	for i := a + 1; i < b; i++ {
		switch toks.key(i) {
		case ",", "/", "|", ";", "and", "or", "&", "•", "·", "(", ")", "、", "，", "；":
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
	"技能特长": SectionSkills, "个人技能": SectionSkills, "基本信息": SectionOther, "个人信息": SectionOther,
	"自我评价": SectionSummary, "自我简述": SectionSummary, "个人评价": SectionSummary, "个人简介": SectionSummary, "荣誉奖项": SectionOther,
	"获奖情况": SectionOther, "获奖经历": SectionOther, "证书": SectionOther, "it 技能": SectionSkills,
	// Internships and projects under one heading ("实习/项目经历"): neither
	// section, so that a dated line there is a role only when it names a
	// job or an employer, as in a resume without an experience section.
	"实习 项目经历": SectionOther, "项目 实习经历": SectionOther, "实习与项目经历": SectionOther, "项目与实习经历": SectionOther,
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
		} else if s, ok := headingPrefix(l, datedSoon(lines, i)); ok {
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
// and dated, on the line or the next three, so that "Work Authorization:
// …" is no heading), then a
// capitalised word or a digit that is not a job title, so that "Education
// Coordinator, City Schools 2015 – 2018" stays a line of experience.
func headingPrefix(line string, dated bool) (Section, bool) {
	line = strings.TrimSpace(line)
	if line == "" || !headingStart(line) {
		return "", false
	}
	end := 0
	for words := 1; words <= 3; words++ {
		if end > 0 && strings.IndexByte(line[:end], '\t') >= 0 {
			return "", false // a heading ends at its cell's end
		}
		sp := strings.IndexAny(line[end:], " \t")
		if sp < 0 {
			return "", false
		}
		end += sp
		prefix, rest, cell := line[:end], strings.TrimSpace(line[end:]), line[end] == '\t'
		// A run of spaces, as layout text has, or a table's cell boundary
		// ("EDUCATION\tUniversity of …") parts two words as one space does.
		for end < len(line) && (line[end] == ' ' || line[end] == '\t') {
			end++
		}
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
		if !caps && (!leadHeadings[key] || !capitalised(prefix) || !dated) {
			continue
		}
		// A heading alone in its cell is one whatever its neighbour says
		// ("SKILLS\tFront-End: HTML, …"); after a space, a job title or a
		// label makes the words part of the entry.
		next, _, _ := strings.Cut(strings.ReplaceAll(rest, "\t", " "), " ")
		if !cell && (titleWords[strings.ToLower(strings.Trim(next, ",.;:"))] || strings.ContainsAny(next, ":：")) {
			continue
		}
		return s, true
	}
	return "", false
}

// datedSoon reports whether line i or one of the next three has a year.
func datedSoon(lines []string, i int) bool {
	for _, l := range lines[i:min(i+4, len(lines))] {
		if hasYear(l) {
			return true
		}
	}
	return false
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
