package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestEvidence: a skill's evidence is its line, or on a line longer than
// 160 bytes, about 80 bytes either side of the skill, widened to whole
// words and marked with "…" where cut. The offset of the skill counts
// from the start of its own line, whatever came before. A table's cells
// read parted by spaces.
func TestEvidence(t *testing.T) {
	tax := DefaultTaxonomy()
	long := strings.Repeat("build ", 40) + "Kubernetes " + strings.Repeat("build ", 40)
	cut := "…" + strings.Repeat("build ", 14) + "Kubernetes " + strings.Repeat("build ", 11) + "build…"
	for _, tt := range []struct{ name, text, want string }{
		{"a line of 160 bytes is whole", strings.Repeat("build ", 25) + "Kubernetes", strings.Repeat("build ", 25) + "Kubernetes"},
		{"short line, skill late", strings.Repeat("build ", 20) + "Kubernetes", strings.Repeat("build ", 20) + "Kubernetes"},
		{"long first line", long, cut},
		{"long second line", "Profile\n" + long, cut},
		{"long line after a long one", strings.Repeat("plan ", 60) + "\n" + long, cut},
		{"long line, skill first: cut after only", "Kubernetes " + strings.Repeat("build ", 40), "Kubernetes " + strings.Repeat("build ", 24) + "build…"},
		{"long line, skill last: cut before only", strings.Repeat("build ", 40) + "Kubernetes", "…" + strings.Repeat("build ", 14) + "Kubernetes"},
		{"a table's cells parted by spaces", "Cloud\tKubernetes\t4 years", "Cloud Kubernetes 4 years"},
		{"a long row cut at a cell boundary", strings.Repeat("build\t", 40) + "Kubernetes", "…" + strings.Repeat("build ", 14) + "Kubernetes"},
	} {
		var got []string
		for _, f := range tax.FindSkills(tt.text) {
			got = append(got, f.Skill+": "+f.Evidence)
		}
		if want := "Kubernetes: " + tt.want; len(got) != 1 || got[0] != want {
			t.Errorf("%s: found %q, want %q", tt.name, got, want)
		}
	}
}

// TestMonthsOfSkillsShownElsewhere: a role's mention of a skill that needs
// a technical context counts for the role's months once the resume shows
// the skill elsewhere, though the mention has no context of its own; a
// word skill's mention still needs its case, a phrase that makes the
// name ordinary English never counts, and a skill shown nowhere else is
// not found from such a mention.
func TestMonthsOfSkillsShownElsewhere(t *testing.T) {
	const roles = "Experience\nEngineer, Acme  Jan 2020 – Dec 2020\n%s\nEngineer, Orbit  Jan 2022 – Dec 2022\nBuilt the billing service.\n"
	tests := []struct {
		name, line, skills, skill string
		months                    float64
		found                     bool
	}{
		{"an abbreviation without context", "Wrote the internal style guide for NodeJS", "Skills\nNodeJS, Go\n", "Node.js", 12, true},
		{"a letter without context", "Ran the team on R for two years", "Skills\nR, Python\n", "R", 12, true},
		{"not shown elsewhere", "Wrote the internal style guide for NodeJS", "Skills\nPython\n", "Node.js", 0, false},
		{"a phrase of ordinary English", "Fixed a leaf node bug", "Skills\nNodeJS, Go\n", "Node.js", 0, true},
		{"a word skill in lowercase", "Scraped off the rust on weekends", "Skills\nRust, Go\n", "Rust", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: fmt.Sprintf(roles, tt.line) + tt.skills})
			f, ok := p.find(tt.skill)
			if ok != tt.found || f.Months != tt.months {
				t.Errorf("%s: %+v (found %v), want %v months (found %v)", tt.skill, f, ok, tt.months, tt.found)
			}
		})
	}
}
