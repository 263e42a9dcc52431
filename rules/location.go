package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// locationLabels are the labels of a line that gives a place.
var locationLabels = []string{"location", "address", "city", "based in", "residence", "wohnort", "adresse", "ubicación", "ville"}

// locationSeparators split a contact line into its items:
// "Berlin, Germany | jane@example.com | +49 …".
var locationSeparators = []string{"|", "•", "·", "◦", "▪", "⋄", "  ", " / "}

// codeAfter matches a place followed by a two-letter code without a
// comma: "Utrecht NL", "Berlin – DE".
var parenCode = regexp.MustCompile(`\(([A-Z]{2})\)$`)

var codeAfter = regexp.MustCompile(`^(\PN+?)\s*[–—-]?\s+([A-Z]{2})$`)

// findLocation returns where the candidate lives, as the first lines say:
// a labelled line ("Location: Austin, TX"), or an item of a header line
// shaped as "City, Region" whose last part is a known place
// ([place] in namewords.txt) or a two-letter code ("TX", "DE"), or a
// known place alone. A place alone on a line that holds no other contact
// detail is uncertain (it may be an employer's). Only the header zone
// and the lines under a "Contact" heading are read, outside experience, education and projects: there, places are
// employers' and schools'.
func findLocation(t *Taxonomy, lines []string, sections []Section, name string) (loc, source string, uncertain bool) {
	for i := 0; i < len(lines) && i < headerLines; i++ {
		l := strings.TrimSpace(lines[i])
		low := strings.ToLower(l)
		for _, lab := range locationLabels {
			if rest, ok := strings.CutPrefix(low, lab); ok && strings.HasPrefix(strings.TrimSpace(rest), ":") {
				_, v, _ := strings.Cut(l, ":")
				if p, _ := placeIn(t, strings.TrimSpace(v)); p != "" {
					return p, SourceLabel, false
				}
			}
		}
	}
	var alone string
	for _, i := range locationZone(lines) {
		// A table's cells (tabs) read as one run of words here: split at
		// them, a date's cell ("June 2018") or a labelled value
		// ("毕业院校：武汉轻工大学", a school) passes for a town.
		l := strings.TrimSpace(strings.ReplaceAll(lines[i], "\t", " "))
		if l == "" || !utf8.ValidString(l) {
			continue // a broken byte is no part of a town's name
		}
		if s := sections[i]; (s == SectionExperience || s == SectionEducation || s == SectionProjects) && !besideEmail(lines, i) {
			continue // an employer's or a school's place, unless the contact block was printed there
		}
		// An icon of a symbol font (private use: U+E000–U+F8FF) stands
		// before each contact item of some layouts: a separator.
		l = strings.Map(func(r rune) rune {
			if r >= 0xE000 && r <= 0xF8FF {
				return '|'
			}
			return r
		}, l)
		// A sidebar printed beside the name: "Tel Aviv David Cohen" over
		// "IL", or "인천 Summary" over "KR".
		l = dropHeading(dropName(l, name))
		if i+1 < len(lines) && bareCode.MatchString(strings.TrimSpace(lines[i+1])) && !strings.ContainsAny(l, "|•·") {
			l += " " + strings.TrimSpace(lines[i+1])
		}
		items := []string{l}
		for _, sep := range locationSeparators {
			var next []string
			for _, it := range items {
				next = append(next, strings.Split(it, sep)...)
			}
			items = next
		}
		filled := 0 // items, not counting the empty one before a leading bullet
		for _, it := range items {
			if strings.TrimSpace(it) != "" {
				filled++
			}
		}
		contact := isContactLine(l) || filled > 1 && strings.ContainsFunc(l, unicode.IsDigit)
		var parts []string
		for _, it := range items {
			parts = append(parts, it)
			for _, d := range []string{" – ", " — "} {
				if strings.Contains(it, d) && !codeAfter.MatchString(strings.TrimSpace(it)) {
					parts = append(parts[:len(parts)-1], strings.Split(it, d)...)
					break
				}
			}
		}
		for _, it := range parts {
			it = dropName(strings.TrimSpace(it), name)
			if it == "" {
				continue
			}
			p, confirmed := placeIn(t, it)
			if lead := placeLead(it); p == "" && contact && lead != it {
				// "Chicago, IL US M (312) 555-0110 E jane@…": a town
				// before the other contacts, without a separator; taken
				// only when its region or country confirms it.
				if p, confirmed = placeIn(t, lead); !confirmed {
					p = ""
				}
			}
			if p == "" && contact && len(parts) > 1 {
				// A short capitalised item among the contact details
				// ("Αθήνα | +30 … | g.p@example.gr"): a town the lists
				// do not know, a guess.
				p = cityIn(t, it)
				confirmed = false
				if p != "" {
					if alone == "" {
						alone = p
					}
					continue
				}
			}
			switch {
			case p == "":
			case confirmed || contact:
				return p, SourceHeader, false
			case alone == "":
				alone = p
			}
		}
	}
	if alone != "" {
		return alone, SourceHeader, true
	}
	return "", SourceNotFound, false
}

