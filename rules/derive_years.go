package rules

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// yearsClaim is a statement of years of experience: of the job in total
// when it names no skill, of the skills it names otherwise.
type yearsClaim struct {
	years    float64
	skills   []string
	required bool
	reason   Reason
}

const numberWord = `\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty`

// yearsPattern finds "5+ years", "3-5 years", "at least five years", "a
// minimum of 4 years", "two or more years", "three years or more"; its
// first group is the least number of years.
var yearsPattern = regexp.MustCompile(`\b(?:(?:at least|a minimum of|minimum of|minimum|min\.?|more than|over|upwards of)\s+)?` +
	`(` + numberWord + `)\s*(?:\+|-?plus)?\s*(?:(?:-|–|to)\s*(?:` + numberWord + `)\s*\+?\s*)?(?:or more\s+)?(?:years?|yrs?)\b(?:\s+or more)?`)

// aYearPattern finds a single year written as "a year": "at least a year",
// "a year or more", "a year minimum", "around a year of development", but
// not "twice a year"; its first group that matched is the "a".
var aYearPattern = regexp.MustCompile(`\b(?:(?:at least|a minimum of|minimum of|more than|over)\s+(a|an|one)\s+(?:full\s+)?years?\b|` +
	`(?:around|about|roughly|approximately|nearly|almost)\s+(a|an|one)\s+(?:full\s+)?year\s+(?:of|in|with|as|doing|building|writing|working|experience)\b|` +
	`(a|an)\s+(?:full\s+)?year\s+(?:or more|or two|minimum)\b)`)

// fewYears is "a few years" with its number in brackets after it: "for a
// few years (we're thinking 4+, but show us what you've built)", "a few
// years (we think around three)"; the number ends the bracket or a clause
// of it, so "(three of our apps …)" counts no years.
var fewYears = regexp.MustCompile(`\b(?:a few|several|some|a couple of|a number of) years\s*\([^()]{0,40}?\b(\d|` +
	strings.TrimPrefix(numberWord, `\d{1,2}|`) + `)\s*(?:\+|\s+or more|\s+or so)?\s*[),]`) // one digit: "(17+)" is a version

// yearsIn returns the statements of years of lower: for each, its offsets
// and those of the least number of years.
func yearsIn(lower string) [][4]int {
	var out [][4]int
	for _, m := range yearsPattern.FindAllStringSubmatchIndex(lower, -1) {
		out = append(out, [4]int{m[0], m[1], m[2], m[3]})
	}
	for _, m := range fewYears.FindAllStringSubmatchIndex(lower, -1) {
		out = append(out, [4]int{m[0], m[1], m[2], m[3]}) // "a few years (we're thinking 4+, …)"
	}
	for _, m := range aYearPattern.FindAllStringSubmatchIndex(lower, -1) {
		if slices.ContainsFunc(out, func(o [4]int) bool { return o[0] < m[1] && m[0] < o[1] }) {
			continue
		}
		g := 2
		for m[g] < 0 {
			g += 2
		}
		out = append(out, [4]int{m[0], m[1], m[g], m[g+1]})
	}
	slices.SortFunc(out, func(a, b [4]int) int { return a[0] - b[0] })
	return out
}

// notExperience follows a number of years that is not experience: "ten
// years ago", "18 years old".
var notExperience = regexp.MustCompile(`^\s*(?:ago|old|of age|warranty|contract|in business|of history|` +
	`of (?:customers|clients|users|growth|operations?|trading|profit\w*|success|service|uptime|research|partnership))\b`)

// notExperienceBefore comes before a number of years that is not
// experience: "fixed term for three years", "within two years".
var notExperienceBefore = regexp.MustCompile(`\b(?:(?:fixed[- ]term|contract|funded|funding|appointment)(?: \w+)? (?:for|of)|` +
	`within|in the next|over the next|after|for (?:the|its|their|our) first|every|up to|no more than|at most)\s+$`) // "up to 1 year": a maximum; "for its first two years": the post's

// companySubject and candidateWord tell a company's own years ("a Django
// application that has grown steadily for six years", "for over 20 years
// we have built …") from years asked of the candidate: a clause about us
// that says nothing of the candidate and asks nothing.
var (
	companySubject = regexp.MustCompile(`\b(?:we|we've|we're|our|us|founded|since)\b|\b(?:the|this) (?:company|business|firm|startup|studio)\b|` +
		`\b(?:has|had)\b[^.;]*\bfor (?:over |more than |almost |nearly |about |the (?:last|past) )?(?:` + numberWord + `)\b`) // "Kettleby has sold books for fifteen years"
	candidateWord = regexp.MustCompile(`\b(?:you|your|you've|you're|candidates?|someone|applicants?|looking for|seek\w*|want\w*|think|means|` +
		`need\w*|requir\w*|expect\w*|ask\w*|like|value|prefer\w*|ideal\w*|at least|minimum|min|in mind|look\w* for|hop(?:e|ing)|wish|suit\w*)\b|\d\s*\+`) // "two years … would suit us well"
)

