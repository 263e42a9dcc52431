package rules

import (
	"regexp"
	"slices"
	"strings"
)

// chain is a list of skills in a statement: hits separated only by list
// words ("Java, PHP, Python, or Ruby"; "Splunk or the ELK Stack").
type chain struct {
	hits         []hit
	from, to     int  // byte offsets of the list in the statement
	alternatives bool // any one will do: joined by "or", or given as examples
	min          int  // "at least two of": how many of the alternatives
	// example: one skill given as an example of a kind ("API testing
	// (e.g. Postman)", "a tool such as JMeter"): the kind is asked for,
	// the skill only wished for.
	example bool
	// standIn: its clause offers it in place of what the posting asks for
	// ("Pulumi … is just as welcome", "Playwright counts the same").
	standIn bool
	// open: alternatives whose minimum names we do not know can meet
	// ("at least two of: Airflow, dbt, Dagster, Luigi"): only wished for.
	open bool
	// kind: it names the kind of the alternatives right after it ("a
	// NoSQL store like MongoDB or Cassandra"), which are what is asked for.
	kind bool
}

// listGap holds the words that may stand between two skills of one list.
// A closing bracket ends a list: "(XGBoost or LightGBM) and deep learning"
// is two.
var listGap = map[string]bool{",": true, "/": true, "|": true, "and": true, "or": true, "&": true, "(": true,
	"the": true, "a": true, "an": true, "either": true, "both": true, "as": true, "well": true, "nor": true}

// bracketWish, inside a bracket, wishes for what the bracket names, or
// puts it aside ("(CloudFormation alone isn't enough)").
var bracketWish = regexp.MustCompile(`\b(?:preferred|preferably|ideally|a plus|nice to have|a bonus|welcome|not needed|not required|isn't enough|is not enough)\b`)

// repeatedPreposition may follow "or" or "and" in a list, repeating the
// one before its first skill: "in Python or in R".
var repeatedPreposition = map[string]bool{"in": true, "with": true, "on": true, "using": true}

var (
	// orAnother joins "PostgreSQL or another relational database such as
	// MySQL" into one list of alternatives.
	orAnother = regexp.MustCompile(`^,? ?or (?:another|other|any other|a similar|similar|an equivalent|equivalent)\b[\w\s-]{0,40}?\b(?:such as|like|e\.g\.?|for example|including)$`)
	// orAtLeast offers a lesser alternative: "Kubernetes, or at the very
	// least Docker", "Kafka or, failing that, RabbitMQ".
	orAtLeast = regexp.MustCompile(`^,? ?or,? (?:at (?:the )?(?:very )?least|at a minimum|failing that|alternatively|otherwise)` +
		`(?:,? (?:in|with|on|some|a|basic))*,?$`)
	// preferredAmong names the preferred one of alternatives: "AWS
	// preferred, Azure or GCP acceptable"; acceptedAfter must follow.
	preferredAmong = regexp.MustCompile(`^\(?(?:preferred|preferably|ideally|by preference|for preference|first choice)\)?\s*[,;]?\s*(?:but|though|or)?$`)
	acceptedAfter  = regexp.MustCompile(`^[^.;]{0,60}?\b(?:or|acceptable|fine|will do|ok|okay|works?|welcome|considered|good)\b`)
)

var (
	examplesBefore = regexp.MustCompile(`(?:such as|like|e\.g\.?|eg|including|for example|for instance|i\.e\.?|namely|(?:one|any|either|two|three|some|several) (?:of|between|among)(?: the following)?|either|at least (?:one|two|three|\d)(?: of)?|(?:two|three|\d) or more(?: of)?|(?:at least|a minimum of) (?:one|two|three|\d) of (?:the |our |these )?[\w-]+(?: [\w-]+){0,3}:)[\s:(,]*$`)
	examplesAfter  = regexp.MustCompile(`^[\s,]*\(?(?:either|any|whichever|one) (?:is|of them is|will do|works)|^[\s,]*(?:[\w.+#-]+ )?or (?:similar|equivalent|comparable|another|other)\b|^[\s,]*(?:among others|or the like)`)
	// exampleBefore and exampleAfter make a lone skill an example of a
	// kind: "a tool such as JMeter", "Postman or similar".
	exampleBefore = regexp.MustCompile(`(?:such as|like|e\.g\.?|eg|for example|for instance)[\s:(,]*$`)
	exampleAfter  = regexp.MustCompile(`^[\s,]*or (?:similar|equivalent|comparable)\b|^[\s,]*(?:among others|or the like)`)
	minimumOf     = regexp.MustCompile(`\b(?:at least|minimum of) (two|three|2|3)\b[^.;]*$|\b(two|three|2|3) or more\b[^.;]*$`)
)

