package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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
	MinYears float64 `yaml:"min_years"`
	Required bool    `yaml:"required,omitempty"` // a knockout if true
	Weight   float64 `yaml:"weight,omitempty"`
	Note     string  `yaml:"-"`
}

// UnmarshalYAML accepts an item as a bare skill name or as a mapping.
func (it *Item) UnmarshalYAML(n *yaml.Node) error {
	it.line = n.Line
	if n.Kind == yaml.ScalarNode {
		it.Skill = n.Value
		return nil
	}
	type plain Item
	var p plain
	if err := n.Decode(&p); err != nil {
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
	if err := n.Decode(&p); err != nil {
		return err
	}
	*g = Group(p)
	g.line = n.Line
	return nil
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

// Load reads a rule file (YAML) named name and checks it against tax,
// extended by the file's own skills. It returns the set with every skill
// name made canonical, and the extended taxonomy to match with. Every
// problem found is returned, joined, as [*ParseError] values.
func Load(r io.Reader, name string, tax *Taxonomy) (*Set, *Taxonomy, error) {
	data, err := io.ReadAll(io.LimitReader(r, 4<<20))
	if err != nil {
		return nil, nil, err
	}
	var s Set
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil && err != io.EOF {
		return nil, nil, yamlError(name, err)
	}
	tax, err = tax.With(s.Skills)
	if err != nil {
		return nil, nil, &ParseError{File: name, Err: err}
	}
	if err := s.check(name, tax); err != nil {
		return nil, nil, err
	}
	return &s, tax, nil
}

// yamlError turns a YAML decoding error ("yaml: line 3: ...") into a ParseError.
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, err := fmt.Sscanf(rest, "%d:", &line); n == 1 && err == nil {
			msg = strings.TrimSpace(rest[strings.Index(rest, ":")+1:])
		}
	}
	return &ParseError{File: name, Line: line, Err: errors.New(msg)}
}

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
	for _, list := range []*[]Item{&s.Required, &s.Preferred} {
		for i := range *list {
			it := &(*list)[i]
			if it.Weight < 0 || it.Weight > 100 {
				fail(it.line, "bad weight %v for %q: want 0 to 100", it.Weight, it.Skill)
			}
			it.Skill = canon(it.Skill, it.line)
		}
	}
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
		for k, sk := range g.Skills {
			g.Skills[k] = canon(sk, g.line)
		}
	}
	if d := s.Degree; d != nil {
		if levelRank[strings.ToLower(d.Level)] == 0 {
			fail(0, "degree level %q: want bachelor, master or phd", d.Level)
		}
		d.Level = strings.ToLower(d.Level)
	}
	if e := s.Experience; e != nil && (e.MinYears < 0 || e.MinYears > 60) {
		fail(0, "experience min_years %v: want 0 to 60", e.MinYears)
	}
	if len(s.Required)+len(s.OneOf)+len(s.Preferred) == 0 && s.Degree == nil && s.Experience == nil {
		fail(0, "the rule set asks for nothing")
	}
	return errors.Join(errs...)
}

// Hash returns a short SHA-256 of the set's canonical YAML, so a report can
// be traced to the exact rules that produced it.
func (s *Set) Hash() string {
	var b bytes.Buffer
	s.WriteYAML(&b)
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:])[:16]
}

// WriteYAML writes the set as an editable YAML rule file, with each item's
// note as a comment.
func (s *Set) WriteYAML(w io.Writer) error {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node, comment string) {
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: key, HeadComment: comment}
		doc.Content = append(doc.Content, k, v)
	}
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }
	num := func(v float64) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprint(v)}
	}
	seq := func(vs []string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, v := range vs {
			n.Content = append(n.Content, str(v))
		}
		return n
	}
	items := func(list []Item) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, it := range list {
			m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("skill"), str(it.Skill)}}
			if it.Weight != 0 {
				m.Content = append(m.Content, str("weight"), num(it.Weight))
			}
			if it.MinYears != 0 {
				m.Content = append(m.Content, str("min_years"), num(it.MinYears))
			}
			m.Content[0].HeadComment = it.Note
			n.Content = append(n.Content, m)
		}
		return n
	}
	if s.Title != "" {
		add("title", str(s.Title), "")
	}
	if s.Source != "" {
		add("source", str(s.Source), "")
	}
	if len(s.Required) > 0 {
		add("required", items(s.Required), "All of these; a missing one marks the candidate not qualified.")
	}
	if len(s.OneOf) > 0 {
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, g := range s.OneOf {
			m := &yaml.Node{Kind: yaml.MappingNode}
			if g.Name != "" {
				m.Content = append(m.Content, str("name"), str(g.Name))
			}
			if g.Min > 1 {
				m.Content = append(m.Content, str("min"), num(float64(g.Min)))
			}
			if g.Weight != 0 {
				m.Content = append(m.Content, str("weight"), num(g.Weight))
			}
			m.Content = append(m.Content, str("skills"), seq(g.Skills))
			m.Content[0].HeadComment = g.Note
			n.Content = append(n.Content, m)
		}
		add("one_of", n, "Groups: at least min (default 1) of each; an unmet group marks the candidate not qualified.")
	}
	if len(s.Preferred) > 0 {
		add("preferred", items(s.Preferred), "Bonus points; never a knockout.")
	}
	if d := s.Degree; d != nil {
		m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("level"), str(d.Level)}}
		if len(d.Fields) > 0 {
			m.Content = append(m.Content, str("fields"), seq(d.Fields))
		}
		if d.Required {
			m.Content = append(m.Content, str("required"), &yaml.Node{Kind: yaml.ScalarNode, Value: "true", Tag: "!!bool"})
		}
		if d.Weight != 0 {
			m.Content = append(m.Content, str("weight"), num(d.Weight))
		}
		add("degree", m, d.Note)
	}
	if e := s.Experience; e != nil {
		m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("min_years"), num(e.MinYears)}}
		if e.Required {
			m.Content = append(m.Content, str("required"), &yaml.Node{Kind: yaml.ScalarNode, Value: "true", Tag: "!!bool"})
		}
		add("experience", m, e.Note)
	}
	if len(s.Skills) > 0 {
		n := &yaml.Node{}
		if err := n.Encode(s.Skills); err != nil {
			return err
		}
		add("skills", n, "Skills this job adds to the taxonomy.")
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}
