package audit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
)

// FourFifths is the impact ratio below which a group is flagged: the EEOC's
// four-fifths rule of thumb for adverse impact. It is a screening
// threshold, not a legal finding.
const FourFifths = 0.8

// DefaultSmallSample is the group size below which a group is marked as a
// small sample: with fewer than 30 applicants one candidate more or less
// moves a rate by over three points, and the impact ratio with it.
const DefaultSmallSample = 30

// Options tune an audit. The zero value reports every group.
type Options struct {
	// MinShare leaves out of the impact ratios every group with fewer than
	// this share of all scored candidates (Local Law 144 allows leaving out
	// groups under 2%: 0.02). Such a group's counts and rates are still
	// shown, marked excluded, and it is never the reference group.
	// 0 keeps every group.
	MinShare float64
	// SmallSample is the number of applicants below which a group is
	// marked small_sample. 0 means [DefaultSmallSample].
	SmallSample int
}

// Report is an audit's result. Its JSON form is the audit's -json output,
// documented in the README.
type Report struct {
	RulesHash       string         `json:"rules_hash"`
	ScreenerVersion string         `json:"screener_version,omitempty"`
	RunAt           time.Time      `json:"run_at,omitzero"`
	Records         int            `json:"records"` // JSON Lines records read
	Scored          int            `json:"scored"`  // of them, scored candidates (status ok): the applicants
	Joined          int            `json:"joined"`  // scored candidates with a row in the demographics file
	Selected        int            `json:"selected"`
	MedianScore     float64        `json:"median_score"`
	MinShare        float64        `json:"min_share"`
	Unknown         map[string]int `json:"unknown"` // per attribute: scored candidates without a known group
	// LowestImpactRatio is the lowest selection or scoring impact ratio of
	// any included group; Flags counts the groups flagged.
	LowestImpactRatio *float64   `json:"lowest_impact_ratio"`
	Flags             int        `json:"flags"`
	Categories        []Category `json:"categories"`
	// WhatIf recomputes the categories without each rule, the rule whose
	// removal raises the lowest impact ratio most first.
	WhatIf []WhatIf `json:"what_if"`
	Notes  []string `json:"notes"`
	opt    Options  // as used, for the workbook's explanation
	attrs  []string // attributes in reporting order, Intersection included
}

// Category is the outcome for one group of one attribute. Rates and ratios
// are null when they cannot be computed: a group without applicants, a
// group left out by MinShare, or an attribute where no group has a
// non-zero rate.
type Category struct {
	Attribute  string `json:"attribute"`
	Group      string `json:"group"`
	Applicants int    `json:"applicants"`
	Selected   int    `json:"selected"`
	// SelectionRate is Selected / Applicants; ImpactRatio divides it by the
	// highest selection rate among the attribute's included groups.
	SelectionRate *float64 `json:"selection_rate"`
	ImpactRatio   *float64 `json:"impact_ratio"`
	// AboveMedian counts applicants scoring strictly above the median of
	// all scored candidates; ScoringRate is AboveMedian / Applicants.
	AboveMedian        int      `json:"above_median"`
	ScoringRate        *float64 `json:"scoring_rate"`
	ScoringImpactRatio *float64 `json:"scoring_impact_ratio"`
	// Flag is set when either impact ratio is below [FourFifths].
	Flag bool `json:"flag"`
	// Share is Applicants / all scored candidates.
	Share float64 `json:"share"`
	// Excluded is set for a group under Options.MinShare.
	Excluded bool `json:"excluded,omitempty"`
	// SmallSample is set for a group with fewer than Options.SmallSample
	// applicants (but at least one).
	SmallSample bool `json:"small_sample,omitempty"`
	// SelectionP and ScoringP are two-sided p-values of Fisher's exact test
	// of this group against the reference group (the one with the highest
	// rate): the chance of a difference at least this large if both groups
	// had the same rate. Null for the reference group itself.
	SelectionP *float64 `json:"selection_p_value"`
	ScoringP   *float64 `json:"scoring_p_value"`
}

