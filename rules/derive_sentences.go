package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// section is the kind of part of a posting a statement sits in, which
// bounds the strength of what it names.
type section int

const (
	sectionNone         section = iota // before any heading, or under one that says nothing of strength
	sectionRequirements                // "Requirements", "What you'll need", "Must-haves", "Your profile"
	sectionPreferences                 // "Nice to have", "Bonus", "Desirable"
	sectionDuties                      // "Responsibilities", "What you'll do": they describe the job
	sectionAbout                       // "About us", "Benefits", "Salary", questions and answers
	sectionElsewhere                   // "Similar jobs", "Share this job": a job board's page around the posting, not the posting
	sectionExcluded                    // "What you won't need": what it names is not asked for
)

func (s section) String() string {
	return [...]string{"", "requirements", "preferences", "responsibilities", "about the job", "not the posting", "not needed"}[s]
}

// statement is a sentence of a posting, or a cell of one of its tables,
// with where it stands.
type statement struct {
	text    string
	heading string  // the heading it sits under, as written
	section section // the kind of that heading
	// label is set by a label at the start of its line ("Must: Go",
	// "Nice to have: Rust") or by a table cell of its row ("Required",
	// "yes" under a "Required" column); it overrides section.
	label     section
	labelText string
	rowYears  string // a table row's years cell ("4+") for the row's skills
	// dropRow: a cell of its table row says it is not needed ("React |
	// not needed, even though …").
	dropRow bool
	// item numbers the paragraph, list item or table row it is a sentence
	// of: "Message queues. We use RabbitMQ; Kafka or NATS instead works
	// too" is one item of three sentences.
	item int
}

// where returns the section that bounds the statement and the words that
// set it.
func (st *statement) where() (section, string) {
	if st.label != sectionNone {
		return st.label, st.labelText
	}
	return st.section, st.heading
}

// line is one unit of a posting before it is split into sentences: a
// paragraph, a list item or a table row.
type line struct {
	text    string
	bullet  bool     // a list item
	heading bool     // a Markdown heading ("## Requirements")
	cells   []string // a table row's cells
	// lastWidth is the length of the last line joined into this one: a
	// line that ran to the full width of the page continues on the next.
	lastWidth int
	tail      string // the last line joined into this one
	joined    bool   // more than one line
	pipe      bool   // a "|" in some line joined
	// afterBlank: a blank line stands before it, which ends a paragraph
	// whatever the words either side of it; so does a row of cells a
	// parser wrote (see [cellsOf]), which is never a wrapped line's end.
	afterBlank bool
	indent     int // of a list item: the columns before its bullet
}

// statements reconstructs the sentences of a posting from text that may
// come from a PDF (lines wrapped at the page's width, list bullets lost),
// a Word file or HTML (one paragraph per line), or plain text and Markdown
// (bullets, "#" headings, "|" tables, "**bold**"). Wrapped lines are
// joined; list items and table rows stay units of their own; headings set
// the section of what follows them.
//
// namesSkill reports whether a line names a known technology, which a
// heading never does; mayName whether a word is written as a technology's
// name may be ("dbt", "gRPC"), whatever the words around it.
func statements(text string, namesSkill, mayName func(string) bool, joins func(a, b string) bool) []statement {
	lines := joinWrapped(readLines(text), mayName, joins)
	var out []statement
	heading, sec := "", sectionNone
	var header []string // the header row of the current table
	matrix := false     // under a heading such as "Technology Required Years"
	headingLine := -1   // the line of the last heading
	// parents are the list items that the current one is nested in, with
	// the kind of section each names ("Bonus, not required"), if any.
	type parent struct {
		indent int
		sec    section
		text   string
	}
	var parents []parent
	for i, ln := range lines {
		for len(parents) > 0 && (!ln.bullet || parents[len(parents)-1].indent >= ln.indent) {
			parents = parents[:len(parents)-1]
		}
		if ln.bullet && i+1 < len(lines) && lines[i+1].bullet && lines[i+1].indent > ln.indent {
			p := parent{indent: ln.indent, text: strings.TrimRight(ln.text, ": ")}
			if s, ok := classifyHeading(p.text); ok && !namesSkill(ln.text) {
				p.sec = s
			} else if len(parents) > 0 {
				p.sec, p.text = parents[len(parents)-1].sec, parents[len(parents)-1].text
			}
			parents = append(parents, p)
		}
		if ln.cells != nil {
			if header == nil || (i > 0 && lines[i-1].cells == nil) {
				header = nil
				if i+1 < len(lines) && lines[i+1].cells != nil && isSeparatorRow(lines[i+1].text) {
					header = ln.cells
					continue
				}
				if first := i == 0 || lines[i-1].cells == nil; first && i+1 < len(lines) && isHeaderRow(ln, lines[i+1], namesSkill) {
					header = ln.cells
					if len(lines[i+1].cells) == len(header)+1 {
						// The rows have one cell more: the header's first,
						// over the rows' names, was empty ("\tMinimum\tIdeal").
						header = append([]string{""}, header...)
					}
					continue
				}
			}
			if isSeparatorRow(ln.text) {
				continue
			}
			out = append(out, tableRow(ln.cells, header, heading, sec, i)...)
			continue
		}
		header = nil
		if m := matrixRow.FindStringSubmatch(ln.text); matrix && m != nil {
			// A row of a table whose cells the parser joined with spaces:
			// "Vue.js yes 4+" under "Technology Required Years".
			out = append(out, tableRow([]string{m[1], m[3], m[2] + m[4]}, []string{"skill", "required", "years"}, heading, sec, i)...)
			continue
		}
		matrix = false
		_, after, labelled := strings.Cut(ln.text, ":")
		labelled = labelled && strings.TrimSpace(after) != "" // "Nice to have: a master's degree", a label and its statement
		if s, ok := listLabel(ln, lines[i+1:], namesSkill); ok {
			heading, sec, headingLine = strings.TrimRight(ln.text, ": "), s, i
			continue
		}
		if s, ok := headingSection(ln); ok && (ln.heading || !namesSkill(ln.text) && !labelled) && !itemOfWishes(ln, s, sec) {
			heading, sec, headingLine = strings.TrimRight(ln.text, ": "), s, i
			matrix = len(strings.Fields(ln.text)) > 1 && saysMust(ln.text)
			continue
		}
		if unknownHeading(ln, lines[i+1:], namesSkill) && !(i > 0 && headingLine == i-1 && strings.HasSuffix(ln.text, "?")) {
			// (A question right under a heading is the heading's: "Requirements" / "Why does this matter?")
			// "Which tools will I use?", "Our quarterly rhythm:": a heading
			// in none of our words ends the section before it.
			heading, sec = strings.TrimRight(ln.text, ": "), sectionNone
			continue
		}
		st := statement{heading: heading, section: sec, item: i}
		for k := len(parents) - 1; k >= 0; k-- {
			if parents[k].sec != sectionNone && parents[k].indent < ln.indent {
				st.label, st.labelText = parents[k].sec, parents[k].text // "- Bonus, not required" / "  - Lua"
				break
			}
		}
		body := ln.text
		if key, rest, ok := strings.Cut(ln.text, ":"); ok && len(strings.Fields(key)) <= 8 && !namesSkill(key) {
			// (A key that names skills is the item's first clause: "you've
			// designed APIs, REST or GraphQL: we use the former"; one with an
			// article is the item's thing: "A CS degree: nobody here has one".)
			if s, ok := classifyHeading(key); ok && !(s == sectionRequirements && article.MatchString(key)) {
				st.label, st.labelText, body = s, key, rest
			}
		}
		sentences := splitSentences(body)
		for k, s := range sentences {
			sec, ok := sentenceLabel(s, namesSkill)
			if !ok && k > 0 && strings.HasSuffix(sentences[k-1], "?") {
				sec, ok = answerLabel(s, namesSkill)
			}
			if ok {
				if k > 0 && len(out) > 0 {
					// "Degree? Doesn't matter to us.": the answer labels the question.
					if q := &out[len(out)-1]; q.item == i && q.text == sentences[k-1] && strings.HasSuffix(q.text, "?") && q.label == sectionNone {
						q.label, q.labelText = sec, strings.TrimRight(s, ".!: ")
					}
				}
				st.label, st.labelText = sec, strings.TrimRight(s, ".!: ")
				continue
			}
			st.text = s
			out = append(out, st)
		}
		if len(sentences) == 0 {
			continue
		}
		if last := sentences[len(sentences)-1]; !ln.bullet && strings.HasSuffix(last, ":") && i+1 < len(lines) &&
			(lines[i+1].bullet || startsLower(lines[i+1].text) || bulletLost(lines[i+1]) && (i+2 == len(lines) || bulletLost(lines[i+2]))) {
			// "In short, they need someone who:" leads into the list below
			// (whose bullets HTML, Word or PDF may have lost).
			if s, ok := classifyHeading(strings.TrimRight(last, ": ")); ok && s != sectionElsewhere {
				heading, sec = strings.TrimRight(last, ": "), s
			}
		}
	}
	return out
}

