package rules

import (
	"math"
	"strings"
	"testing"
	"time"
)

func years(y float64) *float64 { return &y }

var asOf = time.Date(2025, 6, 16, 0, 0, 0, 0, time.UTC) // "Present" runs to the end of June 2025

// TestYears reads whole resumes: only dated roles count.
func TestYears(t *testing.T) {
	tests := []struct {
		name, text string
		want       *float64
	}{
		{"no dates", "Jane Doe\nExperience\nEngineer at Acme\n", nil},
		{"only education", "Education\nBSc Computer Science 2014 – 2018\n", nil},
		{"overlaps merged", "Experience\nEngineer, Acme, Jan 2019 – Dec 2020\nConsultant, Beta, Jan 2020 – Dec 2021\n", years(3)},
		{"education never counts", "Experience\nEngineer, Acme, 2019 – 2021\nEducation\nBSc, State University, 2010 – 2014\n", years(2)},
		{"an education line in the experience section", "Experience\nEngineer, Acme, 2019 – 2021\nMaster of Science, Tech University, 2016 – 2018\n", years(2)},
		{"2M+ is not a degree", "Experience\n• Served 2M+ requests June 2023 – May 2024\n", years(1)},
		{"teaching assistant is a job", "Experience\nTeaching Assistant, State University, 2017 – 2019\n", years(2)},
		{"certifications never count", "Experience\nEngineer, Acme, 2019 – 2021\nCertifications\nAWS Certified Solutions Architect 2015 – 2018\n", years(2)},
		{"projects are not roles", "Experience\nEngineer, Acme, 2019 – 2021\nProjects\nChess engine in Go, 2010 – 2018\n", years(2)},
		{"without an experience heading, a title makes a role", "Jane Doe\nSoftware Engineer, Acme Inc, 2019 – 2021\nEducation\nBSc 2014 – 2018\n", years(2)},
		{"without an experience heading, a bare range is not a role", "Jane Doe\nCycled across France 2015 – 2018\n", nil},
		{"German headings", "Berufserfahrung\nEntwickler, Acme GmbH, 03.2019 – 02.2021\nAusbildung\nStudium 2012 – 2018\n", years(2)},
		{"a heading on the line of its first entry", "Work Part-time Consultant, Acme 2019 – 2021\nEducation Bachelor of Arts, City College 2015 – 2019\n", years(2)},
		{"Chinese company", "北京博睿宏远科技发展有限公司 2009/08 – 2019/07\n网络环境探测项目 2009/08 – 2009/09\n", years(10)},
		{"a column of dates wrapped after Since", "Experience\nSince Firmware Engineer, Cobalt Freight\n05/2017 { Introduced C++ to three teams\n{ Owned the C upgrade\n03/2014 to Senior Firmware Engineer, Bluepeak\n04/2017 { Hired six engineers\n", years(11.3)},
		{"a column of dates wrapped after Since, month and year apart", "Experience\nSince Senior Frontend Engineer, Tidewater Labs\nDecember { Maintained a codebase\n2024 { Delivered a portal\n", years(0.6)},
		{"a column of dates over four lines", "Experience\nApril 2023 UI Engineer, Orchard Health\nto { Moved nightly reporting\nNovember { Rebuilt the partner integration\n2024 { Presented results\n", years(1.7)},
		{"interests are not roles", "Experience\nEngineer, Acme, 2019 – 2021\nInterests\nMarathon runner 2010 – 2018\n", years(2)},
	}
	tax := DefaultTaxonomy()
	for _, tt := range tests {
		got := tax.Analyze(Resume{Text: tt.text}, asOf).YearsExperience
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("%s: years %v, want %v", tt.name, deref(got), deref(tt.want))
		}
	}
}

func deref(y *float64) any {
	if y == nil {
		return nil
	}
	return *y
}

