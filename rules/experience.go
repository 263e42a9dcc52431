package rules

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Bounds on what is read as roles, so that hostile text costs linear time.
const (
	maxRangesPerLine = 4
	maxRoles         = 200
)

// A role is a dated period of work and the lines that describe it: from
// the line with its dates (or the title lines just above a line that holds
// only dates) to the next role or the end of its section.
type role struct {
	span
	first, last int // lines [first, last)
	lastYear    int // the year it ended (the as-of year if open)
}

// titleWords name a job or an employer: on a dated line outside an
// experience section they make it a role.
var titleWords = map[string]bool{
	"engineer": true, "developer": true, "programmer": true, "manager": true, "analyst": true, "consultant": true,
	"intern": true, "internship": true, "specialist": true, "lead": true, "architect": true, "administrator": true,
	"designer": true, "officer": true, "director": true, "assistant": true, "associate": true, "coordinator": true,
	"technician": true, "scientist": true, "accountant": true, "head": true, "founder": true, "cofounder": true,
	"contractor": true, "freelance": true, "freelancer": true, "researcher": true, "teacher": true, "tutor": true,
	"instructor": true, "representative": true, "executive": true, "supervisor": true, "president": true, "cto": true,
	"ceo": true, "vp": true, "sre": true, "tester": true, "trainee": true, "apprentice": true, "clerk": true,
	"advisor": true, "auditor": true, "fellow": true, "lecturer": true, "professor": true, "postdoc": true, "demonstrator": true, "owner": true, "partner": true, "employee": true, "staff": true,
	"inc": true, "ltd": true, "llc": true, "gmbh": true, "corp": true, "corporation": true, "company": true, "plc": true,
	"pvt": true, "ag": true, "bv": true, "sarl": true, "srl": true, "firma": true, "empresa": true, "azienda": true,
	"entwickler": true, "ingenieur": true, "berater": true, "leiter": true, "praktikant": true, "werkstudent": true,
	"ingénieur": true, "développeur": true, "stagiaire": true, "chef": true, "desarrollador": true, "ingeniero": true,
	"gerente": true, "sviluppatore": true, "ontwikkelaar": true, "desenvolvedor": true, "engenheiro": true,
}

// schoolWords mark a line about education or a certificate, as does a
// degree: such a dated line is never a role, unless it also names a job
// ("Teaching Assistant, University of …").
var schoolWords = map[string]bool{
	"university": true, "college": true, "school": true, "degree": true, "diploma": true, "gpa": true,
	"institute": true, "academy": true, "certified": true, "certification": true,
	"certificate": true, "course": true, "coursework": true, "graduated": true, "graduation": true,
	"universität": true, "hochschule": true, "studium": true, "université": true, "école": true, "universidad": true,
	"università": true, "universiteit": true, "universidade": true, "licence": true, "licenciatura": true,
}

// isSchool reports whether a line is about a degree, a school or a
// certificate.
func isSchool(line string) bool { return hasWordIn(line, schoolWords) || degreeLevel(line) != "" }

func lineWords(line string) []string {
	return strings.FieldsFunc(strings.ToLower(line), func(r rune) bool { return !unicode.IsLetter(r) })
}

// hanTitles are job titles and employers in Chinese, which is written
// without spaces between words: engineer, manager, designer, architect,
// development, research and development, intern, company.
var hanTitles = []string{"工程师", "经理", "设计师", "架构师", "开发", "研发", "实习", "公司", "主管", "总监"}