// bulletLost reports whether a line may be a list item whose bullet HTML,
// Word or PDF lost: a few words that end no sentence ("Good Linux
// fundamentals"), or a line that is a bullet's.
func bulletLost(ln line) bool {
	return ln.bullet || len(strings.Fields(ln.text)) <= 12 && !strings.ContainsAny(ln.text[len(ln.text)-1:], ".!?;")
}

// itemOfWishes reports whether a line that reads as a heading of kind s
// is rather an item of the list under a heading of wishes, or of what is
// not needed (under): HTML, Word and PDF give list items as bare lines,
// and an item such as "PCI DSS experience" or "You've worked on checkout
// flows before" has a heading's words ("experience", "you have"). A
// posting states what it asks before what it wishes, so a line that would
// turn wishes into requirements is believed a heading only if it is one
// in all its words ("Must have", "Required experience"), is a Markdown
// heading, or stands after a blank line.
func itemOfWishes(ln line, s, under section) bool {
	if s != sectionRequirements || (under != sectionPreferences && under != sectionExcluded) || ln.heading || ln.afterBlank {
		return false
	}
	only, _ := headingWordsOnly(ln.text)
	return !only
}

// listLabel reports whether a list item heads the items after it in its
// list, as a bare line of its words would, and the kind of section it
// opens: an item that names no technology, in nothing but a heading's
// words, and words that say how strongly ("Bonus, not required", "Must
// have:", "Not needed"); requirements only in words that say a thing is
// required ([saysMust]), since "Professional qualifications" may be a
// wish. Extraction trims each line, so a nested list
// ("- Bonus, not required" over "  - Lua") comes out flat, as some
// postings write it. Generic heading words ("Degree", "Skills and
// experience") may be an item of the list.
func listLabel(ln line, rest []line, namesSkill func(string) bool) (section, bool) {
	if !ln.bullet || len(rest) == 0 || !rest[0].bullet || rest[0].afterBlank || rest[0].indent != ln.indent {
		return 0, false
	}
	bare := ln
	bare.bullet = false
	s, ok := headingSection(bare)
	if !ok || (s != sectionRequirements && s != sectionPreferences && s != sectionExcluded) {
		return 0, false
	}
	if only, strong := headingWordsOnly(ln.text); !only || !strong || namesSkill(ln.text) {
		return 0, false
	}
	if s == sectionRequirements && !saysMust(ln.text) {
		return 0, false // "Professional qualifications", an item of a list of wishes
	}
	return s, true
}

// saysMust reports whether text has a word that says a thing is required
// ("Required", "Must have", "Essential"), not only what kind of thing it
// is ("Qualifications", "Your profile").
func saysMust(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "required", "must", "essential", "mandatory", "need", "importance", "priority":
			return true
		}
	}
	return false
}

// headingOnly reports whether text is made only of a heading's words
// ("Requirements", "What you need"): "Problem-solving skills" is not.
func headingOnly(text string) bool {
	only, _ := headingWordsOnly(text)
	return only
}

// headingWordsOnly reports whether text is all words of headings (any of
// headingWords) and words that go with them ("what", "your", "technical"),
// and whether some of them are more than generic ([genericHeadingWord]).
func headingWordsOnly(text string) (only, strong bool) {
	words := strings.Fields(headingKey(text))
	for i := 0; i < len(words); {
		n, key := 0, ""
		for _, keys := range headingKeys {
			for _, k := range keys {
				if len(k.words) > n && len(k.words) <= len(words)-i && phraseAt(words[i:], k.words) {
					n, key = len(k.words), k.key
				}
			}
		}
		switch {
		case n > 0:
			i += n
			strong = strong || !genericHeadingWord[key]
		case headingFiller[words[i]]:
			i++
		default:
			return false, false
		}
	}
	return true, strong
}

// phraseAt reports whether words start with the words of a heading
// phrase, its last word perhaps in the plural ("skills", "must-haves").
func phraseAt(words, phrase []string) bool {
	for j, w := range phrase {
		plural := j == len(phrase)-1 && len(words[j]) == len(w)+1 && strings.HasPrefix(words[j], w) && strings.HasSuffix(words[j], "s")
		if words[j] != w && !plural {
			return false
		}
	}
	return true
}

