package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The tests of this file are by class of phrasing: each class has several
// phrasings, written for these tests, so that a rule that handles one
// wording of a class and not another fails.

// classCase is a posting and what derivation should make of it.
type classCase struct {
	posting string
	// want: skill -> "required", "one_of", "preferred" or "" (not asked
	// for), with "@N" for an item's min_years.
	want map[string]string
	// groups, if not nil, are the one-of groups exactly: skills joined by
	// ",", "/N" for a minimum above 1. Use []string{} for none.
	groups []string
	// years, if not "", is the experience asked for: "5", "5?" when not
	// required, "0" when none.
	years string
	// degree, if not "", is the degree asked for: its level, with "?" when
	// not required ("master?"), or "none".
	degree string
}

func (c classCase) check(t *testing.T, tax *Taxonomy) {
	t.Helper()
	set := tax.Derive(c.posting)
	for skill, want := range c.want {
		got := classOf(set, skill)
		for _, list := range [][]Item{set.Required, set.Preferred} {
			for _, it := range list {
				if it.Skill == skill && it.MinYears > 0 {
					got += fmt.Sprintf("@%g", it.MinYears)
				}
			}
		}
		if got != want {
			t.Errorf("%q: %s is %q, want %q", c.posting, skill, got, want)
		}
	}
	if c.groups != nil {
		got := []string{}
		for _, g := range set.OneOf {
			s := strings.Join(g.Skills, ",")
			if g.Min > 1 {
				s += fmt.Sprintf("/%d", g.Min)
			}
			got = append(got, s)
		}
		if !slices.Equal(got, c.groups) {
			t.Errorf("%q: groups %q, want %q", c.posting, got, c.groups)
		}
	}
	if c.degree != "" {
		got := "none"
		if d := set.Degree; d != nil {
			got = d.Level
			if !d.Required {
				got += "?"
			}
		}
		if got != c.degree {
			t.Errorf("%q: degree %s, want %s", c.posting, got, c.degree)
		}
	}
	if c.years != "" {
		got := "0"
		if e := set.Experience; e != nil {
			got = fmt.Sprintf("%g", e.MinYears)
			if !e.Required {
				got += "?"
			}
		}
		if got != c.years {
			t.Errorf("%q: experience %s, want %s", c.posting, got, c.years)
		}
	}
}

func runClass(t *testing.T, cases []classCase) {
	tax := DefaultTaxonomy()
	for _, c := range cases {
		c.check(t, tax)
	}
}

// TestClassQuestionHeadings: headings asked as questions, and headings in
// words other than the usual ones, carry the strength of the bare list
// under them.
func TestClassQuestionHeadings(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What are we looking for?\n- Rust\n- PostgreSQL\n", want: map[string]string{"Rust": "required", "PostgreSQL": "required"}},
		{posting: "Who are you?\n- Elixir\n\nWhat would be a bonus?\n- Redis\n", want: map[string]string{"Elixir": "required", "Redis": "preferred"}},
		{posting: "Is this you?\n* Swift\n* Xcode\n", want: map[string]string{"Swift": "required", "Xcode": "required"}},
		{posting: "Does this sound like you?\nTypeScript\nGraphQL\n", want: map[string]string{"TypeScript": "required", "GraphQL": "required"}},
		{posting: "What do you need?\n- Java\n\nWhat will set you apart?\n- Scala\n", want: map[string]string{"Java": "required", "Scala": "preferred"}},
		{posting: "What would make you stand out?\n- Terraform\n", want: map[string]string{"Terraform": "preferred"}},
		{posting: "What will you do?\n- Maintain our Django services\n\nWhat you need:\n- Python\n", want: map[string]string{"Django": "preferred", "Python": "required"}},
	})
}

// TestClassHeadingsInOtherWords: requirement and wish headings not in the
// usual words; contractions and curly apostrophes as written.
func TestClassHeadingsInOtherWords(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What we’re hoping you’ll bring\n- Kotlin\n", want: map[string]string{"Kotlin": "required"}},
		{posting: "Things we hope you have\n- Go\n", want: map[string]string{"Go": "required"}},
		{posting: "You'll stand out if\n- Kafka\n", want: map[string]string{"Apache Kafka": "preferred"}},
		{posting: "Bonus points\n- Redis\n", want: map[string]string{"Redis": "preferred"}},
		{posting: "Extra points for\n- Redis\n", want: map[string]string{"Redis": "preferred"}},
		{posting: "Not a must\n- Ansible\n", want: map[string]string{"Ansible": "preferred"}},
		{posting: "Not a must, but nice\n- Ansible\n", want: map[string]string{"Ansible": "preferred"}},
		{posting: "We'd love to see\n- Grafana\n", want: map[string]string{"Grafana": "preferred"}},
		{posting: "Icing on the cake\n- Grafana\n", want: map[string]string{"Grafana": "preferred"}},
		{posting: "Minimum qualifications\n- C#\n\nPreferred qualifications\n- Azure\n", want: map[string]string{"C#": "required", "Microsoft Azure": "preferred"}},
		{posting: "Basic qualifications\n- Ruby\n", want: map[string]string{"Ruby": "required"}},
		{posting: "What you'd be doing\n- Moving screens from Java to Kotlin\n\nWhat you should have\n- Kotlin\n", want: map[string]string{"Java": "preferred", "Kotlin": "required"}},
		{posting: "Your day-to-day\n- Writing Vue components\n", want: map[string]string{"Vue.js": "preferred"}},
		{posting: "Tools you'll use\n- Jira\n- Docker\n", want: map[string]string{"Jira": "preferred", "Docker": "preferred"}},
	})
}

// TestClassLabelledParagraphs: a paragraph opened by a short label and a
// full stop, "Essentials. …", takes the label's strength as "Essentials:"
// does.
func TestClassLabelledParagraphs(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Essentials. Go for services. Working with PostgreSQL daily.\n\nDesirable. Rust for tooling.\n",
			want: map[string]string{"Go": "required", "PostgreSQL": "required", "Rust": "preferred"}},
		{posting: "Requirements\nNice to have. Kafka and Redis.\n", want: map[string]string{"Apache Kafka": "preferred", "Redis": "preferred"}},
		{posting: "Must have. React. Bonus. Next.js.\n", want: map[string]string{"React": "required"}},
	})
}

// TestClassWishSentences: a sentence with no skill that says what follows
// it in its paragraph is a bonus ("Anything else is a plus") sets the
// strength of the rest of the paragraph; a conditional ("If you have used
// X, …") is a wish.
func TestClassWishSentences(t *testing.T) {
	runClass(t, []classCase{
		{posting: "You write Go daily. Everything past that is a bonus. Experience with Kafka, and Redis in production.\n\nYou know SQL.\n",
			want: map[string]string{"Go": "required", "Apache Kafka": "preferred", "Redis": "preferred", "SQL": "required"}},
		{posting: "Beyond that, anything is a plus: you have used Terraform and Ansible.\n", want: map[string]string{"Terraform": "preferred", "Ansible": "preferred"}},
		{posting: "Requirements\n- If you have built something with Svelte, tell us.\n- TypeScript\n", want: map[string]string{"Svelte": "preferred", "TypeScript": "required"}},
		{posting: "You know Python, and if you have deployed with Docker you will be productive sooner.\n", want: map[string]string{"Python": "required", "Docker": "preferred"}},
		// A condition after its main clause is what the clause asks for.
		{posting: "You will enjoy this job if you have shipped Kotlin apps.\n", want: map[string]string{"Kotlin": "required"}},
		{posting: "What matters most is that you already write Go.\n", want: map[string]string{"Go": "required"}},
	})
}

// TestClassLabelExplained: a sentence that labels its paragraph is the
// heading of what follows it in the explanation.
func TestClassLabelExplained(t *testing.T) {
	_, reasons := DefaultTaxonomy().DeriveExplained("Desirable. Rust for tooling.\n")
	if len(reasons) != 1 || reasons[0].Heading != "Desirable" || reasons[0].Section != "preferences" || reasons[0].Statement != "Rust for tooling." {
		t.Errorf("reasons %+v, want Rust under the label Desirable", reasons)
	}
}

// TestClassAlternatives: alternatives in parentheses, with a preference
// among them, "or at least", and a skill that stands in for another
// across a clause.
func TestClassAlternatives(t *testing.T) {
	runClass(t, []classCase{
		{posting: "You have deployed to a public cloud (GCP preferred, AWS or Azure acceptable).\n", groups: []string{"Google Cloud,AWS,Microsoft Azure"}},
		{posting: "Requirements\n- PostgreSQL preferred, MySQL also fine\n", groups: []string{"PostgreSQL,MySQL"}},
		{posting: "Requirements\n- Kubernetes, or at least Docker\n", groups: []string{"Kubernetes,Docker"}},
		{posting: "You have run services on Kubernetes, or at the very least in Docker containers.\n", groups: []string{"Kubernetes,Docker"}},
		{posting: "Rust is what we write, though strong C++ experience will transfer.\n", groups: []string{"Rust,C++"}},
		{posting: "You need Vulkan; deep OpenGL knowledge carries over.\n", groups: []string{"Vulkan,OpenGL"}},
		{posting: "Requirements\n- Postgres (or MySQL)\n", groups: []string{"PostgreSQL,MySQL"}},
		{posting: "Requirements\n- A cloud (AWS/GCP/Azure)\n", groups: []string{"AWS,Google Cloud,Microsoft Azure"}},
		{posting: "Requirements\n- Either Terraform or Pulumi\n", groups: []string{"Terraform,Pulumi"}},
		// A parenthesis closes a list: what follows it is another.
		{posting: "Requirements\n- Gradient boosting (XGBoost or LightGBM) and deep learning\n",
			groups: []string{"XGBoost,LightGBM"}, want: map[string]string{"Deep Learning": "required"}},
		// "At least two of" one list, whatever the categories in it.
		{posting: "Requirements\n- At least two of Airflow, dbt, Spark and Apache Beam\n", groups: []string{"Apache Airflow,dbt,Apache Spark,Apache Beam/2"}},
		{posting: "Requirements\n- One of Kafka, Airflow or dbt\n", groups: []string{"Apache Kafka,Apache Airflow,dbt"}},
		// "X or Y, and Z": Z is asked for on its own.
		{posting: "Requirements\n- Java or Kotlin, and Spring\n", groups: []string{"Java,Kotlin"}, want: map[string]string{"Spring": "required"}},
		// The team's own choice among the alternatives names no requirement of its own.
		{posting: "Requirements\n- A data warehouse: Snowflake, BigQuery or Redshift (we are on Snowflake)\n", groups: []string{"Snowflake,BigQuery,Amazon Redshift"}},
		{posting: "Requirements\n- A major cloud (AWS, Azure or GCP); we're on Azure\n", groups: []string{"AWS,Microsoft Azure,Google Cloud"}},
		// A single example of a kind of tool is not a requirement of its own.
		{posting: "Requirements\n- API testing (e.g. Postman)\n", groups: []string{}, want: map[string]string{"Postman": "preferred"}},
		{posting: "Requirements\n- Load testing with a tool such as JMeter\n", groups: []string{}, want: map[string]string{"JMeter": "preferred"}},
		{posting: "Requirements\n- End-to-end tests (Cypress or similar)\n", groups: []string{}, want: map[string]string{"Cypress": "preferred"}},
		// "Including" adds a part of what is asked for; it gives no example.
		{posting: "You know CSS well, including Sass.\n", groups: []string{}, want: map[string]string{"Sass": "required"}},
	})
}

// TestClassSkillYears: a skill's own minimum in the forms postings write
// it, and the job's total beside it.
func TestClassSkillYears(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Go (2+)\n- Docker\n", want: map[string]string{"Go": "required@2", "Docker": "required"}, years: "2"},
		{posting: "Requirements\n- Terraform (3+ yrs)\n", want: map[string]string{"Terraform": "required@3"}},
		{posting: "Requirements\n- Go — 3 years\n- Redis – 1 year\n", want: map[string]string{"Go": "required@3", "Redis": "required@1"}},
		{posting: "Requirements\n- 5 yrs Java\n", want: map[string]string{"Java": "required@5"}},
		{posting: "You have three years or more of Rust.\n", want: map[string]string{"Rust": "required@3"}},
		{posting: "Requirements\n- Python: 4 years minimum\n- 7+ years overall\n", want: map[string]string{"Python": "required@4"}, years: "7"},
		// "N of them": the first figure is the job's, the second the skill's.
		{posting: "You bring nine or more years in software, at least four of them with Kotlin.\n", want: map[string]string{"Kotlin": "required@4"}, years: "9"},
		{posting: "Requirements\n- 6+ years of engineering, of which 2 or more in Scala\n", want: map[string]string{"Scala": "required@2"}, years: "6"},
		{posting: "We need at least seven years of experience, three of them on call.\n", years: "7"},
		// A year, hedged.
		{posting: "Requirements\n- Around a year of development, professional or not\n", years: "1?"},
		{posting: "Requirements\n- About a year of programming\n", years: "1?"},
	})
}

// TestClassCompanyYears: a company's age or history is no experience.
func TestClassCompanyYears(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Our platform is a Django monolith that has grown steadily for six years.\nRequirements\n- Python\n", years: "0"},
		{posting: "Founded 12 years ago, we make billing software.\n", years: "0"},
		{posting: "Ten years of customers trust our Go services.\n", years: "0", want: map[string]string{"Go": "preferred"}},
		{posting: "For over 20 years we have built tools in Java.\n", years: "0", want: map[string]string{"Java": "preferred"}},
		{posting: "Our team has run Kafka in production for 8 years.\n", years: "0", want: map[string]string{"Apache Kafka": "preferred"}},
		{posting: "We have been profitable for nine years and hire slowly.\n", years: "0"},
		// Beside what is asked of the candidate, years stay experience.
		{posting: "We are looking for someone with 5 years of Go.\n", want: map[string]string{"Go": "required@5"}, years: "5"},
		{posting: "We need 4+ years of backend work from you.\n", years: "4"},
		{posting: "Our ideal candidate has spent six years building APIs.\n", years: "6"},
		{posting: "Roughly four years of data work is what we have in mind.\n", years: "4?"},
	})
}

