package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Derive turns the text of a job posting into a rule set a recruiter can
// review; see [Taxonomy.DeriveExplained] for how.
func (t *Taxonomy) Derive(posting string) *Set {
	set, _ := t.DeriveExplained(posting)
	return set
}

// DeriveExplained turns the text of a job posting into a rule set, and
// says for each rule why. It reads the posting in steps:
//
//   - sentences: lines a PDF wrapped are joined, list items and table rows
//     stay units, headings set the section of what follows
//     (derive_sentences.go);
//   - strength: each list of skills takes the cue words of its clause
//     ("must", "experience with", "a plus", "not needed"), bounded by its
//     section: requirements, preferences, or a description of the job
//     (responsibilities, about us, benefits), which names tools, not
//     requirements (derive_cues.go);
//   - groups: alternatives ("X or Y", "such as", "one of", "at least two
//     of", "(either is fine)") become one-of groups by category, merged
//     across statements when they share a skill (derive_groups.go);
//   - years: of the job, and of each skill (derive_years.go);
//   - degree: its level and fields, required unless hedged or dismissed
//     anywhere (derive_degree.go).
//
// Each item's Note quotes the statement it came from. DeriveExplained is
// deterministic and safe for concurrent use.
func (t *Taxonomy) DeriveExplained(posting string) (*Set, []Reason) {
	// Notes quote the posting, and a rule file is UTF-8 without control
	// characters.
	posting = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == utf8.RuneError) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(posting, " "))
	// A Word file's hyperlinks come with their targets, "Scala jobs
	// <../search?q=scala>", which name skills in their addresses.
	posting = linkTarget.ReplaceAllString(posting, "")
	d := &deriver{t: t, required: map[string]Reason{}, preferred: map[string]Reason{}, mentions: map[string][]string{},
		itemsOf: map[string][]int{}, item: -1, dropped: map[string]bool{}, wished: map[string]bool{}, learnable: map[string]Reason{}}
	namesSkill := namesSkillIn(t)
	mayName := func(s string) bool { return len(t.m.scan(tokenize(s))) > 0 }
	// joins reports whether a word at a line's end and the first of the
	// next make one name ("Tailwind" / "CSS", "GitLab" / "CI").
	joins := func(a, b string) bool {
		toks := tokenize(a + " " + b)
		return slices.ContainsFunc(t.m.scan(toks), func(h hit) bool { return h.first == 0 && h.last == len(toks.t)-1 && h.last > 0 })
	}
	for _, st := range statements(posting, namesSkill, mayName, joins) {
		d.statement(st)
	}
	set := &Set{Title: postingTitle(posting, namesSkill), base: t}
	d.titleSkills(set.Title)
	return set, d.finish(set)
}

// titleSkills requires a technology the job's title names ("Senior Go
// Engineer", "Backend Engineer (Elixir)"): a recruiter reads the title as
// the job's first requirement. Where another statement decided otherwise
// (a wish, a group, "not needed"; see [deriver.decidedElsewhere]), that
// statement decides; a mere description of the job ("you will build
// screens in Flutter") does not. A title's alternatives ("Mobile Developer
// (iOS or Android)") are a group. Kinds of work ("DevOps Engineer", "QA
// Engineer", "Machine Learning Engineer") are roles, not technologies.
func (d *deriver) titleSkills(title string) {
	if strings.ContainsAny(title[len(title)-min(1, len(title)):], ".!?") ||
		slices.ContainsFunc(findCues(strings.ToLower(title)), func(c cue) bool { return c.kind == cueNegated }) {
		return // a sentence, not a title: "We are not looking for Windows administrators."
	}
	if !roleWord.MatchString(title) || slices.ContainsFunc(d.elsewhere, func(s string) bool { return strings.Contains(s, title) || strings.Contains(title, s) }) {
		return // the posting's first line, not a title; another job's title
	}
	toks := tokenize(title)
	all := d.t.hits(toks, SectionOther)
	for _, h := range all {
		if n := d.name(h); d.dropped[n] && d.preferred[n].Statement == title {
			delete(d.preferred, n) // "Senior Go Engineer" … "No Go experience needed"
		}
	}
	hits := slices.DeleteFunc(all, func(h hit) bool {
		return workCategory(d.t.skills[h.skill].Category) || boardLink(toks.low, int(toks.t[h.first].start), int(toks.t[h.last].end)) || d.decidedElsewhere(d.name(h), title)
	})
	d.groups = slices.DeleteFunc(d.groups, func(g *derivedGroup) bool { return ofTitle(g.reason.Statement, title) })
	why := Reason{Statement: title, Cue: "the job's title"}
	for _, c := range chains(toks, hits) {
		for _, n := range d.names(c) {
			delete(d.preferred, n)
		}
		if !strings.Contains(toks.low[c.from:c.to], " or ") {
			c.alternatives = false // "Software Developer (C# / .NET)", "Java/Spring Developer": both
		}
		d.add(c, required, why, toks) // "Mobile Developer (iOS or Android)" asks for one of them
	}
}

// decidedElsewhere reports whether a statement of the posting other than
// its title set the strength of a skill: it is in a group, excluded, or
// wished for by a cue or under a heading of wishes. Named only where the
// job is described ("You will build screens in Flutter"), the title's
// technology is still asked for.
func (d *deriver) decidedElsewhere(name, title string) bool {
	if d.dropped[name] || d.wished[name] {
		return true
	}
	for _, g := range d.groups {
		if contains(g.skills, name) && !ofTitle(g.reason.Statement, title) {
			return true
		}
	}
	return false
}

// inField reports whether lower[from:to] lies in the spelling of a field
// of study ("security" in "information security").
func inField(lower string, from, to int) bool {
	for _, p := range fieldPatterns {
		for _, m := range p.FindAllStringIndex(lower, -1) {
			if m[0] <= from && to <= m[1] {
				return true
			}
		}
	}
	return false
}

