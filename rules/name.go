package rules

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:embed namewords.txt
var nameWordsData string

// nameWords holds the word lists of namewords.txt by kind. It is built once
// and only read.
var nameWords = parseNameWords(nameWordsData)

func parseNameWords(data string) map[string]map[string]bool {
	kinds := map[string]map[string]bool{}
	var cur map[string]bool
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
			cur = map[string]bool{}
			kinds[l[1:len(l)-1]] = cur
		case cur != nil:
			for _, w := range strings.Split(l, ",") {
				if w = strings.TrimSpace(w); w != "" {
					cur[w] = true
				}
			}
		}
	}
	return kinds
}

func isNameWord(kind, w string) bool { return nameWords[kind][w] }

// Why a line is not a name; the Profile's NameSource says "rejected: " and
// the reason of the best line refused when no name is found.
const (
	notNameHeading = "heading"
	notNameTitle   = "job title"
	notNameSkill   = "skill"
	notNamePlace   = "place"
	notNameOrg     = "organization"
	notNameText    = "sentence"
	notNameContact = "contact details"
	notNameShape   = "not a name"
)

// nameLabel finds "Name: …" and its kin in several languages; a label for
// the given or the family name alone ("Prénom : Aminata", "Nom : DJIGO")
// is one half of the name.
var nameLabel = regexp.MustCompile(`(?i)^\s*(full name|name|candidate|nombre(?: completo)?|nom(?: complet)?|prénom|prenom|vorname|nachname|familienname|first name|given name|last name|family name|surname|nome|cognome|sobrenome|apellidos?|имя|фамилия|фио|姓名|名前|氏名|이름|성명|الاسم)\s*[:：]?\s*(.+)$`)

// nameHit is the chosen name and why.
type nameHit struct {
	name, source string
	uncertain    bool
}

// nameFinder holds what name finding needs from the rest of the resume.
type nameFinder struct {
	tax        *Taxonomy
	emailLocal string          // local part of the first address, lowercased
	pageHeader map[string]bool // lines that came from a page header
}

// find chooses the candidate's name: from the parser's largest text near
// the top of the first page, the first lines of the text (the header
// zone), a "Name:" label, or a line further down that matches the e-mail
// address; failing those, from the address itself, as a guess. Never from
// a file name.
func (f *nameFinder) find(lines []string, title []string) nameHit {
	// Why the best line was refused, when no name is found: the first
	// reason other than a heading (a resume starts with "Resume" often).
	firstReject := ""
	consider := func(s string) (string, bool) {
		name, why := f.nameIn(s)
		if why == "" {
			return name, true
		}
		if name != "" && f.confirms(name) {
			return name, true // "Alistair M Senior" of alistair.senior@…
		}
		if why != notNameShape && (firstReject == "" || firstReject == notNameHeading) {
			firstReject = why
		}
		return "", false
	}
	// The title: its first lines together first, longest first ("CHRIS" /
	// "OH", "Ludwig von" / "Hohenberg" / "Engineer"), then each line (a
	// name below a tagline set as large).
	var segs, cands []string
	for _, l := range title[:min(len(title), maxTitleLines)] {
		if seg := leadingSegment(l); seg != "" {
			segs = append(segs, seg)
		}
	}
	for n := len(segs); n > 1; n-- {
		joined := segs[0]
		for _, seg := range segs[1:n] {
			if !strings.HasSuffix(joined, "-") {
				joined += " "
			}
			joined += seg
		}
		cands = append(cands, joined)
	}
	for _, seg := range append(cands, segs...) {
		if name, ok := consider(seg); ok {
			return nameHit{name: name, source: SourceLargestText, uncertain: f.weak(name, false)}
		}
	}
	// The header zone: the lines before the first section heading, at most
	// twelve of them. The name is the first candidate, unless a later one
	// matches the e-mail address and the first does not.
	var first *nameHit
	firstLine, seen := -1, 0
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if seen++; seen > 12 {
			break
		}
		if _, ok := headingOf(l); ok && seen > 1 {
			break
		}
		seg := leadingSegment(l)
		name, ok := "", false
		if next := nextLine(lines, i); next >= 0 {
			if joined := nameOnTwoLines(seg, leadingSegment(lines[next])); joined != "" {
				name, ok = consider(joined)
			}
		}
		if !ok {
			name, ok = consider(seg)
		}
		if !ok {
			continue
		}
		src := SourceHeader
		if f.pageHeader[strings.TrimSpace(l)] {
			src = SourcePageHeader
		}
		if f.matchesEmail(name) {
			return nameHit{name: name, source: src}
		}
		if first == nil {
			first = &nameHit{name: name, source: src, uncertain: f.weak(name, seen > 5)}
			firstLine = i
		}
	}
	if first != nil && !first.uncertain {
		return *first
	}
	if h, ok := f.labelled(lines); ok {
		return h
	}
	// Further down (two-column layouts put the name after a sidebar): a line
	// that matches the e-mail address, else the first line that looks like
	// a name of two words or more, as a guess.
	var later *nameHit
	for i := firstLine + 1; i < len(lines) && i < 60; i++ {
		seg := leadingSegment(lines[i])
		name, why := f.nameIn(seg)
		if why != "" {
			continue
		}
		if f.matchesEmail(name) {
			return nameHit{name: name, source: SourceMatchesEmail}
		}
		alone := seg == strings.TrimSpace(lines[i])
		if first == nil && later == nil && i < 40 && alone && (strings.Contains(name, " ") || isCJKName(name)) {
			later = &nameHit{name: name, source: SourceBody, uncertain: true}
		}
	}
	if first != nil {
		return *first
	}
	if later != nil {
		return *later
	}
	if name := nameFromEmail(f.emailLocal); name != "" {
		return nameHit{name: name, source: SourceEmail, uncertain: true}
	}
	if firstReject != "" {
		return nameHit{source: "rejected: " + firstReject}
	}
	return nameHit{source: SourceNotFound}
}

