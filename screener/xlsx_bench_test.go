package screener

import (
	"fmt"
	"io"
	"testing"

	"github.com/screener/screener/rules"
)

func syntheticReport(n int) (*Report, *rules.Set) {
	set := &rules.Set{Required: []rules.Item{{Skill: "Docker"}}, OneOf: []rules.Group{{Skills: []string{"Go", "Java", "Python"}}},
		Preferred: []rules.Item{{Skill: "Terraform"}, {Skill: "AWS"}}}
	rep := &Report{RuleHash: "h"}
	for i := 0; i < n; i++ {
		var found []rules.Found
		for _, s := range []string{"AWS", "Docker", "Go", "Java", "Kubernetes", "PostgreSQL", "Python", "Terraform"} {
			found = append(found, rules.Found{Skill: s, Count: 2, Section: rules.SectionExperience,
				Evidence: fmt.Sprintf("Built %s services for client %d with a team of five engineers over two years", s, i)})
		}
		rep.Records = append(rep.Records, Record{File: fmt.Sprintf("/srv/inbox/resume-%05d.pdf", i), Status: StatusOK, Rank: i + 1,
			Score: float64(i%100) + 0.5, Name: fmt.Sprintf("Candidate %d", i), Email: fmt.Sprintf("c%d@example.com", i),
			Phone: "+44 20 7946 0000", Links: []string{"https://linkedin.com/in/c"}, Matched: []string{"Docker", "Go"},
			MatchedPreferred: []string{"AWS"}, SkillsFound: found})
		if i%4 == 0 { // a name guessed from the e-mail address: a cell note
			rep.Records[i].NameSource, rep.Records[i].Uncertain = "email", []string{"name"}
		}
	}
	rep.Counts = count(rep.Records)
	return rep, set
}

// BenchmarkWriteWorkbook writes a workbook of 3,000, 10,000 and 100,000
// candidates (a quarter with a note), and reports the time per candidate,
// which should not grow with their number; with -benchmem it shows the
// allocation per run.
//
//	go test ./screener -run '^$' -bench WriteWorkbook -benchtime 1x -benchmem
func BenchmarkWriteWorkbook(b *testing.B) {
	for _, n := range []int{3000, 10000, 100000} {
		b.Run(fmt.Sprintf("candidates=%d", n), func(b *testing.B) {
			rep, set := syntheticReport(n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := WriteWorkbook(io.Discard, rep, WorkbookOptions{Rules: set, Source: "rules.yaml"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/candidate")
		})
	}
}
