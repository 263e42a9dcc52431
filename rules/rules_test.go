package rules

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestDefaultTaxonomy(t *testing.T) {
	tax := DefaultTaxonomy()
	if n := len(tax.Skills()); n < 300 {
		t.Errorf("taxonomy has %d skills, want at least 300", n)
	}
	seen := map[string]bool{}
	for _, s := range tax.Skills() {
		if seen[s.Name] {
			t.Errorf("skill %q listed twice", s.Name)
		}
		seen[s.Name] = true
	}
	if _, err := LoadTaxonomy(strings.NewReader("[language]\nGo\n[database]\ngo\n")); err == nil {
		t.Error("duplicate alias across skills accepted")
	}
	if _, err := LoadTaxonomy(strings.NewReader("[nonsense]\nGo\n")); err == nil {
		t.Error("unknown category accepted")
	}
}

// TestLoadTaxonomy: the line format (name | aliases | flags), each flag
// and not: phrase read, and errors that name the line.
func TestLoadTaxonomy(t *testing.T) {
	src := "# a comment\n\n[language]\nGo | Golang, , Go lang | case context word not:go live not:let go\n[database]\n  Redis  \n"
	tax, err := LoadTaxonomy(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Skill{
		{Name: "Go", Category: "language", Aliases: []string{"Golang", "Go lang"}, CaseSensitive: true, NeedsContext: true, Word: true, Not: []string{"go live", "let go"}},
		{Name: "Redis", Category: "database"},
	}
	if got := tax.Skills(); !reflect.DeepEqual(got, want) {
		t.Errorf("skills %+v, want %+v", got, want)
	}
	for _, tt := range []struct{ src, want string }{
		{"[language]\nGo\n\nRust | | wordy\n", `taxonomy line 4: unknown flag "wordy"`},
		{"[language]\nGo | | not: not:go live\n", "taxonomy line 2: empty not: phrase"},
		{"[language]\nGo | | not:go live not:\n", "taxonomy line 2: empty not: phrase"},
		{"[language]\n | Golang\n", "skill with an empty name"},
		// The same words spaced otherwise are the same alias to the matcher.
		{"[devops]\nCI/CD\n[methodology]\nContinuous Delivery | CI / CD\n", `alias "CI / CD" of "Continuous Delivery" is already used by "CI/CD"`},
		// The matcher starts a name at a word, never at punctuation.
		{"[frontend]\nNgRx | @ngrx/store\n", `alias "@ngrx/store" of "NgRx" starts with punctuation: names are matched from their first word`},
		{"[frontend]\nNgRx | . NgRx\n", `alias ". NgRx" of "NgRx" starts with punctuation: names are matched from their first word`},
	} {
		if _, err := LoadTaxonomy(strings.NewReader(tt.src)); err == nil || err.Error() != tt.want {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.want)
		}
	}
}

func found(tax *Taxonomy, text string) map[string]bool {
	m := map[string]bool{}
	for _, f := range tax.FindSkills(text) {
		m[f.Skill] = true
	}
	return m
}