// ofThem is a part of a number of years spent on some skills: "at least
// four of them with Kotlin", "of which 2 or more in Scala"; its first or
// second group is the number.
var ofThem = regexp.MustCompile(`\b(?:at least\s+)?(` + numberWord + `)\+?(?:\s+or more)?\s+(?:of them|of those|of these|of which)\b|` +
	`\bof which\s+(?:at least\s+)?(` + numberWord + `)(?:\s+or more)?\b`)

// fieldLead leads from years to the field they were spent in: "four
// years in application security", "three years of experience in
// information security", where a kind of work is the field of the job's
// experience, not a skill's minimum.
var fieldLead = regexp.MustCompile(`^\s*(?:of\s+(?:professional\s+|relevant\s+|hands-on\s+)?experience\s+)?in(?:\s+[a-z-]+)?\s*$`) // "in information security"

// roleTrail reports whether the words after a list of skills say the
// years were spent in a kind of role ([yearsTrail]), not with the skills:
// "in machine learning or data science roles", but not "of hands-on SQL
// in an analyst role", where the role is another noun's.
func roleTrail(after string) bool {
	m := yearsTrail.FindString(after)
	return m != "" && !strings.Contains(" "+m, " in a ") && !strings.Contains(" "+m, " in an ") && !strings.Contains(" "+m, " in the ")
}

// kindsOfWork reports whether every skill of c is a kind of work
// ("application security", "DevOps") rather than a technology.
func (d *deriver) kindsOfWork(c chain) bool {
	for _, h := range c.hits {
		if d.t.skills[h.skill].Category != "methodology" {
			return false
		}
	}
	return true
}

// ofThemAfter stands between a skill and the part of the years spent on
// it: "Go, for at least two of those years".
var ofThemAfter = regexp.MustCompile(`^[\s,:—–-]*(?:for|with|in)?\s*$`)

// bareYears is a number of years written without the word after a skill:
// "Go (2+)".
var bareYears = regexp.MustCompile(`^[\s:—–-]*(?:[a-z]+\s+){0,2}\((\d{1,2})\s*\+\)`) // also "SQL — basic (1+)"

// itemYears is a number of years in brackets or after a dash at the end of
// a list item whose skill is not a known one: "Jetpack Compose (2+ yrs)",
// not the job's years.
var itemYears = regexp.MustCompile(`(?:\(\s*|[—–:]\s*)$`)

// totalWord says a number of years is the job's in total.
var totalWord = regexp.MustCompile(`\b(?:experience|overall|total|in total|professional|commercial|industry|software|development|engineering)\b`)

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20}