// gapKind is what joins a skill to the one before it in a list.
type gapKind int

const (
	gapList gapKind = iota // a comma or a slash-less list word
	gapOr                  // "or", "/", "nor", "or at least", "preferred, … or"
	gapAnd                 // "and" without "or"
)

// chains splits the hits of a statement into lists. A list of
// alternatives with an "and" in it ("Java or Kotlin, and Spring") is
// several: the alternatives, and each skill joined by "and".
func chains(toks *tokens, hits []hit) []chain {
	lower := toks.low
	var out []chain
	for i := 0; i < len(hits); {
		j := i + 1
		gaps := []gapKind{gapList} // gaps[k]: between hits[i+k-1] and hits[i+k]
		unknowns := []int{0}       // unknowns[k]: names we do not know in gaps[k]
		for j < len(hits) {
			gapFrom, gapTo := int(toks.t[hits[j-1].last].end), int(toks.t[hits[j].first].start)
			gap := strings.TrimSpace(lower[gapFrom:gapTo])
			if orAnother.MatchString(gap) || orAtLeast.MatchString(gap) ||
				(preferredAmong.MatchString(gap) && acceptedAfter.MatchString(lower[gapTo:])) {
				gaps, unknowns = append(gaps, gapOr), append(unknowns, 0)
				j++
				continue
			}
			if hits[j].first-hits[j-1].last > 8 {
				break
			}
			if gap == ", and" && standInCue.MatchString(yearsTail(lower[toks.t[hits[j].last].end:])) {
				break // "we use Perforce, and Git experience counts": the stand-in is a clause of its own
			}
			if open, end := bracketAround(lower, gapTo); gap == "(" && j == i+1 && open >= 0 && strings.Contains(lower[gapTo:end], " or ") {
				break // "Linux (Ubuntu or Red Hat)": the kind, then its alternatives
			}
			if open, end := bracketAround(lower, gapTo); gap == "(" && open >= 0 && bracketWish.MatchString(lower[gapTo:end]) {
				break // "infrastructure as code (Terraform preferred)": a wish of its own
			}
			ok, kind, adverbs, unknown := true, gapList, 0, 0
			for k := hits[j-1].last + 1; k < hits[j].first; k++ {
				w := toks.key(k)
				if versionTokens(toks, k) {
					continue // "Java (17+) or Kotlin"
				}
				if !listGap[w] && strings.HasSuffix(w, "ly") && len(w) > 4 && adverbs == 0 {
					adverbs++ // "SQLite directly, or Realm"
					continue
				}
				if !listGap[w] && unknown == 0 && k > hits[j-1].last+1 && (toks.key(k-1) == "," || toks.key(k-1) == "/") {
					if end := unknownName(toks, k, hits[j].first); end > k {
						// "GitHub Actions, Bitrise or Jenkins", "Kafka, IBM MQ or
						// RabbitMQ": a name we do not know, among the others
						unknown++
						k = end - 1
						continue
					}
				}
				if repeatedPreposition[w] && k > hits[j-1].last+1 && (toks.key(k-1) == "or" || toks.key(k-1) == "and") {
					continue // "in Python or in R"
				}
				if !listGap[w] {
					ok = false
					break
				}
				switch {
				case w == "or" || w == "/" || w == "nor":
					kind = gapOr
				case w == "and" && kind == gapList:
					kind = gapAnd
				}
			}
			if !ok || (adverbs > 0 && kind != gapOr) {
				break
			}
			gaps, unknowns = append(gaps, kind), append(unknowns, unknown)
			j++
		}
		before := lower[max(0, int(toks.t[hits[i].first].start)-60):int(toks.t[hits[i].first].start)]
		split := slices.Contains(gaps, gapOr) && slices.Contains(gaps, gapAnd) && !examplesBefore.MatchString(before)
		for a := i; a < j; {
			b := a + 1
			for b < j && !(split && gaps[b-i] == gapAnd) {
				b++
			}
			unknown := 0
			for _, n := range unknowns[a-i+1 : b-i] {
				unknown += n
			}
			out = append(out, newChain(toks, hits[a:b], slices.Contains(gaps[a-i+1:b-i], gapOr), unknown))
			a = b
		}
		i = j
	}
	return out
}

// kindIntro joins a kind to the alternatives it introduces: "a cloud data
// warehouse such as …", "a NoSQL store like …", "CI/CD tooling (…)".
var kindIntro = regexp.MustCompile(`^,?\s*(?:[a-z][\w-]*\s+){0,2}?(?:such as|like|e\.g\.?|for example|for instance|\(|:)[\s,:(]*$`)

