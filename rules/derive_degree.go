package rules

import (
	"regexp"
	"strings"
)

// degreeClaim is what one statement of a posting says of a degree.
type degreeClaim struct {
	level     string // bachelor, master or phd; "" for "a degree"
	fields    []string
	dismissed bool // "no degree required", "degrees don't matter"
	hedged    bool // "preferred", "or equivalent experience", "not necessarily mandatory"
	reason    Reason
	item      int  // the paragraph, list item or table row of its statement
	anyLevel  bool // "a degree", "any degree": a bachelor's will do, whatever else is named
}

// postingDegree finds a degree in a posting's statement. Bare "MS" and "BS"
// are left out: in a posting they are more often Microsoft's ("MS SQL").
var postingDegree = regexp.MustCompile(`\b(?:(?P<phd>ph\.? ?d\b\.?|doctorate|doctoral)|` +
	`(?P<master>ms\s*(?:/|or)\s*ph\.?\s?d\b|master'?s?\b|(?:post)?graduate degrees?\b|m\.? ?sc\b\.?|m\.? ?eng\b\.?|mba\b|m\.s\.|m\.? ?tech\b\.?|mca\b|m\.e\.)|` + // not "Mastercard"
	`(?P<bachelor>(?:bs|ba)\s*(?:/|or)\s*(?:ba|bs|ms)\b|bachelor'?s?\b|b\.? ?sc\b\.?|b\.? ?eng\b\.?|b\.s\.|b\.a\.|b\.? ?tech\b\.?|b\.e\b\.?|bca\b|undergraduate)|` + // "B.E / B.Tech / MCA"
	`(?P<degree>degrees?\b|tertiary (?:qualifications?|education)\b|(?:finished|completed)\s+(?:(?:university|college)\s+)?(?:study|studies|education)\s+(?:of|in)\b))`) // "Finished study of electrical engineering"

// notAcademic follows "degree" where it is not an academic one: "varying
// degrees of expertise".
var notAcademic = regexp.MustCompile(`^s? of (?:technical|expertise|experience|freedom|autonomy|independence|responsibility|seniority|\w+ (?:expertise|experience))`)

// degreeHolders follows a degree that names people: "PhD students",
// "master's candidates".
var degreeHolders = regexp.MustCompile(`^\s*(?:students?|candidates?|researchers?|supervisors?|interns?)\b`)

// fieldPatterns match the spellings of degreeFields as whole words
// ("informatics", not "bioinformatics").
var fieldPatterns = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(degreeFields))
	for i, f := range degreeFields {
		out[i] = regexp.MustCompile(`\b` + regexp.QuoteMeta(f.spelling) + `\b`)
	}
	return out
}()

var (
	dismissal = regexp.MustCompile(`\b(?:no|not|don't|doesn't|do not|does not|isn't|aren't|never|without)\b[^.;]*\b(?:required|needed|necessary|mandatory|essential|matter|a must|require|a requirement|requirements?|reqs?|ask for)\b|` +
		`\bdegrees? (?:don't|do not|doesn't|does not) matter|\bdegrees?,? or (?:none|not)\b|\bdegrees? (?:is|are) (?:irrelevant|not relevant)\b|` + // "any degree or none"
		`\bwithout (?:a |any )?(?:degrees?|diplomas?)\b|` +
		// "You don't need a degree", "We don't care about degrees", "We don't mind whether you have a degree"
		`\b(?:don't|do not|doesn't|does not|won't|will not)\s+(?:need|mind|care)\s+(?:about\s+|whether\s+you\s+have\s+|if\s+you\s+have\s+)?(?:a |an |any |your )?(?:[\w-]+ ){0,3}?(?:degrees?|diplomas?)\b`)
	// degreeHedge offers something in place of the degree: "or comparable
	// experience", "or an equivalent background", "a BSc with relevant
	// experience will also be considered".
	degreeHedge = regexp.MustCompile(`\bor (?:an? )?(?:equivalent|comparable|relevant|similar|related|practical)(?: \w+){0,4}? ` +
		`(?:experience|background|qualifications?|training|skills|knowledge|track record|education)\b|\bflexible\b|` +
		`\b(?:enrolled|pursuing|studying (?:towards|for)|working towards)\b|` + // a student's degree is still to come
		`\bwithout (?:one|it|a degree|degrees)\b|` + // "we have hired people without one"
		`\bor\b[^.;]{0,40}?\b(?:bootcamp|boot camp|apprenticeship)\b|` + // a route that is no degree: "or you've completed a coding bootcamp"
		`\bnever turn(?:ed)? (?:anyone|anybody|you|people|candidates) (?:down|away)\b`) // "… for not having one"
	// noCredentials dismisses degrees without naming one the way
	// postingDegree reads: "skills, not diplomas", "no formal education
	// requirements", "self-taught developers are welcome".
	noCredentials = regexp.MustCompile(`\b(?:not|no|without|over|rather than)\b[^.;]{0,30}\b(?:diplomas?|formal education|formal qualifications?|credentials)\b|\bself-taught\b|` +
		`\b(?:don't|do not|doesn't|does not)\s+(?:mind|care)\b[^.;]*\b(?:studied|study|university|college|school)\b`)
	welcome = regexp.MustCompile(`\b(?:welcome|an asset|preferred|a plus|advantage\w*|desirable|helpful|can help|beneficial|ideally|nice|not necessarily|or equivalent)\b`)
)

// considered offers something to be weighed: "… will also be considered".
var considered = regexp.MustCompile(`\b(?:will|would|can|may) (?:also |still )?be considered\b`)