// ofTitle reports whether a statement is the title, or a line of it that
// a PDF wrapped ("Senior Site Reliability Engineer" / "(Kubernetes/GCP)").
func ofTitle(statement, title string) bool {
	return statement == title || len(statement) > 3 && strings.Contains(title, statement)
}

// namesSkillIn returns whether a text names a technology of t.
func namesSkillIn(t *Taxonomy) func(string) bool {
	return func(s string) bool { return len(t.hits(tokenize(s), SectionOther)) > 0 }
}

// hits returns the skills named in toks, ambiguous names ("Go", "React")
// only in a technical context, which a skills section is.
func (t *Taxonomy) hits(toks *tokens, sec Section) []hit {
	return t.m.accept(toks, t.m.scan(toks), func(int) Section { return sec })
}

type deriver struct {
	t          *Taxonomy
	required   map[string]Reason // skill -> why
	preferred  map[string]Reason
	groups     []*derivedGroup
	years      []yearsClaim
	degrees    []*degreeClaim
	last       []chain             // the lists of the previous statement, for "… you should know both"
	lastTokens *tokens             // and its words
	mentions   map[string][]string // skill -> the statements that name it
	dropped    map[string]bool     // skills a statement says are not needed
	wished     map[string]bool     // skills a wish makes preferences: its cue ("a plus") or heading ("Nice to have")
	learnable  map[string]Reason   // skills a statement says can be learnt ("can learn Unreal"), whatever another asked
	elsewhere  []string            // statements of the page around the posting ("Similar jobs")
	// item is the paragraph, list item or table row being read, and
	// itemSkills the skills its statements so far have named, in order;
	// itemsOf, for each skill, the items that name it.
	item       int
	itemSkills [][]string // the skills of each of its statements so far
	itemTexts  []string   // and the statements
	itemsOf    map[string][]int
}

func (d *deriver) name(h hit) string { return d.t.skills[h.skill].Name }