// TestClassNegation: a skill the posting says it does not need, the
// negation before or after it.
func TestClassNegation(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Go\n- Kubernetes is not something this role needs\n", want: map[string]string{"Go": "required", "Kubernetes": ""}},
		{posting: "We don't use PHP.\n", want: map[string]string{"PHP": ""}},
		{posting: "Requirements\n- Go\n- No Java required\n", want: map[string]string{"Java": ""}},
		{posting: "Requirements\n- Go\n- PHP is not part of our stack\n", want: map[string]string{"PHP": ""}},
		{posting: "You won't touch Java here.\n", want: map[string]string{"Java": ""}},
		{posting: "There is no need for Scala in this role.\n", want: map[string]string{"Scala": ""}},
		{posting: "Requirements\n- React; Angular is irrelevant here\n", want: map[string]string{"React": "required", "Angular": ""}},
		{posting: "Knowledge of Kafka isn't expected.\n", want: map[string]string{"Apache Kafka": ""}},
		{posting: "We do not expect Rust from you.\n", want: map[string]string{"Rust": ""}},
		{posting: "Neither Java nor Kotlin is needed.\n", want: map[string]string{"Java": "", "Kotlin": ""}},
		{posting: "We don't use Java, we use Kotlin.\n", want: map[string]string{"Java": "", "Kotlin": "preferred"}},
		// A wish with the negation stays a wish.
		{posting: "Requirements\n- Kotlin would be nice, but is not a requirement\n", want: map[string]string{"Kotlin": "preferred"}},
	})
}

// TestClassKnowledge: "knowledge of", "an understanding of" say what is
// known; the heading says how much it is needed.
func TestClassKnowledge(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What we hope you bring\n- An understanding of the Android lifecycle\n", want: map[string]string{"Android": "required"}},
		{posting: "Requirements\n- Knowledge of Kafka\n- Awareness of GDPR\n", want: map[string]string{"Apache Kafka": "required"}},
		{posting: "Nice to have\n- Knowledge of Kafka\n", want: map[string]string{"Apache Kafka": "preferred"}},
		{posting: "Knowledge of Kafka.\n", want: map[string]string{"Apache Kafka": "preferred"}},
		{posting: "Requirements\n- Knowledge of Kafka is a plus\n", want: map[string]string{"Apache Kafka": "preferred"}},
		{posting: "Requirements\n- Familiarity with Kafka is not needed\n", want: map[string]string{"Apache Kafka": ""}},
	})
}

// TestClassPageFurniture: a job board's navigation, links to other
// searches and footers around the posting name other jobs' skills, in the
// text of its PDF or Word version as much as in its HTML.
func TestClassPageFurniture(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Jobsite Python jobs Data jobs Scala jobs Salary guide Sign in\nData Engineer\nRequirements\n- Python\n",
			want: map[string]string{"Scala": "", "Python": "required"}},
		{posting: "Requirements\n- Go\n\nJava jobs in Berlin\nRemote Rust jobs\n", want: map[string]string{"Java": "", "Rust": "", "Go": "required"}},
		{posting: "Requirements\n- Go\n\nPopular searches: React jobs, Node.js developer jobs, Kotlin vacancies\n",
			want: map[string]string{"React": "", "Node.js": "", "Kotlin": ""}},
		{posting: "Requirements\n- Go\n\nMore jobs like this\n- Senior Swift Engineer, Lisbon\n- Flutter Developer at Brightkeel\n",
			want: map[string]string{"Swift": "", "Flutter": ""}},
		{posting: "Requirements\n- Go\n\nSalaries for Kotlin developers in London\n", want: map[string]string{"Kotlin": ""}},
		// A Word file's links come with their addresses.
		{posting: "Jobsite <../../> Data jobs <../search%3Fq=data> Careers <https://example.org/careers?q=scala>\nRequirements\n- Go <https://go.dev/>\n",
			want: map[string]string{"Scala": "", "Go": "required"}},
		{posting: "Requirements\n- Go\n\nYou might also be interested in\n- Elixir Developer (remote)\n", want: map[string]string{"Elixir": ""}},
	})
	for _, tt := range []struct{ posting, title string }{
		{"Home › Data › Data Engineer\nRequirements\n- Python\n", "Data Engineer"},
		{"Jobs » Mobile » iOS Developer\n", "iOS Developer"},
		{"Home > Jobs > Backend Engineer (Go)\n", "Backend Engineer (Go)"},
	} {
		if got := DefaultTaxonomy().Derive(tt.posting).Title; got != tt.title {
			t.Errorf("%q: title %q, want %q", tt.posting, got, tt.title)
		}
	}
}

// TestClassDegreeHedges: a degree wished for or dismissed in other words.
func TestClassDegreeHedges(t *testing.T) {
	for _, tt := range []struct{ posting, want string }{
		{"A degree in Computer Science or comparable experience.", "bachelor Computer Science"},
		{"Bachelor's degree, or an equivalent background.", "bachelor"},
		{"A degree in Mathematics or relevant work experience.", "bachelor Mathematics"},
		{"Degree optional.", "bachelor"},
		{"A degree is a nice extra.", "bachelor"},
		{"A degree isn't necessary.", ""},
		{"We care about skills, not diplomas.", ""},
		{"Requirements\n- Bachelor's degree in Physics\n\nWe care about what you can do, not about your degree.\n", "bachelor Physics"},
		{"We hire people without degrees all the time.", ""},
		{"No formal education requirements.", ""},
		{"Requirements\n- A degree in Computer Science\n\nSelf-taught developers are welcome.\n", "bachelor Computer Science"},
		{"A degree is never a requirement here.", ""},
		// A lower degree considered lowers the level; it is still a degree.
		{"MSc or PhD in Statistics; a strong BSc with relevant experience will also be considered.", "bachelor Statistics required"},
		{"MSc or PhD in Statistics, though strong industry experience will also be considered.", "master Statistics"},
		{"Not required\nA computer science degree: many of us studied music.\n", ""},
		{"Not needed\n- Degree: we look at your work instead\n", ""},
		// Not hedged.
		{"A relevant degree is expected.", "bachelor required"},
		{"Requirements\n- Master's degree in Statistics\n", "master Statistics required"},
	} {
		d := DefaultTaxonomy().Derive(tt.posting).Degree
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

// TestClassTitleSkill: a technology named only in the job's title is
// required; named again, the posting's own words decide; a kind of work
// in the title is a role, not a skill.
func TestClassTitleSkill(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Senior Go Engineer\nYou will build our billing services.\nRequirements\n- PostgreSQL\n", want: map[string]string{"Go": "required", "PostgreSQL": "required"}},
		{posting: "Backend Developer (Elixir)\n\nAbout us\nWe sell bicycles.\n", want: map[string]string{"Elixir": "required"}},
		{posting: "Backend Engineer, Kotlin\nRequirements\n- Kotlin or Java\n", groups: []string{"Kotlin,Java"}},
		{posting: "Senior Go Engineer\nNice to have\n- Go\n", want: map[string]string{"Go": "preferred"}},
		{posting: "DevOps Engineer\nRequirements\n- Terraform\n", want: map[string]string{"DevOps": "", "Terraform": "required"}},
		{posting: "Rust is what we write, though C++ will do.\nWe are a team of five.\n", want: map[string]string{"Rust": "preferred"}},
		{posting: "Expert Java Developer\nWe build trading systems.\n", want: map[string]string{"Java": "required"}},
		{posting: "We are not looking for PHP developers\n", want: map[string]string{"PHP": ""}},
	})
	_, reasons := DefaultTaxonomy().DeriveExplained("Senior Go Engineer\nYou will build our billing services.\n")
	if len(reasons) != 1 || reasons[0].Cue != "the job's title" || reasons[0].Statement != "Senior Go Engineer" {
		t.Errorf("reasons %+v, want Go from the title", reasons)
	}
}

// TestClassHeadingsMore: more headings in words of their own: a
// conditional question asks for wishes, "if you" for requirements.
func TestClassHeadingsMore(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What would make us smile?\n- Prometheus\n", want: map[string]string{"Prometheus": "preferred"}},
		{posting: "Anything that could help?\n- Prometheus\n", want: map[string]string{"Prometheus": "preferred"}},
		{posting: "Who will you work with?\n- Our Rust team\n", want: map[string]string{"Rust": "preferred"}},
		{posting: "You'll fit right in if you:\n* have shipped Swift apps\n", want: map[string]string{"Swift": "required"}},
		{posting: "This job is for you if you\n- write Elixir\n", want: map[string]string{"Elixir": "required"}},
		{posting: "You'll thrive here if you have\n- Scala\n", want: map[string]string{"Scala": "required"}},
		{posting: "Nice extras\nSpark.\n", want: map[string]string{"Apache Spark": "preferred"}},
		{posting: "What will your days look like?\n- Writing Terraform modules\n", want: map[string]string{"Terraform": "preferred"}},
		{posting: "What do we need from you?\n- Kubernetes\n", want: map[string]string{"Kubernetes": "required"}},
	})
	runClass(t, []classCase{
		{posting: "Requirements\n- Go or Python for tooling; we write most of ours in Go\n", groups: []string{"Go,Python"}},
		{posting: "Requirements\n- Terraform, though Pulumi experience is just as useful\n", groups: []string{"Terraform,Pulumi"}},
	})
	// A description or a wish goes on over the lists of its clause.
	runClass(t, []classCase{
		{posting: "Requirements\n- You test your code (we use dbt tests and PyTest)\n", want: map[string]string{"dbt": "preferred", "PyTest": "preferred"}},
		{posting: "Requirements\n- We use Terraform modules and Ansible roles\n", want: map[string]string{"Terraform": "preferred", "Ansible": "preferred"}},
		{posting: "Requirements\n- Ideally Kafka topics and Redis streams\n", want: map[string]string{"Apache Kafka": "preferred", "Redis": "preferred"}},
		{posting: "Requirements\n- We use Terraform modules; you know Ansible roles\n", want: map[string]string{"Terraform": "preferred", "Ansible": "required"}},
	})
}

// TestClassProseClauses: in prose, what a clause says bears on its own
// lists: a reason or an aside ("since you will touch React") asks for
// nothing, even under a requirements heading; "so you'll want to know
// it" asks for what a description names.
func TestClassProseClauses(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Comfort with JavaScript is expected, since you will touch the React code now and then.\n",
			want: map[string]string{"JavaScript": "required", "React": "preferred"}},
		{posting: "Requirements\n- Python, because our Airflow DAGs are written in it\n", want: map[string]string{"Python": "required", "Apache Airflow": "preferred"}},
		{posting: "Advanced SQL is essential, as is advanced Excel.\n", want: map[string]string{"SQL": "required", "Excel": "required"}},
		{posting: "Docker is how we run everything locally, so you'll want to know your way around it.\n", want: map[string]string{"Docker": "required"}},
		{posting: "We use Git for everything, so you will need to be comfortable with branches.\n", want: map[string]string{"Git": "required"}},
		{posting: "We use Jira, so there is a board.\n", want: map[string]string{"Jira": "preferred"}},
		{posting: "Kubernetes doesn't come into this role at all.\n", want: map[string]string{"Kubernetes": ""}},
		{posting: "Here is what we are after. Some Rust. Redis in production.\n", want: map[string]string{"Rust": "required", "Redis": "required"}},
		// A stand-in for a skill named in its own statement, named before as the team's.
		{posting: "Our shop runs on MySQL.\nMySQL is what we run, although PostgreSQL experience carries over fine.\n", groups: []string{"MySQL,PostgreSQL"}},
	})
	runClass(t, []classCase{
		{posting: "Kettleby has sold books online for fifteen years.\nRequirements\n- Six or more years of software development\n", years: "6"},
	})
	if d := DefaultTaxonomy().Derive("Requirements\n- A degree in Physics\n\nWe don't mind where you studied, or whether you did.\n").Degree; d == nil || d.Required {
		t.Errorf("degree %+v, want one not required", d)
	}
	_, reasons := DefaultTaxonomy().DeriveExplained("Our shop runs on MySQL.\nMySQL is what we run, although PostgreSQL experience carries over fine.\n")
	if len(reasons) != 1 || reasons[0].Statement != "MySQL is what we run, although PostgreSQL experience carries over fine." {
		t.Errorf("reasons %+v, want the group from the statement that offers the stand-in", reasons)
	}
	_, reasons = DefaultTaxonomy().DeriveExplained("Requirements\n- Python, because you will touch the Airflow DAGs\n")
	for _, r := range reasons {
		if r.Rule == "preferred Apache Airflow" && r.Cue != "because" {
			t.Errorf("%+v, want the cue %q", r, "because")
		}
	}
}

// TestClassItemYears: years beside a skill after a word or two, and an
// unknown skill's years, which are not the job's.
func TestClassItemYears(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- SQL — basic (1+)\n", want: map[string]string{"SQL": "required@1"}},
		{posting: "Is this you?\n- 7+ yrs building Android apps\n- Frobnicator Compose (2+ yrs)\n", years: "7"},
		{posting: "Requirements\n- Frobnicator (3 years)\n", years: "0"},
		{posting: "Requirements\n- Software development (5+ years)\n", years: "5"},
	})
	for _, tt := range []struct{ text, want string }{
		{"Job: Junior Data Analyst\nLocation: Leeds\n", "Junior Data Analyst"},
		{"Position: Staff Engineer\n", "Staff Engineer"},
		{"Lead Android Developer | Remote (EU) | Freewheel Health\n", "Lead Android Developer"},
		{"Freewheel Health | Lead Android Developer\n", "Lead Android Developer"},
	} {
		if got := postingTitle(tt.text, namesSkillIn(DefaultTaxonomy())); got != tt.want {
			t.Errorf("postingTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestClassMoreWords: negated headings, MoSCoW's "Should have", stand-ins
// of several skills, "or a comparable" example, "not looking for".
func TestClassMoreWords(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What you don't need\nExperience with Angular.\n", want: map[string]string{"Angular": ""}},
		{posting: "Must have:\n- Go\nShould have:\n- PostgreSQL\nShould-haves\n- Redis\n", want: map[string]string{"Go": "required", "PostgreSQL": "preferred", "Redis": "preferred"}},
		{posting: "You are at home in React; Vue or Svelte experience is also relevant, as the ideas transfer.\n", groups: []string{"React,Vue.js,Svelte"}},
		// "X or a similar Y" asks for X, where "(X or similar)" gives an example.
		{posting: "You have used AWS or a comparable cloud provider.\n", want: map[string]string{"AWS": "required"}},
		{posting: "We are not looking for Windows Server administrators.\n", want: map[string]string{"Windows Server": ""}},
	})
	for _, posting := range []string{
		"What you don't need\nA computer science degree.\n",
		"We'd like a Bachelor's in CS, though we're flexible for the right person.\n",
	} {
		if d := DefaultTaxonomy().Derive(posting).Degree; d != nil && d.Required {
			t.Errorf("%q: degree %+v, want none or not required", posting, d)
		}
	}
}

// TestClassAlternativeAgain: one of a list of alternatives named again in
// its statement, as the team's or as fine, stays one of them; a hedge
// after the years in another clause hedges what follows, not the years.
func TestClassAlternativeAgain(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- PyTorch or TensorFlow — we use PyTorch, but TensorFlow is fine\n", groups: []string{"PyTorch,TensorFlow"}},
		{posting: "Requirements\n- Kafka or RabbitMQ; Kafka is what we run\n", groups: []string{"Apache Kafka,RabbitMQ"}},
		{posting: "Requirements\n- Go or Rust, and you must know Go well\n", groups: []string{}, want: map[string]string{"Go": "required"}},
		{posting: "Requirements\n- 3+ years of ML engineering experience, ideally on search\n", years: "3"},
		{posting: "Requirements\n- Ideally 3+ years of ML engineering experience\n", years: "3?"},
		{posting: "Requirements\n- 3+ years of experience would be nice\n", years: "3?"},
	})
}

