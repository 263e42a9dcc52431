package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Where a title or a location came from, as [Profile] TitleSource and
// LocationSource say (besides [SourceHeader], [SourceLabel] and
// [SourceNotFound]).
const (
	SourceRole     = "role"     // title: the most recent dated role
	SourceHeadline = "headline" // title: a job title among the first lines, under the name; a guess (perhaps the role sought)
)

// Fields named in [Profile] Uncertain besides the contact fields.
const (
	FieldTitle    = "title"
	FieldLocation = "location"
)

// maxTitle bounds a title, in runes and words: a longer line is a
// sentence, not a title.
const (
	maxTitle      = 60
	maxTitleWords = 8
	// headlineLines is how far below the top a headline is looked for.
	headlineLines = 8
)

// findTitle returns the candidate's current title: the job title of the
// most recent dated role (the one ending last; of several open ones, the
// first in the text), else a headline title among the first lines, which
// is uncertain (it may be the role the candidate seeks). name is the name
// found, so that its line is not read as a title.
func findTitle(lines []string, roles []role, name string) (title, source string, uncertain bool) {
	best := -1
	for i, r := range roles {
		if best < 0 || r.to > roles[best].to {
			best = i
		}
	}
	if best >= 0 {
		r := roles[best]
		for i := r.first; i < r.last && i < r.first+4; i++ {
			if t := titleIn(lines[i]); t != "" {
				return t, SourceRole, false
			}
		}
	}
	for i := 0; i < len(lines) && i < headlineLines; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || l == name || hasYear(l) || strings.ContainsAny(l, "@:") || isContactLine(l) {
			continue
		}
		if _, heading := headingOf(l); heading {
			break // the body starts
		}
		if t := titleIn(l); t != "" && t == strings.Trim(l, " .,;|") {
			return t, SourceHeadline, true
		}
	}
	return "", SourceNotFound, false
}

// titleSeparators split a role's line into title, employer, place and
// dates: "Cloud Engineer at Nimbus Media | Berlin".
var titleSeparators = []string{" | ", " — ", " – ", " - ", " · ", " • ", " @ ", " at ", ", ", "\t", "  "}

// titleIn returns the part of a line that is a job title (a part naming
// a job, [job title] in namewords.txt, and not an organisation), without
// its dates; "" when there is none.
func titleIn(line string) string {
	line = strings.TrimSpace(line)
	if line == "" || isBulleted(line) || len(line) > 4*maxTitle {
		return ""
	}
	// Cut the dates out: keep the text before the first and after the last.
	if m := marksIn(line); len(m) > 0 {
		line = line[:m[0].start] + "  " + line[m[len(m)-1].end:]
	}
	parts := []string{line}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	for _, p := range parts {
		p = strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')' })
		// A heading or a joining word glued on by a layout ("Experience
		// Senior Engineer", "to Platform Engineer") is no part of a title.
		words := strings.Fields(p)
		for len(words) > 1 {
			w := words[0]
			r, _ := utf8.DecodeRuneInString(w)
			_, heading := headingOf(w)
			if !unicode.IsLower(r) && !heading {
				break
			}
			words = words[1:]
		}
		p = strings.Join(words, " ")
		if p == "" || len(words) > maxTitleWords || utf8.RuneCountInString(p) > maxTitle || strings.ContainsAny(p, "@:") {
			continue
		}
		job, org := false, false
		for _, w := range lineWords(p) {
			job = job || isNameWord("job title", w)
			org = org || isNameWord("organization", w) && w != "co"
		}
		if job && !org {
			return p
		}
	}
	return ""
}