// applicant is a scored candidate as the audit counts it.
type applicant struct {
	groups   map[string]string // attribute → group; unknown ones absent
	score    float64
	selected bool
	lines    []rules.Line
	found    map[string]bool // skills the resume shows that the rules ask for
	// attributed is false for a candidate who is not qualified although no
	// breakdown line is marked as a knockout (records written before lines
	// were marked): such a candidate stays unselected in every what-if.
	attributed bool
}

// Compute audits a run's scored records against the demographics.
func Compute(run *Run, d *Demographics, opt Options) *Report {
	if opt.SmallSample <= 0 {
		opt.SmallSample = DefaultSmallSample
	}
	rep := &Report{RulesHash: run.RulesHash, ScreenerVersion: run.ScreenerVersion, RunAt: run.RunAt, Records: len(run.Records), MinShare: opt.MinShare, Unknown: map[string]int{}, opt: opt}
	rep.attrs = slices.Clone(d.Attributes)
	hasBoth := slices.Contains(d.Attributes, Sex) && slices.Contains(d.Attributes, RaceEthnicity)
	if hasBoth {
		rep.attrs = slices.Insert(rep.attrs, 2, Intersection)
	}
	groups := map[string][]string{}
	for _, a := range d.Attributes {
		groups[a] = d.groups[a]
	}
	if hasBoth {
		for _, s := range d.groups[Sex] {
			for _, r := range d.groups[RaceEthnicity] {
				groups[Intersection] = append(groups[Intersection], s+" × "+r)
			}
		}
	}
	var apps []applicant
	unattributed := 0
	for i := range run.Records {
		r := &run.Records[i]
		if r.Status != screener.StatusOK {
			continue
		}
		a := applicant{groups: map[string]string{}, score: r.Score, selected: r.Qualified, lines: r.Breakdown, attributed: r.Qualified,
			found: map[string]bool{}}
		for _, s := range append(slices.Clone(r.Matched), r.MatchedPreferred...) {
			a.found[s] = true
		}
		for _, l := range r.Breakdown {
			a.attributed = a.attributed || l.Knockout
		}
		if !a.attributed {
			unattributed++
		}
		if row := d.lookup(r); row != nil {
			rep.Joined++
			for k, v := range row {
				a.groups[k] = v
			}
			if hasBoth && row[Sex] != "" && row[RaceEthnicity] != "" {
				a.groups[Intersection] = row[Sex] + " × " + row[RaceEthnicity]
			}
		}
		apps = append(apps, a)
	}
	rep.Scored = len(apps)
	for _, a := range rep.attrs {
		rep.Unknown[a] = 0
		for _, ap := range apps {
			if ap.groups[a] == "" {
				rep.Unknown[a]++
			}
		}
	}
	sel := make([]bool, len(apps))
	scores := make([]float64, len(apps))
	for i, a := range apps {
		sel[i], scores[i] = a.selected, a.score
	}
	t := rep.tabulate(apps, groups, sel, scores)
	rep.Categories, rep.MedianScore, rep.Selected = t.cats, t.median, t.selected
	rep.LowestImpactRatio, rep.Flags = t.lowest, t.flags

	rep.whatIfs(apps, groups)
	rep.notes(unattributed)
	return rep
}

type tally struct {
	cats     []Category
	median   float64
	selected int
	lowest   *float64
	lowestAt string // "sex Female, selection"
	flags    int
}