func (d *deriver) names(c chain) []string {
	var out []string
	for _, h := range c.hits {
		if n := d.name(h); !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// statement reads one statement. The fields of a degree it names are not
// skills ("a degree in Statistics", "a degree in information security or
// computer science, and three years in information security": the
// statement's field is not the Security the skills name). A statement that names no skill but
// refers back with a cue ("you should be comfortable with both") gives its
// strength to the lists of the statement before it.
func (d *deriver) statement(st statement) {
	sec, where := st.where()
	if sec == sectionElsewhere || st.dropRow {
		if sec == sectionElsewhere {
			d.elsewhere = append(d.elsewhere, st.text)
		}
		return // a job board's list of other jobs names other jobs' skills
	}
	prevLast, prevSameItem := d.last, d.item == st.item // d.item is still the item of the statement before
	if !prevSameItem {
		d.item, d.itemSkills, d.itemTexts = st.item, nil, nil
	}
	d.itemTexts = append(d.itemTexts, st.text)
	toks := tokenize(st.text)
	context := SectionOther
	if sec == sectionRequirements || sec == sectionPreferences {
		context = SectionSkills // lists of skills: "Go (3+ years)" is the language
	}
	full := st.text
	if st.labelText != "" {
		full = st.labelText + ": " + st.text
	}
	deg := degreeOf(full, sec, Reason{Statement: st.text, Heading: where, Section: sec.String()})
	if deg != nil && st.label == sectionPreferences {
		deg.hedged = true // "Nice to have: a master's degree", a "No" in a "Required?" column
	}
	negated := func(h string) bool {
		return slices.ContainsFunc(findCues(strings.ToLower(h)), func(c cue) bool { return c.kind == cueNegated })
	}
	if deg != nil && (negated(where) || sec == sectionExcluded || negated(st.heading) && !(st.label != sectionNone && deg.hedged)) {
		// (A label of its own with a stance of its own, "Degree: … is
		// preferred, but not essential", is not dismissed by the heading
		// before it.)
		deg.dismissed = true // under "Not required", labelled or not ("A degree: plenty of us studied something else")
	}
	hits := d.t.hits(toks, context)
	hits = slices.DeleteFunc(hits, func(h hit) bool {
		return boardLink(toks.low, int(toks.t[h.first].start), int(toks.t[h.last].end)) || d.role(toks, h) || fundingRound(toks, h)
	})
	for _, n := range d.names(chain{hits: hits}) {
		d.mentions[n] = append(d.mentions[n], st.text)
		d.itemsOf[n] = append(d.itemsOf[n], st.item)
	}
	if deg != nil {
		hits = slices.DeleteFunc(hits, func(h hit) bool {
			return contains(deg.fields, d.name(h)) || inField(toks.low, int(toks.t[h.first].start), int(toks.t[h.last].end))
		})
	}
	lower := toks.low
	cues := findCues(lower)
	chs := chains(toks, hits)
	base := Reason{Statement: st.text, Heading: where, Section: sec.String()}
	fallback := statementCue(lower, outsideBrackets(lower, cues))
	backRef := backReference.FindStringIndex(lower)
	if len(chs) == 0 && backRef == nil && (anaphor.MatchString(lower) || itRef.MatchString(lower) && !itNew.MatchString(lower)) &&
		len(yearsIn(lower)) == 0 { // "three or more of them" counts years
		if cu := scopeCue(lower, cues, fallback, 0, 0, 0, len(lower)); cu.kind == cueMust || cu.kind == cueStrong {
			str, bySection := decide(cu.kind, sec)
			why := base
			if !bySection {
				why.Cue = strings.TrimSpace(st.text[cu.start:cu.end])
			}
			for _, c := range d.last {
				d.add(c, str, why, d.lastTokens)
			}
		}
	}
	d.markKinds(lower, chs)
	if len(chs) > 0 && chs[0].alternatives && cellKindIntro.MatchString(lower[:chs[0].from]) {
		d.forgetKind()
	}
	d.last, d.lastTokens = chs, toks
	wish := conditionalWish(lower, cues, chs)
	var carried cue // the cue of the list before, in this statement
	for i, c := range chs {
		if c.kind {
			continue
		}
		prev, next := 0, len(lower)
		if i > 0 {
			prev = chs[i-1].to
		}
		if i+1 < len(chs) {
			next = chs[i+1].from
		}
		cu := scopeCue(lower, cues, cue{}, prev, c.from, c.to, next)
		if w, ok := trailingWish(lower, cues, c.to); ok && (cu.kind == cueSoft || cu.kind == cueKnows || cu.kind == cueNone) {
			cu = w // "Experience with BDD using Cucumber would be an advantage": the wish is the clause's
		}
		switch {
		case cu.kind == cueNone && (carried.kind == cueDescribes || carried.kind == cuePreferred) &&
			clauseBreak.FindStringIndex(lower[prev:c.from]) == nil:
			cu = carried // "we use dbt tests and PyTest": the description goes on to the end of its clause
		case i > 0 && carried.kind != cueNone && cu.kind == cueNone && andToo(lower, prev, c):
			cu = carried // "Python is a bonus, and Rust curiosity too": the likeness takes the clause's cue
		case i > 0 && carried.kind != cueNone && asIs.MatchString(lower[prev:c.from]):
			cu = carried // "Swift is a bonus, as is having worked with SQLite": the likeness takes the clause's cue
		case cu.kind == cueNone && (carried.kind == cueSoft || carried.kind == cueStrong || carried.kind == cueMust) &&
			including.MatchString(lower[prev:c.from]):
			cu = carried // "at home on the Linux command line, including writing Bash scripts"
		case cu.kind == cueNone && !subordinateClause(lower, clauseStart(lower, prev, c.from)) &&
			(fallback.start < c.from || !personObject.MatchString(lower[fallback.end:])):
			// but not over "…, since you will touch the React code", nor
			// back from a later clause: "… to a platform on Azure, and we
			// need an engineer to build it"
			cu = fallback
		}
		within, aside := sec, cue{}
		if start := clauseStart(lower, prev, c.from); cu.kind == cueNone && subordinateClause(lower, start) {
			// A reason or an aside names what the job involves, even under
			// "Requirements": its word ("since") is the cue.
			within = sectionNone
			if m := subordinate.FindStringIndex(lower[:start]); m != nil {
				aside = cue{start: m[0], end: m[1]}
			}
		}
		if m := learnBefore.FindStringIndex(lower[prev:c.from]); m != nil && cu.kind != cueNegated {
			cu = cue{kind: cuePreferred, start: prev + m[0], end: prev + m[1]} // "a strong C++ programmer can learn Unreal"
		}
		if m := learnAfter.FindStringIndex(lower[c.to:next]); m != nil && cu.kind != cueNegated && cu.kind != cueMust && cu.kind != cueStrong {
			// "GraphQL, which you'll pick up quickly": what the job will
			// teach is no requirement.
			cu = cue{kind: cuePreferred, start: c.to + m[0], end: c.to + m[1]}
		}
		if cu.kind == cueDescribes {
			if m := soConsequence.FindStringIndex(lower[c.to:next]); m != nil {
				// "Docker is how we run everything, so you'll want to know your way around it"
				cu = cue{kind: cueMust, start: c.to + m[0], end: c.to + m[1]}
			}
		}
		if at := condition(lower, clauseStart(lower, prev, c.from), c.from); at >= 0 && cu.kind != cueNegated && cu.kind != cueDescribes {
			cu = cue{kind: cuePreferred, start: at, end: at + len("if")} // "if JavaScript is what you know, …"
		}
		if wish.kind != cueNone && cu.kind != cueNegated && clauseBreak.FindStringIndex(lower[wish.end:c.from]) == nil {
			cu = wish
		}
		carried = cu
		before := chs[:i]
		if prevSameItem {
			before = append(slices.Clone(prevLast), before...) // "Strong Java, or Kotlin on the JVM; we write new services in Kotlin"
		}
		if !c.alternatives && d.inAlternatives(d.names(c), before) && cu.kind != cueMust && cu.kind != cueNegated && cu.kind != cuePreferred {
			// (or any cue but an obligation, a wish or a negation: "Go or
			// Python (our tooling is mostly Go, but we'll happily hire a
			// strong Python engineer)")
			continue // "PyTorch or TensorFlow — we use PyTorch, but TensorFlow is fine": one of the alternatives again
		}
		lo, hi := clause(lower, prev, c.from, c.to, next)
		c.standIn = standInCue.MatchString(lower[lo:hi])
		chs[i].standIn = c.standIn // for a later "… you should know both"
		str, bySection := decide(cu.kind, within)
		why := base
		switch {
		case !bySection:
			why.Cue = strings.TrimSpace(st.text[cu.start:cu.end])
		case aside.end > 0:
			why.Cue = strings.TrimSpace(st.text[aside.start:aside.end])
		}
		if cu.kind == cuePreferred && learnable.MatchString(lower[cu.start:cu.end]) {
			for _, n := range d.names(c) {
				d.learnable[n] = why // "a strong C++ programmer can learn Unreal": not needed on day one
			}
		}
		if str == preferred && (cu.kind == cuePreferred || within == sectionPreferences) && !productNamed(lower, c) {
			for _, n := range d.names(c) {
				d.wished[n] = true // a wish, not a description ("we use Go"), which a title's Go outweighs
			}
		}
		d.add(c, str, why, toks)
	}
	if backRef != nil && !slices.ContainsFunc(chs, func(c chain) bool { return c.from >= backRef[1] }) {
		// (With a list after it, "one of these: Rust, Java" is that list's.)
		d.alternativesBack(chs, backRef, lower, cues, sec, base)
	}
	claims := postingYears(st, toks, chs, d, base, sec)
	if ys := yearsIn(lower); len(chs) == 0 && prevSameItem && len(prevLast) > 0 && !totalWord.MatchString(lower) &&
		len(ys) > 0 && len(strings.Fields(lower[:ys[0][0]])) <= 1 {
		// "Postgres operations experience; 3 yrs preferred": the years of
		// the skills of the sentence before, in the same item.
		for i := range claims {
			if claims[i].skills == nil {
				for _, c := range prevLast {
					claims[i].skills = append(claims[i].skills, d.names(c)...)
				}
			}
		}
	}
	d.years = append(d.years, claims...)
	var named []string
	for _, c := range chs {
		named = append(named, d.names(c)...)
	}
	d.itemSkills = append(d.itemSkills, named)
	switch {
	case deg != nil:
		deg.item = st.item
		d.degrees = append(d.degrees, deg)
	case len(d.degrees) > 0 && d.degrees[len(d.degrees)-1].item == st.item && d.degrees[len(d.degrees)-1].reason.Statement == d.itemTexts[max(0, len(d.itemTexts)-2)] &&
		len(chs) == 0 && (hedge.MatchString(lower) || degreeHedge.MatchString(lower)):
		// "A degree. Useful, but we have never turned anyone down for not
		// having one."
		d.degrees[len(d.degrees)-1].hedged = true
	}
}

// condition returns where the condition that the list at from of lower
// sits in begins ("so if JavaScript is what you know"), or -1 if the
// list is not in a condition: its clause, from lo, opens with "if" and
// no comma has closed it before the list.
func condition(lower string, lo, from int) int {
	s := lower[lo:from]
	t := strings.TrimLeft(s, " ,")
	for _, w := range []string{"so ", "and ", "but ", "or "} {
		t = strings.TrimPrefix(t, w)
	}
	if !strings.HasPrefix(t, "if ") || strings.ContainsRune(t, ',') {
		return -1
	}
	return lo + len(s) - len(t)
}

// backReference offers skills named before as alternatives: "you should
// be strong in one of the two", "at least one of those", "one is enough".
var backReference = regexp.MustCompile(`\b(?:(?:at least )?one of (?:the (?:two|three)|(?:those|these)(?: two| three)?|them)|either of (?:them|those|these|the two)|` +
	`either (?:one )?(?:is|will do|works)|one (?:is|will be) enough|whichever (?:you|one))\b`)

// itRef refers back to the skill of the statement before as "it", to ask
// for it ("it is the one language we cannot do without"), unless what it
// says is new ("It is essential that you communicate well").
var (
	itRef = regexp.MustCompile(`^(?:and |but )?(?:it|this|that)(?:'s| is) (?:really |absolutely |simply )?(?:a must|a must-have|essential|mandatory|required|` +
		`non-negotiable|key|the one (?:[\w-]+ ){0,3}(?:we|you) (?:really )?(?:cannot|can't|can not) do without)\b`)
	itNew = regexp.MustCompile(`\b(?:that|for) you\b|\bthat (?:we|the|our|your)\b|\bto \w+`)
)

// alternativesBack makes one-of groups of the skills a back-reference
// ([backReference], at ref of lower) points to: the lists of its own
// statement before it, or else those of the statements of its item
// before it, nearest first, as far back as it takes to name two of one
// category. Skills of one category make a group; two of different ones
// make one together. The reference's clause gives the strength; with no
// cue, alternatives are asked for, as "X or Y" is.
func (d *deriver) alternativesBack(chs []chain, ref []int, lower string, cues []cue, sec section, why Reason) {
	var names []string
	prev := 0
	for _, c := range chs {
		if c.to <= ref[0] {
			names = append(names, d.names(c)...)
			prev = c.to
		}
	}
	var byCategory map[string][]string
	var order []string
	group := func(names []string) (pair bool) {
		byCategory, order = map[string][]string{}, nil
		for _, n := range names {
			sk, _ := d.t.Lookup(n)
			if !contains(byCategory[sk.Category], n) {
				if byCategory[sk.Category] == nil {
					order = append(order, sk.Category)
				}
				byCategory[sk.Category] = append(byCategory[sk.Category], n)
			}
			pair = pair || len(byCategory[sk.Category]) > 1
		}
		return pair
	}
	if !group(names) && len(names) < 2 {
		// "Our iOS app is written in Swift. The Android app is written in
		// Kotlin. You should be strong in one of the two." At most three
		// sentences back: a reference does not reach across a paragraph.
		for i := len(d.itemSkills) - 1; i >= max(0, len(d.itemSkills)-3); i-- {
			names = append(slices.Clone(d.itemSkills[i]), names...)
			if group(names) {
				break
			}
		}
	}
	cu := scopeCue(lower, cues, statementCue(lower, cues), prev, ref[0], ref[1], len(lower))
	kind := cu.kind
	if kind == cueNone {
		kind = cueSoft
	}
	str, _ := decide(kind, sec)
	if str == dropped {
		return
	}
	var groups [][]string
	for _, cat := range order {
		if len(byCategory[cat]) > 1 {
			groups = append(groups, byCategory[cat])
		}
	}
	if len(groups) == 0 && len(order) == 2 && len(names) == 2 {
		groups = [][]string{names}
	}
	for _, skills := range groups {
		for _, s := range skills {
			if r, ok := d.required[s]; ok && slices.Contains(d.itemTexts, r.Statement) {
				delete(d.required, s) // "SQLite. Or Realm. One is enough."
			}
		}
		sk, _ := d.t.Lookup(skills[0])
		g := &derivedGroup{category: sk.Category, skills: skills, min: 1, weak: str != required, reason: why, why: map[string]Reason{}, item: d.item}
		if len(order) > 1 && len(groups) == 1 && len(byCategory[sk.Category]) < len(names) {
			g.category = ""
		}
		for _, s := range skills {
			g.why[s] = why
		}
		d.groups = append(d.groups, g)
	}
}

// roleNoun, after a kind of work, makes it a role: "QA analysts",
// "DevOps engineers". ("Agile teams" and "Scrum developers" work in a way
// that is a skill.)
var roleNoun = regexp.MustCompile(`^\s*(?:/\s*[\w-]+\s+)?(?:automation\s+|platform\s+|test\s+|lead\s+)?(?:engineers?|analysts?|testers?|specialists?|architects?|consultants?|practitioners?)\b`)

// workCategory reports whether a category holds kinds of work ("DevOps",
// "QA", "Machine Learning"), which a title or a sentence may name as a
// role, besides technologies.
func workCategory(category string) bool {
	return category == "methodology" || category == "testing" || category == "data"
}

// role reports whether the hit names a kind of work as people or a team
// ("our QA analysts"), not as a skill.
func (d *deriver) role(toks *tokens, h hit) bool {
	category := d.t.skills[h.skill].Category
	if workCategory(category) {
		start := int(toks.t[h.first].start)
		before := toks.low[max(0, start-40):start] // the words before: a window keeps long lines linear
		after := toks.low[toks.t[h.last].end:]
		// A field of data work before "roles" stays a skill: "in machine
		// learning or data science roles".
		return roleNoun.MatchString(after) || asRole.MatchString(before) && !suchAs.MatchString(before) || seniorBefore.MatchString(before) ||
			theTeam.MatchString(before) && teamAfter.MatchString(after) || // "The SRE team keeps our platform running"
			category == "testing" && yearsInField.MatchString(before) || // "3+ years in QA": the field of the years
			category != "data" && rolesAfter.MatchString(after) && (yearsInBefore.MatchString(before) || !strings.HasPrefix(strings.TrimSpace(after), "/"))
	}
	return false
}

// fundingRound reports whether a hit is the letter of a company's round
// of funding, "a payments scale-up (Series C, …)", not the language.
func fundingRound(toks *tokens, h hit) bool {
	start := int(toks.t[h.first].start)
	return h.first == h.last && len(toks.key(h.first)) == 1 && seriesBefore.MatchString(toks.low[max(0, start-8):start])
}

var seriesBefore = regexp.MustCompile(`\bseries $`)

// asRole, before a kind of work, makes it a role: "5 years as SRE".
var (
	asRole = regexp.MustCompile(`\bas (?:an? |the )?$`) // "as SRE"
	// seniorBefore, before a kind of work, makes it a person: "Senior SRE
	// opportunity", "a junior DevOps hire".
	seniorBefore = regexp.MustCompile(`\b(?:senior|junior|principal)\s+$`)
	// yearsInBefore and rolesAfter: "5+ years in DevOps or platform
	// roles", "5+ yrs DevOps/platform exp.", "5+ yrs in SRE / DevOps / platform roles" (each kind of the list).
	yearsInBefore = regexp.MustCompile(`\b(?:years?|yrs?)\+? (?:in )?(?:[\w-]+\s*/\s*){0,3}$`)
	yearsInField  = regexp.MustCompile(`\b(?:years?|yrs?)\+? in $`)
	rolesAfter    = regexp.MustCompile(`^(?:\s*(?:,|or|and|/)?\s*[\w-]+){0,4}?\s+(?:roles?|positions?)\b|^(?:\s*/\s*[\w-]+)+\s+(?:exp\b|experience)`)
	suchAs        = regexp.MustCompile(`\b(?:such|as well|same) as $`)
	// theTeam and teamAfter make a kind of work the name of a team: "The
	// SRE team", "our QA team" (but "Agile teams" works in a way).
	theTeam   = regexp.MustCompile(`\b(?:the|our|their|your)\s+$`)
	teamAfter = regexp.MustCompile(`^\s+(?:team|squad|group|function|department)\b`)
)

// outsideBrackets returns the cues of lower that are not inside brackets:
// an aside's cue ("(Snakemake is fine if that is what you know)") bears
// on the aside alone.
func outsideBrackets(lower string, cues []cue) []cue {
	var out []cue
	for _, c := range cues {
		if open, _ := bracketAround(lower, c.start); open < 0 {
			out = append(out, c)
		}
	}
	return out
}

// personObject follows a cue whose object is the person hired, not a
// skill: "… to a platform on Azure, and we need an engineer to build it"
// asks nothing of Azure.
var personObject = regexp.MustCompile(`^\s+(?:an? |another |more |one more )?(?:[\w-]+ ){0,2}(?:engineers?|developers?|someone|somebody|person|people|` +
	`hires?|candidates?|colleagues?|analysts?|scientists?|architects?|designers?|programmers?|administrators?|testers?)\b`)

// asIs likens a list to the one before: "…, as is advanced Excel", "…, as is
// having worked with SQLite".
var asIs = regexp.MustCompile(`,\s*as (?:is|are|would be|will be)\b`)

// andToo reports whether the list c, after the one ending at prev, is
// added to it by "and … too" (or "as well", "also") in a clause of its
// own: "Python is a bonus, and Rust curiosity too".
func andToo(lower string, prev int, c chain) bool {
	_, hi := clause(lower, prev, c.from, c.to, len(lower))
	return andBefore.MatchString(lower[prev:c.from]) && tooAfter.MatchString(lower[c.to:hi])
}

var (
	andBefore = regexp.MustCompile(`(?:,|\s)\s*(?:and|plus)\s+(?:(?:some|a bit of|a little)\s+)?$`)
	tooAfter  = regexp.MustCompile(`^(?:\s+[a-z-]+){0,2}\s*,?\s+(?:too|as well|also)\s*[.!]?\s*$`)
)

// including adds to a list what is asked of it: "…, including writing
// Bash scripts".
var including = regexp.MustCompile(`\b(?:including|incl\.|especially|particularly|in particular|as well as)\b`)

// subordinate ends the words before a clause that gives a reason or an
// aside: the statement's cue does not reach over it.
var subordinate = regexp.MustCompile(`\b(?:since|because|as|so|which|while|whereas|although|though|when)\s*$`)

// soConsequence asks for what a description names: "we use Git for
// everything, so you will need to be comfortable with it".
var soConsequence = regexp.MustCompile(`\bso (?:you(?:'ll| will| would)? (?:need|want|have|should|must)|you(?:'ll| will) be expected|` +
	`(?:it is|it's) (?:essential|important|key)|knowing|being comfortable|comfort with|` +
	`(?:some |solid |good )?(?:experience|knowledge|familiarity) (?:with|of) (?:it|them) (?:is|are) (?:expected|required|needed|essential|a must))\b|` + // "so some experience with it is expected"
	`\band (?:we )?(?:expect|need|want) you to\b`) // "We write our tests with PHPUnit and expect you to as well"

// productNamed reports whether a lone skill names the team's product or
// team, not what is wished for: "for the older parts of the iOS app".
func productNamed(lower string, c chain) bool {
	return len(c.hits) == 1 && theTeam.MatchString(lower[max(0, c.from-8):c.from]) && productAfter.MatchString(lower[c.to:])
}

var productAfter = regexp.MustCompile(`^\s+(?:app|apps|application|applications|codebase|code base|client|clients|team|teams|platform)\b`)

// trailingWish returns a wish that ends the clause of a list ending at
// to, said of all the clause names ("… would be an advantage", "… is a
// plus"), if no clause break stands between.
func trailingWish(lower string, cues []cue, to int) (cue, bool) {
	for _, c := range cues {
		if c.start < to || c.kind != cuePreferred {
			continue
		}
		if clauseBreak.FindStringIndex(lower[to:c.start]) != nil || !wishPredicate.MatchString(lower[max(to, c.start-12):c.start]) {
			return cue{}, false
		}
		if rest := strings.TrimSpace(lower[c.end:]); rest != "" && !strings.ContainsAny(rest[:1], ".;!") {
			return cue{}, false // the wish goes on to something else
		}
		return c, true
	}
	return cue{}, false
}

var wishPredicate = regexp.MustCompile(`\b(?:would be|will be|'d be|is|are)\s+(?:an?\s+|a real\s+|a big\s+)?$`)

// learnBefore, right before a list, says it can be learnt: "a strong C++
// programmer can learn Unreal".
var learnBefore = regexp.MustCompile(`\b(?:can|could|will|'ll)\s+(?:quickly\s+|easily\s+|soon\s+)?learn\s+(?:to use\s+)?$`)

// learnable is a cue that says a skill can be learnt on the job.
var learnable = regexp.MustCompile(`\b(?:learn\w*|teach\w*|taught|pick (?:\w+ )?up)\b`)

// learnAfter, right after a list, says the job will teach it: "GraphQL,
// which you'll pick up quickly", "Terraform, which we will teach you".
var learnAfter = regexp.MustCompile(`^[\s,(]*(?:which|that)\s+(?:you(?:'ll| will| can)?|we(?:'ll| will| can| are happy to)?)\s+` +
	`(?:\w+\s+)?(?:pick (?:it |them )?up|learn(?: it| them)?\b|teach\b(?: you)?(?: it| them)?)`)

// inAlternatives reports whether every one of names is among the
// alternatives of the lists before.
func (d *deriver) inAlternatives(names []string, before []chain) bool {
	var alts []string
	for _, c := range before {
		if c.alternatives {
			alts = append(alts, d.names(c)...)
		}
	}
	for _, n := range names {
		if !contains(alts, n) {
			return false
		}
	}
	return len(names) > 0
}

// subordinateClause reports whether the clause starting at lo of lower
// gives a reason or an aside ("…, since you will touch React"), not a
// likeness ("…, as is advanced Excel").
func subordinateClause(lower string, lo int) bool {
	return subordinate.MatchString(lower[max(0, lo-30):lo]) && !likeness.MatchString(lower[lo:])
}

var likeness = regexp.MustCompile(`^\s*(?:is|are|does|do|will|would|should|must|means|requires|involves|calls for|needs)\b`) // "…, which means good JavaScript": what the clause before asks

// clauseStart returns where the clause of the list at from begins, after
// the previous list (ending at prev).
func clauseStart(lower string, prev, from int) int {
	lo, _ := clause(lower, prev, from, from, from)
	return lo
}

// anaphor refers back to the skills of the statement before.
var anaphor = regexp.MustCompile(`\b(?:both|either|them|these|those|each of)\b`)

// add records a list of skills at a strength. A list of alternatives
// becomes one group, but for asides in brackets of a category none of the
// others has ("Unity or Unreal (C# counts too)"), kept as preferences.
// Alternatives at preferred strength make a weak group, which joins a
// required group of its category that shares a skill, or stays a list of
// preferences. A skill given as an example of a kind ("a tool such as
// JMeter") is a preference: the kind is what is asked for.
func (d *deriver) add(c chain, str strength, why Reason, toks *tokens) {
	lower := toks.low
	names := d.names(c)
	if str == dropped {
		for _, n := range names {
			d.dropped[n] = true
		}
		return
	}
	if len(names) == 1 && c.standIn {
		// One skill offered in place of another of its category: a group
		// with the one required on its own, if there is one (see
		// joinStandIns), or else a preference.
		g := &derivedGroup{category: d.t.skills[c.hits[0].skill].Category, skills: names, min: 1, weak: true, reason: why,
			why: map[string]Reason{names[0]: why}, standIns: true, item: d.item}
		d.groups = append(d.groups, g)
		return
	}
	if c.example || c.open {
		str = preferred
	}
	if !c.alternatives || len(names) < 2 {
		for _, n := range names {
			d.record(n, str, why)
		}
		return
	}
	// Skills in brackets opened inside the list, of a category that none
	// outside them has, are asides.
	outside := map[string]bool{}
	inside := make([]bool, len(c.hits))
	for k, h := range c.hits {
		at := int(toks.t[h.first].start)
		inside[k] = strings.Count(lower[c.from:at], "(") > strings.Count(lower[c.from:at], ")")
		if !inside[k] {
			outside[d.t.skills[h.skill].Category] = true
		}
	}
	var skills []string
	category := ""
	for k, h := range c.hits {
		sk := d.t.skills[h.skill]
		if inside[k] && !outside[sk.Category] {
			d.record(sk.Name, preferred, why)
			continue
		}
		if !contains(skills, sk.Name) {
			if len(skills) == 0 {
				category = sk.Category
			} else if sk.Category != category {
				category = "" // of several kinds: named after its skills
			}
			skills = append(skills, sk.Name)
		}
	}
	if len(skills) == 1 {
		d.record(skills[0], str, why)
		return
	}
	g := &derivedGroup{category: category, skills: skills, min: min(c.min, len(skills)), weak: str != required, reason: why, why: map[string]Reason{},
		standIns: standInCue.MatchString(strings.ToLower(why.Statement)), item: d.item}
	for _, s := range skills {
		g.why[s] = why
	}
	d.groups = append(d.groups, g)
}

// cellKindIntro opens a cell of alternatives of the kind the cell before
// names.
var cellKindIntro = regexp.MustCompile(`^\s*(?:(?:any |at least )?one of|such as|e\.g\.?|for example|either)[\s:,]*$`)

// forgetKind takes back the kind of work that the item's last statement
// naming skills named alone, as a table row's first cell does, when the
// statement being read gives alternatives of that kind: "Cloud data
// warehouse | Required | one of Snowflake, BigQuery or Redshift".
func (d *deriver) forgetKind() {
	for i := len(d.itemSkills) - 1; i >= 0; i-- {
		if len(d.itemSkills[i]) == 0 {
			continue
		}
		name := d.itemSkills[i][0]
		if sk, _ := d.t.Lookup(name); len(d.itemSkills[i]) > 1 || !workCategory(sk.Category) {
			return
		}
		for _, m := range []map[string]Reason{d.required, d.preferred} {
			if r, ok := m[name]; ok && r.Statement == d.itemTexts[i] {
				delete(m, name)
			}
		}
		return
	}
}

func (d *deriver) record(name string, str strength, why Reason) {
	m := d.preferred
	if str == required {
		m = d.required
	}
	if _, ok := m[name]; !ok {
		m[name] = why
	}
}

// finish builds the set from what the statements said, and the reasons.
// A skill required on its own satisfies every group it is in: such a group
// is dropped, or needs that many fewer of its other skills.
func (d *deriver) finish(set *Set) []Reason {
	var reasons []Reason
	inGroup := map[string]bool{}
	d.joinStandIns()
	for n, why := range d.learnable {
		if _, ok := d.required[n]; ok {
			delete(d.required, n) // asked for, then said to be learnt on the job
			d.preferred[n] = why
		}
	}
	for _, g := range mergeGroups(d.groups) {
		var keep []string
		for _, s := range g.skills {
			if _, req := d.required[s]; !req {
				keep = append(keep, s)
			}
		}
		need := max(g.min, 1) - (len(g.skills) - len(keep))
		if g.weak || need <= 0 || len(keep) < 2 {
			for _, s := range keep {
				d.record(s, preferred, g.why[s])
			}
			continue
		}
		for _, s := range keep {
			inGroup[s] = true
		}
		name := groupName(g.category)
		if g.category == "" {
			name = strings.Join(keep, " or ")
		}
		grp := Group{Name: name, Skills: keep, Note: quote(g.reason.Statement)}
		if need > 1 {
			grp.Min = need
		}
		set.OneOf = append(set.OneOf, grp)
		why := g.reason
		why.Rule = fmt.Sprintf("one of %v", keep)
		if need > 1 {
			why.Rule = fmt.Sprintf("at least %d of %v", need, keep)
		}
		for _, sk := range keep {
			// Alternatives named in other statements: "MySQL or MongoDB",
			// then "MySQL, Oracle or PostgreSQL".
			if w, ok := g.why[sk]; ok && w.Statement != why.Statement && !slices.Contains(why.Also, w.Statement) {
				why.Also = append(why.Also, w.Statement)
			}
		}
		reasons = append(reasons, why)
	}
	skillYears := map[string]float64{}
	yearsWhy := map[string]Reason{}
	for _, c := range d.years {
		for _, s := range c.skills {
			if c.years > skillYears[s] {
				skillYears[s], yearsWhy[s] = c.years, c.reason
			}
		}
	}
	for _, name := range sortedKeys(d.required) {
		set.Required = append(set.Required, Item{Skill: name, MinYears: skillYears[name], Note: quote(d.required[name].Statement)})
		why := d.required[name]
		why.Rule = "required " + name
		reasons = append(reasons, why)
	}
	for _, name := range sortedKeys(d.preferred) {
		if _, req := d.required[name]; req || inGroup[name] {
			continue
		}
		set.Preferred = append(set.Preferred, Item{Skill: name, MinYears: skillYears[name], Note: quote(d.preferred[name].Statement)})
		why := d.preferred[name]
		why.Rule = "preferred " + name
		reasons = append(reasons, why)
	}
	for _, list := range [][]Item{set.Required, set.Preferred} {
		for _, it := range list {
			if it.MinYears > 0 {
				why := yearsWhy[it.Skill]
				why.Rule, why.Cue = fmt.Sprintf("%s: min_years %v", it.Skill, it.MinYears), ""
				reasons = append(reasons, why)
			}
		}
	}
	if deg, why := postingDegreeRule(d.degrees); deg != nil {
		set.Degree = deg
		r := *why
		r.Rule, r.Cue = "degree "+deg.Level, ""
		if deg.Required {
			r.Rule += " (required)"
		}
		reasons = append(reasons, r)
	}
	if c := totalYears(d.years); c != nil {
		set.Experience = &Experience{MinYears: c.years, Required: c.required, Note: quote(c.reason.Statement)}
		r := c.reason
		r.Rule, r.Cue = fmt.Sprintf("experience: min_years %v", c.years), ""
		if c.required {
			r.Rule += " (required)"
		}
		reasons = append(reasons, r)
	}
	return reasons
}

func sortedKeys(m map[string]Reason) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
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

// postingTitle is the first of the posting's first ten lines that names a
// role ("Senior Backend Engineer", "Data Analyst"), or else its first line,
// up to a colon, if short enough to be a title. A page saved from a job
// board starts with the board's navigation; the role's line is the title,
// the last part of a trail of pages ("Home › Data › Data Engineer"). The
// line's terms (see [titleTerms]) are not the title. namesSkill reports
// whether a text names a technology.
func postingTitle(text string, namesSkill func(string) bool) string {
	var first, title string
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "#* "))
		if line == "" {
			continue
		}
		if title != "" {
			if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") && len(strings.Fields(line)) <= 4 {
				return title + " " + line // "SDET / Test Automation Engineer" / "(.NET)", as a PDF wraps it
			}
			return title
		}
		if m := breadcrumb.FindStringIndex(line); m != nil {
			line = line[m[1]:] // "Home › Data › Data Engineer": the page's own name is last
		}
		if t, v, ok := strings.Cut(line, ":"); ok && titleKey.MatchString(strings.TrimSpace(t)) && strings.TrimSpace(v) != "" {
			line = strings.TrimSpace(v) // "Job: Junior Data Analyst"
		} else if ok && len(strings.Fields(t)) <= 8 {
			line = strings.TrimSpace(t)
		}
		// A table's cells or tab stops part a line as a bar does.
		if parts := strings.Split(strings.ReplaceAll(line, "\t", " | "), " | "); len(parts) > 1 {
			line = parts[0] // "Lead Android Developer | Remote (EU) | Freewheel Health"
			for _, p := range parts {
				if roleWord.MatchString(p) {
					line = strings.TrimSpace(p)
					break
				}
			}
		}
		line = line[:titleTerms(line, namesSkill)]
		if len(strings.Fields(line)) > 10 {
			line = ""
		}
		if n == 0 {
			first = line
		}
		if line != "" && roleWord.MatchString(line) {
			title = line
			continue
		}
		if n++; n == 10 {
			break
		}
	}
	if title != "" {
		return title
	}
	return first
}

