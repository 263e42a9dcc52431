package rules

import (
	"regexp"
	"testing"
)

// degreeOracle is the regular expression degreeLevel replaced; it stays
// here as the reference the single pass must agree with.
var degreeOracle = regexp.MustCompile(`(?P<phd>(?i:\b(?:ph\.?\s?d\.?|doctorate|doctor of philosophy|doctoral)\b))` +
	`|(?P<master>(?i:\b(?:master'?s?|m\.?\s?sc\.?|m\.?\s?eng\.?|m\.?\s?tech|mba|mca)\b)|\bM\.?S\.?\b|\bM\.A\.)` +
	`|(?P<bachelor>(?i:\b(?:bachelor'?s?|b\.?\s?sc\.?|b\.?\s?eng\.?|b\.?\s?tech|bca|undergraduate degree)\b)|\bB\.?S\.?\b|\bB\.?E\.?\b|\bB\.A\.|\bBA\b)`)

func oracleLevel(line string) string {
	level := ""
	for _, m := range degreeOracle.FindAllStringSubmatchIndex(line, -1) {
		for g, name := range degreeOracle.SubexpNames() {
			if name != "" && m[2*g] >= 0 && levelRank[name] > levelRank[level] {
				level = name
			}
		}
	}
	return level
}

var degreeLines = []struct{ line, want string }{
	{"Ph.D. in Physics, 2019", "phd"},
	{"PhD candidate", "phd"},
	{"ph d, computer science", "phd"},
	{"Ph. D", "phd"},
	{"Doctor of Philosophy", "phd"},
	{"doctoral research; M.Sc. before", "phd"},
	{"doctors", ""},
	{"Master's in Data Science", "master"},
	{"masters", "master"},
	{"master'", "master"},
	{"Mastery of Go", ""},
	{"M.Sc. Informatics", "master"},
	{"M. Tech (CSE)", "master"},
	{"MEng", "master"},
	{"M Eng.", "master"},
	{"MBA, B.Com", "master"},
	{"MCA", "master"},
	{"MS in CS", "master"},
	{"M.S. in CS", "master"},
	{"ms excel", ""},
	{"M.A. History", "master"},
	{"M.A.X", "master"},
	{"MA in English", ""},
	{"Bachelor of Engineering", "bachelor"},
	{"B.Tech, Computer Science", "bachelor"},
	{"BSc (Hons)", "bachelor"},
	{"b. sc", "bachelor"},
	{"B.E. Electronics", "bachelor"},
	{"BE", "bachelor"},
	{"be there", ""},
	{"B.A. Economics", "bachelor"},
	{"BA", "bachelor"},
	{"BAs", ""},
	{"BCA 2016", "bachelor"},
	{"Undergraduate Degree in Physics", "bachelor"},
	{"undergraduate studies", ""},
	{"BS/MS in Computer Science", "master"},
	{"maſter of arts", "master"},
	{"MBAs", ""},
	{"the mbappe effect", ""},
	{"x_MBA", ""},
	{"2MBA", ""},
	{"", ""},
	{"Managed a team of five", ""},
	{"Bachelor’s degree", "bachelor"},
	{"BS0", ""}, // digits, letters and "_" at the ends of their ranges are word characters
	{"BS9", ""},
	{"BSz", ""},
	{"BSZ", ""},
	{"0BS", ""},
	{"9BS", ""},
	{"zBS", ""},
	{"ZBS", ""},
}

// TestFieldIn: the field of study that comes first on a line, also at its
// very start.
func TestFieldIn(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Computer Science, B.Sc.", "Computer Science"},
		{"B.Sc. in Mathematics and Computer Science", "Mathematics"},
		{"B.Sc. in Computer Science and Mathematics", "Computer Science"},
		{"Bachelor of Arts", ""},
	}
	for _, tt := range tests {
		if got := fieldIn(tt.line); got != tt.want {
			t.Errorf("fieldIn(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestDegreeLevel: the highest level on a line, on the forms and their
// near misses, and the same answer as the regular expression it replaced.
func TestDegreeLevel(t *testing.T) {
	for _, tc := range degreeLines {
		if got := degreeLevel(tc.line); got != tc.want {
			t.Errorf("degreeLevel(%q) = %q, want %q", tc.line, got, tc.want)
		}
		if got := oracleLevel(tc.line); got != tc.want {
			t.Errorf("the former regular expression reads %q as %q, the table says %q", tc.line, got, tc.want)
		}
	}
}

// FuzzDegreeLevel: degreeLevel agrees with the regular expression it
// replaced on any line.
func FuzzDegreeLevel(f *testing.F) {
	for _, tc := range degreeLines {
		f.Add(tc.line)
	}
	f.Add("Ph.\tD. M.S.B.A. BA_ B.S.c")
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := degreeLevel(line), oracleLevel(line); got != want {
			t.Errorf("degreeLevel(%q) = %q, the regular expression says %q", line, got, want)
		}
	})
}

func BenchmarkDegreeLevel(b *testing.B) {
	lines := []string{
		"Managed a team of five engineers building the billing platform in Go and PostgreSQL",
		"Bachelor of Technology in Computer Science, 2014 - 2018",
		"Improved build times by 40% with remote caching; mentored two interns",
	}
	b.Run("pass", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				degreeLevel(l)
			}
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				oracleLevel(l)
			}
		}
	})
}
