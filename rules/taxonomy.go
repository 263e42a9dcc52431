package rules

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

//go:embed taxonomy.txt
var taxonomyData string

// Categories a skill may belong to, as used in the taxonomy's headings.
var categories = []string{"language", "database", "framework", "frontend", "cloud", "devops", "vcs", "webserver", "methodology", "data", "testing", "os"}

// Skill is one technology or method of the taxonomy.
type Skill struct {
	Name     string   `yaml:"name"`     // canonical display name, e.g. "PostgreSQL"
	Category string   `yaml:"category"` // one of the taxonomy's categories
	Aliases  []string `yaml:"aliases,omitempty"`
	// CaseSensitive aliases match only as written ("R", "Go").
	CaseSensitive bool `yaml:"case,omitempty"`
	// NeedsContext skills count only in a technical context; see taxonomy.txt.
	NeedsContext bool `yaml:"context,omitempty"`
	// Word marks a context skill whose name is an ordinary English word
	// ("Rust", "Spring"): its case is evidence; see taxonomy.txt.
	Word bool `yaml:"word,omitempty"`
	// Not lists phrases in which the name is ordinary English.
	Not []string `yaml:"not,omitempty"`
}

// Taxonomy is an immutable set of skills and the matcher built from them.
// It is safe for concurrent use.
type Taxonomy struct {
	skills []Skill
	byKey  map[string]int // lowercased name or alias -> index in skills
	order  []int          // rank of each skill's name in sorted order
	m      *matcher
}

// DefaultTaxonomy parses the embedded taxonomy. Parsing and building the
// matcher take about a millisecond: call it once and keep the result.
func DefaultTaxonomy() *Taxonomy {
	t, err := LoadTaxonomy(strings.NewReader(taxonomyData))
	if err != nil {
		panic("embedded taxonomy: " + err.Error()) // guarded by TestDefaultTaxonomy
	}
	return t
}

// LoadTaxonomy reads a taxonomy in the format documented in taxonomy.txt.
func LoadTaxonomy(r io.Reader) (*Taxonomy, error) {
	var skills []Skill
	category := ""
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") {
			category = strings.Trim(text, "[]")
			continue
		}
		fields := strings.Split(text, "|")
		s := Skill{Name: strings.TrimSpace(fields[0]), Category: category}
		if len(fields) > 1 {
			for _, a := range strings.Split(fields[1], ",") {
				if a = strings.TrimSpace(a); a != "" {
					s.Aliases = append(s.Aliases, a)
				}
			}
		}
		if len(fields) > 2 {
			flags := fields[2]
			for flags = strings.TrimSpace(flags); flags != ""; flags = strings.TrimSpace(flags) {
				var word string
				if strings.HasPrefix(flags, "not:") {
					rest := flags[4:]
					end := strings.Index(rest, " not:")
					if end < 0 {
						end = len(rest)
					}
					phrase := strings.TrimSpace(rest[:end])
					if phrase == "" {
						return nil, fmt.Errorf("taxonomy line %d: empty not: phrase", line)
					}
					s.Not = append(s.Not, phrase)
					flags = rest[end:]
					continue
				}
				word, flags, _ = strings.Cut(flags, " ")
				switch word {
				case "case":
					s.CaseSensitive = true
				case "context":
					s.NeedsContext = true
				case "word":
					s.Word = true
				default:
					return nil, fmt.Errorf("taxonomy line %d: unknown flag %q", line, word)
				}
			}
		}
		skills = append(skills, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return newTaxonomy(skills)
}

func newTaxonomy(skills []Skill) (*Taxonomy, error) {
	t := &Taxonomy{skills: skills, byKey: map[string]int{}}
	// The words of each alias as the matcher reads them: "CI / CD" is
	// "CI/CD" to the matcher, though not to byKey.
	words := map[string]int{}
	for i, s := range skills {
		if s.Name == "" {
			return nil, fmt.Errorf("skill with an empty name")
		}
		if !validCategory(s.Category) {
			return nil, fmt.Errorf("skill %q: unknown category %q (want one of %s)", s.Name, s.Category, strings.Join(categories, ", "))
		}
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			k := strings.ToLower(a)
			toks := tokenize(a)
			if toks.len() > 0 && toks.t[0].punct {
				return nil, fmt.Errorf("alias %q of %q starts with punctuation: names are matched from their first word", a, s.Name)
			}
			w := make([]string, toks.len())
			for n := range w {
				w[n] = toks.key(n)
			}
			kw := strings.Join(w, " ")
			if j, dup := t.byKey[k]; dup && j != i {
				return nil, fmt.Errorf("alias %q of %q is already used by %q", a, s.Name, skills[j].Name)
			}
			if j, dup := words[kw]; dup && j != i && kw != "" {
				return nil, fmt.Errorf("alias %q of %q is already used by %q", a, s.Name, skills[j].Name)
			}
			t.byKey[k] = i
			words[kw] = i
		}
	}
	byName := make([]int, len(skills))
	for i := range byName {
		byName[i] = i
	}
	slices.SortFunc(byName, func(a, b int) int { return strings.Compare(skills[a].Name, skills[b].Name) })
	t.order = make([]int, len(skills))
	for rank, i := range byName {
		t.order[i] = rank
	}
	t.m = newMatcher(skills)
	return t, nil
}

func validCategory(c string) bool {
	for _, k := range categories {
		if c == k {
			return true
		}
	}
	return false
}

// With returns a taxonomy extended by extra skills. An extra skill whose
// name is already known adds its aliases to the existing skill.
func (t *Taxonomy) With(extra []Skill) (*Taxonomy, error) {
	if len(extra) == 0 {
		return t, nil
	}
	skills := append([]Skill(nil), t.skills...)
	for _, e := range extra {
		if i, ok := t.byKey[strings.ToLower(e.Name)]; ok {
			s := skills[i]
			s.Aliases = append(append([]string(nil), s.Aliases...), e.Aliases...)
			skills[i] = s
			continue
		}
		skills = append(skills, e)
	}
	return newTaxonomy(skills)
}

// Lookup returns the skill a name or alias refers to, ignoring case.
func (t *Taxonomy) Lookup(name string) (Skill, bool) {
	i, ok := t.byKey[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Skill{}, false
	}
	return t.skills[i], true
}

// Skills returns the taxonomy's skills in file order.
func (t *Taxonomy) Skills() []Skill { return append([]Skill(nil), t.skills...) }

// Suggest returns the canonical name closest to an unknown name, or "" if
// nothing is close (edit distance at most a third of the name's length).
func (t *Taxonomy) Suggest(name string) string {
	name = strings.ToLower(name)
	best, bestD := "", len(name)/3+1
	keys := make([]string, 0, len(t.byKey))
	for k := range t.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if d := editDistance(name, k); d < bestD {
			best, bestD = t.skills[t.byKey[k]].Name, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
