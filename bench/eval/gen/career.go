package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// date is a month (M 1–12) or, with M 0, a year only.
type date struct{ Y, M int }

// role is one job.
type role struct {
	Company, Position string
	Start, End        date
	Present           bool // no end: ongoing at the as-of date
	Precision         byte // how the JSON writes the dates: 'd' 2019-07-01, 'm' 2019-07, 'y' 2019
	Highlights        []string
	Skills            []string // canonical names mentioned in Position or Highlights
}

type education struct {
	Institution, StudyType, Area string
	Start, End                   date
}

// career is what the generator draws for a person.
type career struct {
	Summary       string
	SummarySkills []string
	Roles         []role // newest first
	Education     []education
	Groups        []group
	Interests     []interest
}

type group struct {
	Name     string
	Keywords []string // as written
	Canon    []string
}

type interest struct {
	Name     string
	Keywords []string
}

// asOfY and asOfM are the date "Present" stands for in the labels; the
// scorer passes the same date to the library.
const asOfY, asOfM = 2026, 6

// newCareer draws person i's career; the same i gives the same career.
func newCareer(i int, p person) career {
	r := rand.New(rand.NewPCG(uint64(i)+1, 0x5eed))
	tr := tracks[p.Track]
	var c career

	// Roles, oldest first, then reversed.
	n := 2 + r.IntN(3)
	startY := asOfY - 3 - r.IntN(14)
	cur := startY*12 + r.IntN(12) // months since year 0, 0-based month
	limit := asOfY*12 + asOfM - 1
	prec := "dddddmmmyy"[r.IntN(10)]
	var roles []role
	for k := 0; k < n && cur < limit-3; k++ {
		dur := 8 + r.IntN(48)
		end := cur + dur - 1
		ro := role{Precision: prec, Start: date{cur / 12, cur%12 + 1}}
		if end >= limit || k == n-1 && r.IntN(2) == 0 {
			ro.Present = true
		} else {
			ro.End = date{end / 12, end%12 + 1}
		}
		roles = append(roles, ro)
		cur = end + 1 + r.IntN(6)
	}
	// A side job that overlaps another role, for the merge of overlaps.
	if len(roles) >= 2 && r.IntN(5) == 0 {
		host := roles[r.IntN(len(roles)-1)]
		from := host.Start.Y*12 + host.Start.M - 1 + 2
		to := min(from+5+r.IntN(12), limit-1)
		roles = append(roles, role{Precision: 'm', Start: date{from / 12, from%12 + 1}, End: date{to / 12, to%12 + 1}, Position: "Independent Consultant"})
	}
	for k := range roles {
		ro := &roles[k]
		if ro.Precision == 'y' {
			if !ro.Present && ro.End.Y <= ro.Start.Y {
				ro.Precision = 'm'
			} else {
				ro.Start.M, ro.End.M = 0, 0
			}
		}
		if ro.Position == "" {
			ro.Position = tr.Titles[r.IntN(len(tr.Titles))]
		}
		ro.Company = companies[r.IntN(len(companies))]
		if k == 0 && i%7 == 3 {
			ro.Company = trapCompanies[i%len(trapCompanies)]
		}
		ro.Highlights, ro.Skills = highlights(r, tr, 2+r.IntN(3))
	}
	slices.SortStableFunc(roles, func(a, b role) int { return (b.Start.Y*12 + b.Start.M) - (a.Start.Y*12 + a.Start.M) })
	c.Roles = roles

	// Education ends before the first role.
	first := roles[len(roles)-1].Start
	for _, ro := range roles {
		if ro.Start.Y < first.Y {
			first = ro.Start
		}
	}
	d := degrees[r.IntN(len(degrees))]
	eEnd := first.Y - r.IntN(2)
	c.Education = append(c.Education, education{universities[r.IntN(len(universities))], d.StudyType, d.Area, date{eEnd - 3 - r.IntN(2), 0}, date{eEnd, 0}})
	if r.IntN(3) == 0 {
		c.Education[0].Start.M, c.Education[0].End.M = 9, 6
	}

	// Skills section: the skills of the roles, and one or two only listed.
	used := map[string]bool{}
	for _, ro := range roles {
		for _, sk := range ro.Skills {
			used[sk] = true
		}
	}
	var listed []skill
	for _, sk := range tr.Skills {
		if used[sk.Canon] {
			listed = append(listed, sk)
		}
	}
	extra := 1 + r.IntN(2)
	for _, k := range r.Perm(len(tr.Skills)) {
		if extra == 0 {
			break
		}
		if !used[tr.Skills[k].Canon] {
			listed = append(listed, tr.Skills[k])
			extra--
		}
	}
	ng := min(len(tr.Groups), 1+len(listed)/4)
	c.Groups = make([]group, ng)
	for k := range c.Groups {
		c.Groups[k].Name = tr.Groups[k]
	}
	for k, sk := range listed {
		g := &c.Groups[k%ng]
		g.Keywords = append(g.Keywords, form(r, sk))
		g.Canon = append(g.Canon, sk.Canon)
	}

	c.Summary = fmt.Sprintf("%s based in %s.", tr.Label, p.City)
	if r.IntN(2) == 0 && len(listed) >= 2 {
		a, b := listed[0], listed[1]
		c.Summary += fmt.Sprintf(" Most recent work centres on %s and %s.", form(r, a), form(r, b))
		c.SummarySkills = []string{a.Canon, b.Canon}
	}
	if i%5 == 2 {
		c.Interests = append(c.Interests, interest{"Cycling", []string{"restoring old bikes", "scraping off the rust"}})
	}
	c.Interests = append(c.Interests, interest{[]string{"Chess", "Photography", "Choir singing", "Trail running"}[r.IntN(4)], nil})
	return c
}

