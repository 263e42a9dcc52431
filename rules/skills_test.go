package rules

import (
	"strings"
	"testing"
)

// TestEvidence: a skill's evidence is its line, or on a line longer than
// 160 bytes, about 80 bytes either side of the skill, widened to whole
// words and marked with "…" where cut. The offset of the skill counts
// from the start of its own line, whatever came before.
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
