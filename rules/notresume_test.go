package rules

import (
	"strings"
	"testing"
)

// classifyText classifies a text the way Analyze does.
func classifyText(text string) *NotResume {
	lines := strings.Split(text, "\n")
	low := asciiLower(text)
	return classify(lines, low, strings.Split(low, "\n"), sectionsOf(lines))
}

// wordsOf returns a line of n words: the words given, then "work" as often
// as needed.
func wordsOf(n int, given ...string) string {
	w := append([]string(nil), given...)
	for len(w) < n {
		w = append(w, "work")
	}
	return strings.Join(w, " ")
}

func TestClassifyThresholds(t *testing.T) {
	const dear = "Dear Hiring Manager,"
	tests := []struct {
		name, text     string
		kind, evidence string // kind "" for a resume
	}{
		{"a letter with two resume sections is a resume",
			dear + "\nExperience\nEngineer at Acme\nEducation\nBSc Physics\nSincerely,\nJane Roe", "", ""},
		{"a cover letter opens and closes",
			dear + "\nThanks for reading.\nSincerely,\nJane Roe\nBest regards,", KindCoverLetter, `opens "Dear Hiring Manager,"; closes "Sincerely,"`},
		{"a salutation line of 80 bytes is prose",
			"Dear team, " + strings.Repeat("x", 69) + "\nSincerely,\nJane Roe", "", ""},
		{"a salutation on line 41 is too far down",
			strings.Repeat("\n", 40) + dear + "\nThanks.\nSincerely,\nJane Roe", "", ""},
		{"a closing line of 60 bytes is prose",
			dear + "\nThanks.\nSincerely, " + strings.Repeat("x", 49), "", ""},
		{"a salutation of 40 characters is quoted whole",
			"Dear Hiring Manager and the Review Panel\nSincerely,", KindCoverLetter, `opens "Dear Hiring Manager and the Review Panel"; closes "Sincerely,"`},
		{"a salutation of 41 characters is shortened",
			"Dear Hiring Manager and the Review Panel,\nSincerely,", KindCoverLetter, `opens "Dear Hiring Manager and the Review Panel…"; closes "Sincerely,"`},

		{"a closing in capitals of another script",
			"Уважаемый Иван,\nСпасибо.\nС уважением,\nАнна", KindCoverLetter, `opens "Уважаемый Иван,"; closes "С уважением,"`},
		{"forty words, two in the first person",
			dear + "\n" + wordsOf(37, "I", "I"), KindCoverLetter, `opens "Dear Hiring Manager,"; written in the first person`},
		{"a hundred words, three in the first person",
			dear + "\n" + wordsOf(97, "I", "my", "me"), KindCoverLetter, `opens "Dear Hiring Manager,"; written in the first person`},
		{"forty words, one in the first person",
			dear + "\n" + wordsOf(37, "I"), "", ""},

		{"two strong phrases of a posting, one opening the text",
			"We are looking for a Go engineer.\nYou will build services.", KindJobPosting, `"we are looking for", "you will"`},
		{"one strong phrase and two weak ones",
			"We are looking for a Go engineer.\nResponsibilities: services.\nRequirements: Go.", KindJobPosting, `"we are looking for", "responsibilities", "requirements"`},
		{"a phrase inside a word",
			"We are looking for a guide.\nThe bayou will flood.", "", ""},
		{"a phrase running into a word",
			"We are looking for a guide.\nWe offered training.", "", ""},
		{"three strong and two weak phrases outweigh resume headings",
			"About the role\nWe are looking for an engineer.\nYou will build services.\nExperience\nFive years in production.\nSkills\nGo and SQL.\nSalary and benefits: good.",
			KindJobPosting, `"we are looking for", "you will", "about the role"`},

		{"150 words, three to the reader, one phrase of a posting",
			"Requirements\n" + wordsOf(149, "you", "your", "you"), KindJobPosting, `"you/your 3 times", "requirements"`},
		{"200 words, three to the reader",
			"Requirements\n" + wordsOf(199, "you", "your", "you"), "", ""},
		{"100 words, three to the reader and one of the writer",
			"Requirements\n" + wordsOf(99, "you", "your", "you", "I"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nr := classifyText(tt.text)
			kind, evidence := "", ""
			if nr != nil {
				kind, evidence = nr.Kind, nr.Evidence
			}
			if kind != tt.kind || evidence != tt.evidence {
				t.Errorf("kind %q, evidence %s; want %q, %s", kind, evidence, tt.kind, tt.evidence)
			}
		})
	}
}