// weak reports whether a name is only a guess: one word that the e-mail
// address does not confirm, or a line well below the top.
func (f *nameFinder) weak(name string, low bool) bool {
	if f.matchesEmail(name) {
		return false
	}
	return low || !strings.Contains(name, " ") && !isCJKName(name)
}

// labelled finds a name given by a label: "Name: Jane Doe", "姓名：邓书珊",
// or "Prénom : Aminata" with "Nom : DJIGO" (given name first).
func (f *nameFinder) labelled(lines []string) (nameHit, bool) {
	var given, family string
	for i, l := range lines {
		if i >= 200 {
			break
		}
		m := nameLabel.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		label := strings.ToLower(m[1])
		if !strings.ContainsAny(l, ":：") && (len(strings.Fields(l)) > 4 || label != "name" && label != "姓名") {
			continue // "Name Michael" in a table, not "Name of the project"
		}
		value := m[2]
		if i := strings.IndexAny(value, "|•·\t"); i > 0 {
			value = value[:i] // "Name: Jane Doe | Born: 1990"
		}
		name, why := f.nameIn(value)
		if why != "" {
			continue
		}
		switch label {
		case "prénom", "prenom", "vorname", "first name", "given name", "nome", "имя":
			given = name
		case "nom", "nachname", "familienname", "last name", "family name", "surname", "cognome", "sobrenome", "apellido", "apellidos", "фамилия":
			family = name
		default:
			return nameHit{name: name, source: SourceLabel, uncertain: f.weak(name, false)}, true
		}
		if given != "" && family != "" {
			return nameHit{name: given + " " + family, source: SourceLabel}, true
		}
	}
	if given != "" || family != "" {
		return nameHit{name: strings.TrimSpace(given + " " + family), source: SourceLabel, uncertain: true}, true
	}
	return nameHit{}, false
}

// maxTitleLines is how many lines of a title are read: a name takes one or
// two, three with a tagline.
const maxTitleLines = 3