// TestClassExcludedHeadings: under a heading that says what the job does
// not need, what is named is not asked for at all, unless the heading
// also wishes for it ("Not needed, but nice").
func TestClassExcludedHeadings(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What you won't need:\n- Java. We dropped it years ago.\n- Kubernetes\n\nWhat you will need:\n- Go\n",
			want: map[string]string{"Java": "", "Kubernetes": "", "Go": "required"}},
		{posting: "Things we don't expect from you\n- Rust\n\nMust-haves\n- Python\n", want: map[string]string{"Rust": "", "Python": "required"}},
		{posting: "We can do without\n- Angular\n", want: map[string]string{"Angular": ""}},
		{posting: "Not needed, but nice:\n- Terraform\n", want: map[string]string{"Terraform": "preferred"}},
	})
	if d := DefaultTaxonomy().Derive("You do not need\n- A degree in physics\n"); d.Degree != nil {
		t.Errorf("degree %+v under a heading that excludes it, want none", d.Degree)
	}
}

// TestClassHeadingsPunctuated: headings with commas, long question
// headings that hedge, duties called functions, and a paragraph labelled
// as how the team works.
func TestClassHeadingsPunctuated(t *testing.T) {
	runClass(t, []classCase{
		{posting: "You need\n- Go\n\nGood to know, but we will teach you:\n- Playwright\n- Jira\n",
			want: map[string]string{"Go": "required", "Playwright": "preferred", "Jira": "preferred"}},
		{posting: "What are we looking for?\n- Go\n\nWhat would make us happy, but isn't a deal-breaker?\n- Terraform\n- Python\n",
			want: map[string]string{"Terraform": "preferred", "Python": "preferred"}},
		{posting: "Nice, though not a dealbreaker\n- Redis\n", want: map[string]string{"Redis": "preferred"}},
		{posting: "Deal-breakers\n- Redis\n", want: map[string]string{"Redis": "required"}},
		{posting: "Essential Functions\n- Build services in Java\n\nQualifications\n- SQL\n", want: map[string]string{"Java": "preferred", "SQL": "required"}},
		{posting: "Key job functions\n- Deploy with Ansible\n", want: map[string]string{"Ansible": "preferred"}},
		{posting: "You need\n- SQL\n\nHow we work: every change runs in GitLab CI against Docker builds.\n",
			want: map[string]string{"SQL": "required", "GitLab CI": "preferred", "Docker": "preferred"}},
	})
}

// TestClassLearnable: what the team will teach, or the candidate will pick
// up, is not a requirement.
func TestClassLearnable(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- REST APIs. Newer screens use GraphQL, which you'll pick up quickly.\n",
			want: map[string]string{"REST": "required", "GraphQL": "preferred"}},
		{posting: "Must have\n- Python; we will teach you Airflow.\n", want: map[string]string{"Python": "required", "Apache Airflow": "preferred"}},
		{posting: "You know SQL. Experience with dbt is something we can teach.\n", want: map[string]string{"SQL": "required", "dbt": "preferred"}},
		{posting: "Requirements\n- Java, or you will learn Kotlin with us\n", want: map[string]string{"Kotlin": "preferred"}},
	})
}

// TestClassDescribedPassively: the team's tools in the passive voice ("our
// app is written in Swift") describe the job.
func TestClassDescribedPassively(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Our services are written in Go and deployed on Kubernetes. You must know SQL.\n",
			want: map[string]string{"Go": "preferred", "Kubernetes": "preferred", "SQL": "required"}},
		{posting: "You have\n- A backend language. The backend is built with Django.\n", want: map[string]string{"Django": "preferred"}},
		{posting: "Our training jobs are orchestrated by Airflow. You need Python.\n", want: map[string]string{"Apache Airflow": "preferred", "Python": "required"}},
		{posting: "Requirements\n- Tests must be written in Python\n", want: map[string]string{"Python": "required"}},
	})
}

// TestClassConditions: a skill named inside a condition ("if JavaScript is
// what you know") is not asked for by the cue of the condition.
func TestClassConditions(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Python or JavaScript. Our tests are written in Python, so if JavaScript is what you know, you'll learn Python here.\n",
			groups: []string{"Python,JavaScript"}},
		{posting: "If Ruby is what you have used most, that's fine.\n\nYou need Go.\n", want: map[string]string{"Ruby": "preferred", "Go": "required"}},
		{posting: "If you apply, you must know Go.\n", want: map[string]string{"Go": "required"}},
	})
}

// TestClassBackReference: alternatives named apart and then offered as
// "one of the two", "at least one of those", "one is enough".
func TestClassBackReference(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What you bring\n- A main language. Our iOS app is written in Swift. The Android app is written in Kotlin. You should be strong in one of the two.\n",
			groups: []string{"iOS,Android", "Swift,Kotlin"}},
		{posting: "Our models use LightGBM, plus a few in PyTorch, so you should be comfortable with at least one of those two.\n",
			groups: []string{"LightGBM,PyTorch"}},
		{posting: "Requirements\n- SQLite directly, or Realm. One is enough.\n", groups: []string{"SQLite,Realm"}},
		{posting: "We run Vue on the web and Flutter on phones. Either of them will do for a start.\n", groups: []string{"Vue.js,Flutter"}},
		{posting: "You know Go. We also run Redis.\n", groups: []string{}, want: map[string]string{"Go": "required", "Redis": "preferred"}},
	})
}

// TestClassStandInSameItem: a stand-in offered in the sentence after the
// one that names the team's tool, in the same list item.
func TestClassStandInSameItem(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What are we looking for?\n- Message queues. We use RabbitMQ today; if you have used Kafka or NATS instead, that works for us too.\n- Docker\n",
			groups: []string{"RabbitMQ,Apache Kafka,NATS"}, want: map[string]string{"Docker": "required"}},
		{posting: "Requirements\n- CI. We run Jenkins. GitLab CI experience counts the same.\n", groups: []string{"Jenkins,GitLab CI"}},
	})
}

// TestClassNarrative: prose that asks for something without the usual
// cues.
func TestClassNarrative(t *testing.T) {
	runClass(t, []classCase{
		{posting: "The person we are hoping to find has spent years putting machine learning models into production.\n",
			want: map[string]string{"Machine Learning": "required"}},
		{posting: "We want someone who has run PostgreSQL at scale.\n", want: map[string]string{"PostgreSQL": "required"}},
		{posting: "You would be writing Python every day; it is the one language we really cannot do without.\n", want: map[string]string{"Python": "required"}},
		{posting: "Our jobs run on Airflow. You don't have to have run Airflow yourself.\n", want: map[string]string{"Apache Airflow": "preferred"}},
		{posting: "You don't have to know Scala.\n", want: map[string]string{"Scala": ""}},
		{posting: "A few things would make you stand out: you have used MLflow; you have written a bit of Go or Rust.\n",
			want: map[string]string{"MLflow": "preferred", "Go": "preferred", "Rust": "preferred"}},
		{posting: "You know PostgreSQL: you can read a query plan and know when an index will help.\n", want: map[string]string{"PostgreSQL": "required"}},
		{posting: "We use Kubernetes. It is essential that you communicate well.\n", want: map[string]string{"Kubernetes": "preferred"}},
	})
}

// TestClassTitleAlternatives: a title that offers alternatives asks for
// one of them.
func TestClassTitleAlternatives(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Mobile Developer (iOS or Android)\n\nYou have shipped apps.\n", groups: []string{"iOS,Android"}},
		{posting: "Backend Engineer, Java or Kotlin\n\nYou have built APIs.\n", groups: []string{"Java,Kotlin"}},
	})
}

// TestClassYearsMore: years after a relative clause, "a year or two",
// years in a bracketed list, years in the sentence after the skill's, and
// "or so".
func TestClassYearsMore(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Linux, which you have administered for at least five years\n", want: map[string]string{"Linux": "required@5"}},
		{posting: "Desirable\n- A year or two with a service mesh (Istio or Linkerd)\n", want: map[string]string{"Istio": "preferred@1", "Linkerd": "preferred@1"}},
		{posting: "Desirable\n- Postgres operations experience; 3 yrs preferred, not mandatory\n", want: map[string]string{"PostgreSQL": "preferred@3"}},
		{posting: "You have spent the last six years or so building services.\n", years: "6?"},
		{posting: "Requirements\n- Java. At least four years of it.\n", want: map[string]string{"Java": "required@4"}},
	})
}

// TestClassDegreeMore: a graduate degree is a master's; an equivalent
// combination of education and experience hedges it.
func TestClassDegreeMore(t *testing.T) {
	runClass(t, []classCase{
		{posting: "A graduate degree in a quantitative field would be welcome.\n", degree: "master?"},
		{posting: "Requirements\n- A postgraduate degree in statistics\n", degree: "master"},
		{posting: "Requirements\n- An undergraduate degree in physics\n", degree: "bachelor"},
		{posting: "Requirements\n- Bachelor's degree in Computer Science, or an equivalent combination of education and experience\n", degree: "bachelor?"},
	})
}

// TestClassRoles: a kind of work followed by a role ("QA analysts",
// "DevOps engineers") names people, not a skill.
func TestClassRoles(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- You will work with QA analysts and DevOps engineers every day\n- Java\n",
			want: map[string]string{"QA": "", "DevOps": "", "Java": "required"}},
		{posting: "Requirements\n- DevOps practices\n", want: map[string]string{"DevOps": "required"}},
	})
}

// TestClassNestedLists: a list item with items nested under it labels
// them as a heading would ("Bonus, not required" over its sub-items).
func TestClassNestedLists(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Core\n  - Go\n- Bonus, not required\n  - Lua\n  - load testing with Gatling\n- PostgreSQL\n",
			want: map[string]string{"Go": "required", "Lua": "preferred", "Gatling": "preferred", "PostgreSQL": "required"}},
		{posting: "What we look for\n- Operations\n  - comfortable with Docker\n    - our clusters are k8s, managed with Terraform\n",
			want: map[string]string{"Docker": "required", "Kubernetes": "preferred", "Terraform": "preferred"}},
	})
}

// TestClassMoreHeadingWords: headings as non-native writers and job
// sites write them, and a heading that mixes duties with requirements.
func TestClassMoreHeadingWords(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Who we are\nWe move parcels.\n\nYour responsabilities\n- Run our clusters on GKE\n\nWhat we ask\n- Terraform\n\nIs a plus\n- Istio\n",
			want: map[string]string{"Google Kubernetes Engine": "preferred", "Terraform": "required", "Istio": "preferred"}},
		{posting: "Key Qualifications\n- SQL\n\nDescription\nYou will build dashboards in Looker.\n", want: map[string]string{"SQL": "required", "Looker": "preferred"}},
		{posting: "What you'll do, and what you'll need to do it\n- Build screens in Flutter\n- You should be comfortable with Dart\n",
			want: map[string]string{"Flutter": "preferred", "Dart": "required"}},
	})
}

// TestClassVersions: a version in brackets is no number of years, and
// does not part alternatives.
func TestClassVersions(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Expert in Java (17+) or Kotlin on the JVM\n", groups: []string{"Java,Kotlin"}, years: "0"},
		{posting: "Requirements\n- Go (3+)\n", want: map[string]string{"Go": "required@3"}},
		{posting: "Requirements\n- Knowledge of one between Python and Go\n", groups: []string{"Python,Go"}},
	})
}

// TestClassYearsBack: years that point back to the skill before them.
func TestClassYearsBack(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- 3+ years building online services; Go, for at least two of those years\n",
			want: map[string]string{"Go": "required@2"}, years: "3"},
		// Years in a later sentence about something else are not the skill's.
		{posting: "You can read Python well. You have handled incidents, with at least two years on a SOC team.\n",
			want: map[string]string{"Python": "required"}, years: "2"},
	})
}

// TestClassYearsCells: a cell with only a number of years, whatever its
// column, is its row's; years in a kind of work are the job's.
func TestClassYearsCells(t *testing.T) {
	runClass(t, []classCase{
		{posting: "| Skill | Required / Preferred | Notes |\n|---|---|---|\n| Apex | Required | 4+ years |\n| Git | Required | |\n\nAt least 5 years of development in total.\n",
			want: map[string]string{"Apex": "required@4", "Git": "required"}, years: "5"},
		{posting: "Experience: a minimum of four years in application security or penetration testing.\n", want: map[string]string{"Security": "required"}, years: "4"},
		{posting: "Requirements\n- Four years of Kotlin\n", want: map[string]string{"Kotlin": "required@4"}},
	})
}

// TestClassRolesMore: a kind of work after "as" is a role.
func TestClassRolesMore(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Minimum 5 years of experience as SRE, DevOps engineer or system engineer\n",
			want: map[string]string{"Site Reliability Engineering": "", "DevOps": ""}, years: "5"},
	})
}

// TestClassTitleOverDuties: a title's technology named again only where
// the job is described is still asked for.
func TestClassTitleOverDuties(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Junior Flutter Developer\n\nWhat you'll do\n- Build new screens in Flutter\n", want: map[string]string{"Flutter": "required"}},
		{posting: "Senior Go Engineer\n\nNice to have\n- Go\n", want: map[string]string{"Go": "preferred"}},
		{posting: "Senior Go Engineer\n\nRequirements\n- No Go experience needed\n", want: map[string]string{"Go": ""}},
		// A title a PDF wrapped before its bracket.
		{posting: "Test Automation Engineer\n(.NET)\nCopperline · Rotterdam\n\nThe tech\n- C# on .NET 8\n", want: map[string]string{".NET": "required"}},
	})
}

