package rules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Found is one taxonomy skill found in a text.
type Found struct {
	Skill    string  `json:"skill"`    // canonical name
	Category string  `json:"category"` // taxonomy category
	Count    int     `json:"count"`    // occurrences
	Section  Section `json:"section"`  // section of the first occurrence
	Evidence string  `json:"evidence"` // the line of the first occurrence, trimmed
}

// Degree is an academic degree read from a resume.
type Degree struct {
	Level string `json:"level"`           // "bachelor", "master" or "phd"
	Field string `json:"field,omitempty"` // e.g. "Computer Science", if recognised
}

// Profile is what a resume says about its candidate, as far as screening
// needs: skills with evidence, contact details, degrees and experience.
type Profile struct {
	Name            string   `json:"name"`
	Email           string   `json:"email,omitempty"`
	Phone           string   `json:"phone,omitempty"`
	Links           []string `json:"links,omitempty"`
	YearsExperience float64  `json:"years_experience"`
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

// FindSkills returns every taxonomy skill in text, sorted by name.
func (t *Taxonomy) FindSkills(text string) []Found {
	lines := strings.Split(text, "\n")
	return t.findSkills(text, lines, sectionsOf(lines))
}

func (t *Taxonomy) findSkills(text string, lines []string, sections []Section) []Found {
	toks := tokenize(text)
	sectionOf := func(line int) Section {
		if line < len(sections) {
			return sections[line]
		}
		return SectionOther
	}
	hits := t.m.accept(toks, t.m.scan(toks), sectionOf)
	// Aggregate by skill: first occurrence gives section and evidence.
	first := make([]int32, len(t.skills)) // 1 + index of the first hit, by skill
	count := make([]int32, len(t.skills))
	var found []int // skill indices, in order of first appearance
	for k, h := range hits {
		if first[h.skill] == 0 {
			first[h.skill] = int32(k + 1)
			found = append(found, h.skill)
		}
		count[h.skill]++
	}
	slices.SortFunc(found, func(a, b int) int { return t.order[a] - t.order[b] })
	out := make([]Found, len(found))
	for i, sk := range found {
		h := hits[first[sk]-1]
		s := t.skills[sk]
		line := int(toks.t[h.first].line)
		start := int(toks.t[h.first].start)
		out[i] = Found{Skill: s.Name, Category: s.Category, Count: int(count[sk]), Section: sectionOf(line),
			Evidence: evidence(lines[line], start-lineStart(text, start))}
	}
	return out
}

func lineStart(text string, off int) int {
	return strings.LastIndexByte(text[:off], '\n') + 1
}

// evidence trims a line to at most 160 bytes around the offset at.
func evidence(line string, at int) string {
	const width = 160
	line = strings.TrimSpace(strings.TrimLeft(line, "•·-*◦▪ "))
	if len(line) <= width {
		return line
	}
	at = min(max(at, 0), len(line))
	start := max(0, at-width/2)
	end := min(len(line), start+width)
	for start > 0 && !isBoundary(line[start]) {
		start--
	}
	for end < len(line) && !isBoundary(line[end]) {
		end++
	}
	s := strings.TrimSpace(line[start:end])
	if start > 0 {
		s = "…" + s
	}
	if end < len(line) {
		s += "…"
	}
	return s
}

func isBoundary(c byte) bool { return c == ' ' }

// Analyze reads a resume's text. fileName (base name) is the fallback for
// the candidate's name; asOf is the date "Present" stands for.
func (t *Taxonomy) Analyze(text, fileName string, asOf time.Time) *Profile {
	lines := strings.Split(text, "\n")
	sections := sectionsOf(lines)
	p := &Profile{Skills: t.findSkills(text, lines, sections)}
	p.Name = guessName(lines, fileName)
	p.Email = emailRe.FindString(text)
	p.Phone = findPhone(lines)
	p.Links = findLinks(lines)
	p.YearsExperience = yearsOfExperience(lines, sections, asOf)
	p.Degrees = findDegrees(lines, sections)
	return p
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`\+?\(?\d[\d\s().-]{7,18}\d`)
	urlRe   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"()]+|\b(?:linkedin\.com/in/|github\.com/|gitlab\.com/)[^\s<>"()]+`)
	yearRng = regexp.MustCompile(`^\s*(19|20)\d\d\s*[-–]\s*(19|20)\d\d\s*$`)
)

func findPhone(lines []string) string {
	for _, l := range lines {
		if digits(l) < 9 {
			continue // cheap filter: a phone number has at least nine digits
		}
		if p := phoneIn(l); p != "" {
			return p
		}
	}
	return ""
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func phoneIn(text string) string {
	for _, m := range phoneRe.FindAllString(text, 20) {
		digits := 0
		for _, r := range m {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits < 9 || digits > 15 || yearRng.MatchString(m) || strings.Count(m, ".") >= 2 && !strings.Contains(m, " ") {
			continue // too short or long, a year range, or a version/date like 2019.09.01
		}
		return strings.TrimSpace(m)
	}
	return ""
}

func findLinks(lines []string) []string {
	seen := map[string]bool{}
	var links []string
	for _, l := range lines {
		low := asciiLower(l)
		if !strings.Contains(low, "http") && !strings.Contains(low, "www.") && !strings.Contains(low, ".com/") {
			continue // cheap filter before the URL expression
		}
		links = appendLinks(links, seen, l)
	}
	return links
}

func appendLinks(links []string, seen map[string]bool, text string) []string {
	for _, m := range urlRe.FindAllString(text, 50) {
		m = strings.TrimRight(m, ".,;:)]>|")
		key := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(m, "https://"), "http://"), "www."))
		if seen[key] || strings.Contains(key, "@") {
			continue
		}
		seen[key] = true
		links = append(links, m)
	}
	return links
}

// guessName takes the first of the top lines that looks like a person's
// name (two to four capitalised words, no digits), else the file name.
func guessName(lines []string, fileName string) string {
	checked := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if checked++; checked > 6 {
			break
		}
		if n := asName(l); n != "" {
			return n
		}
	}
	base := strings.TrimSuffix(filepath.Base(fileName), filepath.Ext(fileName))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' })
	var keep []string
	for _, w := range words {
		switch strings.ToLower(w) {
		case "resume", "cv", "final", "updated", "new", "copy", "lebenslauf":
			continue
		}
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		keep = append(keep, titleCase(w))
	}
	return strings.Join(keep, " ")
}

func asName(l string) string {
	if _, isHeading := headingOf(l); isHeading {
		return ""
	}
	words := strings.Fields(strings.Trim(l, "#*_ "))
	if len(words) < 2 || len(words) > 4 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '.' {
				return ""
			}
		}
	}
	switch strings.ToLower(words[0]) {
	case "curriculum", "resume", "résumé", "personal", "contact":
		return ""
	}
	for i, w := range words {
		if strings.ToUpper(w) == w && len(w) > 2 {
			words[i] = titleCase(w)
		}
	}
	return strings.Join(words, " ")
}

func titleCase(w string) string {
	r := []rune(strings.ToLower(w))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// degreeRe finds degree mentions; the group that matched names the level.
// Spelled-out forms ignore case; abbreviations must be capitals ("BS", "MS",
// "BE", "BA"), or "be" and "ms" in ordinary prose would count.
var degreeRe = regexp.MustCompile(`(?P<phd>(?i:\b(?:ph\.?\s?d\.?|doctorate|doctor of philosophy|doctoral)\b))` +
	`|(?P<master>(?i:\b(?:master'?s?|m\.?\s?sc\.?|m\.?\s?eng\.?|m\.?\s?tech|mba|mca)\b)|\bM\.?S\.?\b|\bM\.A\.)` +
	`|(?P<bachelor>(?i:\b(?:bachelor'?s?|b\.?\s?sc\.?|b\.?\s?eng\.?|b\.?\s?tech|bca|undergraduate degree)\b)|\bB\.?S\.?\b|\bB\.?E\.?\b|\bB\.A\.|\bBA\b)`)

// degreeFields are the fields of study postings ask for, by lowercase spelling.
var degreeFields = []struct{ spelling, name string }{
	{"computer science", "Computer Science"}, {"software engineering", "Software Engineering"},
	{"computer engineering", "Computer Engineering"}, {"information technology", "Information Technology"},
	{"information systems", "Information Systems"}, {"electrical engineering", "Electrical Engineering"},
	{"electronics", "Electronics"}, {"mathematics", "Mathematics"}, {"statistics", "Statistics"},
	{"data science", "Data Science"}, {"physics", "Physics"}, {"computer applications", "Computer Applications"},
	{"informatics", "Informatics"}, {"business administration", "Business Administration"},
}

// levelRank orders degree levels.
var levelRank = map[string]int{"bachelor": 1, "master": 2, "phd": 3}

// findDegrees reads the degrees of the education section, or of the whole
// resume if it has none.
func findDegrees(lines []string, sections []Section) []Degree {
	var out []Degree
	seen := map[Degree]bool{}
	hasEducation := slices.Contains(sections, SectionEducation)
	for i, line := range lines {
		if hasEducation && sections[i] != SectionEducation {
			continue
		}
		level := ""
		for _, m := range degreeRe.FindAllStringSubmatchIndex(line, -1) {
			for g, name := range degreeRe.SubexpNames() {
				if name != "" && m[2*g] >= 0 && levelRank[name] > levelRank[level] {
					level = name
				}
			}
		}
		if level == "" {
			continue
		}
		deg := Degree{Level: level, Field: fieldIn(line)}
		if !seen[deg] {
			seen[deg] = true
			out = append(out, deg)
		}
	}
	return out
}

// fieldIn returns the known field of study that comes first in s.
func fieldIn(s string) string {
	s = strings.ToLower(s)
	best, at := "", len(s)
	for _, f := range degreeFields {
		if i := strings.Index(s, f.spelling); i >= 0 && i < at {
			best, at = f.name, i
		}
	}
	return best
}

var (
	monthNames = `(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	dateExpr   = `(?:` + monthNames + `\s*,?\s*|\d{1,2}\s*[/.]\s*)?((?:19|20)\d\d)(?:\s*[/.-]\s*(\d{1,2})\b)?`
	rangeRe    = regexp.MustCompile(`(?i)` + dateExpr + `\s*(?:-|–|—|to|until|till)\s*(?:` + dateExpr + `|(present|current|now|today|ongoing|date))`)
	months     = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
)

// yearsOfExperience sums the date ranges of the experience section (or, if
// the resume has none, of every line outside education), merging overlaps.
func yearsOfExperience(lines []string, sections []Section, asOf time.Time) float64 {
	hasExperience := false
	for _, s := range sections {
		if s == SectionExperience {
			hasExperience = true
			break
		}
	}
	type span struct{ from, to int } // months since year 0
	var spans []span
	now := asOf.Year()*12 + int(asOf.Month()) - 1
	for i, l := range lines {
		if hasExperience && sections[i] != SectionExperience || !hasExperience && sections[i] == SectionEducation || !hasYear(l) || !hasRangeWord(l) {
			continue
		}
		for _, m := range rangeRe.FindAllStringSubmatch(l, -1) {
			from := monthOf(m[1], m[2], m[3], 1)
			to := now
			if m[7] == "" {
				to = monthOf(m[4], m[5], m[6], 12)
			}
			if from < 0 || to < 0 || to < from || to > now+1 || to-from > 50*12 {
				continue
			}
			spans = append(spans, span{from, to})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	total, end := 0, -1
	for _, s := range spans {
		if s.from > end {
			total += s.to - s.from + 1
			end = s.to
		} else if s.to > end {
			total += s.to - end
			end = s.to
		}
	}
	return float64(total*10/12) / 10
}

// hasYear reports whether s holds a number that could be a year from 1900
// to 2099: a cheap filter before the date-range expression.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// hasRangeWord reports whether s has something that can join two dates:
// a dash, "to", "until" or "till".
func hasRangeWord(s string) bool {
	if strings.ContainsAny(s, "-–—") {
		return true
	}
	low := asciiLower(s)
	return strings.Contains(low, " to ") || strings.Contains(low, "until") || strings.Contains(low, "till")
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// monthOf turns a matched date into months since year 0; month names win
// over numbers, and a bare year means its first (or, for an end, last) month.
func monthOf(monthName, year, monthNum string, bare int) int {
	if year == "" {
		return -1
	}
	y := 0
	for _, c := range year {
		y = y*10 + int(c-'0')
	}
	mo := bare
	if monthName != "" {
		mo = months[strings.ToLower(monthName)]
	} else if monthNum != "" {
		n := 0
		for _, c := range monthNum {
			n = n*10 + int(c-'0')
		}
		if n >= 1 && n <= 12 {
			mo = n
		}
	}
	return y*12 + mo - 1
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
