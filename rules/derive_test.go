package rules

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// classOf returns how a set asks for a skill: "required", "one_of",
// "preferred" or "" when it does not.
func classOf(s *Set, skill string) string {
	for _, it := range s.Required {
		if it.Skill == skill {
			return "required"
		}
	}
	for _, g := range s.OneOf {
		if slices.Contains(g.Skills, skill) {
			return "one_of"
		}
	}
	for _, it := range s.Preferred {
		if it.Skill == skill {
			return "preferred"
		}
	}
	return ""
}

func TestStatements(t *testing.T) {
	tax := DefaultTaxonomy()
	names := func(s string) bool { return len(tax.hits(tokenize(s), SectionOther)) > 0 }
	mayName := func(s string) bool { return len(tax.m.scan(tokenize(s))) > 0 }
	// A posting printed to PDF: lines wrapped at the page's width, bullets lost.
	pdf := `Requirements
Proficiency in programming languages such as Java, Python, Ruby, and SQL is a must for
back-end developers, and you have shipped services to production at scale before.
Docker and Kubernetes
Experience with relational databases such as PostgreSQL or MySQL, including schema
design.
Nice to have
Apache Kafka`
	got := statements(pdf, names, mayName, nil)
	want := []struct {
		text string
		sec  section
	}{
		{"Proficiency in programming languages such as Java, Python, Ruby, and SQL is a must for back-end developers, and you have shipped services to production at scale before.", sectionRequirements},
		{"Docker and Kubernetes", sectionRequirements},
		{"Experience with relational databases such as PostgreSQL or MySQL, including schema design.", sectionRequirements},
		{"Apache Kafka", sectionPreferences},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d statements, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].text != w.text || got[i].section != w.sec {
			t.Errorf("statement %d: %q in %v, want %q in %v", i, got[i].text, got[i].section, w.text, w.sec)
		}
	}

	// Markdown: headings, bold labels, bullets and a table with a header.
	md := "## What you'll do\n* Build services in **Go**.\n\n## Nice to have\n| Skill | Notes |\n|---|---|\n| Rust | e.g. for tools; any level |\n- **Must:** Python (e.g. Django) and SQL. Git too.\n"
	got = statements(md, names, mayName, nil)
	var texts []string
	for _, s := range got {
		texts = append(texts, s.text+"@"+s.section.String()+"/"+s.label.String())
	}
	wantTexts := []string{
		"Build services in Go.@responsibilities/",
		"Rust@preferences/", "e.g. for tools;@preferences/", "any level@preferences/",
		"Python (e.g. Django) and SQL.@preferences/requirements", "Git too.@preferences/requirements",
	}
	if !slices.Equal(texts, wantTexts) {
		t.Errorf("markdown statements\n got %q\nwant %q", texts, wantTexts)
	}
	// A table row's header is not a statement, its separator neither.
	for _, s := range got {
		if strings.Contains(s.text, "---") || s.text == "Notes" {
			t.Errorf("table header or separator read as a statement: %q", s.text)
		}
	}
}