// TestClassDegreeDismissedMore: agency shorthand and students.
func TestClassDegreeDismissedMore(t *testing.T) {
	if d := DefaultTaxonomy().Derive("No degree reqs. No sponsorship.\n").Degree; d != nil {
		t.Errorf("degree %+v, want none", d)
	}
	for _, posting := range []string{
		"Key Qualifications\n- Currently enrolled in a Bachelor's program in Computer Science\n",
		"Education\nPursuing a Bachelor's or Master's in a technical field.\n",
	} {
		if d := DefaultTaxonomy().Derive(posting).Degree; d == nil || d.Required || d.Level != "bachelor" {
			t.Errorf("%q: degree %+v, want a bachelor's not required", posting, d)
		}
	}
}

// TestClassPDFLines: lines a PDF wrapped or whose bullets it lost: a list
// item of several commas is no heading, nor one of many words that opens
// with a word headings use; a line ending in a conjunction or, at full
// width, in a colon goes on.
func TestClassPDFLines(t *testing.T) {
	runClass(t, []classCase{
		{posting: "BASIC QUALIFICATIONS\n5+ years of data science\nMaster's degree in statistics, economics, computer science, operations\nresearch, or a related field\nExperience designing experiments in two-sided marketplaces\n\nAbout the pay\nThe base pay ranges widely across markets and levels.\n",
			years: "5"},
		{posting: "Requirements\nC#\nNice to have\nExperience writing editor tools\nSome experience with Firebase\nDocker\n",
			want: map[string]string{"C#": "required", "Firebase": "preferred", "Docker": "preferred"}},
		{posting: "Key job responsibilities\n- Build models\nExperience designing experiments in two-sided marketplaces\nSpark jobs run nightly.\n",
			want: map[string]string{"Apache Spark": "preferred"}},
		{posting: "What we're after\nDemonstrable experience of securing a public cloud, ideally Azure, although\nAWS experience is just as good if you are happy to cross-train\n",
			groups: []string{"Microsoft Azure,AWS"}},
	})
	if d := DefaultTaxonomy().Derive("BASIC QUALIFICATIONS\nMaster's degree in statistics, economics, computer science, operations\nresearch, or a related field\n").Degree; d == nil || d.Level != "master" || !d.Required {
		t.Errorf("degree %+v, want a master's required", d)
	}
}

// TestClassUnknownHeadings: a line that reads as a heading (a question,
// or words before a colon on their own line) but in none of our words
// ends the section before it: what follows it takes its own cues.
func TestClassUnknownHeadings(t *testing.T) {
	runClass(t, []classCase{
		{posting: "How much experience are you looking for?\n- Python\n\nWhich tools will I use?\n- Git, Docker and Jira\n",
			want: map[string]string{"Python": "required", "Git": "preferred", "Docker": "preferred", "Jira": "preferred"}},
		{posting: "Requirements\n- Go\n\nOur quarterly rhythm:\n- Kubernetes upgrades\n", want: map[string]string{"Go": "required", "Kubernetes": "preferred"}},
		// A sentence leading into a list is no heading: the section goes on.
		{posting: "Responsibilities\n- Build APIs\n\nBack-end developers can work in several areas, such as:\n- Cloud: working with platforms like AWS and Azure.\n",
			want: map[string]string{"AWS": "preferred", "Microsoft Azure": "preferred"}},
		{posting: "Responsibilities\n- Build APIs\n\nAreas such as:\n- Cloud: working with AWS\n", want: map[string]string{"AWS": "preferred"}},
		{posting: "Must\n- C++\n\nShould\n- CUDA\n\nCould\n- Docker\n\nWon't\n- Windows\n",
			want: map[string]string{"C++": "required", "CUDA": "preferred", "Docker": "preferred", "Windows": ""}},
		{posting: "What you have done\n- Go\n\nIt would also help if you know\n- Terraform\n\nWe're flexible on\n- Kubernetes\n",
			want: map[string]string{"Go": "required", "Terraform": "preferred", "Kubernetes": "preferred"}},
	})
}

// TestClassTableColumns: a column of a table headed by a strength
// ("Minimum", "Ideal") gives that strength to its cells.
func TestClassTableColumns(t *testing.T) {
	runClass(t, []classCase{
		{posting: "| Area | Minimum | Ideal |\n|---|---|---|\n| Data | SQL | Spark or Databricks |\n| Ops | Docker | Kubernetes |\n",
			want: map[string]string{"SQL": "required", "Docker": "required", "Kubernetes": "preferred", "Apache Spark": "preferred", "Databricks": "preferred"}},
		// An empty corner: the first column names the rows.
		{posting: "| | Minimum | Ideal |\n|---|---|---|\n| ML tooling | MLflow | Kubeflow |\n| Platform | At least 2 years running workloads on Kubernetes | |\n",
			want: map[string]string{"Machine Learning": "", "MLflow": "required", "Kubeflow": "preferred", "Kubernetes": "required@2"}},
	})
	if d := DefaultTaxonomy().Derive("| | Minimum | Ideal |\n|---|---|---|\n| Degree | Not required | A master's in computer science |\n").Degree; d == nil || d.Level != "master" || d.Required {
		t.Errorf("degree %+v, want a master's wished for", d)
	}
}

// TestClassListsWithUnknowns: a list of alternatives with a name we do not
// know among them, or before "or similar".
func TestClassListsWithUnknowns(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- CI in any of GitHub Actions, Bitrise or Jenkins\n", groups: []string{"GitHub Actions,Jenkins"}},
		{posting: "Requirements\n- Pipelines in Kubeflow, MLflow, Ray or similar\n", groups: []string{"Kubeflow,MLflow"}},
		{posting: "Requirements\n- Java, Spring and Hibernate\n", groups: []string{}, want: map[string]string{"Java": "required", "Hibernate": "required"}},
	})
}

// TestClassCuesMore: "ideally both" after alternatives, an aside's cue in
// brackets, the team's tools after a semicolon, "the languages we use",
// "would love it if", exclusions in other words.
func TestClassCuesMore(t *testing.T) {
	runClass(t, []classCase{
		{posting: "You are fluent in Python or R, ideally both.\n", groups: []string{"Python,R"}},
		{posting: "You will build workflows in Nextflow (Snakemake is fine if that is what you know) that run on AWS.\n",
			want: map[string]string{"AWS": "preferred"}},
		{posting: "Must\n- C++ for the control loop; our robots run Ubuntu\n", want: map[string]string{"C++": "required", "Ubuntu": "preferred"}},
		{posting: "Essential criteria\n- Skill in at least two of the languages we use: Ruby, Python, Java\n", groups: []string{"Ruby,Python,Java/2"}},
		{posting: "They'd also love it if you had used Ansible, or have built pipelines in GitLab CI.\n",
			want: map[string]string{"Ansible": "preferred", "GitLab CI": "preferred"}},
		{posting: "They are not interested in Windows admin experience.\n", want: map[string]string{"Windows": ""}},
		{posting: "You won't be asked to touch our React Native prototype.\n", want: map[string]string{"React Native": ""}},
		{posting: "Qualifications\n- Security clearance at SC level\n", want: map[string]string{"Security": ""}},
	})
}

// TestClassYearsForms: years in the bracket after a version, after "for
// X for", in "years' experience running X"; a degree hedged by hiring
// without one, dismissed by "no requirement".
func TestClassYearsForms(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- C++ (C++14 or newer, 3 yrs+)\n", want: map[string]string{"C++": "required@3"}},
		{posting: "You have written Python for network automation for at least 3 years, and 5 years or so in networking overall.\n",
			want: map[string]string{"Python": "required@3"}, years: "5?"},
		{posting: "Requirements\n- Five or more years' experience running Agile delivery\n", want: map[string]string{"Agile": "required@5"}},
		{posting: "Requirements\n- 5+ years experience with Java\n", want: map[string]string{"Java": "required@5"}},
	})
	runClass(t, []classCase{
		{posting: "Requirements\n- A degree in engineering, though we have hired people without one\n", degree: "bachelor?"},
		{posting: "There is no requirement to hold a degree for this role.\n", degree: "none"},
		{posting: "We're flexible on\n- A degree. Useful, but we have never turned anyone down for not having one.\n", degree: "bachelor?"},
		// A wish two sentences on is about something else.
		{posting: "You must have a bachelor's degree in Statistics. Advanced SQL is essential. Python or R is desirable.\n", degree: "bachelor"},
	})
}

// TestClassLeadIns: a paragraph whose last sentence leads into a list
// ("In short, they need someone who:") heads the list; "at home on",
// "has written" ask; what "including" adds is asked as what it adds to.
func TestClassLeadIns(t *testing.T) {
	runClass(t, []classCase{
		{posting: "They are automating their network. In short, they need someone who:\n\n* is happy working in Linux and with Git\n* knows Ansible well\n\nThey'd love it if you know Go.\n",
			want: map[string]string{"Linux": "required", "Git": "required", "Ansible": "required", "Go": "preferred"}},
		{posting: "We need you to be fluent in Python or R, ideally both, and at home on the Linux command line, including writing Bash scripts.\n",
			want: map[string]string{"Linux": "required", "Bash": "required"}, groups: []string{"Python,R"}},
		{posting: "The ideal hire has written Terraform modules.\n", want: map[string]string{"Terraform": "required"}},
		// The list's bullets lost, as HTML and Word give it.
		{posting: "They automate networks. In short, they need someone who:\nknows Ansible well\nis happy working in Linux\n",
			want: map[string]string{"Ansible": "required", "Linux": "required"}},
		{posting: "We use Kafka, including Kafka Streams.\n", want: map[string]string{"Apache Kafka": "preferred"}},
	})
}

// TestClassCommonMore: phrasings of common postings: "N+ of them", an
// aside in brackets after the list, degrees nobody cares about, years in
// a kind of role, Azure's Key Vault.
func TestClassCommonMore(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- At least 6 years of software development experience, 4+ of them building Android apps\n",
			want: map[string]string{"Android": "required@4"}, years: "6"},
		{posting: "Requirements\n- Offline-first storage with SQLite (we use Room)\n", want: map[string]string{"SQLite": "required"}},
		{posting: "The ideal candidate will have 5+ years in DevOps or platform roles.\n", want: map[string]string{"DevOps": ""}, years: "5"},
		{posting: "Must have\n- 5+ yrs DevOps/platform exp.\n- Terraform\n", want: map[string]string{"DevOps": ""}, years: "5"},
		{posting: "Requirements\n- 5 years of Agile experience\n", want: map[string]string{"Agile": "required@5"}},
		{posting: "You've been doing this for a few years (we're thinking 4+, but show us what you've built).\n", years: "4"},
		{posting: "Requirements\n- Deep knowledge of Azure security (Entra ID, Key Vault)\n- A good understanding of data modelling (Kimball, data vault or similar)\n",
			want: map[string]string{"Vault": ""}},
		{posting: "Requirements\n- Secrets in HashiCorp Vault\n", want: map[string]string{"Vault": "required"}},
		// The rest of a sentence a PDF wrapped to a line of its own, which
		// is no heading for saying "a plus".
		{posting: "Requirements:\nHands-on experience with event streaming: Kafka is a must; Flink or Spark\nStructured Streaming is a strong plus\nDeep knowledge of relational databases, PostgreSQL or Oracle especially\n",
			want: map[string]string{"Apache Kafka": "required", "Apache Flink": "preferred", "Apache Spark": "preferred"}, groups: []string{"PostgreSQL,Oracle Database"}},
		// A bracket and a title a PDF wrapped.
		{posting: "Requirements:\nExperience with API design and event-driven architecture (we use Kafka;\nRabbitMQ or NATS experience is just as relevant)\nOur client, an energy company, is looking for a contract DevOps\nEngineer to help migrate their platform from EC2 instances to EKS.\n",
			want: map[string]string{"DevOps": ""}, groups: []string{"Apache Kafka,RabbitMQ,NATS"}},
		// A name a PDF wrapped at the line's end.
		{posting: "Requirements:\nHardware-in-the-loop tests triggered from GitHub Actions or GitLab\nCI\nOn the front end of our web shop we use Vue.js with Tailwind\nCSS. You do not have to be a front-end specialist for this job.\n",
			want: map[string]string{"GitLab CI": "one_of", "GitLab": "", "CSS": "", "Tailwind CSS": "preferred"}},
		// As a PDF wraps them: after a word that takes an object, inside brackets.
		{posting: "Requirements:\nAt least 6 years of software development experience, 4+ of them building\nAndroid apps\nExperience with offline-first storage with SQLite (we use\nRoom)\n",
			want: map[string]string{"Android": "required@4", "SQLite": "required"}, years: "6"},
	})
	for _, posting := range []string{
		"We don't care about degrees or where you went to school.\n",
		"You don't need a degree or previous industry experience.\n",
		"You don't need a computer science degree.\n",
	} {
		if d := DefaultTaxonomy().Derive(posting).Degree; d != nil {
			t.Errorf("%q: degree %+v, want none", posting, d)
		}
	}
}

// TestClassSeventhSet: what the seventh blind set's common postings
// wrote in ways not yet read (each phrased anew here).
func TestClassSeventhSet(t *testing.T) {
	runClass(t, []classCase{
		// A statement's cue after its lists asks nothing of them.
		{posting: "We are moving from nightly SQL Server jobs to a platform on Azure, and we need an engineer to build it.\n\nRequirements\n- A cloud platform (Azure, AWS or Google Cloud)\n",
			want: map[string]string{"Microsoft SQL Server": "preferred"}, groups: []string{"Microsoft Azure,AWS,Google Cloud"}},
		{posting: "Requirements\n- Version control: we use Git with LFS, though Perforce experience is fine too\n", groups: []string{"Git,Perforce"}},
		{posting: "Requirements\n- 2+ years making games professionally in Unity\n", want: map[string]string{"Unity": "required@2"}},
		{posting: "Research Software Engineer, fixed term for three years\n\nRequirements\n- Python\n", years: "0"},
		{posting: "Requirements\n- Around 1 year of experience building iOS apps\n\nA clear path to mid-level within two years.\n", years: "1?"},
		{posting: "Requirements\n- Working knowledge of Linux (Ubuntu or Red Hat)\n", want: map[string]string{"Linux": "required"}, groups: []string{"Ubuntu,Red Hat Enterprise Linux"}},
		{posting: "Requirements\n- Postgres (or MySQL)\n", groups: []string{"PostgreSQL,MySQL"}},
		{posting: "Requirements\n- Significant experience in platform, infrastructure or SRE roles. We think this probably means 10 years or more.\n",
			want: map[string]string{"Site Reliability Engineering": ""}, years: "10?"},
		{posting: "What you'll do\n- Improve the developer experience: faster builds, safer deploys with Argo CD\n", want: map[string]string{"Argo CD": "preferred"}},
		{posting: "We write our tests with PHPUnit and expect you to as well.\n", want: map[string]string{"PHPUnit": "required"}},
	})
	runClass(t, []classCase{
		{posting: "We don't mind whether you have a degree.\n", degree: "none"},
		{posting: "Requirements\n1. A degree in a numerate discipline, or equivalent experience.\n2. A PhD, or research experience, in a physical science.\n", degree: "bachelor?"},
	})
}