// nextLine returns the index of the next non-empty line after i, or -1.
func nextLine(lines []string, i int) int {
	for j := i + 1; j < len(lines) && j < i+3; j++ {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return -1
}

// nameOnTwoLines joins a name a layout broke over two lines: "Ludwig von"
// and "Hohenberg", "Isabella García-" and "Márquez", "Thomas" and
// "Müller-Lüdenscheidt…" (a name set as two lines, given and family). It
// returns "" when the lines do not look like that; the join is still
// checked as a name.
func nameOnTwoLines(seg, next string) string {
	words, nw := strings.Fields(seg), strings.Fields(next)
	if len(words) == 0 || len(nw) == 0 {
		return ""
	}
	last := words[len(words)-1]
	if scriptOf(last) != scriptOf(nw[0]) {
		return "" // "Page" and "Ольга": two things
	}
	switch {
	case strings.HasSuffix(last, "-"):
		return seg + nw[0]
	case isNameWord("particle", last):
		return seg + " " + nw[0]
	case len(words) == 1 && utf8.RuneCountInString(seg) > 1:
		return seg + " " + nw[0] // checked as a name: "Adaikkalam Student" is not one
	}
	return ""
}

// scriptOf returns the script of a word's first letter, as a table of
// package unicode (nil for none of those tried).
func scriptOf(w string) *unicode.RangeTable {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		for _, t := range []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Han, unicode.Hangul,
			unicode.Hiragana, unicode.Katakana, unicode.Arabic, unicode.Hebrew, unicode.Devanagari} {
			if unicode.Is(t, r) {
				return t
			}
		}
		return nil
	}
	return nil
}

// leadingSegment returns the start of a line up to the first separator or
// contact detail: "Sourabh Bajaj" of "Sourabh Bajaj Email: sourabh@…",
// "CHRIS OH" of "CHRIS OH 206.403.7494 5tigerjelly@…", "John Doe" of
// "John Doe | Resumé title" and of "John Doe john.doe jdoe" (a handle). A
// labelled line ("Email: …", "Prénom : Aminata") or an address ("Seattle,
// WA") has none.
func leadingSegment(l string) string {
	l = strings.TrimSpace(strings.TrimLeftFunc(l, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) // bullets, icons
	}))
	l = joinLetterSpaced(l)
	if pageNumber.MatchString(l) {
		return "" // "Page 2 of 3", a page header's or footer's
	}
	if loc := cityOnNameLine.FindStringIndex(l); loc != nil && loc[0] > 0 {
		l = l[:loc[0]] // "SARAH O'NEILL Boston, MA US": the address set on the name's line
	}
	if i := strings.IndexByte(l, ','); i >= 0 {
		// "Seattle, WA", "Alandur, Chennai": a place or a list, unless what
		// follows is a degree or a suffix ("Jane Doe, PhD").
		if rest := strings.TrimSpace(l[i+1:]); rest != "" && !nameSuffix.MatchString(rest) {
			return ""
		}
	}
	if i := strings.IndexAny(l, "|•·\t,;–—/(<"); i >= 0 {
		l = l[:i]
	}
	if i := strings.Index(l, "   "); i >= 0 {
		l = l[:i]
	}
	words := strings.Fields(l)
	if n := len(words); n >= 3 && isCode(words[n-1]) && !nameSuffix.MatchString(words[n-1]) {
		// "KWAME MENSAH Accra GH", "Giulia Bianchi Torino IT": a city and
		// its country code set on the name's line.
		if r, _ := utf8.DecodeRuneInString(words[n-2]); unicode.IsUpper(r) && !upper(words[n-2]) || caseless(words[n-2]) {
			words = words[:n-2]
		}
	}
	capitalised := 0
	for i, w := range words {
		if strings.HasSuffix(w, ":") || strings.Contains(w, "：") || w == ":" {
			if i <= 1 {
				return "" // a label: "Email: …", "Prénom : Aminata", "Nom : DJIGO"
			}
			return strings.Join(words[:i], " ")
		}
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		if i > 0 && yearWord.MatchString(w) && monthRe.MatchString(words[i-1]) {
			return "" // a date: "Aug 2025 – Present"
		}
		if strings.ContainsAny(w, "@0123456789+") || strings.Contains(lw, "www.") ||
			capitalised >= 2 && unicode.IsLower(r) && strings.ContainsAny(w, "._") {
			return strings.Join(words[:i], " ")
		}
		if unicode.IsUpper(r) {
			capitalised++
		}
	}
	return strings.Join(words, " ")
}