func parseNumber(s string) int {
	if n, ok := numberWords[s]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// yearsLead is how a statement of years leads to the skills it is about:
// "5 years of", "with", "writing", "developing embedded software in".
var yearsLead = regexp.MustCompile(`^\s*$|^'?\s*(?:of\s+)?(?:experience|exp\.?)\s+(?:of|with|in|using|running|building|developing|writing|working|doing)\b[^,;.()]*$|` +
	`^'?\s*(?:of|with|in|writing|using|developing|building|working|programming|coding|doing|running|operating|managing|maintaining|administering|deploying|` +
	`making|creating|shipping|delivering|training|supporting|spent on|spent in|` +
	`hands-on|professional|commercial|production)\b[^,;.()]*\(?$`) // "a year or two with a service mesh (Istio or Linkerd)"

// newSubject opens a clause of its own between years and skills: "five
// years building web shops and you know React well" asks no years of React.
var newSubject = regexp.MustCompile(`\b(?:and|but|while|whereas)\s+(?:you|you're|you've|we|we're|they)\b`)

// yearsTrail, after the skills, says the years are of a kind of role,
// not of the skills: "5 years in machine learning or data science roles";
// or, right after them, that the skills only qualify what the years were
// spent on: "two years with ML systems in production"; or that a field
// of work will do in their place.
var yearsTrail = regexp.MustCompile(`^[^,;.]{0,30}?\b(?:roles?|positions?|engineering|industry|field|teams?|environments?)\b|` +
	`^\s+or\s+(?:[a-z-]+\s+){1,3}(?:experience|work)\b|` + // a field offered in their place: "applied statistics or data science experience"
	`^\s*(?:systems|products|projects|companies|startups|domains?|sectors?|space)\b`)

// yearsAfter is what may stand between skills and their years: "Go (3+
// years)", "Spark: 3+ years", "AWS, ideally a year or more", "Kubernetes
// in production — 3 years minimum".
var yearsAfter = regexp.MustCompile(`^\s*(?:experience|exp\.?)?[\s(:,–—-]*(?:(?:ideally|preferably|ideally with|at best)[\s,]*)?$|` +
	`^\s+(?:in production|in industry|commercially|professionally|hands-on|in a team)\s*[(:,–—-]+\s*$|` +
	`^\s*\([^()]{0,40}\)[\s:,–—-]*$|` + // "Spring (Boot, Cloud) 3 years"
	`^,?\s*(?:which|that)\s+you(?:'ve| have| will have)?\s+(?:\w+\s+){1,3}?(?:for|over)\s+$|` + // "Linux, which you have administered for five years"
	`^\s*\([^()]{0,30},\s*$|^\s*[\d.]*\+?\s*or\s+(?:newer|later|above|higher)\)?[,\s]*$|` + // "C++ (C++14 or newer, 3 yrs+)", "C++ (C++17 or later), 8+ years"
	`^\s+(?:for|in|on)\s[^,.;()]{1,40}?\s+for\s+$`) // "Python for network automation for at least 3 years"

// outerNames returns the names of c but for those in brackets opened
// inside it, if any are left: "Fluent Python (pandas, NumPy), used daily
// for three years" gives Python its years.
func (d *deriver) outerNames(toks *tokens, c chain) []string {
	var out []string
	for _, h := range c.hits {
		in := toks.low[c.from:toks.t[h.first].start]
		if n := d.name(h); strings.Count(in, "(") <= strings.Count(in, ")") && !contains(out, n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return d.names(c)
	}
	return out
}

// includingYears, between skills and years that lead to no other skill,
// makes the years part of the skills' experience: "PHP, including at
// least one year of commercial experience".
var includingYears = regexp.MustCompile(`^,?\s*including\s+$`)

// forYearsGap, between skills and their years, says how long the skills
// were used: "TypeScript for at least two years", "Python (pandas),
// used daily for at least three years", "iOS apps professionally for
// eight years or more".
var forYearsGap = regexp.MustCompile(`^\)?[\s,]*(?:\([^()]{0,60}\)[\s,]*)?((?:[a-z-]+\s+){0,3})(?:for|over)\s+$`)

// forYears reports whether gap is a [forYearsGap] whose words are the
// skills' own, not a new clause's: "Go, and you have led teams for five
// years" asks no years of Go.
func forYears(gap string) bool {
	m := forYearsGap.FindStringSubmatch(gap)
	if m == nil {
		return false
	}
	for _, w := range strings.Fields(m[1]) {
		switch w {
		case "and", "but", "or", "while", "you", "we", "they", "our", "your", "their", "us", "team", "teams", "company":
			return false
		}
	}
	return true
}

// postingYears reads the statements of years in a statement. A number of years
// right after a list of skills ("Go (3+ years)", "Apache Spark: 3+ years",
// "PHP and Laravel, at least 3 years of each") or leading to one ("3+
// years of Python", "at least five years writing Ruby") is the skills'
// minimum; any other is the job's. A table row's years cell is the
// minimum of the skills of its row.
func postingYears(st statement, toks *tokens, chs []chain, d *deriver, reason Reason, sec section) []yearsClaim {
	names := d.names
	lower := toks.low
	hedges := hedge.FindAllStringIndex(lower, -1)
	required := len(hedges) == 0 && sec != sectionDuties && sec != sectionAbout
	total := totalWord.MatchString(lower)
	var out []yearsClaim
	if sec == sectionExcluded {
		return nil // "What you won't need: years of experience"
	}
	for _, m := range yearsIn(lower) {
		n := parseNumber(lower[m[2]:m[3]])
		if n < 1 || n > 40 || notExperience.MatchString(lower[m[1]:]) || notExperienceBefore.MatchString(lower[max(0, m[0]-40):m[0]]) {
			continue
		}
		if lo, hi := clause(lower, max(0, m[0]-200), m[0], m[1], min(len(lower), m[1]+200)); companySubject.MatchString(lower[lo:hi]) && !candidateWord.MatchString(lower[lo:hi]) {
			continue // the company's years, not the candidate's
		}
		claim := yearsClaim{years: float64(n), required: required, reason: reason}
		if required || !slices.ContainsFunc(hedges, func(h []int) bool { return h[1] <= m[1] }) && !hedge.MatchString(yearsTail(lower[m[1]:])) {
			// Only a hedge before the years, or after them in their own
			// clause, hedges them: "3+ years of ML engineering, ideally on
			// search" asks for the three years.
			claim.required = sec != sectionDuties && sec != sectionAbout
		}
		// The list just before the years, and the one just after.
		k := sort.Search(len(chs), func(i int) bool { return chs[i].from >= m[1] })
		b := sort.Search(len(chs), func(i int) bool { return chs[i].to > m[0] }) - 1
		if b >= 0 {
			gap := lower[chs[b].to:m[0]]
			if strings.HasPrefix(lower[m[0]:], "over ") {
				gap += "over " // the years' own "over": "Java, typically gained over four years"
			}
			if yearsAfter.MatchString(gap) || forYears(gap) {
				claim.skills = d.outerNames(toks, chs[b])
			}
		}
		if claim.skills == nil && k < len(chs) {
			c := chs[k]
			if gap := lower[m[1]:c.from]; len(gap) < 120 && len(strings.Fields(gap)) <= 8 && yearsLead.MatchString(gap) && !newSubject.MatchString(gap) && !roleTrail(lower[c.to:]) &&
				!(fieldLead.MatchString(gap) && d.kindsOfWork(c)) {
				claim.skills = names(c)
			}
		}
		if claim.skills == nil && b >= 0 && includingYears.MatchString(lower[chs[b].to:m[0]]) {
			claim.skills = d.outerNames(toks, chs[b]) // "PHP, including at least one year of commercial experience"
		}
		if claim.skills == nil && itemYears.MatchString(lower[max(0, m[0]-10):m[0]]) && !total {
			continue // "Jetpack Compose (2+ yrs)": an unknown skill's years
		}
		out = append(out, claim)
	}
	// "Nine years in software, at least four of them with Kotlin": the
	// part is the skill's, the whole the job's.
	for _, m := range ofThem.FindAllStringSubmatchIndex(lower, -1) {
		g := 2
		if m[g] < 0 {
			g = 4
		}
		n := parseNumber(lower[m[g]:m[g+1]])
		k := sort.Search(len(chs), func(i int) bool { return chs[i].from >= m[1] })
		var skills []string
		switch {
		case n < 1 || n > 40:
			continue
		case k < len(chs) && len(lower[m[1]:chs[k].from]) <= 60 && yearsLead.MatchString(lower[m[1]:chs[k].from]):
			skills = names(chs[k])
		case k > 0 && ofThemAfter.MatchString(lower[chs[k-1].to:m[0]]):
			skills = names(chs[k-1]) // "Go, for at least two of those years"
		default:
			continue
		}
		for i := range out {
			if out[i].reason.Statement == reason.Statement && int(out[i].years) > n && overlaps(out[i].skills, skills) {
				out[i].skills = nil // "eight years in engineering or security, four of them in application security": the whole is the job's
			}
		}
		out = append(out, yearsClaim{years: float64(n), skills: skills, required: required, reason: reason})
	}
	// "Go (2+)": years without the word, right after a skill; "Java
	// (17+)" is a version.
	for _, c := range chs {
		if m := bareYears.FindStringSubmatch(lower[c.to:]); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n >= 1 && n <= 10 {
				out = append(out, yearsClaim{years: float64(n), skills: names(c), required: required, reason: reason})
			}
		}
	}
	if st.rowYears != "" && len(chs) > 0 {
		n, _ := strconv.Atoi(strings.TrimRight(strings.Fields(st.rowYears)[0], "+"))
		if n > 0 {
			var skills []string
			for _, c := range chs {
				skills = append(skills, names(c)...)
			}
			out = append(out, yearsClaim{years: float64(n), skills: skills, required: required, reason: reason})
		}
	}
	return out
}

// yearsTail is what follows a number of years up to the end of its
// clause: the first comma, semicolon or full stop.
func yearsTail(s string) string {
	if i := strings.IndexAny(s, ",;."); i >= 0 {
		return s[:i]
	}
	return s
}

// totalYears returns the job's minimum years: the first statement of years
// that names no skill, or else the largest minimum of a skill.
func totalYears(claims []yearsClaim) *yearsClaim {
	var best *yearsClaim
	for i, c := range claims {
		if c.skills == nil {
			return &claims[i]
		}
		if best == nil || c.years > best.years {
			best = &claims[i]
		}
	}
	return best
}