// tabulate computes every category for one assignment of selections and
// scores.
func (rep *Report) tabulate(apps []applicant, groups map[string][]string, sel []bool, scores []float64) tally {
	var t tally
	t.median = median(scores)
	for _, s := range sel {
		if s {
			t.selected++
		}
	}
	for _, attr := range rep.attrs {
		start := len(t.cats)
		for _, g := range groups[attr] {
			c := Category{Attribute: attr, Group: g}
			for i, a := range apps {
				if a.groups[attr] != g {
					continue
				}
				c.Applicants++
				if sel[i] {
					c.Selected++
				}
				if scores[i] > t.median {
					c.AboveMedian++
				}
			}
			if len(apps) > 0 {
				c.Share = float64(c.Applicants) / float64(len(apps))
			}
			c.Excluded = c.Applicants > 0 && c.Share < rep.opt.MinShare
			c.SmallSample = c.Applicants > 0 && c.Applicants < rep.opt.SmallSample
			if c.Applicants > 0 {
				c.SelectionRate = ptr(float64(c.Selected) / float64(c.Applicants))
				c.ScoringRate = ptr(float64(c.AboveMedian) / float64(c.Applicants))
			}
			t.cats = append(t.cats, c)
		}
		cats := t.cats[start:]
		ratios(cats, func(c *Category) int { return c.Selected }, func(c *Category, ir, p *float64) { c.ImpactRatio, c.SelectionP = ir, p })
		ratios(cats, func(c *Category) int { return c.AboveMedian }, func(c *Category, ir, p *float64) { c.ScoringImpactRatio, c.ScoringP = ir, p })
		for i := range cats {
			c := &cats[i]
			for _, r := range []struct {
				v    *float64
				kind string
			}{{c.ImpactRatio, "selection"}, {c.ScoringImpactRatio, "scoring"}} {
				if r.v == nil {
					continue
				}
				if *r.v < FourFifths {
					c.Flag = true
				}
				if t.lowest == nil || *r.v < *t.lowest {
					t.lowest, t.lowestAt = ptr(*r.v), fmt.Sprintf("%s %s, %s", c.Attribute, c.Group, r.kind)
				}
			}
			if c.Flag {
				t.flags++
			}
		}
	}
	return t
}

// ratios sets each included group's impact ratio against the included
// group with the highest rate, and the p-value of Fisher's exact test
// against that group. The ratio is computed from counts in one division,
// so a ratio of exactly 4/5 is not flagged by rounding.
func ratios(cats []Category, count func(*Category) int, set func(c *Category, ir, p *float64)) {
	ref := -1
	for i := range cats {
		c := &cats[i]
		if c.Applicants == 0 || c.Excluded {
			continue
		}
		// rate i > rate ref, compared exactly: k_i·n_ref > k_ref·n_i
		if ref < 0 || count(c)*cats[ref].Applicants > count(&cats[ref])*c.Applicants {
			ref = i
		}
	}
	if ref < 0 || count(&cats[ref]) == 0 {
		return // no group has a non-zero rate: no ratio to speak of
	}
	r := &cats[ref]
	kr, nr := count(r), r.Applicants
	for i := range cats {
		c := &cats[i]
		if c.Applicants == 0 || c.Excluded {
			continue
		}
		k, n := count(c), c.Applicants
		ir := ptr(float64(k*nr) / float64(n*kr))
		var p *float64
		if i != ref {
			p = ptr(fisherTwoSided(k, n-k, kr, nr-kr))
			*p, _ = strconv.ParseFloat(strconv.FormatFloat(*p, 'g', 6, 64), 64) // six digits: the sum's last ones are noise
		}
		set(c, ir, p)
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ptr[T any](v T) *T { return &v }

// notes says in words what the figures leave out.
func (rep *Report) notes(unattributed int) {
	add := func(format string, a ...any) { rep.Notes = append(rep.Notes, fmt.Sprintf(format, a...)) }
	if rep.Scored == 0 {
		add("no scored candidates in the results: nothing to audit")
	}
	if n := rep.Records - rep.Scored; n > 0 {
		add("%d records were not scored or were another version of a ranked candidate's resume (unreadable files, duplicates, the same person, skipped files) and are not counted as applicants", n)
	}
	if n := rep.Scored - rep.Joined; n > 0 {
		add("%d scored candidates have no row in the demographics file: they count as unknown for every attribute", n)
	}
	var small []string
	for _, c := range rep.Categories {
		switch {
		case c.Excluded:
			add("%s %q (%d applicants, %.1f%% of scored candidates) is left out of the impact ratios: under -min-share %g", c.Attribute, c.Group, c.Applicants, 100*c.Share, rep.MinShare)
		case c.SmallSample:
			small = append(small, fmt.Sprintf("%s %q (%d)", c.Attribute, c.Group, c.Applicants))
		}
	}
	if len(small) > 0 {
		add("fewer than %d applicants, so their rates and ratios are unstable (see the Fisher p-values): %s", rep.opt.SmallSample, strings.Join(small, ", "))
	}
	if unattributed > 0 {
		add("%d candidates are not qualified but their records do not say which rule knocked them out (written by an older screener): they stay unselected in every what-if", unattributed)
	}
}