// TestSkillMonths checks per-skill experience: the months of the dated
// roles whose text mentions a skill, and the year it was last used.
func TestSkillMonths(t *testing.T) {
	text := `Jane Doe
Skills
Go, Python, Kubernetes, Rust

Experience
Backend Engineer, Acme — Jan 2022 – Present
- Services in Go on Kubernetes
- Python tooling

Acme Labs
Platform Engineer
Jan 2019 – Jan 2021
- Go and PostgreSQL

Developer, Beta, 2016 – 2018
- Python scripts

Projects
Rust game engine, 2020 – 2024
`
	p := DefaultTaxonomy().Analyze(Resume{Text: text}, asOf)
	want := map[string]struct {
		months   float64
		lastUsed int
	}{
		"Go":         {25 + 42, 2025}, // Jan 2019 – Jan 2021 and Jan 2022 – June 2025
		"Kubernetes": {42, 2025},
		"Python":     {24 + 42, 2025}, // mid-2016 – mid-2018 and Jan 2022 – June 2025

		"PostgreSQL": {25, 2021},
		"Rust":       {0, 0}, // a skills list and a project add nothing
	}
	for _, f := range p.Skills {
		w, ok := want[f.Skill]
		if !ok {
			t.Errorf("unexpected skill %s", f.Skill)
			continue
		}
		if math.Abs(f.Months-w.months) > 0.1 || f.LastUsed != w.lastUsed {
			t.Errorf("%s: %v months, last used %d; want %v, %d", f.Skill, f.Months, f.LastUsed, w.months, w.lastUsed)
		}
		delete(want, f.Skill)
	}
	if len(want) > 0 {
		t.Errorf("not found: %v", want)
	}
	// 24 + 25 + 42 months.
	if p.YearsExperience == nil || *p.YearsExperience != 7.6 {
		t.Errorf("years %v, want 7.6", deref(p.YearsExperience))
	}
	lines := strings.Split(text, "\n")
	if roles := findRoles(lines, sectionsOf(lines), asOf); len(roles) != 3 || roles[1].first != 9 || roles[0].last != 9 {
		t.Errorf("roles %+v: a line of dates alone should take its title lines with it", roles)
	}
}

// TestScoreMinYears scores items with a min_years of their own.
func TestScoreMinYears(t *testing.T) {
	set := &Set{
		Required:  []Item{{Skill: "Go", MinYears: 3}},
		Preferred: []Item{{Skill: "Rust", MinYears: 2}},
	}
	tests := []struct {
		name      string
		skills    []Found
		score     float64
		qualified bool
		knockout  string
	}{
		{"enough years", []Found{{Skill: "Go", Months: 40, LastUsed: 2024}, {Skill: "Rust", Months: 30}}, 100, true, ""},
		{"exactly the years asked", []Found{{Skill: "Go", Months: 36}, {Skill: "Rust", Months: 24}}, 100, true, ""},
		{"half the years", []Found{{Skill: "Go", Months: 18, LastUsed: 2024}, {Skill: "Rust", Months: 12}}, 50, false, "Go: 1.5 years in dated roles, 3 required"},
		{"listed, never in a role", []Found{{Skill: "Go"}}, 0, false, "Go: 0 years in dated roles, 3 required"},
		{"missing", nil, 0, false, "missing required Go"},
	}
	for _, tt := range tests {
		r := set.Score(&Profile{Skills: tt.skills})
		if r.Score != tt.score || r.Qualified != tt.qualified || tt.knockout != "" && (len(r.Knockouts) != 1 || r.Knockouts[0] != tt.knockout) {
			t.Errorf("%s: score %v qualified %v knockouts %q; want %v %v %q", tt.name, r.Score, r.Qualified, r.Knockouts, tt.score, tt.qualified, tt.knockout)
		}
		if tt.name == "half the years" && !strings.HasPrefix(r.Breakdown[0].Detail, "1.5 years of 3 in dated roles, last 2024") {
			t.Errorf("breakdown detail %q", r.Breakdown[0].Detail)
		}
		// A skill never dated has no year it was last used.
		if tt.name == "half the years" && !strings.HasPrefix(r.Breakdown[1].Detail, "1 year of 2 in dated roles:") {
			t.Errorf("breakdown detail %q, want no last year", r.Breakdown[1].Detail)
		}
	}
	exp := &Set{Experience: &Experience{MinYears: 2, Required: true}}
	if r := exp.Score(&Profile{}); r.Qualified || r.Knockouts[0] != "no dated role found, 2 years of experience required" || r.Breakdown[0].Detail != "no dated role found" {
		t.Errorf("unknown years: %+v", r)
	}
}