// monthRe is a month's name or abbreviation, in English, and yearWord a
// year: together, a date at the start of a line.
var (
	monthRe  = regexp.MustCompile(`^(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$`)
	yearWord = regexp.MustCompile(`^(?:19|20)\d\d\b`)
)

// cityOnNameLine is a city, its state and country codes at the end of a
// line: " Boston, MA US", " San Francisco, CA".
var cityOnNameLine = regexp.MustCompile(`\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?,\s*[A-Z]{2}(?:\s+[A-Z]{2})?\s*$`)

// pageNumber is a page number's label: "Page 2", "Seite 1", "Página 3".
var pageNumber = regexp.MustCompile(`^(?i:page|seite|página|pagina|strona|pag\.|p\.)\s*\d`)

// nameSuffix is what may follow a name after a comma: degrees and
// generational suffixes.
var nameSuffix = regexp.MustCompile(`^(?i:ph\.?\s?d|m\.?d|mba|m\.?sc?|b\.?sc?|m\.?a|b\.?a|cpa|pe|pmp|cfa|jr|sr|ii|iii|iv|esq)\.?\s*(,|$)`)

// nameIn returns s as a name, in the form shown in reports, or why it is
// not one. For a job title or a field ("Alistair M Senior", "Grace Hopper
// Data"), the name is returned with the reason, for the e-mail address to
// confirm.
func (f *nameFinder) nameIn(s string) (name, why string) {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	// A final vowel sign (Devanagari "शर्मा") is a mark, not a letter.
	s = strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) && r != '.' })
	s = joinLetterSpaced(s)
	if s == "" {
		return "", notNameShape
	}
	if strings.ContainsAny(s, "@/:") || strings.Contains(strings.ToLower(s), "www.") {
		return "", notNameContact
	}
	if strings.ContainsFunc(s, unicode.IsDigit) {
		return "", notNameShape
	}
	if _, ok := headingOf(s); ok || isNameWord("heading", simpleKey(s)) {
		return "", notNameHeading
	}
	if caseless(s) {
		return caselessName(s)
	}
	words := strings.Fields(s)
	if len(words) > 5 || strings.HasSuffix(s, ".") && !isInitials(words[len(words)-1]) {
		return "", notNameText
	}
	if isNameWord("place", strings.ToLower(s)) {
		return "", notNamePlace
	}
	soft := ""
	allField := true
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".'’"))
		switch {
		case isNameWord("heading word", lw) || isNameWord("heading", lw):
			return "", notNameHeading
		case isNameWord("organization", lw):
			return "", notNameOrg
		case isNameWord("street word", lw):
			return "", notNamePlace
		case isNameWord("job title", lw):
			soft = notNameTitle
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			particle, _, _ := strings.Cut(w, "-") // "al-Amin"
			if i == 0 || !isNameWord("particle", particle) {
				return "", notNameText // a lowercase word: a phrase
			}
		} else if isNameWord("function word", lw) && utf8.RuneCountInString(w) > 1 {
			return "", notNameText
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !unicode.Is(unicode.M, c) && !strings.ContainsRune(".-'’", c) {
				return "", notNameShape
			}
		}
		skill := false
		if f.tax != nil {
			_, skill = f.tax.Lookup(lw)
		}
		if !isNameWord("field", lw) && !skill {
			allField = false
		}
	}
	if len(words) == 1 && utf8.RuneCountInString(strings.Trim(words[0], ".")) < 2 {
		return "", notNameShape
	}
	name = displayName(words)
	if soft == "" && allField {
		soft = notNameSkill
	}
	return name, soft
}

// displayName writes a name's words as a report shows them: words in
// capitals in title case ("CHRIS OH" is "Chris Oh"), "ArashEslami" split.
func displayName(words []string) string {
	var out []string
	joined := strings.ReplaceAll(strings.Join(words, " "), "’", "'")
	for _, w := range strings.Fields(initialDot.ReplaceAllString(joined, ". $1")) {
		if upper(w) && utf8.RuneCountInString(w) > 1 && !isInitials(w) {
			w = titleCase(w)
		}
		out = append(out, splitCamel(w)...)
	}
	return strings.Join(out, " ")
}

