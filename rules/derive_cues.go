package rules

import (
	"regexp"
	"sort"
	"strings"
)

// cueKind is what a cue phrase says of the skills it bears on.
type cueKind int

const (
	cueNone      cueKind = iota
	cueSoft              // "experience with", "some experience with", "have worked with": a requirement, unless its section says otherwise
	cueStrong            // "strong", "proficiency", "you know", "comfortable with"
	cueMust              // "must", "required", "you should know", "we expect": an obligation, whatever the heading
	cuePreferred         // "nice to have", "a plus", "familiarity with", "some exposure to", "If you have …" (not "you will enjoy this if you have")
	cueNegated           // "is not needed", "no ... required"
	cueDescribes         // "we use", "our stack is": the team's tools, not a requirement
	cueKnows             // "knowledge of", "an understanding of": what its section makes it, a preference with none
)

// cue is a cue phrase found in a statement, at byte offsets of its text.
type cue struct {
	kind       cueKind
	start, end int
}

// cuePattern finds cue phrases. Alternatives are tried left to right at
// each position, so a negation ("not required") is found before the word
// it negates, and an intensified preference ("deep knowledge of", "solid
// understanding") before the bare preference ("knowledge of").
var cuePattern = regexp.MustCompile(`\b(?:` +
	`(?P<describes>we (?:currently |mostly |mainly |also |already |happen to |largely )?(?:use|run|deploy|build|host|write|keep|store)|` +
	`(?:our|the) (?:[\w-]+ ){0,3}(?:is|are|was|were|gets?) (?:mostly |largely |all |mainly |currently )?(?:written|built|developed|implemented|coded|` +
	`orchestrated|hosted|deployed|run|managed|stored|kept|scheduled|tested|modelled|modeled) (?:in|with|on|by|using|through)|` +
	`our (?:[\w-]+ )?(?:clusters?|services|backend|frontend|apps?|infrastructure|infra|platform|databases?|pipelines?|tests|` +
	`code|codebase|systems|servers|models|jobs|data|warehouse) (?:is|are|runs?|lives?)(?: on| in)?|` +
	`our (?:[\w-]+ ){1,2}(?:run|runs|use|uses|rely on|relies on)|ours (?:run|runs|are|is|live|lives) (?:on|in)|` +
	`our (?:[\w-]+ ){1,4}(?:have|has) (?:run|been running|been written|been built|used)|` + // "Our reservations and loyalty systems have run on …"
	`we(?:'ve| have)(?: \w+)? (?:built|used|run|written|shipped|deployed|developed|maintained|operated|been)|` +
	`(?:our|the) (?:\w+ )?(?:team|teams|company|engineers|developers) (?:already |currently |mostly )?(?:has|have|uses?|runs?|builds?|writes?|deploys?)|we(?:'re| are) (?:currently |mostly |mainly |all )?(?:on|using|running|hosted on|built on)|our (?:\w+ )?(?:stack|platform) (?:is|runs)|is built (?:on|with))|` +
	`(?P<neg>not (?:needed|required|necessary|essential|mandatory|a must|expected|a requirement|a prerequisite|part of|used|relevant|important)|` +
	`without (?:reaching for|relying on|needing|resorting to|falling back on)|(?:alone|on its own|by itself) (?:isn't|is not|won't be|will not be) enough|` +
	`not something (?:\w+ ){0,3}(?:needs?|requires?|asks? for|uses?|expects?)|no need|neither|irrelevant|` +
	`(?:not|aren't|isn't) (?:looking for|after|interested in)|(?:won't|will not) be asked to|` +
	`(?:don't|do not|doesn't|does not|won't|will not) (?:need|have to|require|matter|use|write|run|touch|expect|ask for|look for|care about|involve|` +
	`come into|feature|figure|play (?:a|any) (?:part|role)|apply)|` +
	`(?:isn't|aren't) (?:needed|required|expected|necessary|essential|used|relevant|important|part of|a requirement)|` +
	`no (?:prior |previous )?(?:[\w.#+-]+ ){0,3}(?:experience |knowledge )?(?:is )?(?:needed|required|necessary|expected))|` +
	`(?P<intense>(?:deep|solid|strong|good|working|thorough|in-depth|sound|excellent|extensive|advanced|expert|proven|firm|practical) ` +
	`(?:knowledge|understanding|grasp|command|familiarity|awareness))|` +
	`(?P<knows>knowledge of|(?:an )?understanding of|awareness of)|` +
	`(?P<pref>familiar\w*|nice[- ]to[- ]haves?|nice|(?:a |big |huge |is a )?plus|bonus|` +
	`preferred|preferabl[ey]|prefer|desirable|desired|(?:some )?exposure|ideally|(?:is|are|would be|'d be) ideal|advantage\w*|beneficial|helpful|` +
	`(?:would|could) help|(?:it|that|this|which) (?:will |can |might )?help|helps|(?:would|'d|will) (?:also )?love(?: it)?|` +
	`you(?:'ll| will| can)? (?:pick (?:it |them |this |that )?up|learn)|we(?:'ll| will| can| are happy to| have| happily)? (?:teach|taught)|` +
	`can be (?:learned|learnt|taught)|learn (?:it |them )?on the job|happy to teach|optional|would be (?:great|lovely|good|useful|a bonus)|` +
	`(?:would|will) be (?:highly |well )?(?:regarded|valued|appreciated)|great if|welcome|` +
	`an asset|useful|good to (?:have|know)|even better|some familiarity|interest in|(?:^|, |and |but )if you(?:'ve| have| know| can| did)?)|` +
	`(?P<must>(?:can't|cannot|can not) (?:do|live) without|non-negotiable|must|required|requirements?|essential|mandatory|needs? to|(?:you|you'll|you will|we) need|necessary|minimum|` +
	`expected|we expect|expect|should (?:know|have|be))|` +
	`(?P<strong>at least|you (?:know|have|bring|are|can)|you (?:really |genuinely |deeply )?care (?:about|for)|you (?:already )?(?:write|code|program|use|speak)|proven|track record|strong|` +
	`solid|expert\w*|deep|proficien\w*|advanced|extensive|fluen\w+|thorough|in-depth|comfortable|confident|excellent|` +
	`good (?:at|grasp)|inside out|hands-on|skilled|mastery|command of|at home (?:on|with|in))|` +
	`(?P<soft>(?:some )?experience (?:with|in|of|using|building|developing|writing|working|running)|some knowledge|experienced|worked with|` +
	`working with|(?:ha(?:ve|s)|'ve) (?:\w+ )?(?:used|built|written|shipped|published|designed|led|run|deployed|worked|developed|maintained|operated)|` +
	`in production|ability to|skills? (?:in|with)|knows?|` +
	`(?:someone|somebody|the person|a person|the candidate|an? (?:engineer|developer|candidate))(?: [\w']+){0,6}? ` +
	`(?:who (?:has|have|is|knows|can|brings)|has|will have|brings|with))` +
	`)\b`)

