package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Where a contact value came from, as [Profile] NameSource, EmailSource and
// PhoneSource say. When the value is empty, the source says why:
// [SourceNotFound], or "rejected: " and the reason the best line was not
// taken (a heading, a job title, a skill, a place, a sentence…).
const (
	SourceLargestText  = "largest text"  // name: the largest type near the top of the first page (PDF) or the title (DOCX)
	SourceHeader       = "header"        // one of the first lines of the text
	SourcePageHeader   = "page header"   // a page header of the document (DOCX)
	SourceLabel        = "label"         // a labelled line: "Name: …", "Phone: …"
	SourceMatchesEmail = "matches email" // name: a line further down whose words are in the e-mail address
	SourceBody         = "body"          // further down the text
	SourceContactLine  = "contact line"  // phone: a line that also holds an e-mail address or a link
	SourceEmail        = "email"         // name: made from the e-mail address ("john.doe@…"), a guess
	SourceWrapped      = "wrapped"       // e-mail: joined from two lines of a narrow column
	SourceObfuscated   = "obfuscated"    // e-mail: "jane [at] example [dot] com"
	SourceHyphenated   = "hyphenated"    // e-mail: joined across a hyphen set at a line end; a guess, as the hyphen may be the address's own
	SourceNotFound     = "not found"     // no value: nothing in the text had its shape
)

// Contact fields named in [Profile] Uncertain.
const (
	FieldName  = "name"
	FieldEmail = "email"
	FieldPhone = "phone"
)

// headerLines is how far the header zone reaches for e-mail addresses and
// phone numbers: a value in the first lines is the candidate's own; one
// further down may be a referee's or an employer's, and is taken only when
// the top has none.
const headerLines = 15

// contacts are a resume's contact details and where each came from.
type contacts struct {
	name, email, phone                   string
	nameSource, emailSource, phoneSource string
	uncertain                            []string
	links                                []string
}

// findContacts reads the contact details of a resume.
func (t *Taxonomy) findContacts(r Resume, lines []string) contacts {
	var c contacts
	lines = clip(lines)
	emails := findEmails(lines)
	if len(emails) > 0 {
		// The first address in reading order: the header's, or a sidebar's.
		e := emails[0]
		c.email, c.emailSource = e.addr, e.source
		if e.source == "" {
			c.emailSource = SourceBody
			if e.line < headerLines {
				c.emailSource = SourceHeader
			}
		}
		if inReferences(lines, e.line) || e.source == SourceHyphenated {
			// Perhaps a referee's; or "jean-" "paul@…", where the text
			// cannot tell a typesetter's hyphen from the address's own.
			c.uncertain = append(c.uncertain, FieldEmail)
		}
	} else {
		c.emailSource = SourceNotFound
	}

	phones := findPhones(lines, r.Region)
	if p, ok := pickPhone(phones, lines); ok {
		c.phone = p.number
		switch {
		case p.labelled:
			c.phoneSource = SourceLabel
		case p.line < headerLines:
			c.phoneSource = SourceHeader
		case isContactLine(lines[p.line]):
			c.phoneSource = SourceContactLine
		default:
			c.phoneSource = SourceBody
		}
		if p.uncertain || inReferences(lines, p.line) {
			c.uncertain = append(c.uncertain, FieldPhone)
		}
	} else {
		c.phoneSource = SourceNotFound
	}

	f := &nameFinder{tax: t}
	if c.email != "" {
		f.emailLocal, _, _ = strings.Cut(strings.ToLower(c.email), "@")
	}
	if r.PageHeader != "" {
		f.pageHeader = map[string]bool{}
		for _, l := range strings.Split(r.PageHeader, "\n") {
			f.pageHeader[strings.TrimSpace(l)] = true
		}
	}
	n := f.find(lines, r.Title)
	c.name, c.nameSource = n.name, n.source
	if n.uncertain {
		c.uncertain = append([]string{FieldName}, c.uncertain...)
	}
	c.links = findLinks(lines)
	return c
}

// maxContactLine is how much of a line is read for contact details: they
// sit on short lines or at the start of long ones, and a hostile file's
// megabyte-long line must not be read many times over.
const maxContactLine = 1000

// clip returns lines with each cut to maxContactLine bytes (at a character
// boundary); lines is not modified.
func clip(lines []string) []string {
	var out []string
	for i, l := range lines {
		if len(l) <= maxContactLine {
			continue
		}
		if out == nil {
			out = append([]string(nil), lines...)
		}
		cut := maxContactLine
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		out[i] = l[:cut]
	}
	if out == nil {
		return lines
	}
	return out
}

// pickPhone takes the first labelled number of the header zone, else its
// first number, else the first labelled number or the first on a contact
// line anywhere (a sidebar printed after the body), else the first number
// with the shape of one, marked uncertain unless the numbering plan of its
// country confirms it.
func pickPhone(hits []phoneHit, lines []string) (phoneHit, bool) {
	var firstTop, labelled, contact, other *phoneHit
	for i := range hits {
		h := &hits[i]
		switch {
		case h.line < headerLines && h.labelled:
			return *h, true
		case h.line < headerLines && firstTop == nil:
			firstTop = h
		case h.labelled && labelled == nil:
			labelled = h
		case isContactLine(lines[h.line]) && contact == nil:
			contact = h
		case other == nil:
			other = h
		}
	}
	for _, h := range []*phoneHit{firstTop, labelled, contact} {
		if h != nil {
			return *h, true
		}
	}
	if other != nil {
		// Far from the top and on no contact line: a number the numbering
		// plan confirms is the candidate's (forms and sidebars put it
		// there); any other run of digits is a guess.
		other.uncertain = other.uncertain || !other.valid
		return *other, true
	}
	return phoneHit{}, false
}

// inReferences reports whether line i is under a "References" heading (or
// "Referees", "Referenzen"…), where contact details are someone else's.
func inReferences(lines []string, i int) bool {
	for j := i; j >= 0; j-- {
		if _, ok := headingOf(lines[j]); ok {
			k := simpleKey(lines[j])
			return strings.HasPrefix(k, "referen") || strings.HasPrefix(k, "referee")
		}
	}
	return false
}

// isContactLine reports whether a line holds an e-mail address or a link.
func isContactLine(l string) bool {
	return strings.Contains(l, "@") || strings.Contains(l, "://") || strings.Contains(l, "www.")
}

var urlRe = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"()]+|\b(?:linkedin\.com/in/|github\.com/|gitlab\.com/)[^\s<>"()]+`)

func findLinks(lines []string) []string {
	seen := map[string]bool{}
	var links []string
	for _, l := range lines {
		low := asciiLower(l)
		if !strings.Contains(low, "http") && !strings.Contains(low, "www.") && !strings.Contains(low, ".com/") {
			continue // cheap filter before the URL expression
		}
		links = appendLinks(links, seen, l)
	}
	return links
}

func appendLinks(links []string, seen map[string]bool, text string) []string {
	for _, m := range urlRe.FindAllString(text, 50) {
		m = strings.TrimRight(m, ".,;:)]>|")
		key := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(m, "https://"), "http://"), "www."))
		if seen[key] || strings.Contains(key, "@") {
			continue
		}
		seen[key] = true
		links = append(links, m)
	}
	return links
}
