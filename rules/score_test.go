package rules

import (
	"encoding/json"
	"strings"
	"testing"
)

// scoreCase is a profile scored against a set: the score, whether the
// candidate qualifies, and the knockouts, in words, that say why not.
type scoreCase struct {
	name      string
	set       *Set
	profile   Profile
	score     float64
	qualified bool
	knockouts []string // substrings, one per knockout, in order
	detail    string   // if set, the detail of the last breakdown line
}

func (tt scoreCase) check(t *testing.T) {
	t.Helper()
	r := tt.set.Score(&tt.profile)
	if r.Score != tt.score || r.Qualified != tt.qualified {
		t.Errorf("%s: score %v qualified %v, want %v %v (%+v)", tt.name, r.Score, r.Qualified, tt.score, tt.qualified, r.Breakdown)
	}
	if len(r.Knockouts) != len(tt.knockouts) {
		t.Errorf("%s: knockouts %q, want %d", tt.name, r.Knockouts, len(tt.knockouts))
		return
	}
	for i, k := range tt.knockouts {
		if !strings.Contains(r.Knockouts[i], k) {
			t.Errorf("%s: knockout %q, want one with %q", tt.name, r.Knockouts[i], k)
		}
	}
	if tt.detail != "" && r.Breakdown[len(r.Breakdown)-1].Detail != tt.detail {
		t.Errorf("%s: detail %q, want %q", tt.name, r.Breakdown[len(r.Breakdown)-1].Detail, tt.detail)
	}
}

// TestScoreAsksNothing: a set whose only rule is not scored (experience
// without a minimum) scores 0, qualified, and the result is valid JSON
// (no NaN from dividing by a total weight of 0).
func TestScoreAsksNothing(t *testing.T) {
	r := (&Set{Experience: &Experience{Required: true}}).Score(&Profile{YearsExperience: years(5)})
	if r.Score != 0 || !r.Qualified || len(r.Breakdown) != 0 {
		t.Errorf("score %v qualified %v breakdown %+v, want 0, qualified, no lines", r.Score, r.Qualified, r.Breakdown)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Error(err)
	}
}

// The scores below are 100 × earned / total, with the default weights
// (required 3, one-of 3, preferred 1, degree 2, experience 2) unless a
// case sets its own.

func TestScoreDegree(t *testing.T) {
	master := func(required bool, fields ...string) *Set {
		return &Set{Required: []Item{{Skill: "Go"}}, Degree: &DegreeRule{Level: "master", Fields: fields, Required: required}}
	}
	goSkill := []Found{{Skill: "Go"}}
	for _, tt := range []scoreCase{
		// Required 3 + degree 2 = 5.
		{name: "level asked, field asked", set: master(true, "Physics"), profile: Profile{Skills: goSkill, Degrees: []Degree{{"master", "Physics"}}}, score: 100, qualified: true},
		{name: "higher level counts", set: master(true, "Physics"), profile: Profile{Skills: goSkill, Degrees: []Degree{{"phd", "Physics"}}}, score: 100, qualified: true},
		{name: "lower level earns nothing and knocks out", set: master(true, "Physics"), profile: Profile{Skills: goSkill, Degrees: []Degree{{"bachelor", "Physics"}}},
			score: 60, knockouts: []string{"no master degree found"}},
		{name: "other field: half", set: master(true, "Physics"), profile: Profile{Skills: goSkill, Degrees: []Degree{{"master", "History"}}}, score: 80, qualified: true},
		{name: "no fields asked: any field, full credit", set: master(true), profile: Profile{Skills: goSkill, Degrees: []Degree{{"master", "History"}}}, score: 100, qualified: true},
		{name: "the best of several degrees", set: master(true, "Physics"), profile: Profile{Skills: goSkill, Degrees: []Degree{{"master", "History"}, {"master", "Physics"}, {"bachelor", "Physics"}}}, score: 100, qualified: true},
		{name: "optional degree missing: no knockout", set: master(false), profile: Profile{Skills: goSkill, Degrees: []Degree{{"bachelor", ""}}}, score: 60, qualified: true},
		{name: "optional degree, other field: still qualified", set: master(false, "Physics"), profile: Profile{Skills: goSkill, Degrees: []Degree{{"master", "Art"}}}, score: 80, qualified: true},
		{name: "two degrees earn alike: the first is named", set: master(true, "Physics", "Chemistry"),
			profile: Profile{Skills: goSkill, Degrees: []Degree{{"master", "Chemistry"}, {"phd", "Physics"}}}, score: 100, qualified: true, detail: "master Chemistry"},
		{name: "own weight", set: &Set{Required: []Item{{Skill: "Go", Weight: 1}}, Degree: &DegreeRule{Level: "bachelor", Weight: 3}},
			profile: Profile{Degrees: []Degree{{"bachelor", ""}}}, score: 75, knockouts: []string{"missing required Go"}},
	} {
		tt.check(t)
	}
}