var cueKinds = func() []cueKind {
	kinds := make([]cueKind, len(cuePattern.SubexpNames()))
	for i, name := range cuePattern.SubexpNames() {
		switch name {
		case "neg":
			kinds[i] = cueNegated
		case "intense", "strong":
			kinds[i] = cueStrong
		case "must":
			kinds[i] = cueMust
		case "pref":
			kinds[i] = cuePreferred
		case "soft":
			kinds[i] = cueSoft
		case "describes":
			kinds[i] = cueDescribes
		case "knows":
			kinds[i] = cueKnows
		}
	}
	return kinds
}()

// findCues returns the cue phrases of lower, a lowercased statement.
func findCues(lower string) []cue {
	var out []cue
	for _, m := range cuePattern.FindAllStringSubmatchIndex(lower, -1) {
		if numberPlus(lower, m[0], m[1]) {
			continue // "two-plus years", "5 plus years": a number, not "a plus"
		}
		for g := 1; g < len(cueKinds); g++ {
			if m[2*g] >= 0 {
				out = append(out, cue{kind: cueKinds[g], start: m[0], end: m[1]})
				break
			}
		}
	}
	return out
}

// numberPlus reports whether lower[from:to] is the "plus" of a number of
// years: "two-plus years", "5 plus years".
func numberPlus(lower string, from, to int) bool {
	return lower[from:to] == "plus" && numberBefore.MatchString(lower[max(0, from-10):from]) && yearsAfterPlus.MatchString(lower[to:])
}