// headingFiller are words that go with a heading's own words without
// naming anything a list item would: "What you will need", "Your
// technical skills", "Bonus points", and the words that say whom or what
// for ("Requirements for this role", "What you'll need on day one",
// "Minimum requirements for applicants").
var headingFiller = map[string]bool{"what": true, "who": true, "you": true, "your": true, "we": true, "our": true, "us": true,
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true, "for": true, "in": true, "on": true,
	"with": true, "will": true, "is": true, "are": true, "be": true, "do": true, "have": true, "has": true, "this": true,
	"these": true, "it": true, "also": true, "some": true, "any": true, "more": true, "other": true, "really": true,
	"should": true, "could": true, "can": true, "may": true, "points": true, "point": true, "things": true, "list": true,
	"technical": true, "tech": true, "key": true, "main": true, "general": true, "basic": true, "minimum": true,
	"relevant": true, "professional": true, "additional": true, "further": true, "hard": true, "soft": true,
	"knowledge": true, "abilities": true, "ability": true, "qualities": true, "traits": true, "attributes": true,
	"role": true, "position": true, "job": true, "opening": true, "vacancy": true, "applicants": true, "candidates": true,
	"day": true, "one": true, "success": true, "succeed": true}

// unknownHeading reports whether a line that is no heading of ours reads
// as one: a Markdown heading, a question of a few words, or a few words
// and a colon over a list.
func unknownHeading(ln line, rest []line, namesSkill func(string) bool) bool {
	t := strings.TrimSpace(ln.text)
	if ln.bullet || ln.cells != nil || len(strings.Fields(t)) > 10 || namesSkill(t) || yearsPattern.MatchString(strings.ToLower(t)) ||
		connective[strings.ToLower(strings.TrimRight(t, ": "))] {
		return false // "In addition:" goes on with the section
	}
	first, _ := utf8.DecodeRuneInString(t)
	switch {
	case ln.heading:
		return true
	case !unicode.IsUpper(first) || len(rest) == 0:
		return false
	case strings.HasSuffix(t, "?") || clauseHeading(t):
		return true
	}
	// A few words and a colon, not a sentence leading into a list ("Back
	// end developers can specialize in areas such as:").
	return strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= 6 && !strings.Contains(t, ",") && !listLead.MatchString(t) &&
		(rest[0].bullet || rest[0].cells != nil)
}

// clauseHeading reports whether t, a bare line, is a heading phrased as a
// clause that starts with a wh-word and asks no question: "What the work
// looks like", "How you'll grow", "Who you'll work with", "Where you'll
// work". Such a clause is complete though it ends in "like" or "with",
// and heads what follows as "Who are you?" does. It is two to six
// words: "What success looks like", or a wh-word, then its subject (a
// pronoun, or a noun after "the", "a", "your", …) and that subject's
// verb. It is not:
//
//   - a sentence whose subject is the wh-word or the clause: "What
//     matters most is curiosity", "What you ship matters", "What you
//     build is yours to run" (a verb such as "is" or "matters" that is not
//     the clause's own: after a pronoun, the clause's verb comes next);
//   - "How to profile a slow query", an item of a list;
//   - "When we ship", which starts a sentence as often as a heading.
//
// The caller checks that it names no technology and has no digits.
func clauseHeading(t string) bool {
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), ":"))
	if strings.ContainsAny(t, ".,;!?()0123456789") {
		return false
	}
	words := strings.Fields(strings.ToLower(curlyQuotes.Replace(t)))
	n := len(words)
	if n < 3 || n > 6 || !whHeadingWord[words[0]] {
		return false
	}
	if likeVerb[words[n-2]] && words[n-1] == "like" {
		return true // "What success looks like"
	}
	subject, isPronoun := words[1], false
	if p, _, _ := strings.Cut(subject, "'"); clausePronoun[p] {
		isPronoun = true
	} else if !clauseDeterminer[subject] {
		return false // "What matters most …", "How to …"
	}
	for i := 2; i < n; i++ {
		if !mainVerb[words[i]] || (i == 2 && isPronoun) || (i+1 < n && (words[i+1] == "like" || words[i+1] == "about")) {
			continue // "Who we are", "What the work is like"
		}
		return false // "What you build is yours", "What you ship matters"
	}
	return true
}

var (
	// curlyQuotes makes typographic apostrophes straight: "you’ll" is
	// "you'll", "O’NEILL" is "O'NEILL".
	curlyQuotes      = strings.NewReplacer("’", "'", "‘", "'")
	whHeadingWord    = map[string]bool{"what": true, "how": true, "why": true, "who": true, "where": true}
	likeVerb         = map[string]bool{"looks": true, "look": true, "feels": true, "feel": true, "is": true, "are": true}
	clausePronoun    = map[string]bool{"i": true, "you": true, "we": true, "they": true, "it": true, "he": true, "she": true}
	clauseDeterminer = map[string]bool{"the": true, "a": true, "an": true, "your": true, "our": true, "this": true, "these": true,
		"my": true, "their": true, "its": true}
	// mainVerb holds the verbs that, after a wh-clause, make it the
	// subject of a sentence.
	mainVerb = map[string]bool{"is": true, "are": true, "was": true, "were": true, "matters": true, "matter": true, "counts": true,
		"count": true, "means": true}
)

// connective labels go on with the section they are in.
var connective = map[string]bool{"in addition": true, "also": true, "plus": true, "moreover": true, "additionally": true,
	"furthermore": true, "and": true, "as well": true, "besides": true, "on top of that": true, "finally": true, "lastly": true}

var listLead = regexp.MustCompile(`(?i)\b(?:such as|like|including|e\.g\.|for example|as follows|following)\s*:$`)

// sentenceLabel reports whether a sentence that names no skill, degree or
// number labels the sentences after it in its paragraph, and as what: a
// label of a few words and a full stop ("Essentials. Go for services.
// …"), or a wish for all that follows ("Anything beyond that is a
// bonus.").
func sentenceLabel(s string, namesSkill func(string) bool) (section, bool) {
	lower := strings.ToLower(s)
	if strings.ContainsAny(s, "0123456789") || postingDegree.MatchString(lower) || len(yearsIn(lower)) > 0 || namesSkill(s) {
		return 0, false
	}
	t := strings.TrimRight(s, ".!: ")
	if first, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(first) && len(strings.Fields(t)) <= 7 && !strings.HasSuffix(s, ";") {
		// Up to four words of any kind ("Benefits."), up to seven that
		// say what follows ("Here is what we are after.").
		if sec, ok := classifyHeading(t); ok && sec != sectionElsewhere &&
			(len(strings.Fields(t)) <= 4 || (sec == sectionRequirements || sec == sectionPreferences) && announces.MatchString(lower)) {
			return sec, true
		}
	}
	if wishAhead.MatchString(lower) {
		return sectionPreferences, true
	}
	return 0, false
}