func upper(w string) bool {
	return strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// isInitials reports whether w is initials ("D.", "J.R.").
func isInitials(w string) bool {
	return strings.HasSuffix(w, ".") && utf8.RuneCountInString(strings.ReplaceAll(w, ".", "")) <= 2
}

// titleCase capitalises each part of a word split at hyphens and
// apostrophes: "O'BRIEN" is "O'Brien", "MARY-JANE" is "Mary-Jane".
func titleCase(w string) string {
	r := []rune(strings.ToLower(w))
	start := true
	for i, c := range r {
		if start && unicode.IsLetter(c) {
			r[i] = unicode.ToUpper(c)
		}
		start = c == '-' || c == '\'' || c == '’' || c == '.'
	}
	return string(r)
}

// splitCamel splits a word that lost its space in extraction:
// "ArashEslami" is "Arash Eslami". Only a lowercase-to-uppercase change
// after three letters, before three more, splits, so "McNair", "DeVito"
// and "MacDonald" stay whole.
func splitCamel(w string) []string {
	r := []rune(w)
	for i := 3; i+3 <= len(r); i++ {
		if unicode.IsLower(r[i-1]) && unicode.IsUpper(r[i]) && unicode.IsLower(r[i+1]) {
			if p := strings.ToLower(string(r[:i])); p == "mac" || p == "van" || p == "von" || p == "del" || p == "della" {
				continue
			}
			return append([]string{string(r[:i])}, splitCamel(string(r[i:]))...)
		}
	}
	return []string{w}
}

// initialDot is an initial glued to the next word: "P.Nithya".
var initialDot = regexp.MustCompile(`\.(\p{Lu}\p{Ll})`)

var wideGap = regexp.MustCompile(`\s{2,}`)

// joinLetterSpaced joins text set with a space between letters:
// "J O H N   D O E" is "JOHN DOE", "朱 威" is "朱威". Words are told apart by
// wider gaps (two spaces or more); with single spaces only, the letters
// make one word.
func joinLetterSpaced(s string) string {
	fields := strings.Fields(s)
	single := 0
	for _, f := range fields {
		if utf8.RuneCountInString(f) == 1 {
			single++
		}
	}
	if len(fields) < 2 || single < len(fields) || caseless(s) && len(fields) > 4 {
		// "Claud D. Park", "John A Smith": initials, not spacing; but every
		// field one character long is spacing ("朱 威", "C O N T A C T").
		return s
	}
	var words []string
	for _, part := range wideGap.Split(strings.TrimSpace(s), -1) {
		words = append(words, strings.ReplaceAll(part, " ", ""))
	}
	return strings.Join(words, " ")
}

// caseless reports whether s is written in scripts without capital letters
// (Han, kana, Hangul, Arabic, Hebrew, Thai…): the capitalisation tests do
// not apply to it.
func caseless(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) || unicode.IsLower(r) {
				return false
			}
		}
	}
	return letters > 0
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// isCJKName reports whether name is written in Han or Hangul characters.
func isCJKName(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return isCJK(r)
}

