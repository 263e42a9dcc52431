package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fill sets every exported field reachable from v to a distinct non-zero
// value: strings "f1", "f2"…, numbers 1, 2…, bools true, two elements in
// each slice, a value behind each pointer. A field of a kind it does not
// know fails the test, so that a new field cannot be forgotten.
func fill(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("f%d", *n))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i), n)
			}
		}
	default:
		t.Fatalf("fill: unhandled kind %s", v.Kind())
	}
}

// fullSet returns a set with every field filled, then made valid: known
// skills, each listed once, a real degree level and category, weights and
// years in range.
func fullSet(t *testing.T) *Set {
	t.Helper()
	var s Set
	n := 0
	fill(t, reflect.ValueOf(&s).Elem(), &n)
	s.Required[0].Skill, s.Required[1].Skill = "Docker", "Kubernetes"
	s.Preferred[0].Skill, s.Preferred[1].Skill = "Terraform", "Zorblang"
	s.OneOf[0].Skills = []string{"Go", "Java"}
	s.OneOf[1].Skills = []string{"PostgreSQL", "Frobnicator"}
	s.OneOf[0].Min, s.OneOf[1].Min = 2, 1
	s.Degree.Level = "master"
	s.Skills[0].Name, s.Skills[1].Name = "Zorblang", "Frobnicator"
	for i := range s.Skills {
		s.Skills[i].Category = "language"
		s.Skills[i].Aliases = []string{fmt.Sprintf("zz-alias-%d-a", i), fmt.Sprintf("zz-alias-%d-b", i)}
	}
	s.Required[1].Note = "from: \"a note\"\nover two lines"
	return &s
}

// comparable returns s without what Load adds or cannot know: positions
// and the base taxonomy.
func comparable(s *Set) Set {
	c := *s
	c.base = nil
	strip := func(list []Item) []Item {
		out := append([]Item(nil), list...)
		for i := range out {
			out[i].line = 0
		}
		return out
	}
	c.Required, c.Preferred = strip(s.Required), strip(s.Preferred)
	c.OneOf = append([]Group(nil), s.OneOf...)
	for i := range c.OneOf {
		c.OneOf[i].line = 0
	}
	return c
}

// TestYAMLRoundTrip: Load(WriteYAML(s)) is s, for a set with every field
// filled, notes included.
func TestYAMLRoundTrip(t *testing.T) {
	s := fullSet(t)
	var b bytes.Buffer
	if err := s.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Load(bytes.NewReader(b.Bytes()), "r.yaml", nil)
	if err != nil {
		t.Fatalf("written rules do not load: %v\n%s", err, b.String())
	}
	if want := comparable(s); !reflect.DeepEqual(comparable(got), want) {
		gj, _ := json.MarshalIndent(comparable(got), "", " ")
		wj, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("round trip changed the set:\n%s\ngot  %s\nwant %s", b.String(), gj, wj)
	}
	for _, comment := range []string{requiredComment, oneOfComment, preferredComment, skillsComment} {
		if !strings.Contains(b.String(), "# "+comment) {
			t.Errorf("YAML lacks the comment %q", comment)
		}
	}
}

// TestHashCoversMeaning: changing any field of the set changes its hash,
// except the notes and the source name; defaults hash like their values.
func TestHashCoversMeaning(t *testing.T) {
	base := fullSet(t)
	h0 := base.Hash()
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			walk(v.Elem(), path)
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					walk(v.Field(i), path+"."+f.Name)
				}
			}
		default:
			old := reflect.ValueOf(v.Interface())
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + "x")
			case reflect.Int:
				v.SetInt(v.Int() + 1)
			case reflect.Float64:
				v.SetFloat(v.Float() + 0.5)
			case reflect.Bool:
				v.SetBool(!v.Bool())
			}
			changed := base.Hash() != h0
			v.Set(old)
			ignored := strings.HasSuffix(path, ".Note") || path == ".Source"
			if changed == ignored {
				t.Errorf("changing %s: hash changed %v, want %v", path, changed, !ignored)
			}
		}
	}
	walk(reflect.ValueOf(base).Elem(), "")
	if base.Hash() != h0 {
		t.Fatal("walk did not restore the set")
	}

	// A default is the same rule whether written or not.
	a := &Set{Required: []Item{{Skill: "Go"}}, OneOf: []Group{{Skills: []string{"Java", "PHP"}}},
		Degree: &DegreeRule{Level: "bachelor"}, Experience: &Experience{MinYears: 3}}
	b := &Set{Required: []Item{{Skill: "Go", Weight: DefaultRequiredWeight}}, OneOf: []Group{{Min: 1, Skills: []string{"Java", "PHP"}, Weight: DefaultOneOfWeight}},
		Degree: &DegreeRule{Level: "Bachelor", Weight: DefaultDegreeWeight}, Experience: &Experience{MinYears: 3, Weight: DefaultExperienceWeight}}
	if a.Hash() != b.Hash() {
		t.Error("explicit default weights, min 1 or a capitalised level change the hash")
	}
	// The defect the hash had: experience.weight was not part of it.
	c := *a
	c.Experience = &Experience{MinYears: 3, Weight: 10}
	if c.Hash() == a.Hash() {
		t.Error("experience weight does not change the hash")
	}
}

