// Package redact removes what identifies a person, or their sex or age,
// from the text of a resume, for blind review: names, e-mail addresses,
// phone numbers, URLs, street addresses, dates of birth and ages, gender
// words and pronouns, and labelled personal details (nationality, marital
// status, religion). Each is replaced by a bracketed label such as
// "[email]", so a reader sees that something was there and what kind.
//
// Redaction errs on the side of removing: a word that is also the
// candidate's name is removed wherever it occurs. It never removes skills,
// employers, job titles or the dates of roles, which blind review needs.
package redact

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Identity is what is known of the person a text is about, from the
// resume's own contact details. Each value is removed wherever it occurs,
// also when the patterns would miss it.
type Identity struct {
	// Names are full names; each word of a name (two letters or more) is
	// removed on its own too, so "Dr. Doe" and "JANE" go as well.
	Names  []string
	Emails []string
	Phones []string
	Links  []string
}

// The labels that replace what is removed.
const (
	Name        = "[name]"
	Email       = "[email]"
	Phone       = "[phone]"
	URL         = "[url]"
	Address     = "[address]"
	DateOfBirth = "[date of birth]"
	Age         = "[age]"
	Gender      = "[gender]"
	Pronoun     = "[pronoun]"
	Personal    = "[personal detail]"
	ID          = "[id]" // a personal identifier such as an ORCID
)

// pattern is one kind of personal detail: what finds it, and optionally
// what rejects a match that only looks like one.
type pattern struct {
	label  string
	re     *regexp.Regexp
	reject func(match string) bool
	// hints, if any, are lower-case strings of which a text must contain
	// one for the pattern to be tried: a cheap test that spares most texts
	// the slower expressions (a case-insensitive alternation cannot use
	// the regexp package's literal prefix search).
	hints []string
}

// date is a calendar date as resumes write one: 12/03/1990, 1990-03-12,
// 12 March 1990, March 12th, 1990, 12. März 1990.
const date = `(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d|\d{1,2}(?:st|nd|rd|th)?\.?\s+\p{L}+\.?,?\s+(?:19|20)\d\d|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|(?:19|20)\d\d)`