// highlights draws k highlights for a role of track tr and returns them
// with the skills they mention.
func highlights(r *rand.Rand, tr track, k int) ([]string, []string) {
	pool := r.Perm(len(tr.Skills))
	var out, skills []string
	seen := map[string]bool{}
	for range k {
		slots := r.IntN(4)
		if slots > len(pool) {
			slots = 0
		}
		tpls := templates[slots]
		t := tpls[r.IntN(len(tpls))]
		args := make([]any, slots)
		for j := range slots {
			sk := tr.Skills[pool[0]]
			pool = pool[1:]
			args[j] = form(r, sk)
			if !seen[sk.Canon] {
				seen[sk.Canon] = true
				skills = append(skills, sk.Canon)
			}
		}
		if slices.Contains(out, t) {
			continue
		}
		if slots > 0 {
			t = fmt.Sprintf(t, args...)
		}
		out = append(out, t)
	}
	slices.Sort(skills)
	return out, skills
}

// form picks one way of writing a skill.
func form(r *rand.Rand, sk skill) string {
	if len(sk.Forms) == 0 {
		return sk.Canon
	}
	return sk.Forms[r.IntN(len(sk.Forms))]
}

// jsonDate writes d the way JSON Resume does, at precision p.
func jsonDate(d date, p byte) string {
	switch {
	case d.M == 0 || p == 'y':
		return fmt.Sprint(d.Y)
	case p == 'm':
		return fmt.Sprintf("%d-%02d", d.Y, d.M)
	}
	return fmt.Sprintf("%d-%02d-01", d.Y, d.M)
}

// span is a half-open interval of months since year 0, 0-based.
type span struct{ from, to int }

// spanOf is the convention the labels use for a role as displayed: a month
// counts whole (Jan 2019 – Mar 2019 is three months); a year without a
// month stands for its middle (1 July), at either end, so "2019 – 2022" is
// three years; a role with no end runs to the end of the as-of month.
func spanOf(start, end date, present bool) span {
	from := start.Y*12 + 6
	if start.M > 0 {
		from = start.Y*12 + start.M - 1
	}
	to := asOfY*12 + asOfM
	if !present {
		to = end.Y*12 + 6
		if end.M > 0 {
			to = end.Y*12 + end.M
		}
	}
	return span{from, to}
}

// months is the length of the union of spans.
func months(spans []span) int {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b span) int { return a.from - b.from })
	total, end := 0, -1<<31
	for _, x := range s {
		if x.to <= x.from {
			continue
		}
		switch {
		case x.from >= end:
			total += x.to - x.from
			end = x.to
		case x.to > end:
			total += x.to - end
			end = x.to
		}
	}
	return total
}