// TestClassEighthSet: what the eighth blind set's common postings wrote
// in ways not yet read (each phrased anew here).
func TestClassEighthSet(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Experience with Swift or Kotlin is a bonus, as is having worked with SQLite or Realm.\n",
			want: map[string]string{"SQLite": "preferred", "Realm": "preferred"}, groups: []string{}},
		{posting: "Advanced SQL is essential, as is advanced Excel.\n", want: map[string]string{"SQL": "required", "Excel": "required"}},
		{posting: "Requirements\n- 7+ years in infrastructure, at least 3 of them in an SRE or production operations role\n- Deep, hands-on Kubernetes experience (3+ years) in production\n",
			want: map[string]string{"Site Reliability Engineering": "", "Kubernetes": "required@3"}, years: "7"},
		{posting: "Requirements\n- 8+ years building software, including 5+ years training and shipping machine learning models\n",
			want: map[string]string{"Machine Learning": "required@5"}, years: "8"},
		{posting: "Requirements\n- Apex and Lightning Web Components\n", want: map[string]string{"Web Components": ""}},
	})
	runClass(t, []classCase{
		{posting: "An MS or PhD in Computer Science is preferred.\n", degree: "master?"},
		{posting: "Requirements\n- A BS/MS in Physics\n", degree: "bachelor"},
	})
}

// TestClassNinthSet: what the ninth blind set's common postings wrote in
// ways not yet read (each phrased anew here).
func TestClassNinthSet(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- At least 3 years of hands-on SQL in an analyst role\n", want: map[string]string{"SQL": "required@3"}},
		{posting: "Requirements\n- 5 years in machine learning or data science roles\n", want: map[string]string{"Machine Learning": "required"}, years: "5"},
		{posting: "You'll need 3+ years in QA and hands-on test automation with Cypress.\n", want: map[string]string{"QA": "", "Cypress": "required"}, years: "3"},
		{posting: "Requirements\n- 4+ years of native Android development, at least 2 of them in Kotlin\n",
			want: map[string]string{"Android": "required@4", "Kotlin": "required@2"}, years: "4"},
		{posting: "Requirements\n- Experience with real-time operating systems such as FreeRTOS\n", want: map[string]string{"RTOS": "required"}},
	})
}

// TestClassNotOverreaching: phrasings near the classes above that must
// not take their reading (each found by reviewing them).
func TestClassNotOverreaching(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Our services run on Kafka and RabbitMQ. You will be one of the first engineers on the team.\n",
			groups: []string{}, want: map[string]string{"Apache Kafka": "preferred", "RabbitMQ": "preferred"}},
		{posting: "We use Go and Postgres. This is a strong team of five.\n", want: map[string]string{"Go": "preferred", "PostgreSQL": "preferred"}},
		{posting: "Requirements\n- You must know Go, and you will learn a lot from our team.\n", want: map[string]string{"Go": "required"}},
		{posting: "Strong Python and we will train you on our domain.\n", want: map[string]string{"Python": "required"}},
		{posting: "Job Description\nWe need 5+ years of experience. You must have strong Kubernetes and Terraform skills.\n",
			want: map[string]string{"Kubernetes": "required", "Terraform": "required"}, years: "5"},
		{posting: "You have worked in a similar role for at least 3 years.\n", years: "3"},
		{posting: "Several years of Java (17+) and Spring.\n", years: "0"},
		{posting: "Requirements\n- Go\nIn addition:\n- Kubernetes\n- Terraform\n",
			want: map[string]string{"Go": "required", "Kubernetes": "required", "Terraform": "required"}},
		{posting: "Requirements\nWhy does this matter?\n- Go\n- Kubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Practising TDD on nightly batch jobs.\n", want: map[string]string{"Test-Driven Development": "preferred"}},
		{posting: "Senior Go Engineer\n\nWe use Go for all our services.\n", want: map[string]string{"Go": "required"}},
		{posting: "We use Python and Go. Experience with at least one of the following: Rust, Java.\n", groups: []string{"Rust,Java"}},
		// A requirements heading under wishes that says whom or what for
		// ("for this role", "on day one") is a heading, not a wished item.
		{posting: "Nice to have\nRust\nRequirements for this role\nTerraform\nKubernetes\n",
			want: map[string]string{"Rust": "preferred", "Terraform": "required", "Kubernetes": "required"}},
		{posting: "Nice to have\nRust\nRequired qualifications for this position\nTerraform\n",
			want: map[string]string{"Rust": "preferred", "Terraform": "required"}},
		{posting: "Nice to have\nRust\nWhat you'll need on day one\nTerraform\n",
			want: map[string]string{"Rust": "preferred", "Terraform": "required"}},
		{posting: "Bonus points\nRust\nMinimum requirements for applicants\nTerraform\n",
			want: map[string]string{"Rust": "preferred", "Terraform": "required"}},
		// A requirements heading that says it is for the job or the role
		// asks, as without those words.
		{posting: "About the role\nYou will build services.\nSkills you need for the job\n- Terraform\n- Kubernetes\n",
			want: map[string]string{"Terraform": "required", "Kubernetes": "required"}},
		{posting: "Must-haves for the role\n- Terraform\n", want: map[string]string{"Terraform": "required"}},
		{posting: "Essential skills for the role\n- Terraform\nNice to have for the job\n- Rust\n",
			want: map[string]string{"Terraform": "required", "Rust": "preferred"}},
		// A sentence a PDF wrapped after a few words that read as a
		// wh-clause heading ("What you build ships to") goes on.
		{posting: "Requirements\nYou will own the payment services\nthat move money between partners.\nWhat you build ships to\n" +
			"thousands of shops, and so we ask:\n- Go\n- Kubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		// A wished item in a requirements heading's words that do not say
		// a thing is required heads nothing.
		{posting: "Nice to have\n- Professional qualifications\n- Terraform\n- Apache Kafka\n",
			want: map[string]string{"Terraform": "preferred", "Apache Kafka": "preferred"}},
		{posting: "Nice to have\n- Additional qualifications\n- Terraform\n", want: map[string]string{"Terraform": "preferred"}},
		// A text file's label and value at a tab stop, the value wrapped
		// by hand, is one row: its last cell goes on.
		{posting: "Requirements:\tGo, Kubernetes and\nTerraform\nNice to have:\tRust\n",
			want: map[string]string{"Go": "required", "Kubernetes": "required", "Terraform": "required", "Rust": "preferred"}},
		{posting: "Requirements\nExperience:\t5+ years of Go and\nKubernetes\n", want: map[string]string{"Go": "required@5", "Kubernetes": "required@5"}},
	})
	runClass(t, []classCase{
		{posting: "PhD in Machine Learning.\nYour degree should be in Computer Science or Statistics.\n", degree: "phd"},
		{posting: "Bachelor degree in Computer Science (we do not mind which university).\n", degree: "bachelor"},
	})
}

// TestClassItemsUnderWishes: a job board's page, and HTML, Word and PDF,
// give list items as bare lines. Under a heading of wishes (or of what is
// not needed), such a line that would head requirements only by words an
// item has too ("Banking domain experience", "You've run a design system
// before": words of its own beside a heading's) is an item of the list,
// not a heading over the items below it. A heading in none but heading
// words ("Must have", "Required experience") still heads, as do Markdown
// headings, lines after a blank line and subheadings of the strength of
// the heading above them.
func TestClassItemsUnderWishes(t *testing.T) {
	runClass(t, []classCase{
		// The first item under the heading.
		{posting: "Bonus points\nBanking domain experience\nIstio or Linkerd\nExperience running Cassandra at scale\n",
			want: map[string]string{"Istio": "preferred", "Linkerd": "preferred", "Cassandra": "preferred"}, groups: []string{}},
		// An item among others that names no skill.
		{posting: "Nice to have\nGraphQL\nYou've run a design system before\nStorybook or a similar tool\nSome Figma\n",
			want: map[string]string{"GraphQL": "preferred", "Storybook": "preferred", "Figma": "preferred"}},
		{posting: "Would be great\nYou have led a small team\nTerraform\n", want: map[string]string{"Terraform": "preferred"}},
		// Under what is not needed.
		{posting: "Requirements\nGo\nWhat you won't need\nPrior retail experience\nKubernetes\n",
			want: map[string]string{"Go": "required", "Kubernetes": ""}},
		// Counter-cases: headings that still head.
		{posting: "Requirements\nMust have\nGo\nKubernetes\nNice to have\nRust\n",
			want: map[string]string{"Go": "required", "Kubernetes": "required", "Rust": "preferred"}},
		{posting: "Nice to have\nRust\nMust have\nGo\n", want: map[string]string{"Rust": "preferred", "Go": "required"}},
		{posting: "Bonus points\nRust\nRequired experience\nGo\n", want: map[string]string{"Rust": "preferred", "Go": "required"}},
		{posting: "Bonus points\nRequirements\nGo\n", want: map[string]string{"Go": "required"}},
		{posting: "Nice to have\nRust\nWhat you'll need\nGo\n", want: map[string]string{"Rust": "preferred", "Go": "required"}},
		{posting: "Requirements\nBackend experience\nGo\nFrontend experience\nReact\nNice to have\nRust\n",
			want: map[string]string{"Go": "required", "React": "required", "Rust": "preferred"}},
		{posting: "What you'll do\nBuild our APIs\nTechnical skills\nGo\n", want: map[string]string{"Go": "required"}},
		{posting: "## Nice to have\n- Rust\n\n## Payments experience\n- Go\n", want: map[string]string{"Rust": "preferred", "Go": "required"}},
		{posting: "Nice to have\n- Rust\n\nPayments experience\n- Go\n", want: map[string]string{"Rust": "preferred", "Go": "required"}},
		{posting: "Nice to have\n- Rust\n- Banking domain experience\n- Istio\n\nRequirements\n- Go\n",
			want: map[string]string{"Rust": "preferred", "Istio": "preferred", "Go": "required"}},
	})
}

// TestClassTitleTerms: a title line that goes on, after a spaced dash or
// bar, with where and on what terms the job is (a place, pay, a contract:
// what has a digit or a comma and names no technology) ends before them;
// the title's technology is asked for whether the line runs on or a PDF
// wrapped it.
func TestClassTitleTerms(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Kotlin Developer - early-stage insurtech, Lisbon (remote) - EUR 55-70k + options\n\nOur app is written in Kotlin.\n",
			want: map[string]string{"Kotlin": "required"}},
		{posting: "Kotlin Developer - early-stage\ninsurtech, Lisbon (remote) - EUR 55-70k\n+ options\n\nOur app is written in Kotlin.\n",
			want: map[string]string{"Kotlin": "required"}},
		{posting: "RUBY DEVELOPER – Tier 2 Retailer – Glasgow (hybrid) – £60,000 + pension\n\nWe sell shoes.\n", want: map[string]string{"Ruby": "required"}},
	})
	for _, tt := range []struct{ text, want string }{
		{"Junior PHP Developer – Hull – £25k–£29k\n", "Junior PHP Developer – Hull"},
		{"Test Engineer (Automation) - Remote, EU\n", "Test Engineer (Automation)"},
		{"Platform Engineer - 9-month contract - Outside IR35\n", "Platform Engineer"},
		{"Data Engineer · Rotterdam, hybrid · full-time\n", "Data Engineer"},
		// Counter-cases: what names the role or its technology stays.
		{"Lead Database Administrator - PostgreSQL / Linux\n", "Lead Database Administrator - PostgreSQL / Linux"},
		{"Backend Engineer - Go, Kubernetes\n", "Backend Engineer - Go, Kubernetes"},
		{"Software Engineer II - Java (Claims Platform)\n", "Software Engineer II - Java (Claims Platform)"},
		{"Senior Backend Engineer, Go\n", "Senior Backend Engineer, Go"},
		{"Embedded Engineer - Medical Devices\n", "Embedded Engineer - Medical Devices"},
	} {
		if got := postingTitle(tt.text, namesSkillIn(DefaultTaxonomy())); got != tt.want {
			t.Errorf("postingTitle(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestClassFlatListLabels: a list item in nothing but a heading's words
// that say how strongly ("Bonus, not required", "Must have:") heads the
// items after it, as it does as a bare line: a nested list whose nesting
// extraction lost (each line is trimmed), or a list written flat. Items
// in generic heading words ("Degree", "Backend experience"), items that
// name a skill, a label with its statement ("Nice to have: Rust") and a
// last item head nothing.
func TestClassFlatListLabels(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What we look for\n- Go\n- Bonus, not required\n- Lua\n- load testing with Gatling\n\nThe rest\nA good salary.\n",
			want: map[string]string{"Go": "required", "Lua": "preferred", "Gatling": "preferred"}},
		{posting: "Requirements\n- Must have:\n- Go\n- Nice to have:\n- Rust\n", want: map[string]string{"Go": "required", "Rust": "preferred"}},
		{posting: "Nice to have\n- Rust\n- Required\n- Go\n", want: map[string]string{"Rust": "preferred", "Go": "required"}},
		{posting: "Requirements\n- Go\n- Not needed\n- Kubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": ""}},
		// Counter-cases.
		{posting: "Nice to have\n- Rust\n- Degree\n- Apache Kafka\n", want: map[string]string{"Rust": "preferred", "Apache Kafka": "preferred"}},
		{posting: "Requirements\n- Backend experience\n- Go\n", want: map[string]string{"Go": "required"}},
		{posting: "Requirements\n- Go\n- Nice to have: Rust\n- Kubernetes\n", want: map[string]string{"Go": "required", "Rust": "preferred", "Kubernetes": "required"}},
		{posting: "Requirements\n- Kubernetes, nice to have\n- Go\n", want: map[string]string{"Kubernetes": "preferred", "Go": "required"}},
		{posting: "Requirements\n- Go\n- Bonus, not required\n\nWe use Terraform.\n", want: map[string]string{"Go": "required", "Terraform": "preferred"}},
		{posting: "Requirements\n- Go\n- Ideally you have shipped a game\n- Lua\n", want: map[string]string{"Go": "required", "Lua": "required"}},
	})
}