var article = regexp.MustCompile(`(?i)^\s*(?:a|an)\s`)

// answerLabel reads the answer to a question as a label, in up to seven
// words that dismiss or only wish for what was asked: "Degree? Not
// something we look at."
func answerLabel(s string, namesSkill func(string) bool) (section, bool) {
	lower := strings.ToLower(s)
	if strings.ContainsAny(s, "0123456789") || postingDegree.MatchString(lower) || len(yearsIn(lower)) > 0 || namesSkill(s) ||
		len(strings.Fields(s)) > 7 {
		return 0, false
	}
	if sec, ok := classifyHeading(strings.TrimRight(s, ".!: ")); ok && (sec == sectionExcluded || sec == sectionPreferences) {
		return sec, true
	}
	return 0, false
}

// announces says that what follows is what the posting asks or wishes for.
var announces = regexp.MustCompile(`^(?:here is|here's|this is|these are|below (?:is|are))\b|\b(?:we are|we're) (?:after|looking for)\b|` +
	`\bwhat we (?:want|need|expect|look for|are looking for|would love|hope for)\b`)

// wishAhead says that whatever comes next is a wish: "Anything beyond
// that is a bonus", "Everything else is a plus", "On top of that, these
// would be nice".
var wishAhead = regexp.MustCompile(`^(?:anything|everything|all|the rest|whatever|(?:(?:beyond|past|on top of|other than|besides|apart from) (?:that|this|these|those)))\b` +
	`[^.:]*\b(?:bonus|plus|nice|extra|welcome|optional|not (?:required|essential|a must|needed)|would help|helps|good to have)\b`)

// matrixRow is a row of a skills matrix after its cells were joined with
// spaces: a skill, "yes" or "no" (or the strength itself: "Essential",
// "Desirable"), and perhaps years, after the strength or before it ("C#
// 3+ Required", "Lua – Nice to have"); its groups are the skill, the
// years before, the strength and the years after.
var matrixRow = regexp.MustCompile(`(?i)^(.*?\S)\s+(?:(\d{1,2}\s*\+?(?:\s*years?)?)\s+|[–—-]\s+)?(yes|no|✓|✔|✗|essential|required|mandatory|must|desirable|preferred|optional|` +
	`nice to have|a plus|bonus|helpful|useful)(?:\s+(\d{1,2}\s*\+?(?:\s*years?)?))?$`)

var (
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	bulletMark = regexp.MustCompile(`^(?:[-*•·◦▪‣–—>]|\d{1,2}[.)]|[a-z][.)])\s+`)
	separator  = regexp.MustCompile(`^[\s|:\-–—=+]*$`)
)

func isSeparatorRow(s string) bool { return strings.Contains(s, "-") && separator.MatchString(s) }

// isHeaderRow reports whether a row of cells a parser wrote (a tab row,
// which has no separator row under it) is its table's header: the first of
// two or more, whose cells are labels that name no skill, no number and no
// more than five words ("Skill | Level we need | Minimum experience"),
// where a row of the table's body names what it asks for.
func isHeaderRow(ln, next line, namesSkill func(string) bool) bool {
	if !strings.Contains(ln.text, "\t") || !strings.Contains(next.text, "\t") {
		return false
	}
	for _, c := range ln.cells {
		if len(strings.Fields(c)) > 5 || strings.ContainsAny(c, "0123456789") || namesSkill(c) {
			return false
		}
	}
	return true
}

// inlineMarkup is Markdown's bold and code marks, which readLines drops.
var inlineMarkup = strings.NewReplacer("**", "", "__", "", "`", "")

// readLines splits text into lines and reads the light markup of plain
// text and Markdown: headings, bullets, bold and table rows.
func readLines(text string) []line {
	var out []line
	blank := false
	for _, raw := range strings.Split(text, "\n") {
		s := strings.TrimSpace(raw)
		s = inlineMarkup.Replace(s)
		if s == "" {
			blank = true
			continue
		}
		ln := line{afterBlank: blank}
		blank = false
		if mdHeading.MatchString(s) {
			ln.heading, s = true, mdHeading.ReplaceAllString(s, "")
		}
		if m := bulletMark.FindString(s); m != "" && len(s) > len(m) {
			ln.bullet, s = true, s[len(m):]
			ln.indent = len(strings.ReplaceAll(raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))], "\t", "    "))
		}
		ln.text = strings.TrimSpace(s)
		ln.cells = cellsOf(ln.text)
		if t := strings.Trim(inlineMarkup.Replace(raw), " "); ln.cells == nil && t != strings.Trim(t, "\t") && !ln.bullet && !ln.heading {
			// A row whose first or last cells are empty: the parsers keep
			// its edge tabs ("Git\t\t" after "CI/CD\tDocker\tSQL").
			cells := strings.Split(t, "\t")
			for k, c := range cells {
				cells[k] = strings.TrimSpace(c)
			}
			ln.cells = cells
		}
		ln.afterBlank = ln.afterBlank || strings.Contains(ln.text, "\t") || ln.cells != nil && strings.Contains(raw, "\t")
		out = append(out, ln)
	}
	return out
}

// cellsOf returns the cells of a table row ("| Go | yes |", "Go | yes |",
// and "Go\tyes" as the parsers write a row of an HTML, Word or
// OpenDocument table, or a text file's own tabs give one), or nil if s is
// not one. Tabs come first: a "|" in a tab row's cell is the cell's text.
func cellsOf(s string) []string {
	if strings.Contains(s, "\t") {
		cells := strings.Split(strings.TrimSpace(s), "\t")
		for i, c := range cells {
			cells[i] = strings.TrimSpace(c)
		}
		return cells
	}
	n := strings.Count(s, "|")
	if n < 2 && !(n == 1 && strings.HasPrefix(s, "|")) {
		return nil
	}
	var cells []string
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "|"), "|")) // one pipe each side: "| | Minimum |" has an empty first cell
	for _, c := range strings.Split(s, "|") {
		cells = append(cells, strings.TrimSpace(c))
	}
	return cells
}