// titleTerms returns where the terms of the job begin in a title line,
// or its length if it has none: a title may go on, after a spaced dash,
// bar or middle dot, with where the job is and on what terms
// ("Flutter Developer - seed-stage fintech, Berlin (hybrid) - EUR 60-75k",
// "DevOps Engineer - 6-month contract"). The terms are the parts from the
// first after the role's that has a digit or a comma and names no
// technology ("Backend Engineer - Go, Kubernetes" is all title), after
// a title in title case ([titleCased]): a sentence such as "Our engineers
// build the rails of payments - 12 countries, 40 banks" has no terms, and
// stays too long to be a title. A PDF
// that wraps such a line leaves its title the same: "Flutter Developer -
// seed-stage" / "fintech, Berlin …" is read a line at a time.
func titleTerms(line string, namesSkill func(string) bool) int {
	for i := 0; i < len(line); {
		m := titlePart.FindStringIndex(line[i:])
		if m == nil {
			break
		}
		start := i + m[1]
		end := len(line)
		if next := titlePart.FindStringIndex(line[start:]); next != nil {
			end = start + next[0]
		}
		if part := line[start:end]; strings.ContainsAny(part, "0123456789,") && !namesSkill(part) {
			if !titleCased(line[:i+m[0]]) {
				break // a sentence's end, not a title's terms
			}
			return i + m[0]
		}
		i = end
	}
	return len(line)
}

