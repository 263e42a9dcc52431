package audit

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// WhatIf is the audit recomputed as if one rule were dropped from the rule
// set: its knockout no longer counts, and its weight leaves every score.
type WhatIf struct {
	Rule string `json:"rule"`
	// Change is "drop" (the rule dropped) or "minimum_years" (the rule
	// kept, its per-skill minimum of years dropped: Rule ends in
	// "(minimum years only)").
	Change string `json:"change"`
	// KnockedOut counts scored candidates this rule knocks out; Selected is
	// how many are selected without it.
	KnockedOut        int        `json:"knocked_out"`
	Selected          int        `json:"selected"`
	MedianScore       float64    `json:"median_score"`
	LowestImpactRatio *float64   `json:"lowest_impact_ratio"`
	Improvement       float64    `json:"improvement"` // LowestImpactRatio minus the run's
	Flags             int        `json:"flags"`
	Summary           string     `json:"summary"`
	Categories        []Category `json:"categories"`
}

// whatIfs recomputes the categories for every change the breakdowns
// allow, the change that raises the lowest impact ratio most first; among
// equals, the one leaving fewer groups flagged, then more selected.
func (rep *Report) whatIfs(apps []applicant, groups map[string][]string) {
	sel := make([]bool, len(apps))
	scores := make([]float64, len(apps))
	for _, c := range changes(apps) {
		w := WhatIf{Rule: c.label, Change: c.kind()}
		for i, a := range apps {
			var knocked bool
			sel[i], scores[i], knocked = a.with(c)
			if knocked {
				w.KnockedOut++
			}
		}
		t := rep.tabulate(apps, groups, sel, scores)
		w.Categories, w.MedianScore, w.Selected, w.LowestImpactRatio, w.Flags = t.cats, t.median, t.selected, t.lowest, t.flags
		if w.LowestImpactRatio != nil && rep.LowestImpactRatio != nil {
			w.Improvement = *w.LowestImpactRatio - *rep.LowestImpactRatio
		}
		w.Summary = summary(rep, &w, t.lowestAt)
		rep.WhatIf = append(rep.WhatIf, w)
	}
	sort.SliceStable(rep.WhatIf, func(i, j int) bool {
		a, b := rep.WhatIf[i], rep.WhatIf[j]
		switch {
		case a.Improvement != b.Improvement:
			return a.Improvement > b.Improvement
		case a.Flags != b.Flags: // several groups at the lowest ratio: fewer flagged is better
			return a.Flags < b.Flags
		}
		return a.Selected > b.Selected
	})
}

// change is one what-if: a rule dropped, or only its per-skill minimum
// of years.
type change struct {
	label, rule string
	// skill, when set, keeps the rule but drops its minimum of years: a
	// candidate whose resume shows the skill earns the rule's whole weight
	// and is not knocked out by it.
	skill string
}

func (c change) kind() string {
	if c.skill != "" {
		return "minimum_years"
	}
	return "drop"
}

// changes lists the what-ifs of the candidates' breakdowns, in rule-set
// order: every rule dropped, and for a skill rule with a minimum of years
// (someone shows the skill yet earns less than its weight, or is knocked
// out by it), that minimum alone.
func changes(apps []applicant) []change {
	var out []change
	seen := map[string]bool{}
	hasMinimum := map[string]bool{}
	for _, a := range apps {
		for _, l := range a.lines {
			if !seen[l.Rule] {
				seen[l.Rule] = true
				out = append(out, change{label: l.Rule, rule: l.Rule})
			}
			if sk := skillOf(l.Rule); sk != "" && a.found[sk] && (l.Knockout || l.Earned < l.Weight) {
				hasMinimum[l.Rule] = true
			}
		}
	}
	for i := 0; i < len(out); i++ {
		if r := out[i].rule; hasMinimum[r] {
			out = slices.Insert(out, i+1, change{label: r + " (minimum years only)", rule: r, skill: skillOf(r)})
			i++
		}
	}
	return out
}

// skillOf is the skill a required or preferred item's breakdown line is
// about ("required: Go" → "Go", as rules.Set.Score names them), or "".
func skillOf(rule string) string {
	for _, prefix := range []string{"required: ", "preferred: "} {
		if s, ok := strings.CutPrefix(rule, prefix); ok {
			return s
		}
	}
	return ""
}

// with returns the applicant's selection and score under a change, and
// whether the changed rule knocked the applicant out.
func (a *applicant) with(c change) (selected bool, score float64, knocked bool) {
	var earned, total float64
	knockouts, changed := 0, false
	for _, l := range a.lines {
		if l.Rule == c.rule {
			switch {
			case c.skill == "":
				knocked, changed = l.Knockout, true
				continue // dropped
			case a.found[c.skill]:
				knocked = l.Knockout
				changed = changed || l.Knockout || l.Earned != l.Weight
				l.Earned, l.Knockout = l.Weight, false
			}
		}
		earned += l.Earned
		total += l.Weight
		if l.Knockout {
			knockouts++
		}
	}
	if !changed {
		return a.selected, a.score, knocked
	}
	if total > 0 {
		score = math.Round(1000*earned/total) / 10 // as rules.Set.Score rounds
	}
	// A candidate whose knockouts are not marked keeps its selection.
	return a.selected || a.attributed && knockouts == 0, score, knocked
}

func summary(rep *Report, w *WhatIf, lowestAt string) string {
	s := fmt.Sprintf("without %q: %d selected (%+d)", w.Rule, w.Selected, w.Selected-rep.Selected)
	if w.LowestImpactRatio != nil && rep.LowestImpactRatio != nil {
		s += fmt.Sprintf("; lowest impact ratio %.2f → %.2f (%s)", *rep.LowestImpactRatio, *w.LowestImpactRatio, lowestAt)
	}
	return s + fmt.Sprintf("; flagged groups %d → %d", rep.Flags, w.Flags)
}