// TestClassClauseHeadings: a heading phrased as a clause that starts with
// a wh-word and has no question mark ("What the work looks like", "How
// you'll grow", "Who you'll work with") is a heading when HTML, Word or a
// PDF give it as a bare line, as it is under Markdown's "##": the section
// above it ends there, though it ends in "like" or "with", which a
// sentence a PDF wrapped may end in too. In our heading words it opens
// their kind of section; in none, it only ends the one before. A sentence
// whose subject is such a clause ("What matters most is curiosity"), a
// "How to …" item, a line that names a technology and a sentence with its
// full stop are no headings: the section goes on over them.
func TestClassClauseHeadings(t *testing.T) {
	runClass(t, []classCase{
		// In our heading words.
		{posting: "Software Engineer\n\nRequirements\nKotlin\nCoroutines in production\nWhat the work looks like\nPairing with our designer in Figma\nSpeeding up cold starts\n",
			want: map[string]string{"Kotlin": "required", "Figma": "preferred"}},
		{posting: "Software Engineer\n\nMust have\nSwift\nWho you'll work with\nOur Android team, who write Kotlin\n",
			want: map[string]string{"Swift": "required", "Kotlin": "preferred"}},
		{posting: "Software Engineer\n\nRequirements\nRuby\nWhat you’d be working on\nMoving our jobs from Sidekiq to GoodJob\n",
			want: map[string]string{"Ruby": "required", "Sidekiq": "preferred"}},
		{posting: "Software Engineer\n\nRequirements\nPython\nWhy you'll love it here\nTime each week for our Grafana plugins\n",
			want: map[string]string{"Python": "required", "Grafana": "preferred"}},
		// In none of our words: the section above ends.
		{posting: "Software Engineer\n\nRequirements\nGo\nWhat a day looks like\nReviewing Terraform changes with the team\n",
			want: map[string]string{"Go": "required", "Terraform": "preferred"}},
		{posting: "Software Engineer\n\nWhat we need\nJava\nWhere you’ll work\nOur Lisbon office, where the team plans in Jira\n",
			want: map[string]string{"Java": "required", "Jira": "preferred"}},
		{posting: "Software Engineer\n\nRequirements\nPython\nHow you'll grow\nMentoring from our staff engineers on Kubernetes\n",
			want: map[string]string{"Python": "required", "Kubernetes": "preferred"}},
		{posting: "Software Engineer\n\nEssentials\nC#\nWhat success looks like\nA first Azure release within three months\n",
			want: map[string]string{"C#": "required", "Microsoft Azure": "preferred"}},
		// After a paragraph, a table row and a Markdown heading alike.
		{posting: "Software Engineer\n\nRequirements\nYou will need strong Go.\nWhat a day looks like\nOn-call for Kafka once a month\n",
			want: map[string]string{"Go": "required", "Apache Kafka": "preferred"}},
		{posting: "# Software Engineer\n\n## Requirements\n- Go\n\n## What a day looks like\n- Reviewing Terraform changes\n",
			want: map[string]string{"Go": "required", "Terraform": "preferred"}},
		{posting: "Software Engineer\n\nRequirements\nSkill\tLevel\nGo\tExpert\nWhat a day looks like\nReviewing Terraform changes\n",
			want: map[string]string{"Go": "required", "Terraform": "preferred"}},
	})
	// Counter-cases: the section goes on.
	runClass(t, []classCase{
		{posting: "Software Engineer\n\nRequirements\nGo\nWhat matters most is curiosity\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Software Engineer\n\nRequirements\nGo\nWhat you ship matters\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Software Engineer\n\nRequirements\nGo\nWhat you build is yours to run\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Software Engineer\n\nRequirements\nGo\nHow to profile a slow query\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Software Engineer\n\nRequirements\nGo\nHow we deploy with Helm\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Software Engineer\n\nRequirements\nGo\nWhat the work looks like is up to you.\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		{posting: "Software Engineer\n\nRequirements\nGo\nWhen we ship\nKubernetes\n", want: map[string]string{"Go": "required", "Kubernetes": "required"}},
		// A sentence a PDF wrapped after "like" still joins.
		{posting: "Software Engineer\n\nRequirements\nExperience with tools like\nTerraform and Ansible.\n", groups: []string{"Terraform,Ansible"}},
	})
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"What the work looks like", true}, {"What a day looks like", true}, {"How you'll grow", true},
		{"Why you’ll love it here", true}, {"Who we are", true}, {"Where you'll work", true}, {"Who you'll work with:", true},
		{"What the work is like", true}, {"What success looks like", true}, {"How it works", true},
		{"What matters most is curiosity", false}, {"What you ship matters", false}, {"What you build is yours to run", false},
		{"How to profile a slow query", false}, {"When we ship", false}, {"What the work looks like is up to you.", false},
		{"Who are we?", false}, {"What about us", false}, {"How", false}, {"Why us", false},
		{"What you will be doing every single day here", false}, {"What we offer in 2026", false},
	} {
		if got := clauseHeading(tt.line); got != tt.want {
			t.Errorf("clauseHeading(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestClassDegreeRoutes: a degree asked as a question and answered in the
// next sentence; a degree or none; a degree or a route that is no degree
// (a bootcamp, an apprenticeship); a finished course of study named
// without the word "degree".
func TestClassDegreeRoutes(t *testing.T) {
	runClass(t, []classCase{
		// The question answered.
		{posting: "Salary 60k.\nDegree? Doesn't matter to us.\n", degree: "none"},
		{posting: "A degree? Not needed here.\n", degree: "none"},
		{posting: "Requirements\n- Unity\n\nDegree? Not something we look at.\n", degree: "none"},
		{posting: "Requirements\n- Unity\n\nA degree? We don't look at that.\n", degree: "none"},
		{posting: "Requirements\n- Go\n- Bachelor's degree? Nice to have.\n", degree: "bachelor?"},
		// A degree or none.
		{posting: "We're happy with any degree or none.\n", degree: "none"},
		{posting: "A degree or not, we read your code first.\n", degree: "none"},
		// A route that is no degree.
		{posting: "Requirements\n- A computer science degree or a coding bootcamp - either is fine\n", degree: "bachelor?"},
		{posting: "Requirements\n- A degree in engineering or an apprenticeship\n", degree: "bachelor?"},
		{posting: "Requirements\n- A degree or a bootcamp certificate\n", degree: "bachelor?"},
		{posting: "Requirements\n- A degree in physics or mathematics, either is fine\n", degree: "bachelor"},
		// A course of study named without "degree".
		// A comparable education offers another route than the degree, as
		// "or equivalent experience" does.
		{posting: "Requirements\n- Finished study of electrical engineering, computer science or a comparable education\n", degree: "bachelor?"},
		{posting: "Requirements\n- Completed studies in computer science\n", degree: "bachelor"},
		{posting: "A completed university education in mathematics would be welcome.\n", degree: "bachelor?"},
	})
	// Counter-cases: not a degree's answer, not a degree.
	runClass(t, []classCase{
		{posting: "Requirements\n- Bachelor's degree in Computer Science. No prior industry experience needed.\n", degree: "bachelor"},
		{posting: "Requirements\n- A degree in mathematics.\nWhy apply? It doesn't matter where you live.\n", degree: "bachelor"},
		{posting: "We study your code, not your CV. You will finish the study of our billing flows in week one.\n", degree: "none"},
		{posting: "Requirements\n- A degree in statistics or economics\n", degree: "bachelor"},
	})
}

// TestClassTableExcludedColumn: a table's column headed as not needed
// ("Not needed", "Not required") names what is not asked for, as
// "Must have" and "Nice to have" columns name what is.
func TestClassTableExcludedColumn(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Tester\n\n| Must have | Nice to have | Not needed |\n|---|---|---|\n| Go | Docker | Java |\n| SQL | | PHP |\n",
			want: map[string]string{"Go": "required", "SQL": "required", "Docker": "preferred", "Java": "", "PHP": ""}},
		{posting: "Tester\n\nMust have\tBonus\tNot required\nPython\tKubernetes\tScala\n",
			want: map[string]string{"Python": "required", "Kubernetes": "preferred", "Scala": ""}},
		{posting: "Tester\n\n| Essential | Not necessary |\n|---|---|\n| React | Angular or Vue |\n",
			want: map[string]string{"React": "required", "Angular": "", "Vue.js": ""}},
	})
	// Counter-case: a column that only says what a cell is.
	runClass(t, []classCase{
		{posting: "Tester\n\n| Skill | Notes |\n|---|---|\n| Go | not needed on day one, learn it here |\n| SQL | daily |\n",
			want: map[string]string{"SQL": "preferred"}},
	})
}

// TestClassTableEmptyLastCells: a row of an HTML, Word or PDF table whose
// last cells are empty reaches derivation with the tabs of its empty cells
// ("Git\t\t", as the parsers keep them); it is the table's row, and the
// paragraph after the table is not.
func TestClassTableEmptyLastCells(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Tester\n\nWhat you'll do\nWrite tests\n\nAt a glance\nMust have\tNice to have\nPlaywright\tDocker\nGit\t\nWe pay well.\n",
			want: map[string]string{"Playwright": "required", "Docker": "preferred", "Git": "required"}},
		{posting: "Tester\n\nWhat you'll do\nWrite tests\n\nMust have\tNice to have\tNot needed\nPython\tAnsible\tPerl\nSQL and Bash\t\t\nThe team uses Jira.\n",
			want: map[string]string{"Python": "required", "Ansible": "preferred", "Perl": "", "SQL": "required", "Bash": "required", "Jira": "preferred"}},
		// An empty first cell keeps the row's columns.
		{posting: "Tester\n\nMust have\tNice to have\nPlaywright\tDocker\n\tKotlin\nThe team uses Jira.\n",
			want: map[string]string{"Playwright": "required", "Docker": "preferred", "Kotlin": "preferred"}},
	})
	// Counter-cases: a sentence, or a heading, after the table is no row.
	runClass(t, []classCase{
		{posting: "Tester\n\nMust have\tNice to have\nPlaywright\tDocker\nOur team also writes some Kotlin.\n",
			want: map[string]string{"Playwright": "required", "Kotlin": "preferred"}},
		{posting: "Tester\n\nMust have\tNice to have\nPlaywright\tDocker\nNice to have\nKotlin\n",
			want: map[string]string{"Playwright": "required", "Kotlin": "preferred"}},
	})
}

// TestClassLeadInWithoutBullets: a sentence that leads into a list ("The
// team lead says these are essential:") heads the list below it when HTML,
// Word or PDF lost the list's bullets, as it does the list with them.
func TestClassLeadInWithoutBullets(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Engineer\n\nWe run a small shop.\nHere is what the client told me is essential:\nSolid Linux basics\nScripting in Python or Go\nBonus if you have:\nIstio\n",
			want: map[string]string{"Linux": "required", "Istio": "preferred"}, groups: []string{"Python,Go"}},
		{posting: "Engineer\n\nOur founder told me the must-haves are:\nPostgreSQL tuning\nKafka in production\n",
			want: map[string]string{"PostgreSQL": "required", "Apache Kafka": "required"}},
	})
	// Counter-case: a colon before sentences leads into no list.
	runClass(t, []classCase{
		{posting: "Engineer\n\nRequirements\nGo\n\nAbout us\nWe are a shop of nine, and our CTO has one rule she thinks is essential:\nWe moved from Jenkins to GitHub Actions last year, and the move is still going on.\n",
			want: map[string]string{"Go": "required", "Jenkins": "preferred"}},
	})
}

// TestClassCapitalConjunctions: a PDF line that starts with a conjunction
// in capitals ("AND three years …", "OR an equivalent combination …"), as
// public employers write them, goes on the sentence of the line before.
func TestClassCapitalConjunctions(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Minimum qualifications\nBachelor's degree in mathematics, physics or a closely related discipline\nAND two years of experience in data analysis or in laboratory work;\nOR an equivalent combination of education and experience totalling six\nyears.\nExperience with SQL and Python in a research setting of any kind.\n",
			degree: "bachelor?"},
		{posting: "Minimum qualifications\nMaster's degree in statistics, economics or a closely related discipline\nOR a bachelor's degree and four years of applied statistics work in R\nExperience with SQL and Python in a research setting of any kind.\n",
			degree: "bachelor"},
	})
	// Counter-case: a capital word that is no conjunction starts a line.
	runClass(t, []classCase{
		{posting: "Minimum qualifications\nBachelor's degree in mathematics, physics or a closely related discipline\nANSI SQL and Python in a research setting, or in laboratory work\nEquivalent experience in data analysis will not be considered here.\n",
			degree: "bachelor"},
	})
}

// TestClassYearsInNotesCell: a table row's cell that opens with years and
// goes on in words ("3+ years writing production code") gives the row's
// skill its years, as a bare years cell does.
func TestClassYearsInNotesCell(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Engineer\n\nRequirements\n\n| Skill | Level | Notes |\n|---|---|---|\n| Go | Required | 4+ years building services |\n| SQL | Required | joins and indexes |\n",
			want: map[string]string{"Go": "required@4", "SQL": "required"}},
		{posting: "Engineer\n\nRequirements\nSkill\tNotes\nKotlin\t2 years in production apps\nGradle\tbuild scripts\n",
			want: map[string]string{"Kotlin": "required@2", "Gradle": "required"}},
	})
	// Counter-case: years later in the cell are not the row's.
	runClass(t, []classCase{
		{posting: "Engineer\n\nRequirements\n\n| Skill | Notes |\n|---|---|\n| Go | we moved to it 3 years ago |\n",
			want: map[string]string{"Go": "required"}},
	})
}

// TestClassVagueYearsCounted: a vague count of years with the number in an
// aside ("a few years (we think around three)") asks for that number,
// hedged as its aside is, and for a skill only if no clause of its own
// stands between ("… building web shops and you know React well").
func TestClassVagueYearsCounted(t *testing.T) {
	runClass(t, []classCase{
		{posting: "You've spent a few years (we think around three) building web apps in React.\n", years: "3?"},
		{posting: "Requirements\n- Several years (at least four) of backend work in Go\n", years: "4"},
		{posting: "You have a couple of years (ideally two or more) shipping Kotlin apps.\n", years: "2?"},
		// A clause of its own between the years and a skill: the job's years.
		{posting: "You've spent a few years (we think around three) building web shops and you know React well.\n", years: "3?", want: map[string]string{"React": "required"}},
		{posting: "Requirements\n- Five years building web shops and you know React well\n", years: "5", want: map[string]string{"React": "required"}},
	})
	// Counter-case: a number in brackets that counts something else.
	runClass(t, []classCase{
		{posting: "You've spent a few years building web apps in React (three of our apps are in it).\n", years: "0"},
	})
}

