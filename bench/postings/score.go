package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/screener/screener/rules"
)

// Strength classes a labelled or derived skill can have.
const (
	classRequired  = "required"
	classOneOf     = "one_of"
	classPreferred = "preferred"
)

// tally is the comparison of derived rules with their labels, summable
// over postings.
type tally struct {
	skills, found, strengthRight, spurious int
	groups, groupsKept                     int
	years, yearsRight                      int
	degrees, degreesRight                  int
	problems                               []string
}

func (t *tally) add(u tally) {
	t.skills += u.skills
	t.found += u.found
	t.strengthRight += u.strengthRight
	t.spurious += u.spurious
	t.groups += u.groups
	t.groupsKept += u.groupsKept
	t.years += u.years
	t.yearsRight += u.yearsRight
	t.degrees += u.degrees
	t.degreesRight += u.degreesRight
}

func ratio(n, d int) string {
	if d == 0 {
		return "   -"
	}
	return fmt.Sprintf("%.2f", float64(n)/float64(d))
}

func (t *tally) String() string {
	return fmt.Sprintf("found %s (%d/%d)  strength %s (%d/%d)  groups %d/%d  years %d/%d  degree %d/%d  spurious %d",
		ratio(t.found, t.skills), t.found, t.skills, ratio(t.strengthRight, t.skills), t.strengthRight, t.skills,
		t.groupsKept, t.groups, t.yearsRight, t.years, t.degreesRight, t.degrees, t.spurious)
}

// classes maps each skill of a set to its strength class.
func classes(s *rules.Set) map[string]string {
	m := map[string]string{}
	for _, it := range s.Preferred {
		m[it.Skill] = classPreferred
	}
	for _, g := range s.OneOf {
		for _, sk := range g.Skills {
			m[sk] = classOneOf
		}
	}
	for _, it := range s.Required {
		m[it.Skill] = classRequired
	}
	return m
}

// compare scores derived rules against the labelled ones.
//
//   - found: labelled skills the derived rules name at all;
//   - strength: labelled skills in the same class (required, one-of,
//     preferred), out of all labelled skills;
//   - spurious: derived skills the labels do not name;
//   - groups: labelled one-of groups derived with exactly the same skills
//     and minimum;
//   - years: every year count either side names (the total, and each
//     skill's min_years), right when both give the same number;
//   - degree: right when both ask for none, or for the same level with
//     the same required flag.
func compare(want, got *rules.Set) tally {
	var t tally
	problem := func(format string, args ...any) { t.problems = append(t.problems, fmt.Sprintf(format, args...)) }
	wc, gc := classes(want), classes(got)
	for _, sk := range sortedKeys(wc) {
		t.skills++
		g, ok := gc[sk]
		switch {
		case !ok:
			problem("missing %s (%s)", sk, wc[sk])
			continue
		case g != wc[sk]:
			problem("%s: %s, want %s", sk, g, wc[sk])
		default:
			t.strengthRight++
		}
		t.found++
	}
	for _, sk := range sortedKeys(gc) {
		if _, ok := wc[sk]; !ok {
			t.spurious++
			problem("spurious %s (%s)", sk, gc[sk])
		}
	}
	for _, wg := range want.OneOf {
		t.groups++
		kept := false
		for _, gg := range got.OneOf {
			if sameSkills(wg.Skills, gg.Skills) && max(wg.Min, 1) == max(gg.Min, 1) {
				kept = true
			}
		}
		if kept {
			t.groupsKept++
		} else {
			problem("group %v (min %d) not kept", wg.Skills, max(wg.Min, 1))
		}
	}
	wy, gy := years(want), years(got)
	for _, k := range sortedKeysF(wy, gy) {
		t.years++
		if wy[k] == gy[k] {
			t.yearsRight++
		} else {
			problem("years of %s: %v, want %v", k, gy[k], wy[k])
		}
	}
	t.degrees++
	wd, gd := degree(want.Degree), degree(got.Degree)
	if wd == gd {
		t.degreesRight++
	} else {
		problem("degree %s, want %s", gd, wd)
	}
	if want.Experience != nil && got.Experience != nil && want.Experience.Required != got.Experience.Required {
		problem("experience required %v, want %v (not counted)", got.Experience.Required, want.Experience.Required)
	}
	return t
}

func degree(d *rules.DegreeRule) string {
	if d == nil {
		return "none"
	}
	s := d.Level
	if d.Required {
		s += " required"
	}
	return s
}

// years maps "total" and each skill with a minimum to its years.
func years(s *rules.Set) map[string]float64 {
	m := map[string]float64{}
	if s.Experience != nil && s.Experience.MinYears > 0 {
		m["total"] = s.Experience.MinYears
	}
	for _, list := range [][]rules.Item{s.Required, s.Preferred} {
		for _, it := range list {
			if it.MinYears > 0 {
				m[it.Skill] = it.MinYears
			}
		}
	}
	return m
}

func sameSkills(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedKeysF(ms ...map[string]float64) []string {
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

func indent(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return "    " + strings.Join(lines, "\n    ") + "\n"
}