// TestSections checks headings printed on the line of their first entry,
// and a "Skills:" label under interests.
func TestSections(t *testing.T) {
	text := "EXPERIENCE Software Engineer August 2018 - Present\nBuilt services\nPROJECTS Chess engine May 2019 - Present\n" +
		"Work Part-time Consultant, Acme 2019 – 2021\nEducation Bachelor of Arts, City College 2015 – 2019\n" +
		"Interests\nSkills:\nsailing, swift descents on a bike\nSkills: baking\n"
	want := []Section{SectionExperience, SectionExperience, SectionProjects, SectionExperience, SectionEducation,
		SectionInterests, SectionInterests, SectionInterests, SectionInterests, SectionInterests}
	got := sectionsOf(strings.Split(text, "\n"))
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d %q: %s, want %s", i, strings.Split(text, "\n")[i], got[i], want[i])
		}
	}
}

// TestEmployerLineAbove gives an employer line printed above a role's
// title and dates to that role, not to the role before.
func TestEmployerLineAbove(t *testing.T) {
	text := "Employment History\nAcme Corp Denver, Colorado\nDevOps Engineer 01/2022 - 01/2024\n" +
		"• Ran Kubernetes clusters, cutting costs by a third.\nNew Relic Denver, Colorado\nSite Reliability Engineer 05/2019 - 01/2022\n• Docker everywhere.\n" +
		"Kept a Redis cache of 200,000 keys\nConsultant at Tessellate GmbH 01/2018 - 12/2018\n"
	months := map[string]float64{}
	for _, f := range DefaultTaxonomy().Analyze(Resume{Text: text}, asOf).Skills {
		months[f.Skill] = f.Months
	}
	if months["New Relic"] != 33 || months["Kubernetes"] != 25 || months["Docker"] != 33 || months["Redis"] != 33 {
		t.Errorf("months %v, want New Relic 33, Kubernetes 25, Docker 33, Redis 33", months)
	}
}

// TestRoleLayouts reads roles printed the ways some themes print them.
func TestRoleLayouts(t *testing.T) {
	tests := []struct {
		name, text string
		want       *float64
	}{
		{"a range split over two lines", "Experience\n12/2022 — Mobile Developer, Northwind\n04/2024 { Wrote the style guide\n", years(1.4)},
		{"split, to Present", "Experience\n12/2022 — Mobile Developer, Northwind\nPresent { Wrote the style guide\n", years(2.6)},
		{"split before to date", "Experience\n08/2022 - Research Analyst, Parsec\nto date { Delivered a portal\n", years(2.9)},
		{"a column of dates over three lines", "Experience\nAugust Data Engineer, Calder Energy\n2016 - July { Moved reporting to SQL\n2017 { Introduced R\n", years(1)},
		{"lines starting with years are no range", "Experience\n2018 Top rated developer\n2019 Quora Top Writer\n", nil},
		{"a Europass form whose values come after it", "Work experience\nDates\nOccupation or position held\nLanguages\n" +
			"08/2023 - to date\nResearch Analyst\nDelivered a portal\n2012 - 2016\nBachelor of Arts, Economics\n", years(1.9)},
		{"split with to", "Experience\n2019 to Backend Engineer, Cobalt Freight\n2022 { Presented results\n", years(3)},
		{"title lines above dates, not the sentence before", "Experience\nCloud Engineer, Aurelian\n2022 — 2024\nDesigned a billing service on Azure\n" +
			"Cloud Engineer, Brightline\n2020 — 2022\nKubernetes, Python\n", years(4)},
		{"a heading beside the title, dates two lines down", "Jane Doe\nWork Data Scientist\nKestrel Bank\nAug 2023 – Present\nBuilt the order pipeline\n", years(1.9)},
		{"internships and projects under one heading: the internship", "教育背景\n南方大学, 广州 2009 – 2013\n• 实习/项目经历\n" +
			"星河科技公司 2015 年 3 月 – 2015 年 5 月\n• 实现了缓存\n开源代理工具 2014 年 6 月 – 至今\n• 修复了 bug\n• IT 技能\n• 编程语言: Go, Python\n", years(0.3)},
	}
	tax := DefaultTaxonomy()
	for _, tt := range tests {
		got := tax.Analyze(Resume{Text: tt.text}, asOf).YearsExperience
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("%s: years %v, want %v", tt.name, deref(got), deref(tt.want))
		}
	}
}

