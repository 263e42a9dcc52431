package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Default weights. Required skills and one-of groups weigh three times a
// preferred skill: missing one should cost more than having a bonus earns.
// Degree and experience sit between. The ratios matter, not the numbers.
const (
	DefaultRequiredWeight   = 3
	DefaultOneOfWeight      = 3
	DefaultPreferredWeight  = 1
	DefaultDegreeWeight     = 2
	DefaultExperienceWeight = 2
)

// Set is a job's rule set: what a resume is scored against.
type Set struct {
	Title      string      `yaml:"title,omitempty"`
	Source     string      `yaml:"source,omitempty"` // the posting it was derived from
	Required   []Item      `yaml:"required,omitempty"`
	OneOf      []Group     `yaml:"one_of,omitempty"`
	Preferred  []Item      `yaml:"preferred,omitempty"`
	Degree     *DegreeRule `yaml:"degree,omitempty"`
	Experience *Experience `yaml:"experience,omitempty"`
	// Skills extends the taxonomy for this job.
	Skills []Skill `yaml:"skills,omitempty"`

	base *Taxonomy // the taxonomy Skills extend; nil means DefaultTaxonomy()
}

// Taxonomy returns the taxonomy the set is matched with: the one it was
// loaded or derived with (for a Set built in code, [DefaultTaxonomy]),
// extended by the set's own Skills. The error is that of [Taxonomy.With].
func (s *Set) Taxonomy() (*Taxonomy, error) {
	base := s.base
	if base == nil {
		base = DefaultTaxonomy()
	}
	return base.With(s.Skills)
}

// Item is one required or preferred skill.
type Item struct {
	Skill  string  `yaml:"skill"`
	Weight float64 `yaml:"weight,omitempty"` // 0 means the default for its list
	// MinYears is the least experience with the skill the job asks for, in
	// years of dated roles that mention it; 0 means no minimum.
	MinYears float64 `yaml:"min_years,omitempty"`
	Note     string  `yaml:"-"` // where it came from; written as a comment
	line     int
}

// Group is satisfied when at least Min of its skills are found.
type Group struct {
	Name   string   `yaml:"name,omitempty"`
	Min    int      `yaml:"min,omitempty"`    // 0 means 1
	Weight float64  `yaml:"weight,omitempty"` // 0 means DefaultOneOfWeight
	Skills []string `yaml:"skills"`
	Note   string   `yaml:"-"`
	line   int
}

// DegreeRule asks for a degree of at least Level, in one of Fields if any
// are listed.
type DegreeRule struct {
	Level    string   `yaml:"level"` // bachelor, master or phd
	Fields   []string `yaml:"fields,omitempty"`
	Required bool     `yaml:"required,omitempty"` // a knockout if true
	Weight   float64  `yaml:"weight,omitempty"`
	Note     string   `yaml:"-"`
}

// Experience asks for a minimum of total years of experience.
type Experience struct {
	MinYears float64 `yaml:"min_years"`          // 0 means none: only Weight counts
	Required bool    `yaml:"required,omitempty"` // a knockout if true
	Weight   float64 `yaml:"weight,omitempty"`
	Note     string  `yaml:"-"`
}

// UnmarshalYAML accepts an item as a bare skill name or as a mapping.
func (it *Item) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*it = Item{Skill: n.Value, line: n.Line}
		return nil
	}
	type plain Item
	var p plain
	if err := decodeStrict(n, &p); err != nil {
		return err
	}
	*it = Item(p)
	it.line = n.Line
	return nil
}

// UnmarshalYAML records the group's line for error messages.
func (g *Group) UnmarshalYAML(n *yaml.Node) error {
	type plain Group
	var p plain
	if err := decodeStrict(n, &p); err != nil {
		return err
	}
	*g = Group(p)
	g.line = n.Line
	return nil
}

// decodeStrict decodes a mapping into v and, unlike yaml.Node.Decode,
// refuses keys that name no field of v: an UnmarshalYAML method does not
// inherit the decoder's KnownFields.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind == yaml.MappingNode {
		known := map[string]bool{}
		t := reflect.TypeOf(v).Elem()
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			known[name] = true
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !known[k.Value] || k.Value == "-" {
				return fmt.Errorf("line %d: unknown field %q", k.Line, k.Value)
			}
		}
	}
	return n.Decode(v)
}

