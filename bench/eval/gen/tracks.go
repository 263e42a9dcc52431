package main

// skill is a taxonomy skill (Canon, the canonical name in
// rules/taxonomy.txt) and the ways resumes write it.
type skill struct {
	Canon string
	Forms []string // empty means Canon itself
}

// track is a kind of job: the titles people hold and the skills they use.
type track struct {
	Label  string   // headline under the name
	Titles []string // role titles, none of them a skill
	Skills []skill
	Groups []string // names of the skills section's groups
}

func s(canon string, forms ...string) skill { return skill{canon, forms} }

var tracks = map[string]track{
	"backend": {
		Label:  "Backend Engineer",
		Titles: []string{"Software Engineer", "Backend Engineer", "Senior Software Engineer", "Staff Engineer", "Junior Developer"},
		Skills: []skill{s("Go", "Go", "Golang"), s("Java"), s("Python"), s("PostgreSQL", "PostgreSQL", "Postgres"), s("MySQL"), s("Redis"),
			s("Apache Kafka", "Kafka", "Apache Kafka"), s("gRPC"), s("Docker"), s("Kubernetes", "Kubernetes", "K8s"), s("Spring", "Spring Boot"),
			s("Django"), s("Flask"), s("Node.js", "Node.js", "NodeJS"), s("Microservices", "microservices"), s("RabbitMQ"), s("MongoDB"),
			s("AWS"), s("C#"), s(".NET", ".NET Core"), s("Ruby on Rails", "Ruby on Rails", "Rails"), s("PHP"), s("Laravel"), s("Elasticsearch"), s("Git")},
		Groups: []string{"Languages", "Data stores", "Platform"},
	},
	"frontend": {
		Label:  "Frontend Developer",
		Titles: []string{"Frontend Developer", "UI Engineer", "Web Developer", "Senior Frontend Engineer", "Lead Web Developer"},
		Skills: []skill{s("JavaScript"), s("TypeScript"), s("React", "React", "ReactJS"), s("Vue.js", "Vue.js", "Vue"), s("Angular"), s("Redux"),
			s("HTML", "HTML5", "HTML"), s("CSS", "CSS3", "CSS"), s("Sass", "Sass", "SCSS"), s("Webpack"), s("Jest"), s("Next.js"), s("Figma"),
			s("Storybook"), s("GraphQL"), s("Tailwind CSS"), s("Cypress"), s("Node.js")},
		Groups: []string{"Languages", "Frameworks", "Tools"},
	},
	"data": {
		Label:  "Data Scientist",
		Titles: []string{"Data Scientist", "Data Analyst", "Senior Data Scientist", "Data Engineer", "Research Analyst"},
		Skills: []skill{s("Python"), s("SQL"), s("Pandas"), s("NumPy"), s("scikit-learn"), s("TensorFlow"), s("PyTorch"),
			s("Apache Spark", "Apache Spark", "PySpark"), s("Apache Airflow", "Airflow"), s("Tableau"), s("Power BI"), s("BigQuery"),
			s("Snowflake"), s("Jupyter"), s("Machine Learning", "machine learning"), s("R"), s("dbt"), s("Looker")},
		Groups: []string{"Languages", "Libraries", "Platforms"},
	},
	"devops": {
		Label:  "Cloud Infrastructure Engineer",
		Titles: []string{"Infrastructure Engineer", "Platform Engineer", "Systems Engineer", "Cloud Engineer", "Senior Platform Engineer"},
		Skills: []skill{s("Terraform"), s("Ansible"), s("Kubernetes"), s("Docker"), s("AWS"), s("Microsoft Azure", "Azure"), s("Google Cloud", "GCP", "Google Cloud"),
			s("Jenkins"), s("GitHub Actions"), s("GitLab CI"), s("Prometheus"), s("Grafana"), s("Helm"), s("Linux"), s("Bash"), s("Python"),
			s("CI/CD"), s("Nginx"), s("ELK Stack", "ELK", "Kibana")},
		Groups: []string{"Cloud", "Automation", "Monitoring"},
	},
	"mobile": {
		Label:  "Mobile Developer",
		Titles: []string{"Mobile Developer", "Mobile Engineer", "App Developer", "Senior Mobile Engineer"},
		Skills: []skill{s("Swift"), s("Kotlin"), s("iOS"), s("Android"), s("Flutter"), s("Dart"), s("React Native"), s("Firebase"),
			s("Objective-C"), s("Xcode"), s("Java"), s("GraphQL")},
		Groups: []string{"Languages", "Platforms", "Tools"},
	},
	"qa": {
		Label:  "Software Quality Engineer",
		Titles: []string{"Quality Engineer", "Software Tester", "Senior Quality Engineer", "Test Lead"},
		Skills: []skill{s("Selenium", "Selenium", "Selenium WebDriver"), s("Cypress"), s("Playwright"), s("JMeter"), s("Postman"), s("Java"),
			s("Python"), s("PyTest", "pytest"), s("TestNG"), s("Jira"), s("Appium"), s("Jenkins"), s("SQL"), s("Cucumber")},
		Groups: []string{"Tools", "Languages"},
	},
	"embedded": {
		Label:  "Embedded Software Engineer",
		Titles: []string{"Embedded Software Engineer", "Firmware Engineer", "Senior Firmware Engineer", "Electronics Engineer"},
		Skills: []skill{s("C"), s("C++"), s("Embedded Linux", "Embedded Linux", "Yocto"), s("RTOS", "FreeRTOS", "RTOS"), s("Python"),
			s("Linux"), s("Git"), s("CMake"), s("Bash"), s("MATLAB")},
		Groups: []string{"Languages", "Systems", "Tools"},
	},
	"pm": {
		Label:  "Technical Project Manager",
		Titles: []string{"Project Manager", "Delivery Manager", "Programme Manager", "Product Owner"},
		Skills: []skill{s("Agile"), s("Scrum"), s("Kanban"), s("Jira"), s("Confluence"), s("SQL"), s("Excel"), s("Tableau"), s("Power BI")},
		Groups: []string{"Methods", "Tools"},
	},
}

