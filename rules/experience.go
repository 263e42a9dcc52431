package rules

import (
	"regexp"
	"sort"
	"strings"
	"time"
)

var (
	monthNames = `(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	dateExpr   = `(?:` + monthNames + `\s*,?\s*|\d{1,2}\s*[/.]\s*)?((?:19|20)\d\d)(?:\s*[/.-]\s*(\d{1,2})\b)?`
	rangeRe    = regexp.MustCompile(`(?i)` + dateExpr + `\s*(?:-|–|—|to|until|till)\s*(?:` + dateExpr + `|(present|current|now|today|ongoing|date))`)
	months     = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
)

// yearsOfExperience sums the date ranges of the experience section (or, if
// the resume has none, of every line outside education), merging overlaps.
func yearsOfExperience(lines []string, sections []Section, asOf time.Time) float64 {
	hasExperience := false
	for _, s := range sections {
		if s == SectionExperience {
			hasExperience = true
			break
		}
	}
	type span struct{ from, to int } // months since year 0
	var spans []span
	now := asOf.Year()*12 + int(asOf.Month()) - 1
	for i, l := range lines {
		if hasExperience && sections[i] != SectionExperience || !hasExperience && sections[i] == SectionEducation || !hasYear(l) || !hasRangeWord(l) {
			continue
		}
		for _, m := range rangeRe.FindAllStringSubmatch(l, -1) {
			from := monthOf(m[1], m[2], m[3], 1)
			to := now
			if m[7] == "" {
				to = monthOf(m[4], m[5], m[6], 12)
			}
			if from < 0 || to < 0 || to < from || to > now+1 || to-from > 50*12 {
				continue
			}
			spans = append(spans, span{from, to})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	total, end := 0, -1
	for _, s := range spans {
		if s.from > end {
			total += s.to - s.from + 1
			end = s.to
		} else if s.to > end {
			total += s.to - end
			end = s.to
		}
	}
	return float64(total*10/12) / 10
}

// hasYear reports whether s holds a number that could be a year from 1900
// to 2099: a cheap filter before the date-range expression.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// hasRangeWord reports whether s has something that can join two dates:
// a dash, "to", "until" or "till".
func hasRangeWord(s string) bool {
	if strings.ContainsAny(s, "-–—") {
		return true
	}
	low := asciiLower(s)
	return strings.Contains(low, " to ") || strings.Contains(low, "until") || strings.Contains(low, "till")
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// monthOf turns a matched date into months since year 0; month names win
// over numbers, and a bare year means its first (or, for an end, last) month.
func monthOf(monthName, year, monthNum string, bare int) int {
	if year == "" {
		return -1
	}
	y := 0
	for _, c := range year {
		y = y*10 + int(c-'0')
	}
	mo := bare
	if monthName != "" {
		mo = months[strings.ToLower(monthName)]
	} else if monthNum != "" {
		n := 0
		for _, c := range monthNum {
			n = n*10 + int(c-'0')
		}
		if n >= 1 && n <= 12 {
			mo = n
		}
	}
	return y*12 + mo - 1
}
