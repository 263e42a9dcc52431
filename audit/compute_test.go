package audit

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
)

// backend is the rule set of the synthetic populations: Go required
// (weight 3), a bachelor's degree required (2), Docker preferred (1).
var backend = &rules.Set{
	Required:  []rules.Item{{Skill: "Go"}},
	Preferred: []rules.Item{{Skill: "Docker"}},
	Degree:    &rules.DegreeRule{Level: "bachelor", Required: true},
}

// candidate scores a synthetic resume with the real scorer: skills is a
// subset of "Go Docker" (sorted), deg whether it shows a bachelor's.
func candidate(n int, skills string, deg bool) screener.Record {
	p := &rules.Profile{}
	for _, s := range strings.Fields(skills) {
		p.Skills = append(p.Skills, rules.Found{Skill: s})
	}
	slices.SortFunc(p.Skills, func(a, b rules.Found) int { return strings.Compare(a.Skill, b.Skill) })
	if deg {
		p.Degrees = []rules.Degree{{Level: "bachelor"}}
	}
	res := backend.Score(p)
	return screener.Record{SHA256: fmt.Sprintf("%02d%062d", n, n), Email: fmt.Sprintf("c%d@example.com", n), Status: screener.StatusOK,
		Score: res.Score, Qualified: res.Qualified, Knockouts: res.Knockouts, Breakdown: res.Breakdown}
}

// populationA: eleven scored candidates and one unreadable file.
//
//	     sex     race      skills     degree  score  qualified
//	c1   Male    White     Go Docker  yes     100    yes
//	c2   Male    White     Go         yes     83.3   yes
//	c3   Male    Asian     Go         yes     83.3   yes
//	c4   Male    Asian     Go Docker  no      66.7   no (degree)
//	c5   Female  White     Go         yes     83.3   yes
//	c6   Female  White     Go         no      50     no (degree)
//	c7   Female  Asian     Go Docker  no      66.7   no (degree)
//	c8   Female  Asian     -          yes     33.3   no (Go)
//	c9   Female  Black     Go         no      50     no (degree)
//	c10  (declined) White  Go         yes     83.3   yes
//	c11  (no row)          -          no      0      no (Go, degree)
//	c12  Male    Hispanic  unreadable file: not an applicant
//
// Sorted scores 0 33.3 50 50 66.7 66.7 83.3 83.3 83.3 83.3 100: the median
// is 66.7, which c4 and c7 tie (not above it).
func populationA() (*Run, string) {
	run := &Run{Provenance: screener.Provenance{RulesHash: "h1"}, Records: []screener.Record{
		candidate(1, "Docker Go", true), candidate(2, "Go", true), candidate(3, "Go", true), candidate(4, "Docker Go", false),
		candidate(5, "Go", true), candidate(6, "Go", false), candidate(7, "Docker Go", false), candidate(8, "", true),
		candidate(9, "Go", false), candidate(10, "Go", true), candidate(11, "", false),
		{File: "c12.pdf", SHA256: fmt.Sprintf("12%062d", 12), Status: screener.StatusError, Error: "corrupt"},
	}}
	// Joined by SHA-256 (c1), candidate ID (c2, c12) and e-mail (the others,
	// in another case); group names in other cases too.
	csv := "Email,ID,SHA256,Sex,Race / Ethnicity,Veteran\n" +
		",," + run.Records[0].SHA256 + ",Male,White,no\n" +
		"," + screener.CandidateID(run.Records[1].SHA256) + ",,male,white,no\n" +
		"C3@example.com,,,Male,Asian,yes\n" +
		"c4@example.com,,,Male,asian,\n" +
		"c5@example.com,,,Female,White,no\n" +
		"c6@example.com,,,Female,White,no\n" +
		"c7@example.com,,,FEMALE,Asian,no\n" +
		"c8@example.com,,,Female,Asian,no\n" +
		"c9@example.com,,,Female,Black,yes\n" +
		"c10@example.com,,,Prefer not to say,White,no\n" +
		"," + screener.CandidateID(run.Records[11].SHA256) + ",,Male,Hispanic,no\n"
	return run, csv
}