func TestAmbiguousNames(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		text  string
		skill string
		want  bool
	}{
		{"Languages: Go, Python", "Go", true},
		{"Backend services written in Go.", "Go", true},
		{"Senior Go developer", "Go", true},
		{"Golang microservices", "Go", true},
		{"I go the extra mile for customers", "Go", false},
		{"We go live next week", "Go", false},
		{"Always on the go", "Go", false},
		{"Statistics in R and Python", "R", true},
		{"Led the R&D department", "R", false},
		{"Skills: C, C++, Rust", "C", true},
		{"Reported to C-level executives", "C", false},
		{"Embedded firmware in C and Python", "C", true},
		{"iOS apps in Swift and Kotlin", "Swift", true},
		{"Ensured swift delivery of orders", "Swift", false},
		{"Java/Spring Boot services", "Spring", true},
		{"Spring 2021 semester abroad", "Spring", false},
		{"Built a REST API with Flask and Python", "Flask", true},
		{"React, Redux and TypeScript front ends", "React", true},
		{"Able to react quickly under pressure", "React", false},
		{"Node.js with Express", "Express", true},
		{"I express interest in the role", "Express", false},
		{"JavaScript and TypeScript", "Java", false},
		{"JavaScript and TypeScript", "JavaScript", true},
		{"Ruby on Rails and PostgreSQL", "Ruby on Rails", true},
		{"RoR developer", "Ruby on Rails", true},
		{"Oracle Database 19c administration", "Oracle Database", true},
		{"Worked at Oracle as a sales rep", "Oracle Database", false},
		{"MySQL, Oracle, PostgreSQL", "Oracle Database", true},
		{"Apache, Nginx and Node.js", "Apache HTTP Server", true},
		{"Apache Kafka streams", "Apache HTTP Server", false},
		{"Apache Kafka streams", "Apache Kafka", true},
		{"Advanced Excel and SQL reporting", "Excel", true},
		{"I excel in team settings", "Excel", false},
		{"Shell scripting and Bash", "Shell", true},
		{"Dart and Flutter apps", "Dart", true},
		{"Julia and Python for numerics", "Julia", true},
		{"Ember.js front end", "Ember.js", true},
		{"MS Access databases", "Microsoft Access", true},
		{"Gained access to the building", "Microsoft Access", false},
		// Case, for names that are English words: capitalised in
		// mid-sentence for, lowercase against, unless in a list.
		{"Introduced React to three product teams", "React", true},
		{"Moved a billing service on Flask to containers", "Flask", true},
		{"Coached the team on Agile for a year", "Agile", true},
		{"Migrated the billing services to Go to cut latency", "Go", true},
		{"Shipped the iOS app in Swift", "Swift", true},
		{"Languages: rust, python", "Rust", true},
		{"Skills\nrust, python", "Rust", true},
		{"Skills\nrestoring old bikes, scraping off the rust", "Rust", false},
		{"daily work in rust, python and c++", "Rust", true},
		{"bike engineer: scrapes rust off old frames", "Rust", false},
		{"Ran swift developer onboarding sessions", "Swift", false},
		{"a developer who can react under pressure", "React", false},
		{"Delivery driver at Express Couriers, backend developer since", "Express", false},
		{"You'll need to be good at Dart and Flutter", "Dart", true},
		{"fluent at Go, Python and SQL", "Go", true},
		{"Delivery driver at Express, then at Oracle", "Express", false},
		{"Backend developer, Spring Valley Foods", "Spring", false},
		{"Studied abroad in the Spring 2021 semester", "Spring", false},
		{"Grew up in the Rust Belt and learned Python", "Rust", false},
		{"Interests\nSkills: Swift sailing, knots", "Swift", false},
		{"Designed a billing service on Cypress with tests", "Cypress", true},
		{"took the helm as lead engineer", "Helm", false},
		{"we excel as backend developers", "Excel", false},
		// No case evidence for names that are no English words.
		{"used git daily", "Git", true},
		{"Redis and mysql caches", "MySQL", true},
		{"熟悉 Vue、NodeJS、SpringBoot 等主流技术栈", "Vue.js", true}, // Chinese list commas
	}
	for _, tt := range tests {
		if got := found(tax, tt.text)[tt.skill]; got != tt.want {
			t.Errorf("%q: found %s = %v, want %v", tt.text, tt.skill, got, tt.want)
		}
	}
}

func TestSpellings(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct{ text, skill string }{
		{"Postgres", "PostgreSQL"}, {"PostgreSQL", "PostgreSQL"}, {"(PostgreSQL)", "PostgreSQL"},
		{"NodeJS", "Node.js"}, {"Node.js", "Node.js"}, {"backend in Node", "Node.js"},
		{"golang", "Go"}, {"RoR", "Ruby on Rails"}, {"Ruby on Rails", "Ruby on Rails"},
		{"C Sharp", "C#"}, {"C#", "C#"}, {"MS SQL Server", "Microsoft SQL Server"}, {"T-SQL", "T-SQL"},
		{"k8s", "Kubernetes"}, {"ES6", "JavaScript"}, {"C++", "C++"}, {".NET", ".NET"}, {"ASP.NET", "ASP.NET"},
		{"CI/CD", "CI/CD"}, {"Objective-C", "Objective-C"}, {"Java/Spring", "Java"},
	}
	for _, tt := range tests {
		if !found(tax, "Skills: "+tt.text)[tt.skill] {
			t.Errorf("%q: %s not found (got %v)", tt.text, tt.skill, found(tax, "Skills: "+tt.text))
		}
	}
	if f := found(tax, "Objective-C"); f["C"] {
		t.Error(`"Objective-C" also counted as C`)
	}
}