// The patterns, applied in this order: an e-mail before the URL and name
// inside it, a date of birth before the phone its digits could resemble.
var patterns = []pattern{
	{Email, regexp.MustCompile(`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`), nil, nil},
	// An address cut at the end of a line ("jane@gmail" / ".com").
	{Email, regexp.MustCompile(`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]{2,}\b`), nil, nil},
	{Email, regexp.MustCompile(`(?i)[\p{L}\p{N}._+-]+\s*[\[(]\s*at\s*[\])]\s*[\p{L}\p{N}-]+(?:\s*[\[(]\s*dot\s*[\])]\s*[\p{L}\p{N}-]+)+`), nil, []string{"[at", "(at", "[ at", "( at"}},
	{URL, regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"|]+`), nil, []string{"http", "www."}},
	{URL, regexp.MustCompile(`(?i)\b(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com|facebook\.com|instagram\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|xing\.com)/[^\s<>"|]*`), nil, []string{"/"}},
	// A bare personal domain, in lower case ("janedoe.dev"); "ASP.NET" and
	// "Node.js" are not domains.
	{URL, regexp.MustCompile(`\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|co|info|app|ai|xyz|tech|site|page|blog|codes)(?:/[^\s<>"|]*)?\b`),
		func(m string) bool { return m == "asp.net" || m == "vb.net" || m == "ado.net" }, []string{".co", ".org", ".net", ".io", ".dev", ".me", ".info", ".app", ".ai", ".xyz", ".tech", ".site", ".page", ".blog"}},
	{DateOfBirth, regexp.MustCompile(`(?i)\b(?:date\s+of\s+birth|birth\s*date|d\.o\.b\.?|dob|born(?:\s+on|\s+in)?|geburtsdatum|geboren(?:\s+am)?|date\s+de\s+naissance|n[ée]e?\s+le|fecha\s+de\s+nacimiento)\s*[:–-]?\s*` + date), nil, []string{"birth", "dob", "d.o.b", "born", "geburt", "geboren", "naissance", "née", "nee", "né ", "ne le", "nacimiento"}},
	{Age, regexp.MustCompile(`(?i)\b(?:age|aged|alter|âge|edad)\s*[:–-]?\s*\d{1,2}\b(?:\s*(?:years|yrs|jahre|ans|años))?`), nil, []string{"age", "alter", "edad"}},
	{Age, regexp.MustCompile(`(?i)\b\d{1,2}\s*(?:-\s*)?(?:years?|yrs?)[\s-]*old\b|\b\d{1,2}\s*y/o\b`), nil, []string{"old", "y/o"}},
	{Personal, regexp.MustCompile(`(?im)\b(?:nationality|marital\s+status|family\s+status|religion|place\s+of\s+birth|(?:father|mother|husband|wife|spouse|parent)['’]?s?\s+name|staatsangehörigkeit|familienstand|nationalité|état\s+civil)\s*[:–-]\s*[^|\n;]*`), nil, []string{"nationalit", "marital", "family status", "religion", "birth", "name", "staatsang", "familienstand", "état civil", "etat civil"}},
	{Gender, regexp.MustCompile(`(?im)\b(?:gender|sex|geschlecht|sexe)\s*[:–-]\s*[^|\n;,]*`), nil, []string{"gender", "sex", "geschlecht"}},
	// Street addresses: a number and a street with its type, and what
	// usually follows (flat, town, state and postcode); or the German and
	// French order; or a post-office box.
	{Address, regexp.MustCompile(`\b\d{1,5}[A-Za-z]?,?[ \t]+(?:[\p{Lu}\d][\p{L}\d'.-]*[ \t]+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Square|Sq|Crescent|Close|Highway|Hwy)\b\.?(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b)?(?:,?[ \t]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?[ \t]*[\w-]+)?(?:,[ \t]*[\p{Lu}][\p{Ll}.'-]+(?:[ \t]+[\p{Lu}][\p{Ll}.'-]+){0,2}){0,2}(?:,?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?)?`), nil, nil},
	{Address, regexp.MustCompile(`\b(?:[\p{Lu}][\p{L}-]*(?:stra(?:ss|ß)e|str\.|weg|gasse|allee|platz|ring|damm)|Stra(?:ss|ß)e)[ \t]+\d{1,4}[a-z]?(?:[ \t]*[,–-][ \t]*\d{4,5}[ \t]+[\p{Lu}][\p{L}-]+)?`), nil, []string{"str", "weg", "gasse", "allee", "platz", "ring", "damm"}},
	{Address, regexp.MustCompile(`\b\d{1,4},?[ \t]+(?:rue|avenue|boulevard|bd|chemin|allée|place|impasse|quai|calle|avenida|via|viale|piazza)[ \t]+(?:[\p{L}'-]+[ \t]+){0,4}[\p{L}'-]+(?:,[ \t]*\d{5}[ \t]+[\p{Lu}][\p{L}-]+)?`), nil, nil},
	{Address, regexp.MustCompile(`(?i)\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d+`), nil, []string{"box"}},
	{ID, regexp.MustCompile(`\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b`), nil, nil}, // ORCID
	{Phone, regexp.MustCompile(`(?:\+|\b00)?\(?\d[\d \t().-]{6,20}\d(?:[ \t]*(?:ext\.?|x)[ \t]*\d{1,5})?`), notPhone, nil},
}

// notPhone rejects digit runs that are dates or year ranges
// ("2016-2018 2019", "01.2019 - 03.2022"), or too short or long for a
// phone number (fewer than 8 or more than 15 digits; 8 allows local
// numbers in several countries).
func notPhone(m string) bool {
	if i := strings.LastIndexAny(m, "xe"); i >= 0 {
		m = m[:i] // an extension's digits do not count
	}
	digits := 0
	for _, r := range m {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits < 8 || digits > 15 {
		return true
	}
	years := 0
	for _, f := range strings.FieldsFunc(m, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(f) == 4 && (strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20")) {
			years++
		}
	}
	return years >= 2
}

// gendered are words that say a person's sex; pronouns are replaced on
// their own. Titles are matched in title case only, so the degree "MS"
// stays.
var (
	// titled is a title and the name after it: "Dr. Anna Weber", "Mr John
	// Smith" (a referee, say, whose name the resume's contacts do not give).
	titled  = regexp.MustCompile(`\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|Frau|Mme|Mlle)\.?[ \t]+[\p{Lu}][\p{L}'-]+(?:[ \t]+[\p{Lu}][\p{L}'-]+){0,2}`)
	nameRun = regexp.MustCompile(`\[name\](?:[ \t-]+\[name\])+`)
	titles  = regexp.MustCompile(`\b(?:Mr|Mrs|Ms|Mx|Miss|Herr|Frau|Mme|Mlle|Madame|Monsieur)\b\.?`)
)

// Text returns text with the personal details of id, and any others the
// patterns find, replaced by their labels. Line breaks are kept, so the
// result lines up with the original line by line.
func Text(text string, id Identity) string {
	text = literal(text, id.Emails, Email)
	text = literal(text, id.Links, URL)
	text = literal(text, id.Phones, Phone)
	for _, p := range patterns {
		if !mayContain(text, p.hints) {
			continue
		}
		text = p.re.ReplaceAllStringFunc(text, func(m string) string {
			if p.reject != nil && p.reject(m) {
				return m
			}
			return labelFor(m, p.label)
		})
	}
	text = names(text, id.Names)
	if mayContainCase(text, titleHints) {
		text = titled.ReplaceAllStringFunc(text, func(m string) string { return labelFor(m, Name) })
	}
	text = nameRun.ReplaceAllString(text, Name)
	if mayContainCase(text, titleHints) {
		text = titles.ReplaceAllString(text, Gender)
	}
	return replaceWords(text, genderLabel)
}

// titleHints are the beginnings of the titles titled and titles find.
var titleHints = []string{"Mr", "Ms", "Mx", "Miss", "Dr", "Prof", "Herr", "Frau", "Mme", "Mlle", "Madame", "Monsieur"}

// mayContainCase reports whether text contains one of the hints as written.
func mayContainCase(text string, hints []string) bool {
	for _, h := range hints {
		if strings.Contains(text, h) {
			return true
		}
	}
	return false
}

// genderLabel is the label of a lower-case word that says a person's sex:
// a pronoun, or a gendered noun or adjective; "" for any other word.
func genderLabel(w string) string {
	switch w {
	case "he", "she", "him", "her", "hers", "his", "himself", "herself":
		return Pronoun
	case "male", "female", "man", "woman", "men", "women", "gentleman", "gentlemen", "lady", "ladies", "boy", "girl", "boys", "girls",
		"husband", "wife", "mother", "father", "mom", "mum", "dad", "son", "daughter", "brother", "sister",
		"maternity", "paternity", "sorority", "fraternity", "widow", "widower":
		return Gender
	}
	return ""
}

// replaceWords replaces each word that label names, a word being a run of
// ASCII letters between non-word characters (as the regexp \b bounds
// it: letters, digits and "_" are word characters), matched in lower case.
// It is one pass over the text, where an alternation of thirty words
// ignoring case would be slow.
func replaceWords(text string, label func(lower string) string) string {
	isLetter := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	isWord := func(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		if !isLetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		if (i == 0 || !isWord(text[i-1])) && (j == len(text) || !isWord(text[j])) {
			if l := label(strings.ToLower(text[i:j])); l != "" {
				b.WriteString(text[last:i])
				b.WriteString(l)
				last = j
			}
		}
		i = j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// mayContain reports whether text contains one of the hints, ignoring
// case; no hints means it may contain anything.
func mayContain(text string, hints []string) bool {
	if len(hints) == 0 {
		return true
	}
	low := strings.ToLower(text)
	for _, h := range hints {
		if strings.Contains(low, h) {
			return true
		}
	}
	return false
}

// literal replaces each value, ignoring case.
func literal(text string, values []string, label string) string {
	for _, v := range values {
		v = strings.TrimSpace(strings.ToValidUTF8(v, ""))
		if len(v) < 3 {
			continue
		}
		if !strings.Contains(strings.ToLower(text), strings.ToLower(v)) {
			continue // the common case: spare the expression
		}
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(v))
		text = re.ReplaceAllStringFunc(text, func(m string) string { return labelFor(m, label) })
	}
	return text
}

// names replaces each full name, then each word of it, ignoring case and
// only as whole words (a letter or digit on either side means another word).
// A "name" of more than maxNameWords words is not one: it is skipped.
func names(text string, full []string) string {
	const maxNameWords = 8
	var words []string
	seen := map[string]bool{}
	add := func(w string) {
		if k := strings.ToLower(w); !seen[k] {
			seen[k] = true
			words = append(words, w)
		}
	}
	for _, n := range full {
		n = strings.ToValidUTF8(n, "")
		parts := strings.Fields(n)
		if len(parts) == 0 || len(parts) > maxNameWords {
			continue
		}
		add(strings.Join(parts, " "))
		for _, w := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			if utf8.RuneCountInString(w) >= 2 {
				add(w)
			}
		}
	}
	for _, w := range words {
		text = wholeWord(text, w, Name)
	}
	return text
}

func wholeWord(text, word, label string) string {
	if first, _, _ := strings.Cut(word, " "); !strings.Contains(strings.ToLower(text), strings.ToLower(first)) {
		return text
	}
	re := regexp.MustCompile(`(?i)` + strings.ReplaceAll(regexp.QuoteMeta(word), " ", `\s+`))
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		after, _ := utf8.DecodeRuneInString(text[m[1]:])
		if m[0] > 0 && isWordRune(before) || m[1] < len(text) && isWordRune(after) {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(labelFor(text[m[0]:m[1]], label))
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// labelFor is what replaces match: the label, once per line the match
// spans, so the text keeps its lines.
func labelFor(match, label string) string {
	return strings.Repeat(label+"\n", strings.Count(match, "\n")) + label
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