// ParseError is a problem in a rule file, at a line.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrUnknownSkill is wrapped by a [ParseError] for a skill the taxonomy
// does not know.
var ErrUnknownSkill = errors.New("unknown skill")

// Load reads a rule file (YAML) named name and checks it against tax
// (nil means [DefaultTaxonomy]), extended by the file's own skills. It
// returns the set with every skill name made canonical, carrying that
// taxonomy (see [Set.Taxonomy]), and each item's comment as its Note.
// Every problem found is returned, joined, as [*ParseError] values.
func Load(r io.Reader, name string, tax *Taxonomy) (*Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, 4<<20))
	if err != nil {
		return nil, err
	}
	if tax == nil {
		tax = DefaultTaxonomy()
	}
	var s Set
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil && err != io.EOF {
		return nil, yamlError(name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil {
		s.readNotes(&doc)
	}
	s.base = tax
	ext, err := s.Taxonomy()
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	if err := s.check(name, ext); err != nil {
		return nil, err
	}
	return &s, nil
}

// yamlError turns a YAML decoding error ("yaml: line 3: ...") into a ParseError.
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := notFound.FindStringSubmatch(msg); m != nil { // the decoder's words for an unknown key
		msg = m[1] + fmt.Sprintf("unknown field %q", m[2])
	}
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, err := fmt.Sscanf(rest, "%d:", &line); n == 1 && err == nil {
			msg = strings.TrimSpace(rest[strings.Index(rest, ":")+1:])
		}
	}
	return &ParseError{File: name, Line: line, Err: errors.New(msg)}
}

var notFound = regexp.MustCompile(`^(line \d+: )field (\S+) not found in type \S+$`)

// check validates the set and canonicalizes its skill names.
func (s *Set) check(name string, tax *Taxonomy) error {
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &ParseError{File: name, Line: line, Err: fmt.Errorf(format, args...)})
	}
	canon := func(skill string, line int) string {
		if sk, ok := tax.Lookup(skill); ok {
			return sk.Name
		}
		err := fmt.Errorf("%w %q", ErrUnknownSkill, skill)
		if sug := tax.Suggest(skill); sug != "" {
			err = fmt.Errorf("%w (did you mean %q?)", err, sug)
		}
		errs = append(errs, &ParseError{File: name, Line: line, Err: err})
		return skill
	}
	listed := map[string]int{} // canonical skill -> line of its first mention
	once := func(skill string, line int) {
		if first, dup := listed[skill]; dup {
			fail(line, "skill %q listed twice (first on line %d): a skill counts once", skill, first)
			return
		}
		listed[skill] = line
	}
	for _, list := range []*[]Item{&s.Required, &s.Preferred} {
		for i := range *list {
			it := &(*list)[i]
			if it.Weight < 0 || it.Weight > 100 {
				fail(it.line, "bad weight %v for %q: want 0 to 100", it.Weight, it.Skill)
			}
			if it.MinYears < 0 || it.MinYears > 60 {
				fail(it.line, "min_years %v for %q: want 0 to 60", it.MinYears, it.Skill)
			}
			it.Skill = canon(it.Skill, it.line)
			once(it.Skill, it.line)
		}
	}
	grouped := map[string]bool{} // skills of the groups so far
	for i := range s.OneOf {
		g := &s.OneOf[i]
		if len(g.Skills) == 0 {
			fail(g.line, "one_of group %q is empty", g.Name)
		}
		if g.Min < 0 || g.Min > len(g.Skills) {
			fail(g.line, "one_of group %q: min %d but %d skills", g.Name, g.Min, len(g.Skills))
		}
		if g.Weight < 0 || g.Weight > 100 {
			fail(g.line, "bad weight %v for group %q: want 0 to 100", g.Weight, g.Name)
		}
		// A skill may stand in several groups, each a requirement of its
		// own ("Java or Ruby"; "Java, C# or Node.js"), but once in a group
		// and never beside an item.
		inGroup := map[string]bool{}
		for k, sk := range g.Skills {
			g.Skills[k] = canon(sk, g.line)
			if first, dup := listed[g.Skills[k]]; dup && (inGroup[g.Skills[k]] || !grouped[g.Skills[k]]) {
				fail(g.line, "skill %q listed twice (first on line %d): a skill counts once in a group, and an item is not also in a group", g.Skills[k], first)
				continue
			}
			if _, seen := listed[g.Skills[k]]; !seen {
				listed[g.Skills[k]] = g.line
			}
			inGroup[g.Skills[k]], grouped[g.Skills[k]] = true, true
		}
	}
	if d := s.Degree; d != nil {
		if levelRank[strings.ToLower(d.Level)] == 0 {
			fail(0, "degree level %q: want bachelor, master or phd", d.Level)
		}
		d.Level = strings.ToLower(d.Level)
	}
	if d := s.Degree; d != nil && (d.Weight < 0 || d.Weight > 100) {
		fail(0, "bad degree weight %v: want 0 to 100", d.Weight)
	}
	if e := s.Experience; e != nil && (e.MinYears < 0 || e.MinYears > 60) {
		fail(0, "experience min_years %v: want 0 to 60", e.MinYears)
	}
	if e := s.Experience; e != nil && (e.Weight < 0 || e.Weight > 100) {
		fail(0, "bad experience weight %v: want 0 to 100", e.Weight)
	}
	if len(s.Required)+len(s.OneOf)+len(s.Preferred) == 0 && s.Degree == nil && s.Experience == nil {
		fail(0, "the rule set asks for nothing")
	}
	return errors.Join(errs...)
}