func TestAnalyze(t *testing.T) {
	text := `JANE DOE
jane.doe@example.com | +1 (415) 555-0134 | linkedin.com/in/janedoe | github.com/jdoe

Experience
Engineer, Acme — Jan 2019 – Present
Developer, Beta (2016 - 2018)
Consultant, Gamma, Mar 2018 - Jun 2019

Education
BSc Computer Science, 2015
`
	p := DefaultTaxonomy().Analyze(Resume{Text: text}, time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC))
	if p.Name != "Jane Doe" || p.Email != "jane.doe@example.com" || p.Phone != "+1 415-555-0134" {
		t.Errorf("contacts: %q %q %q", p.Name, p.Email, p.Phone)
	}
	if len(p.Links) != 2 {
		t.Errorf("links %v", p.Links)
	}
	// Mid-2016 to mid-2018, mid-March 2018 to mid-June 2019 and mid-January
	// 2019 to 15 December 2024 merge into mid-2016 to December 2024.
	if p.YearsExperience == nil || *p.YearsExperience != 8.5 {
		t.Errorf("years %v, want 8.5", p.YearsExperience)
	}
	if len(p.Degrees) != 1 || p.Degrees[0] != (Degree{"bachelor", "Computer Science"}) {
		t.Errorf("degrees %v", p.Degrees)
	}
}

// TestAnalyzeCells: a resume whose fields are a table's cells or sit at
// tab stops (a tab between them, as Word, HTML and PDF tables give them)
// reads as well as with spaces, and a heading alone in the first cell of
// its first entry's row opens its section; the values shown hold no tab.
func TestAnalyzeCells(t *testing.T) {
	text := "MARIA GARCIA\nmaria@example.es\t+34 612 345 678\n" +
		"EXPERIENCE\tLead Developer\tJune 2020 - Present\nFintech SL\nReact, TypeScript and Node.js\n" +
		"Developer, Startup SL\t2016 - 2020\nVue.js and PHP\n" +
		"EDUCATION\tB.Sc. Computer Science\t2015\n" +
		"SKILLS\tLanguages: Go, Python\n"
	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	p := DefaultTaxonomy().Analyze(Resume{Text: text}, asOf)
	if p.Name != "Maria Garcia" || p.Email != "maria@example.es" || p.Phone != "+34 612 34 56 78" || p.Title != "Lead Developer" {
		t.Errorf("name %q, e-mail %q, phone %q, title %q", p.Name, p.Email, p.Phone, p.Title)
	}
	if p.YearsExperience == nil || *p.YearsExperience != 10 {
		t.Errorf("years %v, want 10", p.YearsExperience)
	}
	for _, skill := range []string{"React", "Go"} {
		f, ok := p.find(skill)
		if want := map[string]Section{"React": SectionExperience, "Go": SectionSkills}[skill]; !ok || f.Section != want || strings.Contains(f.Evidence, "\t") {
			t.Errorf("%s: %+v (found %v), want it in %s, its evidence without tabs", skill, f, ok, want)
		}
	}
}