func TestJoinWrapped(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a heading before a lower-case name", "Nice to have\ngRPC and Protocol Buffers.", []string{"Nice to have", "gRPC and Protocol Buffers."}},
		{"a line that ends the sentence after a full line",
			"Experience with at least one major cloud: AWS, Google Cloud or Microsoft\nAzure.\nInfrastructure as Code with Terraform or Pulumi, declared.\nContainers and orchestration with Docker and Kubernetes, run.",
			[]string{"Experience with at least one major cloud: AWS, Google Cloud or Microsoft Azure.", "Infrastructure as Code with Terraform or Pulumi, declared.", "Containers and orchestration with Docker and Kubernetes, run."}},
		{"items without full stops are items, however long",
			"Kubernetes (4+ years), including running clusters you did not create\nTerraform for everything that can be declared\nLinux internals: processes, networking, file systems, and more",
			[]string{"Kubernetes (4+ years), including running clusters you did not create", "Terraform for everything that can be declared", "Linux internals: processes, networking, file systems, and more"}},
		{"an open end", "Experience with Docker and\nKubernetes.", []string{"Experience with Docker and Kubernetes."}},
		{"paragraphs on single lines, of different lengths, between short headings",
			"What matters to us\nYou write clean TypeScript and know HTML and CSS well, and you have shipped a single-page application in Angular or React.\n" +
				"What does not matter\nA degree is not essential, and design tools are not required either, you will learn them.\nNice, not necessary\nStorybook",
			[]string{"What matters to us", "You write clean TypeScript and know HTML and CSS well, and you have shipped a single-page application in Angular or React.",
				"What does not matter", "A degree is not essential, and design tools are not required either, you will learn them.", "Nice, not necessary", "Storybook"}},
		{"paragraphs on single lines", "We need Go.\nWe use Rust.", []string{"We need Go.", "We use Rust."}},
		{"a blank line ends a paragraph", "- D3.js for charts\n\nabout three years of React is what we expect.", []string{"D3.js for charts", "about three years of React is what we expect."}},
		{"a lower-case word after a full line continues it",
			"We build the systems that settle card payments for two million customers and we look for people\nwho can keep them running at night and on weekends, and who would like to learn how they work\nfrom the inside.",
			[]string{"We build the systems that settle card payments for two million customers and we look for people who can keep them running at night and on weekends, and who would like to learn how they work from the inside."}},
		{"items whose bullets were lost: a short item, or a lower-case name",
			"Apache Airflow\ndbt or Apache Spark\nMessaging with Apache Kafka or RabbitMQ\ngRPC and REST APIs\nPostgreSQL with query tuning",
			[]string{"Apache Airflow", "dbt or Apache Spark", "Messaging with Apache Kafka or RabbitMQ", "gRPC and REST APIs", "PostgreSQL with query tuning"}},
		{"table rows a PDF wrapped", "Proficiency in languages such as Java, PHP, Python, or\nRuby | Problem-solving skills |\nExperience with MySQL or MongoDB | Excellent\ncommunication skills |",
			[]string{"Proficiency in languages such as Java, PHP, Python, or Ruby | Problem-solving skills |", "Experience with MySQL or MongoDB | Excellent communication skills |"}},
	}
	// Lines wrapped at 100 characters (two lines of 100 and 95 set the
	// width): a lower-case line continues one that, with its first word,
	// would pass 70% of the width; a sentence's end continues one that
	// would pass 90%.
	page := strings.Repeat("p", 99) + ".\n" + strings.Repeat("q", 94) + ".\n"
	line := func(n int) string { return "we like " + strings.Repeat("y", n-8) }
	pageLines := []string{strings.Repeat("p", 99) + ".", strings.Repeat("q", 94) + "."}
	paged := func(lines ...string) []string { return append(slices.Clone(pageLines), lines...) }
	tests = append(tests, []struct {
		name, text string
		want       []string
	}{
		{"a lower-case line after one 70% full", page + line(64) + "\nzebra crossing", paged(line(64), "zebra crossing")},
		{"a lower-case line after one past 70%", page + line(65) + "\nzebra crossing", paged(line(65) + " zebra crossing")},
		{"a sentence's end after one 90% full", page + line(84) + "\nZebra crossing.", paged(line(84), "Zebra crossing.")},
		{"a sentence's end after one past 90%", page + line(85) + "\nZebra crossing.", paged(line(85) + " Zebra crossing.")},
		{"no width: lines stay", "We use many tools\nzebra crossing", []string{"We use many tools", "zebra crossing"}},
		{"a bar at the end of a line after no table", "We use Go daily\nand Rust |", []string{"We use Go daily", "and Rust |"}},
	}...)
	tax := DefaultTaxonomy()
	mayName := func(s string) bool { return len(tax.m.scan(tokenize(s))) > 0 }
	for _, tt := range tests {
		var got []string
		for _, ln := range joinWrapped(readLines(tt.text), mayName, nil) {
			got = append(got, ln.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestHeadingKinds(t *testing.T) {
	tests := []struct {
		line string
		want section
		ok   bool
	}{
		{"What you'll need", sectionRequirements, true},
		{"What you will need from day one here", sectionRequirements, true},            // eight words
		{"What you will need from day one here now", 0, false},                         // nine
		{"Requirements for the " + strings.Repeat("x", 49), sectionRequirements, true}, // 70 characters
		{"Requirements for the " + strings.Repeat("x", 50), 0, false},
		{"Must-haves", sectionRequirements, true},
		{"Core skills:", sectionRequirements, true},
		{"Preferred qualifications", sectionPreferences, true},
		{"It helps if you have:", sectionPreferences, true},
		{"Desirable", sectionPreferences, true},
		{"What you'll do", sectionDuties, true},
		{"Essential Back-End Developer Tasks", sectionDuties, true},
		{"About us", sectionAbout, true},
		{"What we offer", sectionAbout, true},
		{"Senior Data Engineer", 0, false},
		{"4+ years of full-stack experience", 0, false}, // a list item whose bullet a PDF lost
		{"Java or Kotlin", 0, false},                    // names a skill: checked by statements, so look at the words only
	}
	// A Markdown heading may run to 200 bytes.
	for _, tt := range []struct {
		n  int
		ok bool
	}{{200, true}, {201, false}} {
		h := "Requirements " + strings.Repeat("x", tt.n-13)
		if _, ok := headingSection(line{text: h, heading: true}); ok != tt.ok {
			t.Errorf("a Markdown heading of %d bytes: heading %v, want %v", tt.n, ok, tt.ok)
		}
	}
	for _, tt := range tests {
		got, ok := headingSection(line{text: tt.line})
		if tt.line == "Java or Kotlin" {
			continue
		}
		if ok != tt.ok || got != tt.want {
			t.Errorf("headingSection(%q) = %v, %v; want %v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDeriveStrength(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		posting string
		want    map[string]string // skill -> class; "" for not asked for
	}{
		// Headings whose words carry the strength.
		{"What you'll need\n- Redis and Kafka in production\n", map[string]string{"Redis": "required", "Apache Kafka": "required"}},
		{"Core skills:\n- Terraform\n\nAlso good to know:\n- Helm\n", map[string]string{"Terraform": "required", "Helm": "preferred"}},
		// Cue phrases.
		{"You should know React and TypeScript well.", map[string]string{"React": "required", "TypeScript": "required"}},
		{"Some exposure to Terraform would help.", map[string]string{"Terraform": "preferred"}},
		{"Some exposure to Terraform.", map[string]string{"Terraform": "preferred"}},
		// "Some" lowers how much experience is asked for, not whether it is.
		{"Requirements\n- Some experience with Redis\n", map[string]string{"Redis": "required"}},
		{"Some knowledge of Linux.", map[string]string{"Linux": "required"}},
		{"Some knowledge of Elasticsearch is a plus.", map[string]string{"Elasticsearch": "preferred"}},
		{"Nice to have\n- Some experience with Redis\n", map[string]string{"Redis": "preferred"}},
		{"Docker is desirable.", map[string]string{"Docker": "preferred"}},
		{"Experience with Grafana is an advantage.", map[string]string{"Grafana": "preferred"}},
		{"Advanced SQL is essential, as is advanced Excel.", map[string]string{"SQL": "required", "Excel": "required"}},
		{"Python or R is desirable, and familiarity with Looker would be an advantage.", map[string]string{"Python": "preferred", "R": "preferred", "Looker": "preferred"}},
		{"Deep knowledge of Java is essential.", map[string]string{"Java": "required"}},
		{"Knowledge of Agile and Scrum.", map[string]string{"Agile": "preferred", "Scrum": "preferred"}},
		// A wish written before a list bears on it, not on the list before.
		{"You have written Go in production, ideally with gRPC.", map[string]string{"Go": "required", "gRPC": "preferred"}},
		{"You know Python well, preferably Django too.", map[string]string{"Python": "required", "Django": "preferred"}},
		{"Kafka, ideally.", map[string]string{"Apache Kafka": "preferred"}},
		{"Experience with Kafka, ideally.", map[string]string{"Apache Kafka": "preferred"}}, // a wish after the last list bears on it
		// Negations and descriptions.
		{"Requirements\n- Experience with MySQL is nice to have; experience with Oracle Database is not needed.\n", map[string]string{"MySQL": "preferred", "Oracle Database": ""}},
		{"Requirements\n- CI/CD pipeline design; we use GitHub Actions.\n", map[string]string{"CI/CD": "required", "GitHub Actions": "preferred"}},
		{"Exposure to Heroku is nice but not necessary.", map[string]string{"Heroku": "preferred"}},
		// Sections that describe the job name its tools, whatever their cues.
		{"Responsibilities\n| Area | What |\n|---|---|\n| Servers | Developers must be proficient in cloud services such as AWS and Azure. |\n",
			map[string]string{"AWS": "preferred", "Microsoft Azure": "preferred"}},
		{"About us\nOur stack is Go and PostgreSQL, and you must love it.\n", map[string]string{"Go": "preferred", "PostgreSQL": "preferred"}},
		// Headings in other words.
		{"You should bring\n- Modern C++ for the application processor.\n\nWe would also value\n- Python for test rigs.\n", map[string]string{"C++": "required", "Python": "preferred"}},
		{"You will need\n- Basic SQL\n", map[string]string{"SQL": "required"}},
		{"Good if you have\n- Helm chart authoring\n", map[string]string{"Helm": "preferred"}},
		{"What matters to us\nYou write unit tests with Jest.\n\nWhat does not matter\nWe removed the last of jQuery this year.\n", map[string]string{"Jest": "required", "jQuery": ""}},
		// "Of them" after a number of years counts years, not skills.
		{"We like Terraform.\nWe are looking for at least seven years of experience, three or more of them on call.", map[string]string{"Terraform": "preferred"}},
		// A table's row says how much each skill is needed.
		{"| Skill | How much we need it |\n|---|---|\n| Cypress | helpful |\n| React | not needed, even though our site uses it |\n",
			map[string]string{"Cypress": "preferred", "React": ""}},
		{"How much we need each skill\nCypress helpful\nRxJS essential\n", map[string]string{"Cypress": "preferred", "RxJS": "required"}},
		// A list item whose bullet was lost is no heading: "A degree".
		{"Not required\nA degree\nAzure certifications\n", map[string]string{"Microsoft Azure": "preferred"}},
		// A job board's list of other jobs is not the posting.
		{"Nice to have\n- Kotlin\n\nSimilar jobs\n- Flutter Developer at Harbourline\n", map[string]string{"Kotlin": "preferred", "Flutter": ""}},
		// A conditional wish bears on every list of its clause.
		{"It would be a bonus if you have run Apache Kafka yourself, if you have traced requests with OpenTelemetry, or if you have worked with Istio.",
			map[string]string{"Apache Kafka": "preferred", "OpenTelemetry": "preferred", "Istio": "preferred"}},
		// A label of up to eight words before a colon sets the section of what follows.
		{"Requirements\n- About our stack and the team: Kafka\n", map[string]string{"Apache Kafka": "preferred"}},
		{"Requirements\n- About our stack and the team we have today: Kafka\n", map[string]string{"Apache Kafka": "required"}},
		// A negation around the skill it negates.
		{"Requirements\n- React\n- No Kubernetes experience needed: the platform team deploys.\n", map[string]string{"React": "required", "Kubernetes": ""}},
		{"Requirements\n- Strong React skills and no Kubernetes experience needed.\n", map[string]string{"React": "required", "Kubernetes": ""}},
		{"You must know React well and no Kubernetes experience is required.\n", map[string]string{"React": "required", "Kubernetes": ""}},
		// A table whose cells HTML or Word joined with spaces, with a column of strengths.
		{"Area What we look for Essential?\nCloud Microsoft Azure Essential\nContainers Docker; Kubernetes is a plus Desirable\n",
			map[string]string{"Microsoft Azure": "required", "Docker": "preferred", "Kubernetes": "preferred"}},
		// An obligation beats a preferences heading; a plain statement does not.
		{"Nice to have\n- Rust\nYou should have shipped an app on iOS.\n", map[string]string{"Rust": "preferred", "iOS": "required"}},
		// A statement that refers back with an obligation.
		{"Our data lives in PostgreSQL and we cache in Redis; you should be comfortable with both.", map[string]string{"PostgreSQL": "required", "Redis": "required"}},
		{"Our data lives in PostgreSQL and Redis.\nStrong knowledge of both.\n", map[string]string{"PostgreSQL": "required", "Redis": "required"}},
		{"Our data lives in PostgreSQL and Redis. Knowing both is a plus.\n", map[string]string{"PostgreSQL": "preferred", "Redis": "preferred"}},
		// A degree's field is not a skill.
		{"A master's degree in Statistics is a plus.", map[string]string{"Statistics": ""}},
	}
	for _, tt := range tests {
		set := tax.Derive(tt.posting)
		for skill, want := range tt.want {
			if got := classOf(set, skill); got != want {
				t.Errorf("%q: %s is %q, want %q", tt.posting, skill, got, want)
			}
		}
	}
}

func TestDeriveGroups(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		posting string
		want    []string // each group: its skills, comma-separated, then "/min" if above 1
	}{
		{"Requirements\n- Java or Kotlin (either is fine), and the Android SDK\n", []string{"Java,Kotlin"}},
		{"Requirements\n- Python, plus Java or C# to read our services' code\n", []string{"Java,C#"}},
		// A stand-in offered for a skill makes a group with it.
		{"Our infrastructure is described in Terraform, but a candidate who has done the same work with Pulumi is just as welcome.", []string{"Terraform,Pulumi"}},
		{"Requirements\n- End-to-end tests in Cypress or Playwright (we use Cypress, but Playwright experience counts the same)\n", []string{"Cypress,Playwright"}},
		{"You have at least two of PyTorch, TensorFlow, Keras and scikit-learn.", []string{"PyTorch,TensorFlow,Keras,scikit-learn/2"}},
		{"Requirements\n- Experience with PostgreSQL or another relational database such as MySQL\n", []string{"PostgreSQL,MySQL"}},
		{"Requirements\n- Splunk or the ELK Stack for detection\n", []string{"Splunk,ELK Stack"}},
		// Named twice, once as a preference: one group of databases.
		{"Experience with database technologies such as MySQL or MongoDB.\nKnowledge of database systems such as MySQL, Oracle, or PostgreSQL.\n",
			[]string{"MySQL,MongoDB,Oracle Database,PostgreSQL"}},
		// Alternatives of several categories: a group per category, asides preferred.
		{"Must have\n- Unreal Engine or Unity (C# counts too)\n", []string{"Unreal Engine,Unity"}},
		// Alternatives of one skill per category: one group.
		{"Must have\n- Apache Airflow or dbt\n", []string{"Apache Airflow,dbt"}},
		// A skill required on its own satisfies its group.
		{"Requirements\n- Python or Go\n- Python for tooling\n", nil},
		{"Requirements\n- Strong Go skills.\n- Go, Java or Kotlin.\n", nil},
		// Up to four list words between two skills keep them one list.
		{"Requirements\n- Java, and/or Kotlin\n", []string{"Java,Kotlin"}},
		// ... or needs one fewer of the others.
		{"Requirements\n- Strong Go skills.\n- At least two of Go, Java and Kotlin.\n", []string{"Java,Kotlin"}},
		{"Requirements\n- Strong Go skills.\n- At least three of Go, Java, Kotlin and Scala.\n", []string{"Java,Kotlin,Scala/2"}},
		// Stand-ins offered in another statement for the one required skill of their category.
		{"You have built services in Go.\nIf you have used Rust or C++ instead, we will help you switch.\n", []string{"Go,Rust,C++"}},
		{"You have built services in Go.\nRust or C++ would be a plus.\n", nil},
		{"You know Go and Python.\nIf you come from Rust or C++, that is fine too.\n", nil},
		// Preferred alternatives alone stay preferences.
		{"Nice to have\n- Kafka or RabbitMQ\n", nil},
	}
	for _, tt := range tests {
		set := tax.Derive(tt.posting)
		var got []string
		for _, g := range set.OneOf {
			s := strings.Join(g.Skills, ",")
			if g.Min > 1 {
				s += "/" + string(rune('0'+g.Min))
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: groups %q, want %q", tt.posting, got, tt.want)
		}
	}
	set := tax.Derive("Requirements\n- Unreal Engine or Unity (C# counts too)\n")
	if classOf(set, "C#") != "preferred" {
		t.Errorf("an aside of another category: C# is %q, want preferred", classOf(set, "C#"))
	}
}

func TestDeriveYears(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		posting  string
		total    float64
		required bool
		skills   map[string]float64
	}{
		{"At least five years in a comparable role.", 5, true, nil},
		{"Requirements\n- 40 years of Go\n", 40, true, map[string]float64{"Go": 40}}, // the most believed
		{"Requirements\n- 41 years of Go\n", 0, false, nil},
		{"Technology Required Years\nFrobnication yes 4+\n", 0, false, nil}, // a row's years with no skill are no one's
		{"A minimum of four years of experience.", 4, true, nil},
		{"Requirements\n- At least 2 years in a similar role.\n", 2, true, nil},
		{"Two or more years of experience as an analyst.", 2, true, nil},
		{"3-5 years of experience in business intelligence.", 3, true, nil},
		{"Ideally 3 years of experience.", 3, false, nil},
		{"This is an entry-level position: 0 to 2 years of experience.", 0, false, nil},
		{"We were founded 15 years ago.", 0, false, nil},
		{"Requirements\n- Go (3+ years) in production\n- 6+ years of software engineering experience\n", 6, true, map[string]float64{"Go": 3}},
		{"Requirements\n- Python (at least 3 years)\n", 3, true, map[string]float64{"Python": 3}},
		{"Requirements\n- 3+ years of Python\n", 3, true, map[string]float64{"Python": 3}},
		{"Requirements\n- PHP and Laravel, at least 3 years of each\n", 3, true, map[string]float64{"PHP": 3, "Laravel": 3}},
		{"You have at least eight years of professional experience with Java.\nAt least five years in a comparable role are required.", 5, true, map[string]float64{"Java": 8}},
		{"Requirements\n- 5 years of experience in machine learning or data science roles\n", 5, true, nil},
		{"Requirements\n- Four years in software, including two years with ML systems in production\n", 4, true, nil},
		{"Requirements\n- Three years of work on Kafka products\n- 3+ years of Go\n", 3, true, map[string]float64{"Go": 3}},
		{"| Technology | Required | Years |\n|---|---|---|\n| Vue.js | yes | 4+ |\n| Vitest | no | |\n", 4, true, map[string]float64{"Vue.js": 4}},
		// A list item whose bullet was lost (HTML, Word, PDF) is not a heading.
		{"Requirements\nAt least four years of Java\nFive years or more of backend development overall\n", 5, true, map[string]float64{"Java": 4}},
		{"Preferred\nAWS, ideally a year or more\n", 1, false, map[string]float64{"AWS": 1}},
		{"Requirements\n- Kubernetes in production — 3 years minimum\n- 6+ years in infrastructure roles overall\n", 6, true, map[string]float64{"Kubernetes": 3}},
		{"Must have\n| Skill | Minimum |\n|---|---|\n| Kotlin | 5 years |\n| Spring (Boot, Cloud) | 3 years |\n\nWe expect at least 7 years of software development overall.\n",
			7, true, map[string]float64{"Kotlin": 5, "Spring": 3}},
		{"Must have\nSpring (Boot, Cloud) 3 years\n", 3, true, map[string]float64{"Spring": 3}},
	}
	for _, tt := range tests {
		set := tax.Derive(tt.posting)
		var total float64
		req := false
		if set.Experience != nil {
			total, req = set.Experience.MinYears, set.Experience.Required
		}
		if total != tt.total || (total > 0 && req != tt.required) {
			t.Errorf("%q: experience %v (required %v), want %v (%v)", tt.posting, total, req, tt.total, tt.required)
		}
		got := map[string]float64{}
		for _, list := range [][]Item{set.Required, set.Preferred} {
			for _, it := range list {
				if it.MinYears > 0 {
					got[it.Skill] = it.MinYears
				}
			}
		}
		if len(got) != len(tt.skills) {
			t.Errorf("%q: per-skill years %v, want %v", tt.posting, got, tt.skills)
		}
		for s, y := range tt.skills {
			if got[s] != y {
				t.Errorf("%q: %s min_years %v, want %v", tt.posting, s, got[s], y)
			}
		}
	}
	// The same table as Markdown and as a Word or HTML parser gives it,
	// cells joined by spaces.
	for _, table := range []string{
		"| Technology | Required | Years |\n|---|---|---|\n| Vue.js | yes | 4+ |\n| Vitest | no | |\n",
		"Skills matrix\nTechnology Required Years\nVue.js yes 4+\nVitest no\n",
	} {
		set := tax.Derive(table)
		if classOf(set, "Vue.js") != "required" || classOf(set, "Vitest") != "preferred" || len(set.Required) != 1 || set.Required[0].MinYears != 4 {
			t.Errorf("%q: Vue.js %q (%+v), Vitest %q", table, classOf(set, "Vue.js"), set.Required, classOf(set, "Vitest"))
		}
	}
}

func TestDeriveDegree(t *testing.T) {
	tax := DefaultTaxonomy()
	tests := []struct {
		posting string
		want    string // level, fields, "required"; "" for no degree
	}{
		{"Bachelor's degree in Computer Science or Information Technology.", "bachelor Computer Science,Information Technology required"},
		{"Requirements\n- A bachelor's degree in Computer Science is required.\n", "bachelor Computer Science required"},
		{"Bachelor's or master's degree in Software Engineering.", "bachelor Software Engineering required"},
		{"A Master's or Bachelor's degree in Physics.", "bachelor Physics required"}, // the lowest level named, wherever it is
		{"A master's degree in Physics.\nA bachelor's degree in Physics.\n", "bachelor Physics required"},
		{"A Master's or PhD in Statistics.", "master Statistics required"},
		{"Bachelor's degree in Computer Science or equivalent practical experience.", "bachelor Computer Science"},
		{"Bachelor's degree preferred but not essential.", "bachelor"},
		{"A degree is welcome but not required.", "bachelor"},
		{"MSc in Computer Science, Bioinformatics or a related field.", "master Computer Science required"},
		{"No degree required.", ""},
		{"Degrees don't matter to us.", ""},
		{"A degree is not essential.", ""},
		{"We do not need certifications (they are welcome but change nothing), and we do not require a degree.", ""},
		{"We do not ask for a degree.", ""},
		{"Card schemes (Visa, Mastercard) and ISO 8583 messages.", ""},
		{"Not required\n- A degree\n- Azure certifications\n", ""},
		{"Requirements\n- Go\nNice to have: a master's degree in Physics", "master Physics"},
		{"| Skill | Required? |\n|---|---|\n| Go | Yes |\n| Master's degree in Physics | No |\n", "master Physics"},
		{"We do not require a degree; what you have built matters more.", ""},
		{"Degree: not needed.", ""},
		{"They work with people with varying degrees of technical expertise.", ""},
		{"We use MS SQL Server.", ""},
		// A hedge anywhere makes the degree optional, whatever else says it is required.
		{"Qualifications\n- At least a bachelor's degree in Computer Science.\n\nWhile a degree is not necessarily mandatory, it can help.\n", "bachelor Computer Science"},
		// Responsibilities and "about" sections do not require.
		{"About us\nMost of us hold a degree in Physics.\n", "bachelor Physics"},
		// A degree after a list of wishes, stated flatly, is still required.
		{"Nice to have\n- Rust\n\nBachelor's degree in Computer Engineering.\n", "bachelor Computer Engineering required"},
		// A label before the statement hedges it like its words.
		{"Requirements\n- Nice to have: a master's degree in Physics\n", "master Physics"},
	}
	// The note quotes the first statement that names a level; "a degree"
	// accepts a bachelor's, whatever higher levels are named beside it.
	if d := tax.Derive("A degree in Physics.\nA master's degree in Physics.\nA PhD in Physics.\n").Degree; d == nil || d.Level != "bachelor" || d.Note != `from: "A master's degree in Physics."` {
		t.Errorf("degree %+v, want a bachelor's with the note of the master's", d)
	}
	for _, tt := range tests {
		d := tax.Derive(tt.posting).Degree
		got := ""
		if d != nil {
			got = strings.TrimSpace(d.Level + " " + strings.Join(d.Fields, ","))
			if d.Required {
				got += " required"
			}
		}
		if got != tt.want {
			t.Errorf("%q: degree %q, want %q", tt.posting, got, tt.want)
		}
	}
}

// TestDeriveExplained checks that every derived item has its reason, with
// the cue and heading that decided it.
func TestDeriveExplained(t *testing.T) {
	set, reasons := DefaultTaxonomy().DeriveExplained("Requirements\n- Strong Go (3+ years).\n- Kafka or Redis\n- Ansible is a plus.\n\nNice to have\n- Familiarity with Terraform.\n- Experience with RabbitMQ.\n\nBachelor's degree preferred. 5+ years of experience.\n")
	byRule := map[string]Reason{}
	for _, r := range reasons {
		byRule[r.Rule] = r
	}
	want := []struct{ rule, cue, heading string }{
		{"required Go", "Strong", "Requirements"},
		{"one of [Apache Kafka Redis]", "", "Requirements"},
		{"preferred Terraform", "Familiarity", "Nice to have"},
		{"preferred RabbitMQ", "", "Nice to have"}, // "Experience with", overruled by the heading
		{"preferred Ansible", "is a plus", "Requirements"},
		{"Go: min_years 3", "", "Requirements"},
		{"degree bachelor", "", "Nice to have"},
		{"experience: min_years 5 (required)", "", "Nice to have"},
	}
	for _, w := range want {
		r, ok := byRule[w.rule]
		if !ok {
			t.Errorf("no reason for %q in %+v", w.rule, reasons)
			continue
		}
		if r.Cue != w.cue || r.Heading != w.heading || r.Statement == "" {
			t.Errorf("%s: cue %q heading %q statement %q; want cue %q heading %q", w.rule, r.Cue, r.Heading, r.Statement, w.cue, w.heading)
		}
	}
	if n := len(set.Required) + len(set.OneOf) + len(set.Preferred) + 3; len(reasons) != n {
		t.Errorf("%d reasons for %d rules", len(reasons), n)
	}
	// Of two cues of one rank, the first is quoted, in the list's clause or,
	// when it has none, in the statement.
	for _, tt := range []struct{ posting, cue string }{
		{"Strong and proven Go skills.", "Strong"},
		{"Python, because it is essential and mandatory here.", "essential"},
	} {
		if _, reasons := DefaultTaxonomy().DeriveExplained(tt.posting); len(reasons) != 1 || reasons[0].Cue != tt.cue {
			t.Errorf("%q: %+v, want the cue %q", tt.posting, reasons, tt.cue)
		}
	}
}

// TestDeriveTables: a table's header row says what its columns mean; a
// row alone, even the posting's last line, is read as a list; a heading
// of one word is no header of a table joined with spaces. A table whose
// cells a parser parted with tabs (HTML, Word) has no separator row: its
// first row is the header when its cells are labels that name no skill.
func TestDeriveTables(t *testing.T) {
	for _, tt := range []struct{ posting, want string }{
		{"| Technology | Required |\n|---|---|\n| Go | yes |\n| Rust | no |\n", "required Go/0, preferred Rust/0"},
		{"Requirements\n| Go | Rust |", "required Go/0, required Rust/0"},
		{"Technology Required Years\nVue.js yes 4+\n", "required Vue.js/4"},
		{"Required\nVue.js yes 4+\n", "required Vue.js/0"},
		{"Technology\tRequired\tYears\nGo\tyes\t3+\nRust\tno\t-\n", "required Go/3, preferred Rust/0"},
		{"Skills matrix\nSkill\tLevel\tMinimum experience\nTypeScript\tExpert\t4 years\nGraphQL\tBonus\t-\n", "required TypeScript/4, preferred GraphQL/0"},
		// An empty first header cell, trimmed with the line, over the rows' names.
		{"Minimum\tIdeal\nLanguages\tGo\tRust\n", "required Go/0, preferred Rust/0"},
		{"Minimum\tIdeal\nLanguages\tGo\tRust\nData\t\tApache Spark\n", "required Go/0, preferred Apache Spark/0, preferred Rust/0"},
		// A first row that names a skill is a row of the table's body.
		{"Kubernetes\tRequired\nTerraform\tNice to have\n", "required Kubernetes/0, preferred Terraform/0"},
		// Only the first row of a table may be its header.
		{"Requirements\nKubernetes\tAWS\nArea\tIdeal\nTerraform\tPython\n", "required AWS/0, required Kubernetes/0, required Python/0, required Terraform/0"},
		{"Requirements\nGo\tRust\n", "required Go/0, required Rust/0"},
		// A row of tabs is no wrapped line's end.
		{"Nice to have experience with\nGo\tRequired\n", "required Go/0"},
	} {
		set := DefaultTaxonomy().Derive(tt.posting)
		var got []string
		for _, it := range set.Required {
			got = append(got, fmt.Sprintf("required %s/%g", it.Skill, it.MinYears))
		}
		for _, it := range set.Preferred {
			got = append(got, fmt.Sprintf("preferred %s/%g", it.Skill, it.MinYears))
		}
		if strings.Join(got, ", ") != tt.want || len(set.OneOf) != 0 {
			t.Errorf("%q: %q %v, want %q", tt.posting, got, set.OneOf, tt.want)
		}
	}
}

// TestDeriveYearsReason: of two statements asking the same years of a
// skill, the first is the reason; a higher figure later wins.
func TestDeriveYearsReason(t *testing.T) {
	for _, tt := range []struct{ posting, rule, statement string }{
		{"Requirements\n- 3+ years of Go.\n- At least 3 years of Go in production.\n", "Go: min_years 3", "3+ years of Go."},
		{"Requirements\n- 3+ years of Go.\n- At least 4 years of Go in production.\n", "Go: min_years 4", "At least 4 years of Go in production."},
	} {
		_, reasons := DefaultTaxonomy().DeriveExplained(tt.posting)
		var got []string
		for _, r := range reasons {
			if strings.HasPrefix(r.Rule, "Go: ") {
				got = append(got, r.Rule+" from "+r.Statement)
			}
		}
		if want := tt.rule + " from " + tt.statement; len(got) != 1 || got[0] != want {
			t.Errorf("%q: %q, want %q", tt.posting, got, want)
		}
	}
}

// TestQuote: a note quotes its statement, spaces collapsed, cut to 110
// bytes at the last space (if that leaves at least 60) and marked " …".
func TestQuote(t *testing.T) {
	a, b := strings.Repeat("a", 60), strings.Repeat("b", 50)
	for _, tt := range []struct{ in, want string }{
		{"  Go\tand   Rust ", "Go and Rust"},
		{a + " " + strings.Repeat("b", 49), a + " " + strings.Repeat("b", 49)}, // 110 bytes: whole
		{a + " " + b, a + " …"},                                                // the last space at 60
		{a[1:] + " " + b + "b", a[1:] + " " + b + " …"},                        // at 59: cut at 110
	} {
		if got := quote(tt.in); got != `from: "`+tt.want+`"` {
			t.Errorf("quote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReferencePosting checks what the issue asks of the reference posting
// (a long guide with tables, kept outside the repository): set
// SCREENER_REFERENCE_POSTING to its path.
func TestReferencePosting(t *testing.T) {
	path := os.Getenv("SCREENER_REFERENCE_POSTING")
	if path == "" {
		t.Skip("SCREENER_REFERENCE_POSTING not set")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set := DefaultTaxonomy().Derive(string(text))
	group := func(skill string) []string {
		for _, g := range set.OneOf {
			if slices.Contains(g.Skills, skill) {
				return g.Skills
			}
		}
		return nil
	}
	for _, s := range []string{"Java", "PHP", "Python", "Ruby"} {
		if !slices.Contains(group("Java"), s) {
			t.Errorf("languages group %v lacks %s", group("Java"), s)
		}
	}
	for _, s := range []string{"MySQL", "MongoDB", "Oracle Database", "PostgreSQL"} {
		if !slices.Contains(group("MySQL"), s) {
			t.Errorf("databases group %v lacks %s", group("MySQL"), s)
		}
	}
	for _, s := range []string{"AWS", "Microsoft Azure"} {
		if c := classOf(set, s); c != "preferred" {
			t.Errorf("%s is %q, want preferred (named in the Responsibilities table)", s, c)
		}
	}
	if set.Degree == nil || set.Degree.Required || !slices.Contains(set.Degree.Fields, "Computer Science") {
		t.Errorf("degree %+v, want Computer Science, not required", set.Degree)
	}
}

func FuzzDerive(f *testing.F) {
	f.Add("Requirements\n- Go (3+ years)\n- Kafka or RabbitMQ\n| a | b |\n|---|---|\n| Python | yes |\n")
	f.Add("Nice to have: e.g. Rust; 0 to 2 years; no degree required")
	f.Add("Requirements\n- Java or Ruby\n- Java, C#, or Node.js\n") // two groups that share a skill
	f.Add("Skill\tLevel\tYears\nGo\tExpert\t4 years\n\tMinimum\tIdeal\nData\t\tSpark\nRequirements\nexperience with\nKafka\tyes")
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, posting string) {
		set, reasons := tax.DeriveExplained(posting)
		var b strings.Builder
		if err := set.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(set.Title, "\t") {
			t.Errorf("title %q holds a tab (a cell boundary)", set.Title)
		}
		if len(set.Required)+len(set.OneOf)+len(set.Preferred) == 0 && set.Degree == nil && set.Experience == nil {
			return // nothing to load back
		}
		if _, err := Load(strings.NewReader(b.String()), "derived.yaml", tax); err != nil {
			t.Fatalf("derived rules do not load: %v\n%s", err, b.String())
		}
		if len(reasons) == 0 {
			t.Fatal("rules without reasons")
		}
	})
}

// BenchmarkDeriveLong derives rules from a megabyte of hostile posting
// text of each shape that once cost quadratic time: one statement of many
// lists, lines that all continue the one before, many sentences.
func BenchmarkDeriveLong(b *testing.B) {
	tax := DefaultTaxonomy()
	for name, text := range map[string]string{
		"lists":     strings.Repeat("Go must Rust ", 80000),
		"wrapped":   strings.Repeat("Go, Rust and\n", 80000),
		"sentences": strings.Repeat("You must know Go or Rust. 5 years of Go. ", 25000),
	} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				tax.Derive(text)
			}
		})
	}
}

// BenchmarkDeriveHeadings derives rules from postings of lines that read
// as headings, or nearly: bare lines under wishes, list labels, wh-clauses,
// a table's tab rows. Each line is read a few times as a heading, so the
// cost per line of that reading is the figure to watch.
func BenchmarkDeriveHeadings(b *testing.B) {
	tax := DefaultTaxonomy()
	for _, bc := range []struct{ name, unit string }{
		{"wishes", "Nice to have\nBanking domain experience\nRequirements for this role\n"},
		{"labels", "- Bonus, not required\n- Go\n"},
		{"clauses", "What you build ships to\n"},
		{"tabs", "Skill\tLevel\nGo\tRust\t5 years\n"},
	} {
		posting := strings.Repeat(bc.unit, 50000/len(bc.unit))
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(posting)))
			for b.Loop() {
				tax.Derive(posting)
			}
		})
	}
}