func audit(t *testing.T, run *Run, csv string, opt Options) *Report {
	t.Helper()
	d, err := ReadDemographics(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	return Compute(run, d, opt)
}

// want is a category's expected figures; -1 stands for null.
type want struct {
	attr, group                   string
	applicants, selected, above   int
	selRate, ir, scoreRate, scoIR float64
	flag                          bool
}

func checkCategories(t *testing.T, label string, got []Category, wants []want) {
	t.Helper()
	find := func(attr, group string) *Category {
		for i := range got {
			if got[i].Attribute == attr && got[i].Group == group {
				return &got[i]
			}
		}
		return nil
	}
	eq := func(p *float64, w float64) bool {
		if w < 0 {
			return p == nil
		}
		return p != nil && math.Abs(*p-w) < 1e-9
	}
	for _, w := range wants {
		c := find(w.attr, w.group)
		if c == nil {
			t.Errorf("%s: no category %s %q", label, w.attr, w.group)
			continue
		}
		if c.Applicants != w.applicants || c.Selected != w.selected || c.AboveMedian != w.above ||
			!eq(c.SelectionRate, w.selRate) || !eq(c.ImpactRatio, w.ir) || !eq(c.ScoringRate, w.scoreRate) || !eq(c.ScoringImpactRatio, w.scoIR) || c.Flag != w.flag {
			t.Errorf("%s: %s %q:\n got %d applicants, %d selected, %d above, rates %s %s, ratios %s %s, flag %v\nwant %+v",
				label, w.attr, w.group, c.Applicants, c.Selected, c.AboveMedian, show(c.SelectionRate), show(c.ScoringRate), show(c.ImpactRatio), show(c.ScoringImpactRatio), c.Flag, w)
		}
	}
}

func show(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func TestComputePopulationA(t *testing.T) {
	run, csv := populationA()
	rep := audit(t, run, csv, Options{})
	if rep.Scored != 11 || rep.Records != 12 || rep.Joined != 10 || rep.Selected != 5 || rep.MedianScore != 66.7 || rep.RulesHash != "h1" {
		t.Errorf("scored %d of %d records, joined %d, selected %d, median %v, hash %q", rep.Scored, rep.Records, rep.Joined, rep.Selected, rep.MedianScore, rep.RulesHash)
	}
	wantUnknown := map[string]int{Sex: 2, RaceEthnicity: 1, Intersection: 2, "veteran": 2}
	if fmt.Sprint(rep.Unknown) != fmt.Sprint(wantUnknown) {
		t.Errorf("unknown %v, want %v", rep.Unknown, wantUnknown)
	}
	checkCategories(t, "baseline", rep.Categories, []want{
		// Male 3/4 selected and above the median; Female 1/5: 0.2/0.75 = 4/15.
		{Sex, "Male", 4, 3, 3, 0.75, 1, 0.75, 1, false},
		{Sex, "Female", 5, 1, 1, 0.2, 4.0 / 15, 0.2, 4.0 / 15, true},
		// White 4/5 is the reference; Asian 1/4 → 0.25/0.8 = 5/16; Black a
		// group of one; Hispanic an empty group (its only member's file was
		// unreadable).
		{RaceEthnicity, "White", 5, 4, 4, 0.8, 1, 0.8, 1, false},
		{RaceEthnicity, "Asian", 4, 1, 1, 0.25, 5.0 / 16, 0.25, 5.0 / 16, true},
		{RaceEthnicity, "Black", 1, 0, 0, 0, 0, 0, 0, true},
		{RaceEthnicity, "Hispanic", 0, 0, 0, -1, -1, -1, -1, false},
		{Intersection, "Male × White", 2, 2, 2, 1, 1, 1, 1, false},
		{Intersection, "Male × Asian", 2, 1, 1, 0.5, 0.5, 0.5, 0.5, true},
		{Intersection, "Female × White", 2, 1, 1, 0.5, 0.5, 0.5, 0.5, true},
		{Intersection, "Female × Asian", 2, 0, 0, 0, 0, 0, 0, true},
		{Intersection, "Female × Black", 1, 0, 0, 0, 0, 0, 0, true},
		{Intersection, "Male × Black", 0, 0, 0, -1, -1, -1, -1, false},
		{Intersection, "Male × Hispanic", 0, 0, 0, -1, -1, -1, -1, false},
		// veteran: yes c3, c9 (1 of 2 selected); no c1 c2 c5 c6 c7 c8 c10 (4 of 7).
		{"veteran", "no", 7, 4, 4, 4.0 / 7, 1, 4.0 / 7, 1, false},
		{"veteran", "yes", 2, 1, 1, 0.5, 7.0 / 8, 0.5, 7.0 / 8, false},
	})
	if got := len(rep.Categories); got != 2+4+8+2 {
		t.Errorf("%d categories, want 16 (2 sexes, 4 races, 8 intersections, 2 veteran)", got)
	}
	if rep.LowestImpactRatio == nil || *rep.LowestImpactRatio != 0 {
		t.Errorf("lowest impact ratio %s, want 0", show(rep.LowestImpactRatio))
	}
	for _, c := range rep.Categories {
		if c.SmallSample != (c.Applicants > 0) { // every group here is under 30
			t.Errorf("%s %q: small sample %v", c.Attribute, c.Group, c.SmallSample)
		}
		if (c.Group == "White" || c.Group == "Male" || c.Group == "Male × White") && (c.SelectionP != nil || c.ScoringP != nil) {
			t.Errorf("reference group %q has a p-value", c.Group)
		}
	}
	if !hasNote(rep, "1 records were not scored") || !hasNote(rep, "1 scored candidates have no row") || !hasNote(rep, "fewer than 30 applicants") {
		t.Errorf("notes %q", rep.Notes)
	}

	// The degree knocks out c4 c6 c7 c9 c11; without it c4 c6 c7 c9 are
	// selected too (c8 and
	// c11 still miss Go). Scores out of weight 4: c1 c4 c7 100; c2 c3 c5
	// c6 c9 c10 75; c8 c11 0. Median 75, so only c1 c4 c7 are above it.
	wi := whatIf(t, rep, "degree: bachelor")
	if wi.KnockedOut != 5 || wi.Selected != 9 || wi.MedianScore != 75 {
		t.Errorf("without degree: knocked out %d, selected %d, median %v", wi.KnockedOut, wi.Selected, wi.MedianScore)
	}
	checkCategories(t, "without degree", wi.Categories, []want{
		{Sex, "Male", 4, 4, 2, 1, 1, 0.5, 1, false},
		{Sex, "Female", 5, 4, 1, 0.8, 0.8, 0.2, 0.4, true}, // exactly 4/5 is not below 0.8
		{RaceEthnicity, "Black", 1, 1, 0, 1, 1, 0, 0, true},
		{RaceEthnicity, "Asian", 4, 3, 2, 0.75, 0.75, 0.5, 1, true},
		{RaceEthnicity, "White", 5, 5, 1, 1, 1, 0.2, 0.4, true},
	})
	// The preferred skill knocks nobody out; without it the scores are
	// out of weight 5: 100 for Go and degree, 60 for Go alone, 40 for the
	// degree alone.
	wp := whatIf(t, rep, "preferred: Docker")
	if wp.KnockedOut != 0 || wp.Selected != 5 || wp.MedianScore != 60 {
		t.Errorf("without Docker: knocked out %d, selected %d, median %v", wp.KnockedOut, wp.Selected, wp.MedianScore)
	}
}

func whatIf(t *testing.T, rep *Report, rule string) *WhatIf {
	t.Helper()
	for i := range rep.WhatIf {
		if rep.WhatIf[i].Rule == rule {
			return &rep.WhatIf[i]
		}
	}
	t.Fatalf("no what-if for %q in %d", rule, len(rep.WhatIf))
	return nil
}

func hasNote(rep *Report, s string) bool {
	for _, n := range rep.Notes {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// TestMinShare: with -min-share 0.1, groups under 10% of the 11 scored
// candidates (one applicant: 9.1%) leave the ratios, and the notes say so.
func TestMinShare(t *testing.T) {
	run, csv := populationA()
	rep := audit(t, run, csv, Options{MinShare: 0.1})
	checkCategories(t, "min-share", rep.Categories, []want{
		{RaceEthnicity, "Black", 1, 0, 0, 0, -1, 0, -1, false},
		{RaceEthnicity, "Asian", 4, 1, 1, 0.25, 5.0 / 16, 0.25, 5.0 / 16, true},
		{Intersection, "Female × Black", 1, 0, 0, 0, -1, 0, -1, false},
		{Intersection, "Female × Asian", 2, 0, 0, 0, 0, 0, 0, true},
		{RaceEthnicity, "Hispanic", 0, 0, 0, -1, -1, -1, -1, false},
	})
	for _, c := range rep.Categories {
		if c.Excluded != (c.Applicants == 1) {
			t.Errorf("%s %q (%d applicants): excluded %v", c.Attribute, c.Group, c.Applicants, c.Excluded)
		}
	}
	if !hasNote(rep, `race_ethnicity "Black" (1 applicants, 9.1% of scored candidates) is left out`) {
		t.Errorf("notes %q", rep.Notes)
	}
	// An excluded group is never the reference, even with the highest rate.
	cats := []Category{{Group: "tiny", Applicants: 1, Selected: 1, Excluded: true}, {Group: "a", Applicants: 4, Selected: 2}, {Group: "b", Applicants: 4, Selected: 1}}
	ratios(cats, func(c *Category) int { return c.Selected }, func(c *Category, ir, p *float64) { c.ImpactRatio, c.SelectionP = ir, p })
	if cats[0].ImpactRatio != nil || show(cats[1].ImpactRatio) != "1" || show(cats[2].ImpactRatio) != "0.5" || cats[1].SelectionP != nil || cats[2].SelectionP == nil {
		t.Errorf("ratios with an excluded group: %s %s %s", show(cats[0].ImpactRatio), show(cats[1].ImpactRatio), show(cats[2].ImpactRatio))
	}
}

// TestWhatIfFlipsFlag: the degree knockout alone halves the women's
// selection rate; without it the flag goes. Every score ties at the
// median, so no group has a scoring rate above zero and no scoring ratio.
//
//	4 men, Go and a degree: 100, qualified
//	2 women, Go and a degree: 100, qualified
//	2 women, Go only: 60, not qualified (degree)
func TestWhatIfFlipsFlag(t *testing.T) {
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}, Degree: &rules.DegreeRule{Level: "bachelor", Required: true}}
	run := &Run{}
	csv := "email,sex\n"
	for i, c := range []struct {
		sex string
		deg bool
	}{{"M", true}, {"M", true}, {"M", true}, {"M", true}, {"F", true}, {"F", true}, {"F", false}, {"F", false}} {
		p := &rules.Profile{Skills: []rules.Found{{Skill: "Go"}}}
		if c.deg {
			p.Degrees = []rules.Degree{{Level: "bachelor"}}
		}
		res := set.Score(p)
		run.Records = append(run.Records, screener.Record{Email: fmt.Sprintf("p%d@example.org", i), Status: screener.StatusOK,
			Score: res.Score, Qualified: res.Qualified, Breakdown: res.Breakdown})
		csv += fmt.Sprintf("p%d@example.org,%s\n", i, c.sex)
	}
	rep := audit(t, run, csv, Options{})
	if rep.MedianScore != 100 || rep.Flags != 1 {
		t.Errorf("median %v, flags %d", rep.MedianScore, rep.Flags)
	}
	checkCategories(t, "baseline", rep.Categories, []want{
		{Sex, "M", 4, 4, 0, 1, 1, 0, -1, false},
		{Sex, "F", 4, 2, 0, 0.5, 0.5, 0, -1, true},
	})
	if rep.WhatIf[0].Rule != "degree: bachelor" || rep.WhatIf[0].Improvement != 0.5 || rep.WhatIf[0].Flags != 0 {
		t.Errorf("first what-if %+v, want the degree, improving the lowest ratio by 0.5 to no flag", rep.WhatIf[0])
	}
	checkCategories(t, "without degree", rep.WhatIf[0].Categories, []want{
		{Sex, "F", 4, 4, 0, 1, 1, 0, -1, false},
	})
	if s := rep.WhatIf[0].Summary; !strings.Contains(s, "lowest impact ratio 0.50 → 1.00") || !strings.Contains(s, "flagged groups 1 → 0") {
		t.Errorf("summary %q", s)
	}
	if w := whatIf(t, rep, "required: Go"); w.Improvement != 0 || w.KnockedOut != 0 || w.Flags != 1 {
		t.Errorf("without Go: %+v", w)
	}
}

// TestUnattributed: a record written before breakdown lines were marked
// stays unselected in every what-if, and the notes say so.
func TestUnattributed(t *testing.T) {
	run := &Run{Records: []screener.Record{
		{Email: "a@x.org", Status: screener.StatusOK, Score: 50, Qualified: false, Breakdown: []rules.Line{{Rule: "degree: bachelor", Weight: 2}, {Rule: "required: Go", Weight: 3, Earned: 3}}},
		{Email: "b@x.org", Status: screener.StatusOK, Score: 100, Qualified: true, Breakdown: []rules.Line{{Rule: "degree: bachelor", Weight: 2, Earned: 2}, {Rule: "required: Go", Weight: 3, Earned: 3}}},
	}}
	rep := audit(t, run, "email,sex\na@x.org,F\nb@x.org,M\n", Options{})
	if w := whatIf(t, rep, "degree: bachelor"); w.Selected != 1 {
		t.Errorf("without degree %d selected, want 1", w.Selected)
	}
	if !hasNote(rep, "1 candidates are not qualified but their records do not say") {
		t.Errorf("notes %q", rep.Notes)
	}
}

func TestFisher(t *testing.T) {
	tests := []struct {
		a, b, c, d int
		want       float64
	}{
		{3, 1, 1, 3, 34.0 / 70}, // the lady tasting tea: 1+16+16+1 of 70 tables
		{4, 0, 0, 4, 2.0 / 70},
		{2, 2, 2, 2, 1},
		{0, 0, 0, 0, 1},
		{1, 0, 0, 0, 1},
		// 10 of 10 against 0 of 10: 2 of C(20,10) = 184756 tables.
		{10, 0, 0, 10, 2.0 / 184756},
	}
	for _, tt := range tests {
		if got := fisherTwoSided(tt.a, tt.b, tt.c, tt.d); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("fisher(%d %d %d %d) = %v, want %v", tt.a, tt.b, tt.c, tt.d, got, tt.want)
		}
	}
}

// TestREADMEWorkedExample is the README's worked example: 60 men, 30
// qualified and 6 more knocked out by the degree alone; 40 women, 14
// qualified and 12 more knocked out by the degree alone.
func TestREADMEWorkedExample(t *testing.T) {
	set := &rules.Set{Required: []rules.Item{{Skill: "Go"}}, Degree: &rules.DegreeRule{Level: "bachelor", Required: true}}
	run := &Run{}
	csv := "email,sex\n"
	add := func(sex string, n int, goSkill, deg bool) {
		for range n {
			p := &rules.Profile{}
			if goSkill {
				p.Skills = []rules.Found{{Skill: "Go"}}
			}
			if deg {
				p.Degrees = []rules.Degree{{Level: "bachelor"}}
			}
			res := set.Score(p)
			email := fmt.Sprintf("p%d@example.org", len(run.Records))
			run.Records = append(run.Records, screener.Record{Email: email, Status: screener.StatusOK, Score: res.Score, Qualified: res.Qualified, Breakdown: res.Breakdown})
			csv += email + "," + sex + "\n"
		}
	}
	add("Male", 30, true, true)
	add("Male", 6, true, false)
	add("Male", 24, false, true)
	add("Female", 14, true, true)
	add("Female", 12, true, false)
	add("Female", 14, false, false)
	rep := audit(t, run, csv, Options{})
	checkCategories(t, "worked example", rep.Categories, []want{
		{Sex, "Male", 60, 30, 30, 0.5, 1, 0.5, 1, false},
		{Sex, "Female", 40, 14, 14, 0.35, 0.7, 0.35, 0.7, true},
	})
	w := rep.WhatIf[0]
	if w.Rule != "degree: bachelor" || w.Selected != 62 || w.Flags != 0 || math.Abs(*w.LowestImpactRatio-0.6/0.65) > 1e-9 {
		t.Errorf("first what-if %s: %d selected, %d flags, lowest %s", w.Rule, w.Selected, w.Flags, show(w.LowestImpactRatio))
	}
	if *update {
		rep.WriteJSON(os.Stdout) // the README's JSON example is an abridged copy
	}
}

// TestWhatIfMinimumYears: a required skill with a minimum of three years.
// Dropping the whole rule selects everyone; dropping only the minimum
// selects those whose resumes show the skill, however briefly.
//
//	a, b (F)  Go, 4 years in dated roles   100, qualified
//	c (F)     Go, 1 year                   33.3 (3 × 1/3 of 3), not qualified
//	d, e (M)  Go, 6 months                 16.7, not qualified
//	f (M)     no Go                        0, not qualified
func TestWhatIfMinimumYears(t *testing.T) {
	set := &rules.Set{Required: []rules.Item{{Skill: "Go", MinYears: 3}}}
	run := &Run{}
	csv := "email,sex\n"
	for i, c := range []struct {
		sex    string
		months float64
	}{{"F", 48}, {"F", 48}, {"F", 12}, {"M", 6}, {"M", 6}, {"M", -1}} {
		p := &rules.Profile{}
		if c.months >= 0 {
			p.Skills = []rules.Found{{Skill: "Go", Months: c.months}}
		}
		res := set.Score(p)
		email := fmt.Sprintf("%c@example.org", 'a'+i)
		run.Records = append(run.Records, screener.Record{Email: email, Status: screener.StatusOK, Score: res.Score, Qualified: res.Qualified,
			Matched: res.Matched, MatchedPreferred: res.MatchedPreferred, Breakdown: res.Breakdown})
		csv += email + "," + c.sex + "\n"
	}
	rep := audit(t, run, csv, Options{})
	if rep.Selected != 2 || len(rep.WhatIf) != 2 {
		t.Fatalf("%d selected, %d what-ifs", rep.Selected, len(rep.WhatIf))
	}
	drop, minimum := whatIf(t, rep, "required: Go"), whatIf(t, rep, "required: Go (minimum years only)")
	if drop.Change != "drop" || drop.KnockedOut != 4 || drop.Selected != 6 {
		t.Errorf("without Go: %s, knocked out %d, selected %d", drop.Change, drop.KnockedOut, drop.Selected)
	}
	if minimum.Change != "minimum_years" || minimum.KnockedOut != 3 || minimum.Selected != 5 || minimum.MedianScore != 100 {
		t.Errorf("without the minimum: %s, knocked out %d, selected %d, median %v", minimum.Change, minimum.KnockedOut, minimum.Selected, minimum.MedianScore)
	}
	// Baseline: F 2/3 selected, M 0/3; scores 0 16.7 16.7 33.3 100 100,
	// median 25: a, b and c above it. Without the minimum: F 3/3, M 2/3
	// selected; every score but f's is 100, the median too.
	checkCategories(t, "baseline", rep.Categories, []want{{Sex, "F", 3, 2, 3, 2.0 / 3, 1, 1, 1, false}, {Sex, "M", 3, 0, 0, 0, 0, 0, 0, true}})
	checkCategories(t, "without the minimum", minimum.Categories, []want{{Sex, "F", 3, 3, 0, 1, 1, 0, -1, false}, {Sex, "M", 3, 2, 0, 2.0 / 3, 2.0 / 3, 0, -1, true}})
}