func TestScore(t *testing.T) {
	set := &Set{
		Required:  []Item{{Skill: "Docker"}},
		OneOf:     []Group{{Skills: []string{"Go", "Java"}}},
		Preferred: []Item{{Skill: "Terraform"}},
		Degree:    &DegreeRule{Level: "bachelor", Fields: []string{"Computer Science"}},
	}
	tests := []struct {
		name      string
		profile   Profile
		score     float64
		qualified bool
	}{
		{"everything", Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Go"}, {Skill: "Terraform"}}, Degrees: []Degree{{"master", "Computer Science"}}}, 100, true},
		{"no required", Profile{Skills: []Found{{Skill: "Go"}, {Skill: "Terraform"}}}, 44.4, false},
		{"degree in another field", Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Java"}}, Degrees: []Degree{{"bachelor", "Physics"}}}, 77.8, true},
		{"nothing", Profile{}, 0, false},
	}
	for _, tt := range tests {
		r := set.Score(&tt.profile)
		if r.Score != tt.score || r.Qualified != tt.qualified {
			t.Errorf("%s: score %v qualified %v, want %v %v (%+v)", tt.name, r.Score, r.Qualified, tt.score, tt.qualified, r.Breakdown)
		}
	}
}

// TestScoreKnockoutLines checks that the breakdown marks exactly the rules
// behind the knockouts, one line per reason, and nothing else.
func TestScoreKnockoutLines(t *testing.T) {
	set := &Set{
		Required:   []Item{{Skill: "Docker"}, {Skill: "Kubernetes"}},
		OneOf:      []Group{{Name: "languages", Skills: []string{"Go", "Java"}}},
		Preferred:  []Item{{Skill: "Terraform"}},
		Degree:     &DegreeRule{Level: "bachelor", Required: true},
		Experience: &Experience{MinYears: 3, Required: true},
	}
	tests := []struct {
		name    string
		profile Profile
		want    []string // rules marked as knockouts
	}{
		{"all met", Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Go"}, {Skill: "Kubernetes"}}, Degrees: []Degree{{Level: "master"}}, YearsExperience: years(3)}, nil},
		{"nothing", Profile{}, []string{"required: Docker", "required: Kubernetes", "one_of: languages", "degree: bachelor", "experience: 3 years"}},
		{"one skill and the years", Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Java"}, {Skill: "Kubernetes"}}, Degrees: []Degree{{Level: "bachelor"}}, YearsExperience: years(2.5)}, []string{"experience: 3 years"}},
		{"preferred never knocks out", Profile{Skills: []Found{{Skill: "Docker"}, {Skill: "Go"}}, Degrees: []Degree{{Level: "phd"}}, YearsExperience: years(9)}, []string{"required: Kubernetes"}},
	}
	for _, tt := range tests {
		r := set.Score(&tt.profile)
		var got []string
		for _, l := range r.Breakdown {
			if l.Knockout {
				got = append(got, l.Rule)
			}
		}
		if !slices.Equal(got, tt.want) || len(r.Knockouts) != len(tt.want) || r.Qualified != (len(tt.want) == 0) {
			t.Errorf("%s: knockout lines %q, want %q (knockouts %q, qualified %v)", tt.name, got, tt.want, r.Knockouts, r.Qualified)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown skill", "required:\n  - Go\n  - postgress\n", `r.yaml:3: unknown skill "postgress" (did you mean "PostgreSQL"?)`},
		{"empty group", "one_of:\n  - name: langs\n    skills: []\n", `r.yaml:2: one_of group "langs" is empty`},
		{"bad weight", "preferred:\n  - skill: Go\n    weight: -2\n", `r.yaml:2: bad weight -2`},
		{"unknown field", "requird:\n  - Go\n", `r.yaml:1: unknown field "requird"`},
		{"unknown item field", "required:\n  - skill: Go\n  - skil: Java\n", `r.yaml:3: unknown field "skil"`},
		{"unknown group field", "one_of:\n  - skills: [Go, Java]\n    minimum: 2\n", `r.yaml:3: unknown field "minimum"`},
		{"unknown degree field", "degree:\n  level: master\n  feilds: [Physics]\n", `r.yaml:3: unknown field "feilds"`},
		{"skill twice", "required: [Go]\npreferred:\n  - golang\n", `r.yaml:3: skill "Go" listed twice (first on line 1)`},
		{"skill twice in a group", "one_of:\n  - skills: [Go, Java, golang]\n", `r.yaml:2: skill "Go" listed twice`},
		{"item also in a group", "required: [Go]\none_of:\n  - skills: [Java, golang]\n", `r.yaml:3: skill "Go" listed twice (first on line 1)`},
		{"group min above its size", "one_of:\n  - {min: 3, skills: [Go, Java]}\n", `r.yaml:2: one_of group "": min 3 but 2 skills`},
		{"item min_years", "required:\n  - {skill: Go, min_years: 61}\n", `r.yaml:2: min_years 61 for "Go"`},
		{"experience weight", "experience: {min_years: 2, weight: 101}\n", `r.yaml: bad experience weight 101`},
		{"nothing", "title: x\n", "r.yaml: the rule set asks for nothing"}, // no line: the file's name alone
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.yaml), "r.yaml", DefaultTaxonomy())
		var pe *ParseError
		if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want ParseError containing %q", tt.name, err, tt.want)
		}
	}
	_, err := Load(strings.NewReader("required: [postgress]\n"), "r.yaml", DefaultTaxonomy())
	if !errors.Is(err, ErrUnknownSkill) {
		t.Errorf("errors.Is(err, ErrUnknownSkill) false for %v", err)
	}
	set, err := Load(strings.NewReader("skills:\n  - name: Temporal\n    category: devops\n    aliases: [temporal.io]\nrequired: [temporal.io, postgres]\n"), "r.yaml", DefaultTaxonomy())
	if err != nil {
		t.Fatal(err)
	}
	tax, err := set.Taxonomy()
	if err != nil || set.Required[0].Skill != "Temporal" || set.Required[1].Skill != "PostgreSQL" || !found(tax, "workflows on temporal.io")["Temporal"] {
		t.Errorf("extension: %v %+v", err, set)
	}
	// The taxonomy passed is the one checked against and carried.
	custom, err := DefaultTaxonomy().With([]Skill{{Name: "Zorblang", Category: "language"}})
	if err != nil {
		t.Fatal(err)
	}
	set, err = Load(strings.NewReader("required: [zorblang]\n"), "r.yaml", custom)
	if err != nil {
		t.Fatalf("a skill of the taxonomy passed: %v", err)
	}
	if tax, err := set.Taxonomy(); err != nil || set.Required[0].Skill != "Zorblang" || !found(tax, "Skills: Zorblang")["Zorblang"] {
		t.Errorf("custom taxonomy: %v %+v", err, set.Required)
	}
	if _, err := Load(strings.NewReader("required: [zorblang]\n"), "r.yaml", nil); !errors.Is(err, ErrUnknownSkill) {
		t.Errorf("nil taxonomy is the default one, without Zorblang: error %v", err)
	}
}

// TestDeriveGolden derives rules from our example postings and compares the
// YAML with golden files; run with -update after a deliberate change.
func TestDeriveGolden(t *testing.T) {
	postings, _ := filepath.Glob("../testdata/example/*-posting.txt")
	more, _ := filepath.Glob("testdata/*.posting.txt")
	for _, p := range append(postings, more...) {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		set := DefaultTaxonomy().Derive(string(text))
		if err := set.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(p), ".txt")+".golden.yaml")
		if *update {
			os.WriteFile(golden, []byte(b.String()), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s: derived rules differ from %s:\n%s", p, golden, b.String())
		}
		// The derived YAML must load back.
		if _, err := Load(strings.NewReader(b.String()), golden, DefaultTaxonomy()); err != nil {
			t.Errorf("%s: derived rules do not load: %v", p, err)
		}
	}
}

func TestDeriveOneOf(t *testing.T) {
	set := DefaultTaxonomy().Derive("Requirements\n- Proficiency in languages such as Java, PHP, Python, or Ruby.\n- Familiarity with Git and SVN.\n")
	if len(set.OneOf) != 1 || strings.Join(set.OneOf[0].Skills, ",") != "Java,PHP,Python,Ruby" {
		t.Errorf("one_of %+v", set.OneOf)
	}
	if len(set.Required) != 0 {
		t.Errorf("required %+v: an example list must not require every item", set.Required)
	}
	if len(set.Preferred) != 2 {
		t.Errorf("preferred %+v", set.Preferred)
	}
}

func TestHeadings(t *testing.T) {
	for h, want := range headings {
		_, n := utf8.DecodeRuneInString(h)
		for _, line := range []string{h, strings.ToUpper(h), strings.ToUpper(h[:n]) + h[n:] + ":"} {
			if got, ok := headingOf(line); !ok || got != want {
				t.Errorf("headingOf(%q) = %q, %v; want %q", line, got, ok, want)
			}
		}
	}
	for _, line := range []string{"Built APIs in Go", "Experience with Kubernetes and Terraform in production", "", "2019 - 2021",
		"Work Authorization: US citizen", "Work Role：移动端负责人", "Education Coordinator, City Schools 2015 – 2018"} {
		if s, ok := headingOf(line); ok {
			t.Errorf("headingOf(%q) = %q, want no heading", line, s)
		}
		if s, ok := headingPrefix(line, true); ok {
			t.Errorf("headingPrefix(%q) = %q, want no heading", line, s)
		}
	}
	// A heading on the line of its first entry, its words parted by runs
	// of spaces as in layout text.
	for _, line := range []string{"TECHNICAL   SKILLS Go, Rust", "TECHNICAL SKILLS    Go, Rust", "SKILLS     Go, Rust"} {
		if s, ok := headingPrefix(line, false); !ok || s != SectionSkills {
			t.Errorf("headingPrefix(%q) = %q, %v; want %q", line, s, ok, SectionSkills)
		}
	}
}

func TestDegrees(t *testing.T) {
	tests := []struct {
		line string
		want []Degree
	}{
		{"BSc Computer Science, 2015", []Degree{{"bachelor", "Computer Science"}}},
		{"B.S. in Software Engineering", []Degree{{"bachelor", "Software Engineering"}}},
		{"Master of Science in Computer Science", []Degree{{"master", "Computer Science"}}},
		{"MS, Statistics (BS, Mathematics)", []Degree{{"master", "Statistics"}}}, // the highest level on a line wins
		{"Ph.D. candidate in Physics", []Degree{{"phd", "Physics"}}},
		{"Courses will be graded; latency under 200 ms", nil}, // "be" and "ms" in prose are not degrees
	}
	for _, tt := range tests {
		got := findDegrees([]string{"Education", tt.line}, []Section{SectionEducation, SectionEducation})
		if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
			t.Errorf("%q: %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestLoadSkillInSeveralGroups: groups are requirements of their own, so a
// skill may stand in several ("Java or Ruby"; "Java, C# or Node.js"), as
// derivation writes them, and a candidate with it meets each.
func TestLoadSkillInSeveralGroups(t *testing.T) {
	const y = "one_of:\n  - skills: [Java, Ruby]\n  - skills: [Java, C#, Node.js]\n"
	s, err := Load(strings.NewReader(y), "r.yaml", DefaultTaxonomy())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(s.OneOf) != 2 {
		t.Fatalf("groups %v, want 2", s.OneOf)
	}
	r := s.Score(&Profile{Skills: []Found{{Skill: "Java"}}})
	if !r.Qualified || len(r.Matched) != 1 {
		t.Errorf("a Java developer: qualified %v, matched %v; want qualified, [Java] once", r.Qualified, r.Matched)
	}
	r = s.Score(&Profile{Skills: []Found{{Skill: "Ruby"}}})
	if r.Qualified {
		t.Errorf("a Ruby developer meets only the first group, yet is qualified")
	}
}

// TestHashIgnoresOrder: the order of a list, of groups and of a group's
// skills means nothing, so it does not change the hash; a skill does.
func TestHashIgnoresOrder(t *testing.T) {
	load := func(y string) *Set {
		t.Helper()
		s, err := Load(strings.NewReader(y), "r.yaml", DefaultTaxonomy())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a := load("required: [Go, Docker]\none_of:\n  - skills: [Java, Ruby]\n  - skills: [MySQL, Redis]\npreferred: [Rust, Kafka]\ndegree: {level: bachelor, fields: [Physics, Mathematics]}\n")
	b := load("required: [Docker, Go]\none_of:\n  - skills: [Redis, MySQL]\n  - skills: [Ruby, Java]\npreferred: [Kafka, Rust]\ndegree: {level: bachelor, fields: [Mathematics, Physics]}\n")
	c := load("required: [Docker, Go]\none_of:\n  - skills: [Redis, MySQL]\n  - skills: [Ruby, Kotlin]\npreferred: [Kafka, Rust]\ndegree: {level: bachelor, fields: [Mathematics, Physics]}\n")
	if a.Hash() != b.Hash() {
		t.Errorf("the same rules in another order hash %s and %s", a.Hash(), b.Hash())
	}
	if b.Hash() == c.Hash() {
		t.Errorf("other rules hash alike: %s", b.Hash())
	}
}