func hasTitle(line string) bool {
	if hasWordIn(line, titleWords) {
		return true
	}
	for _, w := range hanTitles {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

func hasWordIn(line string, set map[string]bool) bool {
	for _, w := range lineWords(line) {
		if set[w] {
			return true
		}
	}
	return false
}

// findRoles returns the dated roles of a resume, in text order. A dated
// line is a role in an experience section, or, in a resume without one,
// outside education, projects and interests when a job title or an
// employer stands on it or on the line above. A line about a degree, a school or a certificate is never a
// role.
func findRoles(lines []string, sections []Section, asOf time.Time) []role {
	now := float64(asOf.Year()*12 + int(asOf.Month())) // the end of the as-of month
	roles := datedRoles(lines, sections, asOf.Year(), now, slices.Contains(sections, SectionExperience))
	if len(roles) == 0 && slices.Contains(sections, SectionExperience) {
		// An experience section without a single date (a form whose
		// values a parser put elsewhere, as in Europass): read the
		// resume as one without.
		roles = datedRoles(lines, sections, asOf.Year(), now, false)
	}
	return roleText(lines, sections, roles, now)
}

// datedRoles returns the dated lines that are roles, in text order;
// withExperience says whether only an experience section holds them.
func datedRoles(lines []string, sections []Section, year int, now float64, withExperience bool) []role {
	var roles []role
	columnEnd := 0
	for i, l := range lines {
		sinceAbove := i+1 < len(lines) && startsWithSince(l) && (hasYear(lines[i+1]) || hasShortDate(lines[i+1]) || startsWithMonth(lines[i+1]))
		if !hasYear(l) && !startsWithMonth(l) && !hasShortDate(l) && !sinceAbove {
			continue
		}
		s := sections[i]
		if s != SectionExperience && (withExperience || s == SectionEducation || s == SectionProjects || s == SectionInterests) {
			continue
		}
		// A title on the line, or on an undated line just above it (two
		// lines above a line of dates alone: title, employer, dates; or
		// the line below it, where a layout puts the title under them).
		titled, above, school := hasTitle(l), 1, isSchool(l)
		if wordsBesideDates(l) == 0 {
			above = 2
			if i+1 < len(lines) && isTitleLine(lines[i+1]) {
				titled = titled || hasTitle(lines[i+1])
				school = school || isSchool(lines[i+1])
			}
		}
		for k := i - 1; !titled && k >= 0 && i-k <= above && !hasYear(lines[k]) && (k == i-1 || isTitleLine(lines[k+1])); k-- {
			titled = hasWordIn(lines[k], titleWords)
		}
		if s != SectionExperience && !titled || school && !titled {
			continue
		}
		spans := rangesIn(l, now)
		if len(spans) == 0 && i >= columnEnd {
			var used int
			if spans, used = columnRange(lines, i, now); len(spans) > 0 {
				columnEnd = i + used // its other lines are no ranges of their own
			}
		}
		// More ranges than that on one line are a list of years, not
		// roles; more roles than that, not a resume.
		if len(spans) > maxRangesPerLine || len(roles)+len(spans) > maxRoles {
			continue
		}
		for _, sp := range spans {
			r := role{span: sp, first: i, last: i + 1, lastYear: int(math.Floor((sp.to - 0.5) / 12))}
			if sp.to >= now {
				r.lastYear = year
			}
			roles = append(roles, r)
		}
	}
	return roles
}

// roleText sets the lines of each role's text.
func roleText(lines []string, sections []Section, roles []role, now float64) []role {
	// Each role's text runs to the next role or the end of its section,
	// and outside an experience section to the next range of dates. A line
	// holding only dates takes with it the short lines just above (title,
	// employer, in title case or naming a job), which the role before
	// would otherwise claim; so does a line with a title and dates alone
	// ("Site Reliability Engineer 05/2019 - 01/2022"), for an employer line
	// above it ("New Relic, Denver"), not a sentence of the role before nor,
	// when the dated line names a job, a second job title (a headline or a
	// summary's "Backend Engineer based in Oslo."): a role has one title.
	// A title line with its employer ("Test Lead, Vireo Labs") is the
	// top of its role.
	for k := range roles {
		r := &roles[k]
		maxLines, maxLen, oneTitle := 0, 0, false
		switch n := wordsBesideDates(lines[r.first]); {
		case n == 0 && r.first+1 < len(lines) && isTitleLine(lines[r.first+1]) && len(strings.Fields(lines[r.first+1])) <= maxTitleWords:
			// The title is below the dates ("2025-03 — 2025-10" over
			// "Cloud Engineer"): the lines above are the role before. A
			// longer line is the role's first sentence ("Rebuilt the
			// partner integration in TestNG on top of Jenkins").
		case n == 0:
			maxLines, maxLen = 3, 80
		case n <= 6:
			maxLines, maxLen, oneTitle = 1, 60, titleIn(lines[r.first]) != ""
		}
		for f, dates := r.first, r.first; f > 0 && dates-f < maxLines; f-- {
			p := strings.TrimSpace(lines[f-1])
			if _, heading := headingOf(p); p == "" || len(p) > maxLen || sections[f-1] != sections[dates] || isBulleted(p) || hasYear(p) || heading ||
				!isTitleLine(p) || oneTitle && titleIn(p) != "" || f >= 2 && runsOn(lines[f-2]) {
				break
			}
			r.first = f - 1
			if t := titleIn(p); t != "" && len(strings.Fields(t)) < len(strings.Fields(p)) {
				break // a title with its employer ("Test Lead, Vireo Labs") heads the role
			}
		}
	}
	next := len(lines) // the first line of the next role on a later line
	for k := len(roles) - 1; k >= 0; k-- {
		r := &roles[k]
		if k+1 < len(roles) && roles[k+1].first > r.first {
			next = roles[k+1].first
		}
		// Outside an experience section a line with a range that is no
		// role (a project's, a course's) ends the role's text too.
		end := r.first + 1
		for end < next && sections[end] == sections[r.first] &&
			(end < r.last || sections[end] == SectionExperience || len(rangesIn(lines[end], now)) == 0) {
			end++
		}
		r.last = max(end, r.last)
	}
	return roles
}

// runsOn reports whether a line runs on to the next: a sentence (no
// title line) that ends with a joining word ("Built the pipeline with
// Selenium and" over "Playwright"), so that the next line is its end, not a
// title.
func runsOn(line string) bool {
	words := strings.Fields(line)
	return len(words) > 0 && smallWords[strings.ToLower(words[len(words)-1])] && !isTitleLine(line)
}

// isTitleLine reports whether a line reads as a job title or an employer:
// in title case, or naming a job in at most [maxTitleWords] words (a
// longer line that names one is a sentence: "Rebuilt the partner
// integration in AWS on top of Python and Jenkins"), and no label
// ("Stack: Go, Docker").
func isTitleLine(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && !strings.Contains(line, ": ") && !hasYear(line) && !isBulleted(line) &&
		(titleCased(line) || hasTitle(line) && len(strings.Fields(line)) <= maxTitleWords)
}

// titleCased reports whether most words of a line (two thirds, not
// counting "of", "and" and the like) start with a capital, as names do.
func titleCased(line string) bool {
	words, caps := 0, 0
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if smallWords[strings.ToLower(w)] {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return words > 0 && caps*3 >= words*2
}

// wordsBesideDates counts the words of a line that are not dates or
// the words joining them: 0 for "Jan 2019 – Present", 3 for "Site
// Reliability Engineer 05/2019 - 01/2022".
func wordsBesideDates(line string) int {
	n, at := 0, 0
	count := func(s string) {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if !rangeWords[strings.ToLower(w)] {
				n++
			}
		}
	}
	for _, m := range marksIn(line) {
		count(line[at:m.start])
		at = m.end
	}
	count(line[at:])
	return n
}

func isBulleted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("•·-*◦▪●○■□➢➤►‣⁃–", r) || r >= 0xF000 && r <= 0xF0FF
}

// mergedMonths is the length of the union of spans, in months.
func mergedMonths(spans []span) float64 {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b span) int {
		switch {
		case a.from < b.from:
			return -1
		case a.from > b.from:
			return 1
		}
		return 0
	})
	total, end := 0.0, math.Inf(-1)
	for _, s := range spans {
		if s.from > end {
			total += s.to - s.from
			end = s.to
		} else if s.to > end {
			total += s.to - end
			end = s.to
		}
	}
	return total
}

// yearsOf returns the total length of the roles in years, overlaps merged,
// to one decimal; nil when there is no dated role (unknown, not zero).
func yearsOf(roles []role) *float64 {
	if len(roles) == 0 {
		return nil
	}
	spans := make([]span, len(roles))
	for i, r := range roles {
		spans[i] = r.span
	}
	y := math.Round(mergedMonths(spans)/12*10) / 10
	return &y
}
