package rules

import (
	"regexp"
	"slices"
	"strings"
)

// degreeRe finds degree mentions; the group that matched names the level.
// Spelled-out forms ignore case; abbreviations must be capitals ("BS", "MS",
// "BE", "BA"), or "be" and "ms" in ordinary prose would count.
var degreeRe = regexp.MustCompile(`(?P<phd>(?i:\b(?:ph\.?\s?d\.?|doctorate|doctor of philosophy|doctoral)\b))` +
	`|(?P<master>(?i:\b(?:master'?s?|m\.?\s?sc\.?|m\.?\s?eng\.?|m\.?\s?tech|mba|mca)\b)|\bM\.?S\.?\b|\bM\.A\.)` +
	`|(?P<bachelor>(?i:\b(?:bachelor'?s?|b\.?\s?sc\.?|b\.?\s?eng\.?|b\.?\s?tech|bca|undergraduate degree)\b)|\bB\.?S\.?\b|\bB\.?E\.?\b|\bB\.A\.|\bBA\b)`)

// degreeFields are the fields of study postings ask for, by lowercase spelling.
var degreeFields = []struct{ spelling, name string }{
	{"computer science", "Computer Science"}, {"software engineering", "Software Engineering"},
	{"computer engineering", "Computer Engineering"}, {"information technology", "Information Technology"},
	{"information systems", "Information Systems"}, {"electrical engineering", "Electrical Engineering"},
	{"electronics", "Electronics"}, {"mathematics", "Mathematics"}, {"statistics", "Statistics"},
	{"data science", "Data Science"}, {"physics", "Physics"}, {"computer applications", "Computer Applications"},
	{"informatics", "Informatics"}, {"business administration", "Business Administration"},
}

// levelRank orders degree levels.
var levelRank = map[string]int{"bachelor": 1, "master": 2, "phd": 3}

// findDegrees reads the degrees of the education section, or of the whole
// resume if it has none.
func findDegrees(lines []string, sections []Section) []Degree {
	var out []Degree
	seen := map[Degree]bool{}
	hasEducation := slices.Contains(sections, SectionEducation)
	for i, line := range lines {
		if hasEducation && sections[i] != SectionEducation {
			continue
		}
		level := ""
		for _, m := range degreeRe.FindAllStringSubmatchIndex(line, -1) {
			for g, name := range degreeRe.SubexpNames() {
				if name != "" && m[2*g] >= 0 && levelRank[name] > levelRank[level] {
					level = name
				}
			}
		}
		if level == "" {
			continue
		}
		deg := Degree{Level: level, Field: fieldIn(line)}
		if !seen[deg] {
			seen[deg] = true
			out = append(out, deg)
		}
	}
	return out
}

// fieldIn returns the known field of study that comes first in s.
func fieldIn(s string) string {
	s = strings.ToLower(s)
	best, at := "", len(s)
	for _, f := range degreeFields {
		if i := strings.Index(s, f.spelling); i >= 0 && i < at {
			best, at = f.name, i
		}
	}
	return best
}