var (
	numberBefore   = regexp.MustCompile(`\b(?:` + numberWord + `)[\s-]$`)
	yearsAfterPlus = regexp.MustCompile(`^\s*(?:years?|yrs?)\b`)
)

// clauseBreak ends a clause: the cues of one clause do not bear on the
// skills of the next ("Python is required, but Go is a plus"; "We write
// Rust and we don't write much else": "and" before a new subject).
var clauseBreak = regexp.MustCompile(`;|, (?:and|but|as|while|whereas|although|though|so|which|since|because|plus)\b|` +
	` (?:but|since|because|whereas|while|although) |\. | and (?:we|you|they|our)\b`)

// ownObject, after a negation, is the thing it negates: "don't need a
// framework".
var ownObject = regexp.MustCompile(`^\s+(?:a|an|the|any|another)\s`)

// choiceAfter, after the team's "we use", names one of the alternatives
// before it: "we use the former", "we use one of them".
var choiceAfter = regexp.MustCompile(`^\s+(?:the former|the latter|the first|the second|one of (?:them|those|the two)|both)\b`)

// scopeCue returns the cue that decides the strength of the skills at
// [from, to) of lower: the cues of its clause between the previous list of
// skills (prev) and the next one (next). A negation wins, unless a
// preference stands with it ("nice but not necessary"); then a preference
// ("familiarity with", "is a plus"), unless the clause only describes the
// team's tools ("we use"); then an obligation, a strong cue, a soft one.
// With no cue in its scope, the statement's own cues decide, if they are
// all requirements: "Go and Rust; you must know both".
//
// cues must be in the order [findCues] returns them; fallback is
// [statementCue] of the same cues. The cost is that of the clause, not of
// the statement, so a long statement of many lists stays linear.
func scopeCue(lower string, cues []cue, fallback cue, prev, from, to, next int) cue {
	lo, hi := clause(lower, prev, from, to, next)
	var best, neg cue
	first := sort.Search(len(cues), func(i int) bool { return cues[i].start >= lo })
	for first > 0 && cues[first-1].kind == cueDescribes && cues[first-1].end > lo && cues[first-1].end <= from {
		first-- // "our iOS app is written in Swift": the description spans the list before
	}
	for _, c := range cues[first:] {
		if c.start >= hi {
			break
		}
		if c.start < to && c.end > from {
			switch {
			case c.kind == cueNegated && c.start <= from && c.end >= to:
				neg = c // "no Kubernetes experience needed"
			case c.kind == cueDescribes && c.start <= from && c.end >= to:
				best = c // "our iOS app is written in …"
			}
			continue
		}
		if c.end > hi {
			continue
		}
		if c.start >= to && hi == next && next < len(lower) && leadingCue.MatchString(lower[c.start:c.end]) {
			continue // "Elixir, ideally with Phoenix": the wish is for the next list
		}
		if c.start >= to && hi == len(lower) && leadingCue.MatchString(lower[c.start:c.end]) && qualifierAfter.MatchString(lower[c.end:hi]) {
			continue // "AWS, ideally with a certification": the wish is for what the cue leads to
		}
		if c.start >= to && strings.HasPrefix(lower[c.start:], "if ") {
			continue // "You must know Go if you apply": a condition bears on what follows it
		}
		if c.end <= from && strings.Contains(lower[c.start:c.end], "if ") && strings.ContainsRune(lower[c.end:from], ',') {
			continue // "If you apply, you must know Go": the condition ended before the list
		}
		if c.start >= to && bothAfter.MatchString(lower[c.start:]) {
			continue // "Python or R, ideally both": a wish beyond the alternatives, not a hedge of them
		}
		if open, end := bracketAround(lower, c.start); open >= 0 && (from < open || to > end) {
			continue // an aside in brackets the list is not in: "(Snakemake is fine if that is what you know)", "(we use Room)"
		}
		if c.kind == cueDescribes && c.start >= to && choiceAfter.MatchString(lower[c.end:]) {
			continue // "REST or GraphQL: we use the former": the team's choice among what is asked
		}
		if c.kind == cueDescribes && ofTheKind.MatchString(lower[max(0, c.start-60):c.start]) {
			continue // "at least two of the languages we use: …" names the set to choose from
		}
		if c.kind == cueNegated && c.start >= to && strings.HasPrefix(lower[c.start:], "without ") {
			continue // "write JavaScript without reaching for jQuery": what follows "without" is negated
		}
		if c.kind == cueNegated && c.start >= to && ownObject.MatchString(lower[c.end:]) {
			continue // "at home in plain CSS and don't need a framework": the negation has its own object
		}
		if c.kind == cueNegated {
			neg = c
			continue
		}
		if cueRank(c.kind) > cueRank(best.kind) {
			best = c
		}
	}
	if open, end := bracketAround(lower, from); open >= 0 && to <= end {
		// A list in brackets takes a wish of its own bracket first:
		// "Comfortable with infrastructure as code (Terraform preferred)";
		// but "(PyTorch or TensorFlow; we use both)" describes.
		for _, c := range cues {
			if c.start > open && c.end <= end && (c.start >= to || c.end <= from) && c.kind == cuePreferred {
				return c
			}
		}
	}
	if neg.kind != cueNone && (best.kind != cuePreferred || knowingCue.MatchString(lower[best.start:best.end])) {
		return neg // "knowledge of Kafka isn't expected"; but "nice but not necessary"
	}
	if best.kind != cueNone {
		return best
	}
	return fallback
}

