package rules

import (
	"regexp"
	"slices"
	"strings"
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
	// A letter's salutation, alone on its line or opening it.
	salutationRe = regexp.MustCompile(`(?i)^\s*(dear\b|respected\s+(sir|madam|hiring)|to whom it may concern|hello\s+(hiring|recruit|team)|hi\s+(hiring|team)|greetings\b|sehr geehrte|liebe[rs]?\s|madame,? monsieur|monsieur,? madame|estimad[oa]s?\b|prezad[oa]s?\b|gentile\b|egregi|уважаем|尊敬的)`)
	// A letter's closing.
	closingRe = regexp.MustCompile(`(?i)^\s*(yours\s+(sincerely|faithfully|truly)|sincerely|best regards|kind regards|warm regards|warmest regards|regards|respectfully|with (best|kind) regards|thank you for your (time|consideration)|mit freundlichen grüßen|freundliche grüße|cordialement|bien cordialement|veuillez agréer|atentamente|saludos cordiales|cordiali saluti|с уважением|此致|敬礼)\b`)
	// Phrases of a reference letter.
	referenceRe = regexp.MustCompile(`(?i)\b(letter of (recommendation|reference)|it is (my|a) (great )?pleasure to recommend|i (highly |strongly |warmly )?recommend (him|her|them)\b|i have known (him|her|them|mr|ms|mrs|dr)\b|i had the pleasure of (supervising|working with|teaching)|without (hesitation|reservation)|do not hesitate to contact me)`)
	// Phrases of a job posting.
	postingRe = regexp.MustCompile(`(?i)\b(we are (looking for|seeking|hiring)|we're (looking for|hiring)|the ideal candidate|you will|you'll|what you('ll| will) do|what we offer|we offer|about the (role|position|job)|job description|responsibilities|requirements|must[- ]have|nice[- ]to[- ]have|equal opportunity employer|apply now|how to apply|benefits include|join our team|our team|is required|(is )?a plus|you must|you should|or equivalent experience)\b`)
	// Words in the first person, counted per word to tell a letter's prose
	// from a resume's fragments.
	firstPerson = map[string]bool{"i": true, "i'm": true, "i’m": true, "my": true, "me": true, "myself": true}
)

// classify decides whether a document is something other than a resume:
// a cover letter, a reference letter or a job posting. It is conservative:
// a document with two or more resume sections (experience, education,
// skills, projects) is a resume unless it reads plainly as a posting (five
// of its phrases), so a resume that starts with a letter is still
// screened; otherwise it takes signals that agree (a salutation and a
// closing, a salutation and prose in the first person, or three phrases of
// a posting).
func classify(lines []string, sections []Section) *NotResume {
	resumeSections := map[Section]bool{}
	for i, l := range lines {
		if s, ok := headingOf(l); ok && s != SectionSummary && s != SectionOther {
			resumeSections[sections[i]] = true
		}
	}
	structured := len(resumeSections) >= 2
	var salutation, closing string
	words, first := 0, 0
	postingCues := map[string]bool{}
	var reference []string
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if salutation == "" && i < 40 && len(t) < 80 && salutationRe.MatchString(t) {
			salutation = t
		}
		if len(t) < 60 && closingRe.MatchString(t) {
			closing = t
		}
		for _, w := range strings.Fields(strings.ToLower(t)) {
			words++
			if firstPerson[strings.Trim(w, ".,;:!?")] {
				first++
			}
		}
		for _, m := range postingRe.FindAllString(t, -1) {
			postingCues[strings.ToLower(m)] = true
		}
		if m := referenceRe.FindString(t); m != "" && len(reference) < 2 {
			reference = append(reference, m)
		}
	}
	firstPersonProse := words >= 40 && first*100 >= words*3 // 3% of the words: "I", "my", "me"
	switch {
	case structured && len(postingCues) < 5:
		return nil
	case structured:
		// Five phrases of a posting outweigh its "Skills" and
		// "Qualifications" headings.
	case salutation != "" && len(reference) >= 1 && (closing != "" || len(reference) >= 2):
		return &NotResume{Kind: KindReferenceLetter, Evidence: said("opens", salutation) + "; " + quoteAll(reference)}
	case salutation != "" && closing != "":
		return &NotResume{Kind: KindCoverLetter, Evidence: said("opens", salutation) + "; " + said("closes", closing)}
	case salutation != "" && firstPersonProse:
		return &NotResume{Kind: KindCoverLetter, Evidence: said("opens", salutation) + "; written in the first person"}
	case len(postingCues) >= 3 && !firstPersonProse:
		cues := make([]string, 0, len(postingCues))
		for c := range postingCues {
			cues = append(cues, c)
		}
		slices.Sort(cues)
		return &NotResume{Kind: KindJobPosting, Evidence: quoteAll(cues[:3])}
	}
	return nil
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
