package rules

import (
	"regexp"
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
)

func (s section) String() string {
	return [...]string{"", "requirements", "preferences", "responsibilities", "about the job"}[s]
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
}

// statements reconstructs the sentences of a posting from text that may
// come from a PDF (lines wrapped at the page's width, list bullets lost),
// a Word file or HTML (one paragraph per line), or plain text and Markdown
// (bullets, "#" headings, "|" tables, "**bold**"). Wrapped lines are
// joined; list items and table rows stay units of their own; headings set
// the section of what follows them.
//
// namesSkill reports whether a line names a known technology, which a
// heading never does.
func statements(text string, namesSkill func(string) bool) []statement {
	lines := joinWrapped(readLines(text))
	var out []statement
	heading, sec := "", sectionNone
	var header []string // the header row of the current table
	for i, ln := range lines {
		if ln.cells != nil {
			if header == nil || (i > 0 && lines[i-1].cells == nil) {
				header = nil
				if i+1 < len(lines) && lines[i+1].cells != nil && isSeparatorRow(lines[i+1].text) {
					header = ln.cells
					continue
				}
			}
			if isSeparatorRow(ln.text) {
				continue
			}
			out = append(out, tableRow(ln.cells, header, heading, sec)...)
			continue
		}
		header = nil
		if s, ok := headingSection(ln); ok && (ln.heading || !namesSkill(ln.text)) {
			heading, sec = strings.TrimRight(ln.text, ": "), s
			continue
		}
		st := statement{heading: heading, section: sec}
		body := ln.text
		if key, rest, ok := strings.Cut(ln.text, ":"); ok && len(strings.Fields(key)) <= 5 {
			if s, ok := classifyHeading(key); ok {
				st.label, st.labelText, body = s, key, rest
			}
		}
		for _, s := range splitSentences(body) {
			st.text = s
			out = append(out, st)
		}
	}
	return out
}

var (
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	bulletMark = regexp.MustCompile(`^(?:[-*•·◦▪‣–—>]|\d{1,2}[.)]|[a-z][.)])\s+`)
	separator  = regexp.MustCompile(`^[\s|:\-–—=+]*$`)
)

func isSeparatorRow(s string) bool { return strings.Contains(s, "-") && separator.MatchString(s) }

// readLines splits text into lines and reads the light markup of plain
// text and Markdown: headings, bullets, bold and table rows.
func readLines(text string) []line {
	var out []line
	for _, raw := range strings.Split(text, "\n") {
		s := strings.TrimSpace(raw)
		s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
		if s == "" {
			continue
		}
		var ln line
		if mdHeading.MatchString(s) {
			ln.heading, s = true, mdHeading.ReplaceAllString(s, "")
		}
		if m := bulletMark.FindString(s); m != "" && len(s) > len(m) {
			ln.bullet, s = true, s[len(m):]
		}
		if n := strings.Count(s, "|"); n >= 2 || (n == 1 && strings.HasPrefix(s, "|")) {
			for _, c := range strings.Split(strings.Trim(s, "| "), "|") {
				ln.cells = append(ln.cells, strings.TrimSpace(c))
			}
		}
		ln.text = strings.TrimSpace(s)
		out = append(out, ln)
	}
	return out
}

// joinWrapped joins the lines a PDF (or a text file wrapped by hand) broke
// inside a sentence. A line continues the previous one when the previous
// one does not end a sentence or a label, and the line starts in lower
// case, or the previous one ends with a comma, a slash or an opening
// bracket, or it ran to the full width of the text. The full width is the
// longest line's, counted only if at least three lines come within a fifth
// of it and it is under 200 characters: text whose paragraphs are single
// long lines is not wrapped.
func joinWrapped(lines []line) []line {
	width, near := 0, 0
	for _, ln := range lines {
		if ln.cells == nil {
			width = max(width, utf8.RuneCountInString(ln.text))
		}
	}
	for _, ln := range lines {
		if ln.cells == nil && utf8.RuneCountInString(ln.text)*5 >= width*4 {
			near++
		}
	}
	if near < 3 || width >= 200 {
		width = 0
	}
	var out []line
	for _, ln := range lines {
		if n := len(out); n > 0 && continues(out[n-1], ln, width) {
			out[n-1].text += " " + ln.text
			continue
		}
		out = append(out, ln)
	}
	return out
}