// consideredInstead reports whether a clause of lower offers to consider
// something in place of a degree ("strong experience will also be
// considered"); a lower degree offered so ("a Bachelor's degree and a
// strong record will also be considered") lowers the level the posting
// accepts, and it is still a degree.
func consideredInstead(lower string) bool {
	for _, m := range considered.FindAllStringIndex(lower, -1) {
		lo, _ := clause(lower, 0, m[0], m[1], len(lower))
		if lo = max(lo, strings.LastIndexAny(lower[:m[0]], ".;")+1); !levelNamed(lower[lo:m[0]]) {
			return true
		}
	}
	return false
}

// levelNamed reports whether s names a degree's level: a bachelor's, a
// master's, a doctorate.
func levelNamed(s string) bool {
	for _, m := range postingDegree.FindAllStringSubmatchIndex(s, -1) {
		for g, name := range postingDegree.SubexpNames() {
			if name != "" && name != "degree" && m[2*g] >= 0 {
				return true
			}
		}
	}
	return false
}

// anyDegree accepts a degree of any level: "a degree", "any degree",
// "an undergraduate degree".
var anyDegree = regexp.MustCompile(`\b(?:a|an|any)\s+(?:[\w-]+\s+){0,2}?degree\b`)

// degreeOf reads what a statement says of a degree, if anything: the
// lowest level it accepts ("Bachelor's or Master's" accepts a bachelor),
// the fields it names, and whether it dismisses the degree or only wishes
// for it. A statement in a part of the posting that describes the job
// (about us, responsibilities) only wishes.
func degreeOf(text string, sec section, reason Reason) *degreeClaim {
	lower := strings.ToLower(text)
	var c degreeClaim
	found := false
	for _, m := range postingDegree.FindAllStringSubmatchIndex(lower, -1) {
		for g, name := range postingDegree.SubexpNames() {
			if name == "" || m[2*g] < 0 {
				continue
			}
			if degreeHolders.MatchString(lower[m[2*g+1]:]) {
				continue // "training sessions for PhD students": people, not a degree asked for
			}
			if name == "degree" {
				if notAcademic.MatchString(lower[m[2*g+1]-1:]) || strings.HasSuffix(lower[:m[2*g]], "to a ") {
					continue
				}
			} else if c.level == "" || levelRank[name] < levelRank[c.level] {
				c.level = name
			}
			found = true
		}
	}
	if !found {
		if noCredentials.MatchString(lower) {
			return &degreeClaim{dismissed: true, reason: reason}
		}
		return nil
	}
	for i, f := range degreeFields {
		if fieldPatterns[i].MatchString(lower) {
			c.fields = append(c.fields, f.name)
		}
	}
	// Only the clause of the degree: "certifications are welcome …, and
	// we do not require a degree" dismisses it.
	cl := lower
	if i := strings.Index(lower, "degree"); i >= 0 {
		lo, hi := clause(lower, 0, i, i+len("degree"), len(lower))
		cl = lower[lo:hi]
	}
	c.dismissed = dismissal.MatchString(cl) && !welcome.MatchString(cl)
	c.anyLevel = anyDegree.MatchString(lower)
	c.hedged = hedge.MatchString(lower) || degreeHedge.MatchString(lower) || consideredInstead(lower) || sec == sectionDuties || sec == sectionAbout
	c.reason = reason
	return &c
}

// levelOf returns the level a claim accepts, a bachelor's for "a degree".
func levelOf(c *degreeClaim) string {
	if c.level == "" || c.anyLevel {
		return "bachelor"
	}
	return c.level
}

// postingDegreeRule combines what the statements say: a degree at the
// lowest level named (a bachelor's if none is), in any field named,
// required only if some statement requires it and none dismisses it or
// only wishes for it ("While a degree is not necessarily mandatory ...").
// Statements that only dismiss a degree give no degree at all.
func postingDegreeRule(claims []*degreeClaim) (*DegreeRule, *Reason) {
	var d *DegreeRule
	var why *Reason
	anyRequired, anyHedge, named := false, false, false
	for _, c := range claims {
		if c.dismissed {
			anyHedge = true
			continue
		}
		if d == nil {
			d = &DegreeRule{}
		}
		if why == nil || (!named && c.level != "") {
			d.Note, why, named = quote(c.reason.Statement), &c.reason, c.level != ""
		}
		level := c.level
		if level == "" && c.anyLevel {
			level = "bachelor" // "a degree" accepts a bachelor's, whatever else is named; "your degree" names no level
		}
		if level != "" && (d.Level == "" || levelRank[level] < levelRank[d.Level]) {
			d.Level = level
		}
		for _, f := range c.fields {
			if !contains(d.Fields, f) {
				d.Fields = append(d.Fields, f)
			}
		}
	}
	if d == nil {
		return nil, nil
	}
	// A wish for a higher degree than one required ("Master's degree" /
	// preferred: "PhD") leaves the one required as it is.
	required := ""
	for _, c := range claims {
		if !c.dismissed && !c.hedged && (required == "" || levelRank[levelOf(c)] < levelRank[required]) {
			required, anyRequired = levelOf(c), true
		}
	}
	for _, c := range claims {
		if c.hedged && !c.dismissed && (required == "" || levelRank[levelOf(c)] <= levelRank[required]) {
			anyHedge = true
		}
	}
	if d.Level == "" {
		d.Level = "bachelor"
	}
	d.Required = anyRequired && !anyHedge
	var ordered []string
	for _, f := range degreeFields {
		if contains(d.Fields, f.name) && !contains(ordered, f.name) { // two spellings, one field
			ordered = append(ordered, f.name)
		}
	}
	d.Fields = ordered
	return d, why
}
