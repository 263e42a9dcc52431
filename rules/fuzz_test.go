package rules

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func FuzzMatch(f *testing.F) {
	files, _ := filepath.Glob("../testdata/example/resumes/*.txt")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(string(b))
	}
	f.Add("Skills: C#, C++, .NET, Node.js, CI/CD, Objective-C (PostgreSQL) Java/Spring R&D")
	f.Add("Jane Doe\tjane@example.com\tLisbon, Portugal\nEXPERIENCE\tStaff Engineer, Acme\tJan 2020 – Present\nSKILLS\tGo, Kubernetes\nB.Sc.\tComputer Science\t2014")
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, text string) {
		p := tax.Analyze(Resume{Text: text}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		// A table's cell boundary (a tab) is never part of what is shown.
		shown := []string{p.Name, p.Title, p.Location}
		for _, d := range p.Degrees {
			shown = append(shown, d.Field)
		}
		for _, s := range p.Skills {
			shown = append(shown, s.Evidence)
		}
		for _, v := range shown {
			if strings.Contains(v, "\t") {
				t.Errorf("%q holds a tab", v)
			}
		}
		for i, s := range p.Skills {
			if s.Count < 1 {
				t.Errorf("%s counted %d times", s.Skill, s.Count)
			}
			if i > 0 && p.Skills[i-1].Skill >= s.Skill {
				t.Errorf("skills not sorted: %q then %q", p.Skills[i-1].Skill, s.Skill)
			}
			ev := strings.TrimSuffix(strings.TrimPrefix(s.Evidence, "…"), "…")
			if !strings.Contains(strings.ReplaceAll(text, "\t", " "), ev) {
				t.Errorf("evidence %q is not from the text", s.Evidence)
			}
		}
		years := 0.0
		if p.YearsExperience != nil {
			years = *p.YearsExperience
			if years < 0 || years > 60 {
				t.Errorf("years %v", years)
			}
		}
		for _, s := range p.Skills {
			// A skill's months are those of some roles: never more than all of them.
			if s.Months < 0 || s.Months/12 > years+0.06 || s.LastUsed > 2025 {
				t.Errorf("%s: %v months, last used %d, of %v years", s.Skill, s.Months, s.LastUsed, years)
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	for _, g := range []string{"testdata/*.golden.yaml", "../testdata/example/*.yaml"} {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			b, _ := os.ReadFile(file)
			f.Add(b)
		}
	}
	f.Add([]byte("required: [Go]\none_of:\n  - {min: 2, skills: [Java, PHP]}\n"))
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := Load(bytes.NewReader(data), "f.yaml", tax)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		// What loads, writes back to YAML that loads to the same rules.
		var b bytes.Buffer
		if err := set.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		again, err := Load(&b, "again.yaml", tax)
		if err != nil {
			t.Fatalf("written rules do not load: %v\n%s", err, b.String())
		}
		if again.Hash() != set.Hash() {
			t.Errorf("hash changed through a round trip")
		}
	})
}

// FuzzDates feeds lines to the date reader: no panic, and every range it
// reads lies between 1950 and the as-of date, from before to.
func FuzzDates(f *testing.F) {
	for _, s := range []string{"Jun. 2018 Jan. 2021", "2020-07-01 — 2022-01-01", "2022-10-01 —", "since 2019", "2018年7月 - 至今",
		"03/2019-05/2019", "2020, Jul-Okt.", "Nov – Feb 2024", "15 March 2019 – heute", "+1-123-456-2019", "12/2022 — Developer"} {
		f.Add(s, "04/2026 • Wrote")
	}
	now := float64(2025*12 + 6)
	f.Fuzz(func(t *testing.T, line, next string) {
		spans := rangesIn(line, now)
		col, _ := columnRange([]string{line, next}, 0, now)
		spans = append(spans, col...)
		for _, s := range spans {
			if s.from < 1950*12 || s.to > now+1 || s.from > s.to {
				t.Errorf("%q: range %v", line, s)
			}
		}
		for _, m := range marksIn(line) {
			if m.start < 0 || m.end > len(line) || m.start >= m.end {
				t.Errorf("%q: mark at [%d, %d)", line, m.start, m.end)
			}
		}
	})
}