// markKinds marks each lone skill that names the kind of the alternatives
// after it ("a cloud data warehouse such as Snowflake, BigQuery or
// Redshift"): the alternatives ask for the kind, so it is no requirement
// of its own. A language before other things ("Java frameworks such as
// Spring or Quarkus") is not their kind: it is asked for too.
func (d *deriver) markKinds(lower string, chs []chain) {
	for i := 0; i+1 < len(chs); i++ {
		c, alts := chs[i], chs[i+1]
		if len(c.hits) != 1 || c.alternatives || !alts.alternatives || !kindIntro.MatchString(lower[c.to:alts.from]) {
			continue
		}
		if workCategory(d.t.skills[c.hits[0].skill].Category) {
			chs[i].kind = true
		}
	}
}

// unknownName returns where a name we do not know, starting at token k
// of toks and ending before limit, ends: one word, or up to three in
// capitals ("IBM MQ", "Azure Service Bus"), followed by a list's comma,
// slash or "or". It returns k if there is none.
func unknownName(toks *tokens, k, limit int) int {
	for end := k + 1; end < limit && end <= k+3; end++ {
		if w := toks.key(end); w == "," || w == "/" || w == "or" {
			return end
		}
		if !capitalAt(toks, end) {
			return k
		}
	}
	return k
}

// versionTokens reports whether token k of toks belongs to a version in
// brackets ("(17+)", "(3.x)") after a skill.
func versionTokens(toks *tokens, k int) bool {
	lo := int(toks.t[k].start)
	if toks.low[lo] == '(' {
		lo++ // the bracket's own token
	}
	open, end := bracketAround(toks.low, lo)
	return open >= 0 && bracketVersion.MatchString(toks.low[open:end+1])
}

var bracketVersion = regexp.MustCompile(`^\(\s*v?\d{1,2}(?:\.[\dx]+)*\s*\+?\s*\)$`)

// newChain makes a list of hits, alternatives if disjunctive or given as
// examples. Of "at least two of" a list with unknown names among its
// alternatives (unknown of them inside it, and any after it), each name we
// cannot see lowers the minimum: a candidate may have the ones we do not
// know. With none left to ask for, the alternatives are only wished for.
func newChain(toks *tokens, hits []hit, disjunctive bool, unknown int) chain {
	lower := toks.low
	c := chain{hits: hits, from: int(toks.t[hits[0].first].start), to: int(toks.t[hits[len(hits)-1].last].end)}
	before := lower[max(0, c.from-60):c.from]
	after := lower[c.to:min(len(lower), c.to+40)]
	c.alternatives = len(c.hits) > 1 && (disjunctive || examplesBefore.MatchString(before) || examplesAfter.MatchString(after))
	c.example = len(c.hits) == 1 && (exampleBefore.MatchString(before) || exampleAfter.MatchString(after))
	if c.alternatives {
		c.min = 1
		if m := minimumOf.FindStringSubmatch(before); m != nil {
			switch m[1] + m[2] {
			case "two", "2":
				c.min = 2
			case "three", "3":
				c.min = 3
			}
		}
		if c.min > 1 {
			c.min -= unknown + trailingNames(toks, hits[len(hits)-1].last+1)
			c.open = c.min < 1 // "at least two of: Airflow, dbt, Dagster, Luigi"
			c.min = max(c.min, 1)
		}
	}
	return c
}

// trailingNames counts the names we do not know that go on a list after
// its last skill, from token k: ", Dagster, Luigi", "or Prefect". A name
// starts with a capital and has up to three words.
func trailingNames(toks *tokens, k int) int {
	n := 0
	for k < toks.len() {
		sep := false
		for ; k < toks.len() && listSep[toks.key(k)]; k++ {
			sep = true
		}
		if !sep || k >= toks.len() || !capitalAt(toks, k) {
			return n
		}
		n++
		for end := k + 3; k < end && k < toks.len() && capitalAt(toks, k); k++ {
		}
	}
	return n
}

var listSep = map[string]bool{",": true, "/": true, "or": true, "and": true}

func capitalAt(toks *tokens, k int) bool { return capitalised(toks.src[toks.t[k].start:toks.t[k].end]) }

// derivedGroup is a one-of group being built.
type derivedGroup struct {
	category string
	skills   []string
	min      int
	weak     bool // alternatives stated as a preference: they join a required group or stay preferences
	// stand-ins: offered in place of what is asked ("if your language so
	// far has been Erlang or Haskell"), they join the one required skill
	// of their category
	standIns bool
	reason   Reason
	why      map[string]Reason // each skill's own statement, for those that end up preferences
	item     int               // the paragraph, list item or table row it was named in
}