func TestPostingTitle(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Senior Backend Engineer, Go\n\nWe move freight.", "Senior Backend Engineer, Go"},
		{"Kiln CareersAll jobsCompanies\nData Analyst, Customer Insights\nWe insure homes.", "Data Analyst, Customer Insights"},
		{"# PHP Developer (Laravel)\n**Company:** Brightwell", "PHP Developer (Laravel)"},
		{"Back-End Developer Job Description: Roles & Responsibilities Guide\n", "Back-End Developer Job Description"},
		{"Acme Corp\nWe are hiring.", "Acme Corp"},
		{"", ""},
		// Up to a colon when what comes before has at most eight words.
		{"One two three four five six seven Engineer: apply now", "One two three four five six seven Engineer"},
		{"One two three four five six seven eight Engineer: now", "One two three four five six seven eight Engineer: now"},
		// A line of more than ten words is no title.
		{"We are a small team hiring a senior backend engineer\nAcme", "We are a small team hiring a senior backend engineer"},
		{"We are a small team hiring a senior backend engineer now\nAcme", ""},
		// Only the first ten lines are looked at.
		{"Acme\n2\n3\n4\n5\n6\n7\n8\n9\n10\nSenior Engineer", "Acme"},
		{"Acme\n2\n3\n4\n5\n6\n7\n8\n9\nSenior Engineer", "Senior Engineer"},
		// A title line's terms after a spaced dash, bar or dot are not its
		// title; a part that names a technology, or has neither digit nor
		// comma, is.
		{"Flutter Developer - seed-stage fintech, Berlin (hybrid) - EUR 60-75k + equity\nWe save.", "Flutter Developer"},
		{"DevOps Engineer · 6-month contract\n", "DevOps Engineer"},
		{"Backend Engineer - Go, Kubernetes\n", "Backend Engineer - Go, Kubernetes"},
		{"Engineer - Payments\n", "Engineer - Payments"},
		// A sentence is no title, its end after a dash cut or not.
		{"Acme Pay\nOur engineers build the rails of payments - 12 countries, 40 banks\n", "Acme Pay"},
		{"Acme Pay\nWe are hiring engineers who care about money - 3 offices, 1 team\n", "Acme Pay"},
		// A table's cells or tab stops part the line as bars do.
		{"Senior Backend Engineer\tBerlin\n\nRequirements", "Senior Backend Engineer"},
		{"Acme\tCareers\nBerlin\tData Engineer\tRemote (EU)\n", "Data Engineer"},
	}
	for _, tt := range tests {
		if got := postingTitle(tt.text, namesSkillIn(DefaultTaxonomy())); got != tt.want {
			t.Errorf("postingTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestCellsOf: a table row has two bars or more, or one that opens it (a
// one-column table), or a tab, which parts its cells before any bar does;
// its cells are trimmed.
func TestCellsOf(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"| Go | yes |", []string{"Go", "yes"}},
		{"Go | yes |", []string{"Go", "yes"}},
		{"| Go", []string{"Go"}},
		{"Go\tyes", []string{"Go", "yes"}},
		{"Data\t\tApache Spark ", []string{"Data", "", "Apache Spark"}},
		{"Go | Rust\tyes", []string{"Go | Rust", "yes"}},
		{"Go | yes", nil},
		{"Go or Rust", nil},
	} {
		if got := cellsOf(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("cellsOf(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// TestWrapWidth: the width lines were wrapped at is the longest length
// that at least one other line comes within 90% of; none when two or more
// lines, and half as many as come that near, are longer than 115% of it,
// or when it is 200 characters or more.
func TestWrapWidth(t *testing.T) {
	for _, tt := range []struct {
		lens []int
		want int
	}{
		{nil, 0},
		{[]int{100, 90}, 100},                        // 90% exactly
		{[]int{100, 89}, 0},                          // short of it
		{[]int{50, 100}, 0},                          // far short
		{[]int{200, 200}, 0},                         // too wide to be a wrap
		{[]int{199, 199}, 199},                       // just under
		{[]int{80, 90, 100, 100, 200, 250}, 0},       // two longer, three near
		{[]int{80, 90, 95, 100, 100, 200, 250}, 0},   // two longer, four near
		{[]int{90, 95, 96, 100, 100, 200, 250}, 100}, // two longer, five near
		{[]int{80, 90, 95, 100, 100, 115, 250}, 100}, // 115% is not longer
		{[]int{80, 90, 95, 100, 100, 116, 250}, 0},   // 116% is
		{[]int{90, 95, 96, 100, 100, 250}, 100},      // one longer
	} {
		if got := wrapWidth(slices.Clone(tt.lens)); got != tt.want {
			t.Errorf("wrapWidth(%v) = %d, want %d", tt.lens, got, tt.want)
		}
	}
}

// TestSplitSentences: a statement ends at . ! ? or ;, but not at a
// semicolon inside parentheses.
func TestSplitSentences(t *testing.T) {
	got := splitSentences("You know Go (and Kafka; Redis) well; Rust is a plus.")
	if want := []string{"You know Go (and Kafka; Redis) well;", "Rust is a plus."}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTableRowWiderThanHeader: a row with more cells than its header is
// read, the extra cell as a statement of its own.
func TestTableRowWiderThanHeader(t *testing.T) {
	var got []string
	for _, st := range statements("| Technology | Required |\n|---|---|\n| Go | yes | since 2020 |\n", func(string) bool { return false }, func(string) bool { return false }, nil) {
		got = append(got, st.text+"/"+st.labelText)
	}
	if want := []string{"Go/Required: yes", "yes/Required: yes", "since 2020/Required: yes"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDeriveExperienceFromSkills: with no years of the job's own, the
// highest of a skill's is the experience asked for, its first statement
// the note; a row's years cell of 0 asks for nothing.
func TestDeriveExperienceFromSkills(t *testing.T) {
	for _, tt := range []struct{ posting, want string }{
		{"Requirements\n- 3+ years of Go\n- 3+ years of Rust\n", `3 from: "3+ years of Go"`},
		{"Requirements\n- 3+ years of Go\n- 5+ years of Rust\n", `5 from: "5+ years of Rust"`},
		{"| Technology | Required | Years |\n|---|---|---|\n| Vue.js | yes | 0 |\n", ""},
	} {
		got := ""
		if e := DefaultTaxonomy().Derive(tt.posting).Experience; e != nil {
			got = fmt.Sprintf("%g %s", e.MinYears, e.Note)
		}
		if got != tt.want {
			t.Errorf("%q: experience %q, want %q", tt.posting, got, tt.want)
		}
	}
}

// TestYearsIn: every statement of years in a statement, in order, with
// the offsets of its least number of years.
func TestYearsIn(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want [][4]int
	}{
		{"3+ years of go and 2+ years of rust", [][4]int{{0, 8, 0, 1}, {19, 27, 19, 20}}},
		{"at least a year of go and at least a year of rust", [][4]int{{0, 15, 9, 10}, {26, 41, 35, 36}}},
		{"at least a year of go and 3+ years of rust", [][4]int{{0, 15, 9, 10}, {26, 34, 26, 27}}},
		{"a year or more of go", [][4]int{{0, 14, 0, 1}}},
		{"a year of go", nil},
	} {
		if got := yearsIn(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("yearsIn(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