func continues(prev, next line, width int) bool {
	if prev.cells != nil || next.cells != nil || prev.heading || next.heading || next.bullet {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	if strings.ContainsRune(".!?:;", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next.text)
	switch {
	case unicode.IsLower(first):
		return true
	case strings.ContainsRune(",/(&", last):
		return true
	case width > 0 && utf8.RuneCountInString(prev.text)*5 >= width*4:
		return true
	}
	return false
}

// headingSection reports whether a line is a heading and, if so, the kind
// of section it opens. A heading is a Markdown heading, or a short line
// without digits that does not end a sentence and whose words are those
// of a heading. (The caller also checks that it names no technology: "Java
// or Kotlin" is a list item whose bullet a PDF lost.)
func headingSection(ln line) (section, bool) {
	t := strings.TrimSpace(ln.text)
	if ln.bullet || t == "" {
		return 0, false
	}
	if !ln.heading {
		last, _ := utf8.DecodeLastRuneInString(t)
		if len(strings.Fields(t)) > 8 || len(t) > 70 || strings.ContainsRune(".!,;", last) || strings.ContainsAny(t, "0123456789") {
			return 0, false
		}
		if strings.HasSuffix(t, "?") && len(strings.Fields(t)) > 6 {
			return 0, false
		}
	}
	return classifyHeading(strings.TrimRight(t, ": "))
}

// headingWords name the sections of a posting, by kind, in the order they
// are tried: "Preferred qualifications" is a preference before it is a
// qualification, "Essential tasks" a duty before it is essential.
var headingWords = []struct {
	sec   section
	words []string
}{
	{sectionAbout, []string{"about us", "who we are", "about the company", "our company", "the company", "benefits", "what we offer",
		"we offer", "perks", "why join", "why us", "why you'll love", "compensation", "salary", "salaries", "pay", "frequently asked",
		"faq", "questions", "what is a", "how to apply", "our stack", "tech stack", "our team", "the team", "location", "outlook",
		"opportunities", "advancement", "career path", "growth"}},
	{sectionPreferences, []string{"nice to have", "nice-to-have", "nice to haves", "bonus", "plus", "pluses", "preferred", "desirable",
		"desired", "good to have", "good to know", "great to have", "would be great", "would be lovely", "would help", "what would help",
		"it helps", "helpful", "advantage", "beneficial", "optional", "extra credit", "ideally", "might also", "even better", "not required"}},
	{sectionDuties, []string{"responsibilities", "responsibility", "what you will do", "what you'll do", "what you will be doing",
		"what you'll be doing", "what you will work on", "what you'll work on", "your tasks", "tasks", "duties", "day to day",
		"day-to-day", "the role", "about the role", "role summary", "your role", "the job", "about the job", "your mission",
		"your impact"}},
	{sectionRequirements, []string{"requirements", "requirement", "required", "must", "must-have", "must-haves", "must have",
		"qualifications", "qualification", "what you need", "what you'll need", "what you will need", "what we need",
		"what we're looking for", "what we are looking for", "what we look for", "looking for", "you have", "you bring",
		"you'll bring", "your profile", "profile", "about you", "who you are", "skills", "essential", "competencies", "expertise",
		"what makes you", "a fit", "your background", "you are", "ideal candidate", "expectations", "we expect", "need to have",
		"experience", "years", "core", "key skills", "education", "degree", "what you bring"}},
}

// classifyHeading returns the kind of section heading text names, if any.
func classifyHeading(text string) (section, bool) {
	h := " " + strings.Join(strings.Fields(strings.ToLower(strings.Trim(text, " :*#"))), " ") + " "
	if len(strings.Fields(h)) == 0 || len(strings.Fields(h)) > 8 {
		return 0, false
	}
	for _, g := range headingWords {
		for _, w := range g.words {
			if strings.Contains(h, " "+w+" ") || strings.Contains(h, " "+w+"s ") || strings.Contains(h, " "+w+":") {
				return g.sec, true
			}
		}
	}
	return 0, false
}

// tableRow turns a table row into statements, one per cell. A cell that
// names a strength ("Required", "Nice to have") or answers a "Required"
// column ("yes", "no") labels the whole row; a cell under a "Years" column
// gives the row's years.
func tableRow(cells, header []string, heading string, sec section) []statement {
	label, labelText, years := sectionNone, "", ""
	for k, c := range cells {
		col := ""
		if k < len(header) {
			col = strings.ToLower(header[k])
		}
		lc := strings.ToLower(strings.TrimSpace(c))
		switch {
		case strings.Contains(col, "year") && yearsCell.MatchString(lc):
			years = lc
		case (strings.Contains(col, "required") || strings.Contains(col, "must")) && yesNo[lc] != 0:
			label, labelText = yesNo[lc], header[k]+": "+c
		case len(strings.Fields(lc)) <= 4:
			if s, ok := classifyHeading(lc); ok && (s == sectionRequirements || s == sectionPreferences) {
				label, labelText = s, c
			}
		}
	}
	var out []statement
	for _, c := range cells {
		for _, s := range splitSentences(c) {
			out = append(out, statement{text: s, heading: heading, section: sec, label: label, labelText: labelText, rowYears: years})
		}
	}
	return out
}

var (
	yearsCell = regexp.MustCompile(`^\d{1,2}\s*\+?\s*(?:years?|yrs?)?$`)
	yesNo     = map[string]section{"yes": sectionRequirements, "y": sectionRequirements, "✓": sectionRequirements, "✔": sectionRequirements,
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