// TestTitleBelowDates leaves the lines above a line of dates to the role
// before when the title comes below the dates.
func TestTitleBelowDates(t *testing.T) {
	text := "Work\n2022-03-01 — 2022-10-01\nCloud Engineer\nDay to day: Bash, Jenkins\n" +
		"2017-05-01 — 2021-09-01\nPlatform Engineer\nMaintained a Docker codebase\n"
	for _, f := range DefaultTaxonomy().Analyze(Resume{Text: text}, asOf).Skills {
		if want := map[string]float64{"Bash": 8, "Jenkins": 8, "Docker": 53}[f.Skill]; f.Months != want {
			t.Errorf("%s: %v months, want %v", f.Skill, f.Months, want)
		}
	}
}

// TestSentenceAboveDates keeps the last sentence of a role with it when
// the next role prints its title above a line of dates.
func TestSentenceAboveDates(t *testing.T) {
	text := "Experience\nCloud Engineer, Aurelian\n2022 — 2024\nDesigned a billing service on Azure\n" +
		"Cloud Engineer, Brightline\n2020 — 2022\nDay to day: Kubernetes\n"
	for _, f := range DefaultTaxonomy().Analyze(Resume{Text: text}, asOf).Skills {
		if want := map[string]float64{"Microsoft Azure": 24, "Kubernetes": 24}[f.Skill]; f.Months != want {
			t.Errorf("%s: %v months, want %v", f.Skill, f.Months, want)
		}
	}
}

// BenchmarkAnalyzeLongLines reads hostile text: a few very long lines of
// ambiguous names and of dates. Its cost must grow with the text, not with
// its square (each once took seconds for 100 KB).
func BenchmarkAnalyzeLongLines(b *testing.B) {
	tax := DefaultTaxonomy()
	text := strings.Repeat("Introduced React to Rust teams, ", 3000) + "\n" + strings.Repeat("2019 ", 20000) + "\n" +
		strings.Repeat("Jan 2019 – Mar 2020 ", 5000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tax.Analyze(Resume{Text: text}, asOf)
	}
}

// TestLastUsed gives the year a role ended: December's end is not the next
// year.
func TestLastUsed(t *testing.T) {
	text := "Experience\nDeveloper, Acme, Mar 2018 – Dec 2020\n• Go services\nDeveloper, Beta, 2015 – 2017\n• Perl scripts\n"
	want := map[string]int{"Go": 2020, "Perl": 2017}
	for _, f := range DefaultTaxonomy().Analyze(Resume{Text: text}, asOf).Skills {
		if f.LastUsed != want[f.Skill] {
			t.Errorf("%s: last used %d, want %d", f.Skill, f.LastUsed, want[f.Skill])
		}
	}
}

// TestRoleTitles: outside an experience section a dated line is a role
// when a job title stands on it, on the line above, or two lines above a
// line of dates alone (with a title-case line between); a school above or
// below a line of dates makes it none unless a title does.
func TestRoleTitles(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  int // roles
	}{
		{"title on the first line, dates below", []string{"Software Engineer", "Acme 2019 – 2021"}, 1},
		{"title on the line above", []string{"Jane Roe", "jane@example.com", "Software Engineer", "Acme 2019 – 2021"}, 1},
		{"no title", []string{"Jane Roe", "jane@example.com", "Chess club", "Acme 2019 – 2021"}, 0},
		{"title two lines above dates alone", []string{"Jane Roe", "Software Engineer", "Acme Labs", "2019 – 2021"}, 1},
		{"title three lines above dates alone", []string{"Software Engineer", "Acme Labs", "Berlin Office", "2019 – 2021"}, 0},
		{"dates alone on the first line, title below", []string{"2019 – 2021", "Software Engineer"}, 1},
		{"a school above dates alone is not theirs", []string{"Experience", "University of Oslo", "2019 – 2021", "Blue Ocean Systems"}, 1},
		{"a school below dates alone", []string{"Experience", "Blue Ocean Systems", "2019 – 2021", "University of Oslo"}, 0},
		{"since, the date below", []string{"Experience", "Engineer at Acme", "Since", "05/2017"}, 1},
		{"since on the last line", []string{"Experience", "Engineer at Acme", "Since"}, 0},
		{"since on the first line, no date below", []string{"Since", "Engineer at Acme"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findRoles(tt.lines, sectionsOf(tt.lines), asOf); len(got) != tt.want {
				t.Errorf("%d roles %+v, want %d", len(got), got, tt.want)
			}
		})
	}
}

