// Command genstate writes an SQLite state of N synthetic documents for
// benchmarks of the state (screener state migrate, above all), through
// the same Store calls a run makes: per document a file record, the
// extracted text (about 4 KB of plausible resume prose: real resumes'
// text runs 2 to 10 KB), the contact email and a scored result; one
// document in 50 is a failure with a reason and no text. Runs of up to
// 10,000 files each make the run history. A seeded generator makes the
// same state for the same N.
//
//	go run ./bench/genstate -n 200000 -out /tmp/state.db
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	out := flag.String("out", "state.db", "state `FILE` to write (must not exist)")
	flag.Parse()
	if _, err := os.Stat(*out); err == nil {
		log.Fatalf("%s exists; genstate writes a new state", *out)
	}
	start := time.Now()
	if err := write(*out, *n); err != nil {
		log.Fatal(err)
	}
	fi, _ := os.Stat(*out)
	fmt.Printf("wrote %d documents to %s (%d MB) in %s\n", *n, *out, fi.Size()>>20, time.Since(start).Round(time.Second))
}

var (
	words = strings.Fields(`engineer team platform services customers data pipeline latency migration design review
		production reliability ownership delivered improved reduced built maintained mentored release automation
		testing deployment monitoring incident architecture performance scalable backend frontend product roadmap
		stakeholders requirements analysis documentation integration security compliance infrastructure cloud`)
	skills = []string{"Go", "Java", "Python", "PostgreSQL", "MySQL", "Docker", "Kubernetes", "Terraform", "AWS", "Kafka", "Scrum", "React", "Linux", "Redis"}
)

func write(path string, n int) error {
	const perRun = 10000
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	db, err := state.Open(path, state.Options{StoreText: true, Now: func() time.Time { return now }})
	if err != nil {
		return err
	}
	mtime := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i += perRun {
		if _, err := db.BeginRun("bench-rules"); err != nil {
			return err
		}
		end := min(i+perRun, n)
		for k := i; k < end; k++ {
			name := fmt.Sprintf("inbox/%03d/r%07d.pdf", k/1000, k)
			text := resume(rng, k)
			f := screener.FileInfo{Path: "/srv/" + name, Name: name[len("inbox/"):], Size: int64(30000 + rng.IntN(30000)),
				ModTime: mtime.Add(time.Duration(k) * time.Second), SHA256: fmt.Sprintf("%064x", uint64(k)*0x9e3779b97f4a7c15)}
			if k%50 == 49 {
				err = db.Save(f, nil, screener.Record{Status: screener.StatusError, Error: parsers.ReasonEncrypted, Message: name + ": encrypted (hint: ask for a copy without a password)"}, "bench-rules")
			} else {
				doc := &parsers.Document{Format: parsers.PDF, Text: text, Pages: 1 + k%3, Bytes: f.Size, Title: fmt.Sprintf("Candidate %d", k)}
				err = db.Save(f, doc, record(rng, k), "bench-rules")
			}
			if err != nil {
				return err
			}
		}
		now = now.Add(24 * time.Hour)
		if err := db.EndRun(screener.Counts{Files: end - i, Screened: end - i}, end-i, 0); err != nil {
			return err
		}
	}
	return db.Close()
}

// resume is about 4 KB of text shaped like a resume's.
func resume(rng *rand.Rand, k int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Candidate %d\ncandidate%d@example.com\n+44 20 7946 %04d\n\nSkills\n", k, k, k%10000)
	for j := 0; j < 6; j++ {
		b.WriteString(skills[rng.IntN(len(skills))] + ", ")
	}
	b.WriteString("\n\nExperience\n")
	for b.Len() < 3500+rng.IntN(1000) {
		fmt.Fprintf(&b, "Senior Engineer, Firm %d — %d – %d\n", rng.IntN(500), 2010+rng.IntN(8), 2018+rng.IntN(8))
		for s := 0; s < 5; s++ {
			for w := 0; w < 14; w++ {
				b.WriteString(words[rng.IntN(len(words))] + " ")
			}
			b.WriteString(".\n")
		}
	}
	b.WriteString("\nEducation\nBSc Computer Science\n")
	return b.String()
}

func record(rng *rand.Rand, k int) screener.Record {
	years := float64(rng.IntN(20))
	matched := []string{skills[rng.IntN(len(skills))], skills[rng.IntN(len(skills))]}
	return screener.Record{Status: screener.StatusOK, Score: float64(rng.IntN(100)), Qualified: k%3 == 0,
		Name: fmt.Sprintf("Candidate %d", k), NameSource: "first line", Email: fmt.Sprintf("candidate%d@example.com", k), EmailSource: "text",
		Phone: fmt.Sprintf("+442079460%03d", k%1000), YearsExperience: &years, Matched: matched, Missing: []string{"Kubernetes"},
		SkillsFound: []rules.Found{{Skill: matched[0], Category: "language"}}, AsOf: "2026-01-01", Format: "pdf", Pages: 1}
}