// joinWrapped joins the lines a PDF (or a text file wrapped by hand) broke
// inside a sentence. A line continues the previous one when the previous
// one does not end a sentence or a label, neither is a heading, no blank
// line stands between them, and:
//
//   - the line starts with a word in lower case that names no technology
//     ("gRPC", "dbt" do), and that word would nearly have fitted on the
//     previous line, if at all ("... at least 3 of them on backend" /
//     "systems."), which a list item whose bullet was lost after a short
//     item does not;
//   - or the previous one ends with a comma, a slash, an opening bracket or
//     a word that cannot end a sentence ("such as Java," / "Python, and
//     Ruby."; "experience with" / "Kubernetes");
//   - or the line's first word would not have fitted on the previous one
//     (the longest line giving the width, less a tenth for letters of
//     different widths) and the line ends the sentence (or a sentence
//     ends in it)
//     ("... Google Cloud or Microsoft" / "Azure."). Not fitting is not
//     enough on its own: a PDF drops list bullets, and an item without a
//     full stop followed by another looks the same.
//
// The width is that of the longest lines (see [wrapWidth]).
func joinWrapped(lines []line, mayName func(string) bool, joins func(a, b string) bool) []line {
	var lens []int
	for _, ln := range lines {
		if ln.cells == nil {
			lens = append(lens, utf8.RuneCountInString(ln.text))
		}
	}
	width := wrapWidth(lens)
	var out []line
	var parts [][]string // the physical lines of each line of out
	for _, ln := range lines {
		ln.tail, ln.pipe = ln.text, strings.Contains(ln.text, "|")
		ln.lastWidth = utf8.RuneCountInString(ln.text)
		if n := len(out); n > 0 && continues(out[n-1], ln, width, mayName, joins) {
			p := &out[n-1]
			parts[n-1] = append(parts[n-1], ln.text)
			p.tail, p.lastWidth, p.joined = ln.text, ln.lastWidth, true
			p.pipe = p.pipe || ln.pipe
			if ln.cells != nil && p.cells == nil {
				p.cells = ln.cells // recomputed below
			}
			continue
		}
		out = append(out, ln)
		parts = append(parts, []string{ln.text})
	}
	for i := range out {
		if len(parts[i]) > 1 {
			out[i].text = strings.Join(parts[i], " ")
			if out[i].cells != nil || out[i].pipe {
				out[i].cells = cellsOf(out[i].text)
			}
		}
	}
	return out
}

// wrapWidth returns the width, in characters, at which lines of the given
// lengths were wrapped, or 0 if they were not: the longest length that at
// least two lines come within a tenth of (one odd line, a title or an
// address, does not set it), unless two or more lines, and half as many
// as come that near, are longer still (short list items among paragraphs that run on one
// line each, as Word files and HTML give them). A width of 200 characters
// or more is no wrapping either.
func wrapWidth(lens []int) int {
	slices.Sort(lens)
	width := 0
	for i := len(lens) - 1; i > 0 && width == 0; i-- {
		if lens[i-1]*10 >= lens[i]*9 {
			width = lens[i]
		}
	}
	near, longer := 0, 0
	for _, l := range lens {
		switch {
		case l*20 > width*23:
			longer++
		case l*10 >= width*9:
			near++
		}
	}
	if width >= 200 || (longer >= 2 && longer*2 >= near) {
		return 0
	}
	return width
}

var sentenceEndInside = regexp.MustCompile(`[a-z)][.!?] `)

// predicate finds the rest of a sentence on a line a PDF wrapped to:
// "Structured Streaming is a strong plus".
var predicate = regexp.MustCompile(`^[\w\s.#+-]{0,40}? (?:is|are) (?:a|an|the|also|very|highly|not|nice|welcome|required|essential|preferred|desirable|helpful|useful)\b`)

// openEnd holds the words that leave a sentence open.
var openEnd = map[string]bool{"and": true, "or": true, "with": true, "of": true, "in": true, "on": true, "the": true, "a": true,
	"an": true, "to": true, "for": true, "as": true, "like": true, "including": true, "such": true, "e.g.": true, "using": true,
	"at": true, "from": true, "by": true, "is": true, "are": true, "be": true, "your": true, "our": true, "both": true, "either": true,
	"although": true, "though": true, "because": true, "since": true, "but": true, "if": true, "than": true, "whereas": true,
	"unless": true, "that": true, "which": true, "who": true, "building": true, "writing": true, "developing": true,
	"maintaining": true, "designing": true, "running": true, "managing": true}

func continues(prev, next line, width int, mayName func(string) bool, joins func(a, b string) bool) bool {
	if prev.heading || next.heading || next.bullet || next.afterBlank {
		return false
	}
	// Only the end of the previous line counts: a long run of joined lines
	// is never read again.
	last, _ := utf8.DecodeLastRuneInString(prev.tail)
	words := strings.Fields(strings.ToLower(prev.tail[max(0, len(prev.tail)-40):]))
	openEnded := strings.ContainsRune(",/(&", last) || ((len(words) > 1 || prev.joined) && len(words) > 0 && openEnd[words[len(words)-1]]) ||
		strings.Count(prev.tail, "(") > strings.Count(prev.tail, ")") // "… with SQLite (we use" / "Room)"
	switch {
	case (prev.cells != nil || prev.pipe) && last != '|' && strings.HasSuffix(next.text, "|") && cellsOf(next.text) == nil:
		// A row whose last cell a PDF wrapped: "... MongoDB | Excellent" /
		// "communication and collaboration skills |".
		return true
	case prev.cells != nil:
		// A label and its value at a tab stop, the value wrapped by hand
		// in a text file ("Requirements:\tGo, Kubernetes and" /
		// "Terraform"): the last cell goes on where it cannot end.
		return next.cells == nil && strings.Contains(prev.text, "\t") && openEnded && !strings.ContainsRune(".!?:;", last)
	case next.cells != nil:
		// A row whose first cell a PDF wrapped: "... Python, or" / "Ruby | Problem-solving skills |".
		return openEnded && !strings.ContainsRune(".!?:;", last)
	}
	first, _ := utf8.DecodeRuneInString(next.text)
	firstWord, _, _ := strings.Cut(next.text, " ")
	fit := prev.lastWidth + 1 + utf8.RuneCountInString(firstWord)
	// A conjunction in capitals goes on a sentence as one in lower case
	// does: "… or a related field" / "AND three years of experience …".
	capsConjunction := firstWord == "AND" || firstWord == "OR"
	full := width > 0 && fit*10 > width*9
	// A line that stopped well short of the width was not wrapped, however
	// its successor starts: a list item whose bullet was lost ("Apache
	// Airflow" / "dbt or Apache Spark").
	nearlyFull := width > 0 && fit*10 > width*7
	if lastWord := strings.Fields(prev.tail); joins != nil && len(lastWord) > 0 && nearlyFull &&
		joins(lastWord[len(lastWord)-1], strings.TrimRight(firstWord, ".,;:")) {
		return true // a name a PDF wrapped: "… with Tailwind" / "CSS. …", "… services on Apache" / "Kafka"
	}
	if strings.Count(prev.tail, "(") > strings.Count(prev.tail, ")") && strings.Count(next.text, ")") > strings.Count(next.text, "(") {
		return true // a bracket a PDF wrapped: "… (we use Kafka;" / "RabbitMQ or NATS experience is just as relevant)"
	}
	if full && roleWord.MatchString(firstWord) && !strings.ContainsRune(".!?:;", last) {
		return true // a title a PDF wrapped: "… for a contract DevOps" / "Engineer to help migrate …"
	}
	if last == ';' && full && (unicode.IsLower(first) || capsConjunction) && !mayName(firstWord) {
		return true // a sentence a PDF wrapped after a semicolon: "…; whichever you learned first, …"
	}
	if last == ':' && full && prev.joined {
		return true // a paragraph a PDF wrapped after a colon: "… on a public cloud:" / "AWS, Google Cloud or Azure …"
	}
	if strings.ContainsRune(".!?:;", last) {
		return false
	}
	if _, ok := headingSection(prev); ok && !prev.joined {
		return false // "Nice to have" before "gRPC and Protocol Buffers"
	}
	if clauseHeading(prev.text) && !prev.joined && !(full && unicode.IsLower(first)) {
		// "What a day looks like" before its list; but a sentence a PDF
		// wrapped reads as such a clause too: "What you build ships to"
		// (the column full) / "millions of users, so Go matters."
		return false
	}
	if _, ok := headingSection(next); ok {
		return false
	}
	end, _ := utf8.DecodeLastRuneInString(next.text)
	// Names such as "gRPC", "dbt" and "iOS" start in lower case: they may
	// start a list item as well as a wrapped line.
	lower := (unicode.IsLower(first) || capsConjunction) && nearlyFull && !mayName(firstWord) && !subjectStart.MatchString(next.text)
	return lower || openEnded ||
		(full && (strings.ContainsRune(".!?", end) || sentenceEndInside.MatchString(next.text) || first == '(' || predicate.MatchString(next.text)))
}