// TestRoleLimits: four ranges on a line are roles, five a list of years;
// a resume has at most maxRoles roles.
func TestRoleLimits(t *testing.T) {
	four := []string{"Experience", "Engineer 2011 – 2012, 2013 – 2014, 2015 – 2016, 2017 – 2018"}
	if got := findRoles(four, sectionsOf(four), asOf); len(got) != 4 {
		t.Errorf("four ranges: %d roles", len(got))
	}
	five := []string{"Experience", "Engineer 2009 – 2010, 2011 – 2012, 2013 – 2014, 2015 – 2016, 2017 – 2018"}
	if got := findRoles(five, sectionsOf(five), asOf); len(got) != 0 {
		t.Errorf("five ranges: %d roles", len(got))
	}
	many := []string{"Experience"}
	for range maxRoles + 1 {
		many = append(many, "Engineer Jan 2019 – Mar 2019")
	}
	if got := findRoles(many, sectionsOf(many), asOf); len(got) != maxRoles {
		t.Errorf("%d dated lines: %d roles, want %d", maxRoles+1, len(got), maxRoles)
	}
}

// TestRoleText: the lines a role's text takes above its dates (up to three
// short title-case lines above dates alone, one up to 60 bytes above a
// title with dates) and below (to the next role on a later line).
func TestRoleText(t *testing.T) {
	line60 := "Blue Ocean Systems And Partners Of The Northern Coast Region"
	if len(line60) != 60 {
		t.Fatalf("%d bytes", len(line60))
	}
	tests := []struct {
		name        string
		lines       []string
		first, last int // of the first role
	}{
		{"three lines above dates alone", []string{"Experience", "Go Developer", "Acme Corp", "Berlin", "Remote Team", "Jan 2019 – Dec 2020", "Built things."}, 2, 7},
		{"a 60-byte line above a title and dates", []string{"Experience", line60, "Engineer 2019 – 2021", "Built things."}, 1, 4},
		{"a 61-byte line is not", []string{"Experience", line60 + "s", "Engineer 2019 – 2021", "Built things."}, 2, 4},
		{"an employer above a title and dates", []string{"Experience", "New Relic, Denver", "Site Reliability Engineer 05/2019 - 01/2022", "Built things."}, 1, 4},
		{"a title above a title and dates is not", []string{"Summary", "Backend Engineer based in Oslo.", "Experience", "Backend Engineer, Fjord Telecom. 2018 to present", "Built things."}, 3, 5},
		{"nor in one section", []string{"Experience", "Backend Engineer based in Oslo.", "Backend Engineer, Fjord Telecom. 2018 to present", "Built things."}, 2, 4},
		{"a title above an employer and dates", []string{"Experience", "Platform Engineer", "Fjord Telecom, Oslo 2018 – 2021", "Built things."}, 1, 4},
		{"a title below dates alone", []string{"Experience", "Built things.", "Jan 2019 – Dec 2020", "Cloud Engineer", "Built more."}, 2, 5},
		{"a sentence below dates alone is no title", []string{"Experience", "Vireo Labs", "Quality Engineer", "Jan 2019 – Dec 2020", "Rebuilt the partner integration in TestNG on top of Jenkins and pytest"}, 1, 5},
		{"a sentence that names a job is no title line", []string{"Experience", "Engineer, Acme", "2019-02 — 2020-01", "Built things.",
			"Rebuilt the partner integration in AWS on top of Python and Jenkins", "Senior Engineer, Acme", "2016-06 — 2019-01", "Built more."}, 1, 5},
		{"a title with its employer heads the role", []string{"Experience", "Built the order pipeline with Selenium WebDriver and Playwright",
			"Software Tester, Express Couriers Ltd", "2014 - 2015", "Built things."}, 2, 5},
		{"a title alone takes its employer above", []string{"Experience", "Built things.", "Express Couriers Ltd", "Software Tester", "2014 - 2015", "Built more."}, 2, 6},
		{"outside an experience section a project's range ends the role", []string{"Summary", "Developer, Acme Ltd 2015 – 2016", "Built things.", "Chess engine 2017 – 2019", "Wrote it in Go."}, 1, 3},
		{"a year alone does not", []string{"Summary", "Developer, Acme Ltd 2015 – 2016", "Promoted in 2016.", "Wrote it in Go."}, 1, 4},
		{"the end of a wrapped sentence is no title line", []string{"Experience", "Built the order pipeline with Selenium WebDriver and", "Playwright",
			"Express Couriers Ltd", "2014 – 2015", "Built things."}, 3, 6},
		{"a title wrapped after a joining word is", []string{"Experience", "Built things.", "Head of", "Engineering", "2014 – 2015", "Built more."}, 2, 6},
		{"two roles on a line share the lines below", []string{"Experience", "Engineer 2016 – 2017, 2018 – 2019", "Built things.", "Shipped things."}, 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roles := findRoles(tt.lines, sectionsOf(tt.lines), asOf)
			if len(roles) == 0 || roles[0].first != tt.first || roles[0].last != tt.last {
				t.Errorf("roles %+v, want the first on lines [%d, %d)", roles, tt.first, tt.last)
			}
		})
	}
}

