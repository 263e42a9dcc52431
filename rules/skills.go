package rules

import (
	"math"
	"slices"
	"strings"
)

// FindSkills returns every taxonomy skill in text, sorted by name.
func (t *Taxonomy) FindSkills(text string) []Found {
	lines := strings.Split(text, "\n")
	return t.findSkills(text, lines, sectionsOf(lines), nil)
}

// findSkills finds the skills of a text; with roles, it also gives each
// skill the months of the roles whose lines mention it, and the year it
// was last used.
func (t *Taxonomy) findSkills(text string, lines []string, sections []Section, roles []role) []Found {
	toks := tokenize(text)
	sectionOf := func(line int) Section {
		if line < len(sections) {
			return sections[line]
		}
		return SectionOther
	}
	raw := t.m.scan(toks)
	hits := t.m.accept(toks, raw, sectionOf)
	// Aggregate by skill: first occurrence gives section and evidence.
	first := make([]int32, len(t.skills)) // 1 + index of the first hit, by skill
	count := make([]int32, len(t.skills))
	var found []int // skill indices, in order of first appearance
	for k, h := range hits {
		if first[h.skill] == 0 {
			first[h.skill] = int32(k + 1)
			found = append(found, h.skill)
		}
		count[h.skill]++
	}
	slices.SortFunc(found, func(a, b int) int { return t.order[a] - t.order[b] })
	var used [][]role
	if roles != nil {
		used = skillRoles(t.m.roleHits(toks, raw, hits, len(t.skills)), toks, roles, len(t.skills))
	}
	out := make([]Found, len(found))
	for i, sk := range found {
		h := hits[first[sk]-1]
		s := t.skills[sk]
		line := int(toks.t[h.first].line)
		start := int(toks.t[h.first].start)
		out[i] = Found{Skill: s.Name, Category: s.Category, Count: int(count[sk]), Section: sectionOf(line),
			Evidence: evidence(lines[line], start-lineStart(text, start))}
		if used != nil && len(used[sk]) > 0 {
			rs := used[sk]
			spans := make([]span, len(rs))
			for k, r := range rs {
				spans[k] = r.span
				out[i].LastUsed = max(out[i].LastUsed, r.lastYear)
			}
			out[i].Months = math.Round(mergedMonths(spans)*10) / 10
		}
	}
	return out
}

// roleHits are the mentions that give a skill the months of the role
// they stand in: those accepted, and those of a skill the resume shows
// elsewhere that lacked only a technical context of their own ("Wrote the
// style guide for NodeJS", "Ran the team on R" once the skills list names
// Node.js and R). A word skill's mention ("Go", "Rust") still needs its
// own evidence, its case, and a phrase that makes the name ordinary
// English ("leaf node") never counts. raw are the hits before context
// rules, accepted those kept, both in text order.
func (m *matcher) roleHits(toks *tokens, raw, accepted []hit, nSkills int) []hit {
	shown := make([]bool, nSkills)
	for _, h := range accepted {
		shown[h.skill] = true
	}
	out := make([]hit, 0, len(raw))
	a := 0
	for _, h := range raw {
		if a < len(accepted) && accepted[a] == h {
			out = append(out, h)
			a++
			continue
		}
		if h.ambiguous && !h.word && shown[h.skill] && !m.excluded(toks, h, false) {
			out = append(out, h)
		}
	}
	return out
}

// skillRoles returns, by skill, the roles whose lines mention it.
func skillRoles(hits []hit, toks *tokens, roles []role, nSkills int) [][]role {
	if len(roles) == 0 {
		return nil
	}
	used := make([][]role, nSkills)
	for _, h := range hits {
		line := int(toks.t[h.first].line)
		for _, r := range roles {
			if line >= r.first && line < r.last && !slices.ContainsFunc(used[h.skill], func(o role) bool { return o == r }) {
				used[h.skill] = append(used[h.skill], r)
			}
		}
	}
	return used
}

func lineStart(text string, off int) int {
	return strings.LastIndexByte(text[:off], '\n') + 1
}

// evidence trims a line to at most 160 bytes around the offset at, its
// table cells (tabs) parted by spaces as they read in a sentence.
func evidence(line string, at int) string {
	const width = 160
	line = strings.ReplaceAll(line, "\t", " ")
	line = strings.TrimSpace(strings.TrimLeft(line, "•·-*◦▪ "))
	if len(line) <= width {
		return line
	}
	at = min(max(at, 0), len(line))
	start := max(0, at-width/2)
	end := min(len(line), start+width)
	for start > 0 && !isBoundary(line[start]) {
		start--
	}
	for end < len(line) && !isBoundary(line[end]) {
		end++
	}
	s := strings.TrimSpace(line[start:end])
	if start > 0 {
		s = "…" + s
	}
	if end < len(line) {
		s += "…"
	}
	return s
}

func isBoundary(c byte) bool { return c == ' ' }