// qualifierAfter is what a leading wish after the last list of a
// statement leads to when it is no skill: "ideally with a certification".
var qualifierAfter = regexp.MustCompile(`^\s*(?:with|in|on|including)\s+\w`)

// bracketAround returns the bounds of the innermost brackets of lower
// around pos, or -1, -1: where "(" opens before pos and ")" closes after.
// An aside longer than bracketReach either way is taken for none, which
// keeps the cost of a long line linear.
func bracketAround(lower string, pos int) (open, end int) {
	depth := 0
	for i := pos - 1; i >= max(0, pos-bracketReach); i-- {
		switch lower[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				if j := strings.IndexByte(lower[pos:min(len(lower), pos+bracketReach)], ')'); j >= 0 {
					return i, pos + j
				}
				return -1, -1
			}
			depth--
		}
	}
	return -1, -1
}

const bracketReach = 200

var (
	bothAfter = regexp.MustCompile(`^(?:ideally|preferably|even better|better still),? (?:both|all(?: of them)?|all three)\b`)
	ofTheKind = regexp.MustCompile(`\b(?:one|two|three|four|any|some|all|each|most|\d) of (?:the|our) [\w-]+(?: [\w-]+)? $`)
)

// conditionalWish returns the wish that opens a statement's lists, "It
// would be a bonus if you have run Kafka, if you have traced requests with
// OpenTelemetry, or …": a preference followed by "if" before the first
// list bears on every list up to the next clause break, whatever their own
// cues ("you have") say. It returns no cue if there is none.
func conditionalWish(lower string, cues []cue, chs []chain) cue {
	if len(chs) == 0 {
		return cue{}
	}
	for _, c := range cues {
		if c.start >= chs[0].from {
			break
		}
		if c.kind == cuePreferred && strings.HasPrefix(lower[c.end:], " if ") {
			return c
		}
	}
	return cue{}
}

// clause returns the bounds of the clause of the list at [from, to) of
// lower, between the previous list (ending at prev) and the next one
// (starting at next).
func clause(lower string, prev, from, to, next int) (lo, hi int) {
	lo, hi = prev, next
	for _, m := range clauseBreak.FindAllStringIndex(lower[prev:from], -1) {
		lo = prev + m[1]
	}
	if m := clauseBreak.FindStringIndex(lower[to:next]); m != nil {
		hi = to + m[0]
	}
	return lo, hi
}