// caselessName accepts a name in a script without capitals. Han, kana
// and Hangul: two to five characters (spaces between them allowed) that
// start with a common family name, or end with one (given name first:
// "小龙 李"), and hold no part of a heading. Other scripts (Arabic, Hebrew,
// Thai…): two to four words, none part of a heading.
func caselessName(s string) (string, string) {
	for h := range nameWords["caseless heading"] {
		if strings.Contains(s, h) {
			return "", notNameHeading
		}
	}
	words := strings.Fields(s)
	r, _ := utf8.DecodeRuneInString(s)
	if !isCJK(r) {
		if len(words) < 2 || len(words) > 4 {
			return "", notNameShape
		}
		for _, w := range words {
			if strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) }) {
				return "", notNameShape
			}
		}
		return strings.Join(words, " "), ""
	}
	joined := strings.Join(words, "")
	for _, r := range joined {
		if !isCJK(r) && r != '·' && r != '・' {
			return "", notNameShape
		}
	}
	if n := utf8.RuneCountInString(joined); n < 2 || n > 5 || len(words) > 2 && len(words) != n {
		return "", notNameShape
	}
	display := joined
	if len(words) == 2 && utf8.RuneCountInString(joined) > 2 {
		display = s // "山田 太郎", "小龙 李": the space parts family and given name
	}
	if len(words) == 2 && isNameWord("cjk surname", words[1]) {
		return display, "" // given name first: "小龙 李"
	}
	// One-character family names make two- and three-character names;
	// longer names need a longer family name ("欧阳", "佐々木", "山田"), or
	// any word that starts with a common one ("毕业论文") would pass.
	for _, n := range []int{3, 2, 1} {
		if isNameWord("cjk surname", firstRunes(joined, n)) && utf8.RuneCountInString(joined)-n <= 2 {
			return display, ""
		}
	}
	return "", notNameShape
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// simpleKey lowercases s and keeps only its letters, digits and single
// spaces, to compare a line with a word list.
func simpleKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// matchesEmail reports whether the name and the e-mail address tell of
// the same person: a word of the name of three letters or more, without
// accents, is in the address's local part ("Sourabh Bajaj" and
// "sourabh@…", "María Núñez" and "mnunez@…").
func (f *nameFinder) matchesEmail(name string) bool {
	if f.emailLocal == "" {
		return false
	}
	local := fold(f.emailLocal)
	for _, w := range nameParts(name) {
		if len(w) >= 3 && strings.Contains(local, w) {
			return true
		}
	}
	return false
}

// confirms reports whether the e-mail address names the person beyond
// doubt, a job title or field word of the name included: two words of the
// name, or its only word, are in its local part, and so is every such
// word ("Alistair M Senior" and alistair.senior@…, not "Kwame Mensah
// Engineer" and kwame.mensah@…).
func (f *nameFinder) confirms(name string) bool {
	if f.emailLocal == "" {
		return false
	}
	local, parts, n := fold(f.emailLocal), nameParts(name), 0
	for _, w := range parts {
		in := len(w) >= 3 && strings.Contains(local, w)
		if in {
			n++
		} else if isNameWord("job title", w) || isNameWord("field", w) {
			return false
		}
	}
	return n >= 2 || n == 1 && len(parts) == 1
}

// nameParts returns the words of a name folded for comparison with an
// e-mail address, initials left out: "P.Nithya" gives "nithya".
func nameParts(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		if w = fold(w); len(w) > 1 {
			out = append(out, w)
		}
	}
	return out
}

// fold lowercases s, writes Cyrillic and Greek letters in Latin ones and
// drops accents and everything but letters: "Núñez" is "nunez", "Ольга"
// is "olga", to compare a name with an e-mail address.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.M, r) || !unicode.IsLetter(r):
		case translit[r] != "":
			b.WriteString(translit[r])
		case unicode.In(r, unicode.Cyrillic, unicode.Greek):
			// a soft or hard sign, or a letter without a Latin spelling
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// translit spells lowercase Cyrillic and Greek letters in Latin, as e-mail
// addresses usually do (a simple, common romanisation; only to compare).
var translit = func() map[rune]string {
	m := map[rune]string{}
	for _, pair := range strings.Fields(`а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f
		х:kh ц:ts ч:ch ш:sh щ:shch ы:y э:e ю:yu я:ya і:i ї:yi є:ye ґ:g
		α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x ο:o π:p ρ:r σ:s ς:s τ:t υ:y φ:f χ:ch ψ:ps ω:o`) {
		k, v, _ := strings.Cut(pair, ":")
		r, _ := utf8.DecodeRuneInString(k)
		m[r] = v
	}
	return m
}()

// nameFromEmail makes a name of a local part of two or three words of
// letters joined by ".", "_" or "-" ("john.doe" is "John Doe"); anything
// else ("jdoe", "5tigerjelly", "info") gives nothing.
func nameFromEmail(local string) string {
	parts := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' })
	if len(parts) < 2 || len(parts) > 3 {
		return ""
	}
	for i, p := range parts {
		if utf8.RuneCountInString(p) < 2 || strings.ContainsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) {
			return ""
		}
		if isNameWord("heading word", p) || isNameWord("job title", p) || isNameWord("field", p) {
			return ""
		}
		parts[i] = titleCase(p)
	}
	return strings.Join(parts, " ")
}