// standInCue offers a list of skills in place of what the posting asks for.
var standInCue = regexp.MustCompile(`\b(?:instead|in place of|coming from|come from|(?:make|making) the switch|` +
	`switch(?:ing)? (?:from|over)|so far (?:has|have) been|(?:also|equally) (?:be )?(?:fine|good|welcome|counts?|works?|acceptable|relevant|useful|valuable|ok|okay)|` +
	`(?:count|counts|will do) (?:too|as well|the same)|(?:experience|knowledge|background) (?:also |too )?counts\b|(?:is|are) (?:fine|ok|okay|welcome|good) (?:too|as well)|(?:just |equally )?as (?:welcome|good|valuable|useful|relevant)|transfer(?:s|able)?|carr(?:y|ies) over)\b`)

// joinStandIns makes each weak group of stand-ins, with the one skill of
// its category required on its own, a required group: "You have written
// Elixir in production … If your functional language so far has been
// Erlang, Clojure or Haskell, we are happy to help you make the switch."
// With no such skill, or several, the stand-ins stay preferences.
func (d *deriver) joinStandIns() {
	for _, g := range d.groups {
		if !g.standIns {
			continue
		}
		// The kinds of skill it stands in for: its own, or each of its
		// skills' ("Pulumi or CloudFormation would also be fine").
		kinds := map[string]bool{g.category: true}
		if g.category == "" {
			for _, s := range g.skills {
				if sk, ok := d.t.Lookup(s); ok {
					kinds[sk.Category] = true
				}
			}
		}
		// The one skill of its category named in the same statement or
		// list item, or else the one required: offering a stand-in for it
		// asks for it.
		var inStatement, inItem, req []string
		for k, m := range []map[string]Reason{d.required, d.preferred} {
			for name := range m {
				if sk, ok := d.t.Lookup(name); !ok || !kinds[sk.Category] || contains(g.skills, name) {
					continue
				}
				if slices.Contains(d.mentions[name], g.reason.Statement) {
					inStatement = append(inStatement, name)
				} else if slices.Contains(d.itemsOf[name], g.item) {
					inItem = append(inItem, name)
				}
				if k == 0 {
					req = append(req, name)
				}
			}
		}
		var only string
		var why Reason
		if len(inStatement) > 1 {
			inStatement = nearestBefore(g.reason.Statement, inStatement, g.skills[0])
		}
		switch {
		case len(inStatement) == 1:
			only, why = inStatement[0], g.reason // the statement that names both
		case len(inStatement) == 0 && len(inItem) == 1:
			only, why = inItem[0], g.reason
		case len(req) == 1:
			only, why = req[0], d.required[req[0]]
		default:
			continue
		}
		delete(d.required, only)
		delete(d.preferred, only)
		g.why[only] = why
		g.skills = append([]string{only}, g.skills...)
		g.weak, g.reason = false, why
	}
}

// nearestBefore returns, of the skills names written in statement, the
// one written right before the stand-in first ("Infrastructure as code
// with Terraform (Pulumi or CloudFormation would also be fine)":
// Terraform), or names itself if there is none.
func nearestBefore(statement string, names []string, first string) []string {
	lower := strings.ToLower(statement)
	end := strings.LastIndex(lower, strings.ToLower(first)) // the stand-in's own mention
	if end < 0 {
		return names
	}
	best, at := "", -1
	for _, n := range names {
		if i := strings.LastIndex(lower[:end], strings.ToLower(n)); i > at {
			best, at = n, i
		}
	}
	if at < 0 || strings.Trim(lower[at+len(best):end], " ,(") != "" {
		return names // only right before them: "Terraform (Pulumi or …"
	}
	return []string{best}
}

// mergeGroups merges groups of one category that share a skill, until
// none do: "MySQL or MongoDB" and "MySQL, Oracle or PostgreSQL" are one
// group of databases. A weak group merges into a required one, never the
// reverse; the merged group keeps the first one's place, and the larger
// minimum.
func mergeGroups(groups []*derivedGroup) []*derivedGroup {
	for changed := true; changed; {
		changed = false
	outer:
		for i, a := range groups {
			for j, b := range groups {
				if i == j || a.category != b.category || !overlaps(a.skills, b.skills) {
					continue
				}
				if (a.weak && !b.weak) || (a.weak == b.weak && j < i) {
					continue
				}
				for _, s := range b.skills {
					if !contains(a.skills, s) {
						a.skills = append(a.skills, s)
						a.why[s] = b.why[s]
					}
				}
				a.min = max(a.min, b.min)
				groups = append(groups[:j], groups[j+1:]...)
				changed = true
				break outer
			}
		}
	}
	return groups
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