// knowingCue matches the preferences that say what is known, not that it
// is wished for: a negation beside them wins ("Familiarity with Kafka is
// not needed").
var knowingCue = regexp.MustCompile(`^(?:familiar\w*|(?:some )?exposure|interest in|some (?:knowledge|experience|familiarity))$`)

// leadingCue matches the preference and description cues that stand
// before the skills they bear on ("ideally with", "familiarity with", "we
// use"), unlike those after them ("is a plus").
var leadingCue = regexp.MustCompile(`^(?:ideally|preferabl[ey]|familiar\w*|knowledge of|understanding of|awareness of|` +
	`(?:some )?exposure|interest in|some (?:knowledge|experience|familiarity)|we (?:currently |mostly |mainly )?(?:use|run|deploy|build|host|write)|` +
	`we(?:'re| are) (?:currently |mostly |mainly |all )?(?:on|using|running|hosted on|built on))$`)

// statementCue is the cue a whole statement gives the lists in it that
// have none of their own: its strongest, if all its cues ask for
// something ("Go and Rust; you must know both").
func statementCue(lower string, cues []cue) cue {
	var best cue
	for _, c := range cues {
		if c.kind == cueNegated && strings.HasPrefix(lower[c.start:], "without ") {
			continue // "… modern CSS without reaching for a framework" negates only what follows it
		}
		if c.kind == cuePreferred || c.kind == cueNegated || c.kind == cueDescribes {
			return cue{}
		}
		if cueRank(c.kind) > cueRank(best.kind) {
			best = c
		}
	}
	return best
}

// cueRank orders the kinds of cue when several bear on one list.
func cueRank(k cueKind) int {
	switch k {
	case cueKnows:
		return 1
	case cueSoft:
		return 2
	case cueStrong:
		return 3
	case cueMust:
		return 4
	case cuePreferred:
		return 5
	case cueDescribes:
		return 6
	}
	return 0
}

// strength is how much a posting asks for a skill.
type strength int

const (
	dropped   strength = iota // named only to say it is not needed
	preferred                 // a bonus
	required                  // a requirement (alone, or as one of a group)
)

// decide combines a skill's cue with the section it sits in. A section
// that describes the job (responsibilities, about us, benefits) names the
// job's tools, not its requirements, whatever its cues say; under a
// preferences heading everything is a preference but an obligation ("you
// should have"); under a requirements heading everything is a requirement
// but what its cue calls a preference; elsewhere the cue decides, and a
// skill merely named is a preference.
//
// bySection reports whether the section decided: the statement has no cue,
// or one the section overrules.
func decide(c cueKind, sec section) (str strength, bySection bool) {
	own := preferred
	switch c {
	case cueNegated:
		return dropped, false
	case cueDescribes:
		return preferred, false
	case cueMust, cueStrong, cueSoft:
		own = required
	}
	str = own
	switch sec {
	case sectionExcluded:
		if c == cuePreferred {
			return preferred, false // "What does not matter: …, although Figma is welcome"
		}
		return dropped, true
	case sectionDuties, sectionAbout:
		str = preferred
	case sectionPreferences:
		if c != cueMust {
			str = preferred
		}
	case sectionRequirements:
		if c != cuePreferred {
			str = required
		}
	}
	return str, c == cueNone || str != own
}

// hedge marks a statement of years or of a degree as a wish, not a
// requirement.
var hedge = regexp.MustCompile(`\b(?:ideally|preferabl[ey]|preferred|around|roughly|approximately|about|a plus|desirable|` +
	`nice|advantage\w*|bonus|beneficial|welcome|an asset|typically|usually|matters? less|not (?:required|essential|necessary|` +
	`mandatory|a must|needed)|helpful|optional|or equivalent|equivalent (?:practical |work |professional )?experience|` +
	`not necessarily|can help|would help|or similar experience|or so|probably|we think|(?:highly |well )?regarded)\b`)