// subjectStart opens a clause of its own: a line that starts so, after
// one that does not leave its sentence open, is a list item whose bullet
// was lost ("you write TypeScript every day" under "You'll thrive here if").
var subjectStart = regexp.MustCompile(`^(?:you|you're|you've|you'll|you'd|we|we're|we've|we'll)\s`)

// headingSection reports whether a line is a heading and, if so, the kind
// of section it opens. A heading is a Markdown heading, or a short line
// without digits that does not end a sentence and whose words are those
// of a heading. (The caller also checks that it names no technology: "Java
// or Kotlin" is a list item whose bullet a PDF lost.)
func headingSection(ln line) (section, bool) {
	t := strings.TrimSpace(ln.text)
	if first, _ := utf8.DecodeRuneInString(t); ln.bullet || t == "" || (unicode.IsLower(first) && !ln.heading) || len(t) > 200 {
		return 0, false
	}
	if !ln.heading {
		if w, _, _ := strings.Cut(strings.ToLower(t), " "); (w == "a" || w == "an") && !strings.HasSuffix(t, ":") {
			return 0, false // "A degree", a list item whose bullet was lost
		}
		last, _ := utf8.DecodeLastRuneInString(t)
		if len(strings.Fields(t)) > 8 && !strings.HasSuffix(t, "?") || len(t) > 70 || strings.ContainsRune(".!,;", last) || strings.ContainsAny(t, "0123456789") ||
			yearsPattern.MatchString(strings.ToLower(t)) { // "Five years or more of backend development"
			return 0, false
		}
		if strings.HasSuffix(t, "?") && len(strings.Fields(t)) > 10 {
			return 0, false
		}
		if lt := strings.ToLower(t); !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, ":") &&
			(strings.Contains(lt, " is a ") || strings.Contains(lt, " are a ") || strings.Contains(lt, " is an ")) {
			return 0, false // a sentence a PDF left on its own line: "Structured Streaming is a strong plus"
		}
		if sec, ok := classifyHeading(strings.TrimRight(t, ": ")); ok && sec == sectionElsewhere {
			return sec, true // "You might also be interested in"
		}
		switch w := strings.Fields(strings.ToLower(t)); w[len(w)-1] {
		case "and", "or", "with", "of", "such", "as", "like", "including", "in", "the", "a":
			if !clauseHeading(t) { // "Who you'll work with" ends where its clause does
				return 0, false // a sentence a PDF wrapped: "Experience with Docker and"
			}
		}
	}
	return classifyHeading(strings.TrimRight(t, ": "))
}