func TestScoreExperience(t *testing.T) {
	exp := func(minYears float64, required bool, weight float64) *Set {
		return &Set{Required: []Item{{Skill: "Go"}}, Experience: &Experience{MinYears: minYears, Required: required, Weight: weight}}
	}
	goSkill := []Found{{Skill: "Go"}}
	for _, tt := range []scoreCase{
		// Required 3 + experience 2 = 5.
		{name: "enough years", set: exp(4, true, 0), profile: Profile{Skills: goSkill, YearsExperience: years(6)}, score: 100, qualified: true},
		{name: "exactly the minimum", set: exp(4, true, 0), profile: Profile{Skills: goSkill, YearsExperience: years(4)}, score: 100, qualified: true},
		{name: "half the years: half the weight, a knockout", set: exp(4, true, 0), profile: Profile{Skills: goSkill, YearsExperience: years(2)},
			score: 80, knockouts: []string{"2 years of experience, 4 required"}},
		{name: "no dated role", set: exp(4, true, 0), profile: Profile{Skills: goSkill}, score: 60, knockouts: []string{"no dated role found"}},
		{name: "optional minimum: points, no knockout", set: exp(4, false, 0), profile: Profile{Skills: goSkill, YearsExperience: years(1)}, score: 70, qualified: true},
		{name: "own weight", set: exp(4, false, 7), profile: Profile{Skills: goSkill, YearsExperience: years(2)}, score: 65, qualified: true},
		{name: "no minimum: the rule is not scored", set: exp(0, true, 0), profile: Profile{Skills: goSkill}, score: 100, qualified: true},
	} {
		tt.check(t)
	}
}

func TestScoreOneOfMinimum(t *testing.T) {
	set := &Set{OneOf: []Group{{Name: "languages", Min: 2, Skills: []string{"Go", "Java", "Rust"}}}, Preferred: []Item{{Skill: "Docker"}}}
	for _, tt := range []scoreCase{
		// One-of 3 + preferred 1 = 4.
		{name: "two of three", set: set, profile: Profile{Skills: []Found{{Skill: "Go"}, {Skill: "Rust"}}}, score: 75, qualified: true},
		{name: "all three: no more than the minimum earns", set: set, profile: Profile{Skills: []Found{{Skill: "Go"}, {Skill: "Java"}, {Skill: "Rust"}}}, score: 75, qualified: true},
		{name: "one of two needed: half, a knockout", set: set, profile: Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Java"}}},
			score: 62.5, knockouts: []string{"needs 2 of Go, Java, Rust"}},
		{name: "none", set: set, profile: Profile{}, score: 0, knockouts: []string{"needs 2"}},
	} {
		tt.check(t)
	}
	// min 0 means 1.
	one := scoreCase{name: "min 0", set: &Set{OneOf: []Group{{Skills: []string{"Go", "Java"}}}}, profile: Profile{Skills: []Found{{Skill: "Java"}}}, score: 100, qualified: true}
	one.check(t)
}

func TestScoreWeights(t *testing.T) {
	set := &Set{
		Required:  []Item{{Skill: "Go", Weight: 5}, {Skill: "Docker"}},
		Preferred: []Item{{Skill: "Terraform", Weight: 2}, {Skill: "AWS"}},
	}
	for _, tt := range []scoreCase{
		// 5 + 3 + 2 + 1 = 11.
		{name: "weighted required only", set: set, profile: Profile{Skills: []Found{{Skill: "Go"}}}, score: 45.5, knockouts: []string{"missing required Docker"}},
		{name: "default-weighted required and weighted preferred", set: set, profile: Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Terraform"}}},
			score: 45.5, knockouts: []string{"missing required Go"}},
		{name: "all", set: set, profile: Profile{Skills: []Found{{Skill: "AWS"}, {Skill: "Docker"}, {Skill: "Go"}, {Skill: "Terraform"}}}, score: 100, qualified: true},
	} {
		tt.check(t)
	}
}