// TestClassWishForQualifier: a leading wish after a skill that leads to a
// qualifier, not to another skill ("AWS, ideally with a certification"),
// wishes for the qualifier; the skill keeps its heading's strength.
func TestClassWishForQualifier(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Deep hands-on Azure, ideally with a certification\n", want: map[string]string{"Microsoft Azure": "required"}},
		{posting: "Requirements\n- Solid PostgreSQL, preferably with some time on call\n", want: map[string]string{"PostgreSQL": "required"}},
	})
	// Counter-cases: the wish bears on the skill, or on a skill after it.
	runClass(t, []classCase{
		{posting: "Requirements\n- Azure, ideally\n", want: map[string]string{"Microsoft Azure": "preferred"}},
		{posting: "Requirements\n- Elixir, ideally with Phoenix\n", want: map[string]string{"Elixir": "required", "Phoenix": "preferred"}},
	})
}

// TestClassRolesSlashed: kinds of work listed with slashes before "roles"
// after a number of years ("5+ yrs in SRE / DevOps / platform roles") are
// roles, each of them.
func TestClassRolesSlashed(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- 4+ yrs in SRE / DevOps / platform roles\n- Go\n", want: map[string]string{"DevOps": "", "Site Reliability Engineering": "", "Go": "required"}, years: "4"},
		{posting: "Requirements\n- Six years in platform / DevOps / SRE roles\n- Go\n", want: map[string]string{"DevOps": "", "Site Reliability Engineering": ""}, years: "6"},
	})
	// Counter-case: a kind of work asked for as such.
	runClass(t, []classCase{
		{posting: "Requirements\n- Hands-on DevOps / CI practice, no matter the roles you held\n", want: map[string]string{"DevOps": "required"}},
	})
}

// TestClassFundingRound: the letter of a funding round ("Series C") is no
// language; the language beside such words still is.
func TestClassFundingRound(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Go\n\nWe are a fintech (Series C, 300 staff) and we want you to join.\n", want: map[string]string{"C": "", "Go": "required"}},
		{posting: "Requirements\n- Go\n\nFresh from our Series B round, we are hiring.\n", want: map[string]string{"Go": "required"}},
		// Counter-case: the language itself.
		{posting: "Requirements\n- C and a series of embedded projects\n", want: map[string]string{"C": "required"}},
	})
}

// TestClassIdealAfter: "… is ideal", "… would be ideal" after skills
// wishes for them, as "is a plus" does; "the ideal candidate" asks.
func TestClassIdealAfter(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Solid SQL; MySQL or MariaDB is ideal\n", want: map[string]string{"SQL": "required", "MySQL": "preferred", "MariaDB": "preferred"}, groups: []string{}},
		{posting: "Requirements\n- Go\n- Some time with Kafka would be ideal\n", want: map[string]string{"Go": "required", "Apache Kafka": "preferred"}},
	})
	// Counter-case: the ideal candidate.
	runClass(t, []classCase{
		{posting: "Requirements\n- The ideal candidate has shipped Go services\n", want: map[string]string{"Go": "required"}},
	})
}

// TestClassCareAndNoLonger: "you care about" asks, as "you know" does;
// "we don't write X any more" asks for nothing.
func TestClassCareAndNoLonger(t *testing.T) {
	runClass(t, []classCase{
		{posting: "We build maps. You care about performance and can write Rust when it counts.\n", want: map[string]string{"Rust": "required"}},
		{posting: "We build maps. You genuinely care about PostgreSQL performance.\n", want: map[string]string{"PostgreSQL": "required"}},
		{posting: "We build maps in TypeScript; we don't write plain JavaScript any more.\n", want: map[string]string{"JavaScript": ""}},
		{posting: "Our jobs moved to Go, and we do not run Perl anywhere now.\n", want: map[string]string{"Perl": ""}},
	})
	// Counter-cases: the team's care, and what the team writes.
	runClass(t, []classCase{
		{posting: "We build maps. We care about PostgreSQL performance.\n", want: map[string]string{"PostgreSQL": "preferred"}},
		{posting: "We build maps. We write Rust, and we don't write much else.\n", want: map[string]string{"Rust": "preferred"}},
		// Without the comma: "and we" starts a clause of its own.
		{posting: "We build maps. We write Rust and we don't write much else.\n", want: map[string]string{"Rust": "preferred"}},
		{posting: "Requirements\n- You know Go and we don't need Java\n", want: map[string]string{"Go": "required", "Java": ""}},
		{posting: "Requirements\n- Kotlin and you should know Gradle\n", want: map[string]string{"Kotlin": "required", "Gradle": "required"}},
	})
}

// TestClassSeniorRole: a kind of work after a seniority ("Senior SRE
// opportunity", "a junior QA") names a person, not a skill.
func TestClassSeniorRole(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Subject: Senior SRE opportunity in Leeds\n\nRequirements\n- Go\n", want: map[string]string{"Site Reliability Engineering": "", "Go": "required"}},
		{posting: "Requirements\n- Go\n\nYou will mentor a junior DevOps hire.\n", want: map[string]string{"DevOps": ""}},
	})
	// Counter-case: the kind of work asked for.
	runClass(t, []classCase{
		{posting: "Requirements\n- Senior-level DevOps practice\n", want: map[string]string{"DevOps": "required"}},
		{posting: "Requirements\n- You will lead DevOps adoption across teams\n", want: map[string]string{"DevOps": "required"}},
	})
}

// TestClassFieldYearsOfExperience: years "of experience in" a kind of work
// ("three years of experience in information security or systems
// administration") are the job's years, as "three years in information
// security" are, not a skill's minimum.
func TestClassFieldYearsOfExperience(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Minimum qualifications\n- Three years of experience in information security or systems administration\n- Python\n", years: "3", want: map[string]string{"Security": "required"}},
		{posting: "Minimum qualifications\n- 4 years of professional experience in application security\n- Python\n", years: "4", want: map[string]string{"Security": "required"}},
	})
	// Counter-case: years of experience in a technology.
	runClass(t, []classCase{
		{posting: "Minimum qualifications\n- Three years of experience in Python\n- Go\n", want: map[string]string{"Python": "required@3"}},
	})
}

// TestClassDegreeFieldNotSkill: a degree's field spelled with a skill's
// word ("information security", "cyber security") is the field, not the
// skill, wherever the statement names it.
func TestClassDegreeFieldNotSkill(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- A bachelor's degree in cyber security or computer science\n- Python\n", want: map[string]string{"Security": "", "Python": "required"}, degree: "bachelor"},
		{posting: "Requirements\n- BSc in Information Security, plus two years of experience in information security or IT support\n- Splunk\n",
			want: map[string]string{"Security": "", "Splunk": "required"}, years: "2"},
		{posting: "Minimum qualifications\n- Bachelor's degree in information security\n\nPreferred qualifications\n- Five years of application security experience\n",
			want: map[string]string{"Security": "preferred@5"}},
	})
	// Counter-case: the skill beside a degree in another field.
	runClass(t, []classCase{
		{posting: "Requirements\n- A degree in computer science and hands-on application security experience\n", want: map[string]string{"Security": "required"}},
	})
}

// TestClassKindOfAlternatives: a kind of work that introduces its
// alternatives ("a data warehouse such as Snowflake or BigQuery") is asked
// for through them, in a sentence or across a table row's cells.
func TestClassKindOfAlternatives(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Experience with a cloud data warehouse such as Snowflake, BigQuery or Redshift\n",
			want: map[string]string{"Data Warehousing": ""}, groups: []string{"Snowflake,BigQuery,Amazon Redshift"}},
		{posting: "Requirements\n- A data warehouse: BigQuery or Snowflake\n- Python\n",
			want: map[string]string{"Data Warehousing": "", "Python": "required"}, groups: []string{"BigQuery,Snowflake"}},
		{posting: "| Skill | Level | Notes |\n|---|---|---|\n| Data warehousing | Required | one of Snowflake or BigQuery |\n| Python | Required | |\n",
			want: map[string]string{"Data Warehousing": "", "Python": "required"}, groups: []string{"Snowflake,BigQuery"}},
	})
	// Counter-cases: a technology before its variants or parts, and a
	// kind asked for beside alternatives it does not introduce.
	runClass(t, []classCase{
		{posting: "Requirements\n- Working knowledge of Linux (Ubuntu or Red Hat)\n", want: map[string]string{"Linux": "required"}},
		{posting: "Requirements\n- Familiarity with AWS services such as S3 or Lambda\n", want: map[string]string{"AWS": "preferred"}},
		{posting: "Requirements\n- Data warehousing, and Snowflake or BigQuery\n", want: map[string]string{"Data Warehousing": "required"}, groups: []string{"Snowflake,BigQuery"}},
		{posting: "| Skill | Level | Notes |\n|---|---|---|\n| Data warehousing | Required | we use Snowflake |\n", want: map[string]string{"Data Warehousing": "required"}},
	})
}

// TestClassYearsForAfterSkill: years written after the skill, with how it
// was used between ("TypeScript for at least two years", "Python
// (pandas), used daily for three years", "iOS apps professionally for
// eight years or more"), are the skill's; in brackets inside the list,
// the skills only say what it was used with.
func TestClassYearsForAfterSkill(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- You have written Kotlin for at least four years\n", want: map[string]string{"Kotlin": "required@4"}},
		{posting: "Requirements\n- Solid Go (gRPC, Protocol Buffers), used in production for three years or more\n",
			want: map[string]string{"Go": "required@3", "gRPC": "required", "Protocol Buffers": "required"}},
		{posting: "You have been building Android apps commercially for six years.\n", want: map[string]string{"Android": "required@6"}},
	})
	// Counter-cases: years of a clause of their own.
	runClass(t, []classCase{
		{posting: "Requirements\n- Kotlin, and you have led teams for five years\n", want: map[string]string{"Kotlin": "required"}, years: "5"},
		{posting: "Requirements\n- Kotlin; our company has shipped apps for twelve years\n", want: map[string]string{"Kotlin": "required"}, years: "0"},
	})
}

// TestClassThirteenthSet: cues found with the thirteenth blind set, each
// in phrasings of our own: a key before a colon that names skills is the
// item's first clause, not a label; "we use the former" is the team's
// choice among alternatives; "you've" with a verb of experience; "we
// happen to use"; "and … too" after a wish; a security check or vetting
// is no skill.
func TestClassThirteenthSet(t *testing.T) {
	runClass(t, []classCase{
		{posting: "About you\n- you've worked with queues, Kafka or RabbitMQ: we use the latter but either is fine\n", groups: []string{"Apache Kafka,RabbitMQ"}},
		{posting: "About you\n- you've run Postgres or MySQL in production: we use both\n", groups: []string{"PostgreSQL,MySQL"}},
		{posting: "About you\n- you've shipped Swift code\n- you have led a team; we happen to use Jira.\n", want: map[string]string{"Swift": "required", "Jira": "preferred"}},
		{posting: "What you bring: strong C. Go is a plus, and a little Rust too.\n", want: map[string]string{"C": "required", "Go": "preferred", "Rust": "preferred"}},
		{posting: "Requirements\n- Java\n- You must be able to pass a Security Check (SC) clearance\n- Security vetting is done by us\n", want: map[string]string{"Java": "required", "Security": ""}},
	})
	// Counter-cases: a label before a colon, the team's tools as a
	// description, "and" without "too".
	runClass(t, []classCase{
		{posting: "Our stack: we use Go and Postgres\n\nRequirements\n- Python\n", want: map[string]string{"Go": "preferred", "Python": "required"}},
		{posting: "Nice to have: Docker\n\nRequirements\n- Python\n", want: map[string]string{"Docker": "preferred", "Python": "required"}},
		{posting: "What you bring: Go is a plus, and strong Rust.\n", want: map[string]string{"Go": "preferred", "Rust": "required"}},
		{posting: "Requirements\n- Application security experience\n", want: map[string]string{"Security": "required"}},
	})
}

// TestClassDegreeWishedHigher: a higher degree wished for leaves the one
// required; "No degree requirements" dismisses.
func TestClassDegreeWishedHigher(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- Go\n- Master's degree in statistics\n\nPreferred qualifications\n- A PhD in statistics would be a plus\n", degree: "master"},
		{posting: "Requirements\n- Go\n\nNo degree requirements. Show us what you have built.\n", degree: "none"},
	})
	// Counter-case: a lower degree wished for hedges the one required.
	runClass(t, []classCase{
		{posting: "Requirements\n- Go\n- Master's degree in physics\n\nNice to have\n- A bachelor's degree with a strong record is also welcome\n", degree: "bachelor?"},
	})
}

// TestClassMatrixYearsBeforeStrength: a skills table whose cells a PDF
// joined with spaces, its years before the strength ("C# 3+ Required")
// and an "Importance" column.
func TestClassMatrixYearsBeforeStrength(t *testing.T) {
	runClass(t, []classCase{
		{posting: "What you'll need\nSkill Years Importance\nKotlin 4+ Required\nDocker – Required\nGraphQL 2+ Nice to have\n",
			want: map[string]string{"Kotlin": "required@4", "Docker": "required", "GraphQL": "preferred@2"}},
		{posting: "Requirements\nTechnology Priority Years\nSwift Required 3+\n", want: map[string]string{"Swift": "required@3"}},
	})
}