// headingWords name the sections of a posting, by kind, in the order they
// are tried: "Preferred qualifications" is a preference before it is a
// qualification, "Essential tasks" a duty before it is essential. They are
// written as [headingKey] leaves them: "you will" for "you'll", "you'd"
// and "you would".
var headingWords = []struct {
	sec   section
	words []string
}{
	{sectionElsewhere, []string{"similar jobs", "related jobs", "more jobs", "other jobs", "recommended jobs", "jobs you may like",
		"you may also like", "people also viewed", "share this job", "report this job", "recently viewed", "more from",
		"popular searches", "browse jobs", "jobs by", "explore jobs", "latest jobs", "featured jobs", "job alerts", "trending jobs",
		"jobs like this", "similar roles", "similar positions", "similar vacancies", "related roles", "other roles", "more roles",
		"other vacancies", "recommended for you", "also be interested", "people also searched", "jobs near"}},
	{sectionAbout, []string{"about us", "who we are", "about the company", "our company", "the company", "benefits", "what we offer",
		"we offer", "perks", "why join", "why us", "why you will love", "compensation", "salary", "salaries", "pay", "frequently asked",
		"faq", "questions", "what is a", "how to apply", "our stack", "tech stack", "our team", "the team", "location", "outlook", "our values",
		"opportunities", "advancement", "career path", "growth", "the stack", "the tech", "tools you will use", "tools we use", "our tools",
		"technologies we use", "what we use", "what we work with", "who you will work with", "who will you work with", "hiring process", "interview process", "how we hire", "next steps",
		"in return", "what is in it for you", "what you will get", "what you get", "how we work", "the way we work", "our process",
		"our setup", "life at"}},
	{sectionPreferences, []string{"nice to have", "nice-to-have", "nice to haves", "bonus", "plus", "pluses", "preferred", "desirable",
		"desired", "good to have", "good to know", "great to have", "will be great", "will be lovely", "will help", "what will help",
		"would be good", "would be great", "would be nice", "would help",
		"it helps", "helpful", "advantage", "beneficial", "optional", "extra credit", "extra points", "brownie points", "ideally",
		"might also", "even better", "not required", "not necessary", "will value", "will also value",
		"not essential", "not a must", "not mandatory", "good if", "great if", "nice if",
		"helpful if", "bonus if", "a plus if", "stand out", "stands out", "set you apart", "sets you apart", "love to see",
		"like to see", "will love", "will be nice", "icing on the cake", "cherry on top", "wish list", "wishlist", "impress us",
		"even more", "if you also", "nice", "extras", "smile", "delight", "impress", "excite", "should-have", "should-haves",
		"could-have", "could-haves", "not a deal-breaker", "not a dealbreaker", "not a deal breaker", "isn't a deal-breaker",
		"isn't a dealbreaker", "no deal-breaker", "teach you", "will teach", "can teach", "learn on the job", "will learn", "pick up",
		"also help", "help if", "flexible on", "we are flexible"}},
	// After the wishes: "Not needed, but nice" is a wish.
	{sectionExcluded, []string{"don't need", "do not need", "will not need", "don't require", "do not require",
		"don't expect", "do not expect", "not looking for", "can do without", "not needed", "no need", "does not matter",
		"doesn't matter", "do not matter", "don't matter", "not relevant", "irrelevant", "not something we", "not anything we",
		"don't worry about", "do not worry about", "no need to worry about", "need not worry about", "not a requirement", "not requirements",
		"don't look at", "do not look at", "don't care about", "do not care about", "don't ask for", "do not ask for"}},
	{sectionDuties, []string{"responsibilities", "responsibility", "what you will do", "what will you do", "what you will be doing",
		"what will you be doing", "what you will work on", "what will you work on", "you will be working on", "your tasks", "tasks",
		"duties", "day to day", "day-to-day", "your day", "your days", "a typical day", "day in the life", "the role", "about the role", "role summary", "your role",
		"the job", "about the job", "your mission", "your impact", "the work", "your week", "in this role", "functions",
		"responsabilities", "responsability"}},
	{sectionRequirements, []string{"requirements", "requirement", "required", "must", "must-have", "must-haves", "must have",
		"qualifications", "qualification", "what you need", "what you will need", "what we need", "what do you need",
		"what are we looking for", "what we are looking for", "what we look for", "looking for", "you have", "you bring",
		"you will bring", "your profile", "profile", "about you", "who you are", "who are you", "is this you", "this is you",
		"sound like you", "sounds like you", "skills", "essential", "competencies", "expertise", "what makes you", "a fit",
		"your background", "you are", "ideal candidate", "expectations", "we expect", "need to have", "experience", "years", "core",
		"key skills", "education", "degree", "what you bring", "bring", "need", "matters", "hope you", "hoping you", "you should have",
		"you will have", "what it takes", "the basics", "prerequisites", "criteria", "to succeed", "make you successful",
		"fit right in", "you will fit", "thrive", "do well", "for you if", "if you", "from you", "we are after", "what we want",
		"deal-breaker", "dealbreaker", "deal breaker", "we ask", "what we ask", "we require", "what we require"}},
}

// headingKey is the form of a heading that headingWords are written in:
// lower case, words single-spaced, straight apostrophes, and "you'll",
// "you'd", "you would" all "you will" (likewise for "we").
func headingKey(text string) string {
	h := strings.ToLower(strings.Trim(text, " :*#?"))
	h = headingPunct.Replace(h)
	h = strings.Join(strings.Fields(h), " ")
	return contractions.Replace(" " + h + " ")
}

// headingPunct makes apostrophes straight and the punctuation between a
// heading's words spaces, for [headingKey].
var headingPunct = strings.NewReplacer("’", "'", "‘", "'", "?", " ", ",", " ", ";", " ", "(", " ", ")", " ", "&", " and ")

var contractions = strings.NewReplacer("'ll ", " will ", "'d ", " will ", " would ", " will ", "'re ", " are ", "'ve ", " have ",
	"what's ", "what is ", " won't ", " will not ")

// headingPhrase is one of headingWords in the form of headingKey, with
// what a padded [headingKey] that has it holds: the phrase alone, in the
// plural or before a colon. They are made once: classifyHeading tries
// every phrase on every line that may be a heading.
type headingPhrase struct {
	key                  string   // "nice to have"
	words                []string // "nice", "to", "have"
	alone, plural, colon string   // " nice to have ", " nice to haves ", " nice to have:"
}

// headingKeys are headingWords as headingPhrases, in headingWords' order.
var headingKeys = func() [][]headingPhrase {
	out := make([][]headingPhrase, len(headingWords))
	for i, g := range headingWords {
		for _, w := range g.words {
			k := strings.TrimSpace(headingKey(w))
			out[i] = append(out[i], headingPhrase{key: k, words: strings.Fields(k), alone: " " + k + " ", plural: " " + k + "s ", colon: " " + k + ":"})
		}
	}
	return out
}()

// classifyHeading returns the kind of section heading text names, if any.
// A question in none of headingWords' words asks for a wish when it is
// conditional ("What would make us smile?", "Anything that could help?").
func classifyHeading(text string) (section, bool) {
	h := headingKey(text)
	if n := len(strings.Fields(h)); n == 0 || n > 10 {
		return 0, false
	}
	if strings.HasPrefix(h, " should have") || strings.HasPrefix(h, " could have") || h == " should " || h == " could " {
		return sectionPreferences, true // "Should have:", the second of must, should and could
	}
	if h == " will not " || h == " will not have " {
		return sectionExcluded, true // MoSCoW's "Won't"
	}
	if h == " description " {
		return sectionDuties, true // a bare "Description" beside the qualifications; "Job Description" heads the whole posting
	}
	for i, g := range headingWords {
		for _, p := range headingKeys[i] {
			if strings.Contains(h, p.alone) || strings.Contains(h, p.plural) || strings.Contains(h, p.colon) {
				if w := p.key; genericHeadingWord[w] && (len(strings.Fields(h)) > 4 || dutyVerb[strings.Fields(h)[0]] || itemAfterWord(h, w)) {
					continue // "Experience designing experiments in marketplaces", "Improve the developer experience", "Experience with UIKit": items
				}
				if g.sec == sectionDuties && strings.Contains(h, " and ") && headingHas(h, sectionRequirements) {
					// "What you'll do, and what you'll need to do it": each
					// statement's own words decide.
					return sectionNone, true
				}
				if g.sec == sectionDuties && forTheJob[p.key] && strings.Contains(h, " for "+p.key+" ") {
					// "Skills you need for the job", "Must-haves for the
					// role": the job is what they are for; the other words
					// decide.
					continue
				}
				return g.sec, true
			}
		}
	}
	if strings.HasSuffix(strings.TrimSpace(text), "?") && conditional.MatchString(strings.ToLower(text)) {
		return sectionPreferences, true
	}
	return 0, false
}

// forTheJob are the duties' heading words that name the job, which a
// heading of another kind may say it is for ("Must-haves for the job").
var forTheJob = map[string]bool{"the role": true, "the job": true}

