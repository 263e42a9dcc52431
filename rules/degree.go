package rules

import (
	"slices"
	"strings"
)

// degreeLevel returns the highest degree level a line mentions ("phd",
// "master", "bachelor"), or "" if none. Spelled-out forms ignore case;
// abbreviations must be capitals ("BS", "MS", "BE", "BA"), or "be" and "ms"
// in ordinary prose would count. Each form starts at a word boundary and
// ends at one (all but "M.A." and "B.A."); see [degreeForms]. It is a
// single pass over the line that tries the forms only where a word starts
// with one of their first letters: a regular expression of the same
// forms cost a sixth of a corpus run's CPU.
func degreeLevel(line string) string {
	best := ""
	for p := 0; p < len(line); p++ {
		if !isWordByte(line[p]) || p > 0 && isWordByte(line[p-1]) {
			continue
		}
		for _, f := range degreeStarts[lowerASCII(line[p])] {
			if levelRank[f.level] > levelRank[best] && f.match(line, 0, p) {
				best = f.level
			}
		}
	}
	return best
}

// degreeForm is one spelling of a degree: a sequence of parts, each a
// literal (compared ignoring ASCII case if fold) or an optional single
// character from opt.
type degreeForm struct {
	level string
	parts []formPart
	bound bool // the form must end at a word boundary
}

type formPart struct {
	lit  string
	fold bool
	opt  string // if not "", the part is one optional character from opt
}

func lit(s string) formPart  { return formPart{lit: s, fold: true} }
func caps(s string) formPart { return formPart{lit: s} }
func opt(set string) formPart {
	return formPart{opt: set}
}

// spaceChars is what \s matches in a Go regular expression.
const spaceChars = "\t\n\f\r "

// degreeForms lists the spellings of each level; "ph.d.", "Ph D" and "PhD"
// are one form with optional characters.
var degreeForms = []degreeForm{
	{"phd", []formPart{lit("ph"), opt("."), opt(spaceChars), lit("d"), opt(".")}, true},
	{"phd", []formPart{lit("doctorate")}, true},
	{"phd", []formPart{lit("doctor of philosophy")}, true},
	{"phd", []formPart{lit("doctoral")}, true},
	{"master", []formPart{lit("master"), opt("'"), opt("sS")}, true},
	{"master", []formPart{lit("m"), opt("."), opt(spaceChars), lit("sc"), opt(".")}, true},
	{"master", []formPart{lit("m"), opt("."), opt(spaceChars), lit("eng"), opt(".")}, true},
	{"master", []formPart{lit("m"), opt("."), opt(spaceChars), lit("tech")}, true},
	{"master", []formPart{lit("mba")}, true},
	{"master", []formPart{lit("mca")}, true},
	{"master", []formPart{caps("M"), opt("."), caps("S"), opt(".")}, true},
	{"master", []formPart{caps("M.A.")}, false},
	{"bachelor", []formPart{lit("bachelor"), opt("'"), opt("sS")}, true},
	{"bachelor", []formPart{lit("b"), opt("."), opt(spaceChars), lit("sc"), opt(".")}, true},
	{"bachelor", []formPart{lit("b"), opt("."), opt(spaceChars), lit("eng"), opt(".")}, true},
	{"bachelor", []formPart{lit("b"), opt("."), opt(spaceChars), lit("tech")}, true},
	{"bachelor", []formPart{lit("bca")}, true},
	{"bachelor", []formPart{lit("undergraduate degree")}, true},
	{"bachelor", []formPart{caps("B"), opt("."), caps("S"), opt(".")}, true},
	{"bachelor", []formPart{caps("B"), opt("."), caps("E"), opt(".")}, true},
	{"bachelor", []formPart{caps("B.A.")}, false},
	{"bachelor", []formPart{caps("BA")}, true},
}

// degreeStarts indexes degreeForms by their lowercase first letter.
var degreeStarts = func() (idx [256][]degreeForm) {
	for _, f := range degreeForms {
		c := lowerASCII(f.parts[0].lit[0])
		idx[c] = append(idx[c], f)
	}
	return idx
}()

// match reports whether the form's parts from i on match s at at, trying
// each optional character both ways, as a backtracking matcher would.
func (f degreeForm) match(s string, i, at int) bool {
	if i == len(f.parts) {
		return !f.bound || wordBoundary(s, at)
	}
	part := f.parts[i]
	if part.opt == "" {
		end, ok := part.matchAt(s, at)
		return ok && f.match(s, i+1, end)
	}
	if at < len(s) && strings.IndexByte(part.opt, s[at]) >= 0 && f.match(s, i+1, at+1) {
		return true
	}
	// An "s" that ignores case also matches the long s, as (?i)s does.
	if strings.Contains(part.opt, "s") && strings.HasPrefix(s[at:], longS) && f.match(s, i+1, at+len(longS)) {
		return true
	}
	return f.match(s, i+1, at)
}

// longS is U+017F, which a case-insensitive regular expression takes for "s".
const longS = "\u017f"

// matchAt matches a literal part at p and returns where it ends.
func (part formPart) matchAt(s string, p int) (int, bool) {
	for i := 0; i < len(part.lit); i++ {
		c := part.lit[i]
		switch {
		case p < len(s) && (s[p] == c || part.fold && lowerASCII(s[p]) == c):
			p++
		case part.fold && c == 's' && strings.HasPrefix(s[p:], longS):
			p += len(longS)
		default:
			return p, false
		}
	}
	return p, true
}

// isWordByte reports whether c is a word character as \b sees it (ASCII).
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// wordBoundary reports whether a word starts or ends at i in s.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// degreeFields are the fields of study postings ask for, by lowercase spelling.
var degreeFields = []struct{ spelling, name string }{
	{"computer science", "Computer Science"}, {"software engineering", "Software Engineering"},
	{"computer engineering", "Computer Engineering"}, {"information technology", "Information Technology"},
	{"information systems", "Information Systems"}, {"electrical engineering", "Electrical Engineering"},
	{"electronics", "Electronics"}, {"mathematics", "Mathematics"}, {"statistics", "Statistics"},
	{"data science", "Data Science"}, {"physics", "Physics"}, {"computer applications", "Computer Applications"},
	{"informatics", "Informatics"}, {"business administration", "Business Administration"},
	{"information security", "Information Security"}, {"cybersecurity", "Cybersecurity"}, {"cyber security", "Cybersecurity"},
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
		level := degreeLevel(line)
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