// TestClassFourteenthSet: classes found with the fourteenth blind set,
// each in phrasings of our own.
func TestClassFourteenthSet(t *testing.T) {
	runClass(t, []classCase{
		// An alternative named again in its own statement, with a cue.
		{posting: "Requirements\n- Java or Kotlin (our services are mostly Kotlin, but we'd gladly hire a strong Java developer)\n", groups: []string{"Java,Kotlin"}},
		// A name we do not know, of several words, among the alternatives.
		{posting: "Requirements\n- A message queue, for example RabbitMQ, TIBCO EMS or Kafka\n", groups: []string{"RabbitMQ,Apache Kafka"}},
		// "ours run on": the team's tools.
		{posting: "Requirements\n- Experience with CI/CD pipelines; ours run on GitLab CI\n", want: map[string]string{"CI/CD": "required", "GitLab CI": "preferred"}},
		// A stand-in after ", and": "… experience counts".
		{posting: "Requirements\n- Version control in a team; we use Mercurial, and Git experience counts\n", groups: []string{"Mercurial,Git"}},
		// Asked for, then said to be learnable.
		{posting: "Requirements\n- Solid Kubernetes knowledge. A good Linux engineer can learn Kubernetes quickly, though.\n",
			want: map[string]string{"Kubernetes": "preferred", "Linux": "required"}},
		// Years after "including", and after a version in brackets.
		{posting: "Requirements\n- Experience building APIs in Go, including at least two years of production experience\n", want: map[string]string{"Go": "required@2"}},
		{posting: "| Skill | Notes | Required |\n|---|---|---|\n| Java | Java (17 or later), 6+ years | Yes |\n", want: map[string]string{"Java": "required@6"}},
		// A kind of work naming a team is no skill.
		{posting: "Our QA team of four tests every release.\n\nRequirements\n- Python\n", want: map[string]string{"QA": ""}},
	})
	runClass(t, []classCase{
		{posting: "Requirements\n- Go\n\nDegrees are irrelevant to us.\n", degree: "none"},
		{posting: "Requirements\n- B.E / B.Tech / MCA in computer science is mandatory\n", degree: "bachelor"},
		{posting: "Requirements\n- M.Tech or MCA\n", degree: "master"},
		{posting: "Requirements\n- Go\n\nA tertiary qualification in IT would be highly regarded.\n", degree: "bachelor?"},
	})
	// Counter-cases.
	runClass(t, []classCase{
		{posting: "Requirements\n- Java or Kotlin; strong Kotlin is a must\n", want: map[string]string{"Kotlin": "required"}},
		{posting: "Requirements\n- Python, including at least 2 years with Django\n", want: map[string]string{"Django": "required@2", "Python": "required"}},
		{posting: "You will join an Agile team.\n\nRequirements\n- Experience in Agile teams\n", want: map[string]string{"Agile": "required"}},
		{posting: "Requirements\n- Kubernetes, which we can teach\n- You can learn a lot here\n- Go\n", want: map[string]string{"Kubernetes": "preferred", "Go": "required"}},
	})
}

// TestClassMinimumWithUnknownNames: "at least two of" a list with names we
// do not know lowers the minimum by each, since a candidate may have
// them; with none left, the alternatives are only wished for.
func TestClassMinimumWithUnknownNames(t *testing.T) {
	runClass(t, []classCase{
		{posting: "Requirements\n- At least two of: Airflow, dbt, Spark or Prefect\n", groups: []string{"Apache Airflow,dbt,Apache Spark"}},
		{posting: "Requirements\n- At least two of: Airflow, dbt, Dagster, Luigi\n", groups: []string{}, want: map[string]string{"Apache Airflow": "preferred", "dbt": "preferred"}},
		{posting: "Requirements\n- At least two of Kafka, Pulsar, RabbitMQ and NATS\n", groups: []string{"Apache Kafka,RabbitMQ,NATS"}},
	})
	// Counter-case: every name known.
	runClass(t, []classCase{
		{posting: "Requirements\n- At least two of: Airflow, dbt, Spark\n", groups: []string{"Apache Airflow,dbt,Apache Spark/2"}},
	})
}

// TestTableCellNamingAKindIsNoLabel: a table cell that only names a kind
// ("Problem-solving skills") is not the heading its row's skills are
// explained under; one that says how much the row is wanted is.
func TestTableCellNamingAKindIsNoLabel(t *testing.T) {
	for _, tt := range []struct{ posting, rule, heading string }{
		{"Requirements\nTechnical Skills | Soft Skills |\n---|---|\nProficiency in Java or Kotlin | Problem-solving skills |\n", "one of [Java Kotlin]", "Requirements"},
		{"Requirements\n| Skill | Level |\n|---|---|\n| Go | Nice to have |\n", "preferred Go", "Nice to have"},
	} {
		_, reasons := DefaultTaxonomy().DeriveExplained(tt.posting)
		found := false
		for _, r := range reasons {
			if r.Rule == tt.rule {
				found = true
				if r.Heading != tt.heading {
					t.Errorf("%q: %s explained under %q, want %q", tt.posting, r.Rule, r.Heading, tt.heading)
				}
			}
		}
		if !found {
			t.Errorf("%q: no reason for %s in %+v", tt.posting, tt.rule, reasons)
		}
	}
}

// TestExplainMergedGroup: a group merged from several statements is
// explained by each of them.
func TestExplainMergedGroup(t *testing.T) {
	_, reasons := DefaultTaxonomy().DeriveExplained("Requirements\n- MySQL or MongoDB\n- Experience with MySQL, Oracle or PostgreSQL\n")
	for _, r := range reasons {
		if strings.HasPrefix(r.Rule, "one of") {
			if r.Statement != "MySQL or MongoDB" || !slices.Equal(r.Also, []string{"Experience with MySQL, Oracle or PostgreSQL"}) {
				t.Errorf("group explained by %q and %q, want both statements", r.Statement, r.Also)
			}
			return
		}
	}
	t.Errorf("no group in %+v", reasons)
}

// TestClassFifteenthSet: classes found with the fifteenth blind set, each
// in phrasings of our own.
func TestClassFifteenthSet(t *testing.T) {
	runClass(t, []classCase{
		// "Would be good" heads wishes.
		{posting: "You'll need\n- Go\n\nWould be good\n- Redis\n", want: map[string]string{"Go": "required", "Redis": "preferred"}},
		// "two-plus years": a number, not "a plus".
		{posting: "Requirements\n- Rust, three-plus years\n", want: map[string]string{"Rust": "required@3"}},
		// The team's product named by a skill is no wish for it.
		{posting: "Mobile Developer (iOS & Android)\n\nNice to have\n- Swift, for the older parts of the iOS app\n\nRequirements\n- Kotlin\n", want: map[string]string{"iOS": "required", "Android": "required"}},
		// A preposition repeated after "or".
		{posting: "Requirements\n- You can analyse data in SQL or in Python\n", groups: []string{"SQL,Python"}},
		// A wish in the list's own bracket.
		{posting: "Requirements\n- Strong experience with CI/CD (GitLab CI preferred)\n", want: map[string]string{"CI/CD": "required", "GitLab CI": "preferred"}},
		// A negation with its own object.
		{posting: "Requirements\n- You are at home in Sass and don't need a framework for every layout\n", want: map[string]string{"Sass": "required"}},
		// Headings that put aside.
		{posting: "Requirements\n- Go\n\nDon't worry about\n- Kubernetes\n- A degree: we don't check\n", want: map[string]string{"Kubernetes": ""}, degree: "none"},
		{posting: "Requirements\n- Go\n\nNot a requirement\n- Terraform\n", want: map[string]string{"Terraform": ""}},
		// An investigation, not a skill.
		{posting: "Requirements\n- Go\n\nYou must pass a government security investigation.\n", want: map[string]string{"Security": ""}},
	})
	// Counter-cases.
	runClass(t, []classCase{
		{posting: "Requirements\n- Python, and you don't need Kubernetes\n", want: map[string]string{"Python": "required", "Kubernetes": ""}},
		{posting: "Requirements\n- Kafka (we use it everywhere)\n", want: map[string]string{"Apache Kafka": "required"}},
		{posting: "Requirements\n- Java, 5 plus years\n- A plus: Kotlin\n", want: map[string]string{"Java": "required@5", "Kotlin": "preferred"}},
	})
}

// TestClassSixteenthSet: classes found with the sixteenth blind set, each
// in phrasings of our own.
func TestClassSixteenthSet(t *testing.T) {
	runClass(t, []classCase{
		// A name shared by the words after a conjunction.
		{posting: "Requirements\n- Unit and integration tests for every change\n", want: map[string]string{"Unit Testing": "required", "Integration Testing": "required"}},
		// A product that contains another skill's name.
		{posting: "We run on Red Hat OpenShift.\n\nRequirements\n- Java\n", want: map[string]string{"Red Hat Enterprise Linux": "", "OpenShift": "preferred"}},
		// Years after "typically gained over", and after an apostrophe.
		{posting: "Requirements\n- Solid experience with Go, typically gained over three years or more\n", want: map[string]string{"Go": "required@3"}},
		{posting: "Requirements\n- 2-4 years' commercial Ruby development\n", want: map[string]string{"Ruby": "required@2"}},
		// "Up to" a number of years is a maximum.
		{posting: "Requirements\n- Up to 2 years of professional experience\n- JavaScript\n", years: "0"},
		// "without reaching for", "alone isn't enough".
		{posting: "Requirements\n- You write TypeScript without reaching for Lodash\n", want: map[string]string{"TypeScript": "required", "Lodash": ""}},
		{posting: "Requirements\n- Infrastructure as code with Pulumi (Terraform alone isn't enough)\n", want: map[string]string{"Pulumi": "required", "Terraform": ""}},
		// A kind of work before a role's other word.
		{posting: "QA Automation Engineer\n\nRequirements\n- Playwright\n", want: map[string]string{"QA": "", "Playwright": "required"}},
		// A title's slash joins, it offers no choice.
		{posting: "Backend Developer (Kotlin / Spring)\n\nRequirements\n- PostgreSQL\n", want: map[string]string{"Kotlin": "required", "Spring": "required"}, groups: []string{}},
		// A labelled degree with a stance of its own, after a heading that dismisses.
		{posting: "Requirements\n- Go\n\nNot required\nPrior fintech experience.\n\nDegree: a Bachelor's in Computer Science is preferred.\n", degree: "bachelor?"},
		// A route that is no degree, in other words.
		{posting: "Requirements\n- You have a degree, or you have finished a coding bootcamp\n", degree: "bachelor?"},
	})
	// Counter-cases.
	runClass(t, []classCase{
		{posting: "Requirements\n- No less than five years of Go\n", want: map[string]string{"Go": "required@5"}},
		{posting: "Mobile Developer (iOS or Android)\n\nRequirements\n- Git\n", groups: []string{"iOS,Android"}},
		{posting: "Not needed\n- Degree: we look at your work instead\n", degree: "none"},
		{posting: "Requirements\n- Data and machine learning pipelines\n", want: map[string]string{"Machine Learning": "required"}},
	})
}

// TestClassSeventeenthSet: classes found with the seventeenth blind set,
// each in phrasings of our own.
func TestClassSeventeenthSet(t *testing.T) {
	runClass(t, []classCase{
		// An alternative named again in the next sentence of its item.
		{posting: "Requirements\n- Strong Go, or Rust; our newer tools are in Rust but the core is Go.\n", groups: []string{"Go,Rust"}},
		// "which means" asks what the clause before asks.
		{posting: "Requirements\n- Angular, which means solid TypeScript and RxJS\n", want: map[string]string{"TypeScript": "required", "RxJS": "required"}},
		// The post's own years.
		{posting: "Requirements\n- Python\n\nThe post is funded by a research grant for its first three years.\n", years: "0"},
		// A kind of work before a slash and a role.
		{posting: "Our first DevOps / Platform Engineer\n\nRequirements\n- Terraform\n", want: map[string]string{"DevOps": "", "Terraform": "required"}},
		// A certification named after Security, and pull-request reviews.
		{posting: "Requirements\n- Git and pull-request reviews\n- A security certification such as CISSP\n", want: map[string]string{"Code Review": "required", "Security": ""}},
		// People who hold a degree are no degree asked for.
		{posting: "What you'll do\n- Teach Git to PhD students\n\nRequirements\n- Python\n", degree: "none"},
		// Stand-ins in brackets for the skill right before them, of other
		// kinds than it and each other.
		{posting: "Requirements\n- Services in Java (Kotlin or Scala would also be fine)\n", groups: []string{"Java,Kotlin,Scala"}},
		{posting: "Requirements\n- Infrastructure as code with Terraform (Pulumi or CloudFormation would also be fine)\n", groups: []string{"Terraform,Pulumi,AWS CloudFormation"}},
	})
	// Counter-cases.
	runClass(t, []classCase{
		{posting: "Requirements\n- Strong Go, or Rust; and Kafka\n", groups: []string{"Go,Rust"}, want: map[string]string{"Apache Kafka": "required"}},
		{posting: "Requirements\n- Enrolled in a Bachelor's program in Computer Science\n", degree: "bachelor?"},
	})
	d := DefaultTaxonomy().Derive("Requirements\n- A degree in Cyber Security or cybersecurity engineering\n").Degree
	if d == nil || !slices.Equal(d.Fields, []string{"Cybersecurity"}) {
		t.Errorf("degree %+v, want the field Cybersecurity once", d)
	}
}

// TestClassEighteenthSet: classes found with the eighteenth blind set,
// each in phrasings of our own.
func TestClassEighteenthSet(t *testing.T) {
	runClass(t, []classCase{
		// "Make sure" is no build tool.
		{posting: "What you'll do\n- Make sure every service has alerts\n\nRequirements\n- Go\n", want: map[string]string{"Make": ""}},
		// A consequence of the team's tool asks for it.
		{posting: "We deploy everything with Terraform, so some experience with it is expected.\n", want: map[string]string{"Terraform": "required"}},
		// A part of the years spent supporting a kind of work.
		{posting: "Requirements\n- 6+ years in backend engineering, with at least 3 of them supporting Kafka platforms\n", want: map[string]string{"Apache Kafka": "required@3"}, years: "6"},
	})
	// Counter-cases.
	runClass(t, []classCase{
		{posting: "Requirements\n- Builds with Make and CMake\n", want: map[string]string{"Make": "required"}},
		{posting: "We use Terraform. Some experience with Kubernetes is a plus.\n", want: map[string]string{"Terraform": "preferred"}},
	})
}

// TestClassNineteenthSet: classes found with the nineteenth blind set,
// each in phrasings of our own.
func TestClassNineteenthSet(t *testing.T) {
	runClass(t, []classCase{
		// Years a posting says would suit it are the candidate's.
		{posting: "About you\nAround three years of Python work would suit us well.\n", years: "3?"},
		// A wish that ends the clause is said of all it names.
		{posting: "Requirements\n- Experience with Terraform using Terragrunt would be an advantage\n- Go\n", want: map[string]string{"Terraform": "preferred", "Go": "required"}},
		// A field of work offered in place of the skill: the job's years.
		{posting: "Requirements\n- At least 4 years of applied statistics or operations research experience\n", years: "4", want: map[string]string{"Statistics": "required"}},
		// "REST Assured" is a library, not REST; "agile team" is Agile.
		{posting: "Requirements\n- Experience working in an agile team\n- API tests with REST Assured\n", want: map[string]string{"Agile": "required", "REST": ""}},
		// The team's systems that "have run on" a technology describe it.
		{posting: "Our booking systems have run on PostgreSQL for twenty years.\n\nRequirements\n- Java\n", want: map[string]string{"PostgreSQL": "preferred"}},
	})
	// Counter-cases.
	runClass(t, []classCase{
		{posting: "Requirements\n- 4 years of Python or Go experience\n", groups: []string{"Python,Go"}},
		{posting: "Requirements\n- Experience with Terraform; Pulumi would be an advantage\n", want: map[string]string{"Terraform": "required", "Pulumi": "preferred"}},
	})
}