// besideEmail reports whether the line before or after line i holds an
// e-mail address: a contact block that a page's reading order put inside
// the body ("Accra – GH" over "E kwame@…" between a role's title and its
// dates).
func besideEmail(lines []string, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(lines) && strings.Contains(lines[j], "@") && emailRe.MatchString(lines[j]) {
			return true
		}
	}
	return false
}

// placeIn returns s when it reads as a place: "City, Region" (two or
// three parts of one to four capitalised words, no digits) whose last
// part is a known place or a two-letter code, which confirms it; or a
// known place alone, unconfirmed. A postcode before a city
// ("10115 Berlin") is dropped; a part that is a skill ("Go, AI") is no
// place.
func placeIn(t *Taxonomy, s string) (place string, confirmed bool) {
	if !utf8.ValidString(s) {
		return "", false // a broken byte is no part of a town's name
	}
	s = parenCode.ReplaceAllString(strings.TrimSpace(s), "$1") // "Melbourne, (AU)"
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) })
	if m := codeAfter.FindStringSubmatch(s); m != nil {
		switch head := strings.TrimRight(m[1], ", "); {
		case !strings.Contains(s, ","):
			s = m[1] + ", " + m[2]
		case strings.Contains(head, ","):
			s = head // "San Francisco, CA – US": the country after the region
		}
	}
	if s == "" || utf8.RuneCountInString(s) > 60 || strings.ContainsAny(s, "@:/()") {
		return "", false
	}
	var parts []string
	split := strings.Split(s, ",")
	for k, p := range split {
		p = strings.TrimSpace(p)
		if k > 0 && k == len(split)-1 && isCode(p) {
			parts = append(parts, p) // "IT" is a code here, not a word
			continue
		}
		words := strings.Fields(p)
		for len(words) > 1 && strings.IndexFunc(words[0], func(r rune) bool { return !unicode.IsDigit(r) && r != '-' }) < 0 {
			words = words[1:] // a postcode
		}
		if len(words) == 0 || len(words) > 4 {
			return "", false
		}
		// A known place is one even with a word that marks other lines
		// ("Tel Aviv", "Salt Lake City").
		for i, w := range words {
			if isNameWord("place", strings.ToLower(strings.Join(words, " "))) {
				break
			}
			lw := strings.ToLower(strings.Trim(w, ".'’"))
			if strings.ContainsFunc(w, unicode.IsDigit) || isNameWord("job title", lw) || isNameWord("organization", lw) ||
				isNameWord("heading word", lw) || isNameWord("heading", lw) || isNameWord("street word", lw) || isNameWord("field", lw) {
				return "", false
			}
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) && (i == 0 || !isNameWord("particle", lw) && !isNameWord("function word", lw)) {
				return "", false
			}
		}
		p = strings.Join(words, " ")
		if t != nil {
			if _, skill := t.Lookup(p); skill {
				return "", false
			}
		}
		parts = append(parts, p)
	}
	if len(parts) > 3 {
		return "", false
	}
	place = strings.Join(parts, ", ")
	last := parts[len(parts)-1]
	if len(parts) > 1 && (isNameWord("place", strings.ToLower(last)) || isCode(last)) {
		return place, true
	}
	if len(parts) == 1 && isNameWord("place", strings.ToLower(place)) {
		return place, false
	}
	return "", false
}