// TestLastUsedNotAfterAsOf: a role ending a month after the as-of date
// (a resume written ahead) was last used in the as-of year.
func TestLastUsedNotAfterAsOf(t *testing.T) {
	dec := time.Date(2024, 12, 10, 0, 0, 0, 0, time.UTC)
	p := DefaultTaxonomy().Analyze(Resume{Text: "Experience\nGo Engineer, Acme Dec 2024 – Jan 2025\nBuilt services in Go."}, dec)
	f, ok := p.find("Go")
	if !ok || f.LastUsed != 2024 {
		t.Errorf("Go: %+v (found %v), want last used 2024", f, ok)
	}
}

// TestLineShapes: the tests a line's words are put to when reading roles.
func TestLineShapes(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"Senior Software Engineer", true},
		{"Senior software Engineer", true}, // two thirds
		{"Senior software engineer", false},
		{"Head of Engineering", true},
		{"of and the", false}, // no word that counts
		{"2019 – 2021", false},
	} {
		if got := titleCased(tt.line); got != tt.want {
			t.Errorf("titleCased(%q) = %v", tt.line, got)
		}
	}
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"Senior Platform Engineer, Quarry Street Studio", true},
		{"Staff engineer at a small firm", true},                          // names a job, eight words at most
		{"Met with the partner banks every week to plan releases", false}, // names one, but a sentence
		{"Stack: Go, Docker", false},
	} {
		if got := isTitleLine(tt.line); got != tt.want {
			t.Errorf("isTitleLine(%q) = %v", tt.line, got)
		}
	}
	for _, tt := range []struct {
		line string
		want int
	}{
		{"Jan 2019 – Present", 0},
		{"Site Reliability Engineer 05/2019 - 01/2022", 3},
		{"Engineer, Acme (2016 to 2018)", 2},
	} {
		if got := wordsBesideDates(tt.line); got != tt.want {
			t.Errorf("wordsBesideDates(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"• Built things", true},
		{"\uf0b7 Built things", true}, // a Symbol font's bullet
		{"\uf000 Built things", true},
		{"\uf0ff Built things", true},
		{"\uf100 Built things", false},
		{"\uefff Built things", false},
		{"Built things", false},
	} {
		if got := isBulleted(tt.line); got != tt.want {
			t.Errorf("isBulleted(%q) = %v", tt.line, got)
		}
	}
}