// genericHeadingWord holds the heading words that also start list
// items: they make a heading only of a few words ("Skills and
// experience", not "Experience designing experiments in marketplaces").
var genericHeadingWord = map[string]bool{"experience": true, "skills": true, "degree": true, "education": true, "years": true,
	"core": true, "expertise": true, "profile": true, "tasks": true}

// itemAfterWord reports whether w in h, a [headingKey], goes on as a list
// item does: "experience with", "experience writing editor tools".
func itemAfterWord(h, w string) bool {
	i := strings.Index(h, " "+w+" ")
	if i < 0 {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimSpace(h[i+len(w)+2:]), " ")
	switch next {
	case "with", "in", "of", "using", "on", "at", "as", "for":
		return true
	}
	return strings.HasSuffix(next, "ing")
}

// dutyVerb opens a duty, not a heading: "Improve the developer experience:".
var dutyVerb = map[string]bool{"improve": true, "build": true, "design": true, "develop": true, "own": true, "lead": true,
	"drive": true, "create": true, "maintain": true, "support": true, "help": true, "write": true, "ship": true, "run": true,
	"manage": true, "mentor": true, "deliver": true, "define": true, "shape": true, "grow": true}

// headingHas reports whether h, a [headingKey], has words of sec.
func headingHas(h string, sec section) bool {
	for i, g := range headingWords {
		if g.sec != sec {
			continue
		}
		for _, p := range headingKeys[i] {
			if strings.Contains(h, p.alone) {
				return true
			}
		}
	}
	return false
}

// conditional words make a question heading ask for a wish.
var conditional = regexp.MustCompile(`\b(?:would|could|might)\b|'d\b`)

// tableRow turns a table row into statements, one per cell. A cell that
// names a strength ("Required", "Nice to have") or answers a "Required"
// column ("yes", "no") labels the whole row; a cell under a "Years" column
// gives the row's years.
func tableRow(cells, header []string, heading string, sec section, item int) []statement {
	label, labelText, years := sectionNone, "", ""
	corner := len(header) > 1 && header[0] == "" // the first column names the rows
	for k, c := range cells {
		if k == 0 && corner {
			continue
		}
		col := ""
		if k < len(header) {
			col = strings.ToLower(header[k])
		}
		lc := strings.ToLower(strings.TrimSpace(c))
		switch {
		case k > 0 && yearsCell.MatchString(lc) && (strings.Contains(col, "year") || strings.Contains(col, "minimum") || strings.Contains(col, "experience") ||
			strings.ContainsAny(lc, "+y")): // "4+ years" alone in a notes cell
			years = lc
		case k > 0 && years == "" && leadingYears.MatchString(lc):
			years = strings.TrimSpace(leadingYears.FindString(lc)) // "3+ years writing production code"
		case (strings.Contains(col, "required") || strings.Contains(col, "must")) && yesNo[lc] != 0:
			label, labelText = yesNo[lc], header[k]+": "+c
		case len(strings.Fields(lc)) <= 4 && (k >= len(header) || columnSection(header[k]) == sectionNone):
			// (Under "Minimum" or "Ideal", "Not required" is the column's value.)
			// A cell that says how much the row is wanted ("Required", "Nice
			// to have"), not one that only names a kind ("Problem-solving
			// skills").
			if s, ok := classifyHeading(lc); ok && (s == sectionPreferences || s == sectionRequirements && (saysMust(lc) || headingOnly(lc))) {
				label, labelText = s, c
			}
		}
	}
	drop := false
	for _, c := range cells[min(1, len(cells)):] {
		if cs := findCues(strings.ToLower(c)); len(cs) > 0 && cs[0].kind == cueNegated && cs[0].start == 0 {
			drop = true
		}
	}
	var out []statement
	for k, c := range cells {
		if years != "" && strings.ToLower(strings.TrimSpace(c)) == years {
			continue // the row's years, not the job's
		}
		if k == 0 && corner {
			continue // the row's name: "| ML tooling | … |" names no skill
		}
		cl, clText := label, labelText
		if k < len(header) && cl == sectionNone {
			cl, clText = columnSection(header[k]), header[k] // "| Minimum | Ideal |"
		}
		for _, s := range splitSentences(c) {
			// "| Degree | Not required | A master's |": what the Ideal
			// column wishes for stays.
			out = append(out, statement{text: s, heading: heading, section: sec, label: cl, labelText: clText, rowYears: years,
				dropRow: drop && cl != sectionPreferences, item: item})
		}
	}
	return out
}

// columnSection is the strength a table's column header gives its cells:
// "Minimum", "Must have" ask; "Ideal", "Nice to have" wish; "Not needed"
// excludes.
func columnSection(header string) section {
	h := strings.ToLower(strings.TrimSpace(header))
	switch h {
	case "minimum", "must have", "must-have", "essential", "essentials":
		return sectionRequirements
	case "ideal", "ideally", "nice to have", "nice-to-have", "preferred", "desirable", "bonus", "a plus":
		return sectionPreferences
	case "not required", "not necessary", "not essential", "unnecessary", "not a must":
		return sectionExcluded
	}
	if s, ok := classifyHeading(h); ok && s == sectionExcluded && len(strings.Fields(h)) <= 4 {
		return sectionExcluded
	}
	return sectionNone
}

var (
	yearsCell = regexp.MustCompile(`^\d{1,2}\s*\+?\s*(?:years?|yrs?)?$`)
	// leadingYears opens a cell that goes on in words: "3+ years writing
	// production code".
	leadingYears = regexp.MustCompile(`^\d{1,2}\s*\+?\s*(?:years?|yrs?)\b`)
	yesNo        = map[string]section{"yes": sectionRequirements, "y": sectionRequirements, "✓": sectionRequirements, "✔": sectionRequirements,
		"x": sectionRequirements, "no": sectionPreferences, "n": sectionPreferences, "optional": sectionPreferences}
)

// splitSentences splits a paragraph at the end of each sentence and at
// semicolons outside brackets, but not after the abbreviations postings use ("e.g.",
// "etc.") nor inside names such as "Node.js".
func splitSentences(s string) []string {
	var out []string
	start, depth := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		}
		if (c != '.' && c != '!' && c != '?' && c != ';') || (c == ';' && depth > 0) {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' {
			continue
		}
		if c == '.' {
			word := strings.ToLower(s[strings.LastIndexAny(s[:i], " (")+1 : i+1])
			if abbreviations[word] {
				continue
			}
		}
		if t := strings.TrimSpace(s[start : i+1]); t != "" {
			out = append(out, t)
		}
		start = i + 1
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

var abbreviations = map[string]bool{"e.g.": true, "i.e.": true, "etc.": true, "incl.": true, "approx.": true, "vs.": true,
	"sr.": true, "jr.": true, "no.": true, "ca.": true, "min.": true, "esp.": true, "eg.": true, "ie.": true}
