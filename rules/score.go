package rules

import (
	"fmt"
	"math"
	"strings"
)

// Result is a candidate's score against a rule set, with its reasons.
type Result struct {
	// Score is 100 × earned weight / total weight, rounded to one decimal:
	// a required skill or a preferred one earns its weight when found; a
	// one-of group earns weight × min(found, min)/min; a degree earns its
	// weight at or above the level (half if the field is not one asked
	// for); experience earns weight × min(years/min_years, 1), and so does
	// a skill item with a min_years of its own, counting the years of the
	// dated roles that mention the skill.
	Score     float64 `json:"score"`
	Qualified bool    `json:"qualified"` // no knockout: every required skill, group, and required degree/experience met
	// Knockouts says why a candidate is not qualified, one reason each.
	Knockouts        []string `json:"knockouts,omitempty"`
	Matched          []string `json:"matched"`           // required skills and group skills found
	Missing          []string `json:"missing"`           // required skills not found, and unmet groups
	MatchedPreferred []string `json:"matched_preferred"` // preferred skills found
	Breakdown        []Line   `json:"breakdown"`
}

// Line is one rule's contribution to a score.
type Line struct {
	Rule   string  `json:"rule"` // "required: Go", "one_of: languages", "degree", ...
	Weight float64 `json:"weight"`
	Earned float64 `json:"earned"`
	Detail string  `json:"detail,omitempty"`
	// Knockout is set when this rule alone makes the candidate not
	// qualified; [Result.Knockouts] holds its reason in words. An audit
	// reads it to recompute selection as if the rule were dropped.
	Knockout bool `json:"knockout,omitempty"`
}

// Score scores a profile. It is a pure function: the same set and profile
// always give the same result.
func (s *Set) Score(p *Profile) Result {
	r := Result{Qualified: true, Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{}}
	var total, earned float64
	addLine := func(l Line) {
		total += l.Weight
		earned += l.Earned
		r.Breakdown = append(r.Breakdown, l)
	}
	for _, it := range s.Required {
		w := WeightOr(it.Weight, DefaultRequiredWeight)
		l := Line{Rule: "required: " + it.Skill, Weight: w}
		if f, ok := p.find(it.Skill); ok {
			l.Earned, l.Detail = itemCredit(it, f, w)
			r.Matched = append(r.Matched, it.Skill)
			if it.MinYears > 0 && f.Months/12 < it.MinYears {
				r.Qualified, l.Knockout = false, true
				r.Knockouts = append(r.Knockouts, fmt.Sprintf("%s: %s in dated roles, %g required", it.Skill, yearsText(f.Months/12), it.MinYears))
			}
		} else {
			l.Detail = "not found"
			r.Missing = append(r.Missing, it.Skill)
			r.Qualified, l.Knockout = false, true
			r.Knockouts = append(r.Knockouts, "missing required "+it.Skill)
		}
		addLine(l)
	}
	for _, g := range s.OneOf {
		w := WeightOr(g.Weight, DefaultOneOfWeight)
		need := max(g.Min, 1)
		var found []string
		for _, sk := range g.Skills {
			if p.Has(sk) {
				found = append(found, sk)
			}
		}
		name := g.Name
		if name == "" {
			name = strings.Join(g.Skills, " | ")
		}
		l := Line{Rule: "one_of: " + name, Weight: w, Earned: w * float64(min(len(found), need)) / float64(need)}
		l.Detail = fmt.Sprintf("%d of %d needed: %s", len(found), need, strings.Join(found, ", "))
		r.Matched = append(r.Matched, found...)
		if len(found) < need {
			r.Qualified, l.Knockout = false, true
			r.Missing = append(r.Missing, "one of "+strings.Join(g.Skills, "/"))
			r.Knockouts = append(r.Knockouts, fmt.Sprintf("needs %d of %s", need, strings.Join(g.Skills, ", ")))
		}
		addLine(l)
	}
	for _, it := range s.Preferred {
		w := WeightOr(it.Weight, DefaultPreferredWeight)
		l := Line{Rule: "preferred: " + it.Skill, Weight: w}
		if f, ok := p.find(it.Skill); ok {
			l.Earned, l.Detail = itemCredit(it, f, w)
			r.MatchedPreferred = append(r.MatchedPreferred, it.Skill)
		}
		addLine(l)
	}
	if d := s.Degree; d != nil {
		w := WeightOr(d.Weight, DefaultDegreeWeight)
		l := Line{Rule: "degree: " + d.Level, Weight: w, Detail: "none at that level"}
		for _, deg := range p.Degrees {
			if levelRank[deg.Level] < levelRank[d.Level] {
				continue
			}
			credit := w
			if len(d.Fields) > 0 && !containsFold(d.Fields, deg.Field) {
				credit = w / 2
			}
			if credit > l.Earned {
				l.Earned, l.Detail = credit, strings.TrimSpace(deg.Level+" "+deg.Field)
			}
		}
		if l.Earned == 0 && d.Required {
			r.Qualified, l.Knockout = false, true
			r.Knockouts = append(r.Knockouts, "no "+d.Level+" degree found")
		}
		addLine(l)
	}
	if e := s.Experience; e != nil && e.MinYears > 0 {
		w := WeightOr(e.Weight, DefaultExperienceWeight)
		l := Line{Rule: fmt.Sprintf("experience: %g years", e.MinYears), Weight: w, Detail: "no dated role found"}
		years := 0.0
		if p.YearsExperience != nil {
			years = *p.YearsExperience
			l.Detail = fmt.Sprintf("%g years found", years)
		}
		l.Earned = w * math.Min(years/e.MinYears, 1)
		if years < e.MinYears && e.Required {
			r.Qualified, l.Knockout = false, true
			if p.YearsExperience == nil {
				r.Knockouts = append(r.Knockouts, fmt.Sprintf("no dated role found, %g years of experience required", e.MinYears))
			} else {
				r.Knockouts = append(r.Knockouts, fmt.Sprintf("%g years of experience, %g required", years, e.MinYears))
			}
		}
		addLine(l)
	}
	if total > 0 {
		r.Score = math.Round(1000*earned/total) / 10
	}
	r.Matched = dedupe(r.Matched)
	return r
}

// itemCredit is what a found skill earns for its item: the whole weight,
// or with a min_years, weight × min(years/min_years, 1), where years are
// those of the dated roles that mention the skill.
func itemCredit(it Item, f Found, w float64) (earned float64, detail string) {
	if it.MinYears <= 0 {
		return w, f.Evidence
	}
	years := f.Months / 12
	detail = fmt.Sprintf("%s of %g in dated roles", yearsText(years), it.MinYears)
	if f.LastUsed > 0 {
		detail += fmt.Sprintf(", last %d", f.LastUsed)
	}
	return w * math.Min(years/it.MinYears, 1), detail + ": " + f.Evidence
}

// yearsText writes years to one decimal: "0 years", "2.5 years", "1 year".
func yearsText(y float64) string {
	y = math.Round(y*10) / 10
	if y == 1 {
		return "1 year"
	}
	return fmt.Sprintf("%g years", y)
}

// WeightOr returns w, or def when w is unset (zero or negative): the weight
// a rule item counts with, given its list's default.
func WeightOr(w, def float64) float64 {
	if w > 0 {
		return w
	}
	return def
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if s != "" && strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