// templates are work highlights; each %s is a skill (as written). They
// hold no other taxonomy term: the generator's test checks that the
// highlights mention exactly the skills it records.
var templates = map[int][]string{
	0: {
		"Reduced support tickets by a third through clearer onboarding",
		"Hired and onboarded six engineers",
		"Presented quarterly results to the leadership group",
		"Cut the monthly hosting bill by 18%",
		"Coordinated the move to a new office and a new on-call rota",
	},
	1: {
		"Introduced %s to three product teams",
		"Maintained a %s codebase of about 200,000 lines",
		"Mentored four junior colleagues in %s",
		"Wrote the internal style guide for %s",
		"Owned the %s upgrade across twelve services",
		"Ran the team on %s for two years",
	},
	2: {
		"Built the order pipeline with %s and %s",
		"Moved nightly reporting from %s to %s, halving run time",
		"Designed a billing service on %s with %s for storage",
		"Automated releases using %s and %s",
		"Set up dashboards in %s fed by %s",
	},
	3: {
		"Delivered a customer portal using %s, %s and %s",
		"Day to day: %s, %s, %s",
		"Rebuilt the partner integration in %s on top of %s and %s",
	},
}

// companies employ the candidates; the trap names hold a word that is
// also a skill's name and is not a skill here.
var (
	companies = []string{"Northwind Analytics", "Bluepeak Systems", "Harbor & Finch", "Lumen Retail", "Kestrel Bank", "Orchard Health",
		"Vireo Labs", "Tessellate GmbH", "Cobalt Freight", "Nimbus Media", "Ironwood Insurance", "Calder Energy", "Parsec Games",
		"Brightline Telecom", "Quarry Street Studio", "Meridian Travel", "Saltmarsh Logistics", "Aurelian Capital", "Fernhill Foods", "Tidewater Labs"}
	trapCompanies = []string{"Express Couriers Ltd", "Spring Valley Foods", "Swift Freight Lines"}
	universities  = []string{"University of Eastmoor", "Riverside Technical University", "Northgate Polytechnic", "Lakeshore University",
		"Instituto Tecnológico del Valle", "Highfield College"}
	degrees = []struct{ StudyType, Area string }{
		{"Bachelor of Science", "Computer Science"}, {"Master of Science", "Computer Science"}, {"Bachelor of Engineering", "Electrical Engineering"},
		{"Master of Science", "Mathematics"}, {"Bachelor of Arts", "Economics"}, {"Bachelor of Science", "Information Systems"},
	}
)
