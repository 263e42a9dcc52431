package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NotResume says what a document is when it is not a resume.
type NotResume struct {
	Kind     string `json:"kind"`     // KindCoverLetter, KindReferenceLetter or KindJobPosting
	Evidence string `json:"evidence"` // the words that decided, e.g. `opens "Dear Hiring Manager,"; closes "Sincerely,"`
}

// Kinds of documents that are not resumes.
const (
	KindCoverLetter     = "cover letter"
	KindReferenceLetter = "reference letter"
	KindJobPosting      = "job posting"
)

var (
	// A letter's salutation, alone on its line or opening it (matched
	// against the line with ASCII lowercased).
	salutationRe = regexp.MustCompile(`^\s*(dear\b|respected\s+(sir|madam|hiring)|to whom it may concern|hello\s+(hiring|recruit|team)|hi\s+(hiring|team)|greetings\b|sehr geehrte|liebe[rs]?\s|madame,? monsieur|monsieur,? madame|estimad[oa]s?\b|prezad[oa]s?\b|gentile\b|egregi|(?i:уважаем)|尊敬的)`)
	// How a letter closes: the start of one of its last lines.
	closings = []string{"yours sincerely", "yours faithfully", "yours truly", "sincerely", "best regards", "kind regards",
		"warm regards", "warmest regards", "regards,", "respectfully", "with best regards", "with kind regards",
		"thank you for your time", "thank you for your consideration", "mit freundlichen grüßen", "freundliche grüße",
		"cordialement", "bien cordialement", "veuillez agréer", "atentamente", "saludos cordiales", "cordiali saluti",
		"с уважением", "此致"}
	// Phrases of a reference letter.
	referencePhrases = []string{"letter of recommendation", "letter of reference", "pleasure to recommend", "recommend him",
		"recommend her", "recommend them", "i have known", "i had the pleasure of supervising", "i had the pleasure of working with",
		"without hesitation", "without reservation", "do not hesitate to contact me"}
	// Phrases of a job posting: strong ones no resume uses, weak ones a
	// resume may ("gathered requirements", "Responsibilities:").
	postingStrong = []string{"we are looking for", "we are seeking", "we are hiring", "we're looking for", "we're hiring",
		"the ideal candidate", "you will", "you'll", "what we offer", "we offer", "about the role", "about the position",
		"about the job", "job description", "must have", "must-have", "nice to have", "nice-to-have",
		"equal opportunity employer", "apply now", "how to apply", "benefits include", "join our team", "is a plus",
		"you must", "you should", "you bring", "what you bring", "who you are", "bonus points", "you might also have"}
	postingWeak = []string{"responsibilities", "requirements", "our team", "is required", "or equivalent experience",
		"required", "about you", "we expect", "what we look for", "a bonus", "would help", "good to know", "we use",
		"our stack", "salary", "benefits"}
)

// classify decides whether a document is something other than a resume:
// a cover letter, a reference letter or a job posting. It is conservative:
// a document with two or more resume sections (experience, education,
// skills, projects) is a resume unless it reads plainly as a posting (five
// of its phrases), so a resume that starts with a letter is still
// screened; otherwise it takes signals that agree (a salutation and a
// closing, a salutation and prose in the first person, or three phrases of
// a posting, or prose addressed to its reader, "you", with one). low is
// the text with ASCII lowercased, lowLines its lines,
// lines the lines as written.
func classify(lines []string, low string, lowLines []string, sections []Section) *NotResume {
	resumeSections := map[Section]bool{}
	for i, l := range lowLines {
		if s, ok := headingOf(l); ok && s != SectionSummary && s != SectionOther {
			resumeSections[sections[i]] = true
		}
	}
	structured := len(resumeSections) >= 2
	strong := phrasesIn(low, postingStrong)
	postingCues := append(strong, phrasesIn(low, postingWeak)...)
	posting := len(strong) >= 2 || len(strong) >= 1 && len(postingCues) >= 3
	if structured && (len(strong) < 3 || len(postingCues) < 5) {
		return nil // only a plain posting outweighs "Skills" and "Qualifications" headings
	}
	reference := phrasesIn(low, referencePhrases)
	var salutation, closing string
	for i, l := range lowLines {
		t := strings.TrimSpace(l)
		if t == "" || len(t) >= 80 {
			continue
		}
		if salutation == "" && i < 40 && salutationRe.MatchString(t) {
			salutation = strings.TrimSpace(lines[i])
		}
		if len(t) < 60 && closing == "" {
			lt := t
			if t[0] >= 0x80 {
				lt = strings.ToLower(t)
			}
			for _, c := range closings {
				if strings.HasPrefix(lt, c) {
					closing = strings.TrimSpace(lines[i])
					break
				}
			}
		}
	}
	words, first, second := countPersons(low)
	firstPersonProse := words >= 40 && first*100 >= words*3 // 3% of the words: "i", "my", "me"
	// A posting speaks to its reader ("you", "your": 2% of the words), a
	// resume of its writer, if of anyone (under 1% "i", "my", "me").
	addressed := second >= 3 && second*100 >= words*2 && first*100 < words
	if addressed && len(postingCues) >= 1 && !posting {
		posting = true
		postingCues = append([]string{fmt.Sprintf("you/your %d times", second)}, postingCues...)
	}
	switch {
	case structured:
		return &NotResume{Kind: KindJobPosting, Evidence: quoteAll(postingCues[:3])}
	case salutation != "" && len(reference) >= 1 && (closing != "" || len(reference) >= 2):
		return &NotResume{Kind: KindReferenceLetter, Evidence: said("opens", salutation) + "; " + quoteAll(reference[:min(2, len(reference))])}
	case salutation != "" && closing != "":
		return &NotResume{Kind: KindCoverLetter, Evidence: said("opens", salutation) + "; " + said("closes", closing)}
	case salutation != "" && firstPersonProse:
		return &NotResume{Kind: KindCoverLetter, Evidence: said("opens", salutation) + "; written in the first person"}
	case posting && !firstPersonProse:
		return &NotResume{Kind: KindJobPosting, Evidence: quoteAll(postingCues[:min(3, len(postingCues))])}
	}
	return nil
}

// phrasesIn returns the phrases found in a lowercased text as whole words.
func phrasesIn(low string, phrases []string) []string {
	var found []string
	for _, p := range phrases {
		for from := 0; ; {
			i := strings.Index(low[from:], p)
			if i < 0 {
				break
			}
			i += from
			end := i + len(p)
			if (i == 0 || !isLetterBefore(low, i)) && (end == len(low) || !isLetterAt(low, end)) {
				found = append(found, p)
				break
			}
			from = i + 1
		}
	}
	return found
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// countPersons counts the words of a lowercased text, those in the first
// person singular ("i", "i'm", "my", "me", "myself") and those in the
// second person ("you", "your"…).
func countPersons(low string) (words, first, second int) {
	for _, w := range strings.Fields(low) {
		words++
		switch strings.Trim(w, ".,;:!?()") {
		case "i", "i'm", "i’m", "my", "me", "myself":
			first++
		case "you", "your", "you're", "you’re", "you'll", "you’ll", "yourself":
			second++
		}
	}
	return words, first, second
}

// said quotes a line of the document, shortened to 40 characters.
func said(verb, line string) string {
	if r := []rune(line); len(r) > 40 {
		line = string(r[:40]) + "…"
	}
	return verb + ` "` + line + `"`
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = `"` + x + `"`
	}
	return strings.Join(q, ", ")
}
