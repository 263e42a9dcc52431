package rules

import (
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Comments above the lists of a rule file, for the recruiter who edits it.
const (
	requiredComment  = "All of these; a missing one marks the candidate not qualified."
	oneOfComment     = "Groups: at least min (default 1) of each; an unmet group marks the candidate not qualified."
	preferredComment = "Bonus points; never a knockout."
	skillsComment    = "Skills this job adds to the taxonomy."
)

// WriteYAML writes the set as an editable YAML rule file: the YAML encoder
// writes every field the struct's tags name, and each list gets a comment
// saying what it means, each item its Note. [Load] reads it back to an
// equal set, notes included.
func (s *Set) WriteYAML(w io.Writer) error {
	var doc yaml.Node
	if err := doc.Encode(s); err != nil {
		return err
	}
	eachKey(&doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "required":
			k.HeadComment = requiredComment
			for i, it := range s.Required {
				setNote(v.Content[i], it.Note)
			}
		case "preferred":
			k.HeadComment = preferredComment
			for i, it := range s.Preferred {
				setNote(v.Content[i], it.Note)
			}
		case "one_of":
			k.HeadComment = oneOfComment
			for i, g := range s.OneOf {
				setNote(v.Content[i], g.Note)
				flowList(v.Content[i], "skills")
			}
		case "degree":
			k.HeadComment = comment(s.Degree.Note)
			flowList(v, "fields")
		case "experience":
			k.HeadComment = comment(s.Experience.Note)
		case "skills":
			k.HeadComment = skillsComment
		}
	})
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	return enc.Close()
}

// readNotes sets each item's Note from the comment above it, the way
// WriteYAML writes them; doc is the rule file parsed as a node tree.
func (s *Set) readNotes(doc *yaml.Node) {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	at := func(v *yaml.Node, i int) *yaml.Node {
		if v.Kind == yaml.SequenceNode && i < len(v.Content) {
			return v.Content[i]
		}
		return nil
	}
	eachKey(doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "required":
			for i := range s.Required {
				s.Required[i].Note = noteOf(at(v, i))
			}
		case "preferred":
			for i := range s.Preferred {
				s.Preferred[i].Note = noteOf(at(v, i))
			}
		case "one_of":
			for i := range s.OneOf {
				s.OneOf[i].Note = noteOf(at(v, i))
			}
		case "degree":
			if s.Degree != nil {
				s.Degree.Note = uncomment(k.HeadComment)
			}
		case "experience":
			if s.Experience != nil {
				s.Experience.Note = uncomment(k.HeadComment)
			}
		}
	})
}

// eachKey calls f with each key and value of a mapping node.
func eachKey(m *yaml.Node, f func(k, v *yaml.Node)) {
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		f(m.Content[i], m.Content[i+1])
	}
}

// setNote writes note as the comment of a list entry (a mapping): on its
// first key, which the encoder prints right after the dash.
func setNote(entry *yaml.Node, note string) {
	if entry.Kind == yaml.MappingNode && len(entry.Content) > 0 {
		entry.Content[0].HeadComment = comment(note)
	}
}

// noteOf reads a list entry's note, wherever the parser put the comment.
func noteOf(entry *yaml.Node) string {
	if entry == nil {
		return ""
	}
	if entry.HeadComment != "" || entry.Kind != yaml.MappingNode || len(entry.Content) == 0 {
		return uncomment(entry.HeadComment)
	}
	return uncomment(entry.Content[0].HeadComment)
}

// flowList prints the list under key of mapping m on one line: [a, b].
func flowList(m *yaml.Node, key string) {
	eachKey(m, func(k, v *yaml.Node) {
		if k.Value == key && v.Kind == yaml.SequenceNode {
			v.Style = yaml.FlowStyle
		}
	})
}

// comment turns a note into comment text: each line gets "# ", so a note
// is always read back as a note.
func comment(note string) string {
	if note == "" {
		return ""
	}
	return "# " + strings.ReplaceAll(note, "\n", "\n# ")
}

// uncomment is the inverse of comment.
func uncomment(c string) string {
	lines := strings.Split(c, "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(l, "#")
		lines[i] = strings.TrimPrefix(l, " ")
	}
	return strings.Join(lines, "\n")
}
