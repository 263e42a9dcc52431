package rules

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	phoneRe = regexp.MustCompile(`\+?\(?\d[\d\s().-]{7,18}\d`)
	urlRe   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"()]+|\b(?:linkedin\.com/in/|github\.com/|gitlab\.com/)[^\s<>"()]+`)
	yearRng = regexp.MustCompile(`^\s*(19|20)\d\d\s*[-–]\s*(19|20)\d\d\s*$`)
)

func findPhone(lines []string) string {
	for _, l := range lines {
		if digits(l) < 9 {
			continue // cheap filter: a phone number has at least nine digits
		}
		if p := phoneIn(l); p != "" {
			return p
		}
	}
	return ""
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func phoneIn(text string) string {
	for _, m := range phoneRe.FindAllString(text, 20) {
		digits := 0
		for _, r := range m {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits < 9 || digits > 15 || yearRng.MatchString(m) || strings.Count(m, ".") >= 2 && !strings.Contains(m, " ") {
			continue // too short or long, a year range, or a version/date like 2019.09.01
		}
		return strings.TrimSpace(m)
	}
	return ""
}

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

// guessName takes the first of the top lines that looks like a person's
// name (two to four capitalised words, no digits), else the file name.
func guessName(lines []string, fileName string) string {
	checked := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if checked++; checked > 6 {
			break
		}
		if n := asName(l); n != "" {
			return n
		}
	}
	base := strings.TrimSuffix(filepath.Base(fileName), filepath.Ext(fileName))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' })
	var keep []string
	for _, w := range words {
		switch strings.ToLower(w) {
		case "resume", "cv", "final", "updated", "new", "copy", "lebenslauf":
			continue
		}
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		keep = append(keep, titleCase(w))
	}
	return strings.Join(keep, " ")
}

func asName(l string) string {
	if _, isHeading := headingOf(l); isHeading {
		return ""
	}
	words := strings.Fields(strings.Trim(l, "#*_ "))
	if len(words) < 2 || len(words) > 4 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '.' {
				return ""
			}
		}
	}
	switch strings.ToLower(words[0]) {
	case "curriculum", "resume", "résumé", "personal", "contact":
		return ""
	}
	for i, w := range words {
		if strings.ToUpper(w) == w && len(w) > 2 {
			words[i] = titleCase(w)
		}
	}
	return strings.Join(words, " ")
}

func titleCase(w string) string {
	r := []rune(strings.ToLower(w))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// degreeRe finds degree mentions; the group that matched names the level.
// Spelled-out forms ignore case; abbreviations must be capitals ("BS", "MS",
// "BE", "BA"), or "be" and "ms" in ordinary prose would count.