// titlePart parts a title line: a dash, bar or middle dot with spaces
// around it.
var titlePart = regexp.MustCompile(` [-–—|·] `)

// titleKey labels a posting's title: "Job: …", "Position: …".
var titleKey = regexp.MustCompile(`(?i)^(?:job|job title|title|position|role|vacancy|opening)$`)

// linkTarget is a hyperlink's address after its text, as text extracted
// from a Word file gives it.
var linkTarget = regexp.MustCompile(`[ \t]<[^<>\s]*[/.:%#?=][^<>\s]*>`)

// breadcrumb is a job board's trail of pages up to the last one's name.
var breadcrumb = regexp.MustCompile(`^.*\s(?:›|»|>)\s`)

// roleWord names a role in a job title.
var roleWord = regexp.MustCompile(`(?i)\b(?:engineer|developer|programmer|architect|analyst|scientist|administrator|designer|` +
	`manager|lead|consultant|specialist|tester|intern|director|officer|technician|devops|sre)s?\b`)

var (
	jobsAfter    = regexp.MustCompile(`^\s+(?:[\w.#+-]+\s+)?(?:jobs|vacancies|openings)\b`)
	jobsIn       = regexp.MustCompile(`\b(?:jobs|vacancies)\s+(?:in|at|near|for)\b`)
	searchBefore = regexp.MustCompile(`(?:^|\b(?:remote|browse|find|search|more|all|latest|top|new|popular|senior|junior|mid-level|freelance|contract)\s+)$`)
	salaryBefore = regexp.MustCompile(`\bsalar(?:y|ies)\s+(?:guide\s+)?(?:for|of)\s+(?:[\w-]+\s+)?$`)
)

// boardLink reports whether the skill at [from, to) of a lowercased
// statement is a job board's link to other jobs, not the posting's: "Scala
// jobs" in a line of several such links, "Java jobs in Berlin", "Remote
// Rust jobs", "Salaries for Kotlin developers". "You will write Spark
// jobs" is the posting's.
func boardLink(lower string, from, to int) bool {
	if salaryBefore.MatchString(lower[max(0, from-60):from]) {
		return true
	}
	if !jobsAfter.MatchString(lower[to:]) {
		return false
	}
	return strings.Count(lower, " jobs") >= 2 || jobsIn.MatchString(lower[to:]) ||
		(len(strings.Fields(lower)) <= 6 && searchBefore.MatchString(lower[:from]))
}