// Hash returns a short SHA-256 of what the set means, so that a report can
// be traced to its rules and stored results are reused only under the
// same rules. Every field counts, with its default made explicit (an item
// without a weight hashes like one with the default weight); the notes and
// the source name do not, as they change no score, nor does the order of
// a list or of a group's skills.
func (s *Set) Hash() string {
	b, err := json.Marshal(s.canonical())
	if err != nil {
		panic("rules: hash: " + err.Error()) // a Set holds only strings, numbers and bools
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:16]
}

// canonical returns a deep copy of s without notes or source, and with
// defaults filled in. The copy goes through JSON, so a field added to the
// set counts in the hash without a change here.
func (s *Set) canonical() *Set {
	var c Set
	if b, err := json.Marshal(s); err != nil || json.Unmarshal(b, &c) != nil {
		panic("rules: copy of a set: " + fmt.Sprint(err)) // a Set holds only strings, numbers and bools
	}
	c.Source = ""
	nilEmpty(reflect.ValueOf(&c).Elem()) // an empty list means what no list means
	for _, l := range []struct {
		items []Item
		def   float64
	}{{c.Required, DefaultRequiredWeight}, {c.Preferred, DefaultPreferredWeight}} {
		for i := range l.items {
			l.items[i].Note, l.items[i].Weight = "", WeightOr(l.items[i].Weight, l.def)
		}
	}
	for i := range c.OneOf {
		g := &c.OneOf[i]
		g.Note, g.Min, g.Weight = "", max(g.Min, 1), WeightOr(g.Weight, DefaultOneOfWeight)
		slices.Sort(g.Skills) // "Java or Ruby" is "Ruby or Java"
	}
	// The order of a list means nothing either.
	bySkill := func(a, b Item) int { return strings.Compare(a.Skill, b.Skill) }
	slices.SortFunc(c.Required, bySkill)
	slices.SortFunc(c.Preferred, bySkill)
	slices.SortFunc(c.OneOf, func(a, b Group) int { return slices.Compare(a.Skills, b.Skills) })
	if d := c.Degree; d != nil {
		d.Note, d.Level, d.Weight = "", strings.ToLower(d.Level), WeightOr(d.Weight, DefaultDegreeWeight)
		slices.Sort(d.Fields)
	}
	if e := c.Experience; e != nil {
		e.Note, e.Weight = "", WeightOr(e.Weight, DefaultExperienceWeight)
	}
	return &c
}

// nilEmpty sets every empty slice reachable from v to nil.
func nilEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			nilEmpty(v.Elem())
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.SetZero()
		}
		for i := range v.Len() {
			nilEmpty(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				nilEmpty(v.Field(i))
			}
		}
	}
}