// TestSetCarriesTaxonomy: a set's own skills are matched without the
// caller passing an extended taxonomy.
func TestSetCarriesTaxonomy(t *testing.T) {
	set, err := Load(strings.NewReader("skills:\n  - {name: Temporal, category: devops}\nrequired: [Temporal]\n"), "r.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	tax, err := set.Taxonomy()
	if err != nil {
		t.Fatal(err)
	}
	p := tax.Analyze(Resume{Text: "Skills: Temporal workflows"}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if r := set.Score(p); r.Score != 100 || !r.Qualified {
		t.Errorf("score %v qualified %v: the set's own skill was not matched", r.Score, r.Qualified)
	}
	// A set built in code extends the default taxonomy.
	lit := &Set{Required: []Item{{Skill: "Temporal"}}, Skills: []Skill{{Name: "Temporal", Category: "devops"}}}
	if tax, err := lit.Taxonomy(); err != nil || !found(tax, "Skills: Temporal")["Temporal"] {
		t.Errorf("literal set: taxonomy %v lacks its skill", err)
	}
	// Derived rules carry the taxonomy they were derived with.
	custom, err := DefaultTaxonomy().With([]Skill{{Name: "Zorblang", Category: "language"}})
	if err != nil {
		t.Fatal(err)
	}
	d := custom.Derive("Requirements\n- Must have strong Zorblang experience.\n")
	if tax, err := d.Taxonomy(); err != nil || !found(tax, "Skills: Zorblang")["Zorblang"] {
		t.Errorf("derived set: taxonomy %v lacks the deriving taxonomy's skill (rules %+v)", err, d.Required)
	}
}

// TestLoadAcceptsGroupMinEqualToSize: min may equal the number of skills.
func TestLoadAcceptsGroupMinEqualToSize(t *testing.T) {
	if _, err := Load(strings.NewReader("one_of:\n  - {min: 2, skills: [Go, Java]}\n"), "r.yaml", nil); err != nil {
		t.Error(err)
	}
}

// TestLoadBounds: every range Load checks accepts its ends and refuses
// what lies just outside them.
func TestLoadBounds(t *testing.T) {
	tests := []struct {
		yaml, wantErr string // "" means it loads
	}{
		{"required: [{skill: Go, weight: 100}]", ""},
		{"required: [{skill: Go, weight: 100.5}]", "bad weight 100.5"},
		{"preferred: [{skill: Go, weight: -0.5}]", "bad weight -0.5"},
		{"required: [{skill: Go, min_years: 60}]", ""},
		{"required: [{skill: Go, min_years: 60.5}]", "min_years 60.5"},
		{"preferred: [{skill: Go, min_years: -1}]", "min_years -1"},
		{"one_of: [{skills: [Go, Java], weight: 100, min: 0}]", ""},
		{"one_of: [{skills: [Go, Java], weight: 100.5}]", "bad weight 100.5 for group"},
		{"one_of: [{skills: [Go, Java], weight: -1}]", "bad weight -1 for group"},
		{"one_of: [{skills: [Go, Java], min: -1}]", "min -1 but 2 skills"},
		{"degree: {level: PhD, weight: 100}", ""},
		{"degree: {level: master, weight: 100.5}", "bad degree weight 100.5"},
		{"degree: {level: master, weight: -1}", "bad degree weight -1"},
		{"degree: {level: diploma}", `degree level "diploma"`},
		{"experience: {min_years: 60, weight: 100}", ""},
		{"experience: {min_years: 0}", ""},
		{"experience: {min_years: 60.5}", "experience min_years 60.5"},
		{"experience: {min_years: -1}", "experience min_years -1"},
		{"experience: {min_years: 3, weight: 100.5}", "bad experience weight 100.5"},
		{"experience: {min_years: 3, weight: -1}", "bad experience weight -1"},
		{"title: only a title", "asks for nothing"},
		// Any one list is something to ask for, whatever the others hold.
		{"required: [Go]\none_of: [{skills: [Java, PHP]}]", ""},
		{"one_of: [{skills: [Java, PHP]}]\npreferred: [Docker]", ""},
		{"required: [Go]\npreferred: [Docker]", ""},
	}
	for _, tt := range tests {
		s, err := Load(strings.NewReader(tt.yaml), "r.yaml", nil)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.yaml, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v, want %q", tt.yaml, err, tt.wantErr)
		case err == nil && s.Degree != nil && s.Degree.Level != "phd":
			t.Errorf("%s: level %q, want it lower-cased", tt.yaml, s.Degree.Level)
		}
	}
}

// TestSuggest: an unknown skill within a third of its length (in edits)
// of a known name or alias is suggested; one further away is not.
func TestSuggest(t *testing.T) {
	tax := DefaultTaxonomy()
	for _, tt := range []struct{ in, want string }{
		{"postgress", "PostgreSQL"}, // one edit from the alias "postgres"
		{"kubernets", "Kubernetes"},
		{"Pyton", "Python"},
		{"xqzwv", ""},
		{"djang", "Django"}, // as near "dlang" (D): the first in sorted order wins
		{"zzzzzzzzzzzz", ""},
	} {
		if got := tax.Suggest(tt.in); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance(kitten, sitting) = %d, want 3", d)
	}
	if d := editDistance("", "abc"); d != 3 {
		t.Errorf("editDistance(\"\", abc) = %d", d)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// TestWriteYAMLError: a failing writer's error is returned, not lost.
func TestWriteYAMLError(t *testing.T) {
	if err := fullSet(t).WriteYAML(failWriter{}); err == nil || !strings.Contains(err.Error(), errDiskFull.Error()) {
		t.Errorf("WriteYAML to a failing writer: %v, want %v", err, errDiskFull)
	}
}