// placeLead returns the words of s before the first that holds a digit,
// an "@" or starts with "+" or "(" (a phone number, an e-mail address),
// less the one-letter labels and the "Label:" words just before it
// ("M", "E", "Phone:"): where a contact line's place would stand.
func placeLead(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) || strings.Contains(w, "@") || strings.HasPrefix(w, "+") || strings.HasPrefix(w, "(") {
			words = words[:i]
			break
		}
	}
	for len(words) > 0 {
		w := words[len(words)-1]
		if r, n := utf8.DecodeRuneInString(w); !(n == len(w) && unicode.IsUpper(r)) && !strings.HasSuffix(w, ":") {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// isCode reports whether s is a two-letter code in capitals: a US state
// or a country ("TX", "DE").
func isCode(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

// cityIn returns s when it could be a town's name: one to three words,
// no digits, not a name-word of any kind (title, organisation, heading,
// field) and not a skill; the lists of known places are not asked.
func cityIn(t *Taxonomy, s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) })
	if n := len(strings.Fields(s)); n == 0 || n > 3 || strings.Contains(s, ",") || utf8.RuneCountInString(s) < 2 {
		return ""
	}
	if p, _ := placeIn(t, s+", XX"); p == "" {
		return ""
	}
	return s
}

// dropName returns s without the words of the candidate's name it starts
// with: a layout may set the name and the town on one line ("Giulia
// Bianchi Torino IT").
func dropName(s, name string) string {
	if name == "" {
		return s
	}
	key := curlyQuotes.Replace // "O’NEILL" is "O'Neill"
	of := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(key(name))) {
		of[w] = true
	}
	words := strings.Fields(s)
	for len(words) > 0 && of[strings.ToLower(key(strings.Trim(words[0], ",.")))] {
		words = words[1:]
	}
	wrapped := func(w string) bool { // "Müller-", a name the line wrapped
		for n := range of {
			if strings.HasPrefix(n, w) {
				return true
			}
		}
		return false
	}
	for len(words) > 1 {
		w := strings.ToLower(key(strings.Trim(words[len(words)-1], ",")))
		if !of[w] && !(strings.HasSuffix(w, "-") && wrapped(w)) {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// bareCode is a line that holds only a two-letter country or region code.
var bareCode = regexp.MustCompile(`^[A-Z]{2}$`)

// dropHeading drops a section heading printed at the end of a line beside
// it ("인천 Summary").
func dropHeading(s string) string {
	words := strings.Fields(s)
	if len(words) > 1 && isNameWord("heading", simpleKey(words[len(words)-1])) {
		return strings.Join(words[:len(words)-1], " ")
	}
	return s
}

// contactBlock is how many lines under a "Contact" heading further down
// are read: a sidebar printed after the body ("CONTACT", the town, the
// phone, the address).
const contactBlock = 5

// locationZone returns the lines a location is looked for on: the header
// zone, the lines around the first e-mail address below it, then the lines
// under each "Contact" heading below it.
func locationZone(lines []string) []int {
	var zone []int
	for i := 0; i < len(lines) && i < headerLines; i++ {
		zone = append(zone, i)
	}
	// The lines around an e-mail address further down: a contact block
	// printed in a footer or at the end of a sidebar.
	for i := headerLines; i < len(lines); i++ {
		if strings.Contains(lines[i], "@") && emailRe.MatchString(lines[i]) {
			for j := max(i-2, headerLines); j < len(lines) && j <= i+2; j++ {
				if !slices.Contains(zone, j) {
					zone = append(zone, j)
				}
			}
			break
		}
	}
	for i := headerLines; i < len(lines) && len(zone) < headerLines+4*contactBlock; i++ {
		if k := simpleKey(lines[i]); len(lines[i]) < 40 && isNameWord("heading", k) && (strings.HasPrefix(k, "contact") || strings.HasPrefix(k, "kontakt")) {
			for j := i + 1; j < len(lines) && j <= i+contactBlock; j++ {
				zone = append(zone, j)
			}
		}
	}
	return zone
}
